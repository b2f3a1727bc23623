//! [`Pool`]: worker threads fed by a bounded queue. JS runtimes are not
//! `Send`, so each job builds its runtime on the worker that runs it; the
//! [`Engine`] (fonts, profiles) is shared.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use mpcanvas::Engine;
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce(&Engine) + Send>;

/// The queue was full: the caller answers 429.
#[derive(Debug)]
pub(crate) struct QueueFull;

/// A finished job's value and how long it waited and ran.
#[derive(Debug)]
pub(crate) struct Done<T> {
    pub(crate) value: T,
    pub(crate) queued: Duration,
    pub(crate) ran: Duration,
}

/// The worker threads and their queue.
#[derive(Debug)]
pub(crate) struct Pool {
    tx: SyncSender<Job>,
    queued: Arc<AtomicUsize>,
    busy: Arc<AtomicUsize>,
    workers: usize,
    capacity: usize,
}

impl Pool {
    /// Starts `workers` threads (at least one) sharing `engine`, with room
    /// for `queue` waiting jobs (at least one). The threads end when the
    /// pool is dropped and the queue is empty.
    pub(crate) fn new(engine: Arc<Engine>, workers: usize, queue: usize) -> std::io::Result<Pool> {
        let (workers, capacity) = (workers.max(1), queue.max(1));
        let (tx, rx) = sync_channel::<Job>(capacity);
        let rx = Arc::new(Mutex::new(rx));
        let busy = Arc::new(AtomicUsize::new(0));
        for i in 0..workers {
            let (rx, engine, busy) = (rx.clone(), engine.clone(), busy.clone());
            std::thread::Builder::new()
                .name(format!("mpcanvas-worker-{i}"))
                .spawn(move || work(&rx, &engine, &busy))?;
        }
        Ok(Pool {
            tx,
            queued: Arc::new(AtomicUsize::new(0)),
            busy,
            workers,
            capacity,
        })
    }

    /// Queues `job`; the receiver gets its value, or an error if it
    /// panicked.
    pub(crate) fn submit<T, F>(&self, job: F) -> Result<oneshot::Receiver<Done<T>>, QueueFull>
    where
        T: Send + 'static,
        F: FnOnce(&Engine) -> T + Send + 'static,
    {
        let (reply, rx) = oneshot::channel();
        let submitted = Instant::now();
        let queued = self.queued.clone();
        queued.fetch_add(1, Ordering::SeqCst);
        let boxed: Job = Box::new(move |engine: &Engine| {
            queued.fetch_sub(1, Ordering::SeqCst);
            let started = Instant::now();
            let value = job(engine);
            // The client may have gone; nothing to tell then.
            let _ = reply.send(Done {
                value,
                queued: started - submitted,
                ran: started.elapsed(),
            });
        });
        match self.tx.try_send(boxed) {
            Ok(()) => Ok(rx),
            Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) => {
                self.queued.fetch_sub(1, Ordering::SeqCst);
                Err(QueueFull)
            }
        }
    }

    /// Jobs waiting for a worker.
    pub(crate) fn queued(&self) -> usize {
        self.queued.load(Ordering::SeqCst)
    }

    /// Jobs running now.
    pub(crate) fn busy(&self) -> usize {
        self.busy.load(Ordering::SeqCst)
    }

    pub(crate) fn workers(&self) -> usize {
        self.workers
    }

    pub(crate) fn capacity(&self) -> usize {
        self.capacity
    }
}

fn work(rx: &Mutex<Receiver<Job>>, engine: &Engine, busy: &AtomicUsize) {
    loop {
        // The lock is only held while waiting for the next job.
        let next = rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok(job) = next else { return };
        busy.fetch_add(1, Ordering::SeqCst);
        // A panicking job drops its reply (the request gets a 500) but
        // must not take the worker with it.
        let _ = catch_unwind(AssertUnwindSafe(|| job(engine)));
        busy.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Arc<Engine> {
        Arc::new(Engine::builder().system_fonts(false).build().unwrap())
    }

    #[test]
    fn a_full_queue_refuses_the_next_job() {
        let pool = Pool::new(engine(), 1, 1).unwrap();
        let (hold_tx, hold_rx) = std::sync::mpsc::channel::<()>();
        let hold_rx = Arc::new(Mutex::new(hold_rx));
        let block = |h: Arc<Mutex<std::sync::mpsc::Receiver<()>>>| {
            move |_: &Engine| {
                let _ = h.lock().unwrap().recv();
            }
        };
        let first = pool.submit(block(hold_rx.clone())).unwrap();
        // Wait until the worker took the first job, so the second waits.
        while pool.busy() == 0 {
            std::thread::sleep(Duration::from_millis(1));
        }
        let second = pool.submit(block(hold_rx.clone())).unwrap();
        assert_eq!(pool.queued(), 1);
        assert!(pool.submit(|_| ()).is_err());
        hold_tx.send(()).unwrap();
        hold_tx.send(()).unwrap();
        first.blocking_recv().unwrap();
        second.blocking_recv().unwrap();
        assert_eq!(pool.queued(), 0);
    }

    #[test]
    fn a_panicking_job_drops_its_reply_and_the_worker_goes_on() {
        let pool = Pool::new(engine(), 1, 4).unwrap();
        let failed = pool.submit(|_| -> u32 { panic!("job panics") }).unwrap();
        assert!(failed.blocking_recv().is_err());
        let ok = pool.submit(|_| 7).unwrap();
        assert_eq!(ok.blocking_recv().unwrap().value, 7);
    }
}
