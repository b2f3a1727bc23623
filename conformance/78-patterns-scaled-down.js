// @size 200x100
// @asset photo128x96.png
// @asset blocks16.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Image patterns drawn smaller through the pattern transform and the context transform:
// Chromium samples the decode cache's pre-shrunk level of the image: repeating ones with Skia's
// fixed-point bilinear filter in tile units, the no-repeat one with a float bilinear filter.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  const blocks = await env.loadImage('blocks16.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 100);
  const p = ctx.createPattern(photo, 'repeat');
  p.setTransform(new DOMMatrix([0.3, 0, 0, 0.3, 2, 2]));
  ctx.fillStyle = p;
  ctx.fillRect(2, 2, 96, 60);
  const q = ctx.createPattern(blocks, 'repeat');
  ctx.save();
  ctx.translate(102, 2);
  ctx.scale(0.4, 0.45);
  ctx.fillStyle = q;
  ctx.fillRect(0, 0, 240, 200);
  ctx.restore();
  const r = ctx.createPattern(photo, 'no-repeat');
  r.setTransform(new DOMMatrix([0.25, 0, 0, 0.25, 10, 66]));
  ctx.fillStyle = r;
  ctx.fillRect(0, 64, 100, 36);
}
