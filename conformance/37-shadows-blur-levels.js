// @size 300x200
// @fuzzy maxDifference=0-12;totalPixels=0-5000
// shadowBlur 0 (hard, offset only), 1, 2, 5, 20, 40 on the same square; offsets with no blur
// (negative, fractional); a shadow with zero offset and zero blur is hidden under its shape; shadow
// colour alpha. Blurred areas total ~35000 px: 15% => 5000 px, maxDifference 12 (blur approximations).
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 200);
  ctx.shadowColor = 'rgba(0, 0, 80, 0.8)';
  [0, 1, 2, 5, 20, 40].forEach((blur, i) => {
    ctx.shadowBlur = blur;
    ctx.shadowOffsetX = 6;
    ctx.shadowOffsetY = 6;
    ctx.fillStyle = '#fb3';
    const x = 20 + (i % 3) * 100, y = 15 + Math.floor(i / 3) * 85;
    ctx.fillRect(x, y, 40, 40);
  });
  ctx.shadowBlur = 0;
  // offsets only: negative and fractional, hard edges (fractional offset => AA-like half coverage)
  ctx.shadowColor = '#c00';
  ctx.fillStyle = '#333';
  ctx.shadowOffsetX = -5; ctx.shadowOffsetY = -5;
  ctx.fillRect(20, 180, 16, 14);
  ctx.shadowOffsetX = 4.5; ctx.shadowOffsetY = 0;
  ctx.fillRect(60, 180, 16, 14);
  ctx.shadowOffsetX = 0; ctx.shadowOffsetY = 0;         // zero offset, zero blur: invisible (under the shape)
  ctx.fillRect(100, 180, 16, 14);
  ctx.shadowOffsetX = 30; ctx.shadowOffsetY = 0;        // large offset: detached copy
  ctx.shadowColor = 'rgba(200, 0, 0, 0.3)';
  ctx.fillRect(140, 180, 16, 14);
}
