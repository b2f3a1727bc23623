//! Where a job's time goes: per-thread clocks for the stages of a render
//! or run (setting up, decoding images, drawing, encoding, writing files).
//!
//! Each layer wraps its own work in [`measure`] (the canvas its drawing
//! calls and image decoding, the platform its encoding and writes, the
//! runtime its set-up); the front end reads the sums with [`take`]. A job
//! runs on one thread, so the clocks are thread-local and need no locks.
//! Nested stages are not counted twice: time spent in an inner stage is
//! taken off the outer one.

use std::cell::RefCell;
use std::time::{Duration, Instant};

/// A stage of a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Setting the job up: the JS runtime, its bindings, the job's fonts.
    Startup,
    /// Decoding images.
    Decode,
    /// Drawing calls on a canvas (text shaping and layout included).
    Draw,
    /// Encoding PNG / JPEG.
    Encode,
    /// Writing files.
    Write,
}

impl Stage {
    const ALL: [Stage; 5] = [
        Stage::Startup,
        Stage::Decode,
        Stage::Draw,
        Stage::Encode,
        Stage::Write,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// Time summed per stage since the last [`take`] on this thread.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// [`Stage::Startup`].
    pub startup: Duration,
    /// [`Stage::Decode`].
    pub decode: Duration,
    /// [`Stage::Draw`].
    pub draw: Duration,
    /// [`Stage::Encode`].
    pub encode: Duration,
    /// [`Stage::Write`].
    pub write: Duration,
}

impl StageTimes {
    /// The sum of every stage.
    pub fn total(&self) -> Duration {
        self.startup + self.decode + self.draw + self.encode + self.write
    }
}

/// One stage being timed: when it started and how much of that went to
/// stages nested in it.
struct Open {
    start: Instant,
    nested: Duration,
}

#[derive(Default)]
struct Clocks {
    sums: [Duration; 5],
    open: Vec<Open>,
}

thread_local! {
    static CLOCKS: RefCell<Clocks> = RefCell::new(Clocks::default());
}

/// A stage being timed until this is dropped ([`span`]); dropping also
/// closes it when a panic unwinds, so the clocks stay consistent.
#[must_use = "the stage is timed until the span is dropped"]
pub struct Span(Stage);

impl Drop for Span {
    fn drop(&mut self) {
        CLOCKS.with(|c| {
            let mut c = c.borrow_mut();
            let Some(open) = c.open.pop() else {
                return;
            };
            let elapsed = open.start.elapsed();
            c.sums[self.0.index()] += elapsed.saturating_sub(open.nested);
            if let Some(outer) = c.open.last_mut() {
                outer.nested += elapsed;
            }
        });
    }
}

/// Starts timing `stage` until the returned span is dropped (its time,
/// less any nested stage's, counts to `stage`).
pub fn span(stage: Stage) -> Span {
    CLOCKS.with(|c| {
        c.borrow_mut().open.push(Open {
            start: Instant::now(),
            nested: Duration::ZERO,
        })
    });
    Span(stage)
}

/// Runs `f`, counting its time (less any nested stage's) to `stage`.
pub fn measure<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    let _span = span(stage);
    f()
}

/// The sums since the last call on this thread, and a fresh start.
pub fn take() -> StageTimes {
    CLOCKS.with(|c| {
        let sums = std::mem::take(&mut c.borrow_mut().sums);
        let at = |s: Stage| sums[s.index()];
        debug_assert_eq!(Stage::ALL.len(), sums.len());
        StageTimes {
            startup: at(Stage::Startup),
            decode: at(Stage::Decode),
            draw: at(Stage::Draw),
            encode: at(Stage::Encode),
            write: at(Stage::Write),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spin(d: Duration) {
        let start = Instant::now();
        while start.elapsed() < d {}
    }

    #[test]
    fn nested_stages_are_taken_off_the_outer_one() {
        take();
        let outer = Instant::now();
        measure(Stage::Draw, || {
            spin(Duration::from_millis(5));
            measure(Stage::Decode, || spin(Duration::from_millis(20)));
        });
        let outer = outer.elapsed();
        let t = take();
        assert!(t.decode >= Duration::from_millis(20), "{t:?}");
        assert!(t.draw >= Duration::from_millis(5), "{t:?}");
        // Counted once: were the nested stage left in the outer one, the
        // two would sum past the wall time, whatever the machine's load.
        assert!(t.draw + t.decode <= outer, "{t:?} over {outer:?}");
        assert_eq!(take(), StageTimes::default(), "take starts afresh");
    }

    #[test]
    fn a_panicking_stage_still_closes() {
        take();
        let caught =
            std::panic::catch_unwind(|| measure(Stage::Encode, || -> () { panic!("bad input") }));
        assert!(caught.is_err());
        measure(Stage::Write, || spin(Duration::from_millis(1)));
        let t = take();
        assert!(t.write >= Duration::from_millis(1), "{t:?}");
        CLOCKS.with(|c| assert!(c.borrow().open.is_empty()));
    }
}
