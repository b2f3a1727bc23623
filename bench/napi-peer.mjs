#!/usr/bin/env node
// The peer side of bench/peer.mjs: renders a drawing script (the format of
// ../conformance/README.md) with @napi-rs/canvas (Skia) and saves it, the
// way `mpcanvas render` does, so both can be timed as whole processes and
// warm (--repeat N renders in one process, medians printed).
//
//   NAPI_CANVAS_DIR=/tmp/peer node napi-peer.mjs SCRIPT.js -o OUT.png|OUT.jpg
//       [--quality 0.9] [--repeat N]
//
// Prints one JSON line: the median milliseconds of draw (canvas, script,
// pixels flushed), encode, write and total over the N renders. Images are
// decoded once before the first render, as a warm service would hold them.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const base = process.env.NAPI_CANVAS_DIR ? path.join(process.env.NAPI_CANVAS_DIR, 'x.js') : import.meta.url;
const { createCanvas, loadImage, GlobalFonts } = createRequire(base)('@napi-rs/canvas');

const argv = process.argv.slice(2);
const opt = (flag, def) => { const i = argv.indexOf(flag); return i >= 0 ? argv[i + 1] : def; };
const script = argv[0];
const out = opt('-o', script.replace(/\.js$/, '.napi.png'));
const quality = Number(opt('--quality', '0.92'));
const repeat = Math.max(1, Number(opt('--repeat', '1')));
const dir = path.dirname(script);
const src = fs.readFileSync(script, 'utf8');

const meta = { size: [300, 150], assets: [], fonts: [] };
for (const line of src.split('\n')) {
  const m = line.match(/^\s*\/\/\s*@(\w+)\s+(.*?)\s*$/);
  if (!m) continue;
  if (m[1] === 'size') meta.size = m[2].split('x').map(Number);
  if (m[1] === 'asset') meta.assets.push(m[2]);
  if (m[1] === 'font') {
    const f = m[2].match(/^(\S+)\s+as\s+"([^"]+)"$/);
    meta.fonts.push({ file: f[1], family: f[2] });
  }
}
for (const f of meta.fonts) GlobalFonts.registerFromPath(path.join(dir, 'fonts', f.file), f.family);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const t0 = now();
const images = {};
for (const a of meta.assets) images[a] = await loadImage(fs.readFileSync(path.join(dir, 'assets', a)));
const decode = now() - t0;
const env = {
  width: meta.size[0], height: meta.size[1], fontsReady: Promise.resolve(),
  createCanvas: (w, h) => createCanvas(w, h),
  loadImage: async (name) => images[name],
};
const draw = new Function('ctx', 'canvas', 'env', src + '\n;return draw(ctx, canvas, env);');
const jpeg = /\.jpe?g$/i.test(out);
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const t = { draw: [], encode: [], write: [], total: [] };
let bytes;
for (let r = 0; r < repeat; r++) {
  const a = now();
  const canvas = createCanvas(meta.size[0], meta.size[1]);
  const ctx = canvas.getContext('2d');
  await draw(ctx, canvas, env);
  ctx.getImageData(0, 0, 1, 1); // Skia defers drawing; flush it inside the draw figure
  const b = now();
  bytes = jpeg ? canvas.encodeSync('jpeg', Math.round(quality * 100)) : canvas.encodeSync('png');
  const c = now();
  fs.writeFileSync(out, bytes);
  const d = now();
  t.draw.push(b - a); t.encode.push(c - b); t.write.push(d - c); t.total.push(d - a);
}
const pkg = createRequire(base)('@napi-rs/canvas/package.json');
console.log(JSON.stringify({
  impl: `@napi-rs/canvas ${pkg.version}`, size: meta.size.join('x'), format: jpeg ? 'jpeg' : 'png', repeat,
  decode_ms: +decode.toFixed(1),
  median_ms: Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +median(v).toFixed(1)])), bytes: bytes.length,
}));
