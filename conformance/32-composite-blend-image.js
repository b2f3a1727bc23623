// @size 320x270
// @asset alpha64.png
// @fuzzy maxDifference=0-5;totalPixels=0-3500
// Blend modes and Porter-Duff ops with an IMAGE source (PNG with graded alpha, drawn 1:1 at integer
// positions, no resampling) on the main canvas over a gradient background; half the cells also use
// globalAlpha 0.6. Only non-clearing ops are used so cells cannot disturb each other. Tolerance as
// for blend formulas on gradients: maxDifference 5 over ~5% of the 16 x 64x64 image areas.
async function draw(ctx, canvas, env) {
  const img = await env.loadImage('alpha64.png');
  const bg = ctx.createLinearGradient(0, 0, 320, 270);
  bg.addColorStop(0, '#134');
  bg.addColorStop(0.5, '#c84');
  bg.addColorStop(1, '#9df');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, 320, 270);
  for (let y = 0; y < 270; y += 18) {          // horizontal light bars so blends see two backdrops
    ctx.fillStyle = 'rgba(255, 255, 255, 0.45)';
    ctx.fillRect(0, y, 320, 8);
  }
  const modes = ['source-over', 'source-atop', 'destination-over', 'lighter',
    'multiply', 'screen', 'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn',
    'hard-light', 'soft-light', 'difference', 'exclusion', 'hue', 'saturation', 'color', 'luminosity', 'xor'];
  modes.forEach((m, i) => {
    ctx.globalCompositeOperation = m;
    ctx.globalAlpha = i % 2 ? 0.6 : 1;
    ctx.drawImage(img, (i % 5) * 64, 2 + Math.floor(i / 5) * 67);   // cells do not overlap
  });
  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = 1;
}
