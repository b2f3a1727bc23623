//! roundRect tests. "Chromium" marks values observed in headless Chromium
//! with tools/chrome-eval.mjs.

use super::*;
use crate::line::LineCap;
use crate::path::tests::{ID, fill, stroke, style};
use CornerRadius::{Circular as R, Elliptical};
use kurbo::PathEl;

fn rr(x: f64, y: f64, w: f64, h: f64, radii: &[CornerRadius]) -> Path2D {
    let mut p = Path2D::new();
    p.round_rect(x, y, w, h, radii, &ID).unwrap();
    p
}

/// `isPointInStroke` with dashes [5, 1000]: only the first 5 units of the
/// outline are drawn, which shows where and which way it starts.
fn dash_start(p: &Path2D, points: &[(f64, f64)]) -> Vec<bool> {
    let mut s = style(1.0, LineCap::Butt);
    s.set_dash(&[5.0, 1000.0]);
    stroke(p, &s, points)
}

#[test]
fn radii_count_outside_one_to_four_is_a_range_error() {
    let mut p = Path2D::new();
    for n in [0, 5] {
        let radii = vec![R(1.0); n];
        let e = p.round_rect(0.0, 0.0, 10.0, 10.0, &radii, &ID).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Range);
        // Chromium's wording.
        assert_eq!(
            e.message,
            format!("{n} radii provided. Between one and four radii are necessary.")
        );
    }
    assert!(p.is_empty());
}

#[test]
fn negative_radii_are_range_errors_with_chromium_messages() {
    let mut p = Path2D::new();
    let msg = |p: &mut Path2D, r: &[CornerRadius]| {
        p.round_rect(0.0, 0.0, 10.0, 10.0, r, &ID).unwrap_err()
    };
    let e = msg(&mut p, &[R(-1.0)]);
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ErrorKind::Range, "Radius value -1 is negative.")
    );
    let e = msg(&mut p, &[Elliptical { x: -1.0, y: 1.0 }]);
    assert_eq!(e.message, "X-radius value -1 is negative.");
    let e = msg(&mut p, &[Elliptical { x: 1.0, y: -1.0 }]);
    assert_eq!(e.message, "Y-radius value -1 is negative.");
    assert!(p.is_empty());
}

#[test]
fn checks_run_in_spec_order() {
    let mut p = Path2D::new();
    // Non-finite x returns before the count check (Chromium throws a
    // RangeError for this one; the spec returns first).
    assert_eq!(p.round_rect(f64::NAN, 0.0, 10.0, 10.0, &[], &ID), Ok(()));
    // Chromium agrees on the rest.
    assert_eq!(
        p.round_rect(f64::NAN, 0.0, 10.0, 10.0, &[R(-1.0)], &ID),
        Ok(())
    );
    assert_eq!(
        p.round_rect(0.0, 0.0, 10.0, 10.0, &[R(f64::NAN), R(-1.0)], &ID),
        Ok(())
    );
    assert!(
        p.round_rect(0.0, 0.0, 10.0, 10.0, &[R(-1.0), R(f64::NAN)], &ID)
            .is_err()
    );
    let nan_point = Elliptical {
        x: -1.0,
        y: f64::INFINITY,
    };
    assert_eq!(
        p.round_rect(0.0, 0.0, 10.0, 10.0, &[nan_point], &ID),
        Ok(())
    );
    assert!(p.is_empty());
}

#[test]
fn a_non_finite_radius_makes_it_a_no_op() {
    // Chromium: nothing is added.
    let p = rr(0.0, 0.0, 100.0, 100.0, &[R(f64::NAN)]);
    assert!(p.is_empty());
    assert_eq!(fill(&p, &[(50.0, 50.0)]), [false]);
}

#[test]
fn zero_radii_give_a_plain_rectangle() {
    let p = rr(0.0, 0.0, 100.0, 100.0, &[R(0.0)]);
    // Chromium (default radii 0): the corner is covered.
    assert_eq!(fill(&p, &[(0.5, 0.5)]), [true]);
    let lines = p
        .as_bez_path()
        .elements()
        .iter()
        .filter(|e| matches!(e, PathEl::LineTo(_)))
        .count();
    assert_eq!(lines, 4);
}

