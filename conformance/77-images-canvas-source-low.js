// @size 200x100
// @asset photo128x96.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// A canvas as the drawImage source at the default quality ('low'), grown and shrunk: canvases
// skip the decode cache (no pre-shrink) and are sampled with the fixed-point bilinear filter.
async function draw(ctx, canvas, env) {
  const photo = await env.loadImage('photo128x96.png');
  const src = env.createCanvas(64, 48);
  src.getContext('2d').drawImage(photo, 0, 0, 128, 96, 0, 0, 64, 48);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 100);
  ctx.drawImage(src, 2, 2, 100, 75);
  ctx.drawImage(src, 106, 2, 40, 30);
  ctx.drawImage(src, 150, 2, 15, 11);
  ctx.drawImage(src, 10, 20, 20, 20, 106, 40, 90, 55);
}
