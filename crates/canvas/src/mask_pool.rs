//! The canvas-sized coverage mask tiny-skia's masked fills need, reused
//! across draws: allocating and zeroing one per fill was the top cost of
//! text-heavy drawing (a 14 px line paid for a whole-canvas memset). Only
//! the rectangle a draw wrote is cleared after it, so a draw costs its
//! shape's bounds, not the canvas.
//!
//! One mask per thread is kept (a job runs on one thread) until
//! [`release`] at the end of the job's drawing.

use std::cell::RefCell;

use tiny_skia::{IntRect, Mask};

use crate::budget::Charge;

thread_local! {
    /// An all-zero mask, when one is free, and its charge to the run's
    /// budget (a byte a pixel, while it is kept).
    static FREE: RefCell<Option<(Mask, Charge)>> = const { RefCell::new(None) };
}

/// Frees this thread's pooled mask (a job calls it when its drawing is
/// done, so the mask does not sit beside the bitmap while it is encoded).
pub fn release() {
    FREE.with(|m| m.borrow_mut().take());
}

/// Runs `f` with an all-zero `width × height` mask of which `f` writes
/// only `area` (clipped to the mask); `None` when no mask of that size can
/// be allocated, or its bytes do not fit in the run's memory budget (the
/// draw then stops, and the run ends with its memory-limit outcome).
pub(crate) fn with_mask<R>(
    width: u32,
    height: u32,
    area: IntRect,
    f: impl FnOnce(&mut Mask) -> R,
) -> Option<R> {
    let reused = FREE.with(|m| m.borrow_mut().take());
    let (mut mask, charge) = match reused {
        Some((m, c)) if m.width() == width && m.height() == height => (m, c),
        other => {
            // The old mask's charge is given back before the new one's.
            drop(other);
            let charge = crate::budget::scratch(u64::from(width) * u64::from(height))?;
            (Mask::new(width, height)?, charge)
        }
    };
    let out = f(&mut mask);
    // Back to all zero: clear what `f` may have written.
    let x0 = area.x().clamp(0, width as i32) as usize;
    let x1 = (area.x() + area.width() as i32).clamp(0, width as i32) as usize;
    let y0 = area.y().clamp(0, height as i32) as usize;
    let y1 = (area.y() + area.height() as i32).clamp(0, height as i32) as usize;
    let w = width as usize;
    let data = mask.data_mut();
    for y in y0..y1 {
        data[y * w + x0..y * w + x1].fill(0);
    }
    FREE.with(|m| *m.borrow_mut() = Some((mask, charge)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reused_mask_comes_back_all_zero() {
        let area = IntRect::from_xywh(2, 3, 4, 5).unwrap();
        with_mask(10, 10, area, |m| {
            for y in 3..8 {
                m.data_mut()[y * 10 + 2..y * 10 + 6].fill(200);
            }
        })
        .unwrap();
        let all_zero = with_mask(10, 10, area, |m| m.data().iter().all(|&v| v == 0)).unwrap();
        assert!(all_zero);
    }

    #[test]
    fn another_size_gets_its_own_mask() {
        let area = IntRect::from_xywh(0, 0, 3, 3).unwrap();
        let size = with_mask(3, 3, area, |m| (m.width(), m.height())).unwrap();
        assert_eq!(size, (3, 3));
        let size = with_mask(7, 2, area, |m| (m.width(), m.height())).unwrap();
        assert_eq!(size, (7, 2));
    }
}
