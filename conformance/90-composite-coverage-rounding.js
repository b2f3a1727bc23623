// @size 128x112
// @fuzzy maxDifference=0-2;totalPixels=0-0
// Blend modes over partly covered pixels, one coverage value per pixel (1/255..1 of a column
// covered by a narrow rect), over opaque and translucent destinations, at several globalAlpha
// values, each rect drawn six times so that a level lost per draw adds up: where coverage enters
// each formula (source scaled first, or the blend result interpolated) and how each divides by
// 255 show here.
function draw(ctx, canvas, env) {
  const ops = ['lighter', 'multiply', 'screen', 'source-atop', 'destination-over', 'destination-out', 'xor',
    'darken', 'overlay', 'difference', 'lighten', 'hard-light', 'soft-light', 'exclusion'];
  ops.forEach((op, k) => {
    for (let r = 0; r < 8; r++) {
      const y = k * 8 + r;
      for (let x = 0; x < 128; x++) {
        ctx.globalCompositeOperation = 'source-over';
        ctx.globalAlpha = 1;
        const a = [1, 0.8, 0.5, 0.2, 1, 0.9, 0.35, 0.6][r];
        ctx.fillStyle = `rgba(${x * 2}, ${(255 - x * 5) & 255}, ${(x * 7 + r * 40) & 255}, ${a})`;
        ctx.fillRect(x, y, 1, 1);
        ctx.globalCompositeOperation = op;
        ctx.globalAlpha = [0.75, 1, 0.5, 0.9][r % 4];
        ctx.fillStyle = `rgb(${(x * 9 + 200) & 255}, ${(40 + r * 30) & 255}, ${(140 + x * 2) & 255})`;
        const f = ((x * 13 + r * 29) % 254 + 1) / 255;
        for (let n = 0; n < 6; n++) ctx.fillRect(x + 1 - f, y, f, 1);
      }
    }
  });
}
