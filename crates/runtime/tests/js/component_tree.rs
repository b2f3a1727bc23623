//! Components follow the rendered tree, per dialect: a component element
//! that a later `setData` adds (`if` turning true, a longer `for` list, a
//! template switched by `is`) is created with its lifecycles and bound
//! properties; one a render removes is detached and no longer found;
//! components in a keyed `for` keep their instances (and follow their
//! bindings) when items move; relations link and unlink as items come and
//! go.

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, run_on};

/// The console of a run of `files` on `profile`, which must be clean.
fn lines(profile: &str, files: &[(&str, &str)]) -> Vec<String> {
    let pkg = Pkg::new(files);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), profile, &[], Answer::Allow, &out);
    assert_clean(&report);
    console(&report)
}

/// The page markup in a dialect (`p` the directive prefix): a card behind
/// a condition, a keyed list of cards, a card in a template chosen by
/// `is`.
fn page_markup(p: &str) -> String {
    format!(
        r#"<card {p}if="{{{{show}}}}" id="solo" label="{{{{label}}}}"/>
<view {p}for="{{{{items}}}}" {p}key="id"><card id="{{{{item.id}}}}" class="listed" label="{{{{item.name}}}}"/></view>
<template is="{{{{tpl}}}}" data="{{{{n: 1}}}}"/>
<template name="a"><card id="ta" label="a"/></template>
<template name="b"><card id="tb" label="b"/></template>"#
    )
}

/// The page (WeChat / Douyin / Alipay: `ns` names the namespace only in
/// messages): it shows the solo card, moves the keyed list (renaming two
/// items, adding one), then hides the solo card, shortens the list and
/// switches the template.
const PAGE: &str = "Page({
    data: { show: false, label: 'S', items: [{ id: 'x', name: 'X' }, { id: 'y', name: 'Y' }], tpl: 'a' },
    listed() {
        return this.selectAllComponents('.listed').map((c) => c.id + '=' + (c.data.label || c.props.label)).join(',');
    },
    onReady() {
        console.log('page ready ' + this.listed());
        this.setData({ show: true });
        const solo = this.selectComponent('#solo');
        console.log('solo found ' + (solo !== null));
        this.setData({ items: [{ id: 'y', name: 'Y2' }, { id: 'x', name: 'X' }, { id: 'z', name: 'Z' }] });
        console.log('moved ' + this.listed());
        this.setData({ show: false, items: [{ id: 'z', name: 'Z' }], tpl: 'b' });
        console.log('shrunk ' + this.listed() + ' solo ' + this.selectComponent('#solo') + ' ta ' + this.selectComponent('#ta') + ' tb ' + (this.selectComponent('#tb') !== null));
    },
});";

/// A WeChat-style card (WeChat and Douyin): lifecycles and the label's
/// observer logged.
const CARD: &str = "Component({
    properties: { label: { type: String, value: '', observer(n, o) { if (o !== undefined) console.log('label ' + this.id + ' ' + o + '>' + n); } } },
    lifetimes: {
        created() { console.log('created ' + this.id); },
        attached() { console.log('attached ' + this.id + ' ' + this.data.label); },
        ready() { console.log('ready ' + this.id); },
        detached() { console.log('detached ' + this.id); },
    },
});";

/// What the WeChat-style page and card log: first mount (x, y, ta), the
/// solo card created synchronously by `setData` and ready after it, the
/// keyed move (y renamed, x kept, z created), then solo, x, y and ta
/// detached while tb is created; at unload the rest detach.
const WECHAT_STYLE: &[&str] = &[
    "created x",
    "created y",
    "created ta",
    "attached x X",
    "attached y Y",
    "attached ta a",
    "ready ta",
    "ready y",
    "ready x",
    "page ready x=X,y=Y",
    "created solo",
    "attached solo S",
    "solo found true",
    "created z",
    "attached z Z",
    "label y Y>Y2",
    "moved y=Y2,x=X,z=Z",
    "detached solo",
    "detached y",
    "detached x",
    "detached ta",
    "created tb",
    "attached tb b",
    "shrunk z=Z solo null ta null tb true",
    "ready solo",
    "ready z",
    "ready tb",
    "detached tb",
    "detached z",
];

