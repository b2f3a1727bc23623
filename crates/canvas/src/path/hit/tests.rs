//! Hit-testing tests. "Chromium" marks values observed with
//! isPointInPath / isPointInStroke in headless Chromium
//! (tools/chrome-eval.mjs).

use std::f64::consts::TAU;

use super::*;
use crate::line::{LineCap, LineJoin};
use crate::path::tests::{ID, fill, stroke, style};
use kurbo::Affine;

fn poly(points: &[(f64, f64)]) -> Path2D {
    let mut p = Path2D::new();
    p.move_to(points[0].0, points[0].1, &ID);
    for &(x, y) in &points[1..] {
        p.line_to(x, y, &ID);
    }
    p
}

fn even_odd(p: &Path2D, points: &[(f64, f64)]) -> Vec<bool> {
    points
        .iter()
        .map(|&(x, y)| p.contains(x, y, FillRule::EvenOdd))
        .collect()
}

#[test]
fn points_on_a_rectangles_edges_are_inside() {
    let mut p = Path2D::new();
    p.rect(10.0, 10.0, 20.0, 20.0, &ID);
    let probes = [
        (10.0, 10.0),
        (30.0, 30.0),
        (30.0, 10.0),
        (10.0, 30.0),
        (20.0, 10.0),
        (20.0, 30.0),
        (30.1, 30.0),
        (29.999, 20.0),
        (9.9999, 20.0),
        (30.00001, 20.0),
    ];
    // Chromium.
    let want = [
        true, true, true, true, true, true, false, true, false, false,
    ];
    assert_eq!(fill(&p, &probes), want);
    assert_eq!(even_odd(&p, &probes), want);
}

#[test]
fn points_on_a_diagonal_edge_are_inside() {
    let p = poly(&[(0.0, 0.0), (100.0, 100.0), (0.0, 100.0)]);
    // Chromium.
    let probes = [
        (50.0, 50.0),
        (50.0001, 50.0),
        (49.9999, 50.0),
        (100.0, 100.0),
        (0.0, 0.0),
    ];
    assert_eq!(fill(&p, &probes), [true, false, true, true, true]);
}

#[test]
fn a_zero_area_sliver_contains_only_its_end_points() {
    // Chromium: the line and its implicit closing line cancel out in the
    // middle, but each end is on exactly one edge.
    let p = poly(&[(0.0, 0.0), (10.0, 0.0)]);
    assert_eq!(
        fill(&p, &[(5.0, 0.0), (0.0, 0.0), (10.0, 0.0), (5.0, 0.001)]),
        [false, true, true, false]
    );
}

#[test]
fn open_subpaths_are_closed_for_filling() {
    let p = poly(&[(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)]);
    // Chromium.
    assert_eq!(fill(&p, &[(8.0, 2.0), (2.0, 8.0)]), [true, false]);
}

#[test]
fn fill_rules_differ_inside_nested_shapes() {
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 100.0, 100.0, &ID);
    p.rect(25.0, 25.0, 50.0, 50.0, &ID);
    // Chromium.
    assert_eq!(fill(&p, &[(50.0, 50.0)]), [true]);
    let probes = [(50.0, 50.0), (25.0, 50.0), (10.0, 50.0), (75.0, 50.0)];
    assert_eq!(even_odd(&p, &probes), [false, true, true, true]);
}

#[test]
fn opposite_windings_cancel_under_nonzero() {
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 100.0, 100.0, &ID);
    p.rect(100.0, 0.0, -50.0, 100.0, &ID);
    // Chromium.
    assert_eq!(fill(&p, &[(75.0, 50.0), (25.0, 50.0)]), [false, true]);
    assert_eq!(even_odd(&p, &[(75.0, 50.0)]), [false]);
}

#[test]
fn circles_contain_their_boundary() {
    let mut p = Path2D::new();
    p.arc(50.0, 50.0, 10.0, 0.0, TAU, false, &ID).unwrap();
    // Chromium.
    let probes = [
        (60.0, 50.0),
        (50.0, 60.0),
        (40.0, 50.0),
        (57.0710678, 57.0710678),
        (57.08, 57.08),
        (60.001, 50.0),
    ];
    assert_eq!(fill(&p, &probes), [true, true, true, true, false, false]);
}

