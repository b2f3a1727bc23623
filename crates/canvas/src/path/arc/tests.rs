//! Tests for arc, ellipse and arcTo. "Chromium" marks values observed in
//! headless Chromium with tools/chrome-eval.mjs.

use std::f64::consts::{FRAC_PI_2, PI};

use super::*;
use crate::error::ErrorKind;
use crate::line::LineCap;
use crate::path::tests::{ID, fill, pt, stroke, style};
use kurbo::{ParamCurve, PathEl, PathSeg};

fn arc_path(start: f64, end: f64, ccw: bool) -> Path2D {
    let mut p = Path2D::new();
    p.arc(0.0, 0.0, 10.0, start, end, ccw, &ID).unwrap();
    p
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn sweep_angle_follows_the_spec_and_chromium() {
    let cases = [
        (0.0, 3.0 * PI, false, TAU),
        (0.0, -FRAC_PI_2, false, 1.5 * PI),
        (0.0, TAU, true, -TAU),
        (TAU, 0.0, false, TAU),
        (4.0 * PI, 0.0, false, TAU),
        (0.0, 0.0, true, 0.0),
        (0.0, 0.0, false, 0.0),
        (FRAC_PI_2, 0.0, true, -FRAC_PI_2),
        (0.0, FRAC_PI_2, true, -1.5 * PI),
        (0.0, -4.0 * PI, true, -TAU),
        (0.0, TAU - 1e-4, true, -1e-4),
        (0.0, TAU + 1e-4, true, -(TAU - 1e-4)),
        (0.0, TAU - 1e-4, false, TAU - 1e-4),
        (1e308, -1e308, false, 0.0),
        (-1e308, 1e308, true, 0.0),
    ];
    for (start, end, ccw, want) in cases {
        let got = sweep_angle(start, end, ccw);
        assert!(
            (got - want).abs() < 1e-9,
            "sweep({start}, {end}, {ccw}) = {got}, want {want}"
        );
    }
}

#[test]
fn arc_fills_match_chromium() {
    // Points (0, ±5) and (−5, 0) tell which parts of the disc are covered.
    let probes = [(0.0, 5.0), (0.0, -5.0), (-5.0, 0.0)];
    assert_eq!(fill(&arc_path(0.0, 3.0 * PI, false), &probes), [true; 3]);
    assert_eq!(fill(&arc_path(0.0, TAU, true), &probes), [true; 3]);
    assert_eq!(fill(&arc_path(TAU, 0.0, false), &probes), [true; 3]);
    assert_eq!(fill(&arc_path(4.0 * PI, 0.0, false), &probes), [true; 3]);
    assert_eq!(
        fill(&arc_path(0.0, -4.0 * PI, true), &probes[..2]),
        [true; 2]
    );
    assert_eq!(
        fill(
            &arc_path(0.0, -FRAC_PI_2, false),
            &[(7.0, -7.0), (2.0, -2.0), (-5.0, -5.0), (5.0, 5.0)]
        ),
        [false, true, true, true]
    );
    assert_eq!(
        fill(&arc_path(0.0, 0.0, true), &[(0.0, 5.0), (9.9, 0.0)]),
        [false, false]
    );
    assert_eq!(
        fill(&arc_path(FRAC_PI_2, 0.0, true), &[(5.0, 5.0), (-5.0, -5.0)]),
        [true, false]
    );
    assert_eq!(
        fill(
            &arc_path(0.0, FRAC_PI_2, true),
            &[(5.0, 5.0), (-5.0, -5.0), (5.0, -5.0), (-5.0, 5.0)]
        ),
        [true; 4]
    );
    assert_eq!(
        fill(&arc_path(0.0, TAU - 1e-4, true), &probes[..2]),
        [false, false]
    );
    assert_eq!(
        fill(&arc_path(0.0, TAU + 1e-4, true), &probes[..2]),
        [true, true]
    );
}

#[test]
fn arc_starts_with_a_line_from_the_current_point() {
    let mut p = Path2D::new();
    p.move_to(-50.0, 0.0, &ID);
    p.arc(0.0, 0.0, 10.0, 0.0, FRAC_PI_2, false, &ID).unwrap();
    // Chromium: the connecting line passes (−20, 0) and (5, 0).
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &[(-20.0, 0.0), (5.0, 0.0)]),
        [true, true]
    );
}

