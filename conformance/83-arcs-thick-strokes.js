// @size 220x130
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Thick arc strokes: line widths larger than the radius (the inner edge folds over the centre),
// round and square caps on partial arcs, an anticlockwise arc over 2pi, and a scaled arc.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 220, 130);
  ctx.strokeStyle = 'rgba(20, 60, 160, 0.8)';
  ctx.lineWidth = 30;
  ctx.beginPath();
  ctx.arc(40, 40, 12, 0.3, 4.5);
  ctx.stroke();
  ctx.lineCap = 'round';
  ctx.strokeStyle = 'rgba(160, 40, 20, 0.8)';
  ctx.lineWidth = 18;
  ctx.beginPath();
  ctx.arc(110, 40, 25, -0.5, 2.2);
  ctx.stroke();
  ctx.lineCap = 'square';
  ctx.strokeStyle = 'rgba(20, 130, 60, 0.8)';
  ctx.beginPath();
  ctx.arc(180, 40, 22, 3.5, 1.0, true);
  ctx.stroke();
  ctx.lineCap = 'butt';
  ctx.lineWidth = 12;
  ctx.strokeStyle = '#333';
  ctx.beginPath();
  ctx.arc(50, 100, 20, 0, 7.5, true);
  ctx.stroke();
  ctx.save();
  ctx.translate(150, 100);
  ctx.scale(2.2, 0.8);
  ctx.lineWidth = 7;
  ctx.strokeStyle = '#a6a';
  ctx.beginPath();
  ctx.arc(0, 0, 15, 0.2, 5.5);
  ctx.stroke();
  ctx.restore();
}
