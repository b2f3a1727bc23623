// @size 100x50
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Arcs and arcTo corners under scale reaching past the left and right sides (green over red:
// the border columns must be fully covered), then the same shapes stroked.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 100, 50);
  ctx.fillStyle = '#0f0';
  ctx.save();
  ctx.scale(2, 1);
  ctx.beginPath();
  ctx.moveTo(25, 0);
  ctx.arc(25, 25, 25, -Math.PI / 2, Math.PI / 2, false);
  ctx.arc(25, 25, 25, Math.PI / 2, -Math.PI / 2, false);
  ctx.fill();
  ctx.restore();
  ctx.save();
  ctx.scale(0.5, 1);
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.arcTo(400, 0, 400, 50, 60);
  ctx.arcTo(400, 50, 0, 50, 60);
  ctx.lineTo(0, 50);
  ctx.fill();
  ctx.restore();
  ctx.strokeStyle = 'rgba(0, 0, 120, 0.6)';
  ctx.lineWidth = 6;
  ctx.save();
  ctx.scale(1.5, 0.8);
  ctx.beginPath();
  ctx.arc(66, 30, 20, -1, 1);
  ctx.stroke();
  ctx.beginPath();
  ctx.arc(0, 30, 15, -2, 2);
  ctx.stroke();
  ctx.restore();
}
