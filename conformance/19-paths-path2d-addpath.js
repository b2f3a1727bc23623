// @size 300x200
// @fuzzy maxDifference=0-128;totalPixels=0-1100
// Path2D built with methods (lines, quadratic, bezier, arc, rect), new Path2D(path) copies, addPath with a
// plain {a,b,c,d,e,f} transform (translate, scale, rotate, skew) and without one; ctx paths built while the
// transform changes between calls (points are fixed when added, the stroke uses the transform at stroke time).
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 200);
  const house = new Path2D();                 // 40x40 glyph with every segment type
  house.moveTo(0, 40);
  house.lineTo(0, 15);
  house.quadraticCurveTo(20, -8, 40, 15);
  house.lineTo(40, 40);
  house.bezierCurveTo(30, 30, 10, 50, 0, 40);
  house.moveTo(26, 26);
  house.arc(20, 26, 6, 0, Math.PI * 2);
  house.rect(5, 30, 8, 8);
  const copy = new Path2D(house);             // a copy is independent of later changes to the original
  house.moveTo(0, 0); house.lineTo(40, 40);   // only in the original
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#000';
  ctx.save(); ctx.translate(60, 10); ctx.stroke(house); ctx.restore();     // original, with the extra diagonal
  const combo = new Path2D();
  combo.addPath(copy);                                                     // no transform
  combo.addPath(copy, { a: 1, b: 0, c: 0, d: 1, e: 100, f: 0 });          // translate
  combo.addPath(copy, { a: 1.5, b: 0, c: 0, d: 0.75, e: 160, f: 0 });      // non-uniform scale
  const r = Math.PI / 6;
  combo.addPath(copy, { a: Math.cos(r), b: Math.sin(r), c: -Math.sin(r), d: Math.cos(r), e: 30, f: 70 });  // rotate
  combo.addPath(copy, { a: 1, b: 0, c: 0.5, d: 1, e: 90, f: 70 });         // skew
  combo.addPath(copy, { e: 160, f: 70 });                                  // missing members default to identity
  ctx.fillStyle = 'rgba(0, 110, 220, 0.5)';
  ctx.strokeStyle = '#036';
  ctx.lineWidth = 1.5;
  ctx.save(); ctx.translate(10, 10); ctx.fill(combo, 'evenodd'); ctx.stroke(combo); ctx.restore();
  // a ctx path built under changing transforms, stroked after resetTransform with a uniform 3px line
  ctx.beginPath();
  ctx.translate(255, 150);
  for (let i = 0; i < 10; i++) {
    i ? ctx.lineTo(25, 0) : ctx.moveTo(25, 0);
    ctx.rotate(Math.PI / 5);
    ctx.scale(1.04, 1.04);
  }
  ctx.resetTransform();
  ctx.lineTo(255, 150);
  ctx.strokeStyle = '#c00';
  ctx.lineWidth = 3;
  ctx.stroke();
  // the same Path2D filled under a transform applied at fill time
  ctx.setTransform(0.6, 0, 0, 0.6, 10, 150);
  ctx.fillStyle = '#080';
  ctx.fill(copy);
  ctx.setTransform(-0.6, 0, 0, 0.6, 100, 150);   // mirrored
  ctx.fill(copy);
  ctx.resetTransform();
}
