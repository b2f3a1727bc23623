// @size 320x220
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1500
// textAlign start/end/left/right/center under direction ltr, rtl and inherit, Latin and CJK,
// against a guide line. Text ink ~7000 px; glyph edges may differ by AA rounding: 1500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 220);
  ctx.fillStyle = '#f99';
  ctx.fillRect(160, 0, 1, 220);
  ctx.fillStyle = '#000';
  ctx.font = '15px "Corpus Sans", "Corpus CJK"';
  const aligns = ['start', 'end', 'left', 'right', 'center'];
  let y = 18;
  for (const dir of ['ltr', 'rtl', 'inherit']) {
    ctx.direction = dir;
    for (const a of aligns) {
      if (dir === 'inherit' && (a === 'left' || a === 'right')) continue;
      ctx.textAlign = a;
      ctx.fillText(a + ' ' + dir + ' 对齐', 160, y);
      y += 15;
    }
  }
}
