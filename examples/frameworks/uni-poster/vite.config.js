// uni-app's own Vite plugin compiles the Vue pages to WeChat mini-program files.
import { defineConfig } from 'vite';
import uni from '@dcloudio/vite-plugin-uni';

export default defineConfig({
  plugins: [uni()],
});
