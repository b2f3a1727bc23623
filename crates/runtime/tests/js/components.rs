//! Components as libraries use them, per platform: `triggerEvent` reaching
//! `bind:x` / `bindx` / `catch:x`, `selectComponent(s)` by id and class,
//! `relations`, `externalClasses`, a component drawing and exporting its
//! own canvas through `this.createSelectorQuery()`; Alipay `props` with
//! `onXxx` callbacks.

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, decode, pixel, run_on};

/// Runs a one-page package on `profile` with `taps`; the report and the
/// data folder holding its files.
fn run_keeping(
    profile: &str,
    files: &[(&str, &str)],
    taps: &[&str],
) -> (mpcanvas_runtime::run::RunReport, Pkg) {
    let pkg = Pkg::new(files);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), profile, taps, Answer::Allow, &out);
    assert_clean(&report);
    (report, out)
}

/// [`run_keeping`] for tests that look at the console only.
fn run(profile: &str, files: &[(&str, &str)], taps: &[&str]) -> mpcanvas_runtime::run::RunReport {
    run_keeping(profile, files, taps).0
}

const COUNTER: &str = "Component({
    lifetimes: { ready() {
        this.triggerEvent('progress', { n: 1 });
        this.triggerEvent('done', { ok: true });
        this.triggerEvent('closed');
        this.triggerEvent('unbound', 1);
    } },
});";

const EVENTS_PAGE: &str = "Page({
    onDone(e) { console.log(['done', e.type, e.detail.ok, e.currentTarget.id, e.currentTarget.dataset.role, e.target.id].join(' ')); },
    onProgress(e) { console.log('progress ' + e.detail.n); },
    onClosed(e) { console.log('closed ' + e.detail); },
});";

#[test]
fn trigger_event_reaches_bind_colon_bindx_and_catch_colon_handlers_on_wechat_and_douyin() {
    for (profile, ext, ns) in [("wechat", "wxml", "wx"), ("douyin", "ttml", "tt")] {
        let markup = format!("index.{ext}");
        let page = format!("{EVENTS_PAGE}\nconsole.log(typeof {ns});");
        let report = run(
            profile,
            &[
                (
                    "index.json",
                    r#"{"usingComponents": {"counter": "./counter/counter"}}"#,
                ),
                (
                    &markup,
                    r#"<counter id="c" data-role="main" bind:done="onDone" bindprogress="onProgress" catch:closed="onClosed"/>"#,
                ),
                ("index.js", &page),
                ("counter/counter.json", r#"{"component": true}"#),
                ("counter/counter.js", COUNTER),
            ],
            &[],
        );
        assert_eq!(
            console(&report),
            [
                "object",
                "progress 1",
                "done done true c main c",
                "closed undefined"
            ],
            "{profile}"
        );
    }
}

#[test]
fn select_component_and_select_all_components_by_id_and_class() {
    let report = run(
        "wechat",
        &[
            ("index.json", r#"{"usingComponents": {"item": "/components/item/item"}}"#),
            (
                "index.wxml",
                r#"<view><item id="a" class="item first"/><item id="b" class="item"/><item id="c" name="third"/></view>"#,
            ),
            (
                "index.js",
                "Page({ onReady() {
                    const all = this.selectAllComponents('.item');
                    console.log(all.length + ' ' + all.map(c => c.id).join(','));
                    console.log(this.selectComponent('#c').data.name + ' ' + this.selectComponent('.first').id);
                    console.log(String(this.selectComponent('#none')) + ' ' + this.selectAllComponents('.none').length);
                    console.log(this.selectComponent('#b').hello());
                } });",
            ),
            (
                "components/item/item.js",
                "Component({ properties: { name: { type: String, value: 'unnamed' } }, methods: { hello() { return 'hello from ' + this.id; } } });",
            ),
        ],
        &[],
    );
    assert_eq!(
        console(&report),
        ["2 a,b", "third a", "null 0", "hello from b"]
    );
}

