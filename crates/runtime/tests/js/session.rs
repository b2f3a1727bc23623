//! The page runtime from JS: lifecycle order, components and their scopes,
//! selector queries on canvas nodes, `setData`, taps, and the run limits.

use std::time::Duration;

use mpcanvas_runtime::run::package::Package;
use mpcanvas_runtime::run::session::{RunOptions, RunOutcome, run};
use mpcanvas_runtime::{Limits, ScriptError};

use crate::support::Pkg;

fn run_with(pkg: &Pkg, options: RunOptions) -> RunOutcome {
    let package = Package::locate(pkg.path()).expect("package");
    run(&package, &options, |_| Ok(()))
}

fn run_pkg(pkg: &Pkg, taps: &[&str]) -> RunOutcome {
    run_with(
        pkg,
        RunOptions {
            taps: taps.iter().map(|t| t.to_string()).collect(),
            ..RunOptions::default()
        },
    )
}

fn lines(outcome: &RunOutcome) -> Vec<String> {
    outcome.console.iter().map(|m| m.text.clone()).collect()
}

fn assert_clean(outcome: &RunOutcome) {
    assert!(
        outcome.is_clean(),
        "fatal: {:?}\nuncaught: {:?}\nconsole: {:?}",
        outcome.fatal,
        outcome.uncaught,
        lines(outcome)
    );
}