#[test]
fn arc_on_an_empty_path_starts_at_the_arc_start() {
    let p = arc_path(0.0, FRAC_PI_2, false);
    assert_eq!(p.as_bez_path().elements()[0], PathEl::MoveTo(pt(10.0, 0.0)));
    let (x, y) = p.last_point().unwrap();
    assert!(close(x, 0.0) && close(y, 10.0));
}

#[test]
fn a_whole_circle_ends_where_it_started() {
    let mut p = arc_path(0.0, 2.5 * PI, false);
    let (x, y) = p.last_point().unwrap();
    assert!(close(x, 10.0) && close(y, 0.0));
    p.line_to(20.0, 20.0, &ID);
    // Chromium: the next line runs from (10, 0).
    assert_eq!(
        stroke(
            &p,
            &style(1.0, LineCap::Butt),
            &[(15.0, 10.0), (10.0, 15.0)]
        ),
        [true, false]
    );

    let mut p = arc_path(0.0, FRAC_PI_2, false);
    p.line_to(20.0, 20.0, &ID);
    assert_eq!(
        stroke(
            &p,
            &style(1.0, LineCap::Butt),
            &[(10.0, 15.0), (15.0, 10.0)]
        ),
        [true, false]
    );
}

#[test]
fn zero_radius_or_sweep_on_an_empty_path_leaves_a_dot() {
    let round = style(10.0, LineCap::Round);
    let mut p = Path2D::new();
    p.arc(50.0, 50.0, 0.0, 0.0, PI, false, &ID).unwrap();
    // Chromium: both draw a dot with round caps.
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    let mut p = Path2D::new();
    p.arc(50.0, 50.0, 10.0, 0.0, 0.0, false, &ID).unwrap();
    assert_eq!(stroke(&p, &round, &[(60.0, 50.0)]), [true]);
    assert_eq!(
        p.as_bez_path().elements(),
        [
            PathEl::MoveTo(pt(60.0, 50.0)),
            PathEl::LineTo(pt(60.0, 50.0))
        ]
    );
}

#[test]
fn zero_radius_arc_after_a_point_is_a_line_to_the_centre() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc(50.0, 50.0, 0.0, 0.0, PI, false, &ID).unwrap();
    p.line_to(100.0, 0.0, &ID);
    assert_eq!(
        p.as_bez_path().elements(),
        [
            PathEl::MoveTo(pt(0.0, 0.0)),
            PathEl::LineTo(pt(50.0, 50.0)),
            PathEl::LineTo(pt(100.0, 0.0))
        ]
    );
}

#[test]
fn negative_radii_are_index_size_errors_with_chromium_messages() {
    let mut p = Path2D::new();
    let e = p.arc(0.0, 0.0, -1.0, 0.0, 1.0, false, &ID).unwrap_err();
    assert_eq!(e.kind, ErrorKind::IndexSize);
    assert_eq!(e.message, "The radius provided (-1) is negative.");
    let e = p
        .ellipse(0.0, 0.0, -1.0, 1.0, 0.0, 0.0, 1.0, false, &ID)
        .unwrap_err();
    assert_eq!(
        e.message,
        "The major-axis radius provided (-1) is negative."
    );
    let e = p
        .ellipse(0.0, 0.0, 1.0, -2.0, 0.0, 0.0, 1.0, false, &ID)
        .unwrap_err();
    assert_eq!(
        e.message,
        "The minor-axis radius provided (-2) is negative."
    );
    let e = p.arc_to(0.0, 0.0, 1.0, 1.0, -3.0, &ID).unwrap_err();
    assert_eq!(
        (e.kind, e.message.as_str()),
        (
            ErrorKind::IndexSize,
            "The radius provided (-3) is negative."
        )
    );
}

#[test]
fn non_finite_arguments_are_checked_before_negative_radii() {
    let mut p = Path2D::new();
    assert_eq!(p.arc(0.0, 0.0, -1.0, f64::NAN, 1.0, false, &ID), Ok(()));
    assert_eq!(
        p.ellipse(0.0, 0.0, -1.0, 1.0, f64::INFINITY, 0.0, 1.0, false, &ID),
        Ok(())
    );
    assert_eq!(p.arc_to(0.0, 0.0, 1.0, f64::NAN, -1.0, &ID), Ok(()));
    assert!(p.is_empty());
}

