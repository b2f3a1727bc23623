// @size 280x120
// @asset photo128x96.jpg
// @asset lossy64x48.webp
// @fuzzy maxDifference=0-40;totalPixels=0-16000
// Decoding of lossy formats drawn 1:1 (no resampling): a baseline 4:2:0 JPEG photo (128x96) and a lossy
// WebP (64x48), plus a 2x nearest-neighbour copy of the WebP. Decoders legitimately differ (IDCT
// precision, chroma upsampling, YUV->RGB rounding), so every decoded pixel (~15400) may differ by up to 40.
async function draw(ctx, canvas, env) {
  const jpg = await env.loadImage('photo128x96.jpg');
  const webp = await env.loadImage('lossy64x48.webp');
  ctx.fillStyle = '#222';
  ctx.fillRect(0, 0, 280, 120);
  ctx.drawImage(jpg, 6, 12);
  ctx.drawImage(webp, 140, 6);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(webp, 0, 0, 32, 24, 140, 60, 64, 48);
  ctx.drawImage(webp, 32, 24, 32, 24, 210, 60, 64, 48);
  // natural size check: green when both report the expected sizes
  const ok = jpg.width === 128 && jpg.height === 96 && webp.width === 64 && webp.height === 48;
  ctx.fillStyle = ok ? '#0c0' : '#f00';
  ctx.fillRect(210, 6, 64, 10);
}
