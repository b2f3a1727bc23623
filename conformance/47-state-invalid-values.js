// @size 240x180
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Invalid attribute values are ignored (previous value kept): lineWidth -1/0/NaN/Infinity, globalAlpha
// 2/-0.5/NaN, fillStyle 'nonsense'/''/number, strokeStyle garbage, unknown composite op, lineCap/lineJoin
// garbage, miterLimit 0/-1, shadowBlur -1, shadowOffsetX NaN, lineDashOffset NaN. Draw calls with
// NaN/Infinity arguments are ignored (fillRect, strokeRect, clearRect, drawImage, moveTo/lineTo in a path).
// Each check paints a green square if the getter shows the old value, red otherwise; then the
// drawing-level checks: any red visible = something drew that should not have. Integer rects: exact.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 180);
  const results = [];
  const keep = (prop, good, bads) => {
    ctx[prop] = good;
    const want = ctx[prop];
    for (const b of bads) { ctx[prop] = b; results.push(ctx[prop] === want); }
  };
  keep('lineWidth', 3, [-1, 0, NaN, Infinity, -Infinity]);
  keep('globalAlpha', 0.5, [2, -0.5, NaN, Infinity]);
  keep('fillStyle', '#123456', ['nonsense', '', 'rgb(1,2)', '#12345']);
  keep('strokeStyle', '#abcdef', ['not a colour', 'hsl(1,2,3)']);
  keep('globalCompositeOperation', 'multiply', ['bogus', 'Multiply', 'source-over ', '']);
  keep('lineCap', 'round', ['ROUND', 'flat', '']);
  keep('lineJoin', 'bevel', ['Miter', 'none']);
  keep('miterLimit', 4, [0, -1, NaN, Infinity]);
  keep('shadowBlur', 2, [-1, NaN, Infinity]);
  keep('shadowOffsetX', 3, [NaN, Infinity]);
  keep('lineDashOffset', 5, [NaN, -Infinity]);
  keep('imageSmoothingQuality', 'high', ['best', '']);
  // back to plain drawing state before painting the results
  ctx.globalAlpha = 1;
  ctx.globalCompositeOperation = 'source-over';
  ctx.shadowBlur = 0; ctx.shadowOffsetX = 0;
  ctx.lineWidth = 1; ctx.lineCap = 'butt'; ctx.lineJoin = 'miter'; ctx.lineDashOffset = 0;
  results.forEach((ok, i) => { ctx.fillStyle = ok ? '#0a0' : '#f00'; ctx.fillRect(6 + (i % 12) * 19, 6 + Math.floor(i / 12) * 19, 16, 16); });
  // draw calls with non-finite arguments do nothing (red must not appear)
  ctx.fillStyle = '#f00';
  ctx.strokeStyle = '#f00';
  const bad = [NaN, Infinity, -Infinity];
  for (const v of bad) {
    ctx.fillRect(v, 100, 50, 50); ctx.fillRect(10, v, 50, 50); ctx.fillRect(10, 100, v, 50); ctx.fillRect(10, 100, 50, v);
    ctx.strokeRect(v, 100, 50, 50); ctx.strokeRect(10, 100, 50, v);
  }
  // clearRect with NaN does not clear: the blue stays
  ctx.fillStyle = '#36c';
  ctx.fillRect(80, 100, 50, 50);
  for (const v of bad) { ctx.clearRect(v, 100, 50, 50); ctx.clearRect(80, 100, v, 50); }
  // a path with a NaN point: the bad call is skipped, the rest of the path is kept
  ctx.fillStyle = '#0a0';
  ctx.beginPath();
  ctx.moveTo(150, 100); ctx.lineTo(200, 100); ctx.lineTo(NaN, 300); ctx.lineTo(Infinity, 0); ctx.lineTo(200, 150); ctx.lineTo(150, 150);
  ctx.closePath();
  ctx.fill();                                                  // a 50x50 green square
  // arc/rect/drawImage with non-finite args are ignored
  ctx.fillStyle = '#f00';
  ctx.beginPath(); ctx.rect(NaN, 0, 10, 10); ctx.arc(20, 20, Infinity, 0, 1); ctx.fill();
  const src = env.createCanvas(10, 10); const s = src.getContext('2d'); s.fillStyle = '#f00'; s.fillRect(0, 0, 10, 10);
  ctx.drawImage(src, NaN, 0); ctx.drawImage(src, 0, 0, Infinity, 10);
  // legend strip: the rect used by the NaN draw calls, outlined
  ctx.strokeStyle = '#888'; ctx.lineWidth = 1;
  ctx.strokeRect(9.5, 99.5, 51, 51);
}
