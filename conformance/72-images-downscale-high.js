// @size 260x110
// @asset photo128x96.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// A 128x96 photo drawn smaller at imageSmoothingQuality 'high': by 1.2x (no pre-shrink), 2.6x,
// 3.2x, 5.1x, 11x and to odd sizes. Chromium's decode cache first hands the rasterizer a level
// of the image (sides halved and rounded up while at least the drawn size, made from Skia's box
// mipmap plus a bilinear step), then draws it with the fixed-point bilinear filter.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  ctx.imageSmoothingQuality = 'high';
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 110);
  ctx.drawImage(photo, 2, 2, 107, 80);
  ctx.drawImage(photo, 112, 2, 49, 37);
  ctx.drawImage(photo, 164, 2, 40, 30);
  ctx.drawImage(photo, 207.5, 2.5, 25, 19);
  ctx.drawImage(photo, 236, 2, 11.6, 8.7);
  ctx.drawImage(photo, 112, 45, 63, 47);
  ctx.drawImage(photo, 180, 45, 33, 23);
  ctx.drawImage(photo, 216, 45, 37, 61);
}