#[test]
fn relations_link_parent_child_and_ancestor_descendant_then_unlink() {
    let report = run(
        "wechat",
        &[
            ("index.json", r#"{"usingComponents": {"list": "/components/list/list"}}"#),
            ("index.wxml", r#"<list id="l"/>"#),
            ("index.js", "Page({});"),
            ("components/list/list.json", r#"{"component": true, "usingComponents": {"item": "../item/item"}}"#),
            ("components/list/list.wxml", r#"<item id="i1"/><item id="i2"/>"#),
            (
                "components/list/list.js",
                "Component({
                    relations: {
                        '../item/item': {
                            type: 'child',
                            linked(t) { console.log('list linked ' + t.id); },
                            unlinked(t) { console.log('list unlinked ' + t.id); },
                        },
                        '../leaf/leaf': { type: 'descendant', linked(t) { console.log('list got leaf ' + t.data.name); } },
                    },
                    lifetimes: { ready() { console.log('list has ' + this.getRelationNodes('../item/item').map(i => i.id).join(',')); } },
                });",
            ),
            ("components/item/item.json", r#"{"component": true, "usingComponents": {"leaf": "/components/leaf/leaf"}}"#),
            ("components/item/item.wxml", r#"<leaf name="small"/>"#),
            (
                "components/item/item.js",
                "Component({ relations: { '../list/list': { type: 'parent', linked(t) {
                    console.log('item ' + this.id + ' in ' + t.is + ' ' + (this.getRelationNodes('../list/list')[0] === t));
                } } } });",
            ),
            (
                "components/leaf/leaf.js",
                "Component({ properties: { name: String }, relations: {
                    './../list/list': { type: 'ancestor', linked() { console.log('leaf under list'); } },
                    '../item/item': { type: 'parent', linked() { console.log('never: item declares no child'); } },
                } });",
            ),
        ],
        &[],
    );
    assert_eq!(
        console(&report),
        [
            "list linked i1",
            "item i1 in components/list/list true",
            "list got leaf small",
            "leaf under list",
            "list linked i2",
            "item i2 in components/list/list true",
            "list got leaf small",
            "leaf under list",
            "list has i1,i2",
            "list unlinked i2",
            "list unlinked i1",
        ]
    );
}

#[test]
fn external_classes_stand_for_the_classes_the_user_sets() {
    for (profile, ext) in [("wechat", "wxml"), ("douyin", "ttml")] {
        let page = format!("index.{ext}");
        let card = format!("card/card.{ext}");
        let report = run(
            profile,
            &[
                ("index.json", r#"{"usingComponents": {"card": "./card/card"}}"#),
                (&page, r#"<card id="k" title-class="big red"/>"#),
                ("index.js", "Page({});"),
                ("card/card.json", r#"{"component": true}"#),
                (
                    &card,
                    r#"<canvas type="2d" id="cv" class="title-class" style="width: 12px; height: 8px"/>"#,
                ),
                (
                    "card/card.js",
                    "Component({ externalClasses: ['title-class'], lifetimes: { ready() {
                        this.createSelectorQuery().select('.red').fields({ id: true, size: true }).exec(r => console.log(r[0].id + ' ' + r[0].width));
                        this.createSelectorQuery().select('.title-class').fields({ id: true }).exec(r => console.log(String(r[0])));
                    } } });",
                ),
            ],
            &[],
        );
        assert_eq!(console(&report), ["cv 12", "null"], "{profile}");
    }
}

