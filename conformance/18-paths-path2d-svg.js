// @size 260x180
// @fuzzy maxDifference=0-128;totalPixels=0-1100
// new Path2D(svgPathString): M/m L/l H/h V/v C/c S/s Q/q T/t A/a Z/z, absolute and relative,
// implicit repeated coordinates (after M they are lineTos), comma/no-space/exponent number syntax,
// arc flags written without separators, and an invalid tail (everything before the error is kept).
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 260, 180);
  ctx.lineWidth = 2;
  const strokes = [
    ['#c00', 'M10 10 L50 10 L50 40 Z'],                                   // absolute lines, close
    ['#06c', 'm60 10 l40 0 l0 30 z m0 10 l20 20'],                       // relative; m after z is relative to the start point
    ['#080', 'M120 10 H160 V40 h-30 v-20'],                               // horizontal/vertical
    ['#a0a', 'M170 40 180 10 190 40 200 10 210 40'],                       // implicit lineTo after M
    ['#e70', 'm215 40 10-30 10 30 10-30'],                                 // implicit relative lineTo after m
    ['#000', 'M10 80 C10 50 50 50 50 80 S90 110 90 80'],                   // cubic + smooth cubic (reflected control)
    ['#088', 'm100 80 c0-30 40-30 40 0 s40 30 40 0'],                      // relative cubic + smooth
    ['#840', 'M190 80 Q205 50 220 80 T250 80'],                            // quadratic + smooth quadratic
    ['#c0a', 'M10 120 q15-30 30 0 t30 0 30 0 30 0'],                       // relative, implicit repeated t
    ['#c00', 'M145 120 A25 15 0 0 1 185 120'],                             // small arc, sweep 1
    ['#06c', 'M145 120 A25 15 0 1 0 185 120'],                             // large arc, sweep 0
    ['#080', 'M205 125 a15 15 0 1 1 25 15'],                               // relative large arc
    ['#000', 'M10,170L30,160l15-10,1e1,1.5e1'],                              // commas, no spaces, exponents
    ['#a0a', 'M70 170 a12 8 30 0110 -20 a12 8 30 1020-5'],                 // flags without separators ('0110' = 0,1,10)
    ['#e70', 'M130 170 L160 140 L190 170 Z X 1 2 L 250 0'],                // invalid 'X': the triangle is kept, the rest dropped
    ['#088', 'M200 175 A5 5 0 0 1 200 175 M205 175 A0 10 0 0 1 250 150'], // zero-length arc skipped; zero radius -> line
  ];
  for (const [col, d] of strokes) {
    ctx.strokeStyle = col;
    ctx.stroke(new Path2D(d));
  }
  ctx.fillStyle = 'rgba(0, 150, 250, 0.35)';
  ctx.fill(new Path2D('M145 120 A25 15 0 1 0 185 120 z'));             // filled large arc
}
