//! The server that carries decisions out: binds, takes requests (each on its own thread), reads
//! the body within the limit, asks [`decide`](super::decide), waits, forwards, captures, prints,
//! counts and answers.

use anyhow::Context;
use serde::Serialize;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::capture;
use crate::exit::ExitStatus;
use crate::http::server::{BodyError, Incoming, Listener};
use crate::output::Output;
use crate::schema::Validators;
use crate::ui::Ui;

use super::printer::Printer;
use super::{Body, Config, Decision, Entry, Received, State, decide};

struct Shared {
    config: Config,
    state: State,
    validators: Validators,
    capture: Option<capture::Writer>,
    forward: Option<crate::delivery::Forwarder>,
    handled: AtomicUsize,
    failed: AtomicBool,
    /// Event lines on their way to stdout.
    printer: Printer,
    in_flight: AtomicUsize,
    /// Gets a copy of every entry (`demo`).
    observer: Option<mpsc::Sender<Entry>>,
    ui: Ui,
}

/// A bound receiver: `listen` serves one in the foreground; `demo` serves one on a thread and
/// watches its entries through an observer channel.
pub struct Server {
    shared: Arc<Shared>,
    listener: Listener,
    url: String,
}

/// Where a receiver is, as `--json` announces it.
#[derive(Debug, Serialize)]
pub struct Listening<'a> {
    addr: String,
    url: &'a str,
}

impl Server {
    /// Open the capture file and bind. `observer` receives a copy of every entry, sent before
    /// the request is answered.
    pub fn bind(
        config: Config,
        ui: &Ui,
        observer: Option<mpsc::Sender<Entry>>,
    ) -> anyhow::Result<Self> {
        let capture = config
            .capture
            .as_ref()
            .map(|p| {
                capture::Writer::open(p)
                    .with_context(|| format!("opening capture file {}", p.display()))
            })
            .transpose()?;
        let forward = match &config.forward_to {
            Some(url) => Some(
                crate::delivery::Forwarder::new()
                    .with_context(|| format!("setting up forwarding to {url}"))?,
            ),
            None => None,
        };
        let listener = Listener::bind(&config.host, config.port)?;
        let url = format!("http://{}{}", listener.addr(), config.path);
        let shared = Arc::new(Shared {
            config,
            state: State::new(),
            validators: Validators::new(false),
            capture,
            forward,
            handled: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
            printer: Printer::start(ui).context("starting the thread that prints")?,
            in_flight: AtomicUsize::new(0),
            observer,
            ui: ui.clone(),
        });
        Ok(Server {
            shared,
            listener,
            url,
        })
    }

    /// The webhook URL: `http://ADDR/PATH`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The first line: where the receiver is.
    pub fn announce(&self) -> std::io::Result<()> {
        let ui = &self.shared.ui;
        let listening = Listening {
            addr: self.listener.addr().to_string(),
            url: &self.url,
        };
        ui.show(Output::Listening(listening), || {
            format!("listening on {}", self.url)
        })
    }

