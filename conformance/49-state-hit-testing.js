// @size 280x200
// @fuzzy maxDifference=0-224;totalPixels=0-400
// isPointInPath / isPointInStroke visualised: each shape is drawn faintly, then a grid of sample points
// gets a green (true) or red (false) 2x2 marker. Covers the current path vs a Path2D, nonzero vs evenodd,
// the current transform (applies to Path2D arguments, not to the already-transformed current path),
// points exactly on edges, isPointInStroke with lineWidth, lineCap and lineJoin, and getLineDash values
// drawn as bars. The faint shapes have AA edges (~1400 px => ~400 px); maxDifference is open to 224
// because a sample point lying within a hair of a curved edge may legitimately flip red<->green.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 280, 200);
  function markers(x0, y0, w, h, test) {
    for (let y = y0; y <= y0 + h; y += 6) for (let x = x0; x <= x0 + w; x += 6) {
      const hit = test(x, y);
      ctx.fillStyle = hit ? '#0a0' : '#e00';
      ctx.fillRect(x - 1, y - 1, 2, 2);
    }
  }
  function star(p, cx, cy, r) {
    for (let i = 0; i < 5; i++) {
      const a = -Math.PI / 2 + i * 4 * Math.PI / 5;
      i ? p.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a)) : p.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
    }
    p.closePath();
  }
  // 1. current path, star, nonzero vs evenodd
  ctx.fillStyle = '#ddd';
  ctx.beginPath(); star(ctx, 45, 50, 40); ctx.fill();
  markers(6, 10, 78, 78, (x, y) => ctx.isPointInPath(x, y));
  ctx.fillStyle = '#ddd';
  ctx.beginPath(); star(ctx, 135, 50, 40); ctx.fill('evenodd');
  markers(96, 10, 78, 78, (x, y) => ctx.isPointInPath(x, y, 'evenodd'));
  // 2. Path2D under a transform: the transform applies to the path argument
  const sq = new Path2D();
  sq.rect(0, 0, 30, 30);
  ctx.save();
  ctx.translate(225, 50);
  ctx.rotate(Math.PI / 4);
  ctx.translate(-15, -15);
  ctx.fillStyle = '#ddd';
  ctx.fill(sq);
  const m = ctx.getTransform();
  ctx.restore();
  ctx.setTransform(m);
  const hits = [];
  for (let y = 10; y <= 90; y += 6) for (let x = 185; x <= 265; x += 6) hits.push([x, y, ctx.isPointInPath(sq, x, y)]);
  ctx.resetTransform();
  for (const [x, y, h] of hits) { ctx.fillStyle = h ? '#0a0' : '#e00'; ctx.fillRect(x - 1, y - 1, 2, 2); }
  // 3. isPointInStroke: a thick polyline with round caps and miter joins
  ctx.lineWidth = 14;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'miter';
  ctx.strokeStyle = '#ddd';
  ctx.beginPath(); ctx.moveTo(20, 180); ctx.lineTo(60, 110); ctx.lineTo(100, 180); ctx.stroke();
  markers(6, 98, 108, 96, (x, y) => ctx.isPointInStroke(x, y));
  // 4. isPointInStroke with a Path2D circle and square caps on an open arc
  const arc = new Path2D();
  arc.arc(170, 150, 30, Math.PI * 0.2, Math.PI * 1.3);
  ctx.lineWidth = 10;
  ctx.lineCap = 'square';
  ctx.stroke(arc);
  markers(128, 108, 84, 84, (x, y) => ctx.isPointInStroke(arc, x, y));
  // 5. points exactly on the edges and corners of an axis-aligned rect, one 4x4 marker each
  //    (Chromium counts every edge point, right and bottom included, as inside)
  ctx.beginPath(); ctx.rect(230, 110, 40, 40);
  ctx.fillStyle = '#ddd'; ctx.fill();
  [[230, 110], [270, 110], [230, 150], [270, 150], [250, 110], [250, 150], [230, 130], [270, 130], [250, 130]].forEach(([x, y]) => {
    ctx.fillStyle = ctx.isPointInPath(x, y) ? '#0a0' : '#e00';
    ctx.fillRect(x - 2, y - 2, 4, 4);
  });
  // 6. getLineDash values as bars (odd list doubled: 6 bars)
  ctx.setLineDash([4, 10, 16]);
  ctx.getLineDash().forEach((v, i) => { ctx.fillStyle = '#36c'; ctx.fillRect(222 + i * 9, 190 - v * 2, 6, v * 2); });
  ctx.setLineDash([]);
}
