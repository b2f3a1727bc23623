// @size 320x160
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1500
// fontKerning auto/normal/none and textRendering optimizeSpeed (no kerning) on kerned
// pairs; font shorthand resets and serialisation do not disturb drawing; whitespace
// characters (tab, newline) become spaces. Ink ~5000 px: 1500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 160);
  ctx.fillStyle = '#000';
  ctx.font = '22px "Corpus Sans"';
  const s = 'AVAWAY To Ty';
  ctx.fillText(s, 8, 28);
  ctx.fontKerning = 'none';
  ctx.fillText(s, 8, 56);
  ctx.fontKerning = 'normal';
  ctx.textRendering = 'optimizeSpeed';
  ctx.fillText(s, 8, 84);
  ctx.textRendering = 'auto';
  ctx.font = 'bogus';
  ctx.font = '18px "Corpus Sans", "Corpus CJK"';
  ctx.fillText('tab\there\nnewline 换行', 8, 112);
  ctx.fillStyle = '#c0c';
  ctx.fillRect(8, 120, ctx.measureText(s).width, 3);
  ctx.font = '22px "Corpus Sans"';
  ctx.fontKerning = 'none';
  ctx.fillRect(8, 130, ctx.measureText(s).width, 3);
}
