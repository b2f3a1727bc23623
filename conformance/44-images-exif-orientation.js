// @size 200x120
// @asset exif6.jpg
// @fuzzy maxDifference=0-24;totalPixels=0-5200
// A JPEG whose stored pixels are 64x40 with EXIF Orientation = 6 ("rotate 90 CW to display"). Chromium
// applies the orientation for drawImage: the image is 40 wide, 64 tall, the stored top (red) band
// becomes the right edge, the stored left (blue) band the top, the green arrow points down.
// Drawn 1:1, 2x nearest, and cropped with the 9-arg form (source coordinates are in the oriented
// image). JPEG decoding differences (4:4:4, q92): maxDifference 24 over the ~5100 decoded pixels.
async function draw(ctx, canvas, env) {
  const img = await env.loadImage('exif6.jpg');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 120);
  ctx.drawImage(img, 8, 8);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(img, 60, 8, 40, 64);                            // same size, 5-arg
  ctx.drawImage(img, 0, 0, 40, 20, 110, 8, 80, 40);             // top 40x20 of the oriented image, 2x
  // natural size bars: width in green, height in blue
  ctx.fillStyle = '#0a0'; ctx.fillRect(8, 90, img.width, 6);
  ctx.fillStyle = '#00c'; ctx.fillRect(8, 100, img.height, 6);
}
