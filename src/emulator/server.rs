//! The emulator on the HTTP server: each request is read within the limits, routed to the
//! provider whose API path it is, answered with that provider's status and body, printed as
//! one line, and (for a message it accepted) followed by the webhooks about that message,
//! handed to the delivery service to go out after the latency.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use anyhow::Context;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::{Value, json};

use super::store::{Keep, Store};
use super::{Config, Latency, MAX_BODY, SEEDED_EPOCH, outcome_for};
use crate::bandwidth::api as bandwidth;
use crate::capture::{self, Kind, Record};
use crate::catalog::{self, Provider};
use crate::delivery::{Item, Lines, Room, Service, Summary};
use crate::http::server::{
    BodyError, Handler, Head, Incoming, Listener, Notice, Outgoing, Refusal, Refused,
};
use crate::receiver::printer::Printer;
use crate::telnyx::api as telnyx;
use crate::template::{Renderer, Seed, format_time};
use crate::ui::Ui;

/// Where the emulator is and what an app needs to reach it, as its first lines say: each
/// provider's part only when it is served.
#[derive(Debug, Serialize)]
pub struct Listening {
    pub addr: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telnyx: Option<TelnyxListening>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bandwidth: Option<BandwidthListening>,
}

#[derive(Debug, Serialize)]
pub struct TelnyxListening {
    /// `TELNYX_BASE_URL` for the official SDKs (ends in `/v2`, as their default does).
    pub base_url: String,
    /// The public key the webhooks are signed with (base64).
    pub public_key: String,
    /// Where the webhooks of a message go when the request names no URL.
    pub webhook_urls: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct BandwidthListening {
    /// The SDKs' host (`Configuration(host=…)`, Node's `basePath`), ending in `/api/v2`.
    pub base_url: String,
    /// Where status callbacks go.
    pub callback_urls: Vec<String>,
    /// Where inbound messages go.
    pub inbound_callback_urls: Vec<String>,
}

struct Shared {
    config: Config,
    store: Arc<Mutex<Store>>,
    ids: Mutex<Renderer>,
    service: Mutex<Option<Service>>,
    printer: Printer,
    ui: Ui,
    calls: AtomicU64,
    /// `--capture`: the timeline of API calls and webhook attempts.
    capture: Option<Arc<Timeline>>,
    /// With a seed: API calls so far, the seconds of the seeded clock.
    ticks: AtomicU64,
}

/// A bound emulator; [`Emulator::serve`] runs it until told to stop.
pub struct Emulator {
    shared: Arc<Shared>,
    listener: Mutex<Option<Listener>>,
    addr: std::net::SocketAddr,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Emulator {
    /// Bind, and start the threads that deliver and print.
    pub fn bind(config: Config, ui: &Ui) -> anyhow::Result<Self> {
        let listener = Listener::bind(&config.host, config.port)?;
        let addr = listener.addr();
        let store = Arc::new(Mutex::new(Store::new(config.max_messages)));
        let kept = store.clone();
        // A webhook delivered (or given up on) moves its message on: a GET says what the app
        // was told last, and never goes back from a final state.
        let done: crate::delivery::Done = Arc::new(move |item: &Item, _| {
            let crate::delivery::Payload::Json(body) = &item.payload else {
                return;
            };
            match item.provider {
                Provider::Telnyx => {
                    if let (Some(id), Some((view, done))) =
                        (telnyx::message_id(body), telnyx::view(body))
                    {
                        lock(&kept).update(id, view, done);
                    }
                }
                Provider::Bandwidth => {
                    if let (Some(id), Some((view, done))) =
                        (bandwidth::message_id(body), bandwidth::view(body))
                    {
                        lock(&kept).update(id, &view, done);
                    }
                }
            }
        });
        let capture = match &config.capture {
            Some(path) => Some(Arc::new(Timeline {
                writer: capture::Writer::open(path).with_context(|| {
                    format!("--capture {}: cannot open it for appending", path.display())
                })?,
                path: path.display().to_string(),
                failed: std::sync::atomic::AtomicBool::new(false),
                ui: ui.clone(),
            })),
            None => None,
        };
        let keep = config.capture_credentials;
        let tap = capture
            .clone()
            .map(|timeline| attempts_into(timeline, keep));
        let service = Service::start(
            ui,
            &config.delivery,
            Lines::Every,
            config.concurrency,
            config.max_pending,
            done,
            tap,
        )
        .context("starting the thread that delivers webhooks")?;
        let ids = Renderer::new(Seed {
            seed: config.seed,
            at: None,
        });
        let shared = Arc::new(Shared {
            config,
            store,
            ids: Mutex::new(ids),
            service: Mutex::new(Some(service)),
            printer: Printer::start(ui).context("starting the thread that prints")?,
            ui: ui.clone(),
            calls: AtomicU64::new(0),
            capture,
            ticks: AtomicU64::new(0),
        });
        Ok(Emulator {
            shared,
            listener: Mutex::new(Some(listener)),
            addr,
        })
    }

    /// Whether some record could not be written to the capture (`--capture`).
    pub fn capture_failed(&self) -> bool {
        self.shared
            .capture
            .as_ref()
            .is_some_and(|t| t.failed.load(Ordering::Relaxed))
    }

    /// `http://ADDR`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What an app needs, as the first lines (flushed).
    pub fn listening(&self) -> Listening {
        let config = &self.shared.config;
        Listening {
            addr: self.addr.to_string(),
            telnyx: config.serves(Provider::Telnyx).then(|| TelnyxListening {
                base_url: format!("{}/v2", self.base_url()),
                public_key: config.telnyx.key.public().to_base64(),
                webhook_urls: config.telnyx.webhook_urls.clone(),
            }),
            bandwidth: config
                .serves(Provider::Bandwidth)
                .then(|| BandwidthListening {
                    base_url: format!("{}/api/v2", self.base_url()),
                    callback_urls: config.bandwidth.callback_urls.clone(),
                    inbound_callback_urls: config.bandwidth.inbound_callback_urls.clone(),
                }),
        }
    }

    /// Serve until `stop` says so.
    pub fn serve(&self, stop: impl FnMut() -> bool) -> anyhow::Result<()> {
        let listener = lock(&self.listener)
            .take()
            .context("the emulator is already serving")?;
        let limits = self.shared.config.limits;
        let handler = Arc::new(Api {
            shared: self.shared.clone(),
        });
        // The API is answered on the thread that delivers its webhooks (one thread, no wake-up
        // between threads per call; measured in docs/performance.md).
        let runtime = lock(&self.shared.service)
            .as_ref()
            .map(Service::runtime)
            .context("the emulator has already stopped")?;
        listener.serve_on(&runtime, limits, handler, stop)?;
        self.shared.printer.flush();
        Ok(())
    }

    /// After serving: the webhooks still to go are finished (or, with `cut`, cut where they
    /// stand and counted as interrupted), and their summary returned.
    pub fn close(&self, cut: bool) -> anyhow::Result<Summary> {
        let service = lock(&self.shared.service).take();
        let summary = match service {
            Some(service) => service.close(!cut),
            None => anyhow::bail!("the emulator has already stopped"),
        };
        self.shared.printer.flush();
        summary
    }
}

/// The test-control API under this prefix: the app's test suite lists what was sent, resets,
/// and waits for the webhooks (README "telhook emulate").
pub const CONTROL: &str = "/_telhook";

/// The longest answer an API call's capture record keeps (`answer`; longer ones are null).
const MAX_ANSWER_KEPT: usize = 64 * 1024;

/// The longest a settle request waits.
pub const SETTLE_MAX: std::time::Duration = std::time::Duration::from_secs(300);

struct Api {
    shared: Arc<Shared>,
}

/// One API call as the emulator answers it, and what it prints.
struct Answer {
    status: u16,
    body: Value,
    /// What the line says after the status.
    said: String,
    /// Whose API answered (`None`: the control API, or no one's path).
    provider: Option<Provider>,
    /// The messages it keeps (a GET of their id returns them), once the answer is recorded.
    keep: Vec<Keep>,
    /// The webhooks that follow, once the answer is recorded: batches of items in order, with
    /// when they go.
    webhooks: Vec<(Latency, Vec<Item>)>,
}

impl Answer {
    fn new(status: u16, said: String, body: Value) -> Self {
        Answer {
            status,
            body,
            said,
            provider: None,
            keep: Vec::new(),
            webhooks: Vec::new(),
        }
    }
}

impl Handler for Api {
    async fn handle(&self, mut request: Incoming) -> Outgoing {
        let started = Instant::now();
        let head = request.head.clone();
        let (body, read) = match request.read_body(MAX_BODY).await {
            Ok(body) => (body, None),
            Err(BodyError::TooLarge(_)) => (
                Vec::new(),
                Some((413, format!("the body is over {} bytes", MAX_BODY))),
            ),
            Err(BodyError::TimedOut(_)) => (
                Vec::new(),
                Some((408, "the body did not arrive in time".to_string())),
            ),
            Err(BodyError::Failed(_, why)) => (Vec::new(), Some((400, why))),
        };
        // A call that may be followed by webhooks takes a place first, before anything is
        // minted, kept or recorded (a client gone while it waits leaves no trace).
        let mut room = Room::default();
        let mut full = None;
        if let (None, Some(whose)) = (&read, self.shared.makes_webhooks(&head)) {
            let waiting = lock(&self.shared.service)
                .as_ref()
                .map(|s| s.room(self.shared.config.pending_wait));
            if let Some(waiting) = waiting {
                match waiting.await {
                    Some(place) => room = place,
                    None => full = Some(whose),
                }
            }
        }
        let mut answer = match read {
            Some((status, why)) => self.shared.neutral(status, why),
            None if let Some(whose) = full => self.shared.full(whose),
            None if head.path.starts_with(CONTROL) => self.shared.control(&head, &body).await,
            None => self.shared.answer(&head, &body),
        };
        // The answer's bytes, made once for the capture, the `-v` dump and the wire.
        let mut answered = answer.body.to_string();
        // The timeline has the call before any of its webhooks, and an answer the capture
        // could not keep is not given: the app is told 500 and no webhook follows.
        if let Err(e) = self.shared.record(&head, &body, &answer, &answered) {
            // An API call is not taken; a control call has already done its work.
            let done = if head.path.starts_with(CONTROL) {
                "the control call was carried out"
            } else {
                "the call was not taken"
            };
            answer = self.shared.neutral(
                500,
                format!("the capture file could not be written ({e}): {done}"),
            );
            answered = answer.body.to_string();
        }
        let keep = std::mem::take(&mut answer.keep);
        if !keep.is_empty() {
            let mut store = lock(&self.shared.store);
            for kept in keep {
                store.insert(kept);
            }
        }
        let webhooks = std::mem::take(&mut answer.webhooks);
        if let Some(service) = lock(&self.shared.service).as_ref() {
            for (latency, items) in webhooks {
                service.submit(latency.first, latency.between, items, room.clone());
            }
        }
        self.shared
            .print(&head, &body, &answer, &answered, started.elapsed());
        Outgoing {
            status: answer.status,
            headers: vec![("content-type", "application/json".to_string())],
            body: answered.into_bytes(),
            close: false,
        }
    }

