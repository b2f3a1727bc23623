// The JS side of the API fuzzer (see fuzz.rs): the objects a generated
// sequence calls into, the argument pool, and `call(target, member, args)`,
// which picks members by index over each object's sorted member names so a
// saved case replays the same calls while the API surface stays the same.
const ns = typeof wx !== 'undefined' ? wx : typeof my !== 'undefined' ? my : tt;
const guard = (f) => { try { return f(); } catch (e) { return undefined; } };
const canvas = guard(() => ns.createCanvas()) || guard(() => ns.createOffscreenCanvas({ type: '2d', width: 300, height: 150 }));
const ctx = guard(() => canvas.getContext('2d'));
const off = guard(() => ns.createOffscreenCanvas({ type: '2d', width: 40, height: 30 }));
const offCtx = guard(() => off.getContext('2d'));
const path = new Path2D();
const fs = guard(() => ns.getFileSystemManager());
const img = guard(() => (canvas && canvas.createImage ? canvas.createImage() : ns.createImage()));
const grad = guard(() => ctx.createLinearGradient(0, 0, 10, 10));
const data = guard(() => ctx.createImageData(4, 4));
const targets = [ctx, ctx, ctx, canvas, path, ns, ns, fs, img, off, offCtx, grad, data, data && data.data]
  .filter((t) => t !== undefined && t !== null);

let state = SEED >>> 0;
const rand = (n) => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return n ? state % n : 0; };

const memberCache = new Map();
function members(o) {
  if (memberCache.has(o)) return memberCache.get(o);
  const names = new Set();
  for (let p = o; p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Object.getOwnPropertyNames(p)) if (k !== 'constructor') names.add(k);
  }
  const list = [...names].sort();
  memberCache.set(o, list);
  return list;
}

let depth = 0;
// Arguments whose conversions call back into the API mid-call.
const reentrant = () => ({
  valueOf() { nested(); return rand(400) - 50; },
  toString() { nested(); return pick(strings); },
});
const getterOptions = () => {
  const o = {};
  for (const k of keys.slice(0, 6 + rand(8))) {
    Object.defineProperty(o, keys[rand(keys.length)], { get() { nested(); return arg(rand(1000)); }, enumerable: true, configurable: true });
  }
  return o;
};
function nested() {
  if (depth > 2) return;
  depth++;
  try { call(rand(97), rand(997), [rand(1000), rand(1000), rand(1000)]); } finally { depth--; }
}
const pick = (a) => a[rand(a.length)];
const strings = ['', 'red', 'rgba(0,0,0,.5)', '#fff', 'bold 20px sans-serif', 'italic 1e9px serif', '1e6px sans-serif', '1e9px', '-1e9px', 'copy', 'xor',
  'nonzero', 'evenodd', 'round', 'image/png', 'image/jpeg', 'png', 'jpg', 'utf8', 'base64', 'binary',
  'wxfile://usr/a.png', 'ttfile://user/a.txt', 'https://usr/a.txt', '../../../etc/passwd', '/etc/passwd',
  'usr/x', 'a\ud83d', '\u5c0f\u660e\ud83d\ude00'.slice(0, 3), 'x'.repeat(5000), 'blur(4px)', 'none', 'rtl', 'middle',
  'data:image/png;base64,iVBORw0KGgo=', 'scope.writePhotosAlbum', 'scope.userInfo'];
const keys = ['filePath', 'tempFilePath', 'src', 'url', 'x', 'y', 'width', 'height', 'destWidth', 'destHeight',
  'canvas', 'canvasId', 'fileType', 'quality', 'encoding', 'data', 'dirPath', 'recursive', 'oldPath', 'newPath',
  'scope', 'count', 'type', 'success', 'fail', 'complete', 'position', 'length', 'zipFilePath', 'targetPath',
  'title', 'content', 'itemList', 'duration', 'key', 'a', 'b', 'c', 'd', 'e', 'f', 'is2D', 'imageData'];
// Hostile sizes too: rectangles, radii, widths, transforms and lengths far
// past any canvas (each once made some native step allocate by its size).
const numbers = [0, 1, -1, 0.5, 7, 100, 1e9, -1e9, 2 ** 31, -(2 ** 31), 2 ** 53, NaN, Infinity, -Infinity, 1e-300, 300, 4096,
  1e12, -1e12, 1e15, 1e30, 1e-30, 1e-9, 1.9e6, 16384];
function callbacks() {
  return {
    success(r) { nested(); },
    fail(e) { nested(); throw new Error('from fail'); },
    complete() { nested(); },
  };
}
function options() {
  const o = rand(3) === 0 ? callbacks() : {};
  for (let i = rand(6); i > 0; i--) o[pick(keys)] = arg(rand(1000));
  return o;
}
function arg(i) {
  if (depth > 3) return pick(numbers);
  depth++;
  try {
    switch (i % 16) {
      case 0: case 1: case 2: case 3: return pick(numbers);
      case 4: case 5: return pick(strings);
      case 6: return options();
      case 7: return reentrant();
      case 8: return getterOptions();
      case 9: return pick(targets);
      case 10: return [arg(rand(1000)), arg(rand(1000))];
      case 11: return pick([null, undefined, true, false, {}, [], Symbol('s'), 10n, new ArrayBuffer(8), new Uint8Array(4)]);
      case 12: return () => nested();
      case 13: return rand(2) ? ctx && ctx.getTransform && guard(() => ctx.getTransform()) : { a: arg(1), e: reentrant() };
      case 14: return new Uint8ClampedArray(rand(2) ? 64 : 3);
      default: return rand(2000) - 1000;
    }
  } finally { depth--; }
}
function call(t, m, args) {
  const o = targets[t % targets.length];
  const names = members(o);
  if (!names.length) return;
  const name = names[m % names.length];
  try {
    const a = args.map(arg);
    const v = o[name];
    if (typeof v === 'function') {
      const r = v.apply(o, a);
      if (r && typeof r.then === 'function') r.then(() => nested(), () => nested());
    } else {
      o[name] = a[0];
    }
  } catch (e) {
    // Exceptions are fine; only crashes and hangs are bugs.
  }
}
