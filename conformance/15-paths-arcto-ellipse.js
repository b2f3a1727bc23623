// @size 240x180
// @fuzzy maxDifference=0-128;totalPixels=0-900
// arcTo: normal corners with several radii, radius 0 / collinear points / P0==P1 (all degrade to lineTo(x1,y1)),
// no current point (acts as moveTo), radius larger than the corner allows. ellipse(): rotation, partial
// sweeps cw/ccw, sweep > 2pi, the connecting line from the current point, zero radius. ~3000 px AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 180);
  ctx.lineWidth = 2;
  const P = Math.PI;
  function guide(pts) {                        // thin grey control polygon
    ctx.save(); ctx.strokeStyle = '#ccc'; ctx.lineWidth = 1; ctx.beginPath();
    pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y))); ctx.stroke(); ctx.restore();
  }
  // arcTo corners with radius 0, 8, 16, 30
  [0, 8, 16, 30].forEach((r, i) => {
    const x = 10 + i * 40;
    guide([[x, 60], [x, 10], [x + 35, 10]]);
    ctx.strokeStyle = '#c00';
    ctx.beginPath(); ctx.moveTo(x, 60); ctx.arcTo(x, 10, x + 35, 10, r); ctx.lineTo(x + 35, 10); ctx.stroke();
  });
  // collinear: P0, P1, P2 on one line -> straight line to P1 only
  ctx.strokeStyle = '#06c';
  ctx.beginPath(); ctx.moveTo(170, 15); ctx.arcTo(200, 15, 230, 15, 20); ctx.stroke();            // ends at 200
  ctx.beginPath(); ctx.moveTo(170, 25); ctx.arcTo(230, 25, 200, 25, 20); ctx.stroke();            // P2 behind P1: to 230
  // P0 == P1 -> lineTo(P1) (a no-op) then the next lineTo
  ctx.beginPath(); ctx.moveTo(170, 40); ctx.arcTo(170, 40, 230, 60, 10); ctx.lineTo(230, 40); ctx.stroke();
  // no current point: arcTo acts as moveTo(x1, y1)
  ctx.strokeStyle = '#080';
  ctx.beginPath(); ctx.arcTo(180, 55, 230, 75, 10); ctx.lineTo(230, 55); ctx.stroke();
  // radius far too big for the corner: tangent points lie beyond the segments
  guide([[20, 120], [60, 80], [100, 120]]);
  ctx.strokeStyle = '#a0a';
  ctx.beginPath(); ctx.moveTo(20, 120); ctx.arcTo(60, 80, 100, 120, 60); ctx.stroke();
  // a rounded rectangle from four arcTo calls, filled and stroked
  ctx.fillStyle = '#fe8';
  ctx.strokeStyle = '#860';
  ctx.beginPath();
  ctx.moveTo(130, 80);
  ctx.arcTo(160, 80, 160, 120, 12); ctx.arcTo(160, 120, 110, 120, 6);
  ctx.arcTo(110, 120, 110, 80, 20); ctx.arcTo(110, 80, 160, 80, 3);
  ctx.closePath(); ctx.fill(); ctx.stroke();
  // ellipses: rotation + partial sweeps
  ctx.fillStyle = 'rgba(0, 120, 200, 0.5)';
  ctx.beginPath(); ctx.ellipse(205, 100, 28, 12, -P / 5, 0, 2 * P); ctx.fill();
  ctx.strokeStyle = '#000';
  ctx.beginPath(); ctx.ellipse(205, 100, 28, 12, -P / 5, 0, P / 2); ctx.stroke();                 // quarter, cw
  ctx.strokeStyle = '#c00';
  ctx.beginPath(); ctx.ellipse(40, 155, 30, 15, P / 8, 0, P / 2, true); ctx.stroke();             // 3/4, ccw
  ctx.strokeStyle = '#080';
  ctx.beginPath(); ctx.moveTo(80, 175); ctx.ellipse(115, 155, 25, 10, 0, P, P * 4); ctx.stroke();  // connecting line + full
  ctx.strokeStyle = '#06c';
  ctx.beginPath(); ctx.ellipse(175, 155, 10, 20, P / 2, -P / 2, P / 2); ctx.stroke();             // rotated 90deg: half
  ctx.fillStyle = '#f80';                     // pie from an ellipse with closePath
  ctx.beginPath(); ctx.moveTo(215, 155); ctx.ellipse(215, 155, 20, 12, P / 6, P / 4, -P / 4); ctx.closePath(); ctx.fill();
  ctx.strokeStyle = '#555';                   // zero radii: degenerate, only the connecting lines show
  ctx.beginPath(); ctx.moveTo(20, 72); ctx.ellipse(50, 72, 0, 0, 0, 0, P); ctx.lineTo(80, 66); ctx.stroke();
}
