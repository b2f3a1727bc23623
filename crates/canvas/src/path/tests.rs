//! Builder tests, and helpers shared by the other path test modules.
//! Expected values marked "Chromium" were observed with tools/chrome-eval.mjs.

use super::*;
use crate::line::{LineCap, LineJoin, LineStyle};
use kurbo::PathEl::{ClosePath as Z, CurveTo as C, LineTo as L, MoveTo as M, QuadTo as Q};

pub(crate) const ID: Affine = Affine::IDENTITY;

pub(crate) fn pt(x: f64, y: f64) -> Point {
    Point::new(x, y)
}

/// `isPointInPath` (nonzero) at each point.
pub(crate) fn fill(p: &Path2D, points: &[(f64, f64)]) -> Vec<bool> {
    points
        .iter()
        .map(|&(x, y)| p.contains(x, y, FillRule::NonZero))
        .collect()
}

/// A line style of `width` with `cap`, other fields default.
pub(crate) fn style(width: f64, cap: LineCap) -> LineStyle {
    LineStyle {
        width,
        cap,
        ..LineStyle::default()
    }
}

/// `isPointInStroke` with `style` at each point.
pub(crate) fn stroke(p: &Path2D, s: &LineStyle, points: &[(f64, f64)]) -> Vec<bool> {
    points
        .iter()
        .map(|&(x, y)| p.stroke_contains(x, y, s))
        .collect()
}

fn els(p: &Path2D) -> Vec<PathEl> {
    p.as_bez_path().elements().to_vec()
}

#[test]
fn new_path_is_empty_and_has_no_last_point() {
    let p = Path2D::new();
    assert!(p.is_empty());
    assert_eq!(p.last_point(), None);
    assert!(p.to_skia().is_none());
    assert!(p.bounds().is_none());
}

#[test]
fn move_to_starts_a_subpath_and_replaces_a_lone_move_to() {
    let mut p = Path2D::new();
    p.move_to(1.0, 2.0, &ID);
    assert!(!p.is_empty());
    p.move_to(3.0, 4.0, &ID);
    assert_eq!(els(&p), [M(pt(3.0, 4.0))]);
    assert_eq!(p.last_point(), Some((3.0, 4.0)));
}

#[test]
fn builders_ignore_non_finite_arguments() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    let before = p.clone();
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        p.move_to(bad, 0.0, &ID);
        p.line_to(0.0, bad, &ID);
        p.quadratic_curve_to(1.0, 1.0, bad, 2.0, &ID);
        p.bezier_curve_to(1.0, 1.0, 2.0, 2.0, 3.0, bad, &ID);
        p.rect(bad, 0.0, 1.0, 1.0, &ID);
        assert_eq!(p.arc(0.0, 0.0, 1.0, bad, 1.0, false, &ID), Ok(()));
        assert_eq!(p.arc_to(bad, 0.0, 1.0, 1.0, 1.0, &ID), Ok(()));
        assert_eq!(
            p.ellipse(0.0, 0.0, 1.0, 1.0, bad, 0.0, 1.0, false, &ID),
            Ok(())
        );
        assert_eq!(
            p.round_rect(0.0, bad, 1.0, 1.0, &[CornerRadius::Circular(1.0)], &ID),
            Ok(())
        );
    }
    assert_eq!(p, before);
}

#[test]
fn line_to_on_an_empty_path_keeps_a_zero_length_segment_that_strokes_as_a_dot() {
    let mut p = Path2D::new();
    p.line_to(10.0, 10.0, &ID);
    assert_eq!(els(&p), [M(pt(10.0, 10.0)), L(pt(10.0, 10.0))]);
    // Chromium: lineTo on an empty path, round cap width 10 → dot.
    assert_eq!(
        stroke(&p, &style(10.0, LineCap::Round), &[(10.0, 10.0)]),
        [true]
    );
}

#[test]
fn builders_apply_the_transform_to_every_point() {
    let t = Affine::translate((100.0, 0.0)) * Affine::scale(2.0);
    let mut p = Path2D::new();
    p.move_to(1.0, 1.0, &t);
    p.line_to(2.0, 1.0, &t);
    p.quadratic_curve_to(3.0, 1.0, 3.0, 2.0, &t);
    p.bezier_curve_to(3.0, 3.0, 2.0, 3.0, 1.0, 3.0, &t);
    assert_eq!(
        els(&p),
        [
            M(pt(102.0, 2.0)),
            L(pt(104.0, 2.0)),
            Q(pt(106.0, 2.0), pt(106.0, 4.0)),
            C(pt(106.0, 6.0), pt(104.0, 6.0), pt(102.0, 6.0)),
        ]
    );
}

