//! SVG path data tests. "Chromium" marks values observed with
//! `new Path2D(d)` in headless Chromium (tools/chrome-eval.mjs).

use super::*;
use crate::line::LineCap;
use crate::path::tests::{fill, pt, stroke, style};
use kurbo::PathEl::{self, ClosePath as Z, CurveTo as C, LineTo as L, MoveTo as M, QuadTo as Q};

fn els(d: &str) -> Vec<PathEl> {
    Path2D::from_svg(d).as_bez_path().elements().to_vec()
}

/// isPointInStroke with lineWidth 2 on `new Path2D(d)`.
fn on_stroke(d: &str, points: &[(f64, f64)]) -> Vec<bool> {
    stroke(&Path2D::from_svg(d), &style(2.0, LineCap::Butt), points)
}

fn close_pt(a: Point, b: Point) -> bool {
    (a - b).hypot() < 1e-9
}

#[test]
fn absolute_commands() {
    assert_eq!(
        els("M 10 10 L 20 10 H 30 V 20 C 30 30 20 30 20 20 Q 10 20 10 10 Z"),
        [
            M(pt(10.0, 10.0)),
            L(pt(20.0, 10.0)),
            L(pt(30.0, 10.0)),
            L(pt(30.0, 20.0)),
            C(pt(30.0, 30.0), pt(20.0, 30.0), pt(20.0, 20.0)),
            Q(pt(10.0, 20.0), pt(10.0, 10.0)),
            Z,
        ]
    );
}

#[test]
fn relative_commands() {
    assert_eq!(
        els("m 10 10 l 10 0 h 10 v 10 c 0 10 -10 10 -10 0 q -10 0 -10 -10 z"),
        els("M 10 10 L 20 10 H 30 V 20 C 30 30 20 30 20 20 Q 10 20 10 10 Z")
    );
    // Chromium: relative commands after z start from the subpath's start.
    let d = "m10 10 l10 0 l0 10 z m 50 50 h 10 v 10 H 60 V 60";
    let probes = [
        (15.0, 10.0),
        (20.0, 15.0),
        (15.0, 15.0),
        (65.0, 60.0),
        (70.0, 65.0),
        (65.0, 70.0),
        (60.0, 65.0),
    ];
    assert_eq!(on_stroke(d, &probes), [true; 7]);
    assert_eq!(
        els("m 10 10 l 40 0 l 0 40 z m 5 5 l 10 0")[4],
        M(pt(15.0, 15.0))
    );
}

#[test]
fn implicit_repeats() {
    // Extra pairs after M are lines (absolute after M, relative after m).
    assert_eq!(els("M10 10 20 10 20 20"), els("M10 10 L20 10 L20 20"));
    assert_eq!(els("m10 10 10 0 0 10"), els("M10 10 L20 10 L20 20"));
    assert_eq!(els("M0 0 L1 1 2 2 h 1 1"), els("M0 0 L1 1 L2 2 L3 2 L4 2"));
    assert_eq!(
        els("M0 0 Q1 1 2 0 3 -1 4 0"),
        els("M0 0 Q1 1 2 0 Q3 -1 4 0")
    );
}

