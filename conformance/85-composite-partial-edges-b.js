// @size 240x120
// @fuzzy maxDifference=0-2;totalPixels=0-0
// More operators over anti-aliased edges: source-atop, destination-over, destination-out,
// lighter, multiply and screen, each with a triangle over a stroked ring, with globalAlpha.
function draw(ctx, canvas, env) {
  const ops = ['source-atop', 'destination-over', 'destination-out', 'lighter', 'multiply', 'screen'];
  ops.forEach((op, i) => {
    const x = (i % 3) * 80, y = Math.floor(i / 3) * 60;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, 80, 60);
    ctx.clip();
    ctx.globalCompositeOperation = 'source-over';
    ctx.globalAlpha = 1;
    ctx.strokeStyle = 'rgba(20, 160, 90, 0.9)';
    ctx.lineWidth = 9;
    ctx.beginPath();
    ctx.arc(x + 40, y + 30, 18.5, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalCompositeOperation = op;
    ctx.globalAlpha = 0.75;
    ctx.fillStyle = 'rgb(200, 40, 140)';
    ctx.beginPath();
    ctx.moveTo(x + 10.3, y + 52.7);
    ctx.lineTo(x + 43.1, y + 6.2);
    ctx.lineTo(x + 71.6, y + 49.9);
    ctx.closePath();
    ctx.fill();
    ctx.restore();
  });
}
