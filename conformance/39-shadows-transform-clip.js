// @size 300x210
// @fuzzy maxDifference=0-128;totalPixels=0-5000
// Shadow offset and blur are in device space: they are NOT scaled/rotated by the current transform
// (a rotated, 3x-scaled shape still gets a 6px-down shadow with the same blur); shadows are clipped by
// the clip region (shadow outside the clip disappears); a shadow of a clipped shape; a shadow with
// clearRect (clearRect never draws shadows). Blurred area ~30000 px: 15% => 5000. maxDifference 128,
// not 12: the rotated square, circular clip and skewed dashes have anti-aliased edges.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 210);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.7)';
  ctx.shadowOffsetX = 0;
  ctx.shadowOffsetY = 8;
  ctx.shadowBlur = 6;
  ctx.fillStyle = '#e63';
  ctx.fillRect(15, 15, 30, 30);                     // reference, identity
  ctx.save();
  ctx.translate(110, 30);
  ctx.rotate(Math.PI / 4);
  ctx.fillRect(-15, -15, 30, 30);                   // rotated: shadow still straight down
  ctx.restore();
  ctx.save();
  ctx.translate(165, 15);
  ctx.scale(3, 1);
  ctx.fillRect(0, 0, 30, 30);                       // scaled: shadow offset not tripled in x (x offset 0), blur unscaled
  ctx.restore();
  ctx.save();
  ctx.setTransform(0.5, 0, 0, 0.5, 15, 70);
  ctx.fillRect(0, 0, 60, 60);                       // scaled down: offset still 8 device px, blur unchanged
  ctx.restore();
  // clip cuts the shadow: clip to a rect that includes the shape but not the lower half of its shadow
  ctx.save();
  ctx.beginPath(); ctx.rect(70, 70, 80, 50); ctx.clip();
  ctx.shadowOffsetY = 14;
  ctx.fillStyle = '#39c';
  ctx.fillRect(90, 75, 40, 35);                     // shadow below y=120 clipped away
  ctx.restore();
  // shadow of a shape partly outside a circular clip: both the shape and the shadow are clipped
  ctx.save();
  ctx.beginPath(); ctx.arc(225, 110, 45, 0, Math.PI * 2); ctx.clip();
  ctx.fillStyle = '#eee';
  ctx.fillRect(170, 60, 110, 100);
  ctx.shadowOffsetX = 10;
  ctx.shadowOffsetY = 10;
  ctx.fillStyle = '#7b3';
  ctx.fillRect(220, 70, 70, 40);
  ctx.restore();
  // clearRect does not draw a shadow
  ctx.fillStyle = '#555';
  ctx.shadowColor = 'transparent';
  ctx.fillRect(20, 140, 120, 50);
  ctx.shadowColor = '#f00';
  ctx.shadowOffsetX = 5; ctx.shadowOffsetY = 5; ctx.shadowBlur = 0;
  ctx.clearRect(40, 150, 30, 25);                   // plain hole, no red
  // shadow under skew + dashed stroke
  ctx.setTransform(1, 0, -0.5, 1, 140, 0);
  ctx.shadowColor = 'rgba(0, 0, 150, 0.6)';
  ctx.shadowOffsetX = -4; ctx.shadowOffsetY = 4; ctx.shadowBlur = 2;
  ctx.strokeStyle = '#fc0';
  ctx.lineWidth = 5;
  ctx.setLineDash([10, 5]);
  ctx.strokeRect(100, 164, 60, 35);
}
