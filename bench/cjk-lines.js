// @size 750x1400
// @font DroidSansFallbackFull.ttf as "Bench CJK"
// Text throughput: 1,000 lines of mixed CJK + Latin laid out and drawn
// (14 px, measureText per line, two colours), in the drawing-script format
// so the @napi-rs/canvas runner (../../shared/bench/napi-render.mjs) runs
// the same file.
function draw(ctx) {
  const phrases = [
    '精选好物限时特惠，全场满199减50',
    'Limited offer 扫码领取专属优惠券',
    '活动时间：2026年7月1日至31日',
    '邀请好友一起参与，双方各得红包',
  ];
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 750, 1400);
  ctx.font = '14px "Bench CJK"';
  let width = 0;
  for (let i = 0; i < 1000; i++) {
    const text = phrases[i % phrases.length] + ' #' + i;
    width += ctx.measureText(text).width;
    ctx.fillStyle = i % 2 ? '#333' : '#c0392b';
    ctx.fillText(text, (i % 3) * 250 + 4, 14 + (i % 100) * 14);
  }
  ctx.fillText('total ' + Math.round(width), 4, 1396);
}
