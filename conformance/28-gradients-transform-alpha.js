// @size 240x180
// @fuzzy maxDifference=0-128;totalPixels=0-1400
// Gradients are defined in user space at fill time: the same gradient under translate/rotate/scale
// moves with the shape; gradient as strokeStyle on curves and a dashed line; globalAlpha times
// gradient alpha; a gradient set before a transform change follows the transform at fill time.
// Mostly smooth gradients (maxDiff would be 3) but the fills have anti-aliased rotated/curved edges,
// so the edge rule applies: ~4000 px of edge.
function draw(ctx, canvas, env) {
  ctx.fillStyle = '#f8f8f8';
  ctx.fillRect(0, 0, 240, 180);
  const lg = ctx.createLinearGradient(0, 0, 60, 0);
  lg.addColorStop(0, '#c00'); lg.addColorStop(0.5, '#fd0'); lg.addColorStop(1, '#06c');
  ctx.fillStyle = lg;
  ctx.fillRect(0, 0, 60, 20);                       // untransformed reference
  ctx.save(); ctx.translate(70, 0); ctx.fillRect(0, 0, 60, 20); ctx.restore();           // moves with translate
  ctx.save(); ctx.translate(140, 0); ctx.scale(1.5, 1); ctx.fillRect(0, 0, 60, 20); ctx.restore(); // stretched
  ctx.fillRect(0, 25, 200, 12);                     // pad beyond x=60 in device space
  ctx.save();
  ctx.translate(40, 58);
  ctx.rotate(Math.PI / 3);
  ctx.fillRect(0, -10, 60, 20);                      // rotated rect, the whole gradient rotated with it
  ctx.restore();
  // radial gradient under a non-uniform scale: elliptical rings
  const rg = ctx.createRadialGradient(0, 0, 0, 0, 0, 25);
  rg.addColorStop(0, '#fff'); rg.addColorStop(0.5, '#0a8'); rg.addColorStop(1, '#024');
  ctx.save();
  ctx.translate(160, 80);
  ctx.scale(2, 1);
  ctx.fillStyle = rg;
  ctx.beginPath(); ctx.arc(0, 0, 25, 0, Math.PI * 2); ctx.fill();
  ctx.restore();
  // gradient strokes: thick arc and dashed line
  const sg = ctx.createLinearGradient(10, 0, 110, 0);
  sg.addColorStop(0, '#80f'); sg.addColorStop(1, '#f80');
  ctx.strokeStyle = sg;
  ctx.lineWidth = 10;
  ctx.beginPath(); ctx.arc(60, 150, 25, Math.PI, 0); ctx.stroke();
  ctx.lineWidth = 6;
  ctx.setLineDash([10, 5]);
  ctx.beginPath(); ctx.moveTo(10, 172); ctx.lineTo(110, 172); ctx.stroke();
  ctx.setLineDash([]);
  // globalAlpha x translucent gradient
  ctx.fillStyle = '#222';
  ctx.fillRect(130, 120, 100, 55);
  const ag = ctx.createLinearGradient(130, 0, 230, 0);
  ag.addColorStop(0, 'rgba(255, 255, 255, 1)'); ag.addColorStop(1, 'rgba(0, 255, 128, 0.4)');
  ctx.fillStyle = ag;
  ctx.fillRect(130, 120, 100, 18);
  ctx.globalAlpha = 0.5;
  ctx.fillRect(130, 140, 100, 18);
  ctx.globalAlpha = 0.15;
  ctx.fillRect(130, 160, 100, 15);
  ctx.globalAlpha = 1;
}
