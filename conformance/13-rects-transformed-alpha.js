// @size 220x160
// @fuzzy maxDifference=0-128;totalPixels=0-400
// fillRect/strokeRect/clearRect under rotate/scale/skew and at fractional coordinates (anti-aliased edges),
// globalAlpha stacking with translucent colours. ~1300 px of AA edge => ~400 edge pixels allowed.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#f4f0e0';
  ctx.fillRect(0, 0, 220, 160);
  // rotated fill, stroke and clear (clearRect follows the transform: a rotated transparent hole)
  ctx.save();
  ctx.translate(45, 45);
  ctx.rotate(Math.PI / 7);
  ctx.fillStyle = '#268';
  ctx.fillRect(-30, -30, 60, 60);
  ctx.clearRect(-12, -12, 24, 24);
  ctx.strokeStyle = '#e60';
  ctx.lineWidth = 3;
  ctx.strokeRect(-36, -36, 72, 72);
  ctx.restore();
  // fractional coordinates: half-covered edge pixels
  ctx.fillStyle = '#000';
  ctx.fillRect(100.5, 10.25, 30.5, 20.5);
  ctx.fillRect(140.3, 10.7, 0.4, 30);       // sub-pixel wide sliver: a faint line
  ctx.fillRect(150, 10.5, 50, 0.5);         // half-pixel tall: a grey line
  // scale + skew
  ctx.save();
  ctx.setTransform(1.5, 0, 0.6, 0.8, 100, 50);
  ctx.fillStyle = '#7a3';
  ctx.fillRect(0, 0, 40, 40);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.strokeRect(0, 0, 40, 40);
  ctx.restore();
  // globalAlpha stacking: three overlapping rects at alpha 0.5; translucent colour x globalAlpha
  ctx.globalAlpha = 0.5;
  ctx.fillStyle = '#f00'; ctx.fillRect(10, 100, 50, 40);
  ctx.fillStyle = '#0f0'; ctx.fillRect(30, 110, 50, 40);
  ctx.fillStyle = '#00f'; ctx.fillRect(50, 90, 50, 40);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.5)';     // effective alpha 0.25
  ctx.fillRect(110, 100, 40, 40);
  ctx.globalAlpha = 0.2;
  ctx.save();
  ctx.translate(185, 120);
  for (let i = 0; i < 6; i++) {             // six rotated squares at alpha 0.2 build up in the middle
    ctx.rotate(Math.PI / 12);
    ctx.fillStyle = '#606';
    ctx.fillRect(-20, -20, 40, 40);
  }
  ctx.restore();
  ctx.globalAlpha = 1;
}
