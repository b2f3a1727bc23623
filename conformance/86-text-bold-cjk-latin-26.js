// @size 320x120
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1200
// Poster headline text: bold (synthetic emboldening, only regular faces are loaded) CJK mixed
// with Latin at 26px, filled and with a stroke, as posters set prices and titles. Emboldened
// outlines differ slightly from Chromium's on curves, so glyph-edge pixels may differ.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 120);
  ctx.font = 'bold 26px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#c00';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText('限时特惠 Sale 99元', 6, 26 + 6);
  ctx.fillStyle = '#123';
  ctx.fillText('新品上市 NEW 2026', 6, 2 * 26 + 14);
  ctx.strokeStyle = '#fc0';
  ctx.lineWidth = 1.5;
  ctx.strokeText('立即购买 Buy', 6, 3 * 26 + 20);
}