#[test]
fn smooth_curves_reflect_the_previous_control_point() {
    assert_eq!(
        &els("M0 50 C 0 0 100 0 100 50 S 200 100 200 50")[2],
        &C(pt(100.0, 100.0), pt(200.0, 100.0), pt(200.0, 50.0))
    );
    assert_eq!(
        &els("M0 0 Q 50 50 100 0 T 200 0")[2],
        &Q(pt(150.0, -50.0), pt(200.0, 0.0))
    );
    assert_eq!(
        &els("M0 0 Q 50 50 100 0 T 200 0 T 300 0")[3],
        &Q(pt(250.0, 50.0), pt(300.0, 0.0))
    );
    // Without a matching previous curve the control point is the current point.
    assert_eq!(
        &els("M0 0 S 50 50 100 0")[1],
        &C(pt(0.0, 0.0), pt(50.0, 50.0), pt(100.0, 0.0))
    );
    assert_eq!(
        &els("M0 0 L 10 0 T 100 0")[2],
        &Q(pt(10.0, 0.0), pt(100.0, 0.0))
    );
    assert_eq!(
        &els("M0 0 Q 5 5 10 0 S 20 20 30 0")[2],
        &C(pt(10.0, 0.0), pt(20.0, 20.0), pt(30.0, 0.0))
    );
    // Chromium: T with nothing to reflect is a straight line.
    assert_eq!(on_stroke("M 0 0 T 100 0", &[(50.0, 0.0)]), [true]);
    // Chromium: the curves pass through these points.
    let d = "M0 50 C 0 0 100 0 100 50 S 200 100 200 50 Q 150 0 100 0 T 0 0";
    assert_eq!(on_stroke(d, &[(50.0, 12.5), (150.0, 87.5)]), [true, true]);
}

#[test]
fn arcs_follow_their_flags() {
    // Chromium: sweep 1 goes over the top (y down), large-arc with sweep 0
    // under the bottom.
    assert_eq!(
        on_stroke("M 0 50 A 50 50 0 0 1 100 50", &[(50.0, 0.0), (50.0, 100.0)]),
        [true, false]
    );
    assert_eq!(
        on_stroke("M 0 50 A 50 50 0 1 0 100 50", &[(50.0, 100.0), (50.0, 0.0)]),
        [true, false]
    );
    assert_eq!(
        on_stroke("M0 50a50,50,0,1,0,100,0", &[(50.0, 0.0), (50.0, 100.0)]),
        [false, true]
    );
    // Flags may be packed without separators.
    assert_eq!(
        on_stroke("M0 50A50 50 0 01100 50", &[(50.0, 0.0), (50.0, 100.0)]),
        [true, false]
    );
    let large = Path2D::from_svg("M 0 0 A 10 10 0 1 1 10 0");
    let b = large.bounds().unwrap();
    assert!(
        b.height() > 15.0,
        "large arc goes most of the way round: {b:?}"
    );
    assert!(close_pt(
        large
            .as_bez_path()
            .elements()
            .last()
            .unwrap()
            .end_point()
            .unwrap(),
        pt(10.0, 0.0)
    ));
}

#[test]
fn arc_radii_are_corrected_as_svg_says() {
    // Chromium: negative radii count as positive; radii too small to span
    // the chord grow into a half ellipse; zero radius is a line.
    assert_eq!(
        on_stroke(
            "M 0 50 A -50 -50 0 0 1 100 50",
            &[(50.0, 0.0), (50.0, 100.0)]
        ),
        [true, false]
    );
    assert_eq!(
        on_stroke("M 0 50 A 1 1 0 0 1 100 50", &[(50.0, 0.0), (50.0, 100.0)]),
        [true, false]
    );
    assert_eq!(
        on_stroke(
            "M 0 50 A 1e-7 1e-7 0 0 1 100 50",
            &[(50.0, 0.0), (50.0, 50.0)]
        ),
        [true, false]
    );
    assert_eq!(
        on_stroke("M 0 50 A 0 10 0 0 1 100 50", &[(50.0, 50.0), (50.0, 0.0)]),
        [true, false]
    );
    assert_eq!(els("M 0 50 A 0 10 0 0 1 100 50")[1], L(pt(100.0, 50.0)));
    // Identical end points: the arc is omitted, later commands still count.
    assert_eq!(
        els("M 0 50 A 50 50 0 0 1 0 50 L 0 100"),
        [M(pt(0.0, 50.0)), L(pt(0.0, 100.0)), M(pt(0.0, 100.0))]
    );
}

#[test]
fn arc_rotation_is_in_degrees() {
    // A 2:1 ellipse rotated 90° spans the chord (0,0)–(0,40) with its long axis.
    let p = Path2D::from_svg("M 0 0 A 20 10 90 0 1 0 40");
    let b = p.bounds().unwrap();
    assert!(
        (b.x0 + 10.0).abs() < 1e-3 || (b.x1 - 10.0).abs() < 1e-3,
        "{b:?}"
    );
    assert!((b.y1 - 40.0).abs() < 1e-9);
}

