// @size 300x270
// @fuzzy maxDifference=0-5;totalPixels=0-3500
// All 26 globalCompositeOperation values, each on an isolated 60x45 canvas (unbounded modes only affect
// their own cell) then drawn 1:1 onto the main canvas. Destination: translucent horizontal gradient
// rect; source: translucent vertical gradient rect overlapping it. Integer rects only; the tolerance
// covers gradient dithering and blend-formula rounding (float vs 8-bit, premultiplied round trips):
// maxDifference 5, up to 5% of the 70000 px of cells. Order: the 11 Porter-Duff ops (source-over ...
// copy, xor, lighter), then the 15 blend modes (multiply ... luminosity).
function draw(ctx, canvas, env) {
  const modes = ['source-over', 'source-in', 'source-out', 'source-atop',
    'destination-over', 'destination-in', 'destination-out', 'destination-atop',
    'copy', 'xor', 'lighter',
    'multiply', 'screen', 'overlay', 'darken', 'lighten', 'color-dodge', 'color-burn',
    'hard-light', 'soft-light', 'difference', 'exclusion', 'hue', 'saturation', 'color', 'luminosity'];
  // (Chromium also accepts the non-standard 'clear'; it is deliberately not used in this corpus.)
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 300, 270);
  const cw = 60, ch = 45;
  modes.forEach((mode, i) => {
    const c = env.createCanvas(cw, ch);
    const x = c.getContext('2d');
    const dg = x.createLinearGradient(4, 0, 40, 0);
    dg.addColorStop(0, 'rgba(0, 60, 255, 1)');
    dg.addColorStop(1, 'rgba(0, 200, 120, 0.6)');
    x.fillStyle = dg;
    x.fillRect(4, 4, 36, 26);
    x.globalCompositeOperation = mode;
    const sg = x.createLinearGradient(0, 14, 0, 42);
    sg.addColorStop(0, 'rgba(255, 30, 0, 0.9)');
    sg.addColorStop(1, 'rgba(255, 220, 0, 0.5)');
    x.fillStyle = sg;
    x.fillRect(20, 14, 36, 28);
    ctx.fillStyle = (i + Math.floor(i / 5)) % 2 ? '#ddd' : '#bbb';   // cell background (checker of cells)
    ctx.fillRect((i % 5) * cw, Math.floor(i / 5) * ch, cw, ch);
    ctx.drawImage(c, (i % 5) * cw, Math.floor(i / 5) * ch);
  });
}
