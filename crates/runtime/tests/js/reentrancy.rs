//! Script code that runs while a binding is at work — `valueOf`,
//! `toString`, getters, load callbacks — and touches the very object the
//! binding is working on. Each snippet once crashed the process (a
//! `RefCell` borrowed twice, or a QuickJS assertion at teardown); now each
//! completes with the value a browser gives.

use std::time::Duration;

use mpcanvas_runtime::{Limits, RenderOptions, ScriptError, evaluate};

fn run(code: &str) -> String {
    let wrapped = format!("try {{ {code} }} catch (e) {{ 'THREW ' + e.name + ': ' + e.message }}");
    evaluate(&wrapped, &RenderOptions::default()).unwrap_or_else(|e| format!("script error: {e}"))
}

#[test]
fn add_path_appends_a_path_to_itself() {
    assert_eq!(
        run(
            "const p = new Path2D(); p.rect(0, 0, 10, 10); p.addPath(p); \
             p.addPath(p, { e: 20 }); [ctx.isPointInPath(p, 5, 5), ctx.isPointInPath(p, 25, 5), ctx.isPointInPath(p, 45, 5)]"
        ),
        "[true,true,false]"
    );
}

#[test]
fn add_path_matrix_getter_that_edits_the_path_runs_before_the_append() {
    assert_eq!(
        run("const p = new Path2D(); p.rect(0, 0, 10, 10); \
             p.addPath(p, { get e() { p.rect(100, 0, 10, 10); return 50; } }); \
             [ctx.isPointInPath(p, 105, 5), ctx.isPointInPath(p, 55, 5), ctx.isPointInPath(p, 155, 5)]"),
        "[true,true,true]"
    );
}

#[test]
fn fill_style_to_string_that_draws_on_the_same_context() {
    assert_eq!(
        run(
            "ctx.fillStyle = { toString() { ctx.fillStyle = 'blue'; ctx.fillRect(0, 0, 1, 1); return 'red'; } }; \
             [ctx.fillStyle, Array.from(ctx.getImageData(0, 0, 1, 1).data)]"
        ),
        "[\"#ff0000\",[0,0,255,255]]"
    );
}

#[test]
fn stroke_style_to_string_that_resets_the_context() {
    assert_eq!(
        run(
            "ctx.strokeStyle = { toString() { ctx.reset(); ctx.save(); return '#010203'; } }; ctx.strokeStyle"
        ),
        "\"#010203\""
    );
}

#[test]
fn canvas_width_value_of_that_reads_and_writes_the_canvas() {
    assert_eq!(
        run(
            "canvas.width = { valueOf() { canvas.height = 20; return canvas.width + 1; } }; [canvas.width, canvas.height]"
        ),
        "[301,20]"
    );
}

#[test]
fn to_data_url_type_to_string_that_resizes_the_canvas() {
    assert_eq!(
        run("canvas.toDataURL({ toString() { canvas.width = 0; return 'image/png'; } })"),
        "\"data:,\""
    );
}

/// Every method and setter of the context, with arguments whose
/// conversions call back into every other member: no combination may
/// crash (exceptions are fine).
#[test]
fn every_context_member_survives_reentrant_arguments() {
    let code = r#"
const proto = CanvasRenderingContext2D.prototype;
const names = Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor');
const path = new Path2D('M0 0 L10 10 Z');
let depth = 0;
function meddle() {
  if (depth > 0) return;
  depth++;
  try {
    for (const n of names) {
      const d = Object.getOwnPropertyDescriptor(proto, n);
      try {
        if (typeof d.value === 'function') d.value.call(ctx, 1, 2, 3, 4, 5, 6);
        else { const v = ctx[n]; if (d.set) ctx[n] = v; }
      } catch (e) {}
    }
    canvas.width = 7; canvas.height = 5;
    const own = new Path2D(path);
    own.addPath(own);
    ctx.fill(own); ctx.stroke(own); ctx.clip(own);
  } finally { depth--; }
}
const hostile = {
  valueOf() { meddle(); return 3; },
  toString() { meddle(); return 'red'; },
  get a() { meddle(); return 1; }, get e() { meddle(); return 2; },
  [Symbol.iterator]: function* () { meddle(); yield 1; yield 2; },
};
let calls = 0;
for (const n of names) {
  const d = Object.getOwnPropertyDescriptor(proto, n);
  for (const args of [[hostile], [hostile, hostile, hostile], Array(9).fill(hostile), [path, hostile, hostile]]) {
    try {
      if (typeof d.value === 'function') d.value.apply(ctx, args);
      else if (d.set) ctx[n] = hostile;
    } catch (e) {}
    calls++;
  }
}
for (const setter of ['width', 'height']) { try { canvas[setter] = hostile; } catch (e) {} }
try { canvas.toDataURL(hostile, hostile); } catch (e) {}
try { new Path2D(hostile); } catch (e) {}
try { path.addPath(path, hostile); } catch (e) {}
calls
"#;
    let result = run(code);
    let calls: usize = result
        .parse()
        .unwrap_or_else(|_| panic!("not a count: {result}"));
    assert!(calls > 200, "{calls}");
}

/// An image whose `onload` sets `src` again loads forever; the run ends
/// at its time limit, and tearing the runtime down must not trip
/// QuickJS's leak assertion.
#[test]
fn an_image_that_reloads_itself_from_onload_ends_at_the_time_limit() {
    let code = "const url = canvas.toDataURL(); const img = canvas.createImage(); \
                img.onload = img.onerror = () => { img.src = url; }; img.src = url;";
    let options = RenderOptions {
        js_limits: Limits {
            time: Duration::from_millis(700),
            ..Limits::default()
        },
        ..RenderOptions::default()
    };
    let result = evaluate(code, &options);
    assert!(matches!(result, Err(ScriptError::Timeout(_))), "{result:?}");
}

#[test]
fn lone_surrogates_are_drawn_and_measured_as_replacement_characters() {
    assert_eq!(
        run(
            "const s = '小明😀'.slice(0, 3); ctx.font = '20px sans-serif' + s.slice(2); \
             const lone = ctx.measureText(s).width; const fffd = ctx.measureText('小明\\uFFFD').width; \
             ctx.fillText(s, 10, 50); ctx.strokeText(s, 10, 80, 100); [lone === fffd, lone > 0]"
        ),
        "[true,true]"
    );
}

/// HTML's `unsigned long` reflection: a value past 2³¹ − 1 (a negative
/// number wraps there) sets the default size, as Chromium does.
#[test]
fn negative_canvas_sizes_set_the_default_size() {
    assert_eq!(
        run(
            "canvas.width = 10; canvas.height = 10; canvas.width = -5; canvas.height = -1; [canvas.width, canvas.height]"
        ),
        "[300,150]"
    );
}
