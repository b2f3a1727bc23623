// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1800
// letterSpacing (px, em, negative) and wordSpacing, with measureText widths drawn as bars
// under each line (spacing counts after every character). Ink ~7000 px: 1800 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.font = '16px "Corpus Sans", "Corpus CJK"';
  const rows = [['0px', '0px'], ['3px', '0px'], ['0.25em', '0px'], ['-1px', '0px'],
                ['0px', '12px'], ['2px', '8px'], ['1pt', '0px']];
  rows.forEach(([ls, ws], i) => {
    ctx.letterSpacing = ls;
    ctx.wordSpacing = ws;
    const text = 'Wide 间距 a b c';
    const y = 22 + i * 25;
    ctx.fillStyle = '#000';
    ctx.fillText(text, 8, y);
    ctx.fillStyle = '#c0c';
    ctx.fillRect(8, y + 4, ctx.measureText(text).width, 2);
  });
}
