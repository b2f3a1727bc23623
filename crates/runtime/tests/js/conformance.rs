//! The conformance suite: every drawing script in `conformance/` run
//! through the JS runtime and compared with its Chromium reference under
//! the script's `@fuzzy` tolerance. Expected failures are listed, with a
//! reason each, in `conformance/expected-failures.txt`; a listed case that
//! passes fails the suite (so the ledger stays honest), and so does a
//! script without a test here.

use mpcanvas_conformance::{
    Comparison, RgbaImage, check_against_reference, conformance_dir, expected_failures, judge,
};
use mpcanvas_runtime::{DrawingScript, RenderOptions, render};

/// Renders case `name` and compares it with its reference.
fn outcome(name: &str) -> Result<Comparison, String> {
    let script = DrawingScript::load(&conformance_dir().join(format!("{name}.js")))
        .map_err(|e| e.to_string())?;
    // The corpus's own fonts and the bundled ones only: CI machines have
    // no system fonts, and a local one must not draw differently.
    let options = RenderOptions {
        fonts: Some(mpcanvas_fonts::bundled_library()),
        ..RenderOptions::default()
    };
    let canvas = render(&script, &options).map_err(|e| format!("{name}: script failed: {e}"))?;
    let (w, h) = (canvas.width() as i64, canvas.height() as i64);
    let data = canvas
        .get_image_data(0, 0, w, h)
        .map_err(|e| e.to_string())?
        .into_data();
    let image = RgbaImage {
        width: w as u32,
        height: h as u32,
        data,
    };
    check_against_reference(name, &script.header, &image)
}

fn run_case(name: &str) {
    if let Err(e) = judge(name, outcome(name)) {
        panic!("{e}");
    }
}

macro_rules! cases {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                run_case($name);
            }
        )*
        const CASES: &[&str] = &[$($name),*];
    };
}

