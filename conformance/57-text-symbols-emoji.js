// @size 320x160
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-1500
// Text-presentation emoji and symbols (misc symbols, dingbats, arrows, math) from the corpus
// sans face, mixed with CJK and Latin, in colour and under globalAlpha.
// Ink ~5500 px: 1500 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 160);
  ctx.font = '22px "Corpus Sans", "Corpus CJK"';
  ctx.fillStyle = '#d00';
  ctx.fillText('♥ ★ ☀ ☂ ✈ ✔ ☺ ♫', 8, 32);
  ctx.fillStyle = '#036';
  ctx.fillText('好评 ★★★★☆ 4.5', 8, 68);
  ctx.fillStyle = '#080';
  ctx.fillText('→ ⇒ ∞ ≈ ≠ ∑ √ ♪ ☎', 8, 104);
  ctx.globalAlpha = 0.5;
  ctx.fillStyle = '#000';
  ctx.fillText('限时 ✂ 优惠 ☛ 50%', 8, 140);
}