#[test]
fn curves_on_an_empty_path_start_at_their_first_control_point() {
    let mut p = Path2D::new();
    p.quadratic_curve_to(10.0, 10.0, 50.0, 10.0, &ID);
    assert_eq!(
        els(&p),
        [M(pt(10.0, 10.0)), Q(pt(10.0, 10.0), pt(50.0, 10.0))]
    );
    // Chromium: both points are on the stroke.
    assert_eq!(
        stroke(
            &p,
            &style(1.0, LineCap::Butt),
            &[(10.0, 10.0), (30.0, 10.0)]
        ),
        [true, true]
    );

    let mut p = Path2D::new();
    p.bezier_curve_to(5.0, 6.0, 7.0, 8.0, 9.0, 10.0, &ID);
    assert_eq!(els(&p)[0], M(pt(5.0, 6.0)));
}

#[test]
fn rect_adds_a_closed_subpath_and_returns_to_its_origin() {
    let mut p = Path2D::new();
    p.rect(10.0, 10.0, 50.0, 50.0, &ID);
    assert_eq!(
        els(&p),
        [
            M(pt(10.0, 10.0)),
            L(pt(60.0, 10.0)),
            L(pt(60.0, 60.0)),
            L(pt(10.0, 60.0)),
            Z
        ]
    );
    assert_eq!(p.last_point(), Some((10.0, 10.0)));
    p.line_to(0.0, 0.0, &ID);
    // Chromium: the line after rect() starts at (x, y).
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &[(5.0, 5.0)]),
        [true]
    );
    assert_eq!(&els(&p)[5..], [M(pt(10.0, 10.0)), L(pt(0.0, 0.0))]);
}

#[test]
fn rect_with_negative_width_runs_the_other_way() {
    // Chromium: the two rects' windings cancel out.
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 100.0, 100.0, &ID);
    p.rect(100.0, 0.0, -100.0, 100.0, &ID);
    assert_eq!(fill(&p, &[(50.0, 50.0)]), [false]);
    assert!(!p.contains(50.0, 50.0, FillRule::EvenOdd));
}

#[test]
fn rect_under_a_transform_maps_its_corners() {
    let t = Affine::rotate(std::f64::consts::FRAC_PI_2);
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 10.0, 5.0, &t);
    let b = p.bounds().unwrap();
    assert!((b.x0 + 5.0).abs() < 1e-12 && b.x1.abs() < 1e-12);
    assert!(b.y0.abs() < 1e-12 && (b.y1 - 10.0).abs() < 1e-12);
}

#[test]
fn close_path_starts_the_next_segment_at_the_subpaths_first_point() {
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    p.line_to(50.0, 10.0, &ID);
    p.line_to(50.0, 50.0, &ID);
    p.close_path();
    assert_eq!(p.last_point(), Some((10.0, 10.0)));
    p.line_to(10.0, 50.0, &ID);
    assert_eq!(
        els(&p),
        [
            M(pt(10.0, 10.0)),
            L(pt(50.0, 10.0)),
            L(pt(50.0, 50.0)),
            Z,
            M(pt(10.0, 10.0)),
            L(pt(10.0, 50.0))
        ]
    );
}

#[test]
fn close_path_on_an_empty_path_or_twice_in_a_row_does_nothing_more() {
    let mut p = Path2D::new();
    p.close_path();
    assert!(p.is_empty());
    p.move_to(1.0, 1.0, &ID);
    p.line_to(2.0, 1.0, &ID);
    p.close_path();
    p.close_path();
    assert_eq!(els(&p), [M(pt(1.0, 1.0)), L(pt(2.0, 1.0)), Z]);
}

#[test]
fn add_path_appends_transformed_subpaths() {
    let mut src = Path2D::new();
    src.rect(0.0, 0.0, 10.0, 10.0, &ID);
    let mut p = Path2D::new();
    p.add_path(&src, &Affine::new([2.0, 0.0, 0.0, 2.0, 100.0, 0.0]));
    // Chromium: addPath(path, {a: 2, d: 2, e: 100}).
    assert_eq!(fill(&p, &[(115.0, 15.0), (5.0, 5.0)]), [true, false]);
}

