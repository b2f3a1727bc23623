// @size 200x80
// @asset p3-swatches.png
// @asset adobergb-swatches.jpg
// @fuzzy maxDifference=0-24;totalPixels=0-3072
// Images tagged with ICC profiles: a Display P3 PNG (RGBA, four alpha levels) and an Adobe RGB (1998)
// JPEG of the same swatches, drawn 1:1 over a checkerboard. Chromium converts tagged images to sRGB
// before drawing (saturated swatches move out, some clip at 0 or 255); drawing the stored numbers
// as sRGB would differ by up to ~60 levels. Tolerance: the JPEG's decoding differences (4:4:4, q95:
// up to 24 levels over its 3,072 pixels); the PNG's pixels differ only by conversion rounding.
async function draw(ctx, canvas, env) {
  const p3 = await env.loadImage('p3-swatches.png');
  const adobe = await env.loadImage('adobergb-swatches.jpg');
  for (let y = 0; y < 80; y += 8) {
    for (let x = 0; x < 200; x += 8) {
      ctx.fillStyle = (x + y) % 16 ? '#ddd' : '#fff';
      ctx.fillRect(x, y, 8, 8);
    }
  }
  ctx.drawImage(p3, 8, 16);
  ctx.drawImage(adobe, 104, 16);
  // Natural sizes, so a failed decode shows.
  ctx.fillStyle = '#333';
  ctx.fillRect(8, 70, p3.width, 4);
  ctx.fillRect(104, 70, adobe.height, 4);
}
