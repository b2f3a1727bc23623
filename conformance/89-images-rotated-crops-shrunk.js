// @size 200x120
// @asset photo128x96.png
// @asset alpha64.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Nine-argument crops drawn rotated and shrunk, and a skewed draw: a float bilinear filter over
// the decode cache's level of the image.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  const alpha = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#eef';
  ctx.fillRect(0, 0, 200, 120);
  ctx.save();
  ctx.translate(50, 55);
  ctx.rotate(-0.6);
  ctx.drawImage(photo, 10, 10, 100, 75, -35, -26, 70, 52);
  ctx.restore();
  ctx.save();
  ctx.translate(140, 30);
  ctx.transform(1, 0.3, -0.4, 1, 0, 0);
  ctx.drawImage(alpha, -20, -20, 40, 40);
  ctx.restore();
  ctx.save();
  ctx.translate(150, 90);
  ctx.rotate(0.9);
  ctx.drawImage(photo, -20, -15, 30, 22);
  ctx.restore();
}