#[test]
fn add_path_then_starts_a_new_subpath_at_the_last_point() {
    let mut src = Path2D::new();
    src.move_to(0.0, 0.0, &ID);
    src.line_to(50.0, 0.0, &ID);
    src.line_to(50.0, 50.0, &ID);
    let mut p = Path2D::new();
    p.move_to(100.0, 100.0, &ID);
    p.add_path(&src, &ID);
    assert_eq!(p.last_point(), Some((50.0, 50.0)));
    p.line_to(0.0, 50.0, &ID);
    // The line exists (as in Chromium)…
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &[(25.0, 50.0)]),
        [true]
    );
    // …but per spec in its own subpath, so it does not enclose (10, 40).
    // Chromium extends the added subpath instead and reports true here.
    assert_eq!(fill(&p, &[(40.0, 10.0), (10.0, 40.0)]), [true, false]);
}

#[test]
fn add_path_ignores_empty_paths_and_non_finite_transforms() {
    let mut src = Path2D::new();
    src.rect(0.0, 0.0, 1.0, 1.0, &ID);
    let mut p = Path2D::new();
    p.add_path(&Path2D::new(), &ID);
    p.add_path(&src, &Affine::new([f64::NAN, 0.0, 0.0, 1.0, 0.0, 0.0]));
    p.add_path(&src, &Affine::translate((f64::INFINITY, 0.0)));
    assert!(p.is_empty());
}

#[test]
fn add_path_after_a_closed_subpath_needs_no_extra_subpath() {
    let mut src = Path2D::new();
    src.rect(0.0, 0.0, 1.0, 1.0, &ID);
    let mut p = Path2D::new();
    p.add_path(&src, &ID);
    assert_eq!(els(&p), els(&src));
}

#[test]
fn transformed_maps_every_point() {
    let mut p = Path2D::new();
    p.move_to(1.0, 2.0, &ID);
    p.quadratic_curve_to(3.0, 4.0, 5.0, 6.0, &ID);
    let q = p.transformed(&Affine::scale_non_uniform(2.0, 3.0));
    assert_eq!(els(&q), [M(pt(2.0, 6.0)), Q(pt(6.0, 12.0), pt(10.0, 18.0))]);
}

#[test]
fn bounds_are_tight_around_curves() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.quadratic_curve_to(50.0, 100.0, 100.0, 0.0, &ID);
    let b = p.bounds().unwrap();
    // The control point is at y = 100; the curve only reaches 50.
    assert_eq!((b.x0, b.y0, b.x1), (0.0, 0.0, 100.0));
    assert!((b.y1 - 50.0).abs() < 1e-9);
}

#[test]
fn bounds_skip_lone_move_tos_but_keep_closed_single_points() {
    let mut p = Path2D::new();
    p.move_to(5.0, 5.0, &ID);
    assert!(p.bounds().is_none());
    p.close_path();
    assert_eq!(p.bounds(), Some(Rect::new(5.0, 5.0, 5.0, 5.0)));
    p.move_to(100.0, 100.0, &ID);
    assert_eq!(p.bounds(), Some(Rect::new(5.0, 5.0, 5.0, 5.0)));
}

#[test]
fn to_skia_is_none_without_anything_drawable() {
    let mut p = Path2D::new();
    p.move_to(1.0, 1.0, &ID);
    assert!(p.to_skia().is_none());
}

#[test]
fn to_skia_keeps_zero_length_segments_and_drops_a_trailing_move_to() {
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    p.line_to(10.0, 10.0, &ID);
    p.move_to(50.0, 50.0, &ID);
    let s = p.to_skia().unwrap();
    use tiny_skia::{PathSegment as S, Point as P};
    let p10 = P::from_xy(10.0, 10.0);
    assert_eq!(
        s.segments().collect::<Vec<_>>(),
        [S::MoveTo(p10), S::LineTo(p10)]
    );
}

#[test]
fn to_skia_zero_length_line_paints_a_round_cap_dot() {
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    p.line_to(10.0, 10.0, &ID);
    let path = p.to_skia().unwrap();
    let mut pixmap = tiny_skia::Pixmap::new(20, 20).unwrap();
    let mut paint = tiny_skia::Paint::default();
    paint.set_color_rgba8(0, 0, 0, 255);
    let s = style(10.0, LineCap::Round).to_skia();
    pixmap.stroke_path(&path, &paint, &s, tiny_skia::Transform::identity(), None);
    assert_eq!(pixmap.pixel(10, 10).unwrap().alpha(), 255);
    assert_eq!(pixmap.pixel(1, 1).unwrap().alpha(), 0);
}

