// @size 200x100
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Zero-length strokes: a path whose points all coincide (a zero-length line, closed or not, a
// degenerate curve, arcTo onto its own start, a zero-sweep arc, rect(x, y, 0, 0)) strokes as
// nothing with every cap, while a zero-length subpath next to a real one keeps its cap.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 100);
  ctx.lineWidth = 14;
  ctx.strokeStyle = '#c00';
  const degenerate = [
    (x, y) => { ctx.moveTo(x, y); ctx.lineTo(x, y); },
    (x, y) => { ctx.moveTo(x, y); ctx.lineTo(x, y); ctx.closePath(); },
    (x, y) => { ctx.moveTo(x, y); ctx.quadraticCurveTo(x, y, x, y); },
    (x, y) => { ctx.moveTo(x, y); ctx.bezierCurveTo(x, y, x, y, x, y); },
    (x, y) => { ctx.moveTo(x, y); ctx.arcTo(x, y, x + 50, y, 10); },
    (x, y) => { ctx.arc(x, y, 10, 1, 1); },
    (x, y) => { ctx.rect(x, y, 0, 0); },
  ];
  ['butt', 'round', 'square'].forEach((cap, row) => {
    ctx.lineCap = cap;
    degenerate.forEach((f, i) => {
      ctx.beginPath();
      f(15 + i * 25, 15 + row * 25);
      ctx.stroke();
    });
  });
  ctx.strokeStyle = '#06c';
  ['round', 'square'].forEach((cap, i) => {
    ctx.lineCap = cap;
    ctx.beginPath();
    ctx.moveTo(20 + i * 90, 88); ctx.lineTo(60 + i * 90, 88);
    ctx.moveTo(80 + i * 90, 88); ctx.lineTo(80 + i * 90, 88);
    ctx.stroke();
  });
  ctx.strokeRect(190, 10, 0, 0);
}