    fn refused(&self, refused: Refused) {
        let why = match &refused.why {
            Refusal::Malformed(words) => format!("not HTTP/1.1: {words}"),
            Refusal::Incomplete => "the client closed before the head was complete".into(),
            Refusal::RequestLineTooLong(n) => format!("a request line over {n} bytes"),
            Refusal::HeadTooLarge(n) => format!("a head over {n} bytes or too many headers"),
            Refusal::LengthTooLarge => "a Content-Length beyond any body".into(),
            Refusal::HeadTimeout(t) => format!("the head did not arrive within {t:?}"),
            Refusal::LengthAndChunked => "Content-Length and Transfer-Encoding both".into(),
            Refusal::Http2 => "HTTP/2; the emulator speaks HTTP/1.1".into(),
            Refusal::Tls => {
                "a TLS handshake: use http://, the emulator does not serve https".into()
            }
            Refusal::Busy(n) => format!("{n} requests were already being answered"),
        };
        let record = Record {
            reason: Some(why.clone()),
            ..api_record(
                &refused.head,
                &[],
                refused.status,
                None,
                None,
                self.shared.config.capture_credentials,
            )
        };
        if let Some(capture) = &self.shared.capture {
            // The request was answered by the HTTP layer: it is only missing from the file.
            let _ = capture.append(&record, "a refused request is missing from it");
        }
        let status = self.shared.ui.fail(&refused.status.to_string());
        self.shared.printer.print(format!(
            "{} api       {} {} → {status} {why}",
            clock(refused.head.received_at),
            refused.head.method,
            crate::ui::sanitize(&refused.head.path),
        ));
    }

