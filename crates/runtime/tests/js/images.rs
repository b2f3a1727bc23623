//! Image objects from script: `canvas.createImage()`, `src`, `onload` /
//! `onerror` ordering, and drawing what was loaded.

use mpcanvas_runtime::{RenderOptions, evaluate};

fn run(code: &str) -> String {
    evaluate(
        code,
        &RenderOptions {
            size: Some((4, 3)),
            ..RenderOptions::default()
        },
    )
    .unwrap_or_else(|e| format!("script error: {e}"))
}

#[test]
fn a_data_url_loads_asynchronously_and_reports_its_size() {
    let out = run(
        "ctx.fillStyle = '#f00'; ctx.fillRect(0, 0, 4, 3);
         const url = canvas.toDataURL();
         const events = [];
         const img = canvas.createImage();
         img.onload = e => events.push(['load', e.type, img.width, img.height, img.complete, e.target === img]);
         img.src = url;
         events.push(['after assignment', img.complete]);
         new Promise(r => setTimeout(() => r(events), 0));",
    );
    assert_eq!(
        out,
        r#"[["after assignment",false],["load","load",4,3,true,true]]"#
    );
}

#[test]
fn undecodable_sources_fire_onerror_with_a_message() {
    let out = run("const img = canvas.createImage();
         let seen;
         img.onload = () => { seen = 'load'; };
         img.onerror = e => { seen = [e.type, e.message]; };
         img.src = 'data:image/png;base64,AAAA';
         new Promise(r => setTimeout(() => r(seen), 0));");
    assert!(
        out.starts_with(r#"["error","data:image/png;base64,AAAA: "#),
        "{out}"
    );
    assert!(
        out.contains("not an image") || out.contains("decoded"),
        "{out}"
    );
}

#[test]
fn sources_the_host_cannot_provide_fail_with_the_reason() {
    let out = run("const img = canvas.createImage();
         let seen;
         img.onerror = e => { seen = e.message; };
         img.src = 'https://example.com/a.png';
         new Promise(r => setTimeout(() => r(seen), 0));");
    assert!(
        out.contains("https://example.com/a.png") && out.contains("no resources"),
        "{out}"
    );
}

#[test]
fn a_new_src_supersedes_a_pending_load() {
    let out = run("const url = canvas.toDataURL();
         const img = canvas.createImage();
         const seen = [];
         img.onload = () => seen.push('load');
         img.onerror = () => seen.push('error');
         img.src = 'data:image/png;base64,AAAA';
         img.src = url;
         new Promise(r => setTimeout(() => r(seen), 0));");
    assert_eq!(out, r#"["load"]"#);
}

#[test]
fn a_loaded_image_draws() {
    let out = run(
        "ctx.fillStyle = '#f00'; ctx.fillRect(0, 0, 4, 3);
         const src = canvas.toDataURL();
         ctx.fillStyle = '#00f'; ctx.fillRect(0, 0, 4, 3);
         new Promise(resolve => {
           const img = canvas.createImage();
           img.onload = () => { ctx.drawImage(img, 0, 0); resolve(Array.from(ctx.getImageData(1, 1, 1, 1).data)); };
           img.src = src;
         });",
    );
    assert_eq!(
        out, "[255,0,0,255]",
        "the red snapshot covers the blue fill"
    );
}
