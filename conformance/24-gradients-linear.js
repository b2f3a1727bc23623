// @size 240x200
// @fuzzy maxDifference=0-3;totalPixels=0-1800
// createLinearGradient: 12 stops, hard stops (stripes), stops added out of order (sorted by offset; equal
// offsets keep insertion order), transparent stops (interpolation towards 'transparent' over a dark
// background), pad regions before/after the gradient line, a diagonal line, a single stop (solid),
// no stops (paints transparent black = nothing), a zero-length line (paints nothing), and invalid
// addColorStop arguments throwing without changing the gradient. Area ~36000 px => 5% = 1800.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 200);
  // 12 stops rainbow
  const g1 = ctx.createLinearGradient(10, 0, 230, 0);
  for (let i = 0; i < 12; i++) g1.addColorStop(i / 11, `hsl(${i * 30}, 90%, ${i % 2 ? 40 : 60}%)`);
  ctx.fillStyle = g1;
  ctx.fillRect(10, 5, 220, 25);
  // hard stops: 5 stripes, each pair of equal offsets is a step
  const g2 = ctx.createLinearGradient(10, 0, 230, 0);
  const cols = ['#036', '#fc0', '#c30', '#3a3', '#a4f'];
  cols.forEach((c, i) => { g2.addColorStop(i / 5, c); g2.addColorStop((i + 1) / 5, c); });
  ctx.fillStyle = g2;
  ctx.fillRect(10, 34, 220, 16);
  // out-of-order stops: sorted; two stops at 0.5 added blue-then-yellow give a step blue|yellow
  const g3 = ctx.createLinearGradient(10, 0, 230, 0);
  g3.addColorStop(1, '#000');
  g3.addColorStop(0.5, 'blue');
  g3.addColorStop(0, '#fff');
  g3.addColorStop(0.5, 'yellow');
  g3.addColorStop(0.25, 'red');
  ctx.fillStyle = g3;
  ctx.fillRect(10, 54, 220, 16);
  // transparent stops over a dark background: red -> transparent -> blue
  ctx.fillStyle = '#333';
  ctx.fillRect(10, 76, 220, 30);
  const g4 = ctx.createLinearGradient(10, 0, 230, 0);
  g4.addColorStop(0, 'red');
  g4.addColorStop(0.5, 'transparent');
  g4.addColorStop(1, 'rgba(0, 0, 255, 0.5)');
  ctx.fillStyle = g4;
  ctx.fillRect(10, 76, 220, 15);
  const g5 = ctx.createLinearGradient(10, 0, 230, 0);             // the same with rgba(255,255,255,0) in the middle
  g5.addColorStop(0, 'red');
  g5.addColorStop(0.5, 'rgba(255, 255, 255, 0)');
  g5.addColorStop(1, 'rgba(0, 0, 255, 0.5)');
  ctx.fillStyle = g5;
  ctx.fillRect(10, 91, 220, 15);
  // pad: the gradient line covers only x 80..160 of a 10..230 rect
  const g6 = ctx.createLinearGradient(80, 0, 160, 0);
  g6.addColorStop(0, '#0a6');
  g6.addColorStop(1, '#f6a');
  ctx.fillStyle = g6;
  ctx.fillRect(10, 112, 220, 16);
  // diagonal, reversed direction (from bottom-right to top-left)
  const g7 = ctx.createLinearGradient(120, 195, 60, 135);
  g7.addColorStop(0, '#208');
  g7.addColorStop(0.6, '#0cf');
  g7.addColorStop(1, '#ff8');
  ctx.fillStyle = g7;
  ctx.fillRect(10, 134, 110, 60);
  // single stop: solid colour everywhere
  const g8 = ctx.createLinearGradient(0, 0, 10, 0);
  g8.addColorStop(0.7, '#c60');
  ctx.fillStyle = g8;
  ctx.fillRect(130, 134, 30, 28);
  // no stops: transparent black, nothing visible on the green
  ctx.fillStyle = '#4c4';
  ctx.fillRect(165, 134, 30, 28);
  ctx.fillStyle = ctx.createLinearGradient(0, 0, 100, 0);
  ctx.fillRect(165, 134, 30, 28);
  // zero-length gradient line: paints nothing
  ctx.fillStyle = '#4c4';
  ctx.fillRect(200, 134, 30, 28);
  const g9 = ctx.createLinearGradient(215, 148, 215, 148);
  g9.addColorStop(0, 'red'); g9.addColorStop(1, 'red');
  ctx.fillStyle = g9;
  ctx.fillRect(200, 134, 30, 28);
  // invalid stops throw (IndexSizeError / SyntaxError) and are not added: black -> white only
  const g10 = ctx.createLinearGradient(130, 0, 230, 0);
  g10.addColorStop(0, '#000');
  for (const [o, c] of [[1.5, 'red'], [-0.1, 'red'], [NaN, 'red'], [0.5, 'not-a-colour']]) {
    try { g10.addColorStop(o, c); } catch (e) { /* expected */ }
  }
  g10.addColorStop(1, '#fff');
  ctx.fillStyle = g10;
  ctx.fillRect(130, 168, 100, 26);
}
