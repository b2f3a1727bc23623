// @size 320x220
// @asset blocks16.png
// @asset photo128x96.jpg
// @fuzzy maxDifference=0-64;totalPixels=0-30000
// Resampling: imageSmoothingEnabled=false (nearest) vs imageSmoothingQuality 'low' / 'medium' / 'high'
// for a 4.5x upscale of a 16x16 PNG, a ~3x downscale of a 128x96 JPEG, and a 2.5x upscale of a JPEG
// crop. Quality filters are implementation-specific, so the whole resampled area (~30000 px) may differ
// by up to 64 (this also absorbs JPEG decoder differences); the nearest-neighbour column samples at pixel
// centres and should match closely anyway.
async function draw(ctx, canvas, env) {
  const blocks = await env.loadImage('blocks16.png');
  const photo = await env.loadImage('photo128x96.jpg');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 220);
  const modes = [[false, 'low'], [true, 'low'], [true, 'medium'], [true, 'high']];
  modes.forEach(([smooth, q], i) => {
    ctx.imageSmoothingEnabled = smooth;
    ctx.imageSmoothingQuality = q;
    const x = 4 + i * 79;
    ctx.drawImage(blocks, x, 4, 72, 72);                        // 4.5x upscale
    ctx.drawImage(photo, x, 82, 43, 32);                        // downscale 128x96 -> 43x32
    ctx.drawImage(photo, x + 45, 82, 26, 20);                   // stronger downscale
    ctx.drawImage(photo, 14, 40, 28, 40, x, 120, 70, 100);      // 2.5x upscale of the house
  });
  // getter round trip: invalid quality values are ignored
  ctx.imageSmoothingQuality = 'medium';
  ctx.imageSmoothingQuality = 'ultra';
  if (ctx.imageSmoothingQuality !== 'medium') { ctx.fillStyle = '#f00'; ctx.fillRect(0, 0, 320, 4); }
}
