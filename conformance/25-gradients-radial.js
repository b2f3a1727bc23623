// @size 240x180
// @fuzzy maxDifference=0-3;totalPixels=0-1700
// createRadialGradient where the start circle is inside the end circle: concentric, r0 = 0,
// focal (non-concentric) start circle, r0 > r1 (colours run inwards), equal radii at the same centre
// (paints nothing), stops at the pad region outside r1, translucent stops. Every gradient here is
// smooth (no cone edges). Gradient area ~34000 px => 5% = 1700.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 180);
  function rg(x0, y0, r0, x1, y1, r1, stops) {
    const g = ctx.createRadialGradient(x0, y0, r0, x1, y1, r1);
    stops.forEach(([o, c]) => g.addColorStop(o, c));
    return g;
  }
  // concentric, r0 = 10: solid first colour inside r0, pad colour outside r1
  ctx.fillStyle = rg(40, 40, 10, 40, 40, 35, [[0, '#ff0'], [0.5, '#f60'], [1, '#600']]);
  ctx.fillRect(0, 0, 80, 80);
  // r0 = 0, several stops
  ctx.fillStyle = rg(120, 40, 0, 120, 40, 38, [[0, '#fff'], [0.3, '#0cf'], [0.7, '#036'], [1, '#0cf']]);
  ctx.fillRect(80, 0, 80, 80);
  // focal: small start circle near the edge of the end circle (still inside)
  ctx.fillStyle = rg(215, 25, 3, 200, 40, 36, [[0, '#fff'], [0.4, '#9c3'], [1, '#142']]);
  ctx.fillRect(160, 0, 80, 80);
  // r0 > r1, concentric: offset 0 at the outer circle, 1 at the inner
  ctx.fillStyle = rg(40, 125, 38, 40, 125, 8, [[0, '#00f'], [1, '#fff']]);
  ctx.fillRect(0, 85, 80, 80);
  // r0 > r1, non-concentric, the small end circle inside the big start circle
  ctx.fillStyle = rg(120, 125, 40, 130, 115, 6, [[0, '#606'], [0.5, '#f6f'], [1, '#ffe']]);
  ctx.fillRect(80, 85, 80, 80);
  // translucent stops over a checker of the two background greys
  for (let y = 85; y < 165; y += 10) for (let x = 160; x < 240; x += 10) {
    ctx.fillStyle = ((x + y) / 10) % 2 ? '#bbb' : '#555';
    ctx.fillRect(x, y, 10, 10);
  }
  ctx.fillStyle = rg(200, 125, 5, 200, 125, 38, [[0, 'rgba(255, 0, 0, 1)'], [0.6, 'rgba(255, 0, 0, 0.3)'], [1, 'rgba(255, 0, 0, 0)']]);
  ctx.fillRect(160, 85, 80, 80);
  // identical start and end circles: paints nothing (the grey bar stays grey)
  ctx.fillStyle = '#888';
  ctx.fillRect(0, 168, 240, 12);
  ctx.fillStyle = rg(120, 174, 20, 120, 174, 20, [[0, 'red'], [1, 'red']]);
  ctx.fillRect(0, 168, 240, 12);
}
