//! Deliveries that arrive over time (the emulator's webhooks, one batch per API call): each
//! batch is due at an instant of its own, its items go one after another (a message's `sent`
//! before its `finalized`), batches run side by side. The same retry engine and reporter as
//! [`run`](super::run), on one thread of its own.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

use super::{Delivery, Item, Lines, Settings, Summary, Tap, client, report};
use crate::ui::Ui;

/// What the service says of each delivery when it ends: the item as its last attempt sent it.
pub type Done = Arc<dyn Fn(&Item, &Delivery) + Send + Sync>;

/// A batch of items to deliver in order, the first not before `due`, each next one not before
/// `between` after the one before it was due, nor before that one's delivery ended.
struct Batch {
    ticket: u64,
    due: Instant,
    between: Duration,
    items: Vec<Item>,
    /// The place its call holds, given back when the call's last batch finishes.
    room: Room,
}

/// A place for one caller's batches in a [`Service`] (from [`Service::room`]), held until the
/// last of them has finished.
#[derive(Clone, Default)]
pub struct Room {
    /// Given back when the last clone is dropped (`None`: no bound).
    _place: Option<Arc<tokio::sync::OwnedSemaphorePermit>>,
}

/// The batches submitted and not yet finished, by ticket, with when each is due.
#[derive(Default)]
struct Pending {
    next: u64,
    due: BTreeMap<u64, Instant>,
    /// Set when the delivery thread has ended: nothing will finish any more.
    closed: bool,
}

/// A running delivery service. Dropping it without [`Service::close`] cuts what is in flight.
pub struct Service {
    jobs: Option<tokio::sync::mpsc::UnboundedSender<Batch>>,
    /// Set to cut every batch where it stands (its undelivered items reported interrupted).
    cut: tokio::sync::watch::Sender<bool>,
    pending: Arc<(Mutex<Pending>, tokio::sync::Notify)>,
    thread: Option<std::thread::JoinHandle<anyhow::Result<Summary>>>,
    /// The delivery thread's runtime, for work that should share its thread.
    runtime: tokio::runtime::Handle,
    /// A place per caller whose batches are held, at most `max_pending`.
    places: Arc<tokio::sync::Semaphore>,
}

impl Service {
    /// Start the delivery thread: attempts are printed through `ui` as `send` prints them,
    /// with `settings` for everything an item does not say itself (its URLs it may). At most
    /// `concurrency` deliveries are in flight (the others wait, past their due time if need
    /// be), so a burst of submissions never opens a connection each. `tap`, if any, hears of
    /// every attempt. At most `max_pending` callers' batches are held (see [`Service::room`]).
    pub fn start(
        ui: &Ui,
        settings: &Settings,
        lines: Lines,
        concurrency: usize,
        max_pending: usize,
        done: Done,
        tap: Option<Tap>,
    ) -> anyhow::Result<Self> {
        let client = client(settings)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let handle = runtime.handle().clone();
        let (jobs, mut queue) = tokio::sync::mpsc::unbounded_channel::<Batch>();
        let (cut, cutting) = tokio::sync::watch::channel(false);
        let pending = Arc::new((Mutex::new(Pending::default()), tokio::sync::Notify::new()));
        let (ui, settings, finished) = (ui.clone(), settings.clone(), pending.clone());
        let thread = std::thread::Builder::new()
            .name("telhook-deliver".into())
            .spawn(move || {
                let connections = client.connections();
                let reporter =
                    report::Reporter::new(&ui, &settings, lines, None, u64::MAX).with_tap(tap);
                let finish = |ticket: u64| {
                    let (lock, changed) = &*finished;
                    if let Ok(mut p) = lock.lock() {
                        p.due.remove(&ticket);
                    }
                    changed.notify_waiters();
                };
                let lanes = tokio::sync::Semaphore::new(concurrency.max(1));
                let (reporting, connections, done, finish, lanes) =
                    (&reporter, &connections, &done, &finish, &lanes);
                runtime.block_on(async move {
                    let mut batches = FuturesUnordered::new();
                    loop {
                        tokio::select! {
                            batch = queue.recv() => match batch {
                                Some(batch) => {
                                    let mut cutting = cutting.clone();
                                    batches.push(async move {
                                        let _room = batch.room;
                                        let mut items = batch.items.into_iter();
                                        let deliver = async {
                                            // Item N is due `between` after item N-1 was
                                                // (later, if that one's retries ran past it).
                                            let mut due = batch.due;
                                            for (n, mut item) in items.by_ref().enumerate() {
                                                if n > 0 {
                                                    due += batch.between;
                                                }
                                                tokio::time::sleep_until(due.into()).await;
                                                // A lane per delivery, not held over the pause.
                                                // Closed never: the semaphore lives as long as this.
                                                let _lane = lanes.acquire().await;
                                                let delivery =
                                                    reporting.deliver(connections, &mut item).await;
                                                done(&item, &delivery);
                                            }
                                        };
                                        tokio::select! {
                                            () = deliver => {}
                                            _ = cutting.wait_for(|cut| *cut) => {}
                                        }
                                        // What a cut left: counted and said, never dropped.
                                        for item in items {
                                            done(&item, &reporting.cut());
                                        }
                                        finish(batch.ticket);
                                    });
                                }
                                None => break,
                            },
                            Some(()) = batches.next(), if !batches.is_empty() => {}
                        }
                    }
                    while batches.next().await.is_some() {}
                });
                let (lock, changed) = &*finished;
                if let Ok(mut p) = lock.lock() {
                    p.closed = true;
                }
                changed.notify_waiters();
                Ok(reporter.close()?)
            })?;
        Ok(Service {
            jobs: Some(jobs),
            cut,
            pending,
            thread: Some(thread),
            runtime: handle,
            places: Arc::new(tokio::sync::Semaphore::new(max_pending.max(1))),
        })
    }