#[test]
fn app_page_and_component_lifecycles_run_in_platform_order() {
    let pkg = Pkg::new(&[
        ("app.json", r#"{"pages": ["pages/index/index"]}"#),
        ("app.js", "App({ onLaunch(o) { console.log('app launch ' + o.path); }, onShow() { console.log('app show'); }, onHide() { console.log('app hide'); }, globalData: { n: 1 } });"),
        ("pages/index/index.json", r#"{"usingComponents": {"card": "/components/card/card"}}"#),
        ("pages/index/index.wxml", r#"<view><card id="c1" title="hello"/></view>"#),
        ("pages/index/index.js", "Page({
            onLoad(q) { console.log('page load ' + typeof q + ' ' + getApp().globalData.n + ' ' + getCurrentPages().length); },
            onShow() { console.log('page show'); },
            onReady() { console.log('page ready ' + this.selectComponent('#c1').data.title); },
            onHide() { console.log('page hide'); },
            onUnload() { console.log('page unload'); },
        });"),
        ("components/card/card.js", "Component({
            properties: { title: String, size: { type: Number, value: 7 } },
            lifetimes: { created() { console.log('card created'); }, attached() { console.log('card attached ' + this.data.title + ' ' + this.properties.size); }, detached() { console.log('card detached'); } },
            ready() { console.log('card ready'); },
            pageLifetimes: { show() { console.log('card sees page show'); } },
        });"),
    ]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(
        lines(&outcome),
        [
            "app launch pages/index/index",
            "app show",
            "card created",
            "card attached hello 7",
            "page load object 1 1",
            "page show",
            "card sees page show",
            "card ready",
            "page ready hello",
            "page hide",
            "page unload",
            "card detached",
            "app hide",
        ]
    );
}

/// onReady is the view thread's answer to the first render (WeChat's page
/// lifecycle diagram: onLoad, onShow, initial data sent, first render,
/// notify, onReady): what onLoad and onShow queued for now runs before it,
/// later timers and what the ready hooks queue after it.
#[test]
fn on_ready_comes_after_the_zero_delay_timers_of_on_load_and_on_show() {
    let pkg = Pkg::new(&[
        ("index.json", r#"{"usingComponents": {"card": "./card"}}"#),
        ("index.wxml", "<card/>"),
        ("index.js", "Page({
            onLoad() {
                setTimeout(() => { console.log('load timeout 0'); setTimeout(() => console.log('nested timeout 0')); }, 0);
                setTimeout(() => console.log('load timeout 5'), 5);
                Promise.resolve().then(() => console.log('load promise'));
            },
            onShow() { setTimeout(() => console.log('show timeout 0')); },
            onReady() {
                console.log('page ready');
                setTimeout(() => console.log('ready timeout 0'));
            },
        });"),
        ("card.js", "Component({ lifetimes: { ready() { console.log('card ready'); } } });"),
    ]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(
        lines(&outcome),
        [
            "load promise",
            "load timeout 0",
            "show timeout 0",
            "card ready",
            "page ready",
            "nested timeout 0",
            "ready timeout 0",
            "load timeout 5",
        ]
    );
}

#[test]
fn selector_queries_reach_2d_canvas_nodes_with_their_css_size() {
    let pkg = Pkg::new(&[
        ("index.wxml", r#"<canvas type="2d" id="poster" style="width: 750rpx; height: 200px" data-kind="main"></canvas>"#),
        ("index.js", "Page({ onReady() {
            this.createSelectorQuery().select('#poster').fields({ node: true, size: true, id: true, dataset: true }).exec((res) => {
                const r = res[0];
                const canvas = r.node;
                console.log([r.id, r.dataset.kind, r.width, r.height, canvas.width, canvas.height].join(' '));
                canvas.width = r.width * 2; canvas.height = r.height * 2;
                const ctx = canvas.getContext('2d');
                ctx.scale(2, 2); ctx.fillStyle = '#0f0'; ctx.fillRect(0, 0, 10, 10);
                console.log(ctx.getImageData(5, 5, 1, 1).data.join(','));
                console.log(typeof canvas.requestAnimationFrame, typeof canvas.createImage, typeof canvas.createPath2D(), typeof canvas.createImageData(1, 1));
            });
            this.createSelectorQuery().select('#missing').boundingClientRect().selectAll('canvas').node().exec((res) => {
                console.log(String(res[0]) + ' ' + res[1].length + ' ' + (res[1][0].node === undefined));
            });
        } });"),
    ]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(
        lines(&outcome),
        [
            "poster main 375 200 300 150",
            "0,255,0,255",
            "function function object object",
            "null 1 false",
        ]
    );
}

#[test]
fn component_canvases_are_found_only_through_the_component() {
    let pkg = Pkg::new(&[
        ("index.json", r#"{"usingComponents": {"poster-card": "./card/card"}}"#),
        ("index.wxml", r#"<poster-card id="card"/>"#),
        ("index.js", "Page({ onReady() {
            this.createSelectorQuery().select('#inner').node().exec(res => console.log('page sees ' + res[0]));
            const card = this.selectComponent('#card');
            this.createSelectorQuery().in(card).select('#inner').node().exec(res => console.log('in card ' + res[0].node.width));
        } });"),
        ("card/card.wxml", r#"<canvas type="2d" id="inner" style="width:10px;height:10px"/>"#),
        ("card/card.js", "Component({ lifetimes: { ready() {
            this.createSelectorQuery().select('#inner').fields({ size: true }).exec(res => console.log('card sees ' + res[0].width));
        } } });"),
    ]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(
        lines(&outcome),
        ["card sees 10", "page sees null", "in card 300"]
    );
}

#[test]
fn set_data_follows_paths_and_calls_back_after_the_update() {
    let pkg = Pkg::new(&[(
        "index.js",
        "Page({ data: { a: { b: 1 }, list: [{ t: 'x' }] }, onLoad() {
            this.setData({ 'a.b': 2, 'list[0].t': 'y', 'list[1].t': 'z', 'fresh.deep': true, plain: 5 }, () => console.log('callback ' + this.data.plain));
            console.log(JSON.stringify(this.data));
        } });",
    )]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(
        lines(&outcome),
        [
            r#"{"a":{"b":2},"list":[{"t":"y"},{"t":"z"}],"fresh":{"deep":true},"plain":5}"#,
            "callback 5",
        ]
    );
}

#[test]
fn taps_call_page_methods_with_the_bound_elements_dataset() {
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<button id="b" data-size="big" bindtap="save">Save</button>"#,
        ),
        (
            "index.js",
            "Page({ save(e) { console.log(e.type + ' ' + e.currentTarget.id + ' ' + e.currentTarget.dataset.size); } });",
        ),
    ]);
    let outcome = run_pkg(&pkg, &["save", "save"]);
    assert_clean(&outcome);
    assert_eq!(lines(&outcome), ["tap b big", "tap b big"]);

    let outcome = run_pkg(&pkg, &["nope"]);
    match outcome.fatal {
        Some(ScriptError::Host(m)) => assert!(m.contains("no method 'nope'"), "{m}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn errors_in_hooks_timers_and_promises_are_reported_and_the_run_goes_on() {
    let pkg = Pkg::new(&[(
        "index.js",
        "Page({ onLoad() { throw new Error('load broke'); },
                onReady() { setTimeout(() => { throw new TypeError('timer broke'); }, 10); Promise.reject(new Error('nobody caught')); Promise.reject(1).catch(() => {}); console.log('ready'); },
                onUnload() { console.log('unload'); } });",
    )]);
    let outcome = run_pkg(&pkg, &[]);
    assert!(outcome.fatal.is_none(), "{:?}", outcome.fatal);
    assert_eq!(lines(&outcome), ["ready", "unload"]);
    let during: Vec<_> = outcome.uncaught.iter().map(|u| u.during.as_str()).collect();
    assert_eq!(during, ["Page.onLoad", "promise", "timer or callback"]);
    let messages: Vec<_> = outcome
        .uncaught
        .iter()
        .map(|u| u.error.to_string())
        .collect();
    assert!(messages[0].contains("load broke"));
    assert!(
        messages[1].contains("Uncaught (in promise) Error: nobody caught"),
        "{}",
        messages[1]
    );
    assert!(messages[2].contains("TypeError: timer broke"));
}

