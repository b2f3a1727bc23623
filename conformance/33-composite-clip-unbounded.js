// @size 260x230
// @fuzzy maxDifference=0-128;totalPixels=0-900
// Unbounded composite ops on the MAIN canvas inside clips: source-in, source-out, destination-in,
// destination-atop and copy affect the whole clip region (outside the drawn shape the destination is
// cleared/replaced) but nothing outside the clip. Also with globalAlpha, a gradient source and a
// drawImage source. Circular clips => ~1200 px of AA clip edge.
function draw(ctx, canvas, env) {
  // backdrop: opaque stripes over the whole canvas
  for (let x = 0; x < 260; x += 10) { ctx.fillStyle = (x / 10) % 2 ? '#3a7' : '#264'; ctx.fillRect(x, 0, 10, 230); }
  ctx.fillStyle = 'rgba(255, 255, 255, 0.5)';
  ctx.fillRect(0, 60, 260, 60);
  const ops = ['source-in', 'source-out', 'destination-in', 'destination-atop', 'copy', 'destination-out'];
  ops.forEach((op, i) => {
    const cx = 45 + (i % 3) * 85, cy = 45 + Math.floor(i / 3) * 90;
    ctx.save();
    ctx.beginPath(); ctx.arc(cx, cy, 38, 0, Math.PI * 2); ctx.clip();
    ctx.globalCompositeOperation = op;
    if (i === 4) ctx.globalAlpha = 0.5;                       // copy with alpha: clip area becomes 50% source / clear
    ctx.fillStyle = i === 2 ? 'rgba(0, 0, 0, 0.5)' : '#f60';   // destination-in with 50% alpha: keeps half
    ctx.fillRect(cx - 20, cy - 38, 40, 50);
    ctx.restore();
  });
  // gradient source with copy inside a rect clip: replaces the clip area, gradient alpha included
  ctx.save();
  ctx.beginPath(); ctx.rect(5, 188, 120, 32); ctx.clip();
  ctx.globalCompositeOperation = 'copy';
  const g = ctx.createLinearGradient(5, 0, 125, 0);
  g.addColorStop(0, 'rgba(0, 0, 255, 1)'); g.addColorStop(1, 'rgba(0, 0, 255, 0)');
  ctx.fillStyle = g;
  ctx.fillRect(5, 188, 120, 32);
  ctx.restore();
  // drawImage source with source-in inside a rect clip: the canvas image replaces only where dest exists
  const src = env.createCanvas(40, 40);
  const s = src.getContext('2d');
  s.fillStyle = '#fd0'; s.beginPath(); s.arc(20, 20, 18, 0, Math.PI * 2); s.fill();
  ctx.save();
  ctx.beginPath(); ctx.rect(135, 186, 120, 36); ctx.clip();
  ctx.globalCompositeOperation = 'destination-in';
  ctx.drawImage(src, 170, 184);                              // everything else in the clip rect is cleared
  ctx.restore();
}
