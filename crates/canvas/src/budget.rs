//! A run's shared budget: the memory cap every bitmap the engine allocates
//! is charged against (the JS heap charges the same counter through the JS
//! engine's allocator), and the run's deadline, which long native loops
//! check so one drawing call cannot outlast the run's time limit.
//!
//! A [`Budget`] is handed to the engine in [`Limits`](crate::Limits); a
//! drawing call enters it ([`Step::enter`]) so the rasterizer, the blur and
//! the resampler deep below can ask [`expired`] without every function
//! taking it as an argument.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use crate::error::{Error, ErrorKind, Result};

/// The memory cap and deadline of one run, shared by everything the run
/// allocates (`Send + Sync`: a budget outlives no thread it is used on,
/// but a server hands it to a worker).
#[derive(Debug)]
pub struct Budget {
    /// Bytes that may be charged at once (`None`: no cap, only counted).
    cap: Option<u64>,
    used: AtomicU64,
    peak: AtomicU64,
    /// When the run's time is up (`None`: no deadline).
    deadline: Option<Instant>,
    /// Set once a native step stopped at the deadline.
    expired: AtomicBool,
    /// Set once a native step was refused the scratch memory it needed.
    starved: AtomicBool,
}

impl Budget {
    /// A budget of `cap` bytes (`None`: unlimited) and a `deadline`.
    pub fn new(cap: Option<u64>, deadline: Option<Instant>) -> Arc<Budget> {
        Arc::new(Budget {
            cap,
            used: AtomicU64::new(0),
            peak: AtomicU64::new(0),
            deadline,
            expired: AtomicBool::new(false),
            starved: AtomicBool::new(false),
        })
    }

    /// The cap in bytes, if any.
    pub fn cap(&self) -> Option<u64> {
        self.cap
    }

    /// Bytes charged now.
    pub fn used(&self) -> u64 {
        self.used.load(Ordering::Relaxed)
    }

    /// The most bytes charged at once so far.
    pub fn peak(&self) -> u64 {
        self.peak.load(Ordering::Relaxed)
    }

    /// Charges `bytes` if they fit under the cap; `false` (nothing
    /// charged) when they do not.
    pub fn try_charge(&self, bytes: u64) -> bool {
        let mut used = self.used.load(Ordering::Relaxed);
        loop {
            let next = used.saturating_add(bytes);
            if self.cap.is_some_and(|cap| next > cap) {
                return false;
            }
            match self
                .used
                .compare_exchange_weak(used, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => {
                    self.peak.fetch_max(next, Ordering::Relaxed);
                    return true;
                }
                Err(now) => used = now,
            }
        }
    }

    /// Charges `bytes` whatever the cap (a copy of something already
    /// charged; the next [`try_charge`](Self::try_charge) sees the excess).
    pub fn force_charge(&self, bytes: u64) {
        let next = self.used.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(next, Ordering::Relaxed);
    }

    /// Gives back `bytes` charged earlier.
    pub fn release(&self, bytes: u64) {
        // Saturating: a release never underflows the count.
        let _ = self
            .used
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |u| {
                Some(u.saturating_sub(bytes))
            });
    }

    /// When the run's time is up, if it has a deadline (for native work
    /// outside the engine, such as an export's encoder).
    pub fn deadline(&self) -> Option<Instant> {
        self.deadline
    }

    /// Whether the deadline has passed (and notes that it did).
    pub fn past_deadline(&self) -> bool {
        if self.expired.load(Ordering::Relaxed) {
            return true;
        }
        let over = self.deadline.is_some_and(|d| Instant::now() > d);
        if over {
            self.expired.store(true, Ordering::Relaxed);
        }
        over
    }

    /// Whether a native step was stopped by the deadline.
    pub fn expired(&self) -> bool {
        self.expired.load(Ordering::Relaxed)
    }

    /// Whether a native step was refused scratch memory (layers, masks,
    /// text layouts) over the cap: the step drew nothing and the run ends
    /// with its memory-limit outcome.
    pub fn starved(&self) -> bool {
        self.starved.load(Ordering::Relaxed)
    }

    /// Charges a `bytes`-sized allocation for `what`: the charge is given
    /// back when the returned [`Charge`] drops. Past the cap it is a
    /// [`ErrorKind::Budget`] error naming the cap.
    pub fn charge(self: &Arc<Self>, what: &str, bytes: u64) -> Result<Charge> {
        if self.try_charge(bytes) {
            return Ok(Charge {
                budget: Some(self.clone()),
                bytes,
            });
        }
        Err(Error::new(
            ErrorKind::Budget,
            format!(
                "{what} needs {} MiB, over the run's memory limit of {} MiB ({} MiB in use)",
                bytes.div_ceil(1 << 20),
                self.cap.unwrap_or(0) >> 20,
                self.used() >> 20
            ),
        ))
    }
}

