//! A drawing script's images, decoded off the JS thread: `loadImage(name)`
//! reads nothing itself; it starts a decoder thread and returns a pending
//! promise, and the render loop settles the promises in call order once
//! the script has run out of other work. A poster that loads five photos
//! then decodes them side by side, while its script goes on.
//!
//! At most as many decoders run at once as the machine has cores; a
//! further `loadImage` first waits for the oldest.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::thread::JoinHandle;

use mpcanvas_canvas::Image;
use mpcanvas_canvas::timing::{self, Stage};
use rquickjs::{Ctx, Exception, Function, Persistent, Promise};

use mpcanvas_js::canvas::image::JsImage;

/// What a decode gives: the image, or the message its promise rejects with.
type Outcome = Result<Image, String>;

/// The decodes started and not yet settled, oldest first.
#[derive(Default)]
pub(crate) struct Decodes {
    queue: RefCell<VecDeque<Pending>>,
}

/// One `loadImage` promise and its decode.
struct Pending {
    work: Work,
    resolve: Persistent<Function<'static>>,
    reject: Persistent<Function<'static>>,
}

enum Work {
    Running(JoinHandle<Outcome>),
    Done(Outcome),
}

impl Work {
    /// The outcome, waiting for the thread if it is still running (the
    /// wait counts as decoding time).
    fn finish(self) -> Outcome {
        match self {
            Work::Done(outcome) => outcome,
            Work::Running(thread) => {
                let _timed = timing::span(Stage::Decode);
                thread
                    .join()
                    .unwrap_or_else(|_| Err("the image decoder failed".to_string()))
            }
        }
    }
}

impl Decodes {
    /// Starts `decode` on its own thread and returns the promise it settles.
    pub(crate) fn start<'js>(
        &self,
        ctx: &Ctx<'js>,
        decode: impl FnOnce() -> Outcome + Send + 'static,
    ) -> rquickjs::Result<Promise<'js>> {
        let (promise, resolve, reject) = ctx.promise()?;
        self.make_room();
        let work = match std::thread::Builder::new()
            .name("image decode".into())
            .spawn(decode)
        {
            Ok(thread) => Work::Running(thread),
            Err(e) => Work::Done(Err(format!("cannot start an image decoder: {e}"))),
        };
        self.queue.borrow_mut().push_back(Pending {
            work,
            resolve: Persistent::save(ctx, resolve),
            reject: Persistent::save(ctx, reject),
        });
        Ok(promise)
    }

    /// Settles the oldest pending promise; `false` when none was pending.
    pub(crate) fn settle_next(&self, ctx: &Ctx<'_>) -> rquickjs::Result<bool> {
        // Taken out of the queue first: settling may run nothing now, but
        // the borrow must not be held across any call into JS.
        let Some(pending) = self.queue.borrow_mut().pop_front() else {
            return Ok(false);
        };
        let resolve = pending.resolve.restore(ctx)?;
        let reject = pending.reject.restore(ctx)?;
        match pending.work.finish() {
            Ok(image) => resolve.call::<_, ()>((JsImage::loaded(ctx, image)?,))?,
            Err(message) => {
                reject.call::<_, ()>((Exception::from_message(ctx.clone(), &message)?,))?
            }
        }
        Ok(true)
    }

    /// Forgets every pending promise (their threads finish on their own);
    /// the JS functions held must go before the runtime does.
    pub(crate) fn clear(&self) {
        let dropped = std::mem::take(&mut *self.queue.borrow_mut());
        drop(dropped);
    }

    /// Waits for the oldest running decode while as many run as there
    /// are cores.
    fn make_room(&self) {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let mut queue = self.queue.borrow_mut();
        let running = |q: &VecDeque<Pending>| {
            q.iter()
                .filter(|p| matches!(p.work, Work::Running(_)))
                .count()
        };
        while running(&queue) >= cores {
            let Some(oldest) = queue
                .iter_mut()
                .find(|p| matches!(p.work, Work::Running(_)))
            else {
                break;
            };
            let work = std::mem::replace(&mut oldest.work, Work::Done(Err(String::new())));
            oldest.work = Work::Done(work.finish());
        }
    }
}
