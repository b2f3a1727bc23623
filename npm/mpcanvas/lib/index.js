'use strict';
// The JS API over the `mpcanvas` binary: each call is one process, so a
// test's poster runs exactly as `mpcanvas run` runs it in CI.
const { execFile, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { binaryPath } = require('./binary.js');

/** Run options → `mpcanvas run` flags (one place, for `run` and tests). */
function runArgs(project, o = {}) {
  const args = ['run', String(project), '--json'];
  const flag = (name, value) => {
    if (value !== undefined && value !== null) args.push(`--${name}`, String(value));
  };
  flag('platform', o.platform);
  flag('page', o.page);
  for (const [k, v] of Object.entries(o.query ?? {})) flag('query', `${k}=${v}`);
  for (const t of o.taps ?? []) flag('tap', t);
  for (const p of o.pick ?? []) flag('pick', p);
  flag('user', o.user);
  flag('dpr', o.dpr);
  flag('screen', Array.isArray(o.screen) ? o.screen.join('x') : o.screen);
  flag('system', o.system);
  flag('sdk-version', o.sdkVersion);
  flag('locale', o.locale);
  flag('tz', o.tz);
  flag('now', o.now);
  flag('seed', o.seed);
  flag('time-limit', o.timeLimit);
  flag('memory-limit', o.memoryLimit);
  if (o.offline) args.push('--offline');
  if (o.keepState) args.push('--keep-state');
  return args;
}

function exec(args, what) {
  return new Promise((resolve, reject) => {
    execFile(binaryPath(), args, { maxBuffer: 256 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) {
        reject(new Error(`mpcanvas ${what}: ${error.message}\n${stderr}`));
      } else {
        resolve({ code, stdout, stderr });
      }
    });
  });
}

/**
 * Runs a mini-program page, app or mini-game (`mpcanvas run`), each tap
 * in order, and resolves with the report and the images it exported (the
 * album's, else the temp files). A script error does not reject: the
 * report says what happened (`ok` is false); bad options and unusable
 * paths do.
 */
async function run(project, options = {}) {
  const out = options.out ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-run-'));
  const { code, stdout, stderr } = await exec(
    [...runArgs(project, options), '--out', out],
    'run'
  );
  if (code === 2) throw new Error(`mpcanvas run: ${stderr.trim()}`);
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new Error(`mpcanvas run printed no report (exit ${code}): ${stderr.trim()}`);
  }
  const files = report.album.length > 0 ? report.album : report.tempFiles;
  return { ok: code === 0, report, images: files.map((f) => f.realPath), out, stderr };
}

/**
 * Renders a drawing script (`function draw(ctx, canvas, env)`) to a PNG
 * or JPEG (`mpcanvas render`); resolves with the written file's path.
 */
async function render(script, options = {}) {
  const output =
    options.output ??
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-render-')), 'render.png');
  const args = ['render', String(script), '-o', output];
  const flag = (name, value) => {
    if (value !== undefined && value !== null) args.push(`--${name}`, String(value));
  };
  flag('size', Array.isArray(options.size) ? options.size.join('x') : options.size);
  flag('quality', options.quality);
  flag('locale', options.locale);
  flag('tz', options.tz);
  flag('now', options.now);
  flag('seed', options.seed);
  if (options.systemFonts === false) args.push('--no-system-fonts');
  const { code, stderr } = await exec(args, 'render');
  if (code !== 0) throw new Error(`mpcanvas render: ${stderr.trim()}`);
  return { image: output, stderr };
}

/**
 * Compares an image with a snapshot by the conformance rule (synchronous:
 * matchers call it). `update` writes the image as the snapshot when it is
 * missing or beyond the tolerance. Returns the verdict: `pass`, `status`
 * (`matches`, `approved`, `differs`, `size`, `missing`), `message`, and
 * `diff` (expected | diff | actual) when it differs.
 */
function compare(image, snapshot, options = {}) {
  const args = ['compare', String(image), String(snapshot)];
  if (options.update) args.push('--update');
  if (options.diff) args.push('--diff', String(options.diff));
  if (options.maxDifference !== undefined) args.push('--max-difference', String(options.maxDifference));
  if (options.pixels !== undefined) args.push('--pixels', String(options.pixels));
  const r = spawnSync(binaryPath(), args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status === 2 || !r.stdout.trim()) {
    throw new Error(`mpcanvas compare: ${r.stderr.trim()}`);
  }
  return JSON.parse(r.stdout);
}

module.exports = { run, render, compare, binaryPath, runArgs };
