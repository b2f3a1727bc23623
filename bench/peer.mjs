#!/usr/bin/env node
// mpcanvas against @napi-rs/canvas (Skia), side by side in one run: the
// poster of ../../shared/bench, the same poster at twice the linear size,
// and the 1,000-line CJK text bench (cjk-lines.js), each to PNG and to
// JPEG q0.9.
//
//   cargo build --release -p mpcanvas-cli
//   node bench/peer.mjs [--runs 7] [--repeat 10] [--bin target/release/mpcanvas]
//       [--poster ../shared/bench/poster.js] [--peer-dir DIR] [--only poster,poster2x,cjk]
//
// @napi-rs/canvas is installed with npm into a scratch folder (or
// --peer-dir, reused when it already holds it); nothing is written to the
// repository. Two figures per case, both as medians:
// - whole process: `mpcanvas render` and `node napi-peer.mjs`, run
//   alternately --runs times each (process start to file written), with
//   each side's peak RSS (/usr/bin/time, the highest of the runs), also
//   over the side's idle run (1x1 canvas, nothing drawn);
// - warm: --repeat renders in one process (mpcanvas render --repeat;
//   napi-peer.mjs --repeat, images decoded beforehand).
// Ratios are peer / mpcanvas (time or RSS): above 1 means mpcanvas is
// faster or smaller.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.dirname(here);
const argv = process.argv.slice(2);
const opt = (flag, def) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : def; };
const runs = Number(opt('--runs', '7'));
const repeat = Number(opt('--repeat', '10'));
const bin = path.resolve(opt('--bin', path.join(repo, 'target/release/mpcanvas')));
const poster = path.resolve(opt('--poster', path.join(repo, '../shared/bench/poster.js')));
const only = opt('--only', 'poster,poster2x,cjk').split(',');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mpcanvas-peer-'));
const peerDir = path.resolve(opt('--peer-dir', path.join(scratch, 'peer')));

const die = (msg) => { console.error(`peer.mjs: ${msg}`); process.exit(2); };
if (!fs.existsSync(bin)) die(`no mpcanvas binary at ${bin} (cargo build --release -p mpcanvas-cli)`);
if (!fs.existsSync(poster)) die(`no poster at ${poster} (--poster PATH)`);
if (!fs.existsSync(path.join(peerDir, 'node_modules/@napi-rs/canvas/package.json'))) {
  console.error(`installing @napi-rs/canvas into ${peerDir} ...`);
  fs.mkdirSync(peerDir, { recursive: true });
  const npm = spawnSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', '@napi-rs/canvas'],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  if (npm.status !== 0) die('npm install @napi-rs/canvas failed');
}

// The poster at twice the linear size: same drawing, canvas and scale doubled.
function poster2x() {
  const dir = path.join(scratch, 'poster2x');
  fs.mkdirSync(dir);
  for (const sub of ['assets', 'fonts']) fs.symlinkSync(path.join(path.dirname(poster), sub), path.join(dir, sub));
  let src = fs.readFileSync(poster, 'utf8');
  const size = src.match(/^\/\/ @size (\d+)x(\d+)$/m);
  if (!size || !src.includes('ctx.scale(2, 2)')) die('the poster no longer has the @size / ctx.scale(2, 2) this doubles');
  src = src.replace(size[0], `// @size ${size[1] * 2}x${size[2] * 2}`).replace('ctx.scale(2, 2)', 'ctx.scale(4, 4)');
  const file = path.join(dir, 'poster.js');
  fs.writeFileSync(file, src);
  return file;
}

const cases = [];
if (only.includes('poster')) cases.push(['poster', poster]);
if (only.includes('poster2x')) cases.push(['poster 2x', poster2x()]);
if (only.includes('cjk')) cases.push(['cjk 1000 lines', path.join(here, 'cjk-lines.js')]);

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const now = () => Number(process.hrtime.bigint()) / 1e6;
const rssFile = path.join(scratch, 'rss');