/// Largest |distance from `center` − `radius`| over samples of every curve.
fn max_radial_error(p: &Path2D, center: Point, radius: f64) -> f64 {
    let mut worst: f64 = 0.0;
    for seg in p.as_bez_path().segments() {
        if let PathSeg::Cubic(c) = seg {
            for i in 0..=64 {
                let d = (c.eval(i as f64 / 64.0) - center).hypot();
                worst = worst.max((d - radius).abs());
            }
        }
    }
    worst
}

#[test]
fn arcs_stay_within_the_tolerance_up_to_radius_ten_thousand() {
    for radius in [0.5, 1.0, 10.0, 300.0, 10_000.0] {
        for scale in [1.0, 3.0] {
            let t = Affine::scale(scale);
            let mut p = Path2D::new();
            p.arc(0.0, 0.0, radius, 0.3, 0.3 + TAU, false, &t).unwrap();
            let err = max_radial_error(&p, Point::ORIGIN, radius * scale);
            assert!(err <= ARC_TOLERANCE, "r={radius} s={scale}: {err}");
        }
    }
}

#[test]
fn segment_count_grows_slowly_and_is_capped() {
    assert_eq!(segment_count(TAU, 0.01), 4);
    assert_eq!(segment_count(TAU, 1.0), 5);
    assert!(segment_count(TAU, 10_000.0) <= 80);
    assert_eq!(segment_count(TAU, 1e300), MAX_ARC_SEGMENTS as usize);
    assert_eq!(segment_count(TAU, f64::NAN), 4);
    assert_eq!(segment_count(1e-9, 1.0), 1);
}

#[test]
fn the_error_model_bounds_single_cubics() {
    // One cubic over `span` radians of the unit circle deviates by at most
    // QUARTER_ERROR · (span / (π/2))⁶, the figure segment_count relies on.
    for span in [0.05, 0.2, 0.5, 1.0, FRAC_PI_2] {
        let mut path = BezPath::new();
        path.move_to((1e-3, 0.0));
        let mut p = Path2D {
            path,
            arcs: Vec::new(),
            charge: Default::default(),
        };
        // A tiny scale keeps it to one cubic; measure on the unit circle.
        let s = 1e-3;
        append_unit_arc(&mut p, &Affine::scale(s), 0.0, span, ConicSplit::Quadrants);
        assert_eq!(p.path.elements().len(), 2, "one cubic for span {span}");
        let p = p.transformed(&Affine::scale(1.0 / s));
        let bound = QUARTER_ERROR * (span / FRAC_PI_2).powi(6);
        assert!(
            max_radial_error(&p, Point::ORIGIN, 1.0) <= bound,
            "span {span}"
        );
    }
}

#[test]
fn ellipse_rotation_turns_the_major_axis() {
    let mut p = Path2D::new();
    p.ellipse(50.0, 50.0, 20.0, 10.0, FRAC_PI_2, 0.0, TAU, false, &ID)
        .unwrap();
    // Chromium: rotated by 90°, the long axis is vertical.
    assert_eq!(fill(&p, &[(50.0, 68.0), (68.0, 50.0)]), [true, false]);
}

#[test]
fn ellipse_angles_are_parametric_not_polar() {
    let mut p = Path2D::new();
    p.ellipse(
        0.0,
        0.0,
        20.0,
        10.0,
        0.0,
        FRAC_PI_2 / 2.0,
        FRAC_PI_2,
        false,
        &ID,
    )
    .unwrap();
    let PathEl::MoveTo(s) = p.as_bez_path().elements()[0] else {
        panic!()
    };
    let h = std::f64::consts::FRAC_1_SQRT_2;
    assert!(close(s.x, 20.0 * h) && close(s.y, 10.0 * h));
}

