// @size 260x200
// @asset blocks16.png
// @fuzzy maxDifference=0-128;totalPixels=0-6000
// pattern.setTransform with a plain {a,b,c,d,e,f} object (scale, rotate, skew), combined with the context
// transform; patterns under a rotated context (resampled with smoothing), nearest-neighbour under rotation
// (imageSmoothingEnabled=false), a pattern from a canvas with alpha, pattern as strokeStyle, patterns
// with globalAlpha. Resampled pattern area ~24000 px (~25% may differ); maxDifference 128 because the
// rotated fills also have anti-aliased diagonal edges (the resampling alone would warrant 64).
async function draw(ctx, canvas, env) {
  const img = await env.loadImage('blocks16.png');
  ctx.fillStyle = '#eee';
  ctx.fillRect(0, 0, 260, 200);
  // 1. pattern.setTransform: uniform scale 3 + translate, nearest (blocky)
  ctx.imageSmoothingEnabled = false;
  const p1 = ctx.createPattern(img, 'repeat');
  p1.setTransform({ a: 3, b: 0, c: 0, d: 3, e: 5, f: 5 });
  ctx.fillStyle = p1;
  ctx.fillRect(5, 5, 80, 60);
  // 2. pattern.setTransform rotation (30 deg) with smoothing on
  ctx.imageSmoothingEnabled = true;
  const r = Math.PI / 6;
  const p2 = ctx.createPattern(img, 'repeat');
  p2.setTransform({ a: 2 * Math.cos(r), b: 2 * Math.sin(r), c: -2 * Math.sin(r), d: 2 * Math.cos(r), e: 130, f: 35 });
  ctx.fillStyle = p2;
  ctx.fillRect(90, 5, 80, 60);
  // 3. skew in the pattern matrix + context translate: the two transforms compose
  const p3 = ctx.createPattern(img, 'repeat');
  p3.setTransform({ a: 1, b: 0, c: 0.8, d: 1.5 });
  ctx.save();
  ctx.translate(175, 5);
  ctx.fillStyle = p3;
  ctx.fillRect(0, 0, 80, 60);
  ctx.restore();
  // 4. context rotation, pattern from a canvas with translucent content
  const tile = env.createCanvas(20, 20);
  const t = tile.getContext('2d');
  t.fillStyle = 'rgba(200, 0, 80, 0.7)';
  t.beginPath(); t.arc(10, 10, 7, 0, Math.PI * 2); t.fill();
  t.fillStyle = '#036';
  t.fillRect(0, 0, 20, 3);
  ctx.save();
  ctx.translate(50, 122);
  ctx.rotate(-Math.PI / 8);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(-35, -40, 70, 80);
  ctx.restore();
  // 5. nearest-neighbour pattern under rotation: hard-edged blocks, rotated
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.translate(130, 120);
  ctx.rotate(Math.PI / 5);
  ctx.scale(2, 2);
  ctx.fillStyle = ctx.createPattern(img, 'repeat');
  ctx.fillRect(-16, -16, 32, 32);
  ctx.restore();
  ctx.imageSmoothingEnabled = true;
  // 6. pattern as strokeStyle and with globalAlpha
  const p6 = ctx.createPattern(img, 'repeat');
  p6.setTransform({ a: 2, b: 0, c: 0, d: 2, e: 0, f: 0 });
  ctx.strokeStyle = p6;
  ctx.lineWidth = 12;
  ctx.strokeRect(190, 80, 55, 50);
  ctx.fillStyle = '#000';
  ctx.fillRect(180, 150, 75, 45);
  ctx.globalAlpha = 0.4;
  ctx.fillStyle = p6;
  ctx.fillRect(180, 150, 75, 45);
  ctx.globalAlpha = 1;
  // 7. a pattern whose matrix is non-invertible paints nothing (black bar stays black)
  ctx.fillStyle = '#000';
  ctx.fillRect(5, 175, 160, 20);
  const p7 = ctx.createPattern(img, 'repeat');
  p7.setTransform({ a: 0, b: 0, c: 0, d: 0, e: 0, f: 0 });
  ctx.fillStyle = p7;
  ctx.fillRect(5, 175, 160, 20);
}
