// @size 100x50
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Curves reaching past the canvas border: Chromium cuts quadratics and cubics to the
// canvas and turns the parts outside left/right into vertical lines on its sides,
// so the border columns keep their coverage (green over red leaves no red).
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 100, 50);
  ctx.fillStyle = '#0f0';
  ctx.beginPath();
  ctx.moveTo(0, 0);
  ctx.lineTo(100, 0);
  ctx.quadraticCurveTo(200, 25, 100, 50);
  ctx.lineTo(0, 50);
  ctx.fill();
  // a cubic bulging out of the left side and back, drawn over the green
  ctx.fillStyle = 'rgba(0, 0, 255, 0.6)';
  ctx.beginPath();
  ctx.moveTo(30, 5);
  ctx.bezierCurveTo(-40, 5, -40, 45, 30, 45);
  ctx.closePath();
  ctx.fill();
  // an arc under scale crossing the right side and the bottom
  ctx.save();
  ctx.scale(1.7, 1.3);
  ctx.fillStyle = 'rgba(120, 0, 160, 0.7)';
  ctx.beginPath();
  ctx.arc(55, 32, 12, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
  // arcTo corner outside the top-right, and a cubic crossing the top
  ctx.fillStyle = 'rgba(255, 160, 0, 0.8)';
  ctx.beginPath();
  ctx.moveTo(70, 20);
  ctx.arcTo(110, -10, 110, 30, 25);
  ctx.lineTo(70, 30);
  ctx.fill();
  ctx.fillStyle = 'rgba(0, 120, 120, 0.8)';
  ctx.beginPath();
  ctx.moveTo(35, 20);
  ctx.bezierCurveTo(40, -30, 60, -10, 62, 22);
  ctx.fill();
}
