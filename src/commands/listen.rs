//! `telhook listen`: a local receiver that verifies each webhook (Telnyx signature, Bandwidth
//! Basic challenge), prints one line per request, answers like a well-behaved (or deliberately
//! slow or broken) app, and captures every request byte for byte.

use anyhow::Context;
use serde::Serialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use crate::bandwidth::auth::{self, Credentials};
use crate::capture::{self, Record};
use crate::catalog::{self, Event, Provider, Reply};
use crate::exit::ExitStatus;
use crate::http::server::{BodyError, Incoming, Listener};
use crate::schema::Validators;
use crate::signing::{self, PublicKey};
use crate::telnyx::{self, PUBLIC_KEY_ENV, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifyRequest};
use crate::ui::Ui;

use crate::commands::BASIC_AUTH_ENV;

/// The BXML document answered to Bandwidth callbacks that need one.
pub const MINIMAL_BXML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n";

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Port to listen on; 0 picks a free one (the first line says which).
    #[arg(long, default_value_t = 5000, value_name = "PORT")]
    pub port: u16,
    /// Address to bind. The default keeps the listener private to this machine.
    #[arg(long, default_value = "127.0.0.1", value_name = "HOST")]
    pub host: String,
    /// Only this path is a webhook endpoint; other paths get 404.
    #[arg(long, default_value = "/", value_name = "PATH")]
    pub path: String,
    /// Telnyx public key (base64 of the raw 32 bytes) or a file holding it; without one, Telnyx
    /// requests are accepted unverified.
    #[arg(long, value_name = "KEY|FILE", env = PUBLIC_KEY_ENV, hide_env_values = true, allow_hyphen_values = true)]
    pub public_key: Option<String>,
    /// Timestamp tolerance in seconds, either way (as `verify`).
    #[arg(long, default_value_t = telnyx::TOLERANCE_SECS, value_name = "SECS")]
    pub tolerance: u64,
    /// Do not check the Telnyx timestamp's age.
    #[arg(long, conflicts_with = "tolerance")]
    pub no_tolerance: bool,
    /// Bandwidth credentials, USER:PASS: requests without them get a 401 challenge.
    #[arg(long, value_name = "USER:PASS", env = BASIC_AUTH_ENV, hide_env_values = true, value_parser = Credentials::parse)]
    pub basic_auth: Option<Credentials>,
    /// Reject requests whose provider or event cannot be recognised (400).
    #[arg(long)]
    pub strict: bool,
    /// Append every request to this JSON Lines file (format in the README).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub capture: Option<PathBuf>,
    /// Status to answer accepted requests with.
    #[arg(long, default_value_t = 200, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,
    /// Wait this long before answering (a slow app; Telnyx gives up after 2 s).
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub delay: u64,
    /// Answer 500 to the first N attempts of each event id (to exercise retries).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub fail_first: u32,
    /// BXML document for Bandwidth callbacks that need one (default: an empty <Response/>).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub bxml: Option<PathBuf>,
    /// Pass each accepted request on to your app and relay its answer.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub forward_to: Option<String>,
    /// Exit after this many requests.
    #[arg(long, value_name = "N")]
    pub max_events: Option<usize>,
    /// Exit after this many seconds.
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// Largest body accepted; larger ones get 413.
    #[arg(long, default_value_t = DEFAULT_MAX_BODY, value_name = "BYTES")]
    pub max_body: usize,
}

impl Args {
    /// The listener `demo` runs: a free loopback port, this Telnyx public key and these Basic
    /// credentials, every other setting at its `listen` default.
    pub fn for_demo(public_key: String, credentials: Credentials) -> anyhow::Result<Self> {
        #[derive(clap::Parser)]
        struct Defaults {
            #[command(flatten)]
            args: Args,
        }
        let mut args = <Defaults as clap::Parser>::try_parse_from([
            "listen",
            "--port",
            "0",
            "--host",
            "127.0.0.1",
        ])
        .map_err(|e| anyhow::anyhow!("the demo listener's settings: {e}"))?
        .args;
        args.public_key = Some(public_key);
        args.basic_auth = Some(credentials);
        Ok(args)
    }
}

