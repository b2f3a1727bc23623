// Logs what selector queries see before and after setData.
function report(page, label, done) {
  tt.createSelectorQuery()
    .select('#sized').boundingClientRect()
    .select('#a').boundingClientRect()
    .select('#b').boundingClientRect()
    .select('#c').boundingClientRect()
    .selectAll('.cell').boundingClientRect()
    .select('#tpl-canvas').boundingClientRect()
    .select('#included').boundingClientRect()
    .exec(function (res) {
      console.log(label + ' ' + JSON.stringify({
        sized: [res[0].width, res[0].height],
        a: res[1] && res[1].width, b: res[2] && res[2].width, c: res[3] && res[3].width,
        cells: res[4].map(function (c) { return c.id + ':' + c.width + 'x' + c.height; }),
        tpl: res[5] && [res[5].width, res[5].height],
        included: res[6] && res[6].width,
      }));
      if (done) done();
    });
}

Page({
  data: {
    w: 150, h: 300, mode: 'a',
    rows: [{ id: 1, cells: [5, 6] }, { id: 2, cells: [7] }],
    poster: { id: 'tpl-canvas', width: 100, height: 80 },
  },
  save(e) {
    console.log('tap ' + JSON.stringify(e.currentTarget.dataset) + ' ' + JSON.stringify(e.mark));
  },
  onReady() {
    var page = this;
    report(page, 'first', function () {
      page.setData({ mode: 'b', 'rows[1].cells': [8, 9, 10], w: 10 }, function () {
        report(page, 'second');
      });
    });
  },
});