    /// Answer requests, each on its own thread, until `stop` is set or the request or time
    /// limit is reached; then let requests being answered finish.
    pub fn serve(&self, stop: &AtomicBool) -> anyhow::Result<()> {
        let shared = &self.shared;
        let config = &shared.config;
        let started = Instant::now();
        let deadline = config.timeout.map(|t| started + t);
        let mut accepted = 0usize;
        loop {
            // With a watcher (`demo`), the watcher decides when to stop: a delivery in progress
            // (the second half of a Basic challenge) still gets its answer.
            if stop.load(Ordering::SeqCst) || (self.output_closed() && shared.observer.is_none()) {
                break;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                break;
            }
            if config
                .max_events
                .is_some_and(|m| shared.handled.load(Ordering::SeqCst) >= m)
            {
                break;
            }
            let incoming = match self.listener.next(Duration::from_millis(50)) {
                Ok(Some(i)) => i,
                Ok(None) => continue,
                Err(e) => {
                    shared.ui.warn(&format!("accepting a request: {e}"))?;
                    continue;
                }
            };
            if config.max_events.is_some_and(|m| accepted >= m) {
                // Over the limit: the process is about to exit; answer rather than hang the client.
                let _ = incoming.respond(503, &[], b"telhook: --max-events reached\n".to_vec());
                continue;
            }
            accepted += 1;
            let shared = shared.clone();
            shared.in_flight.fetch_add(1, Ordering::SeqCst);
            // One thread per request: a slow or half-open client holds only its own thread.
            std::thread::spawn(move || {
                if let Err(e) = handle(&shared, incoming)
                    && !shared.printer.closed()
                {
                    let _ = shared.ui.warn(&format!("answering a request: {e:#}"));
                }
                shared.handled.fetch_add(1, Ordering::SeqCst);
                shared.in_flight.fetch_sub(1, Ordering::SeqCst);
            });
        }
        // Let requests already being answered finish (bounded, so a stuck client cannot hold us).
        let grace = Instant::now() + config.delay + Duration::from_millis(2000);
        while shared.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < grace {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// Has the reader of stdout gone away?
    pub fn output_closed(&self) -> bool {
        self.shared.printer.closed()
    }

    /// Wait until every event line so far is on stdout (`demo` prints its own lines after them).
    pub fn flush(&self) {
        self.shared.printer.flush();
    }

    /// The per provider/event/verdict counts (a JSON `summary` line under `--json`; nothing
    /// under `-q`).
    pub fn print_summary(&self) -> std::io::Result<()> {
        let ui = &self.shared.ui;
        self.flush();
        let dropped = self.shared.printer.dropped();
        if dropped > 0 {
            ui.warn(&format!(
                "{dropped} line{} dropped: stdout was not being read (every request was still \
                 answered, and captured with --capture)",
                if dropped == 1 { "" } else { "s" }
            ))?;
        }
        let summary = self.shared.state.summary();
        if ui.json {
            ui.emit(&Output::ListenSummary(&summary))?;
        } else if !ui.quiet {
            ui.line(&format!(
                "summary: {} request{}, {} rejected",
                summary.requests,
                if summary.requests == 1 { "" } else { "s" },
                summary.rejected
            ))?;
            for (what, n) in &summary.counts {
                ui.line(&format!("  {n:>5}  {what}"))?;
            }
        }
        Ok(())
    }

    /// Failure if any request failed verification.
    pub fn status(&self) -> ExitStatus {
        if self.shared.failed.load(Ordering::SeqCst) {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        }
    }
}

fn handle(shared: &Shared, mut incoming: Incoming) -> anyhow::Result<()> {
    let (path, query) = incoming.path_and_query();
    let body = match incoming.read_body(shared.config.max_body) {
        Ok(b) => Body::Complete(b),
        Err(BodyError::TooLarge(partial)) => Body::TooLarge(partial),
        Err(BodyError::Io(e)) => Body::Unreadable(e.to_string()),
    };
    let received = Received {
        received_at: incoming.received_at,
        remote_addr: incoming.remote_addr(),
        method: incoming.method(),
        path,
        query,
        headers: incoming.headers(),
        body,
    };
    let now = chrono::Utc::now().timestamp();
    let mut decision = decide(
        &shared.config,
        &shared.state,
        &shared.validators,
        received,
        now,
    );
    if !decision.delay.is_zero() {
        std::thread::sleep(decision.delay);
    }
    if let (Some(forward), Some(forwarder)) = (decision.forward.take(), &shared.forward) {
        let started = Instant::now();
        let result = forwarder.send(&forward.request, forward.timeout);
        decision.forwarded(&forward, result, started.elapsed());
    }
    finish(shared, incoming, decision)
}

/// Capture, print, count, then answer.
fn finish(shared: &Shared, incoming: Incoming, decision: Decision) -> anyhow::Result<()> {
    let Decision {
        entry,
        reply,
        failed_verification,
        ..
    } = decision;
    if failed_verification {
        shared.failed.store(true, Ordering::SeqCst);
    }
    if let Some(w) = &shared.capture
        && let Err(e) = w.append(&entry.record())
    {
        // Written before the answer: whatever the client sees acknowledged is on disk. When it
        // cannot be written, the sender is told to try again (a 500), and so is the user.
        shared.failed.store(true, Ordering::SeqCst);
        let _ = incoming.respond(500, &[], b"telhook: could not write the capture\n".to_vec());
        return Err(anyhow::Error::from(e).context(
            "writing the capture file (answered 500 so the sender retries; check the disk and \
             the --capture path)",
        ));
    }
    // Queued for the printing thread, never waited for: a stdout nobody reads holds up no
    // answer. A closed stdout stops the listener (the request is captured and answered).
    shared.printer.print(line(&shared.ui, &entry));
    shared.state.count(&entry);
    if let Some(observer) = &shared.observer {
        // The watcher may have gone; the request is still answered.
        let _ = observer.send(entry);
    }
    let headers: Vec<(&str, &str)> = reply
        .headers
        .iter()
        .map(|(n, v)| (*n, v.as_str()))
        .collect();
    incoming
        .respond(reply.status, &headers, reply.body)
        .context("sending the answer")
}

/// The line `entry` is printed as: its JSON object or its text.
fn line(ui: &Ui, entry: &Entry) -> String {
    if ui.json {
        // Serialising the line's plain fields cannot fail.
        serde_json::to_string(&Output::Event(entry.line())).unwrap_or_default()
    } else {
        entry.text(ui)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Provider;
    use crate::template::{Renderer, Seed};

    fn telnyx_body() -> Vec<u8> {
        let mut renderer = Renderer::new(Seed {
            seed: Some(3),
            at: None,
        });
        let example = crate::example::build(
            Provider::Telnyx,
            "message.received",
            None,
            &[],
            &mut renderer,
        )
        .unwrap();
        crate::telnyx::to_wire(&example.values[0])
    }

    /// Serve `config` on a free port while `client` runs against it; then stop.
    fn serving<T>(config: Config, client: impl FnOnce(&Server) -> T) -> (T, ExitStatus) {
        let server = Server::bind(Config { port: 0, ..config }, &Ui::plain(), None).unwrap();
        let stop = AtomicBool::new(false);
        let result = std::thread::scope(|s| {
            let serve = s.spawn(|| server.serve(&stop));
            let result = client(&server);
            stop.store(true, Ordering::SeqCst);
            serve.join().unwrap().unwrap();
            result
        });
        (result, server.status())
    }

    #[test]
    fn past_max_events_a_request_is_answered_503_while_the_last_one_finishes() {
        let config = Config {
            max_events: Some(1),
            delay: Duration::from_millis(500),
            ..Config::default()
        };
        let ((first, second), status) = serving(config, |server| {
            let (http, url) = (reqwest::blocking::Client::new(), server.url());
            std::thread::scope(|s| {
                let first = s.spawn(|| http.post(url).body(telnyx_body()).send().unwrap().status());
                // The first is taken, and held by --delay.
                let deadline = Instant::now() + Duration::from_secs(5);
                while server.shared.in_flight.load(Ordering::SeqCst) == 0 {
                    assert!(Instant::now() < deadline, "the first request never arrived");
                    std::thread::sleep(Duration::from_millis(5));
                }
                let second = http.post(url).body("{}").send().unwrap().status();
                (first.join().unwrap(), second)
            })
        });
        assert_eq!(second, 503);
        assert_eq!(first, 200);
        assert_eq!(status, ExitStatus::Success);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_capture_that_cannot_be_written_is_answered_500_so_the_sender_retries() {
        let config = Config {
            capture: Some("/dev/full".into()),
            ..Config::default()
        };
        let (answer, status) = serving(config, |server| {
            let r = reqwest::blocking::Client::new()
                .post(server.url())
                .body(telnyx_body())
                .send()
                .unwrap();
            (r.status().as_u16(), r.text().unwrap())
        });
        assert_eq!(
            answer,
            (500, "telhook: could not write the capture\n".to_string())
        );
        assert_eq!(status, ExitStatus::Failure);
    }
}