    /// Wait up to `within` for a place for one caller's batches: the memory a burst of calls
    /// holds is bounded, and past the bound a caller waits for earlier batches to finish (as a
    /// provider's queue holds a sender back). `None`: none finished in time. Taken without
    /// holding the service.
    pub fn room(&self, within: Duration) -> impl Future<Output = Option<Room>> + Send + 'static {
        let places = self.places.clone();
        async move {
            match tokio::time::timeout(within, places.acquire_owned()).await {
                Ok(Ok(place)) => Some(Room {
                    _place: Some(Arc::new(place)),
                }),
                // Never closed; were it, the batches would go unbounded rather than be refused.
                Ok(Err(_)) => Some(Room::default()),
                Err(_) => None,
            }
        }
    }

    /// The delivery thread's (single-threaded) runtime, driven until [`close`](Self::close):
    /// a server run on it (`Listener::serve_on`) answers on the thread that delivers, so a
    /// call's webhooks are queued without waking another thread.
    pub fn runtime(&self) -> tokio::runtime::Handle {
        self.runtime.clone()
    }

    /// Deliver `items` one after another, the first no earlier than `after` from now, each next
    /// one `between` after the one before it was due (or when its delivery ended, if later),
    /// in the place `room` holds.
    pub fn submit(&self, after: Duration, between: Duration, items: Vec<Item>, room: Room) {
        let due = Instant::now() + after;
        let (lock, _) = &*self.pending;
        let Ok(mut p) = lock.lock() else { return };
        let ticket = p.next;
        p.next += 1;
        p.due.insert(ticket, due);
        drop(p);
        let sent = self.jobs.as_ref().is_some_and(|jobs| {
            jobs.send(Batch {
                ticket,
                due,
                between,
                items,
                room,
            })
            .is_ok()
        });
        if !sent && let Ok(mut p) = lock.lock() {
            p.due.remove(&ticket);
        }
    }

    /// A handle that waits for the service to settle, from any thread.
    pub fn settler(&self) -> Settler {
        Settler {
            pending: self.pending.clone(),
        }
    }
}

/// Waits for a [`Service`] to settle.
#[derive(Clone)]
pub struct Settler {
    pending: Arc<(Mutex<Pending>, tokio::sync::Notify)>,
}

impl Settler {
    /// Wait until every batch submitted before the call has finished (delivered, or given up
    /// after its retries), whenever it was due, or `timeout` passes. Returns whether they all
    /// finished. (Waiting only for the ones already due would answer before the webhooks of a
    /// message sent a moment earlier: an app's "send, settle, assert" would fail at random.)
    /// It waits without a thread of its own, so a waiting request holds only its connection.
    pub async fn settle(&self, timeout: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + timeout;
        let (lock, changed) = &*self.pending;
        let Ok(submitted) = lock.lock().map(|p| p.next) else {
            return false;
        };
        loop {
            // Registered before the check, so a batch that finishes in between still wakes it.
            let notified = changed.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let settled = match lock.lock() {
                Ok(p) => p.closed || p.due.range(..submitted).next().is_none(),
                Err(_) => return false,
            };
            if settled {
                return true;
            }
            if tokio::time::timeout_at(deadline, notified).await.is_err() {
                return false;
            }
        }
    }
}

impl Service {
    /// Stop taking batches and return the summary of every delivery: with `finish`, after
    /// those submitted have finished (waiting for the ones not yet due); without, at once, the
    /// attempts in flight and the batches not yet due cut and counted as interrupted.
    pub fn close(mut self, finish: bool) -> anyhow::Result<Summary> {
        self.jobs = None;
        if !finish {
            self.cut.send_replace(true);
        }
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(summary)) => summary,
            Some(Err(_)) => anyhow::bail!("the delivery thread panicked"),
            None => anyhow::bail!("the delivery service was already closed"),
        }
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.jobs = None;
        self.cut.send_replace(true);
        if let Some(thread) = self.thread.take() {
            // Nothing to report from a service dropped without close.
            let _ = thread.join();
        }
    }
}