#[test]
fn flat_ellipses_become_lines_through_their_extreme_points() {
    let xs = |p: &Path2D| -> Vec<(f64, f64)> {
        let els = p.as_bez_path().elements();
        els.iter()
            .map(|e| e.end_point().unwrap())
            .map(|q| (q.x.round(), q.y.round()))
            .collect()
    };
    let mut p = Path2D::new();
    p.ellipse(0.0, 0.0, 10.0, 0.0, 0.0, 0.0, PI, false, &ID)
        .unwrap();
    assert!(matches!(
        p.as_bez_path().elements(),
        [PathEl::MoveTo(_), PathEl::LineTo(_), PathEl::LineTo(_)]
    ));
    assert_eq!(xs(&p), [(10.0, 0.0), (0.0, 0.0), (-10.0, 0.0)]);
    let mut p = Path2D::new();
    p.ellipse(0.0, 0.0, 10.0, 0.0, 0.0, 0.0, -TAU, true, &ID)
        .unwrap();
    assert_eq!(
        xs(&p),
        [
            (10.0, 0.0),
            (0.0, 0.0),
            (-10.0, 0.0),
            (0.0, 0.0),
            (10.0, 0.0)
        ]
    );
    // Rotated, with a start between the extremes.
    let mut p = Path2D::new();
    p.ellipse(0.0, 0.0, 0.0, 10.0, FRAC_PI_2, 0.5, 2.0, false, &ID)
        .unwrap();
    assert_eq!(p.as_bez_path().elements().len(), 3);
}

#[test]
fn arc_under_a_transform_is_an_ellipse_in_device_space() {
    let mut p = Path2D::new();
    p.arc(
        0.0,
        0.0,
        10.0,
        0.0,
        TAU,
        false,
        &Affine::scale_non_uniform(2.0, 1.0),
    )
    .unwrap();
    assert_eq!(
        fill(&p, &[(19.0, 0.0), (0.0, 9.0), (21.0, 0.0), (0.0, 11.0)]),
        [true, true, false, false]
    );
    assert!(
        max_radial_error(
            &p.transformed(&Affine::scale_non_uniform(0.5, 1.0)),
            Point::ORIGIN,
            10.0
        ) < 1e-4
    );
}

#[test]
fn arc_to_draws_a_tangent_arc() {
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc_to(50.0, 0.0, 50.0, 50.0, 10.0, &ID).unwrap();
    let (x, y) = p.last_point().unwrap();
    assert!(close(x, 50.0) && close(y, 10.0));
    p.line_to(50.0, 50.0, &ID);
    // Chromium.
    let probes = [
        (45.0, 0.0),
        (40.0, 0.0),
        (39.0, 0.0),
        (50.0, 30.0),
        (50.0, 10.0),
        (50.0, 9.0),
        (47.07, 2.93),
    ];
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &probes),
        [false, true, true, true, true, true, true]
    );
}

#[test]
fn arc_to_geometry_finds_centre_and_tangent_points() {
    let g = arc_to_geometry(pt(0.0, 0.0), pt(50.0, 0.0), pt(50.0, 50.0), 10.0).unwrap();
    assert!(close(g.start.x, 40.0) && close(g.start.y, 0.0));
    assert!(close(g.center.x, 40.0) && close(g.center.y, 10.0));
    assert!(close(g.sweep, FRAC_PI_2));
    assert!(close(g.start_angle, -FRAC_PI_2));
    // Turning the other way sweeps the other way.
    let g = arc_to_geometry(pt(0.0, 0.0), pt(50.0, 0.0), pt(50.0, -50.0), 10.0).unwrap();
    assert!(close(g.sweep, -FRAC_PI_2));
}

#[test]
fn arc_to_degenerate_cases_draw_a_line_to_the_first_point() {
    let butt = style(1.0, LineCap::Butt);
    // Collinear, forwards and backwards (Chromium).
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc_to(50.0, 0.0, 100.0, 0.0, 10.0, &ID).unwrap();
    p.line_to(50.0, 50.0, &ID);
    assert_eq!(
        stroke(&p, &butt, &[(25.0, 0.0), (75.0, 0.0), (50.0, 25.0)]),
        [true, false, true]
    );
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc_to(50.0, 0.0, 20.0, 0.0, 10.0, &ID).unwrap();
    assert_eq!(p.last_point(), Some((50.0, 0.0)));
    // Radius zero.
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc_to(50.0, 0.0, 50.0, 50.0, 0.0, &ID).unwrap();
    assert_eq!(p.last_point(), Some((50.0, 0.0)));
    // p1 == p2.
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &ID);
    p.arc_to(50.0, 0.0, 50.0, 0.0, 10.0, &ID).unwrap();
    assert_eq!(p.last_point(), Some((50.0, 0.0)));
    // Nearly collinear (sine below 1/4096): a line, not a far-away arc.
    assert_eq!(
        arc_to_geometry(pt(0.0, 0.0), pt(50.0, 0.0), pt(100.0, 0.01), 10.0),
        None
    );
}

