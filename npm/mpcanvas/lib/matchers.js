'use strict';
// `expect(poster).toMatchPosterSnapshot()` for Jest and Vitest: each image
// is compared with its snapshot by `mpcanvas compare` (the rule and diff
// images of `mpcanvas test`). Snapshots live in `__posters__/` beside the
// test file, named after the test; a new snapshot is written unless the
// runner is in CI mode (`--ci`, or CI=true), `-u` rewrites changed ones,
// as with Jest's own snapshots. Synchronous, so a missing `await` cannot
// make a failing comparison pass.
const fs = require('node:fs');
const path = require('node:path');
const { compare } = require('./index.js');

/** Calls per test, so a test's second poster gets its own snapshot. */
const counters = new Map();

function slug(text) {
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'poster';
}

/** The images of what was passed: a path, paths, or a `run()` result. */
function imagesOf(poster) {
  if (typeof poster === 'string') return [poster];
  if (Array.isArray(poster)) return poster.map(String);
  if (poster && Array.isArray(poster.images)) return poster.images;
  if (poster && typeof poster.image === 'string') return [poster.image];
  throw new TypeError(
    'toMatchPosterSnapshot wants an image path, an array of paths, or the result of run() / render()'
  );
}

/**
 * The matcher. `name` (optional) names the snapshot instead of a counter;
 * `options.maxDifference` / `options.pixels` set the tolerance.
 */
function toMatchPosterSnapshot(poster, name, options = {}) {
  if (typeof name === 'object' && name !== null) {
    options = name;
    name = undefined;
  }
  const testPath = this.testPath;
  const testName = this.currentTestName ?? 'poster';
  if (!testPath) throw new Error('toMatchPosterSnapshot runs inside a Jest or Vitest test');
  // 'all' (-u), 'new' (default), 'none' (--ci).
  const mode = this.snapshotState?._updateSnapshot ?? (process.env.CI ? 'none' : 'new');
  const key = `${testPath}\0${testName}\0${name ?? ''}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const dir = path.join(path.dirname(testPath), '__posters__');
  const base = `${slug(path.basename(testPath))}--${slug(testName)}${name ? `--${slug(name)}` : ''}-${n}`;
  const images = imagesOf(poster);
  if (images.length === 0) {
    return { pass: false, message: () => 'toMatchPosterSnapshot: the run exported no image' };
  }
  const problems = [];
  images.forEach((image, i) => {
    const snapshot = path.join(dir, images.length > 1 ? `${base}.${i + 1}.png` : `${base}.png`);
    const exists = fs.existsSync(snapshot);
    const update = mode === 'all' || (mode === 'new' && !exists);
    if (update) fs.mkdirSync(dir, { recursive: true });
    const diff = path.join(dir, '__diff_output__', path.basename(snapshot, '.png') + '.diff.png');
    const verdict = compare(image, snapshot, { ...options, update, diff });
    if (this.snapshotState && verdict.status === 'approved') {
      // Counted in the runner's summary ("1 snapshot written").
      if (exists) this.snapshotState.updated += 1;
      else this.snapshotState.added += 1;
    }
    if (!verdict.pass) {
      problems.push(
        verdict.status === 'missing'
          ? `${snapshot}: no approved snapshot, and snapshots are not written in CI mode (run the tests with -u locally and commit it)`
          : verdict.message
      );
    } else if (verdict.status === 'matches' && fs.existsSync(diff)) {
      fs.rmSync(diff); // an old diff would mislead
    }
  });
  const pass = problems.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected the poster not to match its snapshot`
        : `poster differs from its snapshot:\n  ${problems.join('\n  ')}\n(run with -u to approve the new poster)`,
  };
}

module.exports = { toMatchPosterSnapshot };
