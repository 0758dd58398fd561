//! The receiver on the HTTP server ([`crate::http::server`]): binds, and for each request reads
//! the body within the limit, asks [`decide`](super::decide), waits, forwards, captures, prints,
//! counts and answers. Requests the server refuses by itself (malformed heads, limits, timeouts)
//! are printed, captured and counted the same way.

use anyhow::Context;
use serde::Serialize;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Instant;

use crate::capture;
use crate::exit::ExitStatus;
use crate::http::server::{Handler, Head, Incoming, Listener, Notice, Outgoing, Refusal, Refused};
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
    /// Requests taken (past `--max-events`, the rest get 503).
    accepted: AtomicUsize,
    /// Requests answered and recorded.
    handled: AtomicUsize,
    failed: AtomicBool,
    /// Event lines on their way to stdout.
    printer: Printer,
    in_flight: AtomicUsize,
    /// Gets a copy of every entry (`demo`).
    observer: Option<mpsc::Sender<Entry>>,
    /// With [`Server::say_reasons_once`]: the reasons printed in full so far.
    said: std::sync::OnceLock<Mutex<HashSet<String>>>,
    ui: Ui,
}

/// A bound receiver: `listen` serves one in the foreground; `demo` serves one on a thread and
/// watches its entries through an observer channel.
pub struct Server {
    shared: Arc<Shared>,
    /// Taken by [`Server::serve`].
    listener: Mutex<Option<Listener>>,
    addr: std::net::SocketAddr,
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
        let addr = listener.addr();
        let url = format!("http://{addr}{}", config.path.as_deref().unwrap_or("/"));
        let shared = Arc::new(Shared {
            config,
            state: State::new(),
            validators: Validators::new(false),
            capture,
            forward,
            accepted: AtomicUsize::new(0),
            handled: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
            printer: Printer::start(ui).context("starting the thread that prints")?,
            in_flight: AtomicUsize::new(0),
            observer,
            said: std::sync::OnceLock::new(),
            ui: ui.clone(),
        });
        Ok(Server {
            shared,
            listener: Mutex::new(Some(listener)),
            addr,
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
            addr: self.addr.to_string(),
            url: &self.url,
        };
        ui.show(Output::Listening(listening), || {
            format!("listening on {}", self.url)
        })
    }

    /// Answer requests until `stop` is set or the request or time limit is reached; then stop
    /// accepting and let requests being answered finish (within `--delay` and 2 s).
    pub fn serve(&self, stop: &AtomicBool) -> anyhow::Result<()> {
        let listener = self
            .listener
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
            .context("this receiver has already served")?;
        let shared = &self.shared;
        let config = &shared.config;
        let deadline = config.timeout.map(|t| Instant::now() + t);
        let limits = crate::http::server::Limits {
            grace: config.limits.grace + config.delay,
            ..config.limits
        };
        listener.serve(limits, shared.clone(), || {
            // With a watcher (`demo`), the watcher decides when to stop: a delivery in progress
            // (the second half of a Basic challenge) still gets its answer.
            stop.load(Ordering::SeqCst)
                || (self.output_closed() && shared.observer.is_none())
                || deadline.is_some_and(|d| Instant::now() >= d)
                || config
                    .max_events
                    .is_some_and(|m| shared.handled.load(Ordering::SeqCst) >= m)
        })
    }

    /// From now on a text line whose reason was printed before gives only its first words and
    /// `(see above)` (`demo`, where the same challenge is explained for every callback).
    pub fn say_reasons_once(&self) {
        let _ = self.shared.said.set(Mutex::new(HashSet::new()));
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
                ui.line(&ui.fit_line(&format!("  {n:>5}  {what}")))?;
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

/// Counts a request in flight while it lives.
struct InFlight<'a>(&'a AtomicUsize);

impl<'a> InFlight<'a> {
    fn new(n: &'a AtomicUsize) -> Self {
        n.fetch_add(1, Ordering::SeqCst);
        InFlight(n)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Handler for Shared {
    async fn handle(&self, mut request: Incoming) -> Outgoing {
        let _in_flight = InFlight::new(&self.in_flight);
        let taken = self.accepted.fetch_add(1, Ordering::SeqCst);
        if self.config.max_events.is_some_and(|m| taken >= m) {
            // Over the limit: the process is about to exit; answer rather than hang the client.
            return Outgoing {
                status: 503,
                headers: Vec::new(),
                body: b"telhook: --max-events reached\n".to_vec(),
                close: true,
            };
        }
        let body = request.read_body(self.config.max_body).await;
        let received = received(request.head, body);
        let now = chrono::Utc::now().timestamp();
        let decision = decide(&self.config, &self.state, &self.validators, received, now);
        if decision.delay.is_zero() && decision.forward.is_none() {
            return self.finish(decision);
        }
        // Decided (its attempt counted) and now waiting: should the client go away meanwhile,
        // the guard records the request all the same.
        let mut pending = Pending {
            shared: self,
            decision: Some(decision),
        };
        let delay = pending.decision().delay;
        if !delay.is_zero() {
            tokio::time::sleep(delay).await;
        }
        if let (Some(forward), Some(forwarder)) = (pending.decision().forward.take(), &self.forward)
        {
            let started = Instant::now();
            let result = forwarder
                .forward(forward.request.clone(), forward.timeout)
                .await;
            pending
                .decision()
                .forwarded(&forward, result, started.elapsed());
        }
        let decision = pending
            .decision
            .take()
            .expect("taken only here or when dropped");
        self.finish(decision)
    }

    fn refused(&self, refused: Refused) {
        let reason = self.why(&refused.why);
        // The bytes that arrived are a head: its credentials are kept as the parsed ones are.
        let bytes = if self.config.capture_credentials {
            refused.bytes
        } else {
            capture::redact_raw_authorization(&refused.bytes)
        };
        let received = received(refused.head, Ok(bytes));
        let entry = super::refused(&self.config, received, refused.status, reason);
        // The server answers whatever happens here; a capture that fails is said.
        if let Err(e) = self.record(entry) {
            let _ = self.ui.warn(&format!("{e:#}"));
        }
    }

    fn notice(&self, notice: Notice) {
        let text = match notice {
            Notice::ConnectionsFull(n) => format!(
                "{n} connections are open (--max-connections): new ones wait until one closes"
            ),
            Notice::AcceptFailed(e) => format!(
                "accepting a connection failed: {e}; retrying (raise the open-file limit, \
                 `ulimit -n`, or lower --max-connections)"
            ),
        };
        let _ = self.ui.warn(&text);
    }
}

/// A decided request waiting (`--delay`, `--forward-to`); recorded when dropped before its answer.
struct Pending<'a> {
    shared: &'a Shared,
    decision: Option<Decision>,
}

impl Pending<'_> {
    fn decision(&mut self) -> &mut Decision {
        self.decision.as_mut().expect("present until the answer")
    }
}

impl Drop for Pending<'_> {
    fn drop(&mut self) {
        if let Some(mut decision) = self.decision.take() {
            let note = "the client went away before the answer";
            decision.entry.reason = Some(match decision.entry.reason.take() {
                Some(r) => format!("{r}; {note}"),
                None => note.to_string(),
            });
            let _ = self.shared.finish(decision);
        }
    }
}