#[test]
fn curves_are_tested_exactly() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.quadratic_curve_to(50.0, 100.0, 100.0, 0.0, &ID);
    // The curve peaks at y = 50.
    assert_eq!(
        fill(&p, &[(50.0, 49.999), (50.0, 50.0), (50.0, 50.001)]),
        [true, true, false]
    );
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.bezier_curve_to(0.0, 100.0, 100.0, -100.0, 100.0, 0.0, &ID);
    // An S curve crossing its chord: the two lobes wind opposite ways.
    assert_eq!(
        fill(&p, &[(20.0, 10.0), (80.0, -10.0), (20.0, -10.0)]),
        [true, true, false]
    );
    assert_eq!(even_odd(&p, &[(20.0, 10.0), (80.0, -10.0)]), [true, true]);
}

#[test]
fn self_intersections_follow_the_fill_rule() {
    // A pentagram: the centre winds twice.
    let pts: Vec<(f64, f64)> = (0..5)
        .map(|i| {
            let a = i as f64 * 2.0 * TAU / 5.0;
            (100.0 * a.sin(), -100.0 * a.cos())
        })
        .collect();
    let p = poly(&pts);
    assert_eq!(fill(&p, &[(0.0, 0.0)]), [true]);
    assert_eq!(even_odd(&p, &[(0.0, 0.0), (0.0, -80.0)]), [false, true]);
}

#[test]
fn non_finite_points_are_never_inside() {
    let mut p = Path2D::new();
    p.rect(10.0, 10.0, 20.0, 20.0, &ID);
    // Chromium.
    assert_eq!(
        fill(&p, &[(f64::NAN, 10.0), (f64::INFINITY, 10.0)]),
        [false, false]
    );
    assert!(!p.stroke_contains(f64::NAN, 10.0, &style(1.0, LineCap::Butt)));
}

#[test]
fn device_space_paths_are_tested_in_device_space() {
    // Chromium: after scale(2, 2), rect(10, 10, 20, 20) covers 20..60.
    let mut p = Path2D::new();
    p.rect(10.0, 10.0, 20.0, 20.0, &Affine::scale(2.0));
    assert_eq!(
        fill(
            &p,
            &[(15.0, 15.0), (50.0, 50.0), (59.0, 59.0), (61.0, 61.0)]
        ),
        [false, true, true, false]
    );
}

#[test]
fn empty_paths_contain_nothing() {
    assert_eq!(fill(&Path2D::new(), &[(0.0, 0.0)]), [false]);
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    assert_eq!(fill(&p, &[(0.0, 0.0)]), [false]);
    assert!(!p.stroke_contains(0.0, 0.0, &style(10.0, LineCap::Round)));
}

fn line_0_100(width: f64) -> (Path2D, LineStyle) {
    (
        poly(&[(0.0, 0.0), (100.0, 0.0)]),
        style(width, LineCap::Butt),
    )
}

#[test]
fn stroke_edges_are_inside_and_butt_ends_stop_at_the_points() {
    let (p, s) = line_0_100(10.0);
    // Chromium.
    let probes = [
        (50.0, 5.0),
        (50.0, 5.0001),
        (0.0, 5.0),
        (100.0, 0.0),
        (100.1, 0.0),
        (-0.1, 0.0),
    ];
    assert_eq!(
        stroke(&p, &s, &probes),
        [true, false, true, true, false, false]
    );
}

#[test]
fn dashes_leave_gaps() {
    let (p, mut s) = line_0_100(4.0);
    s.set_dash(&[10.0, 10.0]);
    // Chromium.
    let probes = [
        (5.0, 0.0),
        (15.0, 0.0),
        (25.0, 1.0),
        (10.0, 0.0),
        (5.0, 2.0),
        (5.0, 2.01),
        (20.0, 0.0),
        (9.99, 0.0),
        (10.01, 0.0),
        (0.0, 0.0),
        (-0.01, 0.0),
    ];
    let want = [
        true, false, true, true, true, false, true, true, false, true, false,
    ];
    assert_eq!(stroke(&p, &s, &probes), want);
    s.dash_offset = 5.0;
    assert_eq!(
        stroke(&p, &s, &[(2.0, 0.0), (7.0, 0.0), (16.0, 0.0)]),
        [true, false, true]
    );
}

#[test]
fn dashes_run_on_around_corners_and_through_close_path() {
    let mut p = poly(&[(0.0, 0.0), (100.0, 0.0), (100.0, 100.0)]);
    p.close_path();
    let mut s = style(4.0, LineCap::Butt);
    s.set_dash(&[30.0, 20.0]);
    let d = 135.0 / std::f64::consts::SQRT_2 * 0.999;
    // Chromium.
    let probes = [
        (10.0, 0.0),
        (40.0, 0.0),
        (60.0, 0.0),
        (100.0, 40.0),
        (90.0, 90.0),
        (20.0, 20.0),
        (5.0, 5.0),
        (d, d),
    ];
    assert_eq!(
        stroke(&p, &s, &probes),
        [true, false, true, false, true, true, false, true]
    );
}

