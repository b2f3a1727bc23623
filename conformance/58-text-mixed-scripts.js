// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-2000
// Scripts side by side: simplified and traditional Chinese, Japanese kana, (no Korean: the corpus CJK face has no hangul)
// Greek, Cyrillic, combining accents (decomposed e + U+0301 positioned by the shaper),
// ligature-capable and kerned pairs. Ink ~8000 px: 2000 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.fillStyle = '#111';
  ctx.font = '17px "Corpus Sans", "Corpus CJK"';
  const lines = [
    '简体 繁體 中文 ひらがな カタカナ',
    'Ελληνικά Русский Ǆ ŉ ǅ',
    'cafe\u0301 nai\u0308ve a\u030A n\u0303 o\u0302',
    'AVATAR WAVE To. Yo. fi fl',
    '汉字 and Latin 混排 2024年',
    '＜全角＞ ～波浪～ 【括号】',
    '日本語の文章、句読点。',
  ];
  lines.forEach((t, i) => ctx.fillText(t, 8, 24 + i * 26));
}
