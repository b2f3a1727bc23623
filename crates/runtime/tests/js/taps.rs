//! `--tap` by element id (`#save`): the element's tap handler is called,
//! also when framework output binds it through data (`bindtap="{{c}}"`),
//! and the page's tappable list offers ids where a method name alone does
//! not say which element is tapped.

use mpcanvas_runtime::ScriptError;
use mpcanvas_runtime::run::package::Package;
use mpcanvas_runtime::run::session::{RunOptions, RunOutcome, run};

use crate::support::Pkg;

fn run_taps(pkg: &Pkg, taps: &[&str]) -> RunOutcome {
    let package = Package::locate(pkg.path()).expect("package");
    let options = RunOptions {
        taps: taps.iter().map(|t| t.to_string()).collect(),
        ..RunOptions::default()
    };
    run(&package, &options, |_| Ok(()))
}

fn lines(outcome: &RunOutcome) -> Vec<String> {
    outcome.console.iter().map(|m| m.text.clone()).collect()
}

fn fatal_message(outcome: &RunOutcome) -> String {
    match &outcome.fatal {
        Some(ScriptError::Host(m)) => m.clone(),
        other => panic!("expected a refused tap, got {other:?}"),
    }
}

#[test]
fn an_element_tap_calls_the_handler_its_data_binding_names() {
    // uni-app's output: the handler's name is page data set by its runtime.
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<button id="save" data-kind="{{kind}}" bindtap="{{c}}">Save</button>
<button id="share" bindtap="share">Share</button>"#,
        ),
        (
            "index.js",
            "Page({ data: { c: 'e0_f0', kind: 'poster' },
  e0_f0(e) { console.log('saved ' + e.currentTarget.id + ' ' + e.currentTarget.dataset.kind); },
  share(e) { console.log('shared ' + e.target.id); } });",
        ),
    ]);
    let outcome = run_taps(&pkg, &["#save", "#share", "share"]);
    assert!(
        outcome.is_clean(),
        "{:?} {:?}",
        outcome.fatal,
        outcome.uncaught
    );
    assert_eq!(
        lines(&outcome),
        ["saved save poster", "shared share", "shared share"]
    );
    assert_eq!(outcome.tappable, ["#save", "share"]);
}

#[test]
fn a_handler_shared_by_many_elements_is_offered_by_id() {
    // Taro binds one dispatcher, `eh`, on every element.
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<view id="card" bindtap="eh"></view><button id="save" bindtap="eh">Save</button>"#,
        ),
        (
            "index.js",
            "Page({ eh(e) { console.log('eh ' + e.currentTarget.id); } });",
        ),
    ]);
    let outcome = run_taps(&pkg, &["#save", "eh"]);
    assert!(
        outcome.is_clean(),
        "{:?} {:?}",
        outcome.fatal,
        outcome.uncaught
    );
    // By name, the first element binding it is tapped.
    assert_eq!(lines(&outcome), ["eh save", "eh card"]);
    assert_eq!(outcome.tappable, ["#card", "#save"]);
}

#[test]
fn an_unknown_id_or_an_element_without_a_tap_handler_is_refused() {
    let pkg = Pkg::new(&[
        (
            "index.wxml",
            r#"<canvas type="2d" id="poster"></canvas><button id="save" bindtap="{{missing}}">Save</button>"#,
        ),
        ("index.js", "Page({ save() { console.log('never'); } });"),
    ]);
    let m = fatal_message(&run_taps(&pkg, &["#nope"]));
    assert!(m.contains("no element with id 'nope'"), "{m}");
    let m = fatal_message(&run_taps(&pkg, &["#poster"]));
    assert!(m.contains("'poster' binds no tap handler"), "{m}");
    // A binding that names nothing the data holds binds no handler either.
    let outcome = run_taps(&pkg, &["#save"]);
    let m = fatal_message(&outcome);
    assert!(m.contains("'save' binds no tap handler"), "{m}");
    assert!(lines(&outcome).is_empty());
}

#[test]
fn an_element_tap_reaches_a_button_a_set_data_placed_inside_a_component() {
    // Taro's deep nodes: the page's data shows a component whose template
    // holds the button; its handler is the component's method.
    let pkg = Pkg::new(&[
        ("index.json", r#"{"usingComponents": {"panel": "./panel/panel"}}"#),
        ("index.wxml", r#"<panel wx:if="{{ready}}" label="{{label}}"/>"#),
        (
            "index.js",
            "Page({ data: { ready: false, label: 'go' }, onReady() { this.setData({ ready: true }); } });",
        ),
        ("panel/panel.json", r#"{"component": true}"#),
        (
            "panel/panel.wxml",
            r#"<button id="save" data-n="{{2}}" bindtap="press">{{label}}</button>"#,
        ),
        (
            "panel/panel.js",
            "Component({ properties: { label: String }, methods: { press(e) {
                console.log('pressed ' + this.data.label + ' ' + e.currentTarget.id + ' ' + e.currentTarget.dataset.n);
            } } });",
        ),
    ]);
    let outcome = run_taps(&pkg, &["#save"]);
    assert!(outcome.is_clean(), "{outcome:?}");
    assert_eq!(lines(&outcome), ["pressed go save 2"]);
}
