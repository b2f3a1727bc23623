// @size 375x300
// A Chinese share poster with the families mini-programs write (none of
// them installed here): every character must come from the bundled fonts.
async function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff7f0';
  ctx.fillRect(0, 0, 375, 300);
  const lines = [
    ['bold 24px "PingFang SC", "Microsoft YaHei", sans-serif', '夏日限定 · 全场满199减50'],
    ['16px sans-serif', '扫码识别小程序，立即领取专属优惠券！'],
    ['16px serif', '活动时间：2026年7月1日—7月31日（限量）'],
    ['14px "Hiragino Sans GB", monospace', '「每位用户限领一张」《使用说明》¥99.00'],
    ['14px system-ui', '邀请好友一起参与，双方各得10元红包～'],
    ['italic 14px "Unknown Family"', 'Summer Sale 2026 — 精选好物 ①②③'],
  ];
  lines.forEach(([font, text], i) => {
    ctx.font = font;
    ctx.fillStyle = i === 0 ? '#e4393c' : '#333';
    ctx.fillText(text, 16, 40 + i * 42);
  });
}
