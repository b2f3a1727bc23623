// @size 320x220
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-2500
// Text under transforms: dpr-style scale(2), non-uniform scale, rotation, skew, and text
// built from a translated origin. Rotated glyphs are drawn from exact positions.
// Ink ~9000 px: 2500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 220);
  ctx.fillStyle = '#000';
  ctx.save();
  ctx.scale(2, 2);
  ctx.font = '11px "Corpus Sans", "Corpus CJK"';
  ctx.fillText('2x 缩放 scale', 5, 14);
  ctx.restore();
  ctx.save();
  ctx.scale(1.5, 0.75);
  ctx.font = '20px "Corpus Sans", "Corpus CJK"';
  ctx.fillText('非均匀 stretch', 6, 80);
  ctx.restore();
  ctx.save();
  ctx.translate(80, 150);
  ctx.rotate(-Math.PI / 12);
  ctx.font = '18px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#a00';
  ctx.fillText('旋转 Rotate', -60, 0);
  ctx.restore();
  ctx.save();
  ctx.transform(1, 0, -0.3, 1, 0, 0);
  ctx.font = '20px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#060';
  ctx.fillText('倾斜 Skew', 230, 150);
  ctx.restore();
  ctx.save();
  ctx.translate(300, 200);
  ctx.rotate(Math.PI);
  ctx.font = '16px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#008';
  ctx.fillText('倒置 upside', 0, 0);
  ctx.restore();
}
