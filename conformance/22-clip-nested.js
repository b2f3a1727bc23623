// @size 260x180
// @fuzzy maxDifference=0-128;totalPixels=0-1000
// Nested clips intersect (circle & rect & triangle), evenodd clip on a self-intersecting star,
// clip(path2d) and clip(path2d, 'evenodd'), restore() drops only the inner clip, beginPath() does not
// reset the clip, a clip path with open subpaths is closed implicitly. ~3000 px of AA clip edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 180);
  function stripes(x0, y0, w, h, a, b) {
    for (let x = x0; x < x0 + w; x += 8) { ctx.fillStyle = ((x - x0) / 8) % 2 ? a : b; ctx.fillRect(x, y0, 8, h); }
  }
  // three nested clips: circle, then rect, then triangle; each level paints so the intersections show
  ctx.save();
  ctx.beginPath(); ctx.arc(60, 60, 50, 0, Math.PI * 2); ctx.clip();
  stripes(0, 0, 130, 130, '#cde', '#abc');
  ctx.save();
  ctx.beginPath(); ctx.rect(30, 20, 90, 60); ctx.clip();
  stripes(0, 0, 130, 130, '#fc8', '#f94');
  ctx.save();
  ctx.beginPath(); ctx.moveTo(20, 100); ctx.lineTo(70, 0); ctx.lineTo(120, 100); ctx.clip();   // open: closed implicitly
  ctx.beginPath();                                              // beginPath does not reset the clip
  stripes(0, 0, 130, 130, '#c33', '#911');
  ctx.restore();                                                // back to circle & rect
  ctx.fillStyle = 'rgba(0, 0, 0, 0.25)';
  ctx.fillRect(0, 65, 130, 10);                                 // band limited to the rect/circle intersection
  ctx.restore();                                                // back to circle only
  ctx.fillStyle = 'rgba(0, 90, 0, 0.5)';
  ctx.fillRect(0, 95, 130, 10);                                 // band limited to the circle
  ctx.restore();
  ctx.fillStyle = '#333';
  ctx.fillRect(0, 118, 130, 4);                                 // unclipped full-width line
  // evenodd clip on a five-point star: the pentagon in the middle is outside the clip
  ctx.save();
  ctx.beginPath();
  for (let i = 0; i < 5; i++) {
    const a = -Math.PI / 2 + i * 4 * Math.PI / 5;
    ctx.lineTo(195 + 55 * Math.cos(a), 62 + 55 * Math.sin(a));
  }
  ctx.closePath();
  ctx.clip('evenodd');
  stripes(130, 0, 130, 130, '#6a6', '#373');
  ctx.restore();
  // clip(Path2D) nonzero vs evenodd on two concentric same-direction circles
  const rings = new Path2D();
  rings.arc(0, 0, 22, 0, Math.PI * 2);
  rings.moveTo(12, 0);
  rings.arc(0, 0, 12, 0, Math.PI * 2);
  for (const [cx, rule] of [[30, undefined], [90, 'evenodd']]) {
    ctx.save();
    ctx.translate(cx, 150);
    rule ? ctx.clip(rings, rule) : ctx.clip(rings);
    ctx.fillStyle = '#36c';
    ctx.fillRect(-30, -30, 60, 60);
    ctx.restore();
  }
  // clip to nothing (empty path): subsequent fills draw nothing (no red)
  ctx.save();
  ctx.beginPath();
  ctx.clip();
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 260, 180);
  ctx.restore();
  // after restore the canvas is unclipped again
  ctx.fillStyle = '#a0a';
  ctx.fillRect(140, 140, 110, 30);
}