cases! {
    case_01_rects_colors => "01-rects-colors",
    case_02_paths_curves => "02-paths-curves",
    case_03_gradients => "03-gradients",
    case_04_transforms => "04-transforms",
    case_05_clip => "05-clip",
    case_06_composite => "06-composite",
    case_07_line_styles => "07-line-styles",
    case_08_shadows => "08-shadows",
    case_09_text_cjk => "09-text-cjk",
    case_10_images_pixels => "10-images-pixels",
    case_11_rects_negative_zero => "11-rects-negative-zero",
    case_12_colors_syntax => "12-colors-syntax",
    case_13_rects_transformed_alpha => "13-rects-transformed-alpha",
    case_14_paths_arcs => "14-paths-arcs",
    case_15_paths_arcto_ellipse => "15-paths-arcto-ellipse",
    case_16_paths_roundrect => "16-paths-roundrect",
    case_17_paths_fillrules => "17-paths-fillrules",
    case_18_paths_path2d_svg => "18-paths-path2d-svg",
    case_19_paths_path2d_addpath => "19-paths-path2d-addpath",
    case_20_transforms_state => "20-transforms-state",
    case_21_transforms_stroke_scale => "21-transforms-stroke-scale",
    case_22_clip_nested => "22-clip-nested",
    case_23_clip_transform_clear => "23-clip-transform-clear",
    case_24_gradients_linear => "24-gradients-linear",
    case_25_gradients_radial => "25-gradients-radial",
    case_26_gradients_radial_cone => "26-gradients-radial-cone",
    case_27_gradients_conic => "27-gradients-conic",
    case_28_gradients_transform_alpha => "28-gradients-transform-alpha",
    case_29_patterns_repeat => "29-patterns-repeat",
    case_30_patterns_transform_canvas => "30-patterns-transform-canvas",
    case_31_composite_all_modes => "31-composite-all-modes",
    case_32_composite_blend_image => "32-composite-blend-image",
    case_33_composite_clip_unbounded => "33-composite-clip-unbounded",
    case_34_lines_caps_joins_miter => "34-lines-caps-joins-miter",
    case_35_lines_dashes => "35-lines-dashes",
    case_36_lines_thin_wide_scaled => "36-lines-thin-wide-scaled",
    case_37_shadows_blur_levels => "37-shadows-blur-levels",
    case_38_shadows_sources => "38-shadows-sources",
    case_39_shadows_transform_clip => "39-shadows-transform-clip",
    case_40_images_drawimage_args => "40-images-drawimage-args",
    case_41_images_smoothing => "41-images-smoothing",
    case_42_images_formats_lossless => "42-images-formats-lossless",
    case_43_images_formats_lossy => "43-images-formats-lossy",
    case_44_images_exif_orientation => "44-images-exif-orientation",
    case_45_pixels_getput_dirty => "45-pixels-getput-dirty",
    case_46_pixels_create_roundtrip => "46-pixels-create-roundtrip",
    case_47_state_invalid_values => "47-state-invalid-values",
    case_48_state_save_restore_reset => "48-state-save-restore-reset",
    case_49_state_hit_testing => "49-state-hit-testing",
    case_50_text_align_direction => "50-text-align-direction",
    case_51_text_baselines => "51-text-baselines",
    case_52_text_maxwidth => "52-text-maxwidth",
    case_53_text_stroke => "53-text-stroke",
    case_54_text_fallback_chains => "54-text-fallback-chains",
    case_55_text_bold_italic => "55-text-bold-italic",
    case_56_text_letter_word_spacing => "56-text-letter-word-spacing",
    case_57_text_symbols_emoji => "57-text-symbols-emoji",
    case_58_text_mixed_scripts => "58-text-mixed-scripts",
    case_59_text_measure_bars => "59-text-measure-bars",
    case_60_text_paint_styles_shadows => "60-text-paint-styles-shadows",
    case_61_text_transforms => "61-text-transforms",
    case_62_text_sizes => "62-text-sizes",
    case_63_text_kerning_rendering => "63-text-kerning-rendering",
    case_64_images_icc_profiles => "64-images-icc-profiles",
    case_65_curves_canvas_border => "65-curves-canvas-border",
    case_66_images_rotated_cropped => "66-images-rotated-cropped",
    case_67_curves_border_huge => "67-curves-border-huge",
    case_68_curves_border_scaled_arcs => "68-curves-border-scaled-arcs",
    case_69_images_upscale_qualities => "69-images-upscale-qualities",
    case_70_images_downscale_low => "70-images-downscale-low",
    case_71_images_downscale_medium => "71-images-downscale-medium",
    case_72_images_downscale_high => "72-images-downscale-high",
    case_73_images_mixed_scale => "73-images-mixed-scale",
    case_74_images_fractional_offsets => "74-images-fractional-offsets",
    case_75_images_crops_axis_aligned => "75-images-crops-axis-aligned",
    case_76_images_rotated_qualities => "76-images-rotated-qualities",
    case_77_images_canvas_source_low => "77-images-canvas-source-low",
    case_78_patterns_scaled_down => "78-patterns-scaled-down",
    case_79_patterns_scaled_up => "79-patterns-scaled-up",
    case_80_arcto_edge_cases => "80-arcto-edge-cases",
    case_81_roundrect_negative_sizes => "81-roundrect-negative-sizes",
    case_82_roundrect_clamped_radii => "82-roundrect-clamped-radii",
    case_83_arcs_thick_strokes => "83-arcs-thick-strokes",
    case_84_composite_partial_edges_a => "84-composite-partial-edges-a",
    case_85_composite_partial_edges_b => "85-composite-partial-edges-b",
    case_86_text_bold_cjk_latin_26 => "86-text-bold-cjk-latin-26",
    case_87_text_bold_cjk_latin_36 => "87-text-bold-cjk-latin-36",
    case_88_stroke_zero_length_pruning => "88-stroke-zero-length-pruning",
    case_89_images_rotated_crops_shrunk => "89-images-rotated-crops-shrunk",
    case_90_composite_coverage_rounding => "90-composite-coverage-rounding",
}

#[test]
fn every_corpus_script_has_a_test_and_every_ledger_entry_a_script() {
    let mut on_disk: Vec<String> = std::fs::read_dir(conformance_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".js").map(str::to_string))
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk, CASES,
        "conformance/*.js and the cases! list differ"
    );
    for name in expected_failures().keys() {
        assert!(
            CASES.contains(&name.as_str()),
            "ledger entry {name} has no script"
        );
    }
    for (name, reason) in expected_failures() {
        assert!(!reason.is_empty(), "ledger entry {name} has no reason");
    }
}

#[test]
fn corpus_has_at_least_forty_cases() {
    assert!(CASES.len() >= 40, "{}", CASES.len());
}
