//! `roundRect(x, y, w, h, radii)`.
//!
//! Argument handling follows the spec's steps in order. The geometry for
//! negative `w`/`h` follows Chromium, where the spec's literal steps break
//! down (its scale factor turns negative): the rectangle is normalised, the
//! corner radii swap with it (a flip, as the spec's note describes), and
//! the outline runs counterclockwise after an odd number of flips, always
//! starting at the top edge just right of the top-left corner. That start
//! point and direction decide where dashes begin, so they are pinned by
//! tests observed in Chromium.

use std::f64::consts::{FRAC_PI_2, PI};

use kurbo::{Affine, Point};

use super::arc::{ConicSplit, append_unit_arc};
use super::{CornerRadius, Path2D, finite, js_number};
use crate::error::{Error, ErrorKind, Result};

/// A corner's horizontal and vertical radii.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Radii {
    x: f64,
    y: f64,
}

impl Path2D {
    /// `roundRect(x, y, w, h, radii)`: a closed rounded-rectangle subpath,
    /// then a new subpath at (x, y).
    ///
    /// Non-finite `x`, `y`, `w`, `h` or a non-finite radius make it a no-op
    /// (checked in spec order: a NaN radius before a negative one returns
    /// quietly). A list of 0 or more than 4 radii, or a negative radius, is
    /// a `RangeError`. Radii are expanded like CSS `border-radius` and
    /// scaled down together when two on one side exceed its length.
    pub fn round_rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        radii: &[CornerRadius],
        t: &Affine,
    ) -> Result<()> {
        if !finite(&[x, y, w, h]) {
            return Ok(());
        }
        // Over the run's memory limit: the path does not grow.
        if !self.reserve(super::GROW) {
            return Ok(());
        }
        if radii.is_empty() || radii.len() > 4 {
            return Err(range(format!(
                "{} radii provided. Between one and four radii are necessary.",
                radii.len()
            )));
        }
        let mut normalized = Vec::with_capacity(radii.len());
        for radius in radii {
            let r = match *radius {
                CornerRadius::Circular(r) => {
                    if !r.is_finite() {
                        return Ok(());
                    }
                    if r < 0.0 {
                        return Err(range(format!("Radius value {} is negative.", js_number(r))));
                    }
                    Radii { x: r, y: r }
                }
                CornerRadius::Elliptical { x: rx, y: ry } => {
                    if !rx.is_finite() || !ry.is_finite() {
                        return Ok(());
                    }
                    if rx < 0.0 {
                        return Err(range(format!(
                            "X-radius value {} is negative.",
                            js_number(rx)
                        )));
                    }
                    if ry < 0.0 {
                        return Err(range(format!(
                            "Y-radius value {} is negative.",
                            js_number(ry)
                        )));
                    }
                    Radii { x: rx, y: ry }
                }
            };
            normalized.push(r);
        }
        // Upper-left, upper-right, lower-right, lower-left, as CSS expands them.
        let [mut ul, mut ur, mut lr, mut ll] = match normalized[..] {
            [a] => [a, a, a, a],
            [a, b] => [a, b, a, b],
            [a, b, c] => [a, b, c, b],
            [a, b, c, d] => [a, b, c, d],
            _ => unreachable!("length checked above"),
        };

        let (mut left, mut top, mut width, mut height) = (x, y, w, h);
        let mut clockwise = true;
        if width < 0.0 {
            left += width;
            width = -width;
            std::mem::swap(&mut ul, &mut ur);
            std::mem::swap(&mut ll, &mut lr);
            clockwise = !clockwise;
        }
        if height < 0.0 {
            top += height;
            height = -height;
            std::mem::swap(&mut ul, &mut ll);
            std::mem::swap(&mut ur, &mut lr);
            clockwise = !clockwise;
        }

        // Corner curves must not overlap: one factor for all radii.
        let ratio = |len: f64, sum: f64| if sum > 0.0 { len / sum } else { f64::INFINITY };
        let scale = ratio(width, ul.x + ur.x)
            .min(ratio(height, ur.y + lr.y))
            .min(ratio(width, lr.x + ll.x))
            .min(ratio(height, ul.y + ll.y));
        if scale < 1.0 {
            for r in [&mut ul, &mut ur, &mut lr, &mut ll] {
                r.x *= scale;
                r.y *= scale;
            }
        }

        let (right, bottom) = (left + width, top + height);
        // Corner centres, and the angle where each corner's arc meets the
        // top/right/bottom/left edge going clockwise.
        let corners = [
            (Point::new(right - ur.x, top + ur.y), ur, -FRAC_PI_2),
            (Point::new(right - lr.x, bottom - lr.y), lr, 0.0),
            (Point::new(left + ll.x, bottom - ll.y), ll, FRAC_PI_2),
            (Point::new(left + ul.x, top + ul.y), ul, PI),
        ];
        self.push_move(*t * Point::new(left + ul.x, top));
        if clockwise {
            for (center, r, from) in corners {
                self.corner(center, r, from, FRAC_PI_2, t);
            }
        } else {
            // Reverse order, each corner walked from its far end back.
            for (center, r, from) in corners.into_iter().rev() {
                self.corner(center, r, from + FRAC_PI_2, -FRAC_PI_2, t);
            }
        }
        self.path.close_path();
        self.push_move(*t * Point::new(x, y));
        Ok(())
    }

    /// A straight edge to the corner's first point, then its quarter arc.
    fn corner(&mut self, center: Point, r: Radii, from: f64, sweep: f64, t: &Affine) {
        let on = |a: f64| center + kurbo::Vec2::new(r.x * a.cos(), r.y * a.sin());
        let first = *t * on(from);
        // Counterclockwise outlines start exactly where the first corner
        // does; no zero-length edge there.
        if self.current_point() != Some(first) {
            self.path.line_to(first);
        }
        if r.x == 0.0 && r.y == 0.0 {
            return;
        }
        if r.x == 0.0 || r.y == 0.0 {
            // A flat corner is just a straight line to its other end.
            self.path.line_to(*t * on(from + sweep));
            return;
        }
        let m = *t * Affine::translate(center.to_vec2()) * Affine::scale_non_uniform(r.x, r.y);
        append_unit_arc(self, &m, from, sweep, ConicSplit::Quadrants);
    }
}

fn range(message: String) -> Error {
    Error::new(ErrorKind::Range, message)
}

#[cfg(test)]
mod tests;
