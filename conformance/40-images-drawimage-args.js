// @size 300x200
// @asset blocks16.png
// @asset alpha64.png
// @fuzzy maxDifference=0-128;totalPixels=0-3000
// drawImage 3/5/9-argument forms; a source rect partly outside the image (clipped, the destination
// shrinks proportionally); negative source and destination sizes (normalised, NOT mirrored); zero-size
// source (nothing drawn); a canvas source with alpha; drawImage under rotation and under a mirror
// transform (which does flip); a 0x0 canvas source (throws). Grey frames show each requested dest
// rect. Nearest-neighbour where possible; smoothed/rotated areas (~3000 px) may differ; maxDifference 128
// because the rotated images have anti-aliased diagonal edges (smoothing alone would warrant 64).
async function draw(ctx, canvas, env) {
  const blocks = await env.loadImage('blocks16.png');
  const alpha = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#c8ccd0';
  ctx.fillRect(0, 0, 300, 200);
  function frame(x, y, w, h) {
    ctx.save(); ctx.strokeStyle = '#666'; ctx.lineWidth = 1; ctx.strokeRect(x - 0.5, y - 0.5, w + 1, h + 1); ctx.restore();
  }
  ctx.drawImage(alpha, 4, 4);                                   // 3-arg, 1:1, graded alpha
  ctx.imageSmoothingEnabled = false;
  frame(74, 4, 64, 64);
  ctx.drawImage(blocks, 74, 4, 64, 64);                         // 5-arg, 4x nearest
  frame(144, 4, 64, 64);
  ctx.drawImage(blocks, 4, 4, 8, 8, 144, 4, 64, 64);            // 9-arg crop, 8x nearest
  // source rect partly outside: (-8,-8,32,32) of a 16x16 image -> only (0,0,16,16) is used,
  // landing in the matching part of the destination: x 230..262, y 20..52 of the 64x64 frame
  frame(214, 4, 64, 64);
  ctx.drawImage(blocks, -8, -8, 32, 32, 214, 4, 64, 64);
  // negative source sizes: same as the positive rect (no flip)
  frame(4, 76, 48, 48);
  ctx.drawImage(blocks, 16, 16, -16, -16, 4, 76, 48, 48);
  // negative destination sizes: same as positive (no flip)
  frame(58, 76, 48, 48);
  ctx.drawImage(blocks, 0, 0, 16, 16, 106, 124, -48, -48);
  frame(112, 76, 48, 48);
  ctx.drawImage(blocks, 112 + 48, 76, -48, 48);                 // 5-arg negative width
  // a mirror TRANSFORM does flip
  frame(166, 76, 48, 48);
  ctx.save(); ctx.translate(166 + 48, 76); ctx.scale(-1, 1); ctx.drawImage(blocks, 0, 0, 48, 48); ctx.restore();
  // zero-size source or destination: nothing drawn
  frame(220, 76, 30, 30);
  ctx.drawImage(blocks, 0, 0, 0, 16, 220, 76, 30, 30);
  ctx.drawImage(blocks, 220, 76, 0, 30);
  // source rect entirely outside the image: nothing
  ctx.drawImage(blocks, 20, 0, 10, 10, 255, 76, 30, 30);
  // 0x0 canvas source throws InvalidStateError
  try { ctx.drawImage(env.createCanvas(0, 0), 0, 0); } catch (e) { ctx.fillStyle = '#0a0'; ctx.fillRect(260, 112, 20, 8); }
  ctx.imageSmoothingEnabled = true;
  // canvas source with alpha, smoothed 1.5x
  const c = env.createCanvas(40, 40);
  const x = c.getContext('2d');
  x.fillStyle = 'rgba(255, 0, 100, 0.5)'; x.fillRect(0, 0, 40, 40);
  x.drawImage(alpha, 4, 4, 32, 32);
  ctx.drawImage(c, 4, 132, 60, 60);
  // rotated image, smoothed
  ctx.save();
  ctx.translate(120, 162);
  ctx.rotate(Math.PI / 6);
  ctx.drawImage(alpha, -32, -32);
  ctx.restore();
  // rotated nearest-neighbour upscale: blocky but rotated
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.translate(220, 162);
  ctx.rotate(-Math.PI / 8);
  ctx.drawImage(blocks, -24, -24, 48, 48);
  ctx.restore();
}