/// `--max-body`'s default: 1 MiB.
const DEFAULT_MAX_BODY: usize = 1 << 20;

/// One request as `--json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct EventLine {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub received_at: String,
    pub method: String,
    pub path: String,
    pub provider: Option<Provider>,
    pub event: Option<&'static str>,
    pub event_id: Option<String>,
    pub facts: String,
    pub verdict: &'static str,
    pub reason: Option<String>,
    pub status: u16,
    pub duplicate: bool,
    pub out_of_order: bool,
    pub schema_errors: Vec<String>,
    pub forward_status: Option<u16>,
    pub forward_ms: Option<u64>,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    #[serde(rename = "type")]
    kind: &'static str,
    requests: usize,
    rejected: usize,
    /// "provider event verdict" -> count
    counts: BTreeMap<String, usize>,
}

struct Shared {
    args: Args,
    key: Option<PublicKey>,
    bxml: String,
    validators: Validators,
    capture: Option<capture::Writer>,
    /// event id -> attempts seen
    attempts: Mutex<HashMap<String, u32>>,
    /// message or call id -> latest event time seen
    latest: Mutex<HashMap<String, String>>,
    summary: Mutex<Summary>,
    handled: AtomicUsize,
    failed: AtomicBool,
    /// stdout is closed (`listen | head -1`): stop serving and exit quietly.
    output_closed: AtomicBool,
    in_flight: AtomicUsize,
    forward: Option<reqwest::blocking::Client>,
    /// Gets a copy of every event line (`demo`).
    observer: Option<mpsc::Sender<EventLine>>,
    ui: Ui,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let server = Server::bind(args, ui, None)?;
    server.announce()?;
    if server.shared.key.is_none() {
        ui.note(
            "telhook: no --public-key (or TELNYX_PUBLIC_KEY): Telnyx signatures are not checked",
        )?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // A second Ctrl-C while shutting down is ignored; the summary still prints.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    server.serve(&stop)?;
    if server.output_closed() {
        // `listen | head -1`: the reader has what it wanted; main exits 0 without a word.
        return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into());
    }
    server.print_summary()?;
    Ok(server.status())
}

/// A bound listener: `listen` serves one in the foreground; `demo` serves one on a thread and
/// watches its event lines through an observer channel.
pub struct Server {
    shared: Arc<Shared>,
    listener: Listener,
    url: String,
}

