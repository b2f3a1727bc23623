// @size 200x100
// @asset blocks16.png
// @asset alpha64.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Images scaled by awkward factors at fractional positions, with a scaling transform on top, and
// with globalAlpha: where each device pixel centre lands between texels follows Skia's f32
// inverse matrix and 16.16 fixed-point steps.
async function draw(ctx, canvas, env) {
  const blocks = await env.loadImage('blocks16.png');
  const alpha = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#dde';
  ctx.fillRect(0, 0, 200, 100);
  ctx.drawImage(blocks, 3.3, 2.7, 47.3, 41.9);
  ctx.save();
  ctx.translate(55.25, 3.125);
  ctx.scale(1.7, 1.3);
  ctx.drawImage(blocks, 0, 0, 23, 29);
  ctx.restore();
  ctx.globalAlpha = 0.6;
  ctx.drawImage(alpha, 100.5, 1.5, 97, 97);
  ctx.globalAlpha = 1;
  ctx.drawImage(alpha, 3, 50, 45, 45);
  ctx.drawImage(alpha, 50.7, 50.2, 33.3, 21.1);
}
