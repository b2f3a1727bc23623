// A Douyin page with a Canvas 2D node: drawn at the device pixel ratio,
// exported with tt.canvasToTempFilePath({canvas}) and saved to the album.
Page({
  onReady() {
    tt.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec((res) => {
        const { node: canvas, width, height } = res[0];
        const dpr = tt.getSystemInfoSync().pixelRatio;
        canvas.width = width * dpr;
        canvas.height = height * dpr;
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        const g = ctx.createLinearGradient(0, 0, width, height);
        g.addColorStop(0, '#fe2c55');
        g.addColorStop(1, '#25f4ee');
        ctx.fillStyle = g;
        ctx.fillRect(0, 0, width, height);
        ctx.globalCompositeOperation = 'screen';
        ctx.fillStyle = 'rgba(255,255,255,0.5)';
        for (let i = 0; i < 6; i++) {
          ctx.beginPath();
          ctx.ellipse(150, 200, 120 - i * 15, 40 + i * 10, (i * Math.PI) / 6, 0, Math.PI * 2);
          ctx.fill();
        }
        ctx.globalCompositeOperation = 'source-over';
        ctx.fillStyle = '#161823';
        ctx.font = 'bold 24px sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText('抖音 Douyin', width / 2, height - 40);
        this.canvas = canvas;
      });
  },

  save() {
    tt.canvasToTempFilePath({ canvas: this.canvas })
      .then((res) => tt.saveImageToPhotosAlbum({ filePath: res.tempFilePath }))
      .then(() => console.log('saved'))
      .catch((e) => console.error(e.errMsg));
  },
});
