// @size 260x180
// @fuzzy maxDifference=0-128;totalPixels=0-1200
// Strokes under non-uniform scale (line width is scaled with the path: thick sides, thin top/bottom),
// rotation, skew; the transform at stroke() time decides the pen, not the one at path construction;
// dashes scale too; a scale(-1) mirror. ~4000 px of AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 180);
  ctx.strokeStyle = '#124';
  // circle stroked under scale(3, 1): an ellipse whose stroke is 3x wider left/right
  ctx.save();
  ctx.translate(50, 40);
  ctx.scale(3, 1);
  ctx.lineWidth = 4;
  ctx.beginPath(); ctx.arc(0, 0, 12, 0, Math.PI * 2); ctx.stroke();
  ctx.restore();
  // same ellipse built with ellipse() and stroked in identity: uniform width
  ctx.lineWidth = 4;
  ctx.beginPath(); ctx.ellipse(50, 90, 36, 12, 0, 0, Math.PI * 2); ctx.stroke();
  // path built in identity, stroked under scale(1, 4): horizontal lines get 4x thicker, vertical unchanged
  ctx.strokeStyle = '#c30';
  ctx.beginPath(); ctx.rect(110, 15, 40, 30);
  ctx.save(); ctx.scale(1, 4); ctx.lineWidth = 2; ctx.stroke(); ctx.restore();   // note: the rect itself is not moved (points fixed when added)
  // path built under a scale, stroked in identity: uniform 2px
  ctx.save(); ctx.scale(2, 0.5); ctx.beginPath(); ctx.rect(80, 140, 20, 40); ctx.restore();
  ctx.lineWidth = 2; ctx.stroke();                                               // 40x20 rect at (160, 70)
  // rotated + non-uniform: stroke width varies along the curve
  ctx.save();
  ctx.translate(220, 40);
  ctx.rotate(Math.PI / 4);
  ctx.scale(0.5, 2);
  ctx.strokeStyle = '#080';
  ctx.lineWidth = 3;
  ctx.strokeRect(-20, -12, 40, 24);
  ctx.restore();
  // skew with a polyline and round joins
  ctx.save();
  ctx.setTransform(1, 0, 0.8, 1, -100, 0);
  ctx.strokeStyle = '#a0a';
  ctx.lineWidth = 6;
  ctx.lineJoin = 'round';
  ctx.beginPath(); ctx.moveTo(0, 170); ctx.lineTo(20, 130); ctx.lineTo(40, 170); ctx.lineTo(60, 130); ctx.stroke();
  ctx.restore();
  // dashes are in user space: under scale(2, 1) the dash pattern along x doubles
  ctx.strokeStyle = '#06c';
  ctx.lineWidth = 3;
  ctx.setLineDash([6, 4]);
  ctx.beginPath(); ctx.moveTo(110, 120); ctx.lineTo(250, 120); ctx.stroke();
  ctx.save(); ctx.scale(2, 1); ctx.beginPath(); ctx.moveTo(55, 135); ctx.lineTo(125, 135); ctx.stroke(); ctx.restore();
  ctx.save(); ctx.translate(110, 150); ctx.scale(1, 3); ctx.beginPath(); ctx.moveTo(0, 0); ctx.lineTo(140, 0); ctx.stroke(); ctx.restore(); // 9px tall dashes
  ctx.setLineDash([]);
  // mirrored stroke (negative scale) with butt caps
  ctx.save();
  ctx.translate(245, 106);
  ctx.scale(-1.5, 1);
  ctx.strokeStyle = '#e80';
  ctx.lineWidth = 5;
  ctx.beginPath(); ctx.moveTo(0, 0); ctx.lineTo(30, -8); ctx.lineTo(20, 8); ctx.stroke();
  ctx.restore();
}