impl Server {
    /// Read the key, BXML and capture settings, and bind. `observer` receives a copy of every
    /// event line, sent before the request is answered.
    pub fn bind(
        args: &Args,
        ui: &Ui,
        observer: Option<mpsc::Sender<EventLine>>,
    ) -> anyhow::Result<Self> {
        let args = args.clone();
        let key = signing::key_text("--public-key", args.public_key.as_deref(), PUBLIC_KEY_ENV)?
            .map(|t| {
                PublicKey::parse_file_bytes(&t.text)
                    .with_context(|| format!("reading the public key from {}", t.origin))
            })
            .transpose()?;
        let bxml = match &args.bxml {
            Some(p) => std::fs::read_to_string(p)
                .with_context(|| format!("reading BXML file {}", p.display()))?,
            None => MINIMAL_BXML.to_string(),
        };
        let capture = args
            .capture
            .as_ref()
            .map(|p| {
                capture::Writer::open(p)
                    .with_context(|| format!("opening capture file {}", p.display()))
            })
            .transpose()?;
        let forward = match &args.forward_to {
            Some(url) => {
                reqwest::Url::parse(url)
                    .with_context(|| format!("--forward-to `{url}` is not a URL"))?;
                Some(
                    reqwest::blocking::Client::builder()
                        .timeout(Duration::from_secs(30))
                        .redirect(reqwest::redirect::Policy::none())
                        .build()
                        .context("building the HTTP client for --forward-to")?,
                )
            }
            None => None,
        };
        let listener = Listener::bind(&args.host, args.port)?;
        let url = format!("http://{}{}", listener.addr(), args.path);
        let shared = Arc::new(Shared {
            key,
            bxml,
            validators: Validators::new(false),
            capture,
            attempts: Mutex::new(HashMap::new()),
            latest: Mutex::new(HashMap::new()),
            summary: Mutex::new(Summary {
                kind: "summary",
                ..Summary::default()
            }),
            handled: AtomicUsize::new(0),
            failed: AtomicBool::new(false),
            output_closed: AtomicBool::new(false),
            in_flight: AtomicUsize::new(0),
            forward,
            observer,
            ui: ui.clone(),
            args,
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

    /// The first line: where the listener is.
    pub fn announce(&self) -> std::io::Result<()> {
        let ui = &self.shared.ui;
        if ui.json {
            #[derive(Serialize)]
            struct Listening<'a> {
                #[serde(rename = "type")]
                kind: &'static str,
                addr: String,
                url: &'a str,
            }
            ui.json_line(&Listening {
                kind: "listening",
                addr: self.listener.addr().to_string(),
                url: &self.url,
            })
        } else {
            ui.line(&format!("listening on {}", self.url))
        }
    }

    /// Answer requests, each on its own thread, until `stop` is set or `--max-events` or
    /// `--timeout` is reached; then let requests being answered finish.
    pub fn serve(&self, stop: &AtomicBool) -> anyhow::Result<()> {
        let shared = &self.shared;
        let ui = &shared.ui;
        let started = Instant::now();
        let deadline = shared
            .args
            .timeout
            .map(|s| started + Duration::from_secs(s));
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
            if shared
                .args
                .max_events
                .is_some_and(|m| shared.handled.load(Ordering::SeqCst) >= m)
            {
                break;
            }
            let incoming = match self.listener.next(Duration::from_millis(50)) {
                Ok(Some(i)) => i,
                Ok(None) => continue,
                Err(e) => {
                    ui.warn(&format!("accepting a request: {e}"))?;
                    continue;
                }
            };
            if shared.args.max_events.is_some_and(|m| accepted >= m) {
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
                    && !shared.output_closed.load(Ordering::SeqCst)
                {
                    let _ = shared.ui.warn(&format!("answering a request: {e:#}"));
                }
                shared.handled.fetch_add(1, Ordering::SeqCst);
                shared.in_flight.fetch_sub(1, Ordering::SeqCst);
            });
        }
        // Let requests already being answered finish (bounded, so a stuck client cannot hold us).
        let grace = Instant::now() + Duration::from_millis(shared.args.delay + 2000);
        while shared.in_flight.load(Ordering::SeqCst) > 0 && Instant::now() < grace {
            std::thread::sleep(Duration::from_millis(10));
        }
        Ok(())
    }

    /// Has the reader of stdout gone away?
    pub fn output_closed(&self) -> bool {
        self.shared.output_closed.load(Ordering::SeqCst)
    }

