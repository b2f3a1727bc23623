// @size 320x160
// A coupon drawn by a shared drawing function (the same code a page calls
// with its canvas context).
function draw(ctx, canvas) {
  const { width: W, height: H } = canvas;
  ctx.fillStyle = '#fff8e1';
  ctx.fillRect(0, 0, W, H);
  ctx.fillStyle = '#ff7043';
  ctx.beginPath();
  ctx.roundRect(12, 12, W - 24, H - 24, 14);
  ctx.fill();
  ctx.setLineDash([5, 4]);
  ctx.strokeStyle = '#fff';
  ctx.beginPath();
  ctx.moveTo(110, 24);
  ctx.lineTo(110, H - 24);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = '#fff';
  ctx.textAlign = 'center';
  ctx.font = 'bold 36px sans-serif';
  ctx.fillText('¥20', 61, 92);
  ctx.textAlign = 'left';
  ctx.font = 'bold 18px sans-serif';
  ctx.fillText('满 99 减 20', 128, 70);
  ctx.font = '12px sans-serif';
  ctx.fillText('有效期至 ' + new Date(Date.now() + 7 * 864e5).toLocaleDateString('zh-CN'), 128, 100);
}
