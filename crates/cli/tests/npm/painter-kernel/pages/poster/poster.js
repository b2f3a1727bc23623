// painter-kernel ships no README; this page follows its type declarations
// (dist/pen.d.ts: `new Pen(ctx, palette).paint(callback)` on a standard
// CanvasRenderingContext2D) and the Painter component that wraps it: a
// `type="2d"` canvas node sized by the device pixel ratio.
const { Pen, setStringPrototype } = require("painter-kernel");

const palette = {
  width: "600rpx",
  height: "400rpx",
  background: "#eeeeee",
  views: [
    { type: "rect", css: { left: "40rpx", top: "40rpx", width: "200rpx", height: "120rpx", color: "#ff0000" } },
    { type: "rect", css: { left: "300rpx", top: "40rpx", width: "200rpx", height: "120rpx", color: "#008000", borderRadius: "20rpx" } },
    { type: "text", text: "painter", css: { left: "40rpx", top: "240rpx", fontSize: "48rpx", color: "#000000" } },
  ],
};

Page({
  onReady() {
    const { pixelRatio, screenWidth } = wx.getSystemInfoSync();
    setStringPrototype(screenWidth / 750, 1);
    wx.createSelectorQuery()
      .select("#poster")
      .fields({ node: true, size: true })
      .exec((res) => {
        const canvas = res[0].node;
        canvas.width = res[0].width * pixelRatio;
        canvas.height = res[0].height * pixelRatio;
        const ctx = canvas.getContext("2d");
        ctx.scale(pixelRatio, pixelRatio);
        new Pen(ctx, palette).paint(() => {
          this.canvas = canvas;
        });
      });
  },
  save() {
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      success: (res) => wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
      fail: (err) => console.error("export failed", err.errMsg),
    });
  },
});