#[test]
fn all_zero_dashes_draw_a_solid_line() {
    let (p, mut s) = line_0_100(10.0);
    s.set_dash(&[0.0, 0.0]);
    // Chromium.
    assert_eq!(stroke(&p, &s, &[(50.0, 0.0)]), [true]);
}

#[test]
fn zero_length_dashes_with_round_caps_are_dots() {
    let (p, mut s) = line_0_100(10.0);
    s.cap = LineCap::Round;
    s.set_dash(&[0.0, 10.0]);
    // Chromium.
    assert_eq!(
        stroke(
            &p,
            &s,
            &[
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 4.0),
                (5.0, 0.0),
                (15.0, 0.0)
            ]
        ),
        [true; 5]
    );
    assert_eq!(stroke(&p, &s, &[(5.0, 4.0)]), [false]);
}

#[test]
fn caps_extend_open_ends() {
    let (p, mut s) = line_0_100(10.0);
    s.cap = LineCap::Square;
    // Chromium.
    assert_eq!(
        stroke(
            &p,
            &s,
            &[(-4.0, 0.0), (-6.0, 0.0), (104.0, 4.0), (106.0, 0.0)]
        ),
        [true, false, true, false]
    );
    s.cap = LineCap::Round;
    assert_eq!(
        stroke(
            &p,
            &s,
            &[(-4.0, 0.0), (-6.0, 0.0), (103.0, 3.0), (104.0, 4.0)]
        ),
        [true, false, true, false]
    );
}

#[test]
fn closed_subpaths_get_joins_not_caps() {
    let mut p = poly(&[(0.0, 0.0), (100.0, 0.0), (100.0, 100.0)]);
    p.close_path();
    let mut s = style(10.0, LineCap::Square);
    // Chromium: the sharp miter at (0, 0) reaches past x = −6 on the axis.
    assert_eq!(stroke(&p, &s, &[(-3.0, 0.0), (-6.0, 0.0)]), [true, true]);
    s.join = LineJoin::Bevel;
    assert_eq!(stroke(&p, &s, &[(-6.0, 0.0)]), [false]);
}

#[test]
fn joins_follow_the_line_join() {
    let p = poly(&[(0.0, 0.0), (100.0, 0.0), (100.0, 10.0)]);
    let mut s = style(10.0, LineCap::Butt);
    // Chromium.
    assert_eq!(
        stroke(&p, &s, &[(104.0, -4.0), (104.9, -4.9), (105.1, -5.1)]),
        [true, true, false]
    );
    s.join = LineJoin::Bevel;
    assert_eq!(
        stroke(&p, &s, &[(104.0, -4.0), (102.0, -2.0), (101.0, -1.0)]),
        [false, true, true]
    );
    s.join = LineJoin::Round;
    assert_eq!(
        stroke(&p, &s, &[(104.0, -4.0), (103.5, -3.5), (103.4, -3.4)]),
        [false, true, true]
    );
}

#[test]
fn sharp_miters_beyond_the_limit_become_bevels() {
    let p = poly(&[(0.0, 0.0), (100.0, 0.0), (0.0, 10.0)]);
    let mut s = style(2.0, LineCap::Butt);
    // Chromium: the default limit (10) cuts this miter off, 1000 keeps it.
    assert_eq!(stroke(&p, &s, &[(105.0, 0.0)]), [false]);
    s.miter_limit = 1000.0;
    assert_eq!(stroke(&p, &s, &[(105.0, 0.0), (110.0, 0.5)]), [true, false]);
}

#[test]
fn near_reversals_never_get_a_miter() {
    // Chromium (Skia treats a turn this close to 180° as blunt).
    let p = poly(&[(0.0, 0.0), (100.0, 0.0), (0.0, 1.0)]);
    let mut s = style(2.0, LineCap::Butt);
    assert_eq!(
        stroke(&p, &s, &[(101.5, 0.2), (110.0, 0.5)]),
        [false, false]
    );
    s.miter_limit = 1000.0;
    assert_eq!(
        stroke(&p, &s, &[(101.5, 0.0), (101.5, 0.2), (150.0, 0.0)]),
        [false, false, false]
    );
}

