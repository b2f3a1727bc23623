// @size 280x200
// @fuzzy maxDifference=0-128;totalPixels=0-1200
// roundRect with every radii form: none, number, [a], [a,b], [a,b,c], [a,b,c,d], DOMPointInit {x,y}
// (elliptical corners), mixed lists, radii larger than the box (scaled down uniformly), negative
// width/height (corners mirror), a negative radius (RangeError, path unchanged). ~4000 px AA edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 280, 200);
  const W = 48, H = 44;
  const cells = [
    (x, y) => ctx.roundRect(x, y, W, H),                                  // no radii: sharp corners
    (x, y) => ctx.roundRect(x, y, W, H, 10),
    (x, y) => ctx.roundRect(x, y, W, H, [10]),
    (x, y) => ctx.roundRect(x, y, W, H, [4, 18]),                          // tl/br 4, tr/bl 18
    (x, y) => ctx.roundRect(x, y, W, H, [4, 12, 22]),                      // tl 4, tr/bl 12, br 22
    (x, y) => ctx.roundRect(x, y, W, H, [0, 8, 16, 22]),                   // tl tr br bl
    (x, y) => ctx.roundRect(x, y, W, H, { x: 24, y: 8 }),                  // elliptical corners
    (x, y) => ctx.roundRect(x, y, W, H, [{ x: 20, y: 6 }, 4, { x: 6, y: 20 }, 0]),
    (x, y) => ctx.roundRect(x, y, W, H, 100),                              // too big: capsule
    (x, y) => ctx.roundRect(x, y, W, H, [40, 40, 0, 0]),                   // top sum 80 > 48: all radii scaled by 48/80
    (x, y) => ctx.roundRect(x + W, y, -W, H, [0, 8, 16, 22]),              // negative width: mirrored horizontally
    (x, y) => ctx.roundRect(x, y + H, W, -H, [0, 8, 16, 22]),              // negative height: mirrored vertically
    (x, y) => ctx.roundRect(x + W, y + H, -W, -H, [0, 8, 16, 22]),         // both negative: rotated 180
    (x, y) => { try { ctx.roundRect(x, y, W, H, [5, -5]); } catch (e) { ctx.rect(x + 20, y + 14, 16, 16); } }, // throws: small square instead
    (x, y) => { ctx.roundRect(x, y, W / 2 - 2, H, 8); ctx.roundRect(x + W / 2 + 2, y, W / 2 - 2, H, [14, 0]); }, // two subpaths
  ];
  cells.forEach((f, i) => {
    const x = 4 + (i % 5) * 56, y = 8 + Math.floor(i / 5) * 64;
    ctx.beginPath();
    f(x, y);
    ctx.fillStyle = `hsl(${i * 24}, 70%, 75%)`;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = `hsl(${i * 24}, 80%, 30%)`;
    ctx.stroke();
  });
}