#[test]
fn large_radii_make_a_circle() {
    // Chromium.
    assert_eq!(
        fill(
            &rr(0.0, 0.0, 100.0, 100.0, &[R(50.0)]),
            &[(5.0, 5.0), (15.0, 15.0)]
        ),
        [false, true]
    );
}

#[test]
fn radii_scale_down_together_when_a_side_is_too_short() {
    // Chromium: 50 + 50 > 50 on the short sides, so every radius becomes 25.
    let p = rr(0.0, 0.0, 100.0, 50.0, &[R(50.0)]);
    assert_eq!(
        fill(&p, &[(3.0, 3.0), (8.0, 8.0), (50.0, 1.0)]),
        [false, true, true]
    );
}

#[test]
fn elliptical_radii_round_corners_unevenly() {
    // Chromium: {x: 50, y: 10}.
    let p = rr(0.0, 0.0, 100.0, 100.0, &[Elliptical { x: 50.0, y: 10.0 }]);
    assert_eq!(
        fill(&p, &[(5.0, 5.0), (30.0, 2.0), (2.0, 30.0)]),
        [false, true, true]
    );
}

#[test]
fn radii_lists_expand_like_css_border_radius() {
    let corners = [(1.0, 1.0), (99.0, 1.0), (99.0, 99.0), (1.0, 99.0)];
    // Rounded corners are empty at their extreme corner point.
    let rounded = |radii: &[CornerRadius]| -> Vec<bool> {
        fill(&rr(0.0, 0.0, 100.0, 100.0, radii), &corners)
            .iter()
            .map(|inside| !inside)
            .collect()
    };
    assert_eq!(rounded(&[R(10.0)]), [true, true, true, true]);
    assert_eq!(rounded(&[R(10.0), R(0.0)]), [true, false, true, false]);
    assert_eq!(
        rounded(&[R(10.0), R(0.0), R(20.0)]),
        [true, false, true, false]
    );
    assert_eq!(
        rounded(&[R(0.0), R(10.0), R(0.0)]),
        [false, true, false, true]
    );
    assert_eq!(
        rounded(&[R(0.0), R(0.0), R(0.0), R(10.0)]),
        [false, false, false, true]
    );
}

#[test]
fn negative_width_or_height_flips_the_corners() {
    // Chromium: the first radius goes to the corner at (x, y).
    let p = rr(100.0, 0.0, -100.0, 50.0, &[R(40.0), R(0.0), R(0.0), R(0.0)]);
    assert_eq!(
        fill(&p, &[(2.0, 2.0), (98.0, 2.0), (50.0, 25.0)]),
        [true, false, true]
    );
    let p = rr(0.0, 50.0, 100.0, -50.0, &[R(40.0), R(0.0), R(0.0), R(0.0)]);
    assert_eq!(
        fill(&p, &[(2.0, 2.0), (2.0, 48.0), (98.0, 2.0)]),
        [true, false, true]
    );
}

#[test]
fn one_flip_reverses_the_direction() {
    // Chromium: the same direction adds up, the flipped one cancels.
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 100.0, 100.0, &ID);
    p.round_rect(0.0, 0.0, 100.0, 100.0, &[R(10.0)], &ID)
        .unwrap();
    assert_eq!(fill(&p, &[(50.0, 50.0)]), [true]);
    let mut p = Path2D::new();
    p.rect(0.0, 0.0, 100.0, 100.0, &ID);
    p.round_rect(100.0, 0.0, -100.0, 100.0, &[R(10.0)], &ID)
        .unwrap();
    assert_eq!(fill(&p, &[(50.0, 50.0)]), [false]);
}

