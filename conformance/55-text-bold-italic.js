// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-2500
// Only regular faces are loaded, so bold is synthetic (outline emboldening) and italic is
// synthetic (skewed), Latin and CJK, at several sizes and weights (600 and up are bold).
// Ink ~11000 px; emboldening differs slightly on curves: 2500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.fillStyle = '#000';
  const fonts = [
    'bold 18px "Corpus Sans", "Corpus CJK"',
    'italic 18px "Corpus Sans", "Corpus CJK"',
    'italic bold 18px "Corpus Sans", "Corpus CJK"',
    '600 14px "Corpus Sans", "Corpus CJK"',
    '500 14px "Corpus Sans", "Corpus CJK"',
    'bold 28px "Corpus CJK", "Corpus Sans"',
    'oblique 12px "Corpus Sans", "Corpus CJK"',
  ];
  let y = 24;
  for (const f of fonts) {
    ctx.font = f;
    ctx.fillText('Bold 粗体 Italic 斜体 Ag', 8, y);
    y += parseInt(f.match(/(\d+)px/)[1]) + 8;
  }
}
