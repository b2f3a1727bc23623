import { theme } from './lib/theme';

App<{ theme: typeof theme }>({
  theme,
});