#[test]
fn the_outline_starts_after_the_top_left_corner() {
    // Chromium: clockwise from (10, 0) for w, h > 0 and for both negative;
    // counterclockwise from the same point after one flip.
    let p = rr(0.0, 0.0, 100.0, 100.0, &[R(10.0)]);
    assert_eq!(
        dash_start(&p, &[(12.0, 0.0), (8.0, 0.0), (0.0, 8.0), (0.0, 12.0)]),
        [true, false, false, false]
    );
    let p = rr(100.0, 0.0, -100.0, 100.0, &[R(10.0)]);
    let probes = [
        (88.0, 0.0),
        (92.0, 0.0),
        (100.0, 8.0),
        (100.0, 12.0),
        (8.0, 0.0),
        (12.0, 0.0),
    ];
    assert_eq!(
        dash_start(&p, &probes),
        [false, false, false, false, true, false]
    );
    let p = rr(0.0, 100.0, 100.0, -100.0, &[R(10.0)]);
    assert_eq!(
        dash_start(&p, &[(8.0, 0.0), (12.0, 0.0), (90.0, 100.0), (0.0, 12.0)]),
        [true, false, false, false]
    );
    let p = rr(100.0, 100.0, -100.0, -100.0, &[R(10.0)]);
    assert_eq!(
        dash_start(&p, &[(8.0, 0.0), (12.0, 0.0), (88.0, 100.0)]),
        [false, true, false]
    );
    let p = rr(
        100.0,
        0.0,
        -100.0,
        100.0,
        &[R(20.0), R(0.0), R(0.0), R(0.0)],
    );
    let probes = [
        (2.0, 0.0),
        (-2.0, 0.0),
        (0.0, 2.0),
        (0.0, -1.0),
        (20.0, 0.0),
        (18.0, 0.0),
    ];
    assert_eq!(
        dash_start(&p, &probes),
        [false, false, true, false, false, false]
    );
}

#[test]
fn dash_offset_runs_along_the_outline() {
    // Chromium: lineDashOffset −20 moves the first dash 20 units on.
    let mut s = style(1.0, LineCap::Butt);
    s.set_dash(&[5.0, 1000.0]);
    s.dash_offset = -20.0;
    let p = rr(0.0, 0.0, 100.0, 100.0, &[R(10.0)]);
    assert_eq!(stroke(&p, &s, &[(32.0, 0.0), (28.0, 0.0)]), [true, false]);
}

#[test]
fn it_ends_with_a_new_subpath_at_x_y() {
    let mut p = rr(10.0, 10.0, 50.0, 50.0, &[R(5.0)]);
    assert_eq!(p.last_point(), Some((10.0, 10.0)));
    p.line_to(0.0, 0.0, &ID);
    // Chromium: the next line starts at (x, y), not at the outline's start.
    assert_eq!(
        stroke(&p, &style(1.0, LineCap::Butt), &[(5.0, 5.0)]),
        [true]
    );
    let els = p.as_bez_path().elements();
    assert!(matches!(
        els[els.len() - 3..],
        [PathEl::ClosePath, PathEl::MoveTo(_), PathEl::LineTo(_)]
    ));
}

#[test]
fn it_follows_the_transform() {
    let mut p = Path2D::new();
    p.round_rect(0.0, 0.0, 10.0, 10.0, &[R(5.0)], &Affine::scale(10.0))
        .unwrap();
    assert_eq!(
        fill(&p, &[(50.0, 50.0), (5.0, 5.0), (50.0, 1.0)]),
        [true, false, true]
    );
    assert_eq!(p.last_point(), Some((0.0, 0.0)));
}

#[test]
fn corners_with_one_zero_radius_are_square() {
    let p = rr(0.0, 0.0, 100.0, 100.0, &[Elliptical { x: 20.0, y: 0.0 }]);
    assert_eq!(fill(&p, &[(0.5, 0.5), (99.5, 99.5)]), [true, true]);
}

#[test]
fn zero_width_collapses_radii_without_panicking() {
    let p = rr(0.0, 0.0, 0.0, 100.0, &[R(10.0)]);
    // Chromium strokes it as a vertical line.
    assert_eq!(
        stroke(
            &p,
            &style(2.0, LineCap::Butt),
            &[(0.0, 50.0), (0.0, 5.0), (0.5, 1.0)]
        ),
        [true; 3]
    );
}