    fn notice(&self, notice: Notice) {
        let text = match notice {
            Notice::ConnectionsFull(n) => {
                format!("{n} connections are open: new ones wait until one closes")
            }
            Notice::AcceptFailed(e) => format!(
                "accepting a connection failed: {e}; retrying (raise the open-file limit, `ulimit -n`)"
            ),
        };
        let _ = self.shared.ui.warn(&text);
    }
}

fn clock(at: DateTime<Utc>) -> String {
    at.format("%H:%M:%S%.3f").to_string()
}

impl Shared {
    /// `GET /_telhook/messages`, `POST /_telhook/reset`, `POST /_telhook/settle[?timeout=DURATION]`,
    /// `POST /_telhook/text`.
    async fn control(&self, head: &Head, body: &[u8]) -> Answer {
        let what = head.path[CONTROL.len()..].trim_end_matches('/');
        match (head.method.as_str(), what) {
            ("POST", "/text") => match self.text(body) {
                Ok(answer) => answer,
                Err(why) => self.neutral(400, why),
            },
            ("GET", "/messages") => {
                let store = lock(&self.store);
                let messages: Vec<Value> = store
                    .all()
                    .map(|(id, s)| json!({"provider": s.provider, "id": id, "message": s.message}))
                    .collect();
                Answer::new(
                    200,
                    format!("{} messages", messages.len()),
                    json!({ "messages": messages }),
                )
            }
            ("POST", "/reset") => {
                let mut store = lock(&self.store);
                let forgotten = store.len();
                store.clear();
                Answer::new(
                    200,
                    format!("reset: {forgotten} messages forgotten"),
                    json!({ "reset": true, "forgotten": forgotten }),
                )
            }
            ("POST", "/settle") => {
                let timeout = match head.query.as_deref().and_then(|q| {
                    q.split('&').find_map(|kv| kv.strip_prefix("timeout="))
                }) {
                    None => SETTLE_MAX,
                    Some(t) => match settle_timeout(t) {
                        Some(d) => d.min(SETTLE_MAX),
                        None => {
                            return self.neutral(
                                400,
                                format!("timeout={t} is not a duration such as 500ms, 10s or 2m"),
                            );
                        }
                    },
                };
                let settler = lock(&self.service).as_ref().map(Service::settler);
                let settled = match settler {
                    Some(s) => s.settle(timeout).await,
                    None => true,
                };
                if settled {
                    Answer::new(
                        200,
                        "settled: every webhook due has been delivered or given up".into(),
                        json!({ "settled": true }),
                    )
                } else {
                    Answer::new(
                        504,
                        format!("not settled within {timeout:?}"),
                        json!({ "settled": false, "error": format!("webhooks still in flight after {timeout:?}") }),
                    )
                }
            }
            _ => self.neutral(
                404,
                format!(
                    "no such control endpoint: {} {}; there are GET {CONTROL}/messages, POST {CONTROL}/reset, POST {CONTROL}/settle and POST {CONTROL}/text",
                    head.method, head.path
                ),
            ),
        }
    }