// One whole process: wall milliseconds and peak RSS in MB.
function timed(cmd, args, env) {
  const a = now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args],
    { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = now() - a;
  if (r.status !== 0) die(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return { ms, rss: Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024, stderr: r.stderr, stdout: r.stdout };
}

const peerEnv = { NAPI_CANVAS_DIR: peerDir };
const peerScript = path.join(here, 'napi-peer.mjs');
const ours = (script, out, extra = []) => timed(bin, ['render', script, '-o', out, '--quality', '0.9', '--no-system-fonts', ...extra]);
const peer = (script, out, extra = []) => timed('node', [peerScript, script, '-o', out, '--quality', '0.9', ...extra], peerEnv);

const f1 = (x) => x.toFixed(1);
const ratio = (p, o) => `${(p / o).toFixed(2)}x`;
console.log(`mpcanvas ${bin}\npeer ${JSON.parse(peer(cases[0][1], path.join(scratch, 'warmup.png')).stdout).impl}`);
console.log(`whole process: median of ${runs} alternating runs; warm: median of --repeat ${repeat} in one process`);
// Each side's fixed memory: an idle run drawing nothing on a 1x1 canvas
// (binary or node, fonts, JS engine); peak RSS is also shown over it.
const idleScript = path.join(scratch, 'idle.js');
fs.writeFileSync(idleScript, '// @size 1x1\nfunction draw(ctx, canvas, env) {}\n');
const idle = { ours: ours(idleScript, path.join(scratch, 'idle.png')).rss, peer: peer(idleScript, path.join(scratch, 'idle-peer.png')).rss };
console.log(`idle run (1x1, nothing drawn): peak RSS mpcanvas ${f1(idle.ours)} MB  peer ${f1(idle.peer)} MB`);
for (const [name, script] of cases) {
  const [w, h] = fs.readFileSync(script, 'utf8').match(/^\/\/ @size (\d+)x(\d+)$/m).slice(1).map(Number);
  const bitmapMb = (w * h * 4) / (1 << 20);
  for (const ext of ['png', 'jpg']) {
    const o = path.join(scratch, `ours.${ext}`), p = path.join(scratch, `peer.${ext}`);
    const a = { ms: [], rss: [] }, b = { ms: [], rss: [] };
    for (let i = 0; i < runs; i++) {
      const pair = i % 2 ? [() => peer(script, p), () => ours(script, o)] : [() => ours(script, o), () => peer(script, p)];
      const [first, second] = pair.map((f) => f());
      const [x, y] = i % 2 ? [second, first] : [first, second];
      a.ms.push(x.ms); a.rss.push(x.rss); b.ms.push(y.ms); b.rss.push(y.rss);
    }
    const [om, pm] = [median(a.ms), median(b.ms)];
    const [orss, prss] = [Math.max(...a.rss), Math.max(...b.rss)];
    console.log(`\n${name} ${w}x${h} ${ext} (bitmap ${f1(bitmapMb)} MB)`);
    console.log(`  whole process  mpcanvas ${f1(om)} ms  peer ${f1(pm)} ms  ratio ${ratio(pm, om)}`);
    console.log(`  peak RSS       mpcanvas ${f1(orss)} MB (${(orss / bitmapMb).toFixed(2)}x bitmap)  peer ${f1(prss)} MB  ratio ${ratio(prss, orss)}`);
    const [oOver, pOver] = [orss - idle.ours, prss - idle.peer];
    console.log(`  RSS over idle  mpcanvas ${f1(oOver)} MB (${(oOver / bitmapMb).toFixed(2)}x bitmap)  peer ${f1(pOver)} MB (${(pOver / bitmapMb).toFixed(2)}x bitmap)  ratio ${ratio(pOver, oOver)}`);
    const warmOurs = ours(script, o, ['--timings', '--repeat', String(repeat)]).stderr;
    const field = (k) => Number(warmOurs.match(new RegExp(`${k} ([0-9.]+) ms`))[1]);
    const warmPeer = JSON.parse(peer(script, p, ['--repeat', String(repeat)]).stdout).median_ms;
    const ourDraw = field('script') + field('draw');
    const ourTotal = field('total') - field('decode');
    console.log(`  warm draw      mpcanvas ${f1(ourDraw)} ms (script + draw)  peer ${f1(warmPeer.draw)} ms  ratio ${ratio(warmPeer.draw, ourDraw)}`);
    console.log(`  warm encode    mpcanvas ${f1(field('encode'))} ms  peer ${f1(warmPeer.encode)} ms  ratio ${ratio(warmPeer.encode, field('encode'))}`);
    console.log(`  warm total     mpcanvas ${f1(ourTotal)} ms (less decode)  peer ${f1(warmPeer.total)} ms  ratio ${ratio(warmPeer.total, ourTotal)}`);
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