#[test]
fn a_component_draws_and_exports_its_own_canvas_to_the_album() {
    let (report, _data) = run_keeping(
        "wechat",
        &[
            ("index.json", r#"{"usingComponents": {"poster": "./poster/poster"}}"#),
            ("index.wxml", r##"<poster id="p" color="#00ff00" bind:saved="onSaved"/>"##),
            (
                "index.js",
                "Page({ save() { this.selectComponent('#p').export(); }, onSaved(e) { console.log('saved ' + e.detail.ok); } });",
            ),
            ("poster/poster.json", r#"{"component": true}"#),
            (
                "poster/poster.wxml",
                r#"<canvas type="2d" id="cv" style="width: 50px; height: 40px"/>"#,
            ),
            (
                "poster/poster.js",
                "Component({
                    properties: { color: String },
                    lifetimes: { ready() {
                        this.createSelectorQuery().select('#cv').fields({ node: true, size: true }).exec(([r]) => {
                            r.node.width = r.width; r.node.height = r.height;
                            const ctx = r.node.getContext('2d');
                            ctx.fillStyle = this.data.color; ctx.fillRect(0, 0, r.width, r.height);
                            this.canvas = r.node;
                        });
                    } },
                    methods: { export() {
                        wx.canvasToTempFilePath({ canvas: this.canvas, success: (res) =>
                            wx.saveImageToPhotosAlbum({ filePath: res.tempFilePath, success: () => this.triggerEvent('saved', { ok: true }) }) }, this);
                    } },
                });",
            ),
        ],
        &["save"],
    );
    assert_eq!(console(&report), ["saved true"]);
    assert_eq!(report.album.len(), 1);
    let image = decode(&report.album[0].real_path);
    assert_eq!((image.width(), image.height()), (100, 80));
    assert_eq!(pixel(&image, 50, 40), [0, 255, 0, 255]);
}

#[test]
fn alipay_components_take_props_and_call_on_callbacks_of_the_page() {
    let report = run(
        "alipay",
        &[
            (
                "index.json",
                r#"{"usingComponents": {"card": "/components/card/card"}}"#,
            ),
            (
                "index.axml",
                r#"<card title="{{t}}" count="{{3}}" onDone="handleDone"/>"#,
            ),
            (
                "index.js",
                "Page({ data: { t: 'hello' }, handleDone(v) { console.log('done ' + v + ' ' + (this === getCurrentPages()[0]) + ' ' + typeof my); } });",
            ),
            ("components/card/card.json", r#"{"component": true}"#),
            ("components/card/card.axml", "<view>{{title}}</view>"),
            (
                "components/card/card.js",
                "Component({
                    props: { title: 'default', count: 0, onDone: () => {} },
                    didMount() {
                        this.props.onDone(this.props.title + ' ' + this.props.count);
                    },
                });",
            ),
        ],
        &[],
    );
    assert_eq!(console(&report), ["done hello 3 true object"]);
}

#[test]
fn npm_components_follow_each_platforms_layout_in_a_run() {
    // Douyin: built into miniprogram_npm, named `ext://package/alias`.
    let report = run(
        "douyin",
        &[
            (
                "index.json",
                r#"{"usingComponents": {"badge": "ext://tt-badge/badge"}}"#,
            ),
            ("index.ttml", r#"<badge id="b" label="tt"/>"#),
            (
                "index.js",
                "Page({ onReady() { console.log('douyin ' + this.selectComponent('#b').data.label); } });",
            ),
            (
                "miniprogram_npm/tt-badge/package.json",
                r#"{"name": "tt-badge", "exports": {"components": {"badge": "./components/badge/index"}}}"#,
            ),
            (
                "miniprogram_npm/tt-badge/components/badge/index.json",
                r#"{"component": true}"#,
            ),
            (
                "miniprogram_npm/tt-badge/components/badge/index.js",
                "Component({ properties: { label: String } });",
            ),
        ],
        &[],
    );
    assert_eq!(console(&report), ["douyin tt"]);
    // Alipay: node_modules as installed, the component's path in the package.
    let report = run(
        "alipay",
        &[
            (
                "index.json",
                r#"{"usingComponents": {"badge": "ali-badge/es/badge/index"}}"#,
            ),
            ("index.axml", r#"<badge label="ali" onShown="shown"/>"#),
            (
                "index.js",
                "Page({ shown(label) { console.log('alipay ' + label); } });",
            ),
            (
                "node_modules/ali-badge/package.json",
                r#"{"name": "ali-badge", "main": "es/index.js"}"#,
            ),
            (
                "node_modules/ali-badge/es/badge/index.json",
                r#"{"component": true}"#,
            ),
            (
                "node_modules/ali-badge/es/badge/index.js",
                "Component({ props: { label: '', onShown: () => {} }, didMount() { this.props.onShown(this.props.label); } });",
            ),
        ],
        &[],
    );
    assert_eq!(console(&report), ["alipay ali"]);
}
