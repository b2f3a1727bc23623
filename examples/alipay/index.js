// An Alipay poster on the legacy canvas context: recorded calls replayed
// by draw(), exported with the context's own toTempFilePath (apFilePath)
// and saved with my.saveImageToPhotosAlbum after the album prompt.
Page({
  onReady() {
    this.ctx = my.createCanvasContext('poster');
    drawPoster(this.ctx);
    this.ctx.draw();
  },

  save() {
    this.ctx.toTempFilePath({
      fileType: 'jpg',
      quality: 0.9,
      success: (res) => {
        my.saveImageToPhotosAlbum({
          filePath: res.apFilePath,
          success: () => my.showToast({ content: 'Saved' }),
          fail: (err) => console.error('save failed', err.error, err.errorMessage),
        });
      },
      fail: (err) => console.error('export failed', err.error, err.errorMessage),
    });
  },
});

function drawPoster(ctx) {
  const bg = ctx.createLinearGradient(0, 0, 300, 480);
  bg.addColorStop(0, '#1677ff');
  bg.addColorStop(1, '#00b578');
  ctx.setFillStyle(bg);
  ctx.fillRect(0, 0, 300, 480);

  ctx.setShadow(0, 4, 12, 'rgba(0,0,0,0.3)');
  ctx.setFillStyle('#ffffff');
  ctx.fillRect(30, 110, 240, 300);
  ctx.setShadow(0, 0, 0, 'transparent');

  ctx.setFillStyle('#ff8f1f');
  ctx.beginPath();
  ctx.arc(150, 220, 60, 0, 2 * Math.PI);
  ctx.fill();

  ctx.setStrokeStyle('#1677ff');
  ctx.setLineWidth(4);
  ctx.setLineCap('round');
  ctx.beginPath();
  ctx.moveTo(70, 330);
  ctx.lineTo(230, 330);
  ctx.stroke();

  ctx.setFillStyle('#333333');
  for (let i = 0; i < 5; i++) ctx.fillRect(70 + i * 34, 350, 24, 24);

  ctx.setFillStyle('#ffffff');
  ctx.setFontSize(24);
  ctx.setTextAlign('center');
  ctx.fillText('支付宝 Poster', 150, 70);
  ctx.setFillStyle('#1677ff');
  ctx.setFontSize(14);
  ctx.fillText('会员专享 ¥ 19.9', 150, 312);
}
