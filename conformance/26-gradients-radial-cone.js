// @size 240x160
// @fuzzy maxDifference=0-224;totalPixels=0-1000
// Two-point radial gradients where the start circle is not inside the end circle: the painted area is the
// cone swept by the interpolated circles; points no circle reaches stay untouched (transparent black
// painted = background shows). Chromium leaves cone boundaries un-anti-aliased (jagged, decided per
// pixel centre), so an edge pixel may be a full swap of gradient colour vs background: maxDifference
// 224; ~700 px of cone edge, allowing up to ~1.4 differing pixels per edge pixel => 1000.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#ddd';
  ctx.fillRect(0, 0, 240, 160);
  function box(x, y, x0, y0, r0, x1, y1, r1) {
    const g = ctx.createRadialGradient(x0, y0, r0, x1, y1, r1);
    g.addColorStop(0, '#c00');
    g.addColorStop(0.5, '#fc0');
    g.addColorStop(1, '#06c');
    ctx.fillStyle = g;
    ctx.fillRect(x, y, 75, 75);
    ctx.strokeStyle = '#000';                     // thin frame so the untouched area is visible
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, 74, 74);
  }
  box(2, 2, 20, 40, 8, 55, 40, 20);               // disjoint circles, growing: cone opening right
  box(82, 2, 100, 40, 25, 145, 40, 5);            // disjoint circles, shrinking: cone closing right
  box(162, 2, 180, 20, 0, 220, 55, 15);           // point start outside end circle
  box(2, 82, 40, 120, 15, 40, 120, 15);           // same centre, same radius: paints nothing
  box(82, 82, 100, 120, 15, 140, 120, 15);        // equal radii, different centres: a band (cylinder)
  box(162, 82, 185, 110, 20, 212, 130, 18);       // partly overlapping circles, neither contains the other
}