#[test]
fn an_infinite_loop_ends_the_run_at_its_time_limit() {
    let pkg = Pkg::new(&[("index.js", "Page({ onReady() { while (true) {} } });")]);
    let outcome = run_with(
        &pkg,
        RunOptions {
            js_limits: Limits {
                time: Duration::from_millis(300),
                ..Limits::default()
            },
            ..RunOptions::default()
        },
    );
    assert!(
        matches!(outcome.fatal, Some(ScriptError::Timeout(_))),
        "{:?}",
        outcome.fatal
    );
}

#[test]
fn an_allocation_bomb_ends_the_run_at_its_memory_limit() {
    let pkg = Pkg::new(&[(
        "index.js",
        "Page({ onLoad() { const a = []; for (;;) a.push(new Array(1e5).fill(1)); } });",
    )]);
    let outcome = run_with(
        &pkg,
        RunOptions {
            js_limits: Limits {
                memory_bytes: 32 << 20,
                ..Limits::default()
            },
            ..RunOptions::default()
        },
    );
    assert!(
        matches!(outcome.fatal, Some(ScriptError::OutOfMemory(_))),
        "{:?}",
        outcome.fatal
    );
}

#[test]
fn an_endless_interval_stops_at_the_virtual_horizon() {
    let pkg = Pkg::new(&[(
        "index.js",
        "let n = 0; Page({ onReady() { setInterval(() => { n++; }, 1000); }, onUnload() { console.log('ticks ' + n); } });",
    )]);
    let outcome = run_pkg(&pkg, &[]);
    assert_clean(&outcome);
    assert_eq!(lines(&outcome), ["ticks 30"]);
    assert!(outcome.pending_timers);
}

#[test]
fn a_plain_script_runs_with_the_pages_canvases_in_scope() {
    let pkg = Pkg::new(&[
        (
            "snippet.js",
            "console.log(typeof getCurrentPages()[0].route, getCurrentPages().length);",
        ),
        ("snippet.wxml", r#"<canvas canvas-id="myCanvas"/>"#),
    ]);
    let package = Package::locate(&pkg.path().join("snippet.js")).unwrap();
    let outcome = run(&package, &RunOptions::default(), |_| Ok(()));
    assert_clean(&outcome);
    assert_eq!(lines(&outcome), ["string 1"]);
}

#[test]
fn a_mini_game_runs_game_js_and_taps_call_global_functions() {
    let pkg = Pkg::new(&[(
        "game.js",
        "GameGlobal.share = function () { console.log('shared'); }; requestAnimationFrame(t => console.log('frame ' + (t > 0)));",
    )]);
    let outcome = run_pkg(&pkg, &["share"]);
    assert_clean(&outcome);
    assert_eq!(lines(&outcome), ["frame true", "shared"]);
}

#[test]
fn an_allocation_bomb_inside_a_promise_ends_the_run_at_its_memory_limit() {
    let pkg = Pkg::new(&[(
        "index.js",
        "Page({ onLoad() { Promise.resolve().then(() => { const a = []; for (;;) a.push(new Array(1e5).fill(1)); }); } });",
    )]);
    let outcome = run_with(
        &pkg,
        RunOptions {
            js_limits: Limits {
                memory_bytes: 32 << 20,
                ..Limits::default()
            },
            ..RunOptions::default()
        },
    );
    assert!(
        matches!(outcome.fatal, Some(ScriptError::OutOfMemory(_))),
        "{:?} {:?}",
        outcome.fatal,
        outcome.uncaught
    );
}
