//! Invalid input, limits, and odd sizes: errors, never panics.

use mpcanvas_export::{ExportError, ExportOptions, Format, Limits, Pixels, SourceRect, export};

use crate::support::{Canvas, decode_png};

fn png(w: u32, h: u32) -> ExportOptions {
    ExportOptions::new(w, h, Format::PNG)
}

#[test]
fn buffer_length_mismatch_is_rejected() {
    let data = vec![0u8; 4 * 10 * 10 + 1];
    for (w, h, len) in [(10, 10, 399), (10, 10, 401), (10, 11, 400), (10, 10, 0)] {
        let err = export(
            Pixels::new(w, h, &data[..len]),
            SourceRect::full(w, h),
            &png(5, 5),
        );
        match err {
            Err(ExportError::BufferSize { expected, actual }) => {
                assert_eq!(expected, Some(w as usize * h as usize * 4));
                assert_eq!(actual, len);
            }
            other => panic!("{w}x{h} {len}: {other:?}"),
        }
    }
    let err = export(
        Pixels::new(u32::MAX, u32::MAX, &data),
        SourceRect::full(1, 1),
        &png(5, 5),
    );
    assert!(
        matches!(err, Err(ExportError::BufferSize { .. })),
        "{err:?}"
    );
}

#[test]
fn empty_source_is_rejected() {
    let canvas = Canvas::filled(10, 10, [0; 4]);
    for (w, h) in [(0, 5), (5, 0), (0, 0)] {
        let err = canvas.export(SourceRect::new(0, 0, w, h), &png(5, 5));
        assert!(
            matches!(err, Err(ExportError::EmptySource { .. })),
            "{err:?}"
        );
    }
}

#[test]
fn empty_destination_is_rejected() {
    let canvas = Canvas::filled(10, 10, [0; 4]);
    for (w, h) in [(0, 5), (5, 0), (0, 0)] {
        for format in [Format::PNG, Format::jpeg(0.9)] {
            let err = canvas.export(SourceRect::full(10, 10), &ExportOptions::new(w, h, format));
            assert!(
                matches!(err, Err(ExportError::EmptyDestination { .. })),
                "{err:?}"
            );
        }
    }
}

#[test]
fn destination_over_limits_is_rejected_and_at_limits_accepted() {
    let canvas = Canvas::filled(10, 10, [1, 2, 3, 255]);
    let limits = Limits {
        max_pixels: 120,
        max_side: 12,
    };
    let check = |w, h| canvas.export(SourceRect::full(10, 10), &png(w, h).with_limits(limits));
    assert!(check(12, 10).is_ok());
    assert!(check(10, 12).is_ok());
    for (w, h) in [(13, 1), (1, 13), (11, 11), (12, 12)] {
        let err = check(w, h);
        assert!(
            matches!(err, Err(ExportError::TooLarge { .. })),
            "{w}x{h}: {err:?}"
        );
    }
}

#[test]
fn default_limits_reject_huge_destinations_without_allocating() {
    let canvas = Canvas::filled(10, 10, [1, 2, 3, 255]);
    // Would be 64 GiB and more if anything were allocated first.
    for (w, h) in [
        (u32::MAX, u32::MAX),
        (16_385, 1),
        (1, 16_385),
        (4097, 4097),
        (131_072, 131_072),
    ] {
        for format in [Format::PNG, Format::jpeg(0.5)] {
            let err = canvas.export(SourceRect::full(10, 10), &ExportOptions::new(w, h, format));
            assert!(
                matches!(err, Err(ExportError::TooLarge { .. })),
                "{w}x{h}: {err:?}"
            );
        }
    }
    assert!(
        canvas
            .export(SourceRect::full(10, 10), &png(4096, 4096))
            .is_ok()
    );
}

