#!/usr/bin/env node
// chrome-eval — evaluate JS in headless Chromium and print the JSON result.
// Used to pin down what Chromium's canvas does where the spec leaves room
// (getter serialisations, edge cases), before writing the matching Rust.
//
//   node tools/chrome-eval.mjs 'const c = document.createElement("canvas").getContext("2d"); c.fillStyle = "hsl(0 100% 50% / .3)"; c.fillStyle'
//   node tools/chrome-eval.mjs -f probe.js       (file whose last expression is the result)
//
// The code runs inside an async function body; its completion value is taken
// with eval, so the last expression is the result (await works). Result must be JSON-able.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const code = args[0] === '-f' ? fs.readFileSync(args[1], 'utf8') : args.join(' ');
const page = `<!doctype html><meta charset="utf-8"><body><script>
(async () => {
  let out;
  try { out = { ok: true, value: await eval(${JSON.stringify('(async () => { return eval(' + JSON.stringify(code) + '); })()')}) }; }
  catch (e) { out = { ok: false, error: String(e && e.name) + ': ' + String(e && e.message) }; }
  const pre = document.createElement('pre'); pre.id = 'r';
  pre.textContent = 'BEGIN' + JSON.stringify(out) + 'END';
  document.body.appendChild(pre);
})();
</script>`;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chrome-eval-'));
fs.writeFileSync(path.join(tmp, 'p.html'), page);
const r = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
  '--force-color-profile=srgb', '--font-render-hinting=none', '--disable-lcd-text', '--virtual-time-budget=10000',
  `--user-data-dir=${path.join(tmp, 'profile')}`, '--dump-dom', 'file://' + path.join(tmp, 'p.html')],
  { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 60000 });
fs.rmSync(tmp, { recursive: true, force: true });
const m = r.stdout && r.stdout.match(/<pre id="r">BEGIN(.*?)END<\/pre>/s);
if (!m) { console.error('no result', r.status, (r.stderr || '').slice(-2000)); process.exit(1); }
const text = m[1].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const res = JSON.parse(text);
if (!res.ok) { console.error(res.error); process.exit(1); }
console.log(JSON.stringify(res.value, null, 1));
