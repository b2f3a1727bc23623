// @size 220x120
// @fuzzy maxDifference=0-2;totalPixels=0-0
// roundRect radii larger than the sides allow are scaled down together (the CSS
// border-radius rule), for round and elliptical radii; a stroke on top at an odd width.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 220, 120);
  ctx.lineWidth = 5;
  const shapes = [
    [10, 10, 60, 40, [100]],
    [80, 10, 60, 40, [40, 10]],
    [150, 10, 60, 40, [{ x: 50, y: 30 }, { x: 20, y: 30 }, 5, 60]],
    [10, 60, 90, 50, [0, 60, 0, 60]],
    [110, 60, 100, 50, [{ x: 200, y: 5 }]],
  ];
  shapes.forEach(([x, y, w, h, r], i) => {
    ctx.fillStyle = ['#e93', '#3a6', '#66c', '#c4a', '#488'][i];
    ctx.strokeStyle = '#222';
    ctx.beginPath();
    ctx.roundRect(x, y, w, h, r);
    ctx.fill();
    ctx.stroke();
  });
}