#[test]
fn arc_to_from_the_same_point_keeps_a_dot_but_not_on_an_empty_path() {
    let round = style(10.0, LineCap::Round);
    // Chromium: moveTo(50,50); arcTo(50,50,…) draws a dot…
    let mut p = Path2D::new();
    p.move_to(50.0, 50.0, &ID);
    p.arc_to(50.0, 50.0, 100.0, 100.0, 10.0, &ID).unwrap();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [true]);
    // …but arcTo on an empty path only starts the subpath.
    let mut p = Path2D::new();
    p.arc_to(50.0, 50.0, 100.0, 50.0, 10.0, &ID).unwrap();
    assert_eq!(stroke(&p, &round, &[(50.0, 50.0)]), [false]);
    p.line_to(100.0, 100.0, &ID);
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &[(75.0, 75.0)]),
        [true]
    );
}

#[test]
fn arc_to_with_negative_radius_still_ensures_a_subpath_per_spec() {
    let mut p = Path2D::new();
    assert!(p.arc_to(10.0, 10.0, 20.0, 20.0, -1.0, &ID).is_err());
    // Spec order: the subpath exists before the throw (Chromium throws
    // first and leaves the path empty).
    assert_eq!(p.last_point(), Some((10.0, 10.0)));
}

#[test]
fn arc_to_works_in_user_space_under_a_transform() {
    let t = Affine::scale_non_uniform(2.0, 1.0);
    let mut p = Path2D::new();
    p.move_to(0.0, 0.0, &t);
    p.arc_to(50.0, 0.0, 50.0, 50.0, 10.0, &t).unwrap();
    p.line_to(50.0, 50.0, &t);
    // Chromium, after scale(2, 1): the tangent point (40, 0) lands at (80, 0).
    assert_eq!(
        stroke(
            &p,
            &style(1.0, LineCap::Butt),
            &[(80.0, 0.0), (100.0, 30.0), (95.0, 1.3)]
        ),
        [true, true, false]
    );
    let (x, y) = p.last_point().unwrap();
    assert!(close(x, 100.0) && close(y, 50.0));
}

#[test]
fn arc_to_under_a_singular_transform_draws_a_line_to_the_mapped_point() {
    // Chromium: with setTransform(0,0,0,0,7,9) arcTo adds a line to (7, 9);
    // with setTransform(1,0,0,0,0,0) a line to (50, 0).
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    p.arc_to(
        50.0,
        0.0,
        50.0,
        50.0,
        10.0,
        &Affine::new([0.0, 0.0, 0.0, 0.0, 7.0, 9.0]),
    )
    .unwrap();
    assert_eq!(p.last_point(), Some((7.0, 9.0)));
    let mut p = Path2D::new();
    p.move_to(10.0, 10.0, &ID);
    p.arc_to(
        50.0,
        0.0,
        50.0,
        50.0,
        10.0,
        &Affine::new([1.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
    )
    .unwrap();
    p.line_to(150.0, 10.0, &ID);
    let probes = [(30.0, 5.0), (50.0, 0.0), (100.0, 5.0), (80.0, 10.0)];
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &probes),
        [true, true, true, false]
    );
}

#[test]
fn arc_to_after_close_path_starts_from_the_subpath_start() {
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 10.0, 10.0, &ID);
    p.arc_to(20.0, 0.0, 20.0, 20.0, 5.0, &ID).unwrap();
    let els = p.as_bez_path().elements();
    assert_eq!(els[5], PathEl::MoveTo(pt(0.0, 0.0)));
    assert_eq!(els[6], PathEl::LineTo(pt(15.0, 0.0)));
}
