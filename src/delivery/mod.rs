//! The sender engine behind `send`, `replay` and `demo`: deliver webhooks as the providers do.
//! An [`Item`] (a payload and what it is) and the run's [`Settings`] give each attempt's request
//! and the provider's [`Policy`]; the retry state machine (`engine`) carries it out and judges
//! every answer (`judge`); the scheduler spreads many deliveries over a few threads (`schedule`);
//! the reporter prints every attempt and the summary (`report`).
//!
//! The entry points are synchronous: [`run`] for a stream of items, [`deliver_one`] for one,
//! [`Forwarder`] for a single request. The runtime and the futures stay inside.

mod engine;
mod item;
mod judge;
mod report;
mod schedule;

pub use engine::{Backoff, Delivery, Rules};
pub use item::{Item, Payload, Settings, Timing, shuffle, shuffle_by};
pub use judge::{Expect, StatusSet};
pub use report::{AttemptLine, Lines, Summary, explain, print_summary};

use std::io;
use std::time::Duration;

use crate::http::{Client, Failure, Request, Response, Transport};
use crate::ui::Ui;

/// How a run goes besides its settings: how many at once, how fast, what is printed.
#[derive(Debug, Clone, Copy)]
pub struct Run {
    /// Deliveries in flight at once.
    pub concurrency: usize,
    /// Start at most this many items per second.
    pub rate: Option<f64>,
    pub lines: Lines,
    /// How many items the run will deliver, if known: a progress bar on a terminal for runs of
    /// at least `progress_from`.
    pub expected: Option<u64>,
    pub progress_from: u64,
}

/// Deliver every item of `jobs` (each with a tag of the caller's), printing every attempt, and
/// return the summary (not printed). `done` hears of each delivery when it ends, with the item
/// as its last attempt sent it.
pub fn run<J, I>(
    ui: &Ui,
    settings: &Settings,
    how: Run,
    jobs: I,
    done: impl Fn(&Item, J, &Delivery) + Sync,
) -> anyhow::Result<Summary>
where
    I: Iterator<Item = (Item, J)> + Send,
    J: Send,
{
    let client = client(settings)?;
    let reporter = report::Reporter::new(ui, settings, how.lines, how.expected, how.progress_from);
    let (reporter_ref, done) = (&reporter, &done);
    schedule::run(
        jobs,
        how.concurrency,
        how.rate,
        || client.connections(),
        async |connections, (mut item, tag): (Item, J)| {
            let delivery = reporter_ref.deliver(connections, &mut item).await;
            done(&item, tag, &delivery);
        },
    )?;
    Ok(reporter.close()?)
}

/// Deliver one item, printing nothing.
pub fn deliver_one(settings: &Settings, item: &Item) -> anyhow::Result<Delivery> {
    let client = client(settings)?;
    let mut item = item.clone();
    let policy = settings.policy(&item);
    let connections = client.connections();
    Ok(schedule::block_on(engine::deliver(
        &connections,
        &policy,
        &settings.urls,
        &mut |n, url| settings.request(&mut item, n, url),
        &mut |_| {},
    ))?)
}

fn client(settings: &Settings) -> anyhow::Result<Client> {
    if settings.direct {
        Client::direct()
    } else {
        Client::new(settings.insecure)
    }
}

/// Passes requests on to an app (`listen --forward-to`) over the delivery transport, one at a
/// time, from a synchronous caller (each on its own thread's connections).
pub struct Forwarder {
    client: Client,
}

impl Forwarder {
    pub fn new() -> anyhow::Result<Self> {
        Ok(Forwarder {
            client: Client::new(false)?,
        })
    }

    /// Send one request and wait for the whole answer (at most `timeout`).
    pub fn send(&self, request: &Request, timeout: Duration) -> Result<Response, Failure> {
        let connections = self.client.connections();
        schedule::block_on(connections.send(request, timeout)).unwrap_or_else(|e: io::Error| {
            Err(Failure::Network(format!("starting the HTTP runtime: {e}")))
        })
    }
}