#[test]
fn center_arc_handles_extreme_radii() {
    let a = center_arc(
        pt(0.0, 0.0),
        pt(10.0, 0.0),
        Vec2::new(1e-300, 1e-300),
        0.0,
        false,
        true,
    )
    .unwrap();
    assert!((a.radii.x - 5.0).abs() < 1e-9 && (a.center.x - 5.0).abs() < 1e-9);
    let a = center_arc(
        pt(0.0, 0.0),
        pt(10.0, 0.0),
        Vec2::new(1e100, 1e100),
        0.0,
        false,
        true,
    )
    .unwrap();
    assert!(a.sweep.abs() < 1e-90 && a.sweep > 0.0);
    // So flat that the numbers underflow: the caller draws the line it tends to.
    assert!(
        center_arc(
            pt(0.0, 0.0),
            pt(10.0, 0.0),
            Vec2::new(1e200, 1e200),
            0.0,
            false,
            true
        )
        .is_none()
    );
    assert_eq!(els("M 0 0 A 1e200 1e200 0 0 1 10 0")[1], L(pt(10.0, 0.0)));
    assert!(
        center_arc(
            pt(0.0, 0.0),
            pt(10.0, 0.0),
            Vec2::new(1e-300, 1e300),
            0.0,
            false,
            true
        )
        .is_none()
    );
}

#[test]
fn close_path_returns_to_the_subpath_start() {
    // Chromium: after Z, L starts from (10, 10); Z Z closes once.
    assert_eq!(
        on_stroke("M 10 10 L 50 10 Z L 10 50", &[(10.0, 30.0), (30.0, 10.0)]),
        [true, true]
    );
    assert_eq!(
        on_stroke(
            "M 10 10 L 30 10 L 30 30 Z Z L 10 30",
            &[(10.0, 20.0), (20.0, 30.0)]
        ),
        [true, false]
    );
    assert_eq!(
        els("M 0 0 L 1 0 Z z"),
        [M(pt(0.0, 0.0)), L(pt(1.0, 0.0)), Z]
    );
}

#[test]
fn parsing_stops_at_the_first_error_keeping_what_came_before() {
    // Chromium for each of these.
    assert_eq!(
        on_stroke(
            "M 10 10 L 20 x 30 30 L 50 50",
            &[(15.0, 10.0), (20.0, 10.0), (25.0, 20.0)]
        ),
        [false; 3]
    );
    assert_eq!(els("M 10 10 L 20 x 30 30 L 50 50"), [M(pt(10.0, 10.0))]);
    assert_eq!(
        on_stroke("M 10 10 L 20 20 30", &[(15.0, 15.0), (25.0, 25.0)]),
        [true, false]
    );
    assert_eq!(
        fill(
            &Path2D::from_svg("M 10 10 L 50 10 L 50 50 Z X 0 0"),
            &[(40.0, 20.0)]
        ),
        [true]
    );
    assert_eq!(on_stroke("M 10 10 L 30 10 Z 5 5", &[(20.0, 10.0)]), [true]);
    assert_eq!(
        on_stroke(
            "M 0 50 A 50 50 0 2 1 100 50 L 0 0",
            &[(50.0, 0.0), (50.0, 25.0)]
        ),
        [false, false]
    );
    assert_eq!(on_stroke("M ,10 10 L 50 10", &[(30.0, 10.0)]), [false]);
    assert_eq!(on_stroke("M 10,,10 L 50 10", &[(30.0, 10.0)]), [false]);
    assert_eq!(els("M 10 10 L"), [M(pt(10.0, 10.0))]);
    // A non-finite number is an error too.
    assert_eq!(
        on_stroke("M 0 0 L 1e999 0 L 0 50", &[(5.0, 0.0), (0.0, 25.0)]),
        [false, false]
    );
}

