// An invitation card for the guest named in the page's query
// (`pages/invite/index?guest=…`), saved to the album on tap.
const W = 240;
const H = 320;

Page({
  onLoad(options) {
    this.guest = options.guest || '朋友';
  },

  onReady() {
    wx.createSelectorQuery()
      .select('#invite')
      .fields({ node: true, size: true })
      .exec((res) => {
        const canvas = res[0].node;
        const dpr = wx.getWindowInfo().pixelRatio;
        canvas.width = res[0].width * dpr;
        canvas.height = res[0].height * dpr;
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        drawCard(ctx, this.guest);
        this.canvas = canvas;
      });
  },

  save() {
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      success: (res) => wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
      fail: (err) => console.error('export failed:', err.errMsg),
    });
  },
});

function drawCard(ctx, guest) {
  const bg = ctx.createLinearGradient(0, 0, W, H);
  bg.addColorStop(0, '#ff9a9e');
  bg.addColorStop(1, '#fad0c4');
  ctx.fillStyle = bg;
  ctx.fillRect(0, 0, W, H);

  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.beginPath();
  ctx.roundRect(20, 60, W - 40, 200, 12);
  ctx.fill();

  ctx.fillStyle = '#c0392b';
  ctx.textAlign = 'center';
  ctx.font = 'bold 22px sans-serif';
  ctx.fillText('邀请函 Invitation', W / 2, 40);
  ctx.fillStyle = '#333';
  ctx.font = '16px sans-serif';
  ctx.fillText(`亲爱的 ${guest}`, W / 2, 120);
  ctx.font = '13px sans-serif';
  ctx.fillText('诚邀您参加新品发布会', W / 2, 160);
  ctx.fillText(new Date().toLocaleDateString('zh-CN'), W / 2, 200);
}
