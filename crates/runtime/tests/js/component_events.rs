//! Component events and relations over the composed tree:
//! `triggerEvent` options (`bubbles`, `composed`, `capturePhase`) with
//! `bind` / `catch` / `capture-bind` / `capture-catch` handlers, as
//! WeChat's component guide's example describes; `relations` between
//! slotted children and the component receiving them, and relations
//! whose other side is named by a behavior (`target`).

use mpcanvas_platform::Answer;

use crate::support::{Pkg, assert_clean, console, run_on};

/// Runs a WeChat package; its console.
fn run(files: &[(&str, &str)]) -> Vec<String> {
    run_on_profile("wechat", files)
}

/// Runs a package on `profile`, its `.wxml` files renamed to the
/// profile's markup extension; its console.
fn run_on_profile(profile: &str, files: &[(&str, &str)]) -> Vec<String> {
    let ext = if profile == "douyin" {
        ".ttml"
    } else {
        ".wxml"
    };
    let renamed: Vec<(String, &str)> = files
        .iter()
        .map(|(name, text)| (name.replace(".wxml", ext), *text))
        .collect();
    let files: Vec<(&str, &str)> = renamed.iter().map(|(n, t)| (n.as_str(), *t)).collect();
    let pkg = Pkg::new(&files);
    let out = Pkg::new(&[]);
    let report = run_on(pkg.path(), profile, &[], Answer::Allow, &out);
    assert_clean(&report);
    console(&report)
}

/// A handler method logging its name, the target and the current target.
fn logger(name: &str) -> String {
    format!(
        "{name}(e) {{ console.log('{name} ' + e.target.id + '>' + e.currentTarget.id + ' ' + e.detail.label); }},"
    )
}

/// A component that fires `customevent` once per option set when ready.
const FIRING: &str = "Component({ lifetimes: { ready() {
    const runs = [
        ['none', {}],
        ['bubbles', { bubbles: true }],
        ['composed', { composed: true }],
        ['both', { bubbles: true, composed: true }],
        ['capture', { bubbles: true, composed: true, capturePhase: true }],
    ];
    for (const [label, options] of runs) {
        console.log('-- ' + label);
        this.triggerEvent('customevent', { label }, options);
    }
} } });";

#[test]
fn trigger_event_options_follow_the_guides_slot_example_on_wechat_and_douyin() {
    // Douyin's component guide gives the same options and the same example.
    for profile in ["wechat", "douyin"] {
        slot_example(profile);
    }
}

fn slot_example(profile: &str) {
    let page = format!(
        "Page({{ {} {} {} {} }});",
        logger("pageListener1"),
        logger("pageListener2"),
        logger("pageCapture1"),
        logger("pageCapture2")
    );
    let another = format!(
        "Component({{ methods: {{ {} }} }});",
        logger("anotherListener")
    );
    let lines = run(&[
        (
            "index.json",
            r#"{"usingComponents": {"another-component": "./another/another", "my-component": "./my/my"}}"#,
        ),
        (
            "index.wxml",
            r#"<another-component id="outer" bind:customevent="pageListener1" capture-bind:customevent="pageCapture1">
  <my-component id="inner" bind:customevent="pageListener2" capture-bind:customevent="pageCapture2"></my-component>
</another-component>"#,
        ),
        ("index.js", &page),
        ("another/another.json", r#"{"component": true}"#),
        (
            "another/another.wxml",
            r#"<view id="wrap" bind:customevent="anotherListener"><slot id="s"/></view>"#,
        ),
        ("another/another.js", &another),
        ("my/my.json", r#"{"component": true}"#),
        (
            "my/my.wxml",
            r#"<view id="own" bind:customevent="myListener"><slot/></view>"#,
        ),
        ("my/my.js", FIRING),
    ]);
    assert_eq!(
        lines,
        [
            "-- none",
            "pageListener2 inner>inner none",
            "-- bubbles",
            "pageListener2 inner>inner bubbles",
            "pageListener1 inner>outer bubbles",
            // Composed alone does not bubble: the target only.
            "-- composed",
            "pageListener2 inner>inner composed",
            // Into another-component through its slot (the target there
            // is the slot), then out at its host.
            "-- both",
            "pageListener2 inner>inner both",
            "anotherListener s>wrap both",
            "pageListener1 inner>outer both",
            // The capture phase runs root first over the same path.
            "-- capture",
            "pageCapture1 inner>outer capture",
            "pageCapture2 inner>inner capture",
            "pageListener2 inner>inner capture",
            "anotherListener s>wrap capture",
            "pageListener1 inner>outer capture",
        ],
        "{profile}"
    );
}

#[test]
fn composed_events_leave_a_components_template_at_its_host() {
    let page = format!(
        "Page({{ {} {} }});",
        logger("onOuter"),
        logger("onPageView")
    );
    let outer = format!(
        "Component({{ methods: {{ {} {} }} }});",
        logger("onInnerHost"),
        logger("onOuterView")
    );
    let inner = "Component({ lifetimes: { ready() {
        this.triggerEvent('customevent', { label: 'bubbles' }, { bubbles: true });
        this.triggerEvent('customevent', { label: 'composed' }, { bubbles: true, composed: true });
    } } });";
    let lines = run(&[
        (
            "index.json",
            r#"{"usingComponents": {"outer-c": "./outer/outer"}}"#,
        ),
        (
            "index.wxml",
            r#"<view id="pv" bind:customevent="onPageView"><outer-c id="o" bind:customevent="onOuter"/></view>"#,
        ),
        ("index.js", &page),
        (
            "outer/outer.json",
            r#"{"component": true, "usingComponents": {"inner-c": "../inner/inner"}}"#,
        ),
        (
            "outer/outer.wxml",
            r#"<view id="ov" bind:customevent="onOuterView"><inner-c id="i" bind:customevent="onInnerHost"/></view>"#,
        ),
        ("outer/outer.js", &outer),
        ("inner/inner.json", r#"{"component": true}"#),
        ("inner/inner.js", inner),
    ]);
    assert_eq!(
        lines,
        [
            // Without composed the event stays in outer-c's template.
            "onInnerHost i>i bubbles",
            "onOuterView i>ov bubbles",
            "onInnerHost i>i composed",
            "onOuterView i>ov composed",
            // At the page the target is outer-c's host.
            "onOuter o>o composed",
            "onPageView o>pv composed",
        ]
    );
}

