// @size 240x130
// @asset photo128x96.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Rotated draws of a photo, grown and shrunk, at each imageSmoothingQuality. Rotation takes
// Chromium off the fixed-point path: a float bilinear filter, over the decode cache's
// pre-shrunk level when shrinking.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 130);
  ['low', 'medium', 'high'].forEach((q, i) => {
    ctx.imageSmoothingQuality = q;
    ctx.save();
    ctx.translate(40 + i * 80, 35);
    ctx.rotate(0.35 + i * 0.2);
    ctx.drawImage(photo, -30, -22, 60, 45);
    ctx.restore();
    ctx.save();
    ctx.translate(40 + i * 80, 95);
    ctx.rotate(-0.25);
    ctx.drawImage(photo, 50, 30, 20, 15, -30, -22, 60, 45);
    ctx.restore();
  });
}
