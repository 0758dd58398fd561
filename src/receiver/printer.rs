//! The receiver's lines go to stdout from a thread of their own, through a bounded queue, so a
//! stdout nobody reads (`listen | less`, paused) never holds up an answer: when the queue is
//! full a line is counted instead, and the capture and the answers go on.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::ui::Ui;

/// Lines waiting for stdout, at most.
pub const QUEUE: usize = 1024;

enum Job {
    Line(String),
    /// Answered once every line queued before it is written.
    Flush(mpsc::SyncSender<()>),
}

pub struct Printer {
    queue: mpsc::SyncSender<Job>,
    dropped: AtomicUsize,
    /// stdout was closed (`listen | head -1`).
    closed: Arc<AtomicBool>,
}

impl Printer {
    pub fn start(ui: &Ui) -> std::io::Result<Self> {
        let (queue, jobs) = mpsc::sync_channel::<Job>(QUEUE);
        let closed = Arc::new(AtomicBool::new(false));
        let (ui, flag) = (ui.clone(), closed.clone());
        std::thread::Builder::new()
            .name("telhook-print".into())
            .spawn(move || {
                // Ends when the printer is dropped and the queue is empty.
                for job in jobs {
                    match job {
                        Job::Line(text) if !flag.load(Ordering::SeqCst) => {
                            if let Err(e) = ui.line(&text) {
                                if e.kind() == std::io::ErrorKind::BrokenPipe {
                                    flag.store(true, Ordering::SeqCst);
                                } else {
                                    let _ = ui.warn(&format!("printing a request's line: {e}"));
                                }
                            }
                        }
                        Job::Line(_) => {}
                        Job::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            })?;
        Ok(Printer {
            queue,
            dropped: AtomicUsize::new(0),
            closed,
        })
    }

    /// Queue a line; when the queue is full, count it instead.
    pub fn print(&self, text: String) {
        match self.queue.try_send(Job::Line(text)) {
            Ok(()) => {}
            Err(mpsc::TrySendError::Full(_)) => {
                self.dropped.fetch_add(1, Ordering::SeqCst);
            }
            Err(mpsc::TrySendError::Disconnected(_)) => self.closed.store(true, Ordering::SeqCst),
        }
    }

    /// Wait until every line queued so far is written (or stdout is known closed).
    pub fn flush(&self) {
        let (done, wait) = mpsc::sync_channel(1);
        if self.queue.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    /// Lines not printed because the queue was full.
    pub fn dropped(&self) -> usize {
        self.dropped.load(Ordering::SeqCst)
    }

    pub fn closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }
}