#[test]
fn components_added_and_removed_by_set_data_follow_the_wxml_and_ttml_tree() {
    for (profile, ext, p) in [("wechat", "wxml", "wx:"), ("douyin", "ttml", "tt:")] {
        let markup = page_markup(p);
        let got = lines(
            profile,
            &[
                (
                    "index.json",
                    r#"{"usingComponents": {"card": "./card/card"}}"#,
                ),
                (&format!("index.{ext}"), &markup),
                ("index.js", PAGE),
                ("card/card.json", r#"{"component": true}"#),
                ("card/card.js", CARD),
            ],
        );
        assert_eq!(got, WECHAT_STYLE, "{profile}");
    }
}

#[test]
fn alipay_components_mount_and_unmount_as_set_data_changes_the_axml_tree() {
    let card = "Component({
        props: { label: '' },
        onInit() { console.log('init ' + this.props.label); },
        didMount() { console.log('mount ' + this.props.label); },
        didUpdate(prev) { console.log('update ' + prev.label + '>' + this.props.label); },
        didUnmount() { console.log('unmount ' + this.props.label); },
    });";
    let got = lines(
        "alipay",
        &[
            (
                "index.json",
                r#"{"usingComponents": {"card": "./card/card"}}"#,
            ),
            ("index.axml", &page_markup("a:")),
            ("index.js", PAGE),
            ("card/card.json", r#"{"component": true}"#),
            ("card/card.js", card),
        ],
    );
    assert_eq!(
        got,
        [
            "init X",
            "init Y",
            "init a",
            "mount a",
            "mount Y",
            "mount X",
            "page ready x=X,y=Y",
            "init S",
            "solo found true",
            "init Z",
            "update Y>Y2",
            "moved y=Y2,x=X,z=Z",
            "unmount S",
            "unmount Y2",
            "unmount X",
            "unmount a",
            "init b",
            "shrunk z=Z solo null ta null tb true",
            "mount S",
            "mount Z",
            "mount b",
            "unmount b",
            "unmount Z",
        ]
    );
}

#[test]
fn relations_link_items_a_later_set_data_adds_and_unlink_those_it_removes() {
    for (profile, ext, p) in [("wechat", "wxml", "wx:"), ("douyin", "ttml", "tt:")] {
        let list_markup = format!(r#"<item {p}for="{{{{n}}}}" id="i{{{{item}}}}"/>"#);
        let got = lines(
            profile,
            &[
                ("index.json", r#"{"usingComponents": {"list": "/components/list/list"}}"#),
                (&format!("index.{ext}"), "<list id=\"l\"/>"),
                ("index.js", "Page({ onReady() {
                    const list = this.selectComponent('#l');
                    list.setData({ n: 3 });
                    console.log('three ' + list.getRelationNodes('../item/item').map((i) => i.id).join(','));
                    list.setData({ n: 1 });
                    console.log('one ' + list.getRelationNodes('../item/item').map((i) => i.id).join(','));
                } });"),
                ("components/list/list.json", r#"{"component": true, "usingComponents": {"item": "../item/item"}}"#),
                (&format!("components/list/list.{ext}"), &list_markup),
                (
                    "components/list/list.js",
                    "Component({
                        data: { n: 2 },
                        relations: { '../item/item': {
                            type: 'child',
                            linked(t) { console.log('linked ' + t.id); },
                            unlinked(t) { console.log('unlinked ' + t.id); },
                        } },
                    });",
                ),
                ("components/item/item.json", r#"{"component": true}"#),
                (
                    "components/item/item.js",
                    "Component({ relations: { '../list/list': { type: 'parent' } }, lifetimes: { detached() { console.log('detached ' + this.id); } } });",
                ),
            ],
        );
        assert_eq!(
            got,
            [
                "linked i0",
                "linked i1",
                "linked i2",
                "three i0,i1,i2",
                "detached i1",
                "unlinked i1",
                "detached i2",
                "unlinked i2",
                "one i0",
                "detached i0",
                "unlinked i0",
            ],
            "{profile}"
        );
    }
}
