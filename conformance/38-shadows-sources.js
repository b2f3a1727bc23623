// @size 300x220
// @asset alpha64.png
// @fuzzy maxDifference=0-128;totalPixels=0-6000
// Shadows take the alpha of whatever is drawn: strokes (incl. dashed), images with graded alpha,
// patterns with transparent holes, gradients with transparent stops, translucent fills (shadow alpha =
// shadowColor alpha x source alpha), globalAlpha (applies to both shape and shadow), and composite with
// a shadow. Blurred area ~40000 px: 15% => 6000. The blur alone would warrant maxDifference 12, but the
// arc, dashed diagonal and circle have anti-aliased edges, so the edge rule's 128 applies.
async function draw(ctx, canvas, env) {
  const img = await env.loadImage('alpha64.png');
  ctx.fillStyle = '#f2f2e8';
  ctx.fillRect(0, 0, 300, 220);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.75)';
  ctx.shadowOffsetX = 5;
  ctx.shadowOffsetY = 5;
  ctx.shadowBlur = 4;
  // stroke, solid and dashed
  ctx.strokeStyle = '#08c';
  ctx.lineWidth = 6;
  ctx.beginPath(); ctx.arc(40, 40, 25, 0, Math.PI * 1.5); ctx.stroke();
  ctx.setLineDash([8, 6]);
  ctx.strokeStyle = '#c40';
  ctx.beginPath(); ctx.moveTo(80, 15); ctx.lineTo(130, 65); ctx.stroke();
  ctx.setLineDash([]);
  // image with graded alpha: the shadow follows the image's alpha
  ctx.drawImage(img, 140, 8);
  // pattern with holes
  const tile = env.createCanvas(12, 12);
  const t = tile.getContext('2d');
  t.fillStyle = '#7a2';
  t.fillRect(0, 0, 8, 8);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillRect(220, 10, 60, 60);
  // gradient to transparent: shadow fades with it
  const g = ctx.createLinearGradient(15, 0, 125, 0);
  g.addColorStop(0, '#a0c');
  g.addColorStop(1, 'rgba(160, 0, 200, 0)');
  ctx.fillStyle = g;
  ctx.fillRect(15, 90, 110, 40);
  // translucent fill: shadow alpha multiplied by the fill alpha
  ctx.fillStyle = 'rgba(0, 150, 90, 0.4)';
  ctx.fillRect(145, 90, 50, 40);
  // globalAlpha applies to both
  ctx.globalAlpha = 0.4;
  ctx.fillStyle = '#06c';
  ctx.fillRect(215, 90, 50, 40);
  ctx.globalAlpha = 1;
  // coloured shadow with a large blur under an opaque circle
  ctx.shadowColor = 'rgba(255, 0, 100, 0.9)';
  ctx.shadowBlur = 12;
  ctx.shadowOffsetX = 0;
  ctx.shadowOffsetY = 8;
  ctx.fillStyle = '#fff';
  ctx.beginPath(); ctx.arc(55, 180, 25, 0, Math.PI * 2); ctx.fill();
  // shadow + destination-over: the shadow and the shape go under the existing content, so they
  // only show in the cleared (transparent) area around the grey square
  ctx.shadowColor = 'transparent';
  ctx.clearRect(105, 140, 95, 75);
  ctx.fillStyle = '#444';
  ctx.fillRect(120, 150, 60, 45);
  ctx.globalCompositeOperation = 'destination-over';
  ctx.shadowColor = 'rgba(0, 0, 255, 0.8)';
  ctx.shadowOffsetX = -10;
  ctx.shadowOffsetY = 22;
  ctx.shadowBlur = 2;
  ctx.fillStyle = '#fd0';
  ctx.fillRect(110, 143, 50, 40);                   // behind the grey square
  ctx.globalCompositeOperation = 'source-over';
  // shadow of a shape that is entirely off-canvas still lands on the canvas
  ctx.shadowColor = '#0a6';
  ctx.shadowOffsetX = 0;
  ctx.shadowOffsetY = 0;
  ctx.shadowBlur = 0;
  ctx.shadowOffsetX = 330;
  ctx.fillRect(-100, 160, 50, 40);                  // shadow at x 230..280
}
