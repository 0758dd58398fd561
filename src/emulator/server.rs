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

use super::store::{Store, Stored};
use super::{Config, MAX_BODY, outcome_for};
use crate::bandwidth::api as bandwidth;
use crate::catalog::{self, Provider};
use crate::delivery::{Item, Lines, Service, Summary};
use crate::http::server::{
    BodyError, Handler, Head, Incoming, Listener, Notice, Outgoing, Refusal, Refused,
};
use crate::receiver::printer::Printer;
use crate::telnyx::api as telnyx;
use crate::template::{Renderer, Seed, format_time};
use crate::ui::Ui;

/// Where the emulator is and what an app needs to reach it, as its first lines say.
#[derive(Debug, Serialize)]
pub struct Listening {
    pub addr: String,
    /// `TELNYX_BASE_URL` for the official SDKs (ends in `/v2`, as their default does).
    pub telnyx_base_url: String,
    /// The public key the Telnyx webhooks are signed with (base64).
    pub telnyx_public_key: String,
    /// Where the webhooks of a message go when the request names no URL.
    pub telnyx_webhook_urls: Vec<String>,
    /// The Bandwidth SDKs' host (`Configuration(host=…)`), ending in `/api/v2`.
    pub bandwidth_base_url: String,
    /// Where Bandwidth status callbacks go.
    pub bandwidth_callback_urls: Vec<String>,
}

