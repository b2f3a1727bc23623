// @size 240x180
// @fuzzy maxDifference=0-2;totalPixels=0-0
// getImageData partly outside the canvas (outside pixels read as transparent black), putImageData with
// dirty rects: normal, negative dirty width/height (normalised), dirty rects beyond the image data (clamped),
// a destination partly off-canvas, and putImageData ignoring clip, transform, globalAlpha,
// globalCompositeOperation and shadows (it replaces pixels, including with transparent ones).
// Integer pixel copies only: exact.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 240, 180);
  // a 40x40 source tile: four quadrants
  ctx.fillStyle = '#d22'; ctx.fillRect(0, 0, 20, 20);
  ctx.fillStyle = '#2a2'; ctx.fillRect(20, 0, 20, 20);
  ctx.fillStyle = '#22d'; ctx.fillRect(0, 20, 20, 20);
  ctx.fillStyle = '#fc0'; ctx.fillRect(20, 20, 20, 20);
  const tile = ctx.getImageData(0, 0, 40, 40);
  // getImageData partly outside (top-left corner at -20,-20): outside part is transparent black
  const part = ctx.getImageData(-20, -20, 40, 40);
  ctx.putImageData(part, 50, 0);                       // 40x40: top-left 3 quadrants clear, bottom-right red
  // dirty rect: only the green quadrant
  ctx.putImageData(tile, 100, 0, 20, 0, 20, 20);       // lands at 120..140, 0..20
  // negative dirty width/height: (40,40,-20,-20) is the yellow quadrant
  ctx.putImageData(tile, 140, 0, 40, 40, -20, -20);    // lands at 160..180, 20..40
  // dirty rect larger than the data: clamped to the data
  ctx.putImageData(tile, 190, 0, -10, 10, 100, 100);   // rows 10..40 of all columns: at 190..230, 10..40
  // destination partly off-canvas
  ctx.putImageData(tile, -20, 140);                    // only the right half lands: 0..20, 140..180
  ctx.putImageData(tile, 220, 150);                    // only 20x30 lands
  // putImageData ignores clip, transform, globalAlpha, composite op and shadow
  ctx.save();
  ctx.beginPath(); ctx.rect(0, 0, 10, 10); ctx.clip();
  ctx.translate(100, 100);
  ctx.scale(3, 3);
  ctx.globalAlpha = 0.3;
  ctx.globalCompositeOperation = 'destination-out';
  ctx.shadowColor = '#000'; ctx.shadowBlur = 5; ctx.shadowOffsetX = 10;
  ctx.putImageData(tile, 30, 60);                      // exact copy at (30,60) device
  ctx.restore();
  // transparent pixels in the data replace what is there (no blending): punch a clear window
  ctx.fillStyle = '#468';
  ctx.fillRect(90, 60, 60, 60);
  const clear = ctx.createImageData(20, 20);           // all transparent black
  ctx.putImageData(clear, 110, 80);
  // semi-transparent data replaces too: 50% white over the dark square stays 50% white (not blended)
  const half = ctx.createImageData(20, 10);
  for (let i = 0; i < half.data.length; i += 4) { half.data[i] = half.data[i + 1] = half.data[i + 2] = 255; half.data[i + 3] = 128; }
  ctx.putImageData(half, 125, 100);
  // zero-size dirty rect: nothing
  ctx.putImageData(tile, 160, 60, 0, 0, 0, 40);
  // read back a 1x1 pixel from each quadrant of the untouched tile and draw swatches from the values
  const px = [[5, 5], [25, 5], [5, 25], [25, 25]].map(([x, y]) => ctx.getImageData(x, y, 1, 1).data);
  px.forEach((d, i) => { ctx.fillStyle = `rgba(${d[0]}, ${d[1]}, ${d[2]}, ${d[3] / 255})`; ctx.fillRect(170 + i * 15, 130, 12, 12); });
}
