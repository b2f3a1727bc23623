import drawCard, { type Card, Size } from '../../lib/card';
import type { Theme } from '../../lib/theme';

interface Data {
  card: Card;
}

Page<Data, { canvas?: any }>({
  data: {
    card: { title: 'mpcanvas', price: 19.9 },
  },
  onLoad(query: Record<string, string>) {
    if (query.title) {
      this.setData({ card: { ...this.data.card, title: query.title } });
    }
  },
  onReady() {
    const { pixelRatio } = wx.getSystemInfoSync();
    const theme: Theme = getApp<{ theme: Theme }>().theme;
    wx.createSelectorQuery()
      .select('#poster')
      .fields({ node: true, size: true })
      .exec(([res]: any[]) => {
        const canvas = res.node;
        canvas.width = Size.Width * pixelRatio;
        canvas.height = Size.Height * pixelRatio;
        const ctx = canvas.getContext('2d');
        ctx.scale(pixelRatio, pixelRatio);
        drawCard(ctx, this.data.card, theme);
        this.canvas = canvas;
      });
  },
  save() {
    wx.canvasToTempFilePath({
      canvas: this.canvas,
      success: (res: { tempFilePath: string }) =>
        wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath }),
    });
  },
});
