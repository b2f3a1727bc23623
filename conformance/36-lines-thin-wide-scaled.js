// @size 260x200
// @fuzzy maxDifference=0-128;totalPixels=0-2500
// Thin lines (1, 0.5, 0.25, 0.1 px: coverage fades), crisp vs blurry 1 px lines (integer vs half-pixel
// positions), very wide lines (60 px) with round caps, zero-length segments (nothing with any cap:
// today's Chromium prunes paths whose points all coincide), lines under non-uniform scale and rotation, a spiral of
// hairlines. ~7000 px of AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 200);
  ctx.strokeStyle = '#000';
  // widths 2, 1, 0.5, 0.25, 0.1: horizontal at half-pixel centres, and diagonal
  [2, 1, 0.5, 0.25, 0.1].forEach((w, i) => {
    ctx.lineWidth = w;
    ctx.beginPath(); ctx.moveTo(10, 10.5 + i * 8); ctx.lineTo(110, 10.5 + i * 8); ctx.stroke();
    ctx.beginPath(); ctx.moveTo(120 + i * 8, 10); ctx.lineTo(160 + i * 8, 50); ctx.stroke();
  });
  // 1 px at integer y (spans two rows at 50%) vs half-pixel y (one crisp row)
  ctx.lineWidth = 1;
  ctx.beginPath(); ctx.moveTo(10, 55); ctx.lineTo(110, 55); ctx.stroke();
  ctx.beginPath(); ctx.moveTo(10, 60.5); ctx.lineTo(110, 60.5); ctx.stroke();
  // very wide line with round caps
  ctx.strokeStyle = 'rgba(0, 120, 200, 0.6)';
  ctx.lineWidth = 60;
  ctx.lineCap = 'round';
  ctx.beginPath(); ctx.moveTo(215, 40); ctx.lineTo(225, 70); ctx.stroke();
  // zero-length segments: nothing with any cap (Chromium prunes a path whose points all coincide)
  ctx.strokeStyle = '#c00';
  ctx.lineWidth = 12;
  [['round', 20], ['square', 50], ['butt', 80]].forEach(([cap, x]) => {
    ctx.lineCap = cap;
    ctx.beginPath(); ctx.moveTo(x, 85); ctx.lineTo(x, 85); ctx.stroke();          // moveTo + lineTo same point
    ctx.beginPath(); ctx.moveTo(x, 110); ctx.closePath(); ctx.stroke();           // moveTo + closePath
  });
  ctx.lineCap = 'round';
  ctx.beginPath(); ctx.moveTo(110, 85); ctx.stroke();                             // lone moveTo: nothing
  // non-uniform scale and rotation on a thin line and a 1px circle
  ctx.strokeStyle = '#060';
  ctx.save();
  ctx.translate(130, 100);
  ctx.rotate(Math.PI / 6);
  ctx.scale(4, 0.5);
  ctx.lineWidth = 1;                                                              // 4 px across x, 0.5 px across y
  ctx.beginPath(); ctx.arc(0, 0, 10, 0, Math.PI * 2); ctx.stroke();
  ctx.restore();
  ctx.save();
  ctx.scale(0.25, 0.25);                                                          // 4 px user width => 1 px device
  ctx.lineWidth = 4;
  ctx.lineCap = 'butt';
  ctx.beginPath(); ctx.moveTo(40, 560); ctx.lineTo(440, 560); ctx.stroke();
  ctx.restore();
  // hairline spiral: 0.3 px wide
  ctx.strokeStyle = '#306';
  ctx.lineWidth = 0.3;
  ctx.beginPath();
  for (let i = 0; i <= 200; i++) {
    const a = i * 0.15, r = 2 + i * 0.2;
    ctx.lineTo(215 + r * Math.cos(a), 155 + r * Math.sin(a));
  }
  ctx.stroke();
  // wide polyline with round joins and caps, partially off canvas
  ctx.strokeStyle = 'rgba(200, 120, 0, 0.5)';
  ctx.lineWidth = 24;
  ctx.lineJoin = 'round';
  ctx.beginPath(); ctx.moveTo(-10, 190); ctx.lineTo(50, 160); ctx.lineTo(110, 200); ctx.lineTo(130, 150); ctx.stroke();
}
