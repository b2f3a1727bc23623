import type { RunResult, Tolerance } from './index';

/** What `toMatchPosterSnapshot` takes: an image path, paths, or a `run()` / `render()` result. */
export type Poster = string | string[] | RunResult | { image: string };

declare module 'expect' {
  interface Matchers<R> {
    /** Compares each image with its snapshot in `__posters__/` beside the test. */
    toMatchPosterSnapshot(name?: string | Tolerance, options?: Tolerance): R;
  }
}

declare module 'vitest' {
  interface Assertion<T = any> {
    /** Compares each image with its snapshot in `__posters__/` beside the test. */
    toMatchPosterSnapshot(name?: string | Tolerance, options?: Tolerance): T;
  }
}

export function toMatchPosterSnapshot(
  this: unknown,
  poster: Poster,
  name?: string | Tolerance,
  options?: Tolerance
): { pass: boolean; message: () => string };
