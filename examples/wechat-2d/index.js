// A share poster on a Canvas 2D node (WeChat `type="2d"`): drawn at the
// device pixel ratio on load, exported and saved to the album on tap.
const W = 300;
const H = 480;

Page({
  data: { saved: '' },

  onReady() {
    wx.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res) => {
        const canvas = res[0].node;
        const dpr = wx.getWindowInfo().pixelRatio;
        canvas.width = res[0].width * dpr;
        canvas.height = res[0].height * dpr;
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        drawPoster(ctx);
        this.canvas = canvas;
      });
  },

  save() {
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      fileType: 'png',
      success: (res) => {
        wx.saveImageToPhotosAlbum({
          filePath: res.tempFilePath,
          success: () => {
            this.setData({ saved: res.tempFilePath });
            wx.showToast({ title: 'Saved to album' });
          },
          fail: (err) => console.error('save failed:', err.errMsg),
        });
      },
      fail: (err) => console.error('export failed:', err.errMsg),
    });
  },
});

function drawPoster(ctx) {
  // Background: a vertical gradient with soft glow circles.
  const bg = ctx.createLinearGradient(0, 0, 0, H);
  bg.addColorStop(0, '#1e3c72');
  bg.addColorStop(1, '#2a5298');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);

  const glow = ctx.createRadialGradient(240, 80, 0, 240, 80, 140);
  glow.addColorStop(0, 'rgba(255, 210, 120, 0.8)');
  glow.addColorStop(1, 'rgba(255, 210, 120, 0)');
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, W, H);

  // A white card with a shadow.
  ctx.save();
  ctx.shadowColor = 'rgba(0, 0, 0, 0.35)';
  ctx.shadowBlur = 16;
  ctx.shadowOffsetY = 6;
  ctx.fillStyle = '#fff';
  ctx.beginPath();
  ctx.roundRect(24, 120, W - 48, 300, 16);
  ctx.fill();
  ctx.restore();

  // Product "photo": a clipped conic-gradient disc.
  ctx.save();
  ctx.beginPath();
  ctx.arc(W / 2, 220, 70, 0, Math.PI * 2);
  ctx.clip();
  const photo = ctx.createConicGradient(0, W / 2, 220);
  ['#ff6b6b', '#feca57', '#48dbfb', '#1dd1a1', '#ff6b6b'].forEach((c, i, a) =>
    photo.addColorStop(i / (a.length - 1), c));
  ctx.fillStyle = photo;
  ctx.fillRect(W / 2 - 70, 150, 140, 140);
  ctx.restore();

  // Title over the background.
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 26px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('夏日限定 Summer Sale', W / 2, 70);
  ctx.font = '14px sans-serif';
  ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
  ctx.fillText('扫码领取专属优惠券', W / 2, 96);

  // Price tag and a dashed divider.
  ctx.fillStyle = '#e74c3c';
  ctx.beginPath();
  ctx.roundRect(W / 2 - 50, 310, 100, 32, 16);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = 'bold 18px sans-serif';
  ctx.textBaseline = 'middle';
  ctx.fillText('¥ 99.00', W / 2, 326);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#666';
  ctx.font = '12px sans-serif';
  ctx.fillText('长按识别小程序码', 40, 400);
  ctx.strokeStyle = '#ccc';
  ctx.setLineDash([6, 4]);
  ctx.beginPath();
  ctx.moveTo(40, 362);
  ctx.lineTo(W - 40, 362);
  ctx.stroke();
  ctx.setLineDash([]);

  // A QR-code-like block pattern.
  ctx.fillStyle = '#222';
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      if ((x * 7 + y * 13 + x * y) % 3 === 0) ctx.fillRect(W - 100 + x * 6, 372 + y * 6, 6, 6);
    }
  }
}
