// @size 240x160
// @fuzzy maxDifference=0-2;totalPixels=0-0
// CSS colour syntaxes for fillStyle: named (any case), hex 3/4/6/8, rgb/rgba comma and space syntax,
// percentages, out-of-range clamping, fractional rounding, hsl/hsla (deg, turn, negative hue), transparent.
// Each 24x24 swatch straddles a white/dark background split so alpha is visible. Integer rects: exact.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 160);
  const colours = [
    'red', 'CornflowerBlue', 'DARKORANGE', 'rebeccapurple', 'lime', 'transparent', 'Teal', 'goldenrod',
    '#f80', '#F808', '#ff8800', '#ff880040', '#0000', '#3a6', '#3a69', '#12AbEf',
    'rgb(255,0,128)', 'rgba(0,128,255,0.5)', 'rgb(0 128 0)', 'rgb(0 128 255 / 50%)', 'rgba(0, 0, 0, .25)', 'rgb(10.6, 20.4, 200.5)', 'rgb(300, -20, 128)', 'rgba(255, 0, 0, 1.5)',
    'rgb(100%, 50%, 0%)', 'rgba(20%, 40%, 60%, 0.6)', 'rgb(0% 100% 50% / 0.3)', 'rgba(255,255,0,0)', 'hsl(120, 100%, 25%)', 'hsla(240, 100%, 50%, 0.3)', 'hsl(30deg 80% 40%)', 'hsl(0.5turn 60% 50% / 0.5)',
    'hsl(-120, 100%, 50%)', 'hsl(480, 100%, 50%)', 'hsl(200 50% 80%)', 'hsla(0, 0%, 0%, 0.1)', 'hsl(60, 100%, 50%, 40%)', 'hsl(280, 150%, 40%)', 'RGB(0, 0, 128)', 'HSL(90, 60%, 30%)',
  ];
  const cell = 30;
  colours.forEach((c, i) => {
    const x = 3 + (i % 8) * cell, y = 3 + Math.floor(i / 8) * cell;
    ctx.fillStyle = '#222';
    ctx.fillRect(x, y + 12, 24, 12);         // dark lower half behind the swatch
    ctx.fillStyle = '#f0f';                  // sentinel: if a colour were rejected, magenta would show
    ctx.fillStyle = c;
    ctx.fillRect(x, y, 24, 24);
  });
}
