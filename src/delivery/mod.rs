//! The sender engine behind `send`, `replay` and `demo`: deliver webhooks as the providers do.
//! An [`Item`] (a payload and what it is) and the run's [`Settings`] give each attempt's request
//! and the provider's [`Policy`]; the retry state machine (`engine`) carries it out and judges
//! every answer (`judge`); the scheduler spreads many deliveries over a few threads (`schedule`);
//! the reporter prints every attempt and the summary (`report`).
//!
//! The entry points are synchronous: [`run`] for a stream of items, [`Sender`] for one at a
//! time, [`Forwarder`] for single requests. The runtime and the futures stay inside.

mod engine;
mod item;
mod judge;
mod report;
mod schedule;

pub use engine::{Backoff, Delivery, Rules};
pub use item::{Item, Payload, Settings, Timing, shuffle, shuffle_by};
pub use judge::{Expect, StatusSet};
pub use report::{AttemptLine, Lines, Summary, explain, print_summary};

use std::time::Duration;

use crate::http::{Client, Connections, Failure, Request, Response, Transport};
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

/// Deliver the items of every job, printing every attempt, and return the summary (not
/// printed). Jobs are pulled one at a time (`--rate` paces them); `items` turns a job into its
/// items (each with a tag of the caller's) on the thread that delivers them, so rendering runs
/// in parallel, and a job's items go one after another. `done` hears of each delivery when it
/// ends, with the item as its last attempt sent it.
pub fn run<J, T, It>(
    ui: &Ui,
    settings: &Settings,
    how: Run,
    jobs: impl Iterator<Item = J> + Send,
    items: impl Fn(J) -> It + Sync,
    done: impl Fn(&Item, T, &Delivery) + Sync,
) -> anyhow::Result<Summary>
where
    J: Send,
    It: IntoIterator<Item = (Item, T)>,
{
    let client = client(settings)?;
    let reporter = report::Reporter::new(ui, settings, how.lines, how.expected, how.progress_from);
    let (reporter_ref, items, done) = (&reporter, &items, &done);
    schedule::run(
        jobs,
        how.concurrency,
        how.rate,
        || client.connections(),
        async |connections, job: J| {
            for (mut item, tag) in items(job) {
                let delivery = reporter_ref.deliver(connections, &mut item).await;
                done(&item, tag, &delivery);
            }
        },
    )?;
    Ok(reporter.close()?)
}

/// [`run`] for items that are their own jobs.
pub fn run_items(
    ui: &Ui,
    settings: &Settings,
    how: Run,
    items: impl Iterator<Item = Item> + Send,
) -> anyhow::Result<Summary> {
    run(ui, settings, how, items, |item| [(item, ())], |_, (), _| {})
}

/// Delivers items one at a time for the thread that made it, printing nothing, and keeps its
/// connections between deliveries (`demo`, whose steps each change a setting or two).
pub struct Sender {
    connections: Connections,
}

impl Sender {
    /// The transport `settings` ask for (TLS checks, proxies).
    pub fn new(settings: &Settings) -> anyhow::Result<Self> {
        Ok(Sender {
            connections: client(settings)?.connections(),
        })
    }

    /// Deliver one item by `settings`. Call it from the thread that made the sender.
    pub fn deliver(&self, settings: &Settings, item: &Item) -> anyhow::Result<Delivery> {
        let mut item = item.clone();
        let policy = settings.policy(&item);
        Ok(schedule::block_on(engine::deliver(
            &self.connections,
            &policy,
            &settings.urls,
            &mut |n, url| settings.request(&mut item, n, url),
            &mut |_| {},
        ))?)
    }
}

fn client(settings: &Settings) -> anyhow::Result<Client> {
    if settings.direct {
        Client::direct()
    } else {
        Client::new(settings.insecure)
    }
}

/// Passes requests on to an app (`listen --forward-to`) over the delivery transport, from any
/// number of synchronous callers at once. One thread of its own keeps the connections to the app
/// (so they are reused from request to request) and runs every exchange; it ends when the
/// forwarder is dropped.
pub struct Forwarder {
    jobs: tokio::sync::mpsc::UnboundedSender<Forward>,
}

type Forward = (
    Request,
    Duration,
    std::sync::mpsc::SyncSender<Result<Response, Failure>>,
);

impl Forwarder {
    pub fn new() -> anyhow::Result<Self> {
        let client = Client::new(false)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (jobs, mut queue) = tokio::sync::mpsc::unbounded_channel::<Forward>();
        std::thread::Builder::new()
            .name("telhook-forward".into())
            .spawn(move || {
                let connections = std::rc::Rc::new(client.connections());
                let local = tokio::task::LocalSet::new();
                local.block_on(&runtime, async move {
                    while let Some((request, timeout, answer)) = queue.recv().await {
                        let connections = connections.clone();
                        tokio::task::spawn_local(async move {
                            // The caller may have given up; nothing to tell it then.
                            let _ = answer.send(connections.send(&request, timeout).await);
                        });
                    }
                });
            })?;
        Ok(Forwarder { jobs })
    }

    /// Send one request and wait for the whole answer (at most `timeout`).
    pub fn send(&self, request: &Request, timeout: Duration) -> Result<Response, Failure> {
        let gone = || Failure::Network("the forwarding thread has stopped".into());
        let (answer, answered) = std::sync::mpsc::sync_channel(1);
        self.jobs
            .send((request.clone(), timeout, answer))
            .map_err(|_| gone())?;
        answered.recv().map_err(|_| gone())?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forwarder_answers_many_callers_at_once_and_says_when_the_app_is_down() {
        let app = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let url = format!("http://{}/app", app.server_addr().to_ip().unwrap());
        let forwarder = Forwarder::new().unwrap();
        std::thread::scope(|s| {
            s.spawn(|| {
                for _ in 0..16 {
                    let mut request = app.recv().unwrap();
                    let mut body = String::new();
                    request.as_reader().read_to_string(&mut body).unwrap();
                    let answer = tiny_http::Response::from_string(format!("got {body}"));
                    request.respond(answer.with_status_code(202)).unwrap();
                }
            });
            let callers: Vec<_> = (0..16)
                .map(|i| {
                    let (forwarder, url) = (&forwarder, &url);
                    s.spawn(move || {
                        let request = Request::post(url, vec![], i.to_string().into_bytes());
                        forwarder.send(&request, Duration::from_secs(5)).unwrap()
                    })
                })
                .collect();
            let answers: Vec<Response> = callers.into_iter().map(|h| h.join().unwrap()).collect();
            for (i, answer) in answers.iter().enumerate() {
                assert_eq!(answer.status, 202);
                assert_eq!(answer.body, format!("got {i}").into_bytes());
            }
        });
        // Port 1 on loopback: nothing listens there.
        let down = forwarder.send(
            &Request::post("http://127.0.0.1:1/", vec![], vec![]),
            Duration::from_secs(5),
        );
        assert!(
            matches!(&down, Err(Failure::Network(cause)) if cause.contains("refused")),
            "{down:?}"
        );
    }
}
