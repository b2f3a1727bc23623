// A WeChat mini-game: the first wx.createCanvas() is the screen. A tap on
// GameGlobal.save() (what `--tap save` calls) exports it with the canvas's own toTempFilePath and saves it.
const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
const { windowWidth, windowHeight } = wx.getSystemInfoSync();

const sky = ctx.createLinearGradient(0, 0, 0, windowHeight);
sky.addColorStop(0, '#0f2027');
sky.addColorStop(1, '#2c5364');
ctx.fillStyle = sky;
ctx.fillRect(0, 0, windowWidth, windowHeight);

ctx.fillStyle = '#f9d423';
ctx.shadowColor = '#f9d423';
ctx.shadowBlur = 20;
ctx.beginPath();
ctx.arc(windowWidth * 0.7, 140, 40, 0, Math.PI * 2);
ctx.fill();
ctx.shadowBlur = 0;

ctx.fillStyle = '#1b2a30';
ctx.beginPath();
ctx.moveTo(0, windowHeight);
for (let x = 0; x <= windowWidth; x += 25) {
  ctx.lineTo(x, windowHeight - 160 - 60 * Math.abs(Math.sin(x / 60)));
}
ctx.lineTo(windowWidth, windowHeight);
ctx.fill();

ctx.fillStyle = '#ffffff';
ctx.font = 'bold 32px sans-serif';
ctx.textAlign = 'center';
ctx.fillText('最高分 12,480', windowWidth / 2, 260);

// Mini-game scripts run as modules: a tap handler must be on GameGlobal.
GameGlobal.save = function save() {
  canvas.toTempFilePath({
    x: 0, y: 0, width: windowWidth, height: windowHeight,
    destWidth: windowWidth, destHeight: windowHeight,
    success(res) {
      wx.saveImageToPhotosAlbum({
        filePath: res.tempFilePath,
        success: () => console.log('saved', res.tempFilePath),
        fail: (e) => console.error(e.errMsg),
      });
    },
    fail: (e) => console.error(e.errMsg),
  });
};
