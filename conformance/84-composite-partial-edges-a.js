// @size 240x120
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Porter-Duff operators where anti-aliased edges only partly cover pixels: a rotated square and
// a circle over a half-transparent destination, for source-in, source-out, destination-in,
// destination-atop, xor and copy.
function draw(ctx, canvas, env) {
  const ops = ['source-in', 'source-out', 'destination-in', 'destination-atop', 'xor', 'copy'];
  ops.forEach((op, i) => {
    const x = (i % 3) * 80, y = Math.floor(i / 3) * 60;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, 80, 60);
    ctx.clip();
    ctx.globalCompositeOperation = 'source-over';
    ctx.fillStyle = 'rgba(0, 120, 220, 0.7)';
    ctx.beginPath();
    ctx.arc(x + 32, y + 30, 22.3, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalCompositeOperation = op;
    ctx.fillStyle = 'rgba(230, 80, 0, 0.85)';
    ctx.translate(x + 48, y + 30);
    ctx.rotate(0.4);
    ctx.fillRect(-17.5, -17.5, 35, 35);
    ctx.restore();
  });
}
