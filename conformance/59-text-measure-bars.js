// @size 320x220
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1500
// measureText drawn as geometry: width bars, actualBoundingBox rectangles and fontBoundingBox
// rectangles around text under different aligns and baselines, Latin and CJK. Exact
// measurement errors would shift whole bars. Ink ~6000 px: 1500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 220);
  const cases = [
    ['20px "Corpus Sans"', 'Left Ag', 'left', 'alphabetic', 20, 34],
    ['20px "Corpus CJK"', '你好世界', 'left', 'alphabetic', 170, 34],
    ['18px "Corpus Sans", "Corpus CJK"', 'Center 居中', 'center', 'middle', 90, 80],
    ['18px "Corpus Sans", "Corpus CJK"', 'Right 右', 'right', 'top', 300, 70],
    ['24px "Corpus Sans"', 'jumpy Qg', 'left', 'bottom', 20, 150],
    ['24px "Corpus CJK"', '测量文本', 'right', 'hanging', 300, 120],
    ['16px "Corpus Sans", "Corpus CJK"', 'ideographic 表意', 'left', 'ideographic', 20, 200],
  ];
  for (const [font, text, align, baseline, x, y] of cases) {
    ctx.font = font;
    ctx.textAlign = align;
    ctx.textBaseline = baseline;
    const m = ctx.measureText(text);
    ctx.fillStyle = 'rgba(0, 160, 255, 0.25)';
    ctx.fillRect(x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent,
      m.actualBoundingBoxLeft + m.actualBoundingBoxRight, m.actualBoundingBoxAscent + m.actualBoundingBoxDescent);
    ctx.strokeStyle = '#f80';
    ctx.lineWidth = 1;
    ctx.strokeRect(x - m.actualBoundingBoxLeft - 0.5, y - m.fontBoundingBoxAscent - 0.5,
      m.actualBoundingBoxLeft + m.actualBoundingBoxRight + 1, m.fontBoundingBoxAscent + m.fontBoundingBoxDescent + 1);
    ctx.fillStyle = '#c0c';
    ctx.fillRect(x - m.actualBoundingBoxLeft, y + m.fontBoundingBoxDescent + 1, m.width, 2);
    ctx.fillStyle = '#000';
    ctx.fillText(text, x, y);
  }
}
