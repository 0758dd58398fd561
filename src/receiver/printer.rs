//! The receiver's lines go to stdout from a thread of their own, through a bounded queue, so a
//! stdout nobody reads (`listen | less`, paused) never holds up an answer: when the queue is
//! full a line is counted instead, and the capture and the answers go on.
//!
//! Lines are written in batches: the thread is woken only when it waits for work, and after
//! each write it lets [`BATCH`] pass before the next (unless a flush is asked for), so under load it takes every line that
//! came meanwhile in one write, instead of a wake-up and a write per request (which cost as
//! much CPU as the rest of a request's handling outside its signature check).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, mpsc};
use std::time::Duration;

use crate::ui::Ui;

/// Lines waiting for stdout, at most.
pub const QUEUE: usize = 1024;

/// The least time between two writes.
const BATCH: Duration = Duration::from_millis(2);

#[derive(Default)]
struct Queue {
    lines: Vec<String>,
    /// Each answered once every line queued before it is written.
    flushes: Vec<mpsc::SyncSender<()>>,
    /// The printing thread waits for a line: wake it.
    waiting: bool,
    /// The printer is gone: write what is left and end.
    done: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    ready: Condvar,
    /// stdout was closed (`listen | head -1`).
    closed: AtomicBool,
}

pub struct Printer {
    shared: Arc<Shared>,
    dropped: AtomicUsize,
}

fn lock(shared: &Shared) -> MutexGuard<'_, Queue> {
    shared.queue.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Printer {
    pub fn start(ui: &Ui) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            ready: Condvar::new(),
            closed: AtomicBool::new(false),
        });
        let (ui, theirs) = (ui.clone(), shared.clone());
        std::thread::Builder::new()
            .name("telhook-print".into())
            .spawn(move || print_until_done(&ui, &theirs))?;
        Ok(Printer {
            shared,
            dropped: AtomicUsize::new(0),
        })
    }

    /// Queue a line; when the queue is full, count it instead.
    pub fn print(&self, text: String) {
        let mut queue = lock(&self.shared);
        if queue.lines.len() >= QUEUE {
            drop(queue);
            self.dropped.fetch_add(1, Ordering::SeqCst);
            return;
        }
        queue.lines.push(text);
        if std::mem::take(&mut queue.waiting) {
            self.shared.ready.notify_one();
        }
    }

    /// Wait until every line queued so far is written (or stdout is known closed).
    pub fn flush(&self) {
        let (done, wait) = mpsc::sync_channel(1);
        {
            let mut queue = lock(&self.shared);
            queue.flushes.push(done);
            queue.waiting = false;
            self.shared.ready.notify_one();
        }
        let _ = wait.recv();
    }

    /// Lines not printed because the queue was full.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }

    pub fn closed(&self) -> bool {
        self.shared.closed.load(Ordering::SeqCst)
    }
}

impl Drop for Printer {
    fn drop(&mut self) {
        lock(&self.shared).done = true;
        self.shared.ready.notify_one();
    }
}

fn print_until_done(ui: &Ui, shared: &Shared) {
    let mut text = String::new();
    loop {
        let (lines, flushes, done) = {
            let mut queue = lock(shared);
            while queue.lines.is_empty() && queue.flushes.is_empty() && !queue.done {
                queue.waiting = true;
                queue = shared
                    .ready
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            queue.waiting = false;
            (
                std::mem::take(&mut queue.lines),
                std::mem::take(&mut queue.flushes),
                queue.done,
            )
        };
        if !lines.is_empty() && !shared.closed.load(Ordering::SeqCst) {
            text.clear();
            for line in &lines {
                text.push_str(line);
                text.push('\n');
            }
            if let Err(e) = ui.text(&text) {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    shared.closed.store(true, Ordering::SeqCst);
                } else {
                    let _ = ui.warn(&format!("printing a request's line: {e}"));
                }
            }
        }
        for flush in flushes {
            let _ = flush.send(());
        }
        if done {
            // Lines queued after `done` was seen are the dropped printer's last; none can come.
            let queue = lock(shared);
            if queue.lines.is_empty() && queue.flushes.is_empty() {
                return;
            }
            continue;
        }
        // Let lines gather for the next write, but not past a flush: whoever waits on one
        // (the demo, after each of its deliveries) is answered at once.
        let until = std::time::Instant::now() + BATCH;
        let mut queue = lock(shared);
        while queue.flushes.is_empty() && !queue.done {
            let left = until.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            queue = shared
                .ready
                .wait_timeout(queue, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }
}