#[test]
fn zero_length_subpaths_stroke_as_dots_like_chromium() {
    let p = poly(&[(10.0, 10.0), (10.0, 10.0)]);
    // Chromium, lineWidth 10.
    let round = style(10.0, LineCap::Round);
    let probes = [
        (10.0, 10.0),
        (14.0, 10.0),
        (14.9, 10.0),
        (13.0, 13.0),
        (16.0, 10.0),
    ];
    assert_eq!(stroke(&p, &round, &probes), [true, true, true, true, false]);
    let square = style(10.0, LineCap::Square);
    assert_eq!(
        stroke(&p, &square, &[(10.0, 10.0), (14.9, 14.9), (16.0, 10.0)]),
        [true, true, false]
    );
    assert_eq!(
        stroke(&p, &style(10.0, LineCap::Butt), &[(10.0, 10.0)]),
        [false]
    );
}

#[test]
fn closed_zero_length_subpaths_still_get_caps() {
    let round = style(10.0, LineCap::Round);
    // Chromium, next to another subpath: moveTo(p); lineTo(p); closePath().
    let mut p = poly(&[(0.0, 0.0), (20.0, 0.0)]);
    p.move_to(50.0, 50.0, &ID);
    p.line_to(50.0, 50.0, &ID);
    p.close_path();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    // Chromium: two or four zero-length lines, or a zero-length curve.
    let mut p = poly(&[(50.0, 50.0), (50.0, 50.0), (50.0, 50.0)]);
    p.close_path();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    let mut p = poly(&[
        (50.0, 50.0),
        (50.0, 50.0),
        (50.0, 50.0),
        (50.0, 50.0),
        (50.0, 50.0),
    ]);
    p.close_path();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    let mut p = Path2D::new();
    p.move_to(50.0, 50.0, &ID);
    p.quadratic_curve_to(50.0, 50.0, 50.0, 50.0, &ID);
    p.close_path();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
}

#[test]
fn degenerate_curves_stroke_as_dots_too() {
    let round = style(10.0, LineCap::Round);
    let mut p = Path2D::new();
    p.move_to(50.0, 50.0, &ID);
    p.quadratic_curve_to(50.0, 50.0, 50.0, 50.0, &ID);
    // Chromium.
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    let mut p = Path2D::new();
    p.move_to(50.0, 50.0, &ID);
    p.bezier_curve_to(50.0, 50.0, 50.0, 50.0, 50.0, 50.0, &ID);
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
}

#[test]
fn a_closed_single_point_strokes_as_a_dot_but_a_lone_point_does_not() {
    let round = style(10.0, LineCap::Round);
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    // Chromium: a lone moveTo draws nothing…
    assert_eq!(stroke(&p, &round, &[(10.0, 10.0)]), [false]);
    // …but moveTo + closePath draws a dot (Skia; the spec would draw nothing).
    p.close_path();
    assert_eq!(stroke(&p, &round, &[(10.0, 10.0)]), [true]);
}

#[test]
fn a_zero_rect_strokes_as_nothing() {
    let mut p = Path2D::new();
    p.rect(50.0, 50.0, 0.0, 0.0, &ID);
    let mut s = style(10.0, LineCap::Round);
    // Chromium, alone or next to another subpath, any join.
    assert_eq!(stroke(&p, &s, &[(50.0, 50.0)]), [false]);
    s.join = LineJoin::Round;
    assert_eq!(stroke(&p, &s, &[(50.0, 50.0)]), [false]);
    s.cap = LineCap::Butt;
    s.join = LineJoin::Miter;
    assert_eq!(
        stroke(&p, &s, &[(50.0, 50.0), (54.0, 54.0)]),
        [false, false]
    );
    let mut q = poly(&[(0.0, 0.0), (20.0, 0.0)]);
    q.rect(50.0, 50.0, 0.0, 0.0, &ID);
    assert_eq!(
        stroke(&q, &style(10.0, LineCap::Round), &[(50.0, 50.0)]),
        [false]
    );
    // It still leaves (x, y) as the current point (Chromium).
    p.line_to(0.0, 0.0, &ID);
    assert_eq!(
        stroke(&p, &style(10.0, LineCap::Butt), &[(25.0, 25.0)]),
        [true]
    );
}

#[test]
fn flat_rects_are_closed_contours_with_joins() {
    let mut p = Path2D::new();
    p.rect(50.0, 50.0, 10.0, 0.0, &ID);
    let mut s = style(10.0, LineCap::Butt);
    // Chromium: the 180° turns get no miter; round joins bulge out.
    assert_eq!(
        stroke(&p, &s, &[(47.0, 50.0), (63.0, 50.0), (55.0, 54.0)]),
        [false, false, true]
    );
    s.join = LineJoin::Round;
    assert_eq!(stroke(&p, &s, &[(47.0, 50.0), (46.0, 46.0)]), [true, false]);
}

