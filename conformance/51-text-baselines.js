// @size 360x160
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1200
// All six textBaseline values on one guide line, for a Latin font and a CJK font (their
// ascent/descent/em box differ). Ink ~5000 px; edge rounding: 1200 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 360, 160);
  ctx.fillStyle = '#f99';
  ctx.fillRect(0, 50, 360, 1);
  ctx.fillRect(0, 120, 360, 1);
  const baselines = ['top', 'hanging', 'middle', 'alphabetic', 'ideographic', 'bottom'];
  ctx.fillStyle = '#024';
  ctx.font = '18px "Corpus Sans"';
  baselines.forEach((b, i) => { ctx.textBaseline = b; ctx.fillText('Hg' + i, 8 + i * 58, 50); });
  ctx.font = '22px "Corpus CJK"';
  ctx.fillStyle = '#420';
  baselines.forEach((b, i) => { ctx.textBaseline = b; ctx.fillText('永字', 8 + i * 58, 120); });
}
