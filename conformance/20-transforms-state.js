// @size 240x180
// @fuzzy maxDifference=0-128;totalPixels=0-700
// Nested save/restore of the transform (4 levels), setTransform(a..f) with skew, setTransform({a..f})
// including an object with missing members (= identity values), getTransform() values steering the
// drawing (positions read back from the matrix; a returned matrix is a copy), transform() multiplying,
// resetTransform, and a singular matrix (scale 0) that makes fills draw nothing.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#eef';
  ctx.fillRect(0, 0, 240, 180);
  // nested save/restore: each level translates+rotates+scales, draws, and the restores unwind exactly
  const cols = ['#c00', '#e80', '#0a0', '#06c'];
  ctx.save();
  ctx.translate(50, 50);
  for (let i = 0; i < 4; i++) {
    ctx.save();
    ctx.rotate(Math.PI / 10);
    ctx.fillStyle = cols[i];
    ctx.fillRect(-30, -30, 60, 10);
    ctx.translate(0, 12);
    ctx.scale(0.85, 0.85);
  }
  for (let i = 0; i < 4; i++) ctx.restore();
  ctx.fillStyle = '#000';
  ctx.fillRect(-3, -3, 6, 6);                                  // back at translate(50,50): dot at the centre
  ctx.restore();                                               // (also restores fillStyle to the background colour)
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, 6, 6);                                    // identity again: top-left dot
  // setTransform(a..f): skew, replaces whatever was there
  ctx.translate(500, 500);
  ctx.setTransform(1, 0.4, -0.5, 1, 130, 10);
  ctx.fillStyle = '#a0a';
  ctx.fillRect(0, 0, 40, 30);
  // setTransform(object)
  ctx.setTransform({ a: 0.5, b: 0, c: 0, d: 2, e: 190, f: 10 });
  ctx.fillStyle = '#088';
  ctx.fillRect(0, 0, 60, 15);                                  // 30x30 on screen
  ctx.setTransform({ e: 10, f: 110 });                         // missing a,b,c,d => 1,0,0,1: pure translation
  ctx.fillStyle = '#840';
  ctx.fillRect(0, 0, 30, 30);
  // getTransform drives the drawing
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.translate(60, 110);
  ctx.scale(2, 1.5);
  ctx.rotate(Math.PI / 2);
  const m = ctx.getTransform();
  m.e = 9999;                                                  // modifying the copy changes nothing
  ctx.resetTransform();
  const ok = (v, want) => Math.abs(v - want) < 1e-9;
  // expected: a=0 b=1.5 c=-2 d=0 (rotation after scale), f=110
  const checks = [ok(m.a, 0), ok(m.b, 1.5), ok(m.c, -2), ok(m.d, 0), ok(m.f, 110), ok(ctx.getTransform().e, 0)];
  checks.forEach((c, i) => { ctx.fillStyle = c ? '#0a0' : '#f00'; ctx.fillRect(60 + i * 12, 112, 10, 10); });
  ctx.setTransform(m.a, m.b, m.c, m.d, 60, m.f + 40);          // reuse the read-back matrix: a 20x10 rect rotated/scaled
  ctx.fillStyle = '#06c';
  ctx.fillRect(0, 0, 20, 10);                                  // lands at x 40..60, y 150..180
  // transform() multiplies onto the current matrix
  ctx.setTransform(1, 0, 0, 1, 150, 110);
  ctx.transform(1, 0, 0, 1, 20, 0);
  ctx.transform(2, 0, 0, 2, 0, 0);
  ctx.transform(1, 0, 0.5, 1, 0, 0);
  ctx.fillStyle = '#e60';
  ctx.fillRect(0, 0, 20, 15);                                  // skewed, scaled 2x, starting at (170,110)
  // a singular matrix: nothing is drawn (no red)
  ctx.setTransform(0, 0, 0, 1, 100, 60);
  ctx.fillStyle = '#f00';
  ctx.fillRect(0, 0, 50, 50);
  ctx.scale(0, 0);
  ctx.resetTransform();
  ctx.fillStyle = '#000';
  ctx.fillRect(234, 174, 6, 6);                                // identity after reset: bottom-right dot
}
