// @size 200x150
// @fuzzy maxDifference=0-2;totalPixels=0-0
// fillRect/strokeRect/clearRect with negative sizes (normalised), zero sizes (fill: nothing; stroke: a line
// if one side is zero, nothing if both), rects partly/hugely outside the canvas. All integer-aligned: exact.
// Red anywhere in the picture means something drew that should not have.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 200, 150);
  // row 1: fillRect with negative width / height / both (each must cover the same 30x20 box as the grey outline)
  const boxes = [[10, 10], [55, 10], [100, 10], [145, 10]];
  ctx.strokeStyle = '#999';
  ctx.lineWidth = 1;
  for (const [x, y] of boxes) ctx.strokeRect(x - 0.5, y - 0.5, 31, 21);
  ctx.fillStyle = '#06c';
  ctx.fillRect(10, 10, 30, 20);            // reference: positive
  ctx.fillRect(85, 10, -30, 20);           // negative width
  ctx.fillRect(100, 30, 30, -20);          // negative height
  ctx.fillRect(175, 30, -30, -20);         // both negative
  // row 2: zero sizes with fillRect draw nothing
  ctx.fillStyle = '#f00';
  ctx.fillRect(10, 45, 0, 30);
  ctx.fillRect(20, 45, 30, 0);
  ctx.fillRect(30, 60, 0, 0);
  ctx.fillRect(40, 45, -0, -20);
  // strokeRect with one zero side: a single line of lineWidth (butt ends, no joins)
  ctx.strokeStyle = '#080';
  ctx.lineWidth = 4;
  ctx.strokeRect(70, 45, 0, 30);           // vertical 4px bar x 68..72, y 45..75
  ctx.strokeRect(80, 50, 30, 0);           // horizontal bar y 48..52
  ctx.strokeRect(110, 70, -30, 0);         // negative width, zero height: y 68..72
  // strokeRect with both sides zero: nothing, even with square caps
  ctx.strokeStyle = '#f00';
  ctx.lineCap = 'square';
  ctx.strokeRect(125, 60, 0, 0);
  ctx.lineCap = 'butt';
  // strokeRect with negative sizes: same outline as positive
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 2;
  ctx.strokeRect(140, 45, 20, 30);
  ctx.strokeRect(190, 75, -20, -30);
  // row 3: clearRect with negative and zero sizes on a filled block
  ctx.fillStyle = '#333';
  ctx.fillRect(10, 90, 120, 50);
  ctx.clearRect(40, 100, -20, 30);         // clears x 20..40
  ctx.clearRect(50, 130, 20, -30);         // clears y 100..130
  ctx.clearRect(100, 130, -20, -30);       // clears x 80..100, y 100..130
  ctx.clearRect(110, 100, 0, 30);          // nothing
  ctx.clearRect(115, 100, 10, 0);          // nothing
  // rects partly or hugely outside the canvas are clipped to it
  ctx.fillStyle = '#c60';
  ctx.fillRect(140, 90, 1e5, 20);          // x 140..200 (right edge), y 90..110
  ctx.fillRect(200, 150, -8, -1e5);        // negative sizes reaching far above: x 192..200, full height
  ctx.fillStyle = '#639';
  ctx.fillRect(-40, 142, 180, 1e4);        // off the left and bottom edges: x 0..140, y 142..150
}