#[test]
fn data_must_start_with_a_move_to() {
    // Chromium: nothing is drawn.
    assert!(Path2D::from_svg("L 10 10 L 50 50").is_empty());
    assert!(Path2D::from_svg("").is_empty());
    assert!(Path2D::from_svg("   ").is_empty());
    assert!(Path2D::from_svg("hello").is_empty());
}

#[test]
fn number_syntax_variants() {
    // Chromium draws all of these.
    assert_eq!(on_stroke("M1e1 1e1L5e1,1e1", &[(30.0, 10.0)]), [true]);
    assert_eq!(on_stroke("M 10 10 L 50 10,", &[(30.0, 10.0)]), [true]);
    assert_eq!(on_stroke("M.5.5L50.5.5", &[(25.0, 0.5)]), [true]);
    assert_eq!(on_stroke("M10-10L30-10", &[(20.0, -10.0)]), [true]);
    assert_eq!(on_stroke("M +10 +10 L +50 +10", &[(30.0, 10.0)]), [true]);
    assert_eq!(on_stroke("M 10 10, L 50 10", &[(30.0, 10.0)]), [true]);
    assert_eq!(
        on_stroke("  \n\tM\n10,10\tL 30 10  ", &[(20.0, 10.0)]),
        [true]
    );
    assert_eq!(on_stroke("M 0 0 L 1e38 0", &[(5.0, 0.0)]), [true]);
}

#[test]
fn consecutive_move_tos_keep_the_last() {
    // Chromium.
    assert_eq!(
        on_stroke("M 10 10 M 20 20 L 30 20", &[(25.0, 20.0), (15.0, 15.0)]),
        [true, false]
    );
    assert_eq!(els("M 10 10 M 20 20 L 30 20")[0], M(pt(20.0, 20.0)));
}

#[test]
fn a_new_subpath_starts_at_the_last_point_per_spec() {
    let mut p = Path2D::from_svg("M0 0 L50 0 L50 50");
    assert_eq!(p.as_bez_path().elements().last(), Some(&M(pt(50.0, 50.0))));
    p.line_to(0.0, 50.0, &crate::path::tests::ID);
    // The spec's new subpath keeps (10, 40) outside; Chromium extends the
    // parsed subpath and reports it inside.
    assert_eq!(fill(&p, &[(40.0, 10.0), (10.0, 40.0)]), [true, false]);
    // After Z the closed subpath's start already is the current point.
    assert_eq!(els("M0 0 L50 0 Z").last(), Some(&Z));
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "M",
        "M 1",
        "M 1 2 3",
        "A",
        "M0 0 A",
        "M0 0 A 1 1 0 1",
        "M0 0 A 1 1 0 1 1 5",
        "ZZZ",
        "M0 0 Z 1",
        "M 1e308 1e308 L -1e308 -1e308 A 1e308 1e308 1e308 1 1 1e-308 1e308",
        "M0 0 A 1e-320 1e320 45 1 0 1 1",
        "M0 0 A 5 5 1e300 0 0 1 1",
        "M\u{0}0 0",
        "M 0 0 L 1 1 🎨",
        "m-.-.-",
        "M0,0,",
        "M 0 0 c",
        "\u{feff}M0 0",
        "M0 0 t1 1 s1 1 1 1 T2 2 S3 3 4 4 q1 1 1 1 c1 1 1 1 1 1 v1 h1 V1 H1 a1 1 0 0 0 1 1 z",
    ];
    for d in inputs {
        let p = Path2D::from_svg(d);
        let _ = p.to_skia();
        let _ = p.bounds();
        let _ = p.contains(0.5, 0.5, crate::path::FillRule::EvenOdd);
    }
    // Bytes that are not ASCII anywhere in the string.
    let mut s = String::new();
    for c in (0u32..0x3000).step_by(7).filter_map(char::from_u32) {
        s.push(c);
        let _ = Path2D::from_svg(&s);
    }
}