struct Shared {
    config: Config,
    store: Arc<Mutex<Store>>,
    ids: Mutex<Renderer>,
    service: Mutex<Option<Service>>,
    printer: Printer,
    ui: Ui,
    calls: AtomicU64,
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
        let service = Service::start(ui, &config.delivery, Lines::Every, config.concurrency, done)
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
        });
        Ok(Emulator {
            shared,
            listener: Mutex::new(Some(listener)),
            addr,
        })
    }

    /// `http://ADDR`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// What an app needs, as the first lines (flushed).
    pub fn listening(&self) -> Listening {
        let telnyx = &self.shared.config.telnyx;
        Listening {
            addr: self.addr.to_string(),
            telnyx_base_url: format!("{}/v2", self.base_url()),
            telnyx_public_key: telnyx.key.public().to_base64(),
            telnyx_webhook_urls: telnyx.webhook_urls.clone(),
            bandwidth_base_url: format!("{}/api/v2", self.base_url()),
            bandwidth_callback_urls: self.shared.config.bandwidth.callback_urls.clone(),
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
        listener.serve(limits, handler, stop)?;
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
}

impl Handler for Api {
    async fn handle(&self, mut request: Incoming) -> Outgoing {
        let started = Instant::now();
        let head = request.head.clone();
        let answer = match request.read_body(MAX_BODY).await {
            Ok(body) if head.path.starts_with(CONTROL) => self.shared.control(&head, &body).await,
            Ok(body) => self.shared.answer(&head, &body),
            Err(BodyError::TooLarge(_)) => self
                .shared
                .neutral(413, format!("the body is over {} bytes", MAX_BODY)),
            Err(BodyError::TimedOut(_)) => self
                .shared
                .neutral(408, "the body did not arrive in time".into()),
            Err(BodyError::Failed(_, why)) => self.shared.neutral(400, why),
        };
        self.shared.print(&head, &answer, started.elapsed());
        Outgoing {
            status: answer.status,
            headers: vec![("content-type", "application/json".to_string())],
            body: answer.body.to_string().into_bytes(),
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
                Answer {
                    status: 200,
                    said: format!("{} messages", messages.len()),
                    body: json!({ "messages": messages }),
                }
            }
            ("POST", "/reset") => {
                let mut store = lock(&self.store);
                let forgotten = store.len();
                store.clear();
                Answer {
                    status: 200,
                    said: format!("reset: {forgotten} messages forgotten"),
                    body: json!({ "reset": true, "forgotten": forgotten }),
                }
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
                    Some(s) => tokio::task::spawn_blocking(move || s.settle(timeout))
                        .await
                        .unwrap_or(false),
                    None => true,
                };
                if settled {
                    Answer {
                        status: 200,
                        said: "settled: every webhook due has been delivered or given up".into(),
                        body: json!({ "settled": true }),
                    }
                } else {
                    Answer {
                        status: 504,
                        said: format!("not settled within {timeout:?}"),
                        body: json!({ "settled": false, "error": format!("webhooks still in flight after {timeout:?}") }),
                    }
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
        let v: Value =
            serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
        let provider = match v.get("provider").and_then(Value::as_str) {
            Some("telnyx") => Provider::Telnyx,
            Some("bandwidth") => Provider::Bandwidth,
            Some(other) => return Err(format!("provider {other:?} is not telnyx or bandwidth")),
            None => match self.config.provider {
                Some(p) => p,
                None => return Err("say which provider the text comes through: \"provider\": \"telnyx\" or \"bandwidth\"".into()),
            },
        };
        if !self.config.serves(provider) {
            return Err(format!(
                "this emulator does not serve {provider} (--provider)"
            ));
        }
        let number = crate::sms::e164;
        let from = v
            .get("from")
            .and_then(Value::as_str)
            .filter(|n| number(n))
            .ok_or("\"from\" must be the sender's +E.164 number")?
            .to_string();
        let to: Vec<String> = match v.get("to") {
            Some(Value::String(n)) => vec![n.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .take(32)
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        if to.is_empty() || !to.iter().all(|n| number(n)) {
            return Err(
                "\"to\" must be the app's +E.164 number, or a list of numbers for a group".into(),
            );
        }
        let text = v
            .get("text")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let media: Vec<String> = v
            .get("media")
            .and_then(Value::as_array)
            .map(|m| {
                m.iter()
                    .take(10)
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        if text.is_empty() && media.is_empty() {
            return Err("a text needs \"text\" or \"media\"".into());
        }
        let text = super::Text {
            from,
            to,
            text,
            media,
        };
        let now = Utc::now();
        let latency = chrono::Duration::from_std(self.config.latency).unwrap_or_default();
        let at = now + latency;
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
                lock(&self.store).insert(
                    &minted.id,
                    Stored {
                        provider: Provider::Telnyx,
                        message: payload.clone(),
                    },
                );
                let body =
                    telnyx::webhook("message.received", &payload, &s("event"), &telnyx_time(at));
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
                        lock(&self.store).insert(
                            &id,
                            Stored {
                                provider: Provider::Bandwidth,
                                message: bandwidth::kept(message),
                            },
                        );
                    }
                    items.push(Item::rendered(Provider::Bandwidth, event, body));
                    ids.push(id);
                }
                (items, config.inbound_callback_urls.clone(), ids)
            }
        };
        let webhooks = items.len();
        let items = items
            .into_iter()
            .map(|mut i| {
                i.urls = Some(urls.clone());
                i
            })
            .collect();
        if let Some(service) = lock(&self.service).as_ref() {
            service.submit(self.config.latency, items);
        }
        Ok(Answer {
            status: 202,
            said: format!(
                "{provider} text from {} to {}; {webhooks} webhook{} to follow",
                text.from,
                text.to.join(", "),
                if webhooks == 1 { "" } else { "s" }
            ),
            body: json!({"provider": provider, "ids": ids, "webhooks": webhooks}),
        })
    }

    /// An answer no provider's path claimed: a plain JSON error saying what is served.
    fn neutral(&self, status: u16, why: String) -> Answer {
        Answer {
            status,
            body: json!({ "error": why }),
            said: why,
        }
    }

    fn answer(&self, head: &Head, body: &[u8]) -> Answer {
        self.calls.fetch_add(1, Ordering::Relaxed);
        if self.config.serves(Provider::Telnyx)
            && let Some(route) = telnyx::route(&head.method, &head.path)
        {
            return match route.and_then(|r| self.telnyx(head, r, body)) {
                Ok(answer) => answer,
                Err(e) => Answer {
                    status: e.status,
                    said: format!("{} {}: {}", e.code, e.title, e.detail),
                    body: e.body(),
                },
            };
        }
        if self.config.serves(Provider::Bandwidth)
            && let Some(route) = bandwidth::route(&head.method, &head.path)
        {
            return match route.and_then(|r| self.bandwidth(head, r, body)) {
                Ok(answer) => answer,
                Err(e) => Answer {
                    status: e.status,
                    said: e.said,
                    body: e.body,
                },
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
                Ok(Answer {
                    status: 200,
                    body: telnyx::answer(&stored.message),
                    said: format!("message {}", crate::ui::short(&id)),
                })
            }
            telnyx::Route::Send => {
                let request = telnyx::parse_send(body)?;
                let now = Utc::now();
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
                lock(&self.store).insert(
                    &minted.id,
                    Stored {
                        provider: Provider::Telnyx,
                        message: message.clone(),
                    },
                );
                // The webhooks' times: sent one latency after the answer, final one more.
                let latency = chrono::Duration::from_std(self.config.latency).unwrap_or_default();
                let sent_at = telnyx_time(now + latency);
                let done_at = telnyx_time(now + latency * 2);
                let urls = telnyx::webhook_urls(&request, &config.webhook_urls);
                let mut bodies = Vec::new();
                if telnyx::is_sent(outcome.fate) {
                    let m = telnyx::sent(&message, &sent_at);
                    bodies.push((
                        "message.sent",
                        telnyx::webhook("message.sent", &m, &id("sent"), &sent_at),
                    ));
                }
                let m = telnyx::finalized(&message, outcome.fate, &sent_at, &done_at);
                let last = telnyx::webhook("message.finalized", &m, &id("final"), &done_at);
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
                let webhooks = items.len();
                if !urls.is_empty()
                    && let Some(service) = lock(&self.service).as_ref()
                {
                    service.submit(self.config.latency, items);
                }
                Ok(Answer {
                    status: 200,
                    said: format!(
                        "message {} to {}; {} webhook{} to follow",
                        crate::ui::short(&minted.id),
                        request.to,
                        webhooks,
                        if webhooks == 1 { "" } else { "s" }
                    ),
                    body: telnyx::answer(&message),
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
                let kept: Vec<Value> = store
                    .all()
                    .filter(|(_, s)| s.provider == Provider::Bandwidth)
                    .map(|(_, s)| s.message)
                    .collect();
                let listing = bandwidth::listing(&account, kept.iter(), message_id);
                Ok(Answer {
                    status: 200,
                    said: format!("{} messages", listing["totalCount"]),
                    body: listing,
                })
            }
            bandwidth::Route::Send { .. } => {
                bandwidth::content_type(&head.headers)?;
                let request = bandwidth::parse_send(body)?;
                let now = Utc::now();
                let id = self.bandwidth_id(now);
                let time = |at: DateTime<Utc>| format_time(at, "ms").unwrap_or_default();
                let message = bandwidth::accepted(&request, &id, &time(now));
                lock(&self.store).insert(
                    &id,
                    Stored {
                        provider: Provider::Bandwidth,
                        message: bandwidth::kept(&message),
                    },
                );
                let latency = chrono::Duration::from_std(self.config.latency).unwrap_or_default();
                let times = [time(now + latency), time(now + latency * 2)];
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
                let callbacks = batches.iter().map(Vec::len).sum::<usize>();
                if !urls.is_empty()
                    && let Some(service) = lock(&self.service).as_ref()
                {
                    for batch in batches {
                        service.submit(self.config.latency, batch);
                    }
                }
                Ok(Answer {
                    status: 202,
                    said: format!(
                        "message {id} to {}; {callbacks} callback{} to follow",
                        request.to.join(", "),
                        if callbacks == 1 { "" } else { "s" }
                    ),
                    body: message,
                })
            }
        }
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

    fn print(&self, head: &Head, answer: &Answer, took: std::time::Duration) {
        // `-q`: only the calls that failed, as `send -q` keeps only the attempts that did.
        if self.ui.quiet && answer.status < 400 {
            return;
        }
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
        self.printer.print(self.ui.fit_line(&line).into_owned());
    }
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
