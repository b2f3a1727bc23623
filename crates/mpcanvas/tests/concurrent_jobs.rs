//! One engine, many jobs on many threads at once: drawing scripts and
//! project runs share the engine's font faces and give the same pixels as
//! the same jobs run one by one.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mpcanvas::{DrawingScript, Engine, RenderJob, RunJob};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A poster-like script whose pixels depend on `n` and on text.
fn script(n: u32) -> DrawingScript {
    DrawingScript::from_source(
        format!("job-{n}.js"),
        format!(
            "// @size 160x90\n\
             function draw(ctx) {{\n\
               ctx.fillStyle = 'rgb({r}, 120, 200)';\n\
               ctx.fillRect(0, 0, 160, 90);\n\
               ctx.fillStyle = '#fff';\n\
               ctx.font = 'bold 20px sans-serif';\n\
               ctx.fillText('海报 {n}', 10, 50);\n\
             }}",
            r = n * 20
        ),
    )
}

#[test]
fn scripts_rendered_on_many_threads_match_the_same_scripts_rendered_one_by_one() {
    let engine = Arc::new(Engine::builder().system_fonts(false).build().unwrap());
    let alone: Vec<Vec<u8>> = (0..8)
        .map(|n| {
            let image = engine
                .render_script(&script(n), &RenderJob::default())
                .unwrap();
            image.premultiplied_data().to_vec()
        })
        .collect();
    let together: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|n| {
                let engine = engine.clone();
                s.spawn(move || {
                    let image = engine
                        .render_script(&script(n), &RenderJob::default())
                        .unwrap();
                    image.premultiplied_data().to_vec()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(alone.len(), together.len());
    for (n, (a, b)) in alone.iter().zip(&together).enumerate() {
        assert!(a == b, "job {n} drew differently on its own thread");
    }
    // The text was drawn: the white glyphs changed pixels of the fill.
    let image = engine
        .render_script(&script(1), &RenderJob::default())
        .unwrap();
    let white = (0..160)
        .flat_map(|x| (30..55).map(move |y| (x, y)))
        .filter(|&(x, y)| image.pixel(x, y) == [255, 255, 255, 255])
        .count();
    assert!(white > 50, "only {white} text pixels");
}

#[test]
fn projects_run_on_many_threads_each_with_their_own_data_folder() {
    let engine = Engine::builder().system_fonts(false).build().unwrap();
    let base = std::env::temp_dir().join(format!("mpcanvas-facade-jobs-{}", std::process::id()));
    let examples = ["wechat-2d", "wechat-legacy", "alipay", "feishu", "douyin"];
    let platforms = ["wechat", "wechat", "alipay", "feishu", "douyin"];
    let reports = std::thread::scope(|s| {
        let handles: Vec<_> = examples
            .iter()
            .zip(platforms)
            .enumerate()
            .map(|(i, (example, platform))| {
                let engine = &engine;
                let out = base.join(format!("{i}"));
                s.spawn(move || {
                    let mut job = RunJob::new(platform, out);
                    job.taps.push("save".into());
                    engine
                        .run_project(&repo().join("examples").join(example), job)
                        .unwrap()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect::<Vec<_>>()
    });
    for (report, example) in reports.iter().zip(examples) {
        assert!(report.is_clean(), "{example}: {}", report.to_text());
        let json = report.to_json();
        let album = json["album"].as_array().unwrap();
        assert_eq!(album.len(), 1, "{example} saved {album:?}");
        let path = album[0]["realPath"].as_str().unwrap();
        assert!(
            Path::new(path).starts_with(&base),
            "{example} wrote outside its folder: {path}"
        );
    }
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn a_font_one_job_registers_is_not_seen_by_another() {
    let engine = Engine::builder().system_fonts(false).build().unwrap();
    let one = engine.font_library();
    let font = repo().join("conformance/fonts/DejaVuSans.ttf");
    mpcanvas::layers::fonts::register_file(&one, "Poster Title", &font).unwrap();
    assert!(one.has_family("Poster Title"));
    assert!(!engine.font_library().has_family("Poster Title"));
    assert!(engine.font_library().has_family("DejaVu Sans"));
}

#[test]
fn saving_to_an_unknown_extension_is_an_error_and_writes_nothing() {
    let engine = Engine::builder().system_fonts(false).build().unwrap();
    let image = engine
        .render_script(&script(2), &RenderJob::default())
        .unwrap();
    let dir = std::env::temp_dir().join(format!("mpcanvas-facade-save-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gif = dir.join("poster.gif");
    assert!(matches!(
        image.save(&gif, 0.9),
        Err(mpcanvas::Error::UnknownFormat(_))
    ));
    assert!(!gif.exists());
    let jpg = dir.join("poster.JPG");
    assert_eq!(image.save(&jpg, 0.9).unwrap().extension(), "jpg");
    assert_eq!(&std::fs::read(&jpg).unwrap()[..2], &[0xFF, 0xD8]);
    let _ = std::fs::remove_dir_all(&dir);
}
