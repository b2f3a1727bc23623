// Written from mp-painter's README ("Hello World") and its wiki page on
// native WeChat mini-programs: the default export draws on the legacy
// context of a canvas-id canvas; sizes are in rpx (750rpx = screen width).
import Painter from "mp-painter";

Page({
  async onReady() {
    const painter = new Painter(wx.createCanvasContext("poster"));
    await painter.draw({
      type: "container",
      children: [
        { type: "rect", position: "absolute", left: 0, top: 0, width: 600, height: 400, background: "#1e90ff" },
        { type: "rect", position: "absolute", left: 40, top: 40, width: 200, height: 120, background: "#ff0000", borderRadius: 16 },
        { type: "text", position: "absolute", left: 40, top: 240, color: "#ffffff", fontSize: 60, content: "Hello World" },
      ],
    });
    this.drawn = true;
  },
  save() {
    wx.canvasToTempFilePath({
      canvasId: "poster",
      success: (res) => wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
      fail: (err) => console.error("export failed", err.errMsg),
    });
  },
});
