// The legacy WeChat canvas (canvas-id): draw() replays the recorded calls;
// wx.canvasToTempFilePath({canvasId}) waits for that draw, so exporting
// straight after draw() is never blank.
Page({
  onReady() {
    const ctx = wx.createCanvasContext('poster');
    const bg = ctx.createCircularGradient(150, 160, 300);
    bg.addColorStop(0, '#fdfbfb');
    bg.addColorStop(1, '#c3cfe2');
    ctx.setFillStyle(bg);
    ctx.fillRect(0, 0, 300, 480);

    ctx.setFillStyle('#07c160');
    ctx.beginPath();
    ctx.moveTo(150, 60);
    ctx.lineTo(250, 240);
    ctx.lineTo(50, 240);
    ctx.closePath();
    ctx.fill();

    ctx.setStrokeStyle('#333');
    ctx.setLineWidth(3);
    ctx.setLineDash([10, 5], 0);
    ctx.strokeRect(40, 280, 220, 150);
    ctx.setFillStyle('#333');
    ctx.setFontSize(20);
    ctx.setTextAlign('center');
    ctx.fillText('邀请好友 Invite', 150, 340);
    ctx.setFontSize(14);
    ctx.fillText('双方各得 10 元红包', 150, 372);
    ctx.draw();
  },

  save() {
    wx.canvasToTempFilePath({ canvasId: 'poster', fileType: 'jpg', quality: 0.9 })
      .then((res) => wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }))
      .then(() => wx.showToast({ title: 'Saved' }))
      .catch((err) => console.error(err.errMsg));
  },
});
