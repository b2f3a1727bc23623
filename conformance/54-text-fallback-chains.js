// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1800
// Per-character fallback along the family list: Latin first then CJK, CJK first then Latin
// (the CJK face has no Latin letters), an unknown family first, the same family twice,
// CJK punctuation and full-width forms. Every character is in one of the two corpus faces.
// Ink ~7000 px: 1800 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.fillStyle = '#000';
  const lines = [
    ['16px "Corpus Sans", "Corpus CJK"', 'Hello 你好, 世界! 123'],
    ['16px "Corpus CJK", "Corpus Sans"', '中文在前 Latin after: 数字123'],
    ['16px "No Such Font", "Corpus Sans", "Corpus CJK"', 'Unknown first → 回退 ok'],
    ['16px "Corpus Sans", "Corpus Sans", "Corpus CJK"', 'Twice listed 两次'],
    ['16px "Corpus Sans", "Corpus CJK"', '「引号」《书名》，。！？：；'],
    ['16px "Corpus Sans", "Corpus CJK"', 'ＦＵＬＬ　ｗｉｄｔｈ　１２３'],
    ['16px "Corpus Sans", "Corpus CJK"', 'Ünïcödé — “quotes” … €£¥'],
    ['20px "Corpus Sans", "Corpus CJK"', '小程序 Canvas 海报'],
  ];
  lines.forEach(([font, text], i) => {
    ctx.font = font;
    ctx.fillText(text, 8, 22 + i * 23);
  });
}
