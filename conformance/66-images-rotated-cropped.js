// @size 200x120
// @asset blocks16.png
// @asset alpha64.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Nine-argument drawImage crops drawn rotated and scaled with the default smoothing, and a
// crop at fractional source coordinates: the filter reads only inside the crop.
async function draw(ctx, canvas, env) {
  const blocks = await env.loadImage('blocks16.png');
  const alpha = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#eef';
  ctx.fillRect(0, 0, 200, 120);
  ctx.save();
  ctx.translate(50, 60);
  ctx.rotate(0.5);
  ctx.drawImage(blocks, 4, 4, 8, 8, -35, -35, 70, 70);
  ctx.restore();
  ctx.save();
  ctx.translate(145, 55);
  ctx.rotate(-0.3);
  ctx.scale(1.3, 0.8);
  ctx.drawImage(alpha, 10.5, 6.25, 40, 30, -40, -30, 80, 60);
  ctx.restore();
}