    /// `POST /_telhook/text`: a person texts the app, `{"provider", "from", "to", "text",
    /// "media"}` (`to` a number or a list: a group), delivered as the provider's inbound webhook.
    fn text(&self, body: &[u8]) -> Result<Answer, String> {
        let (provider, text) = super::parse_text(body, self.config.provider)?;
        let now = self.now();
        let latency = self.config.latency(provider);
        let at = now + chrono::Duration::from_std(latency.first).unwrap_or_default();
        let mut keep = Vec::new();
        let (items, urls, ids) = match provider {
            Provider::Telnyx => {
                let ids = self.mint(
                    r#"{"message": "{{uuid m}}", "event": "{{uuid e}}", "organization": "{{uuid o}}", "profile": "{{uuid p}}",
                        "facts": [["{{int 20000 900000 s0}}", "{{hex 64 h0}}"], ["{{int 20000 900000 s1}}", "{{hex 64 h1}}"],
                                  ["{{int 20000 900000 s2}}", "{{hex 64 h2}}"]]}"#,
                );
                let s = |k: &str| ids[k].as_str().unwrap_or_default().to_string();
                let facts: Vec<(u64, String)> = ids["facts"]
                    .as_array()
                    .map(|f| {
                        f.iter()
                            .map(|p| {
                                (
                                    p[0].as_u64().unwrap_or(0),
                                    p[1].as_str().unwrap_or_default().to_string(),
                                )
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let facts: Vec<(u64, String)> = (0..text.media.len())
                    .map(|i| {
                        facts
                            .get(i % facts.len().max(1))
                            .cloned()
                            .unwrap_or_default()
                    })
                    .collect();
                let minted = telnyx::Minted {
                    id: s("message"),
                    organization_id: s("organization"),
                    messaging_profile_id: s("profile"),
                    received_at: telnyx_time(now),
                };
                let payload = telnyx::received(&text, &minted, &facts);
                // A GET of its id returns it, as the API returns inbound messages too.
                keep.push(Keep::new(&minted.id, Provider::Telnyx, None, &payload));
                let body =
                    telnyx::webhook("message.received", payload, &s("event"), &telnyx_time(at));
                let event = catalog::find(Provider::Telnyx, "message.received")
                    .map_err(|e| e.to_string())?
                    .event;
                (
                    vec![Item::rendered(Provider::Telnyx, event, body)],
                    self.config.telnyx.webhook_urls.clone(),
                    vec![minted.id],
                )
            }
            Provider::Bandwidth => {
                let config = &self.config.bandwidth;
                let owned: Vec<&String> = if config.numbers.is_empty() {
                    text.to.iter().take(1).collect()
                } else {
                    text.to
                        .iter()
                        .filter(|n| config.numbers.contains(n))
                        .collect()
                };
                if owned.is_empty() {
                    return Err(format!(
                        "none of {} is one of the app's numbers (--number)",
                        text.to.join(", ")
                    ));
                }
                let event = catalog::find(Provider::Bandwidth, "message-received")
                    .map_err(|e| e.to_string())?
                    .event;
                let time = format_time(at, "ms").unwrap_or_default();
                let mut items = Vec::new();
                let mut ids = Vec::new();
                for owner in owned {
                    let id = self.bandwidth_id(now);
                    let body =
                        bandwidth::received(&id, owner, &config.application_id, &text, &time);
                    if let Some(message) = body.pointer("/0/message") {
                        keep.push(Keep::new(
                            &id,
                            Provider::Bandwidth,
                            None,
                            &bandwidth::kept(message),
                        ));
                    }
                    items.push(Item::rendered(Provider::Bandwidth, event, body));
                    ids.push(id);
                }
                (items, config.inbound_callback_urls.clone(), ids)
            }
        };
        let webhooks = items.len();
        // A group text's callbacks are separate messages that arrive together: one after
        // another, in the order of the recipients, with no gap between them.
        let items = items
            .into_iter()
            .map(|mut i| {
                i.urls = Some(urls.clone());
                i
            })
            .collect();
        let together = Latency {
            first: latency.first,
            between: std::time::Duration::ZERO,
        };
        let batches = vec![(together, items)];
        Ok(Answer {
            provider: Some(provider),
            keep,
            said: format!(
                "{provider} text from {} to {}; {}",
                text.from,
                text.to.join(", "),
                following(&batches, "webhook")
            ),
            webhooks: batches,
            ..Answer::new(
                202,
                String::new(),
                json!({"provider": provider, "ids": ids, "webhooks": webhooks}),
            )
        })
    }

    /// Whether a request may be followed by webhooks (a message sent, or a text in), and if so
    /// whose API takes it (`None`: the control API's `text`), as [`Answer::provider`] says.
    fn makes_webhooks(&self, head: &Head) -> Option<Option<Provider>> {
        if head.method != "POST" {
            return None;
        }
        if self.config.serves(Provider::Telnyx)
            && matches!(
                telnyx::route(&head.method, &head.path),
                Some(Ok(telnyx::Route::Send))
            )
        {
            return Some(Some(Provider::Telnyx));
        }
        if self.config.serves(Provider::Bandwidth)
            && matches!(
                bandwidth::route(&head.method, &head.path),
                Some(Ok(bandwidth::Route::Send { .. }))
            )
        {
            return Some(Some(Provider::Bandwidth));
        }
        let control = head.path.strip_prefix(CONTROL);
        (control.map(|what| what.trim_end_matches('/')) == Some("/text")).then_some(None)
    }

    /// The answer to a call that found no room within `--pending-wait`: the 429 of `whose`
    /// API (from [`Shared::makes_webhooks`]).
    fn full(&self, whose: Option<Provider>) -> Answer {
        let held = self.config.max_pending;
        let why = format!(
            "the webhooks of {held} calls are held (--max-pending) and none finished within --pending-wait"
        );
        let answer = match whose {
            None => self.neutral(429, why),
            Some(Provider::Telnyx) => {
                let e = telnyx::ApiError::too_many();
                Answer::new(e.status, format!("{} {}: {why}", e.code, e.title), e.body())
            }
            Some(Provider::Bandwidth) => {
                let e = bandwidth::ApiError::queue_full(held);
                Answer::new(e.status, e.said, e.body)
            }
        };
        Answer {
            provider: whose,
            ..answer
        }
    }

    /// An answer no provider's path claimed: a plain JSON error saying what is served.
    fn neutral(&self, status: u16, why: String) -> Answer {
        Answer::new(status, why.clone(), json!({ "error": why }))
    }

    fn answer(&self, head: &Head, body: &[u8]) -> Answer {
        self.calls.fetch_add(1, Ordering::Relaxed);
        if self.config.serves(Provider::Telnyx)
            && let Some(route) = telnyx::route(&head.method, &head.path)
        {
            let answer = match route.and_then(|r| self.telnyx(head, r, body)) {
                Ok(answer) => answer,
                Err(e) => Answer::new(
                    e.status,
                    format!("{} {}: {}", e.code, e.title, e.detail),
                    e.body(),
                ),
            };
            return Answer {
                provider: Some(Provider::Telnyx),
                ..answer
            };
        }
        if self.config.serves(Provider::Bandwidth)
            && let Some(route) = bandwidth::route(&head.method, &head.path)
        {
            let answer = match route.and_then(|r| self.bandwidth(head, r, body)) {
                Ok(answer) => answer,
                Err(e) => Answer::new(e.status, e.said, e.body),
            };
            return Answer {
                provider: Some(Provider::Bandwidth),
                ..answer
            };
        }
        let mut served = Vec::new();
        if self.config.serves(Provider::Telnyx) {
            served.push(telnyx::PATHS);
        }
        if self.config.serves(Provider::Bandwidth) {
            served.push(bandwidth::PATHS);
        }
        self.neutral(
            404,
            format!(
                "no such endpoint: {} {}; the emulator serves {}",
                head.method,
                head.path,
                served.join(", ")
            ),
        )
    }

    fn telnyx(
        &self,
        head: &Head,
        route: telnyx::Route,
        body: &[u8],
    ) -> Result<Answer, telnyx::ApiError> {
        let config = &self.config.telnyx;
        telnyx::authenticate(&head.headers, config.api_key.as_deref())?;
        match route {
            telnyx::Route::Get(id) => {
                let store = lock(&self.store);
                let stored = store
                    .get(&id)
                    .filter(|s| s.provider == Provider::Telnyx)
                    .ok_or_else(|| telnyx::ApiError::not_found(&id))?;
                Ok(Answer::new(
                    200,
                    format!("message {}", crate::ui::short(&id)),
                    telnyx::answer(stored.message),
                ))
            }
            telnyx::Route::Send => {
                let request = telnyx::parse_send(body)?;
                let now = self.now();
                let ids = self.mint(
                    r#"{"message": "{{uuid m}}", "sent": "{{uuid s}}", "final": "{{uuid f}}",
                        "organization": "{{uuid o}}", "profile": "{{uuid p}}"}"#,
                );
                let id = |k: &str| ids[k].as_str().unwrap_or_default().to_string();
                let minted = telnyx::Minted {
                    id: id("message"),
                    organization_id: id("organization"),
                    messaging_profile_id: request
                        .messaging_profile_id
                        .clone()
                        .unwrap_or_else(|| id("profile")),
                    received_at: telnyx_time(now),
                };
                let message = telnyx::queued(&request, &minted);
                let outcome = outcome_for(&request.to);
                let keep = vec![Keep::new(&minted.id, Provider::Telnyx, None, &message)];
                // The webhooks' times: when each is due.
                let latency = config.latency;
                let [sent_at, mut done_at] = due_times(now, latency).map(telnyx_time);
                // Each webhook is stamped with when it is due: a message never sent has only
                // its final one, due first.
                if !telnyx::is_sent(outcome.fate) {
                    done_at = sent_at.clone();
                }
                let urls = telnyx::webhook_urls(&request, &config.webhook_urls);
                let mut bodies = Vec::new();
                if telnyx::is_sent(outcome.fate) {
                    let m = telnyx::sent(&message, &sent_at);
                    bodies.push((
                        "message.sent",
                        telnyx::webhook("message.sent", m, &id("sent"), &sent_at),
                    ));
                }
                let m = telnyx::finalized(&message, outcome.fate, &sent_at, &done_at);
                let last = telnyx::webhook("message.finalized", m, &id("final"), &done_at);
                match outcome.order {
                    super::Order::Sequential => bodies.push(("message.finalized", last)),
                    super::Order::FinalFirst => bodies.insert(0, ("message.finalized", last)),
                    super::Order::DuplicateFinal => {
                        bodies.push(("message.finalized", last.clone()));
                        bodies.push(("message.finalized", last));
                    }
                }
                let items = bodies
                    .into_iter()
                    .filter_map(|(name, body)| {
                        let event = catalog::find(Provider::Telnyx, name).ok()?.event;
                        let mut item = Item::rendered(Provider::Telnyx, event, body);
                        item.urls = Some(urls.clone());
                        Some(item)
                    })
                    .collect::<Vec<_>>();
                let due = reordered(latency, outcome.order, items.len());
                let webhooks = to_follow(&urls, vec![(due, items)]);
                Ok(Answer {
                    keep,
                    said: format!(
                        "message {} to {}; {}",
                        crate::ui::short(&minted.id),
                        request.to,
                        following(&webhooks, "webhook")
                    ),
                    webhooks,
                    ..Answer::new(200, String::new(), telnyx::answer(message))
                })
            }
        }
    }

    fn bandwidth(
        &self,
        head: &Head,
        route: bandwidth::Route,
        body: &[u8],
    ) -> Result<Answer, bandwidth::ApiError> {
        bandwidth::authenticate(&head.headers, self.config.bandwidth.api_auth.as_ref())?;
        match route {
            bandwidth::Route::List { account } => {
                let message_id = head
                    .query
                    .as_deref()
                    .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("messageId=")));
                let store = lock(&self.store);
                // The account's own messages, and the texts its numbers received.
                let kept: Vec<Value> = store
                    .all()
                    .filter(|(_, s)| {
                        s.provider == Provider::Bandwidth
                            && s.account.as_ref().is_none_or(|a| *a == account)
                    })
                    .map(|(_, s)| s.message)
                    .collect();
                let listing = bandwidth::listing(&account, kept.iter(), message_id);
                Ok(Answer::new(
                    200,
                    format!("{} messages", listing["totalCount"]),
                    listing,
                ))
            }
            bandwidth::Route::Send { account } => {
                bandwidth::content_type(&head.headers)?;
                let request = bandwidth::parse_send(body)?;
                let now = self.now();
                let id = self.bandwidth_id(now);
                let time = |at: DateTime<Utc>| format_time(at, "ms").unwrap_or_default();
                let message = bandwidth::accepted(&request, &id, &time(now));
                let keep = vec![Keep::new(
                    &id,
                    Provider::Bandwidth,
                    Some(&account),
                    &bandwidth::kept(&message),
                )];
                let latency = self.config.bandwidth.latency;
                let times = due_times(now, latency).map(time);
                let urls = &self.config.bandwidth.callback_urls;
                // One status callback (or two, for MMS) per recipient, each about the same id.
                // A batch per recipient: its callbacks in order, the recipients side by side
                // (one slow or dead recipient's retries hold up no other's).
                let batches: Vec<Vec<Item>> = request
                    .to
                    .iter()
                    .map(|to| {
                        bandwidth::callbacks(&message, to, outcome_for(to), [&times[0], &times[1]])
                            .into_iter()
                            .filter_map(|(name, body)| {
                                let event = catalog::find(Provider::Bandwidth, name).ok()?.event;
                                let mut item = Item::rendered(Provider::Bandwidth, event, body);
                                item.urls = Some(urls.clone());
                                Some(item)
                            })
                            .collect()
                    })
                    .collect();
                let batches = batches
                    .into_iter()
                    .zip(&request.to)
                    .map(|(b, to)| (reordered(latency, outcome_for(to).order, b.len()), b))
                    .collect();
                let webhooks = to_follow(urls, batches);
                Ok(Answer {
                    keep,
                    said: format!(
                        "message {id} to {}; {}",
                        request.to.join(", "),
                        following(&webhooks, "callback")
                    ),
                    webhooks,
                    ..Answer::new(202, String::new(), message)
                })
            }
        }
    }