/// Bytes charged to a budget for one allocation, given back on drop. A
/// clone charges again (it stands for a copy of the allocation).
#[derive(Debug, Default)]
pub struct Charge {
    budget: Option<Arc<Budget>>,
    bytes: u64,
}

impl Charge {
    /// No charge (no budget, or nothing allocated).
    pub fn none() -> Charge {
        Charge::default()
    }
}

impl Charge {
    /// Charges `bytes` more to the running step's budget, as the
    /// allocation this charge stands for grows. `false` (nothing charged,
    /// the budget noted as starved) when they do not fit under its cap;
    /// `true` without a budget.
    pub(crate) fn grow(&mut self, bytes: u64) -> bool {
        let Some(mut more) = scratch(bytes) else {
            return false;
        };
        match (&self.budget, &more.budget) {
            (_, None) => {}
            (None, Some(_)) => *self = more,
            (Some(ours), Some(theirs)) if Arc::ptr_eq(ours, theirs) => {
                // One charge for the whole allocation.
                self.bytes += std::mem::take(&mut more.bytes);
            }
            // Another run's budget (not one allocation of ours): its
            // charge is given back when `more` drops.
            (Some(_), Some(_)) => {}
        }
        true
    }
}

impl Clone for Charge {
    fn clone(&self) -> Self {
        if let Some(b) = &self.budget {
            b.force_charge(self.bytes);
        }
        Charge {
            budget: self.budget.clone(),
            bytes: self.bytes,
        }
    }
}

impl Drop for Charge {
    fn drop(&mut self) {
        if let Some(b) = &self.budget {
            b.release(self.bytes);
        }
    }
}

thread_local! {
    /// The budget of the drawing step running on this thread.
    static CURRENT: RefCell<Option<Arc<Budget>>> = const { RefCell::new(None) };
}

/// A drawing step under a budget: while it lives, [`expired`] on this
/// thread answers from the budget's deadline. Steps nest (a pattern drawn
/// inside a fill); the outer one is back when the inner one ends.
#[derive(Debug)]
pub struct Step {
    outer: Option<Arc<Budget>>,
}

impl Step {
    /// Enters `budget` (`None`: no deadline for this step).
    pub fn enter(budget: Option<&Arc<Budget>>) -> Step {
        let outer = CURRENT.with(|c| c.replace(budget.cloned()));
        Step { outer }
    }
}

impl Drop for Step {
    fn drop(&mut self) {
        let outer = self.outer.take();
        CURRENT.with(|c| *c.borrow_mut() = outer);
    }
}

/// Whether the running step's deadline has passed: long loops stop their
/// work when it has (the call then draws nothing and the run ends at the
/// next JS operation with its time-limit outcome). Cheap enough for once
/// per row; per-segment loops ask every few thousand segments.
pub(crate) fn expired() -> bool {
    CURRENT.with(|c| {
        c.borrow()
            .as_ref()
            .is_some_and(|b| b.starved() || b.past_deadline())
    })
}

/// Charges `bytes` of scratch memory (a layer, a mask, a text layout) to
/// the running step's budget while the returned charge lives. `None` when
/// they do not fit under the cap: the step then stops, drawing nothing,
/// and the budget notes it ([`Budget::starved`]) so the run ends with its
/// memory-limit outcome. Without a budget nothing is charged.
pub(crate) fn scratch(bytes: u64) -> Option<Charge> {
    CURRENT.with(|c| match c.borrow().as_ref() {
        None => Some(Charge::none()),
        Some(b) if b.try_charge(bytes) => Some(Charge {
            budget: Some(b.clone()),
            bytes,
        }),
        Some(b) => {
            b.starved.store(true, Ordering::Relaxed);
            None
        }
    })
}

/// How many segments (edges, points, glyphs) a loop handles between two
/// [`expired`] checks.
pub(crate) const CHECK_EVERY: usize = 4096;

/// The error of a call refused because the run's time is up.
pub(crate) fn deadline_error() -> Error {
    Error::new(
        ErrorKind::Budget,
        "the run's time limit was reached during native drawing work",
    )
}
