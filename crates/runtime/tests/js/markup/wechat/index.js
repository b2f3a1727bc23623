// Logs, as JSON, what selector queries see before and after setData.
function report(page, label, done) {
  page.createSelectorQuery()
    .select('#sized').fields({ node: true, size: true })
    .select('#a').boundingClientRect()
    .select('#b').boundingClientRect()
    .select('#c').boundingClientRect()
    .selectAll('.cell').fields({ id: true, size: true })
    .select('#tpl-canvas').fields({ node: true, size: true })
    .select('#included').boundingClientRect()
    .select('#in-7').fields({ id: true })
    .selectAll('.odd').boundingClientRect()
    .select('#never').boundingClientRect()
    .select('#gone').fields({ size: true, node: true })
    .exec(function (res) {
      console.log(label + ' ' + JSON.stringify({
        sized: [res[0].width, res[0].height, !!res[0].node],
        a: res[1] && res[1].width, b: res[2] && res[2].width, c: res[3] && res[3].width,
        cells: res[4].map(function (c) { return c.id + ':' + c.width + 'x' + c.height; }),
        tpl: res[5] && [res[5].width, res[5].height, !!res[5].node],
        included: res[6] && res[6].width,
        inline: res[7] && res[7].id,
        odd: res[8].length,
        never: res[9],
        hidden: [res[10].width, res[10].height, !!res[10].node],
      }));
      if (done) done();
    });
}

Page({
  data: {
    pad: 4, w: 150, h: 300, mode: 'a', list: [1, 2, 3], tpl: 'posterCanvas',
    rows: [{ id: 1, cells: [5, 6] }, { id: 2, cells: [7] }],
    poster: { id: 'tpl-canvas', width: 100, height: 80 },
    user: { name: 'Ada' },
  },
  onReady() {
    var page = this;
    report(page, 'first', function () {
      page.setData({ mode: 'b', 'rows[1].cells': [8, 9, 10], w: 10, 'poster.width': 50 }, function () {
        report(page, 'second', function () {
          page.setData({ mode: 'z' }, function () { report(page, 'third'); });
        });
      });
    });
  },
});