fn received(head: Head, body: Body) -> Received {
    Received {
        received_at: head.received_at,
        remote_addr: Some(head.remote_addr.to_string()),
        method: head.method,
        path: head.path,
        query: head.query,
        headers: head.headers,
        body,
    }
}

impl Shared {
    /// Why the server refused a request, in the receiver's words (its flags).
    fn why(&self, why: &Refusal) -> String {
        let limits = &self.config.limits;
        match why {
            Refusal::Malformed(e) => format!("malformed request: {e}"),
            Refusal::Incomplete => {
                "the client closed the connection before the request's head was complete".into()
            }
            Refusal::RequestLineTooLong(n) => format!("request line over {n} bytes"),
            Refusal::HeadTooLarge(n) => {
                format!("head over {n} bytes (--max-header-bytes) or over 100 headers")
            }
            Refusal::HeadTimeout(_) => format!(
                "the head did not arrive within --read-timeout ({})",
                crate::delivery::human_duration(limits.read_timeout)
            ),
            Refusal::LengthTooLarge => {
                "Content-Length is larger than any body can be (the HTTP layer answers 431)".into()
            }
            Refusal::LengthAndChunked => "both Content-Length and Transfer-Encoding (RFC 9112 \
                 6.1: a proxy and the app could read different bodies); send one"
                .into(),
            Refusal::Http2 => {
                "HTTP/2 with prior knowledge is not served here; send HTTP/1.1".into()
            }
            Refusal::Tls => "a TLS handshake: the sender used https://, and this listener \
                 serves plain HTTP (send to http://)"
                .into(),
            Refusal::Busy(n) => {
                format!("{n} requests already in flight (--max-in-flight); answered 503, retry")
            }
        }
    }

    /// Capture, print and count an entry, and show it to the watcher. The capture comes first:
    /// what the client sees acknowledged is on disk.
    fn record(&self, entry: Entry) -> anyhow::Result<()> {
        if let Some(w) = &self.capture {
            w.append(&entry.record_ref(self.config.capture_credentials))
                .map_err(|e| {
                    self.failed.store(true, Ordering::SeqCst);
                    anyhow::Error::from(e).context(
                        "writing the capture file (answered 500 so the sender retries; check the \
                     disk and the --capture path)",
                    )
                })?;
        }
        // Queued for the printing thread, never waited for: a stdout nobody reads holds up no
        // answer. A closed stdout stops the listener (the request is captured and answered).
        // Reasons said once are checked and queued under one lock, so the line that says one in
        // full is printed before those that refer back to it.
        match self.said.get() {
            Some(said) if !self.ui.json => {
                let mut said = said
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                self.printer.print(entry.text_once(&self.ui, &mut said));
            }
            _ => self.printer.print(line(&self.ui, &entry)),
        }
        self.state.count(&entry);
        if let Some(observer) = &self.observer {
            // The watcher may have gone; the request is still answered.
            let _ = observer.send(entry);
        }
        self.handled.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Record the decision, then give its answer (500 when the capture could not be written).
    fn finish(&self, decision: Decision) -> Outgoing {
        let Decision {
            entry,
            reply,
            failed_verification,
            close,
            ..
        } = decision;
        if failed_verification {
            self.failed.store(true, Ordering::SeqCst);
        }
        if let Err(e) = self.record(entry) {
            if !self.printer.closed() {
                let _ = self.ui.warn(&format!("{e:#}"));
            }
            self.handled.fetch_add(1, Ordering::SeqCst);
            return Outgoing {
                status: 500,
                headers: Vec::new(),
                body: b"telhook: could not write the capture\n".to_vec(),
                close: false,
            };
        }
        Outgoing {
            status: reply.status,
            headers: reply.headers,
            body: reply.body,
            close,
        }
    }
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
    use std::time::Duration;

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