    /// The time of an API call: now, or with a seed the next second of the seeded clock.
    fn now(&self) -> DateTime<Utc> {
        if self.config.seed.is_none() {
            return Utc::now();
        }
        let tick = self.ticks.fetch_add(1, Ordering::Relaxed);
        let seconds = SEEDED_EPOCH.saturating_add(i64::try_from(tick).unwrap_or(i64::MAX));
        DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    /// Record an API call and its answer in the capture, if there is one.
    fn record(
        &self,
        head: &Head,
        body: &[u8],
        answer: &Answer,
        answered: &str,
    ) -> std::io::Result<()> {
        let Some(capture) = &self.capture else {
            return Ok(());
        };
        let missing = "the call was answered 500 and is missing from it";
        // The answer as the app got it, up to a bound (a listing of 10,000 messages is not
        // copied into every line that asks for it).
        let answered = (answered.len() <= MAX_ANSWER_KEPT).then(|| answered.to_string());
        let record = Record {
            reason: (answer.status >= 400).then(|| answer.said.clone()),
            ..api_record(
                head,
                body,
                answer.status,
                answer.provider,
                answered,
                self.config.capture_credentials,
            )
        };
        capture.append(&record, missing)
    }

    /// A fresh Bandwidth message id: the time in ms, then 16 characters from the (seeded) source.
    fn bandwidth_id(&self, now: DateTime<Utc>) -> String {
        let mut ids = lock(&self.ids);
        ids.forget();
        ids.set_at(now);
        ids.render(r#""{{bw_message_id m 0}}""#)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// Fresh ids from the emulator's (seeded) source.
    fn mint(&self, template: &str) -> Value {
        let mut ids = lock(&self.ids);
        ids.forget();
        ids.render(template).unwrap_or(Value::Null)
    }

    fn print(
        &self,
        head: &Head,
        body: &[u8],
        answer: &Answer,
        answered: &str,
        took: std::time::Duration,
    ) {
        // `-q`: only the calls that failed, as `send -q` keeps only the attempts that did.
        if self.ui.quiet && answer.status < 400 {
            return;
        }
        // `-v`: the request and the answer, under the line (as `listen -v` shows requests).
        let dump = (self.ui.verbose > 0 && !self.ui.json).then(|| {
            let target = match &head.query {
                Some(q) => format!("{} {}?{q}", head.method, head.path),
                None => format!("{} {}", head.method, head.path),
            };
            crate::ui::exchange(
                &target,
                &head.headers,
                body,
                Some((
                    answer.status,
                    &[("content-type".to_string(), "application/json".to_string())],
                    answered.as_bytes(),
                )),
            )
        });
        if self.ui.json {
            let line = ApiLine {
                received_at: head
                    .received_at
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
                method: &head.method,
                path: &head.path,
                status: answer.status,
                said: &answer.said,
                latency_ms: took.as_secs_f64() * 1000.0,
            };
            if let Ok(text) = serde_json::to_string(&crate::output::Output::ApiCall(line)) {
                self.printer.print(text);
            }
            return;
        }
        let status = if answer.status < 400 {
            self.ui.pass(&answer.status.to_string())
        } else {
            self.ui.fail(&answer.status.to_string())
        };
        let line = format!(
            "{} api       {} {} → {status} {}",
            clock(head.received_at),
            head.method,
            crate::ui::sanitize(&head.path),
            crate::ui::sanitize(&answer.said),
        );
        let line = self.ui.fit_line(&line).into_owned();
        self.printer.print(match dump {
            Some(dump) => format!("{line}\n{dump}"),
            None => line,
        });
    }
}

/// The webhooks that follow a call: none when there is no URL to deliver them to.
fn to_follow(urls: &[String], batches: Vec<(Latency, Vec<Item>)>) -> Vec<(Latency, Vec<Item>)> {
    if urls.is_empty() { Vec::new() } else { batches }
}

/// What a call's line says of its webhooks: `2 webhooks to follow`.
fn following(webhooks: &[(Latency, Vec<Item>)], noun: &str) -> String {
    let n: usize = webhooks.iter().map(|(_, items)| items.len()).sum();
    format!("{n} {noun}{} to follow", if n == 1 { "" } else { "s" })
}

/// When a batch of a message's webhooks goes: as `latency` says, except that a final webhook
/// sent ahead of the one before it (`Order::FinalFirst`) waits for its own time, so no webhook
/// arrives before the time it is stamped with (the other then comes late, as a delayed one
/// does).
fn reordered(latency: Latency, order: super::Order, webhooks: usize) -> Latency {
    if order == super::Order::FinalFirst && webhooks > 1 {
        Latency {
            first: latency.first + latency.between,
            between: latency.between,
        }
    } else {
        latency
    }
}

/// When a message's two webhooks are due, from the time of its API call.
fn due_times(now: DateTime<Utc>, latency: Latency) -> [DateTime<Utc>; 2] {
    let span = |d| chrono::Duration::from_std(d).unwrap_or_default();
    let first = now + span(latency.first);
    [first, first + span(latency.between)]
}

/// The capture record of an API call (or of a request refused before it was one), its
/// credentials redacted.
fn api_record(
    head: &Head,
    body: &[u8],
    status: u16,
    provider: Option<Provider>,
    answer: Option<String>,
    credentials: bool,
) -> Record {
    let (text, base64) = capture::body_text(body);
    Record {
        format: capture::FORMAT,
        kind: Kind::Api,
        received_at: head
            .received_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        remote_addr: Some(head.remote_addr.to_string()),
        method: head.method.clone(),
        path: head.path.clone(),
        query: head.query.clone(),
        headers: capture::headers_kept(&head.headers, credentials).into_owned(),
        body: text.into_owned(),
        body_base64: base64,
        provider: provider.map(|p| p.name().to_string()),
        event: None,
        event_id: None,
        verdict: None,
        reason: None,
        status: Some(status),
        url: None,
        attempt: None,
        outcome: None,
        answer,
    }
}

/// The emulator's capture file, and whether it has lost a record (the run then fails).
struct Timeline {
    writer: capture::Writer,
    path: String,
    failed: std::sync::atomic::AtomicBool,
    ui: Ui,
}

impl Timeline {
    /// Append a record; a failure is said the first time (naming the file, what is missing
    /// and what to do) and marks the run failed.
    fn append(&self, record: &Record, missing: &str) -> std::io::Result<()> {
        let written = self.writer.append(record);
        if let Err(e) = &written
            && !self.failed.swap(true, Ordering::Relaxed)
        {
            let _ = self.ui.warn(&format!(
                "--capture {}: {e}: {missing} (check the disk and the path; the run will fail)",
                self.path
            ));
        }
        written
    }
}

/// The tap that records every webhook attempt in the capture, as it went out (credentials
/// redacted unless `credentials`); the webhook itself has gone either way.
fn attempts_into(timeline: Arc<Timeline>, credentials: bool) -> crate::delivery::Tap {
    Arc::new(move |tapped: &crate::delivery::Tapped<'_>| {
        let a = tapped.attempt;
        let request = a.request;
        let sent = Utc::now() - chrono::Duration::from_std(a.latency).unwrap_or_default();
        let target = request.url.parse::<http::Uri>().ok();
        let (text, base64) = capture::body_text(&request.body);
        let record = Record {
            format: capture::FORMAT,
            kind: Kind::Webhook,
            received_at: sent.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            remote_addr: None,
            method: request.method.to_string(),
            path: target
                .as_ref()
                .map_or_else(|| "/".to_string(), |u| u.path().to_string()),
            query: target.as_ref().and_then(|u| u.query().map(str::to_string)),
            headers: capture::headers_kept(&request.headers, credentials).into_owned(),
            body: text.into_owned(),
            body_base64: base64,
            provider: Some(tapped.provider.name().to_string()),
            event: tapped.event.map(|e| e.name.to_string()),
            event_id: tapped.id.map(str::to_string),
            verdict: None,
            reason: tapped.reason.map(str::to_string),
            status: a.response.map(|r| r.status),
            url: Some(crate::ui::redact_url(&request.url).into_owned()),
            attempt: Some(a.number),
            outcome: Some(a.outcome.recorded()),
            answer: None,
        };
        let _ = timeline.append(&record, "webhook attempts are missing from it");
    })
}

/// A settle request's `timeout`: a whole number with `ms`, `s` or `m`.
fn settle_timeout(text: &str) -> Option<std::time::Duration> {
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let n: u64 = text[..split].parse().ok()?;
    let ms = match &text[split..] {
        "ms" => n,
        "s" => n.checked_mul(1000)?,
        "m" => n.checked_mul(60_000)?,
        _ => return None,
    };
    Some(std::time::Duration::from_millis(ms))
}

/// Telnyx messaging times: milliseconds, `+00:00`.
fn telnyx_time(at: DateTime<Utc>) -> String {
    format_time(at, "ms+00").unwrap_or_default()
}

/// One API call under `--json`.
#[derive(Debug, Serialize)]
pub struct ApiLine<'a> {
    pub received_at: String,
    pub method: &'a str,
    pub path: &'a str,
    pub status: u16,
    pub said: &'a str,
    pub latency_ms: f64,
}
