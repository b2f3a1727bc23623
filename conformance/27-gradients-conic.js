// @size 240x160
// @fuzzy maxDifference=0-255;totalPixels=0-1500
// createConicGradient(startAngle, x, y): angle 0 points right (3 o'clock) and runs clockwise; start angles
// 0, pi/2, -pi/4, 3pi (wraps); hard stops (pie chart), a transparent stop, centre outside the filled rect,
// a conic gradient as strokeStyle. Smooth bands would get maxDifference 3, but hard stops and the
// 0/1 seams are un-anti-aliased per-pixel decisions (a pixel may land on either side: up to a full
// black/white swap), so maxDifference is open; totalPixels: 5% of ~30000 px gradient area.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 160);
  const rainbow = ['#f00', '#ff0', '#0f0', '#0ff', '#00f', '#f0f', '#f00'];
  [0, Math.PI / 2, -Math.PI / 4, 3 * Math.PI].forEach((a, i) => {
    const cx = 30 + i * 60, cy = 30;
    const g = ctx.createConicGradient(a, cx, cy);
    rainbow.forEach((c, k) => g.addColorStop(k / 6, c));
    ctx.fillStyle = g;
    ctx.fillRect(cx - 28, cy - 28, 56, 56);
  });
  // pie chart via hard stops, circular clip
  const pie = ctx.createConicGradient(-Math.PI / 2, 40, 100);
  const parts = [[0.35, '#e63'], [0.25, '#3a6'], [0.15, '#36c'], [0.25, '#fc3']];
  let acc = 0;
  for (const [f, c] of parts) { pie.addColorStop(acc, c); acc += f; pie.addColorStop(acc, c); }
  ctx.fillStyle = pie;
  ctx.beginPath(); ctx.arc(40, 100, 30, 0, Math.PI * 2); ctx.fill();
  // transparent stop over a dark square: black -> transparent -> white around the centre
  ctx.fillStyle = '#468';
  ctx.fillRect(82, 72, 56, 56);
  const g2 = ctx.createConicGradient(0, 110, 100);
  g2.addColorStop(0, '#000');
  g2.addColorStop(0.5, 'rgba(0, 0, 0, 0)');
  g2.addColorStop(1, '#fff');
  ctx.fillStyle = g2;
  ctx.fillRect(82, 72, 56, 56);
  // centre outside the rect: only a wedge of angles is visible
  const g3 = ctx.createConicGradient(0, 192, 134);
  ['#206', '#f80', '#206', '#0c8', '#206'].forEach((c, k) => g3.addColorStop(k / 4, c));
  ctx.fillStyle = g3;
  ctx.fillRect(150, 72, 85, 56);
  // conic gradient as a stroke
  const g4 = ctx.createConicGradient(Math.PI / 3, 120, 150);
  g4.addColorStop(0, '#000'); g4.addColorStop(1, '#0cf');
  ctx.strokeStyle = g4;
  ctx.lineWidth = 8;
  ctx.beginPath(); ctx.moveTo(10, 150); ctx.lineTo(230, 150); ctx.stroke();
}
