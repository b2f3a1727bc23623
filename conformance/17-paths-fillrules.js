// @size 260x180
// @fuzzy maxDifference=0-128;totalPixels=0-1000
// Fill rules on self-intersecting and nested shapes: 7-point star, nested rects with the same and
// opposite winding, overlapping circles, a figure-eight; rect() subpaths (closed, next point at x,y);
// closePath then continued drawing (the new subpath starts at the closed subpath's first point).
// Left of each pair: nonzero, right: evenodd. ~3500 px AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 180);
  function star(cx, cy, r, n, step) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      const a = -Math.PI / 2 + i * step * 2 * Math.PI / n;
      i ? ctx.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a)) : ctx.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    ctx.closePath();
  }
  ctx.fillStyle = '#e60';
  star(30, 32, 28, 7, 3); ctx.fill();                 // {7/3} star nonzero: solid centre
  star(90, 32, 28, 7, 3); ctx.fill('evenodd');        // evenodd: alternating regions
  // nested squares: rect() is always clockwise
  function nested(x, y, reverseInner) {
    ctx.beginPath();
    ctx.rect(x, y, 50, 50);
    if (reverseInner) {                               // counter-clockwise inner square
      ctx.moveTo(x + 12, y + 12); ctx.lineTo(x + 12, y + 38); ctx.lineTo(x + 38, y + 38); ctx.lineTo(x + 38, y + 12); ctx.closePath();
    } else ctx.rect(x + 12, y + 12, 26, 26);
    ctx.rect(x + 20, y + 20, 10, 10);                 // innermost, clockwise
  }
  ctx.fillStyle = '#06c';
  nested(130, 8, false); ctx.fill('nonzero');         // all same winding: solid
  nested(195, 8, false); ctx.fill('evenodd');         // ring + centre dot
  nested(130, 66, true); ctx.fill('nonzero');         // opposite inner winding: hole, innermost dot
  nested(195, 66, true); ctx.fill('evenodd');
  // two overlapping circles in one path
  ctx.fillStyle = 'rgba(0, 150, 60, 0.8)';
  for (const [x, rule] of [[35, 'nonzero'], [95, 'evenodd']]) {
    ctx.beginPath();
    ctx.arc(x - 8, 90, 18, 0, Math.PI * 2);
    ctx.moveTo(x + 26, 90);
    ctx.arc(x + 8, 90, 18, 0, Math.PI * 2);
    ctx.fill(rule);                                   // evenodd: lens-shaped hole
  }
  // figure-eight (bow tie): winding +1 and -1, both filled by either rule
  ctx.fillStyle = '#a0a';
  ctx.beginPath(); ctx.moveTo(10, 125); ctx.lineTo(60, 165); ctx.lineTo(60, 125); ctx.lineTo(10, 165); ctx.closePath(); ctx.fill();
  // rect() then lineTo: the line starts at the rect's origin (new subpath at x,y)
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.beginPath(); ctx.rect(75, 125, 30, 30); ctx.lineTo(125, 170); ctx.stroke();
  // closePath then lineTo: continues from the first point of the closed triangle
  ctx.strokeStyle = '#c00';
  ctx.beginPath();
  ctx.moveTo(140, 130); ctx.lineTo(180, 130); ctx.lineTo(160, 160); ctx.closePath();
  ctx.lineTo(140, 175); ctx.lineTo(130, 150);
  ctx.stroke();
  // a second closePath right after the first adds nothing; fill of a path with an open subpath closes it implicitly
  ctx.fillStyle = '#fc0';
  ctx.beginPath(); ctx.moveTo(200, 130); ctx.lineTo(250, 130); ctx.lineTo(225, 175); ctx.closePath(); ctx.closePath();
  ctx.moveTo(205, 170); ctx.lineTo(245, 170); ctx.lineTo(225, 140);   // open subpath, filled as if closed
  ctx.fill('evenodd');
}
