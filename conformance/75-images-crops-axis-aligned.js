// @size 220x120
// @asset photo128x96.png
// @asset blocks16.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Nine-argument drawImage crops without rotation, grown and shrunk, with fractional source
// rectangles and one reaching past the image (the source is clipped and the destination shrunk
// with it): the filter reads only the pixels the crop touches.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  const blocks = await env.loadImage('blocks16.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 220, 120);
  ctx.drawImage(blocks, 4, 4, 8, 8, 4, 4, 60, 60);
  ctx.drawImage(blocks, 2.5, 5.25, 6.5, 4.75, 70, 4, 50, 40);
  ctx.drawImage(photo, 20, 10, 80, 60, 126, 4, 30, 22);
  ctx.drawImage(photo, 0.5, 40.5, 127, 50, 126, 30, 90, 35);
  ctx.drawImage(photo, 100, 70, 60, 40, 4, 70, 60, 40);
  ctx.drawImage(photo, 40, 40, 9, 7, 70, 70, 140, 46);
}
