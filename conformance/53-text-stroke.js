// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-2500
// strokeText: line widths 1, 2 and 4, round joins, dashes, stroke over fill, CJK and Latin.
// Outline ink ~9000 px; stroker and AA differences on curves: 2500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.font = '32px "Corpus Sans", "Corpus CJK"';
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 1;
  ctx.strokeText('描边 Ag', 10, 40);
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#a00';
  ctx.strokeText('描边 Ag', 170, 40);
  ctx.lineWidth = 4;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = '#06a';
  ctx.strokeText('粗 Bold', 10, 90);
  ctx.lineWidth = 2;
  ctx.lineJoin = 'miter';
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = '#070';
  ctx.strokeText('虚线 Dash', 170, 90);
  ctx.setLineDash([]);
  ctx.font = '40px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#fc0';
  ctx.fillText('填充加描边', 10, 150);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#630';
  ctx.strokeText('填充加描边', 10, 150);
  ctx.font = '14px "Corpus Sans"';
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#000';
  ctx.strokeText('small stroked text 14px', 10, 185);
}
