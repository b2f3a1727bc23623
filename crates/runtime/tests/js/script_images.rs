//! A drawing script's `loadImage`: images decode on worker threads and
//! their promises settle in call order; undeclared, missing and corrupt
//! assets reject with messages naming them.

use mpcanvas_export::{ExportOptions, Format, Pixels, SourceRect, export};
use mpcanvas_runtime::{DrawingScript, RenderOptions, render};

use crate::support::Pkg;

/// A `w × h` PNG of one opaque colour.
fn png(w: u32, h: u32, rgb: [u8; 3]) -> Vec<u8> {
    let data: Vec<u8> = (0..w * h)
        .flat_map(|_| [rgb[0], rgb[1], rgb[2], 255])
        .collect();
    let opts = ExportOptions::new(w, h, Format::PNG);
    export(Pixels::new(w, h, &data), SourceRect::full(w, h), &opts).expect("a PNG")
}

fn script_in(pkg: &Pkg, assets: &[(&str, Vec<u8>)], source: &str) -> DrawingScript {
    for (name, bytes) in assets {
        let path = pkg.path().join("assets").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    DrawingScript::from_source(pkg.path().join("draw.js"), source)
}

fn pixel(canvas: &mpcanvas_canvas::Context2d, x: i64, y: i64) -> Vec<u8> {
    canvas.get_image_data(x, y, 1, 1).unwrap().data().to_vec()
}

#[test]
fn images_loaded_together_decode_and_draw_in_call_order() {
    let pkg = Pkg::new(&[]);
    let colours = [
        [255, 0, 0],
        [0, 255, 0],
        [0, 0, 255],
        [255, 255, 0],
        [0, 255, 255],
    ];
    let assets: Vec<(String, Vec<u8>)> = colours
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("p{i}.png"), png(64 + i as u32, 32, *c)))
        .collect();
    let refs: Vec<(&str, Vec<u8>)> = assets
        .iter()
        .map(|(n, b)| (n.as_str(), b.clone()))
        .collect();
    let source = "// @size 50x10\n\
        // @asset p0.png\n// @asset p1.png\n// @asset p2.png\n// @asset p3.png\n// @asset p4.png\n\
        async function draw(ctx, canvas, env) {\n\
          const order = [];\n\
          const load = (i) => env.loadImage('p' + i + '.png').then((im) => { order.push(i); return im; });\n\
          const images = await Promise.all([0, 1, 2, 3, 4].map(load));\n\
          if (order.join() !== '0,1,2,3,4') throw new Error('settled as ' + order.join());\n\
          images.forEach((im, i) => {\n\
            if (im.width !== 64 + i) throw new Error('image ' + i + ' is ' + im.width + ' wide');\n\
            ctx.drawImage(im, i * 10, 0, 10, 10);\n\
          });\n\
        }\n";
    let script = script_in(&pkg, &refs, source);
    let canvas = render(&script, &RenderOptions::default()).expect("the script draws");
    for (i, c) in colours.iter().enumerate() {
        assert_eq!(
            pixel(&canvas, i as i64 * 10 + 5, 5),
            vec![c[0], c[1], c[2], 255],
            "image {i}"
        );
    }
}

#[test]
fn bad_assets_reject_with_their_names() {
    let pkg = Pkg::new(&[]);
    let assets = [("broken.png", b"not an image at all".to_vec())];
    let source = "// @size 4x4\n// @asset broken.png\n// @asset gone.png\n\
        async function draw(ctx, canvas, env) {\n\
          const errors = [];\n\
          for (const name of ['broken.png', 'gone.png', 'undeclared.png']) {\n\
            try { await env.loadImage(name); errors.push(name + ': loaded'); }\n\
            catch (e) { errors.push(e.message); }\n\
          }\n\
          throw new Error(errors.join(' | '));\n\
        }\n";
    let script = script_in(&pkg, &assets, source);
    let err = render(&script, &RenderOptions::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("failed to decode asset broken.png"), "{err}");
    assert!(err.contains("cannot read asset gone.png"), "{err}");
    assert!(
        err.contains("asset not declared with // @asset: undeclared.png"),
        "{err}"
    );
}