#[test]
fn to_skia_clamps_huge_coordinates_instead_of_failing() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.line_to(1e300, 10.0, &ID);
    p.line_to(-1e300, -1e300, &ID);
    let s = p.to_skia().unwrap();
    assert!(s.bounds().width().is_finite());
    let mut pixmap = tiny_skia::Pixmap::new(8, 8).unwrap();
    pixmap.fill_path(
        &s,
        &tiny_skia::Paint::default(),
        tiny_skia::FillRule::Winding,
        tiny_skia::Transform::identity(),
        None,
    );
}

#[test]
fn hostile_numbers_do_not_panic() {
    let huge = [f64::MAX, -f64::MAX, 1e300, -1e-300, 5e-324, 0.0, -0.0];
    let transforms = [
        ID,
        Affine::scale(1e300),
        Affine::scale(0.0),
        Affine::scale(1e-300),
    ];
    let mut s = LineStyle::default();
    for t in &transforms {
        for &a in &huge {
            for &b in &huge {
                let mut p = Path2D::new();
                p.move_to(a, b, t);
                p.line_to(b, a, t);
                p.quadratic_curve_to(a, a, b, b, t);
                p.bezier_curve_to(a, b, a, b, a, b, t);
                let _ = p.arc(a, b, a.abs(), a, b, a > b, t);
                let _ = p.arc_to(a, b, b, a, b.abs(), t);
                let _ = p.ellipse(b, a, a.abs(), b.abs(), a, b, a, false, t);
                p.rect(a, b, a, b, t);
                let _ = p.round_rect(
                    a,
                    b,
                    b,
                    a,
                    &[CornerRadius::Elliptical {
                        x: a.abs(),
                        y: b.abs(),
                    }],
                    t,
                );
                p.close_path();
                let _ = p.bounds();
                let _ = p.to_skia();
                let _ = p.contains(a, b, FillRule::EvenOdd);
                s.width = a.abs().max(1e-3);
                s.cap = LineCap::Square;
                s.join = LineJoin::Round;
                let _ = p.stroke_contains(b, a, &s);
            }
        }
    }
}

#[test]
fn fill_rule_keywords_parse_and_default_to_nonzero() {
    assert_eq!(FillRule::parse("evenodd"), Some(FillRule::EvenOdd));
    assert_eq!(FillRule::parse("nonZero"), None);
    assert_eq!(FillRule::default(), FillRule::NonZero);
    assert_eq!(FillRule::NonZero.as_str(), "nonzero");
}

#[test]
fn js_number_formats_like_javascript_for_common_values() {
    assert_eq!(js_number(-1.0), "-1");
    assert_eq!(js_number(-0.5), "-0.5");
    assert_eq!(js_number(-1e30), "-1e+30");
    assert_eq!(js_number(-1.5e-7), "-1.5e-7");
    assert_eq!(js_number(-0.25), "-0.25");
}

/// The cubics of a path written for tiny-skia.
fn cubic_count(p: &tiny_skia::Path) -> usize {
    p.segments()
        .filter(|s| matches!(s, tiny_skia::PathSegment::CubicTo(..)))
        .count()
}

#[test]
fn strokes_see_arcs_in_skias_conic_pieces() {
    // A full circle: four quarter turns (Chromium). Built with a large
    // radius, the accurate form needs more cubics than that.
    let mut circle = Path2D::new();
    circle
        .arc(0.0, 0.0, 500.0, 0.0, std::f64::consts::TAU, false, &ID)
        .unwrap();
    assert!(cubic_count(&circle.to_skia().unwrap()) > 4);
    assert_eq!(cubic_count(&circle.to_skia_stroke().unwrap()), 4);
    // An arcTo corner of 135°: one conic in Skia, so one cubic.
    let mut corner = Path2D::new();
    corner.move_to(0.0, 0.0, &ID);
    corner.arc_to(100.0, 0.0, 0.0, 100.0, 50.0, &ID).unwrap();
    assert_eq!(cubic_count(&corner.to_skia_stroke().unwrap()), 1);
    // An SVG arc of 270°: Skia cuts it in equal pieces of at most 120°.
    let svg = Path2D::from_svg("M 100 0 A 100 100 0 1 1 0 -100");
    assert_eq!(cubic_count(&svg.to_skia_stroke().unwrap()), 3);
}
