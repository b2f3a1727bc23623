// @size 240x160
// @fuzzy maxDifference=0-128;totalPixels=0-900
// arc(): clockwise vs anticlockwise, sweeps beyond 2*pi (cw: full circle; ccw 0->3pi: only pi ccw),
// end < start, negative angles, zero radius (adds a point), the line from the current point to the
// arc start, pie slices, negative radius throwing (path unchanged). ~3000 px of AA stroke edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 160);
  ctx.lineWidth = 3;
  const P = Math.PI;
  function cross(x, y) {                     // grey centre mark
    ctx.save(); ctx.strokeStyle = '#bbb'; ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(x - 4, y + 0.5); ctx.lineTo(x + 4, y + 0.5); ctx.moveTo(x + 0.5, y - 4); ctx.lineTo(x + 0.5, y + 4); ctx.stroke();
    ctx.restore();
  }
  const cases = [
    // [start, end, anticlockwise, colour]
    [0, P * 1.5, false, '#c00'],              // 3/4 clockwise
    [0, P * 1.5, true, '#06c'],               // 1/4 anticlockwise
    [0, P * 3, false, '#080'],                // > 2pi cw: full circle
    [0, P * 3, true, '#a0a'],                 // ccw towards 3pi = pi (mod 2pi): upper half
    [P / 2, 0, false, '#e70'],                // end < start, cw: 3/4 turn
    [-P / 2, -P / 4, false, '#088'],          // negative angles: 1/8 turn in the upper right
    [-P / 4, -P / 2, false, '#555'],          // negative angles, end < start: 7/8 turn
    [P * 2, -P * 4, true, '#840'],            // ccw, start - end >= 2pi: full circle
  ];
  cases.forEach(([a0, a1, ccw, col], i) => {
    const cx = 30 + (i % 4) * 60, cy = 30 + Math.floor(i / 4) * 55;
    cross(cx, cy);
    ctx.strokeStyle = col;
    ctx.beginPath();
    ctx.arc(cx, cy, 20, a0, a1, ccw);
    ctx.stroke();
  });
  // current point -> arc start line, and zero-radius arc acting as a point of a polyline
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(10, 150);
  ctx.arc(60, 130, 15, P, 0, false);          // line from (10,150) to (45,130), then the upper half circle
  ctx.arc(100, 150, 0, 0, P);                 // radius 0: just a lineTo(100,150)
  ctx.lineTo(120, 120);
  ctx.stroke();
  // pie slices (moveTo centre + arc + closePath), filled
  ctx.fillStyle = '#fc0';
  ctx.beginPath(); ctx.moveTo(170, 135); ctx.arc(170, 135, 22, -P / 3, P / 2); ctx.closePath(); ctx.fill();
  ctx.fillStyle = '#39f';
  ctx.beginPath(); ctx.moveTo(170, 135); ctx.arc(170, 135, 22, -P / 3, P / 2, true); ctx.closePath(); ctx.fill();
  // negative radius throws IndexSizeError and leaves the path as it was
  ctx.strokeStyle = '#090';
  ctx.beginPath();
  ctx.moveTo(205, 115);
  try { ctx.arc(220, 135, -10, 0, P); } catch (e) { /* expected */ }
  ctx.lineTo(235, 155);
  ctx.stroke();                               // a single straight diagonal
}
