// Shared pieces of the service scripts (load.mjs, nginx.mjs, playground.mjs)
// and tools/report/check.mjs: starting `mpcanvas serve` on a free loopback
// port, launching headless Chromium, reading a process's memory and
// descriptors from /proc, building tar archives, percentiles.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/// The binary: --bin, else $MPCANVAS_BIN, else the release build, else the debug one.
export function binary(argv) {
  const i = argv.indexOf('--bin');
  if (i >= 0) return path.resolve(argv[i + 1]);
  if (process.env.MPCANVAS_BIN) return path.resolve(process.env.MPCANVAS_BIN);
  for (const p of ['target/release/mpcanvas', 'target/debug/mpcanvas']) {
    const full = path.join(REPO, p);
    if (fs.existsSync(full)) return full;
  }
  throw new Error('no mpcanvas binary: build it (cargo build --release) or pass --bin');
}

/// Debian's headless Chromium ($CHROMIUM, else /usr/bin/chromium) driven by
/// playwright-core from npm, installed into target/npm-tools on first use
/// (never committed): resolves to the launched browser.
export async function launchChromium() {
  const tools = path.join(REPO, 'target/npm-tools');
  if (!fs.existsSync(path.join(tools, 'node_modules/playwright-core'))) {
    fs.mkdirSync(tools, { recursive: true });
    execFileSync('npm', ['install', '--prefix', tools, '--no-save', '--no-audit', '--no-fund', 'playwright-core@1'], {
      stdio: 'inherit',
    });
  }
  const { chromium } = createRequire(path.join(tools, 'x.js'))('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
}

/// Starts `mpcanvas serve --listen 127.0.0.1:0 ...args` with TMPDIR=tmpdir
/// and resolves once it printed its address: { proc, url, stop() }.
export function startServer(bin, args = [], { tmpdir } = {}) {
  const env = { ...process.env };
  if (tmpdir) env.TMPDIR = tmpdir;
  const proc = spawn(bin, ['serve', '--listen', '127.0.0.1:0', '--no-system-fonts', ...args], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start: ${stderr}`)), 30000);
    const early = (code) => reject(new Error(`the server exited (${code}): ${stderr}`));
    proc.on('exit', early);
    proc.stderr.on('data', (d) => {
      stderr += d;
      const m = stderr.match(/listening on (http:\/\/[0-9.:]+) \(/);
      if (m) {
        clearTimeout(timer);
        proc.removeListener('exit', early);
        resolve({
          proc,
          url: m[1],
          stderr: () => stderr,
          // SIGTERM: the service finishes running jobs and exits 0.
          stop: () =>
            new Promise((res) => {
              if (proc.exitCode !== null) return res(proc.exitCode);
              proc.on('exit', (code) => res(code));
              proc.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/// VmRSS and VmHWM (peak) of a process, in MB.
export function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))[1]);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/// Open file descriptors of a process.
export function descriptors(pid) {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/// A ustar archive of { name: Buffer|string } (folders implied by names).
export function tar(files) {
  const blocks = [];
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const h = Buffer.alloc(512);
    h.write(name, 0, 100, 'utf8');
    h.write('0000644\0', 100);
    h.write('0000000\0', 108);
    h.write('0000000\0', 116);
    h.write(data.length.toString(8).padStart(11, '0') + '\0', 124);
    h.write('00000000000\0', 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148);
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/// Every file under `dir` as { 'prefix/relative/path': Buffer }.
export function folderFiles(dir, prefix) {
  const out = {};
  const walk = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (e.isFile()) out[`${prefix}/${r}`] = fs.readFileSync(path.join(d, e.name));
    }
  };
  walk(dir, '');
  return out;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/// Fails the script with `message` unless `ok`; collects every failure.
export class Checks {
  constructor() {
    this.failures = [];
  }
  ok(ok, message) {
    if (!ok) {
      this.failures.push(message);
      console.error(`FAIL ${message}`);
    }
    return ok;
  }
  finish(name) {
    if (this.failures.length) {
      console.error(`${name}: ${this.failures.length} check(s) failed`);
      process.exit(1);
    }
    console.log(`${name}: all checks passed`);
  }
}
