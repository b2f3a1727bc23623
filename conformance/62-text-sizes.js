// @size 320x240
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-3000
// Sizes from 8px to 120px (the big one is past Skia's glyph-cache limit, so it is drawn as a
// path), fractional sizes and positions, pt/em units. Ink ~14000 px: 3000 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 240);
  ctx.fillStyle = '#000';
  let y = 10;
  for (const s of [8, 9, 10, 11, 12.5, 13, 14, 16]) {
    ctx.font = s + 'px "Corpus Sans", "Corpus CJK"';
    y += s + 2;
    ctx.fillText('Size ' + s + ' 字号', 6.3, y + 0.4);
  }
  ctx.font = '10pt "Corpus Sans", "Corpus CJK"';
  ctx.fillText('10pt 点', 160, 22);
  ctx.font = '2.2em "Corpus Sans", "Corpus CJK"';
  ctx.fillText('2.2em', 160, 52);
  ctx.font = '120px "Corpus CJK"';
  ctx.fillStyle = '#c60';
  ctx.fillText('大', 160, 230);
  ctx.font = '300px "Corpus Sans"';
  ctx.fillStyle = 'rgba(0, 0, 200, 0.3)';
  ctx.fillText('g', 0, 180);
}
