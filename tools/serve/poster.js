// @size 750x1000
// The service's load-test poster: what a share poster draws, with no files
// (a render request carries only its script). Gradient background, a
// "photo" made on an offscreen canvas and scaled into place, a card with a
// blurred shadow, a round clipped avatar, tags, a dashed divider, and CJK +
// Latin text. Also runs in @napi-rs/canvas (../../../shared/bench/napi-render.mjs)
// for the warm peer comparison.
function draw(ctx, canvas, env) {
  const W = canvas.width;
  const H = canvas.height;
  const bg = ctx.createLinearGradient(0, 0, 0, H);
  bg.addColorStop(0, '#ff8a3d');
  bg.addColorStop(1, '#ff4d6d');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);

  const photo = env.createCanvas(320, 200);
  const p = photo.getContext('2d');
  const sky = p.createRadialGradient(240, 40, 10, 200, 100, 260);
  sky.addColorStop(0, '#fff6d5');
  sky.addColorStop(0.4, '#7cc6fe');
  sky.addColorStop(1, '#1b4f9c');
  p.fillStyle = sky;
  p.fillRect(0, 0, 320, 200);
  p.fillStyle = '#2e7d32';
  p.beginPath();
  p.moveTo(0, 200);
  p.quadraticCurveTo(90, 90, 170, 150);
  p.quadraticCurveTo(250, 80, 320, 140);
  p.lineTo(320, 200);
  p.fill();

  ctx.save();
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = 24;
  ctx.shadowOffsetY = 8;
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  ctx.roundRect(40, 60, W - 80, H - 120, 24);
  ctx.fill();
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.roundRect(64, 84, W - 128, 380, 16);
  ctx.clip();
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(photo, 64, 84, W - 128, 380);
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.arc(130, 560, 52, 0, Math.PI * 2);
  ctx.clip();
  ctx.drawImage(photo, 60, 20, 120, 120, 78, 508, 104, 104);
  ctx.restore();
  ctx.lineWidth = 4;
  ctx.strokeStyle = '#ff8a3d';
  ctx.beginPath();
  ctx.arc(130, 560, 54, 0, Math.PI * 2);
  ctx.stroke();

  ctx.fillStyle = '#222';
  ctx.font = 'bold 36px sans-serif';
  ctx.fillText('小明 邀请你一起拼团', 206, 550);
  ctx.font = '24px sans-serif';
  ctx.fillStyle = '#888';
  ctx.fillText('Limited offer · 限时特惠 ends Sunday', 206, 592);

  const tags = ['包邮', 'Free returns', '7天无理由'];
  let x = 72;
  ctx.font = '22px sans-serif';
  for (const t of tags) {
    const w = ctx.measureText(t).width + 28;
    ctx.fillStyle = '#fff1e8';
    ctx.beginPath();
    ctx.roundRect(x, 640, w, 40, 20);
    ctx.fill();
    ctx.fillStyle = '#ff6a2a';
    ctx.fillText(t, x + 14, 668);
    x += w + 14;
  }

  ctx.setLineDash([10, 8]);
  ctx.strokeStyle = '#ddd';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(64, 720);
  ctx.lineTo(W - 64, 720);
  ctx.stroke();
  ctx.setLineDash([]);

  ctx.fillStyle = '#ff4d4f';
  ctx.font = 'bold 64px sans-serif';
  ctx.fillText('¥129.00', 64, 820);
  ctx.fillStyle = '#aaa';
  ctx.font = '26px sans-serif';
  ctx.fillText('原价 ¥299', 340, 812);
  ctx.fillRect(340, 803, ctx.measureText('原价 ¥299').width, 2);

  ctx.fillStyle = '#222';
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      if ((i * 7 + j * 3) % 4 !== 0) ctx.fillRect(W - 200 + i * 20, 760 + j * 20, 18, 18);
    }
  }
  ctx.font = '20px sans-serif';
  ctx.fillStyle = '#666';
  ctx.fillText('长按识别小程序码', 64, 900);
}
