// @size 240x180
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Part 1 is wiped by ctx.reset() (which clears the bitmap to transparent black and resets every state
// value, the clip, the transform and the current path); part 2 then checks the defaults, 24 levels of
// save/restore (each restore brings back its level's colour, transform and lineWidth), unbalanced
// restore() calls being ignored, that the current path is NOT part of the saved state, and that
// save/restore covers the clip, globalAlpha, composite op and line dash. Integer rects: exact.
function draw(ctx, canvas, env) {
  // ---- part 1: lots of state, then reset()
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 240, 180);
  ctx.translate(30, 40); ctx.scale(2, 2);
  ctx.beginPath(); ctx.rect(0, 0, 10, 10); ctx.clip();
  ctx.globalAlpha = 0.3; ctx.globalCompositeOperation = 'xor';
  ctx.lineWidth = 9; ctx.setLineDash([3, 3]); ctx.shadowColor = '#f00'; ctx.shadowBlur = 4;
  ctx.beginPath(); ctx.rect(50, 50, 10, 10);          // a pending path that reset() must discard
  ctx.save(); ctx.save();                             // pending saves that reset() must discard
  const hasReset = typeof ctx.reset === 'function';
  if (hasReset) ctx.reset();
  else { ctx.restore(); ctx.restore(); ctx.resetTransform(); ctx.clearRect(0, 0, 240, 180); }
  // ---- part 2
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 180);                      // covers everything only if clip/transform/alpha were reset
  const defaults = [
    hasReset, ctx.globalAlpha === 1, ctx.globalCompositeOperation === 'source-over', ctx.lineWidth === 1,
    ctx.getLineDash().length === 0, ctx.shadowBlur === 0, ctx.shadowColor === 'rgba(0, 0, 0, 0)',
    ctx.getTransform().a === 1 && ctx.getTransform().e === 0, ctx.strokeStyle === '#000000', ctx.lineCap === 'butt',
  ];
  defaults.forEach((ok, i) => { ctx.fillStyle = ok ? '#0a0' : '#f00'; ctx.fillRect(4 + i * 14, 4, 12, 12); });
  ctx.fill();                                         // the discarded path: nothing drawn
  ctx.restore(); ctx.restore();                       // stack is empty after reset: ignored
  // 24 nested levels, each with its own colour and a growing translation, drawn on the way back out
  const N = 24;
  for (let i = 0; i < N; i++) {
    ctx.save();
    ctx.fillStyle = `hsl(${i * 15}, 75%, 50%)`;
    ctx.translate(i === 0 ? 4 : 9, 0);
    ctx.lineWidth = i + 1;
  }
  for (let i = N - 1; i >= 0; i--) {
    ctx.fillRect(0, 24, 8, 30 + (ctx.lineWidth - 1) * 2);   // bar height encodes the restored lineWidth
    ctx.restore();
  }
  ctx.restore(); ctx.restore(); ctx.restore();        // unbalanced: ignored
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 100, 8, 8);                         // identity transform again: at the left edge
  // the current path survives restore()
  ctx.beginPath();
  ctx.save();
  ctx.translate(20, 0);
  ctx.rect(10, 120, 30, 30);                          // added at x 30..60 (transform applied now)
  ctx.restore();
  ctx.fillStyle = '#06c';
  ctx.fill();
  // clip, globalAlpha, composite op and line dash come back with restore
  ctx.save();
  ctx.beginPath(); ctx.rect(80, 120, 20, 20); ctx.clip();
  ctx.globalAlpha = 0.5;
  ctx.globalCompositeOperation = 'destination-out';
  ctx.setLineDash([2, 2]);
  ctx.restore();
  ctx.fillStyle = '#c60';
  ctx.fillRect(70, 115, 60, 40);                      // full, opaque, source-over, unclipped
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.beginPath(); ctx.moveTo(140, 135); ctx.lineTo(230, 135); ctx.stroke();   // solid, not dashed
}
