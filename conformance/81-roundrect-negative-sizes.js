// @size 220x120
// @fuzzy maxDifference=0-2;totalPixels=0-0
// roundRect with negative width and/or height (the corners swap, radii follow the flip),
// filled and stroked, with per-corner radii.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 220, 120);
  ctx.fillStyle = '#38c';
  ctx.strokeStyle = '#c33';
  ctx.lineWidth = 3;
  const shapes = [
    [60, 50, -50, -40, [4, 10, 16, 22]],
    [70, 10, 60, 40, [4, 10, 16, 22]],
    [210, 10, -60, 40, [4, 10, 16, 22]],
    [10, 110, 60, -50, [20, 2]],
    [140, 110, -60, -50, [{ x: 20, y: 8 }, 4]],
    [150, 60, 60, 50, [{ x: 25, y: 10 }]],
  ];
  for (const [x, y, w, h, r] of shapes) {
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, r);
    ctx.fill();
    ctx.stroke();
  }
}
