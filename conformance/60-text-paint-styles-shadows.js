// @size 320x200
// @font DejaVuSans.ttf as "Corpus Sans"
// @font DroidSansFallbackFull.ttf as "Corpus CJK"
// @fuzzy maxDifference=0-255;totalPixels=0-3000
// Text with every paint: linear and radial gradients, a pattern made from a canvas, shadows
// (offset, blurred, coloured), globalAlpha, a composite operation, a clip.
// Ink plus blurred shadow ~14000 px; blur approximation and glyph edges: 3000 px.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 320, 200);
  ctx.font = 'bold 34px "Corpus Sans", "Corpus CJK"';
  const g = ctx.createLinearGradient(10, 0, 300, 0);
  g.addColorStop(0, '#f00');
  g.addColorStop(0.5, '#fc0');
  g.addColorStop(1, '#00f');
  ctx.fillStyle = g;
  ctx.fillText('渐变 Gradient', 10, 40);
  const r = ctx.createRadialGradient(80, 80, 2, 80, 80, 60);
  r.addColorStop(0, '#0a0');
  r.addColorStop(1, '#004');
  ctx.fillStyle = r;
  ctx.fillText('放射', 10, 90);
  const tile = env.createCanvas(8, 8);
  const t = tile.getContext('2d');
  t.fillStyle = '#c00'; t.fillRect(0, 0, 8, 8);
  t.fillStyle = '#fcc'; t.fillRect(0, 0, 4, 4); t.fillRect(4, 4, 4, 4);
  ctx.fillStyle = ctx.createPattern(tile, 'repeat');
  ctx.fillText('图案', 170, 90);
  ctx.shadowColor = 'rgba(0, 0, 0, 0.6)';
  ctx.shadowOffsetX = 3;
  ctx.shadowOffsetY = 3;
  ctx.shadowBlur = 4;
  ctx.fillStyle = '#08c';
  ctx.font = '28px "Corpus Sans", "Corpus CJK"';
  ctx.fillText('阴影 Shadow', 10, 135);
  ctx.shadowColor = 'transparent';
  ctx.globalAlpha = 0.6;
  ctx.fillStyle = '#a0a';
  ctx.fillText('半透明', 200, 135);
  ctx.globalAlpha = 1;
  ctx.save();
  ctx.beginPath();
  ctx.rect(10, 150, 140, 22);
  ctx.clip();
  ctx.fillStyle = '#000';
  ctx.fillText('裁剪 Clipped', 10, 180);
  ctx.restore();
  ctx.fillStyle = '#fd0';
  ctx.fillRect(170, 150, 140, 40);
  ctx.globalCompositeOperation = 'destination-out';
  ctx.fillStyle = '#000';
  ctx.fillText('镂空', 180, 182);
}