#[test]
fn catch_handlers_stop_the_event_in_either_phase() {
    let page = format!(
        "Page({{ {} {} {} }});",
        logger("onTop"),
        logger("onCatch"),
        logger("onInner")
    );
    let fire = "Component({ lifetimes: { ready() {
        this.triggerEvent('customevent', { label: 'bubble' }, { bubbles: true });
        this.triggerEvent('customevent', { label: 'capture' }, { bubbles: true, capturePhase: true });
    } } });";
    let files = |markup: &'static str| -> Vec<(&str, &str)> {
        vec![
            ("index.json", r#"{"usingComponents": {"my-c": "./my/my"}}"#),
            ("index.wxml", markup),
            ("index.js", page.as_str()),
            ("my/my.json", r#"{"component": true}"#),
            ("my/my.js", fire),
        ]
    };
    assert_eq!(
        run(&files(
            r#"<view id="top" bind:customevent="onTop"><view id="mid" catch:customevent="onCatch"><my-c id="c" bind:customevent="onInner"/></view></view>"#,
        )),
        [
            "onInner c>c bubble",
            "onCatch c>mid bubble",
            "onInner c>c capture",
            "onCatch c>mid capture",
        ]
    );
    let capture = files(
        r#"<view id="top" capture-catch:customevent="onTop"><view id="mid" catch:customevent="onCatch"><my-c id="c" bind:customevent="onInner"/></view></view>"#,
    );
    // Only the capturing catch runs: it stops the capture and bubble phases.
    assert_eq!(
        run(&capture),
        [
            "onInner c>c bubble",
            "onCatch c>mid bubble",
            "onTop c>top capture",
        ]
    );
}

#[test]
fn relations_link_slotted_children_to_the_component_receiving_them() {
    let lines = run(&[
        (
            "index.json",
            r#"{"usingComponents": {"custom-ul": "/components/ul/ul", "custom-li": "/components/li/li"}}"#,
        ),
        (
            "index.wxml",
            r#"<custom-ul id="ul"><custom-li id="a"/><view><custom-li id="b"/></view></custom-ul>"#,
        ),
        ("index.js", "Page({});"),
        ("components/ul/ul.json", r#"{"component": true}"#),
        ("components/ul/ul.wxml", "<view><slot/></view>"),
        (
            "components/ul/ul.js",
            "Component({
                relations: { '../li/li': { type: 'child', linked(t) { console.log('ul linked ' + t.id); } } },
                lifetimes: { ready() { console.log('ul has ' + this.getRelationNodes('../li/li').map((n) => n.id).join(',')); } },
            });",
        ),
        ("components/li/li.json", r#"{"component": true}"#),
        (
            "components/li/li.js",
            "Component({
                relations: { '../ul/ul': { type: 'parent', linked(t) { console.log(this.id + ' in ' + t.id); } } },
            });",
        ),
    ]);
    assert_eq!(
        lines,
        [
            "ul linked a",
            "a in ul",
            "ul linked b",
            "b in ul",
            "ul has a,b"
        ]
    );
}

#[test]
fn relations_declared_with_a_behavior_target_match_components_using_it() {
    let lines = run(&[
        (
            "index.json",
            r#"{"usingComponents": {"custom-form": "/components/form/form", "custom-input": "/components/input/input", "plain-c": "/components/plain/plain"}}"#,
        ),
        (
            "index.wxml",
            r#"<custom-form id="f"><view><custom-input id="i1"/></view><plain-c id="p"/><custom-input id="i2"/></custom-form>"#,
        ),
        ("index.js", "Page({});"),
        (
            "behaviors/controls.js",
            "module.exports = Behavior({ behaviors: [require('./base')] });",
        ),
        ("behaviors/base.js", "module.exports = Behavior({});"),
        ("components/form/form.json", r#"{"component": true}"#),
        ("components/form/form.wxml", "<slot/>"),
        (
            "components/form/form.js",
            "const controls = require('../../behaviors/controls');
            Component({
                relations: { controls: { type: 'descendant', target: controls, linked(t) { console.log('form got ' + t.id); } } },
                lifetimes: { ready() { console.log('controls ' + this.getRelationNodes('controls').map((n) => n.id).join(',')); } },
            });",
        ),
        ("components/input/input.json", r#"{"component": true}"#),
        (
            "components/input/input.js",
            "Component({
                behaviors: [require('../../behaviors/controls')],
                relations: { '../form/form': { type: 'ancestor', linked(t) { console.log(this.id + ' in ' + t.id); } } },
            });",
        ),
        ("components/plain/plain.json", r#"{"component": true}"#),
        (
            "components/plain/plain.js",
            "Component({ relations: { '../form/form': { type: 'ancestor', linked() { console.log('plain linked'); } } } });",
        ),
    ]);
    assert_eq!(
        lines,
        [
            "form got i1",
            "i1 in f",
            "form got i2",
            "i2 in f",
            "controls i1,i2"
        ]
    );
}
