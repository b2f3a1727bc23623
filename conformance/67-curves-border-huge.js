// @size 120x80
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Curves far larger than the canvas: a circle of radius 300 whose edge crosses it, a cubic loop
// reaching thousands of pixels out, and an even-odd pair of big ellipses: only the cut pieces
// inside remain, with the outside parts standing in as lines on the canvas sides.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 120, 80);
  ctx.fillStyle = 'rgba(0, 100, 180, 0.7)';
  ctx.beginPath();
  ctx.arc(-240, 40, 300, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = 'rgba(200, 80, 0, 0.6)';
  ctx.beginPath();
  ctx.moveTo(90, 10);
  ctx.bezierCurveTo(3000, -2000, 3000, 2000, 90, 70);
  ctx.bezierCurveTo(60, 60, 60, 20, 90, 10);
  ctx.fill();
  ctx.fillStyle = 'rgba(20, 140, 40, 0.6)';
  ctx.beginPath();
  ctx.ellipse(60, 160, 200, 110, 0.2, 0, Math.PI * 2);
  ctx.ellipse(60, 160, 150, 95, -0.1, 0, Math.PI * 2);
  ctx.fill('evenodd');
}
