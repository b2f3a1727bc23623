// @size 260x200
// @asset blocks16.png
// @fuzzy maxDifference=0-2;totalPixels=0-0
// createPattern repetition modes: 'repeat', 'repeat-x', 'repeat-y', 'no-repeat', '' and null (both = repeat),
// from an image and from a canvas. The pattern is anchored at the user-space origin (not at the rect):
// each panel translates the origin to 10 px inside its top-left corner. Image panels are scaled 2x
// with imageSmoothingEnabled=false, all coordinates integer: exact. The image has a translucent
// bottom row, so the panel background shows through there.
async function draw(ctx, canvas, env) {
  const img = await env.loadImage('blocks16.png');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 200);
  const tile = env.createCanvas(12, 12);          // canvas source: a dark square with a clear quarter
  const t = tile.getContext('2d');
  t.fillStyle = '#237';
  t.fillRect(0, 0, 12, 12);
  t.clearRect(6, 6, 6, 6);
  t.fillStyle = 'rgba(255, 120, 0, 0.6)';
  t.fillRect(0, 0, 4, 12);
  const panels = [
    [img, 'repeat', 2], [img, 'repeat-x', 2], [img, 'repeat-y', 2],
    [img, 'no-repeat', 2], [tile, '', 1], [tile, null, 1],
  ];
  panels.forEach(([src, rep, s], i) => {
    const px = 5 + (i % 3) * 85, py = 5 + Math.floor(i / 3) * 95;
    ctx.fillStyle = '#9ab';                      // panel background
    ctx.fillRect(px, py, 80, 90);
    ctx.imageSmoothingEnabled = false;
    const pat = ctx.createPattern(src, rep);
    ctx.save();
    ctx.translate(px + 10, py + 10);
    ctx.scale(s, s);
    ctx.fillStyle = pat;
    ctx.fillRect(-10 / s, -10 / s, 80 / s, 90 / s);
    ctx.restore();
    ctx.imageSmoothingEnabled = true;
  });
  // a pattern anchored at the canvas origin: no translate, the tiling continues from (0,0)
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(0, 192, 260, 8);
}