    /// The per provider/event/verdict counts (a JSON `summary` line under `--json`; nothing
    /// under `-q`).
    pub fn print_summary(&self) -> anyhow::Result<()> {
        let ui = &self.shared.ui;
        let summary = self
            .shared
            .summary
            .lock()
            .map_err(|_| anyhow::anyhow!("summary lock poisoned"))?;
        if ui.json {
            ui.json_line(&*summary)?;
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

/// The provider a request comes from, by its headers, then its body.
fn provider_of(headers: &[(String, String)], event: Option<&Event>) -> Option<Provider> {
    let has = |name: &str| capture::header(headers, name).is_some();
    let ua = capture::header(headers, "user-agent").unwrap_or_default();
    if has(SIGNATURE_HEADER) || has(TIMESTAMP_HEADER) || ua.starts_with(telnyx::USER_AGENT) {
        return Some(Provider::Telnyx);
    }
    if ua.starts_with("BandwidthAPI") {
        return Some(Provider::Bandwidth);
    }
    event.map(|e| e.provider)
}

/// The facts that matter for the event, in a few words.
fn facts(event: &Event, body: &Value) -> String {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("?").to_string();
    let snippet = |t: &str| {
        let t: String = t.chars().take(40).collect();
        format!("{t:?}")
    };
    match (event.provider, event.family) {
        (Provider::Telnyx, "messaging") if event.name != "link_clicked" => {
            let p = &body["data"]["payload"];
            let to = s(p.pointer("/to/0/phone_number"));
            let from = s(p.pointer("/from/phone_number"));
            if event.name == "message.received" {
                format!(
                    "{from} → {to} {}",
                    snippet(p["text"].as_str().unwrap_or_default())
                )
            } else {
                let status = s(p.pointer("/to/0/status"));
                let code = p
                    .pointer("/errors/0/code")
                    .and_then(Value::as_str)
                    .map(|c| format!(" error {c}"))
                    .unwrap_or_default();
                format!("{from} → {to} {status}{code}")
            }
        }
        (Provider::Telnyx, _) => id_and_state(
            &body["data"]["payload"],
            &["call_control_id", "conference_id", "fax_id"],
            &["state", "status", "hangup_cause"],
        ),
        (Provider::Bandwidth, "messaging-v2") => {
            let e = &body[0];
            let m = &e["message"];
            if event.name == "message-received" {
                format!(
                    "{} → {} {}",
                    s(m.get("from")),
                    s(e.get("to")),
                    snippet(m["text"].as_str().unwrap_or_default())
                )
            } else {
                let code = e
                    .get("errorCode")
                    .map(|c| format!(" error {c}"))
                    .unwrap_or_default();
                format!(
                    "{} → {} {}{code}",
                    s(m.get("from")),
                    s(e.get("to")),
                    s(e.get("description"))
                )
            }
        }
        (Provider::Bandwidth, _) => id_and_state(
            body,
            &["callId", "conferenceId", "messageId"],
            &["cause", "status", "callState", "state"],
        ),
    }
}

/// A voice or fax event in a few words: the first id field present and the first state field.
fn id_and_state(obj: &Value, id_keys: &[&str], state_keys: &[&str]) -> String {
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| obj.get(*k).and_then(Value::as_str))
    };
    let state = first(state_keys)
        .map(|x| format!(" {x}"))
        .unwrap_or_default();
    format!("{}{state}", crate::ui::short(first(id_keys).unwrap_or("?")))
}

fn handle(shared: &Shared, mut incoming: Incoming) -> anyhow::Result<()> {
    let args = &shared.args;
    let headers = incoming.headers();
    let (path, query) = incoming.path_and_query();
    let method = incoming.method();
    let mut record = Record {
        received_at: incoming
            .received_at
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        remote_addr: incoming.remote_addr(),
        method: method.clone(),
        path: path.clone(),
        query,
        headers: headers.clone(),
        body: String::new(),
        body_base64: false,
        provider: None,
        event: None,
        event_id: None,
        verdict: "accepted".into(),
        reason: None,
        status: args.status,
    };
    let mut line = EventLine {
        kind: "event",
        received_at: record.received_at.clone(),
        method: method.clone(),
        path: path.clone(),
        provider: None,
        event: None,
        event_id: None,
        facts: String::new(),
        verdict: "accepted",
        reason: None,
        status: args.status,
        duplicate: false,
        out_of_order: false,
        schema_errors: Vec::new(),
        forward_status: None,
        forward_ms: None,
    };
    let answer = decide(shared, &mut incoming, &mut record, &mut line)?;
    finish(shared, incoming, record, line, answer)
}

/// Read, check and classify a request, filling in its record and event line, and say how to
/// answer it.
fn decide(
    shared: &Shared,
    incoming: &mut Incoming,
    record: &mut Record,
    line: &mut EventLine,
) -> anyhow::Result<Answer> {
    let args = &shared.args;
    let headers = record.headers.clone();
    let header = |name: &str| capture::header(&headers, name);
    let path = record.path.clone();
    let method = record.method.clone();
    let mut reply_headers: Vec<(&'static str, String)> = Vec::new();
    let mut reply_body: Vec<u8> = Vec::new();

    // 1. Body, bounded.
    let body = match incoming.read_body(args.max_body) {
        Ok(b) => b,
        Err(BodyError::TooLarge(partial)) => {
            record.set_body(&partial);
            return Ok(Answer::reject(
                413,
                format!(
                    "body is over --max-body ({} bytes); the capture keeps the first {} bytes",
                    args.max_body,
                    partial.len()
                ),
                b"request body too large\n",
            ));
        }
        Err(BodyError::Io(e)) => {
            return Ok(Answer::reject(
                400,
                format!("reading the body failed: {e}"),
                b"could not read body\n",
            ));
        }
    };
    record.set_body(&body);
    if path != args.path {
        return Ok(Answer::reject(
            404,
            format!("path {path} is not the webhook path {}", args.path),
            b"not found\n",
        ));
    }
    let json: Option<Value> = serde_json::from_slice(&body).ok();
    let event = json.as_ref().and_then(crate::schema::recognize);
    let provider = provider_of(&headers, event);
    line.provider = provider;
    record.provider = provider.map(|p| p.name().to_string());
    line.event = event.map(|e| e.name);
    record.event = event.map(|e| e.name.to_string());
    if let (Some(e), Some(j)) = (event, json.as_ref()) {
        line.facts = facts(e, j);
        let (id, _) = catalog::ids(e, j);
        line.event_id = id.clone();
        record.event_id = id;
    }

    // 2. Authentication.
    match provider {
        Some(Provider::Bandwidth) | None
            if args.basic_auth.is_some()
                && (provider.is_some() || header("authorization").is_some()) =>
        {
            let creds = args
                .basic_auth
                .as_ref()
                .ok_or_else(|| anyhow::anyhow!("no credentials"))?;
            match auth::check(header("authorization"), creds) {
                auth::Check::Ok => {
                    line.verdict = "verified";
                }
                auth::Check::Missing => {
                    return Ok(Answer {
                        status: 401,
                        verdict: "challenged",
                        reason: Some(auth::Check::Missing.reason().to_string()),
                        headers: vec![("WWW-Authenticate", auth::CHALLENGE.to_string())],
                        body: b"authentication required\n".to_vec(),
                    });
                }
                other => {
                    shared.failed.store(true, Ordering::SeqCst);
                    let mut answer = Answer::reject(401, other.reason(), b"wrong credentials\n");
                    answer
                        .headers
                        .push(("WWW-Authenticate", auth::CHALLENGE.to_string()));
                    return Ok(answer);
                }
            }
        }
        Some(Provider::Telnyx) => match &shared.key {
            Some(key) => {
                let problems = telnyx::verify(&VerifyRequest {
                    body: &body,
                    signature: header(SIGNATURE_HEADER),
                    timestamp: header(TIMESTAMP_HEADER),
                    key: Ok(*key),
                    now: chrono::Utc::now().timestamp(),
                    tolerance: (!args.no_tolerance).then_some(args.tolerance),
                    other_keys: vec![],
                });
                if problems.is_empty() {
                    line.verdict = "verified";
                } else {
                    shared.failed.store(true, Ordering::SeqCst);
                    let reason = problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ");
                    return Ok(Answer::reject(403, reason, b"invalid signature\n"));
                }
            }
            None => {
                line.verdict = "unverified";
                line.reason = Some("no --public-key: signature not checked".into());
            }
        },
        _ => {}
    }

    // 3. The body itself.
    let Some(json) = json else {
        let why = match serde_json::from_slice::<Value>(&body) {
            Err(e) => format!("body is not JSON: {e}"),
            Ok(_) => "body is not JSON".to_string(),
        };
        return Ok(Answer::reject(400, why, b"malformed JSON\n"));
    };
    let Some(event) = event else {
        if args.strict {
            return Ok(Answer::reject(
                400,
                "unrecognised payload (--strict): no event telhook knows",
                b"unrecognised payload\n",
            ));
        }
        line.facts = "unrecognised payload".into();
        let status = args.status;
        let verdict = line.verdict;
        let reason = line.reason.clone();
        return Ok(Answer {
            status,
            verdict,
            reason,
            headers: vec![],
            body: Vec::new(),
        });
    };
    if let Ok(errs) = shared.validators.check(event, &json) {
        line.schema_errors = errs
            .iter()
            .map(|v| format!("{}: {}", v.path, v.message))
            .collect();
    }
    let (id, subject) = catalog::ids(event, &json);
    let attempt = match &id {
        Some(id) => {
            let mut seen = shared
                .attempts
                .lock()
                .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            *n
        }
        None => 1,
    };
    line.duplicate = attempt > 1;
    if let Some((subject, time)) = subject {
        let mut latest = shared
            .latest
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
        let parse = |t: &str| chrono::DateTime::parse_from_rfc3339(t).ok();
        match latest.get(&subject) {
            Some(prev) if parse(&time) < parse(prev) => line.out_of_order = true,
            _ => {
                latest.insert(subject, time);
            }
        }
    }

    // 4. The answer.
    if args.delay > 0 {
        std::thread::sleep(Duration::from_millis(args.delay));
    }
    if attempt <= args.fail_first {
        let verdict = line.verdict;
        return Ok(Answer {
            status: 500,
            verdict,
            reason: Some(format!(
                "--fail-first {}: attempt {attempt} answered 500",
                args.fail_first
            )),
            headers: vec![],
            body: b"failing on purpose (--fail-first)\n".to_vec(),
        });
    }
    let mut status = args.status;
    if let Some(client) = &shared.forward {
        let target = format!(
            "{}{}",
            args.forward_to
                .as_deref()
                .unwrap_or_default()
                .trim_end_matches('/'),
            incoming_path(record)
        );
        let mut req = client.request(
            reqwest::Method::from_bytes(method.as_bytes()).unwrap_or(reqwest::Method::POST),
            &target,
        );
        for (n, v) in &headers {
            if !n.eq_ignore_ascii_case("host") && !n.eq_ignore_ascii_case("content-length") {
                req = req.header(n.as_str(), v.as_str());
            }
        }
        let t0 = Instant::now();
        match req.body(body.clone()).send() {
            Ok(resp) => {
                status = resp.status().as_u16();
                line.forward_status = Some(status);
                line.forward_ms = Some(t0.elapsed().as_millis() as u64);
                if let Some(ct) = resp
                    .headers()
                    .get("content-type")
                    .and_then(|v| v.to_str().ok())
                {
                    reply_headers.push(("Content-Type", ct.to_string()));
                }
                reply_body = resp.bytes().map(|b| b.to_vec()).unwrap_or_default();
            }
            Err(e) => {
                let verdict = line.verdict;
                return Ok(Answer {
                    status: 502,
                    verdict,
                    reason: Some(format!("forwarding to {target} failed: {e}")),
                    headers: vec![],
                    body: b"bad gateway\n".to_vec(),
                });
            }
        }
    } else if event.reply == Reply::BxmlRequired {
        reply_headers.push(("Content-Type", "application/xml; charset=utf-8".to_string()));
        reply_body = shared.bxml.clone().into_bytes();
    }
    let verdict = line.verdict;
    let reason = line.reason.clone();
    Ok(Answer {
        status,
        verdict,
        reason,
        headers: reply_headers,
        body: reply_body,
    })
}

fn incoming_path(record: &Record) -> String {
    match &record.query {
        Some(q) => format!("{}?{q}", record.path),
        None => record.path.clone(),
    }
}

/// How a request is answered, and the verdict recorded for it.
struct Answer {
    status: u16,
    verdict: &'static str,
    reason: Option<String>,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Answer {
    /// A refusal: no headers, a one-line body for the client.
    fn reject(status: u16, reason: impl Into<String>, body: &[u8]) -> Self {
        Answer {
            status,
            verdict: "rejected",
            reason: Some(reason.into()),
            headers: Vec::new(),
            body: body.to_vec(),
        }
    }
}

/// Capture, print, count, then answer.
fn finish(
    shared: &Shared,
    incoming: Incoming,
    mut record: Record,
    mut line: EventLine,
    answer: Answer,
) -> anyhow::Result<()> {
    let Answer {
        status,
        verdict,
        reason,
        headers,
        body,
    } = answer;
    record.status = status;
    record.verdict = verdict.to_string();
    record.reason = reason.clone();
    line.status = status;
    line.verdict = verdict;
    line.reason = reason;
    if let Some(w) = &shared.capture
        && let Err(e) = w.append(&record)
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
    // A closed stdout still gets the request answered (it is captured already), then stops
    // the listener; a client that hung up is only that client's problem.
    let printed = print(shared, &line, &record);
    if let Err(e) = &printed
        && crate::ui::is_broken_pipe(e)
    {
        shared.output_closed.store(true, Ordering::SeqCst);
    }
    if let Some(observer) = &shared.observer {
        // The watcher may have gone; the request is still answered.
        let _ = observer.send(line.clone());
    }
    {
        let mut s = shared
            .summary
            .lock()
            .map_err(|_| anyhow::anyhow!("lock poisoned"))?;
        s.requests += 1;
        if verdict == "rejected" {
            s.rejected += 1;
        }
        let key = format!(
            "{} {} {verdict}",
            line.provider.map_or("unknown", |p| p.name()),
            line.event.unwrap_or("-")
        );
        *s.counts.entry(key).or_insert(0) += 1;
    }
    let headers: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
    incoming
        .respond(status, &headers, body)
        .context("sending the answer")?;
    printed
}

fn print(shared: &Shared, line: &EventLine, record: &Record) -> anyhow::Result<()> {
    let ui = &shared.ui;
    if ui.json {
        ui.json_line(line)?;
        return Ok(());
    }
    let time = line.received_at.get(11..23).unwrap_or_default();
    let provider = line.provider.map_or("unknown", |p| p.name());
    let event = line.event.unwrap_or(if line.provider.is_some() {
        "unrecognised"
    } else {
        "-"
    });
    let mut verdict = match line.verdict {
        "verified" => ui.pass("verified"),
        "accepted" => ui.pass("accepted"),
        "unverified" => "? unverified".to_string(),
        "challenged" => ui.neutral("challenged"),
        _ => ui.fail("rejected"),
    };
    if let Some(r) = &line.reason {
        verdict.push_str(&format!(": {r}"));
    }
    let mut marks = String::new();
    if line.duplicate {
        marks.push_str(" [duplicate]");
    }
    if line.out_of_order {
        marks.push_str(" [out-of-order]");
    }
    if !line.schema_errors.is_empty() {
        marks.push_str(&format!(
            " [schema: {} error{}: {}]",
            line.schema_errors.len(),
            if line.schema_errors.len() == 1 {
                ""
            } else {
                "s"
            },
            line.schema_errors[0]
        ));
    }
    if let (Some(s), Some(ms)) = (line.forward_status, line.forward_ms) {
        marks.push_str(&format!(" [app: {s} in {ms} ms]"));
    }
    let text = format!(
        "{time} {provider:<9} {event:<24} {} {verdict} → {}{marks}",
        line.facts, line.status
    );
    let mut out = vec![text];
    if ui.verbose > 0 {
        for (n, v) in &record.headers {
            let shown = if n.eq_ignore_ascii_case("authorization") {
                "<redacted>"
            } else {
                v.as_str()
            };
            out.push(format!("    {n}: {shown}"));
        }
        let body = record.body_bytes().unwrap_or_default();
        let pretty = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_else(|| String::from_utf8_lossy(&body).into_owned());
        for l in pretty.lines() {
            out.push(format!("    {l}"));
        }
    }
    ui.line(&out.join("\n"))?;
    Ok(())
}
