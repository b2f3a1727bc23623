// A Feishu (Lark) page: legacy tt.createCanvasContext, exported with
// tt.canvasToTempFilePath({canvasId}) and saved after the album prompt.
Page({
  onReady() {
    const ctx = tt.createCanvasContext('demo-canvas');
    ctx.setFillStyle('#3370ff');
    ctx.fillRect(0, 0, 300, 400);
    ctx.setFillStyle('#ffffff');
    ctx.fillRect(20, 60, 260, 280);
    ctx.setFillStyle('#f54a45');
    ctx.beginPath();
    ctx.arc(150, 200, 70, 0, Math.PI * 2);
    ctx.fill();
    ctx.setFillStyle('#ffffff');
    ctx.setFontSize(22);
    ctx.setTextAlign('center');
    ctx.fillText('飞书 Feishu', 150, 40);
    ctx.draw();
  },

  save() {
    tt.canvasToTempFilePath({
      canvasId: 'demo-canvas',
      success: (res) => tt.saveImageToPhotosAlbum({
        filePath: res.tempFilePath,
        success: () => tt.showToast({ title: 'Saved' }),
        fail: (e) => console.error(e.errMsg),
      }),
      fail: (e) => console.error(e.errMsg),
    });
  },
});
