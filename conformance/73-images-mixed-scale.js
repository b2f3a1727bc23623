// @size 240x140
// @asset photo128x96.png
// @asset blocks16.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Draws that shrink one axis and grow the other, and flipped draws (negative scale through the
// transform): Chromium pre-shrinks only when both axes shrink, then samples with the
// fixed-point bilinear filter.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  const blocks = await env.loadImage('blocks16.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 140);
  ctx.drawImage(photo, 4, 4, 40, 130);
  ctx.drawImage(photo, 50, 4, 180, 30);
  ctx.drawImage(blocks, 50, 40, 90, 7);
  ctx.save();
  ctx.translate(230, 50);
  ctx.scale(-1, 1);
  ctx.drawImage(photo, 0, 0, 80, 60);
  ctx.restore();
  ctx.save();
  ctx.translate(60, 134);
  ctx.scale(1.5, -0.75);
  ctx.drawImage(blocks, 0, 0, 40, 100);
  ctx.restore();
}
