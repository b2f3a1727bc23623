// @size 280x200
// @fuzzy maxDifference=0-128;totalPixels=0-2000
// lineCap x lineJoin on wide polylines (thin centre line shows the path), joins across angles from
// 170 to 10 degrees, miterLimit 1 / 2 / 4 / 10 (miter -> bevel switch at 1/sin(theta/2)), joins on
// closed subpaths (closePath joins the ends; an open path gets caps), and a 180-degree reversal.
// ~6000 px of AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 280, 200);
  function centre(pts) {
    ctx.save(); ctx.strokeStyle = '#f44'; ctx.lineWidth = 1; ctx.lineJoin = 'miter'; ctx.lineCap = 'butt';
    ctx.beginPath(); pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y))); ctx.stroke(); ctx.restore();
  }
  function poly(pts, close) {
    ctx.beginPath(); pts.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
    if (close) ctx.closePath();
    ctx.stroke(); centre(pts);
  }
  // 3x3 cap/join matrix on a zigzag
  ctx.strokeStyle = '#35a';
  ctx.lineWidth = 9;
  ['butt', 'round', 'square'].forEach((cap, i) => {
    ['miter', 'round', 'bevel'].forEach((join, j) => {
      ctx.lineCap = cap; ctx.lineJoin = join;
      const x = 12 + j * 50, y = 12 + i * 36;
      poly([[x, y + 20], [x + 12, y], [x + 24, y + 20], [x + 36, y + 5]]);
    });
  });
  // miter across angles with the default miterLimit 10 (switches to bevel below ~11.5 degrees)
  ctx.lineCap = 'butt'; ctx.lineJoin = 'miter'; ctx.miterLimit = 10;
  ctx.strokeStyle = '#080';
  ctx.lineWidth = 5;
  const angles = [[170, 190, 15], [120, 228, 15], [90, 262, 15], [60, 185, 62], [30, 210, 62], [15, 235, 62], [10, 260, 62]];
  for (const [deg, x, y] of angles) {              // apex at (x, y), two 18 px legs opening downwards
    const h = deg * Math.PI / 360;
    poly([[x - 18 * Math.sin(h), y + 18 * Math.cos(h)], [x, y], [x + 18 * Math.sin(h), y + 18 * Math.cos(h)]]);
  }
  // miterLimit variations on the same 60-degree corner (ratio 1/sin(30deg) = 2)
  ctx.strokeStyle = '#a50';
  ctx.lineWidth = 10;
  [1, 1.99, 2.01, 10].forEach((ml, i) => {
    ctx.miterLimit = ml;                           // 1 and 1.99: bevel; 2.01 and 10: miter
    const x = 20 + i * 40;
    poly([[x - 12, 164 + 12 * Math.sqrt(3)], [x, 164], [x + 12, 164 + 12 * Math.sqrt(3)]]);   // exactly 60 degrees
  });
  ctx.miterLimit = 10;
  // closed vs open square with square caps and miter joins
  ctx.strokeStyle = 'rgba(120, 0, 160, 0.6)';
  ctx.lineWidth = 8;
  ctx.lineCap = 'square';
  poly([[180, 150], [215, 150], [215, 185], [180, 185]], true);   // closed: four mitred corners
  poly([[230, 150], [265, 150], [265, 185], [230, 185], [230, 150]], false); // open: overlapping caps at the start
  // 180-degree reversal: round join makes a semicircle end, miter degenerates to bevel (nothing extra)
  ctx.lineCap = 'butt';
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 8;
  ctx.lineJoin = 'round';
  poly([[180, 120], [240, 120], [200, 120]]);
  ctx.lineJoin = 'miter';
  poly([[180, 135], [240, 135], [200, 135]]);
}
