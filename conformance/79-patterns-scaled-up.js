// @size 200x100
// @asset blocks16.png
// @asset alpha64.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Image patterns drawn larger (2.5x, 1.7x x 3.1x, and rotated) at each imageSmoothingQuality:
// Chromium samples repeating patterns under scale + translate with Skia's fixed-point bilinear
// filter in tile units (4-bit weights), others with a float bilinear filter, at every quality.
async function draw(ctx, canvas, env) {
  const blocks = await env.loadImage('blocks16.png');
  const alpha = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 100);
  ['low', 'medium', 'high'].forEach((q, i) => {
    ctx.imageSmoothingQuality = q;
    const p = ctx.createPattern(blocks, 'repeat');
    p.setTransform(new DOMMatrix([2.5, 0, 0, 2.5, 3 + i * 66, 3]));
    ctx.fillStyle = p;
    ctx.fillRect(2 + i * 66, 2, 62, 45);
    const r = ctx.createPattern(alpha, 'repeat-x');
    r.setTransform(new DOMMatrix([1.7, 0, 0, 3.1, 0, 0]).rotate(5 * i));
    ctx.fillStyle = r;
    ctx.fillRect(2 + i * 66, 50, 62, 48);
  });
}
