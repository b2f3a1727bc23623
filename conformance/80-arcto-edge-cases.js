// @size 200x120
// @fuzzy maxDifference=0-2;totalPixels=0-0
// arcTo with collinear points (the corner degenerates to a straight line to the first point,
// forwards and doubling back), coincident points, a radius larger than the corner allows, and a
// zero radius, stroked thick.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 120);
  ctx.lineWidth = 6;
  ctx.strokeStyle = '#246';
  ctx.beginPath();
  ctx.moveTo(10, 15); ctx.arcTo(60, 15, 110, 15, 20); ctx.lineTo(110, 35);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(120, 15); ctx.arcTo(190, 15, 150, 15, 15); ctx.lineTo(150, 40);
  ctx.stroke();
  ctx.strokeStyle = '#a40';
  ctx.beginPath();
  ctx.moveTo(10, 50); ctx.arcTo(10, 50, 60, 90, 20); ctx.lineTo(60, 90);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(70, 50); ctx.arcTo(130, 50, 130, 110, 200); ctx.lineTo(130, 110);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(140, 50); ctx.arcTo(190, 50, 190, 110, 0); ctx.lineTo(190, 110);
  ctx.stroke();
  ctx.fillStyle = '#4a4';
  ctx.beginPath();
  ctx.moveTo(20, 110); ctx.arcTo(50, 70, 80, 110, 12); ctx.lineTo(80, 110); ctx.closePath();
  ctx.fill();
}
