// @size 320x160
// @asset alpha64.png
// @asset palette32.png
// @asset deep16.png
// @asset squares40.gif
// @asset lossless48.webp
// @asset bars32x24.bmp
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Decoding of lossless formats, each drawn 1:1 at integer positions (no resampling) over a checkerboard
// so alpha shows: PNG RGBA with graded alpha, palette PNG with a tRNS transparent index, 16-bit RGBA
// PNG (reduced to 8 bits), GIF with a transparent index, lossless WebP with alpha, 24-bit BMP.
// Lossless => exact (rounding only: 16-bit reduction and premultiplied storage).
async function draw(ctx, canvas, env) {
  const names = ['alpha64.png', 'palette32.png', 'deep16.png', 'squares40.gif', 'lossless48.webp', 'bars32x24.bmp'];
  const imgs = [];
  for (const n of names) imgs.push(await env.loadImage(n));
  for (let y = 0; y < 160; y += 8) for (let x = 0; x < 320; x += 8) {
    ctx.fillStyle = ((x + y) / 8) % 2 ? '#fff' : '#9aa';
    ctx.fillRect(x, y, 8, 8);
  }
  const pos = [[8, 8], [80, 8], [120, 8], [176, 8], [224, 8], [280, 8]];
  imgs.forEach((img, i) => ctx.drawImage(img, pos[i][0], pos[i][1]));
  // the same images 2x with nearest-neighbour (integer scale: still exact)
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(imgs[1], 76, 88, 64, 64);
  ctx.drawImage(imgs[2], 146, 88, 96, 64);
  ctx.drawImage(imgs[5], 248, 88, 64, 48);
  // natural sizes as bars (width in px): 64, 32, 48, 40, 48, 32
  imgs.forEach((img, i) => { ctx.fillStyle = '#c00'; ctx.fillRect(8, 88 + i * 6, img.width, 4); });
}
