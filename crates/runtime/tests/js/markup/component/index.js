function size(owner, id, done) {
  owner.createSelectorQuery().select(id).fields({ node: true, size: true }).exec(function (res) {
    done(res[0] ? res[0].width + 'x' + res[0].height + (res[0].node ? ' node' : '') : 'null');
  });
}

Page({
  data: { cards: [{ id: 'x', w: 200 }, { id: 'y', w: 100 }] },
  onReady() {
    var page = this;
    var cards = this.selectAllComponents('.card');
    console.log('cards ' + cards.length + ' ' + cards.map(function (c) { return c.data.width; }).join(','));
    size(this.selectComponent('#defaults'), '#poster', function (s) { console.log('defaults ' + s); });
    size(cards[0], '#poster', function (s) { console.log('card-x ' + s); });
    size(this, '#badge-y', function (s) { console.log('slotted ' + s); });
    size(this, '#body-x', function (s) { console.log('default slot ' + s); });
  },
  grow(e) {
    console.log('dataset ' + JSON.stringify(e.currentTarget.dataset) + ' mark ' + JSON.stringify(e.mark));
    var page = this;
    this.setData({ 'cards[0].w': 300 }, function () {
      size(page.selectComponent('#card-x'), '#poster', function (s) { console.log('grown ' + s); });
    });
  },
});
