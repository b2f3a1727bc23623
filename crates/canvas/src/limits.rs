//! Size budgets. Every bitmap the engine allocates on a script's behalf
//! (canvases, image data, decoded images) is checked against these first, so
//! an oversized request is an error, never an allocation attempt; with a
//! run's [`Budget`], what is allocated is also charged against its memory
//! cap and long steps stop at its deadline.

use std::sync::Arc;

use crate::budget::{Budget, Charge, Step};
use crate::error::{Error, ErrorKind, Result};

/// The largest bitmaps the engine will allocate, and the run's budget.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest width or height, in pixels.
    pub max_side: u32,
    /// Largest width × height, in pixels.
    pub max_pixels: u64,
    /// The run's shared memory cap and deadline (`None`: sizes only).
    pub budget: Option<Arc<Budget>>,
}

impl PartialEq for Limits {
    /// Same sizes and the same budget object.
    fn eq(&self, other: &Self) -> bool {
        self.max_side == other.max_side
            && self.max_pixels == other.max_pixels
            && match (&self.budget, &other.budget) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Default for Limits {
    /// 16,384 px a side and 16,777,216 px in area (64 MiB of RGBA): the iOS
    /// canvas limit, so what renders here also renders on a phone.
    fn default() -> Self {
        Limits {
            max_side: 16_384,
            max_pixels: 16_777_216,
            budget: None,
        }
    }
}

impl Limits {
    /// These limits under `budget`.
    pub fn with_budget(mut self, budget: Arc<Budget>) -> Limits {
        self.budget = Some(budget);
        self
    }

    /// Charges `bytes` for `what` to the budget (nothing without one).
    pub fn charge(&self, what: &str, bytes: u64) -> Result<Charge> {
        match &self.budget {
            Some(b) => b.charge(what, bytes),
            None => Ok(Charge::none()),
        }
    }

    /// Whether the budget has stopped native work: its deadline passed
    /// (noted for the run) or a step was refused scratch memory.
    pub fn budget_stopped(&self) -> bool {
        self.budget
            .as_ref()
            .is_some_and(|b| b.starved() || b.past_deadline())
    }

    /// Enters the budget's deadline for one drawing step.
    pub fn step(&self) -> Step {
        Step::enter(self.budget.as_ref())
    }

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
            budget: None,
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