#[test]
fn a_lone_dot_survives_dashing_when_the_pattern_is_on() {
    let p = poly(&[(10.0, 10.0), (10.0, 10.0)]);
    let mut s = style(10.0, LineCap::Round);
    // Chromium: [2, 2] → dot; [0, 2] → dot; offset 3 puts it in a gap.
    s.set_dash(&[2.0, 2.0]);
    assert_eq!(stroke(&p, &s, &[(10.0, 10.0)]), [true]);
    s.set_dash(&[0.0, 2.0]);
    assert_eq!(stroke(&p, &s, &[(10.0, 10.0)]), [true]);
    s.set_dash(&[2.0, 2.0]);
    s.dash_offset = 3.0;
    assert_eq!(stroke(&p, &s, &[(10.0, 10.0)]), [false]);
    s.dash_offset = 0.0;
    s.cap = LineCap::Butt;
    assert_eq!(stroke(&p, &s, &[(10.0, 10.0)]), [false]);
}

#[test]
fn other_zero_length_shapes_vanish_when_dashed() {
    let mut s = style(10.0, LineCap::Round);
    s.set_dash(&[2.0, 2.0]);
    // Chromium: moveTo + closePath, and several zero-length lines.
    let mut p = Path2D::new();
    p.move_to(50.0, 50.0, &ID);
    p.close_path();
    assert_eq!(stroke(&p, &s, &[(50.0, 50.0)]), [false]);
    let p = poly(&[(50.0, 50.0), (50.0, 50.0), (50.0, 50.0)]);
    s.cap = LineCap::Square;
    assert_eq!(
        stroke(&p, &s, &[(54.0, 54.0), (50.0, 50.0)]),
        [false, false]
    );
}

#[test]
fn dashes_that_fall_in_a_gap_or_are_too_many_draw_nothing() {
    let (p, mut s) = line_0_100(4.0);
    s.set_dash(&[1.0, 1000.0]);
    s.dash_offset = 500.0;
    // Chromium.
    assert_eq!(stroke(&p, &s, &[(50.0, 0.0), (0.0, 0.0)]), [false, false]);
    let p = poly(&[(0.0, 0.0), (100_000.0, 0.0)]);
    let mut s = style(4.0, LineCap::Butt);
    s.set_dash(&[0.01, 0.01]);
    assert_eq!(
        stroke(&p, &s, &[(50.0, 0.0), (50.015, 0.0)]),
        [false, false]
    );
}

#[test]
fn dashing_drops_dots_next_to_real_segments() {
    let mut p = poly(&[(0.0, 0.0), (100.0, 0.0)]);
    p.move_to(50.0, 50.0, &ID);
    p.line_to(50.0, 50.0, &ID);
    let mut s = style(10.0, LineCap::Round);
    s.set_dash(&[2.0, 2.0]);
    // Chromium.
    assert_eq!(
        stroke(&p, &s, &[(50.0, 50.0), (1.0, 0.0), (3.0, 0.0)]),
        [false, true, true]
    );
}

#[test]
fn stroke_outline_is_none_for_nothing_to_stroke() {
    let s = style(1.0, LineCap::Butt);
    assert!(Path2D::new().stroke_outline(&s, 1.0).is_none());
    let mut p = Path2D::new();
    p.move_to(1.0, 1.0, &ID);
    assert!(p.stroke_outline(&s, 1.0).is_none());
    let (p, s) = line_0_100(2.0);
    assert!(p.stroke_outline(&s, f32::NAN).is_some());
}

#[test]
fn hit_tests_survive_hostile_styles_and_points() {
    let (p, mut s) = line_0_100(1.0);
    for width in [1e-30, 1e30, f64::MAX] {
        s.width = width;
        for (x, y) in [(0.0, 0.0), (1e300, -1e300), (f64::MIN_POSITIVE, 0.0)] {
            let _ = p.stroke_contains(x, y, &s);
            let _ = p.contains(x, y, FillRule::NonZero);
        }
    }
    s.width = 1.0;
    s.set_dash(&[1e-30, 1e-30]);
    let _ = p.stroke_contains(50.0, 0.0, &s);
    s.set_dash(&[1e30, 1.0]);
    s.dash_offset = 1e300;
    let _ = p.stroke_contains(50.0, 0.0, &s);
}
