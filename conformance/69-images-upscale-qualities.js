// @size 300x120
// @asset photo128x96.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// A photo (PNG, so no JPEG decoder differences) scaled up 2.3x and 1.37x at each
// imageSmoothingQuality: Chromium samples decoded images with Skia's fixed-point bilinear
// filter (weights in sixteenths) at every quality when the transform only scales and translates.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 120);
  ['low', 'medium', 'high'].forEach((q, i) => {
    ctx.imageSmoothingQuality = q;
    ctx.drawImage(photo, 30, 20, 40, 30, 4 + i * 98, 4, 92, 69);
    ctx.drawImage(photo, 60, 50, 30, 30, 4 + i * 98 + 10.5, 78.25, 41, 41);
  });
}
