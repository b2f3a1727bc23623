// @size 260x200
// @fuzzy maxDifference=0-128;totalPixels=0-1800
// setLineDash: odd counts (list repeated), lineDashOffset positive/negative/larger than the pattern,
// zero-length dashes with round caps (dots) and square caps (squares) and butt caps (invisible),
// dashes continuing around corners of a polyline and rect, dashes on arcs and beziers, dash restart
// per subpath, negative/NaN entries rejecting the whole list, getLineDash round-trip. ~5000 px AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 200);
  ctx.strokeStyle = '#123';
  ctx.lineWidth = 4;
  function line(y, dash, offset, cap) {
    ctx.setLineDash(dash);
    ctx.lineDashOffset = offset || 0;
    ctx.lineCap = cap || 'butt';
    ctx.beginPath(); ctx.moveTo(10, y); ctx.lineTo(250, y); ctx.stroke();
  }
  line(8, [20, 10]);
  line(18, [20, 10], 5);                          // positive offset: pattern shifts left by 5
  line(28, [20, 10], -5);                         // negative offset: shifts right by 5
  line(38, [20, 10], 95);                         // offset > period (30): same as 5
  line(48, [15, 5, 5]);                           // odd count: [15,5,5,15,5,5]
  ctx.strokeStyle = '#c40';
  line(60, [0, 12], 0, 'round');                  // zero-length dashes: round dots
  line(72, [0, 12], 0, 'square');                 // squares
  line(84, [0, 12], 0, 'butt');                   // nothing visible
  line(96, [10, 7, 0, 7], 0, 'round');            // dash + dot
  ctx.strokeStyle = '#060';
  ctx.lineCap = 'butt';
  // around corners: a polyline and a rect, the pattern continues through the joins
  ctx.setLineDash([14, 6]);
  ctx.lineDashOffset = 0;
  ctx.lineJoin = 'miter';
  ctx.beginPath(); ctx.moveTo(10, 110); ctx.lineTo(60, 110); ctx.lineTo(60, 150); ctx.lineTo(20, 140); ctx.stroke();
  ctx.strokeRect(75, 110, 45, 40);
  // arcs and curves
  ctx.strokeStyle = '#60a';
  ctx.setLineDash([10, 5, 2, 5]);
  ctx.beginPath(); ctx.arc(160, 130, 22, 0, Math.PI * 2); ctx.stroke();
  ctx.beginPath(); ctx.moveTo(195, 150); ctx.bezierCurveTo(205, 100, 245, 160, 250, 110); ctx.stroke();
  // the dash pattern restarts at each subpath
  ctx.strokeStyle = '#06c';
  ctx.setLineDash([12, 8]);
  ctx.lineDashOffset = 6;
  ctx.beginPath();
  ctx.moveTo(10, 170); ctx.lineTo(80, 170);
  ctx.moveTo(10, 180); ctx.lineTo(80, 180);       // same phase as the line above
  ctx.stroke();
  // invalid lists are ignored entirely: [-1, 5] and [NaN] keep [12, 8]
  ctx.setLineDash([-1, 5]);
  ctx.setLineDash([5, NaN]);
  const kept = ctx.getLineDash();
  ctx.lineDashOffset = 0;
  ctx.beginPath(); ctx.moveTo(95, 175); ctx.lineTo(170, 175); ctx.stroke();
  // getLineDash: an odd list comes back doubled, and a [0, 0] all-zero list strokes solid
  ctx.setLineDash([1, 2, 3]);
  const d = ctx.getLineDash();
  const ok = kept.join() === '12,8' && d.join() === '1,2,3,1,2,3';
  ctx.setLineDash([0, 0]);
  ctx.strokeStyle = ok ? '#0a0' : '#f00';
  ctx.lineWidth = 6;
  ctx.beginPath(); ctx.moveTo(185, 175); ctx.lineTo(250, 175); ctx.stroke();   // solid green if both checks passed
}