#[test]
fn jpeg_side_limit_is_65535_whatever_the_limits() {
    let canvas = Canvas::filled(10, 10, [1, 2, 3, 255]);
    let generous = Limits {
        max_pixels: u64::MAX,
        max_side: u32::MAX,
    };
    let opts = ExportOptions::new(65_536, 1, Format::jpeg(0.5)).with_limits(generous);
    match canvas.export(SourceRect::full(10, 10), &opts) {
        Err(ExportError::TooLarge { limits, .. }) => assert_eq!(limits.max_side, 65_535),
        other => panic!("{other:?}"),
    }
    let opts = ExportOptions::new(65_536, 1, Format::PNG).with_limits(generous);
    let img = decode_png(&canvas.export(SourceRect::full(10, 10), &opts).unwrap());
    assert_eq!((img.width, img.height), (65_536, 1));
}

#[test]
fn errors_display_and_chain() {
    let canvas = Canvas::filled(10, 10, [0; 4]);
    let errors = [
        export(Pixels::new(3, 3, &[]), SourceRect::full(3, 3), &png(1, 1)),
        canvas.export(SourceRect::new(0, 0, 0, 1), &png(1, 1)),
        canvas.export(SourceRect::full(10, 10), &png(0, 1)),
        canvas.export(SourceRect::full(10, 10), &png(99_999, 1)),
    ];
    for err in errors {
        let err = err.unwrap_err();
        assert!(!err.to_string().is_empty());
        assert!(std::error::Error::source(&err).is_none());
    }
}

#[test]
fn odd_sizes_do_not_panic() {
    let one = Canvas::filled(1, 1, [10, 20, 30, 255]);
    let column = Canvas::filled(1, 37, [10, 20, 30, 128]);
    let row = Canvas::filled(37, 1, [10, 20, 30, 128]);
    let empty = Canvas {
        width: 0,
        height: 0,
        data: Vec::new(),
    };
    let sources = [
        SourceRect::full(1, 1),
        SourceRect::new(0, 0, 1, 37),
        SourceRect::new(-1, -1, 3, 3),
        SourceRect::new(0, 0, u32::MAX, u32::MAX),
        SourceRect::new(i64::MAX, i64::MIN, u32::MAX, 1),
        SourceRect::new(-(1 << 40), 0, u32::MAX, 2),
    ];
    let sizes = [(1, 1), (1, 1000), (1000, 1), (3, 7), (2, 2)];
    for canvas in [&one, &column, &row, &empty] {
        for src in sources {
            for (w, h) in sizes {
                for format in [Format::PNG, Format::jpeg(0.7)] {
                    let bytes = canvas
                        .export(src, &ExportOptions::new(w, h, format))
                        .unwrap();
                    if format == Format::PNG {
                        let img = decode_png(&bytes);
                        assert_eq!((img.width, img.height), (w, h));
                    }
                }
            }
        }
    }
}

#[test]
fn one_pixel_canvas_scales_to_a_uniform_image() {
    let one = Canvas::filled(1, 1, [10, 20, 30, 255]);
    let img = one.png_rgba(SourceRect::full(1, 1), 50, 3);
    assert!(img.rgba.chunks_exact(4).all(|p| p == [10, 20, 30, 255]));
}

#[test]
fn an_export_past_its_deadline_stops_with_a_deadline_error() {
    let data = vec![255u8; 4 * 64 * 64];
    let passed = Some(std::time::Instant::now() - std::time::Duration::from_millis(1));
    let later = Some(std::time::Instant::now() + std::time::Duration::from_secs(600));
    for format in [Format::PNG, Format::Jpeg { quality: 0.9 }] {
        let opts = ExportOptions::new(64, 64, format);
        let err = export(
            Pixels::new(64, 64, &data),
            SourceRect::full(64, 64),
            &opts.with_deadline(passed),
        );
        assert!(matches!(err, Err(ExportError::Deadline)), "{err:?}");
        let ok = export(
            Pixels::new(64, 64, &data),
            SourceRect::full(64, 64),
            &opts.with_deadline(later),
        );
        assert_eq!(
            ok.ok(),
            export(Pixels::new(64, 64, &data), SourceRect::full(64, 64), &opts).ok()
        );
    }
}
