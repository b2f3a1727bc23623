// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1800
// maxWidth: condensed horizontally around the alignment point (left, center, right), wider
// than the text (no change), zero/negative/NaN (nothing drawn), with strokeText too.
// Ink ~7000 px; condensed glyph edges round differently: 1800 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.fillStyle = '#f99';
  ctx.fillRect(160, 0, 1, 200);
  ctx.fillStyle = '#000';
  ctx.font = '18px "Corpus Sans", "Corpus CJK"';
  const s = '压缩文字 squeeze';
  ['left', 'center', 'right'].forEach((a, i) => {
    ctx.textAlign = a;
    ctx.fillText(s, 160, 24 + i * 24, 90);
  });
  ctx.textAlign = 'left';
  ctx.fillText(s, 10, 104, 1000);
  ctx.fillText(s, 10, 128, 0);
  ctx.fillText(s, 10, 128, -5);
  ctx.fillText(s, 10, 128, NaN);
  ctx.fillText('很长的一行中文被压缩到四十像素', 10, 152, 40);
  ctx.strokeStyle = '#06c';
  ctx.lineWidth = 1;
  ctx.font = '28px "Corpus Sans"';
  ctx.strokeText('Stroke squeezed', 10, 188, 150);
}
