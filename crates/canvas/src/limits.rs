//! Size budgets. Every bitmap the engine allocates on a script's behalf
//! (canvases, image data, decoded images) is checked against these first, so
//! an oversized request is an error, never an allocation attempt.

use crate::error::{Error, ErrorKind, Result};

/// The largest bitmaps the engine will allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest width or height, in pixels.
    pub max_side: u32,
    /// Largest width × height, in pixels.
    pub max_pixels: u64,
}

impl Default for Limits {
    /// 16,384 px a side and 16,777,216 px in area (64 MiB of RGBA): the iOS
    /// canvas limit, so what renders here also renders on a phone.
    fn default() -> Self {
        Limits {
            max_side: 16_384,
            max_pixels: 16_777_216,
        }
    }
}

impl Limits {
    /// Checks a `width × height` bitmap for `what` (named in the error).
    pub fn check(&self, what: &str, width: u64, height: u64) -> Result<()> {
        if width > self.max_side as u64 || height > self.max_side as u64 {
            return Err(Error::new(
                ErrorKind::Budget,
                format!(
                    "{what} of {width}x{height} exceeds the limit of {} px a side",
                    self.max_side
                ),
            ));
        }
        if width * height > self.max_pixels {
            return Err(Error::new(
                ErrorKind::Budget,
                format!(
                    "{what} of {width}x{height} exceeds the limit of {} px in area",
                    self.max_pixels
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_within_both_limits_pass() {
        assert!(Limits::default().check("canvas", 4096, 4096).is_ok());
        assert!(Limits::default().check("canvas", 0, 0).is_ok());
    }

    #[test]
    fn a_side_or_an_area_over_the_limit_is_a_budget_error() {
        let l = Limits {
            max_side: 100,
            max_pixels: 5000,
        };
        assert_eq!(
            l.check("canvas", 101, 1).unwrap_err().kind,
            ErrorKind::Budget
        );
        assert_eq!(
            l.check("canvas", 100, 51).unwrap_err().kind,
            ErrorKind::Budget
        );
        assert!(l.check("canvas", 100, 50).is_ok());
        assert!(l.check("canvas", u32::MAX as u64, u32::MAX as u64).is_err());
    }
}
