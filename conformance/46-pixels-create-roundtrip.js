// @size 240x160
// @fuzzy maxDifference=0-2;totalPixels=0-0
// createImageData(w, h) (transparent black), createImageData(imagedata) (same size, zeroed, not a copy),
// writing RGBA bytes then putImageData, semi-transparent pixels through a putImageData/getImageData round
// trip (premultiplied storage may round the colour; compared premultiplied => exact), drawing with
// fillRect over written data, drawImage of a canvas filled by putImageData. Integer pixel ops: exact.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#eee';
  ctx.fillRect(0, 0, 240, 160);
  // a 64x64 hand-written image: hue-ish ramps with alpha increasing to the right
  const a = ctx.createImageData(64, 64);
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) {
    const o = (y * 64 + x) * 4;
    a.data[o] = x * 4; a.data[o + 1] = y * 4; a.data[o + 2] = 255 - x * 2; a.data[o + 3] = 40 + x * 3;
  }
  ctx.putImageData(a, 8, 8);
  // createImageData(imagedata): same size, all zero; write a checker of opaque and 25% pixels
  const b = ctx.createImageData(a);
  let zero = true;
  for (let i = 0; i < b.data.length; i++) if (b.data[i] !== 0) zero = false;
  for (let y = 0; y < 64; y++) for (let x = 0; x < 64; x++) {
    const o = (y * 64 + x) * 4;
    const on = ((x >> 3) + (y >> 3)) % 2;
    b.data[o] = 200; b.data[o + 1] = 60; b.data[o + 2] = 20; b.data[o + 3] = on ? 255 : 64;
  }
  ctx.putImageData(b, 88, 8);
  ctx.fillStyle = zero && b.width === 64 && b.height === 64 ? '#0a0' : '#f00';
  ctx.fillRect(88, 76, 64, 6);                                   // green: createImageData(imagedata) was blank and 64x64
  // round trip of the semi-transparent image: read back, write elsewhere
  const back = ctx.getImageData(8, 8, 64, 64);
  ctx.putImageData(back, 168, 8);
  // write data, then draw over it with normal drawing calls
  const c = ctx.createImageData(64, 64);
  for (let i = 0; i < c.data.length; i += 4) { c.data[i] = 30; c.data[i + 1] = 120; c.data[i + 2] = 60; c.data[i + 3] = 255; }
  ctx.putImageData(c, 8, 90);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.5)';
  ctx.fillRect(16, 98, 48, 24);                                  // blends with the written pixels
  ctx.fillStyle = '#000';
  ctx.fillRect(24, 130, 32, 16);
  // a secondary canvas filled by putImageData, drawn 1:1 with drawImage (blends, unlike putImageData)
  const off = env.createCanvas(64, 64);
  off.getContext('2d').putImageData(a, 0, 0);
  ctx.fillStyle = '#124';
  ctx.fillRect(88, 90, 64, 64);
  ctx.drawImage(off, 88, 90);
  // the same data with putImageData onto the dark square: replaces (lighter, because not blended onto dark)
  ctx.fillRect(168, 90, 64, 64);
  ctx.putImageData(a, 168, 90);
}
