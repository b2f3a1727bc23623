// Vitest: `setupFiles: ['mpcanvas/vitest']` adds the matcher.
import { expect } from 'vitest';
import matchers from './matchers.js';

expect.extend({ toMatchPosterSnapshot: matchers.toMatchPosterSnapshot });
