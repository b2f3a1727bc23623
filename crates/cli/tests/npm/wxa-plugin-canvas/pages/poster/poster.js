// wxa-plugin-canvas' README: the poster component bound to a config,
// its success event, and "异步生成海报" (Poster.create after setData).
import Poster from 'wxa-plugin-canvas/poster/poster';

Page({
  data: {
    posterConfig: {},
  },
  onPosterSuccess(e) {
    const { detail } = e;
    wx.saveImageToPhotosAlbum({ filePath: detail });
  },
  onPosterFail(err) {
    console.error(err);
  },
  onCreatePoster() {
    this.setData({
      posterConfig: {
        width: 600,
        height: 400,
        backgroundColor: '#ffffff',
        debug: false,
        pixelRatio: 1,
        blocks: [
          { x: 0, y: 0, width: 600, height: 100, backgroundColor: '#ff0000' },
          { x: 40, y: 160, width: 200, height: 120, backgroundColor: '#0000ff', borderRadius: 20 },
        ],
        texts: [
          { x: 300, y: 60, text: '海报标题', fontSize: 40, color: '#ffffff', baseLine: 'middle', textAlign: 'center', zIndex: 10 },
        ],
        images: [
          { x: 400, y: 160, url: '/pages/poster/square.png', width: 120, height: 120 },
        ],
        lines: [
          { startX: 40, startY: 360, endX: 560, endY: 360, width: 4, color: '#00ff00' },
        ],
      },
    }, () => {
      Poster.create(true);
    });
  },
});
