//! What to make of one request and how to answer it, as a pure function of the configuration,
//! the receiver's state and the request: [`decide`] reads nothing from the network or the clock
//! and prints nothing; the server carries out the [`Decision`] it returns.
//!
//! The steps, in order, each of which may settle the answer: the bounded body, the path, what
//! the request is (provider and event), authentication (Basic for Bandwidth, the signature for
//! Telnyx), the body as JSON and as an event, the marks (schema, duplicate, order), then the
//! answer: `--fail-first`, forwarding to the app, or the configured status (with BXML for the
//! callbacks that need it).

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::bandwidth::auth;
use crate::capture::Verdict;
use crate::catalog::{self, Event, Provider, Reply as NeedsReply};
use crate::http::server::BodyError;
use crate::http::{Failure, Request, Response, header};
use crate::schema::Validators;
use crate::telnyx::{self, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifyRequest};

use super::{Config, Entry, FORWARD_TIMEOUT, State};

/// A request whose head has been read, with its body read up to the limit.
#[derive(Debug, Clone)]
pub struct Received {
    pub received_at: DateTime<Utc>,
    pub remote_addr: Option<String>,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Body,
}

/// How reading the body went: the server's own account of it.
pub type Body = Result<Vec<u8>, BodyError>;

/// What the server sends back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// A request to pass on to the app; its answer becomes the reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forward {
    pub request: Request,
    pub timeout: Duration,
}

/// What to do with one request: wait, maybe forward, then record `entry` and answer `reply`.
#[derive(Debug, Clone)]
pub struct Decision {
    /// What is printed and captured (its status is the reply's).
    pub entry: Entry,
    pub reply: Reply,
    /// Wait this long before answering (`--delay`).
    pub delay: Duration,
    /// Pass the request on to the app instead of answering `reply` (which stands until then).
    pub forward: Option<Forward>,
    /// A signature or credentials check failed: `listen` exits 1.
    pub failed_verification: bool,
    /// Close the connection after the answer (a body that did not arrive whole).
    pub close: bool,
}

impl Decision {
    fn new(entry: Entry, status: u16) -> Self {
        let mut entry = entry;
        entry.status = status;
        Decision {
            entry,
            reply: Reply {
                status,
                headers: Vec::new(),
                body: Vec::new(),
            },
            delay: Duration::ZERO,
            forward: None,
            failed_verification: false,
            close: false,
        }
    }

    /// A refusal: the verdict `rejected`, the reason, a one-line body for the client.
    fn reject(
        entry: Entry,
        status: u16,
        reason: impl Into<String>,
        body: impl Into<Vec<u8>>,
    ) -> Self {
        let mut d = Decision::new(entry, status);
        d.entry.verdict = Verdict::Rejected;
        d.entry.reason = Some(reason.into());
        d.reply.body = body.into();
        d
    }

    /// The connection ends after the answer (the rest of the body is not read).
    fn closing(mut self) -> Self {
        self.close = true;
        self
    }

    /// An answer that keeps the verdict reached so far, with its own status, reason and body.
    fn answer(entry: Entry, status: u16, reason: String, body: &str) -> Self {
        let mut d = Decision::new(entry, status);
        d.entry.reason = Some(reason);
        d.reply.body = body.as_bytes().to_vec();
        d
    }

    /// Take the app's answer (or the failure to get one) to the forwarded request.
    pub fn forwarded(
        &mut self,
        forward: &Forward,
        result: Result<Response, Failure>,
        took: Duration,
    ) {
        match result {
            Ok(response) => {
                self.entry.status = response.status;
                self.entry.forwarded = Some((response.status, took.as_millis() as u64));
                self.reply.status = response.status;
                self.reply.headers = response
                    .header("content-type")
                    .map(|ct| vec![("Content-Type", ct.to_string())])
                    .unwrap_or_default();
                self.reply.body = response.body;
            }
            Err(failure) => {
                let why = match failure {
                    Failure::Timeout => format!(
                        "no answer within {}",
                        crate::delivery::human_duration(forward.timeout)
                    ),
                    Failure::Network(cause) => cause,
                };
                let reason = format!(
                    "forwarding to {} failed: {why}",
                    crate::ui::redact_url(&forward.request.url)
                );
                self.entry.status = 502;
                // What went wrong, without the app's address (the listener's line has it).
                self.reply = Reply {
                    status: 502,
                    headers: Vec::new(),
                    body: format!("bad gateway: the app behind this listener: {why}\n")
                        .into_bytes(),
                };
                self.entry.reason = Some(reason);
            }
        }
    }
}

/// Decide what `request` is and how to answer it. `now` (Unix seconds) is the clock the
/// signature's timestamp is checked against.
pub fn decide(
    config: &Config,
    state: &State,
    validators: &Validators,
    request: Received,
    now: i64,
) -> Decision {
    let (mut entry, body) = entry_of(config, request);

    // 1. The body, bounded.
    match body {
        Ok(bytes) => entry.body = bytes,
        Err(BodyError::TooLarge(partial)) => {
            let kept = partial.len();
            entry.body = partial;
            return Decision::reject(
                entry,
                413,
                format!(
                    "body is over --max-body ({} bytes); the capture keeps the first {kept} bytes",
                    config.max_body
                ),
                "request body too large\n",
            )
            .closing();
        }
        Err(BodyError::TimedOut(partial)) => {
            let reason = format!(
                "the body did not arrive within --read-timeout ({}); the capture keeps the {} \
                 bytes that did",
                crate::delivery::human_duration(config.limits.read_timeout),
                partial.len()
            );
            entry.body = partial;
            return Decision::reject(entry, 408, reason, "request timeout\n").closing();
        }
        Err(BodyError::Failed(partial, e)) => {
            let reason = format!(
                "reading the body failed after {} bytes: {e}; not taken as complete",
                partial.len()
            );
            entry.body = partial;
            return Decision::reject(entry, 400, reason, "could not read body\n").closing();
        }
    }
    decide_body(config, state, validators, entry, now)
}

/// The entry of a request the server answered by itself (`status`, for `reason`): the head as
/// far as it was read, the bytes that arrived as its body.
pub fn refused(config: &Config, request: Received, status: u16, reason: String) -> Entry {
    let (mut entry, body) = entry_of(config, request);
    entry.body = match body {
        Ok(bytes)
        | Err(
            BodyError::TooLarge(bytes) | BodyError::TimedOut(bytes) | BodyError::Failed(bytes, _),
        ) => bytes,
    };
    entry.provider = Provider::of_request(&entry.headers);
    entry.verdict = Verdict::Rejected;
    entry.reason = Some(reason);
    entry.status = status;
    entry
}

/// The entry a request starts as, and its body still to judge.
fn entry_of(config: &Config, request: Received) -> (Entry, Body) {
    let Received {
        received_at,
        remote_addr,
        method,
        path,
        query,
        headers,
        body,
    } = request;
    let entry = Entry {
        received_at: received_at.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        remote_addr,
        method,
        path,
        query,
        headers,
        body: Vec::new(),
        provider: None,
        event: None,
        event_id: None,
        facts: String::new(),
        verdict: Verdict::Accepted,
        reason: None,
        status: config.status,
        duplicate: false,
        out_of_order: false,
        schema_errors: Vec::new(),
        forwarded: None,
    };
    (entry, body)
}

/// Steps 2 to 7, for a request whose body arrived whole.
fn decide_body(
    config: &Config,
    state: &State,
    validators: &Validators,
    mut entry: Entry,
    now: i64,
) -> Decision {
    // 2. What it is (a request to another path is named too, so its line says what missed).
    let json: Result<Value, serde_json::Error> = serde_json::from_slice(&entry.body);
    let event = json.as_ref().ok().and_then(catalog::recognize);
    entry.provider = Provider::of_request(&entry.headers).or(event.map(|e| e.provider));
    entry.event = event;
    let mut subject = None;
    if let (Some(e), Ok(j)) = (event, &json) {
        entry.facts = e.provider.facts(e, j);
        (entry.event_id, subject) = catalog::ids(e, j);
    }

    // 3. The path, when --path names one.
    if let Some(path) = &config.path
        && entry.path != *path
    {
        let reason = format!(
            "path {} is not --path {path} (pass --path {} to serve it instead, or drop --path to serve every path)",
            entry.path, entry.path
        );
        // The sender is told only that nothing is here: --path may be a secret of sorts, and
        // the listener's own line names it.
        return Decision::reject(entry, 404, reason, "not found\n");
    }

    // 4. Authentication.
    let mut entry = match authenticate(config, entry, now) {
        Ok(entry) => entry,
        Err(decision) => return *decision,
    };

    // 5. The body as JSON, and as an event telhook knows.
    let json = match json {
        Ok(json) => json,
        Err(e) => {
            return Decision::reject(
                entry,
                400,
                format!("body is not JSON: {e}"),
                "malformed JSON\n",
            );
        }
    };
    let Some(event) = event else {
        if config.reject_unknown {
            return Decision::reject(
                entry,
                400,
                "unrecognised payload (--reject-unknown): no event telhook knows",
                "unrecognised payload\n",
            );
        }
        entry.facts = "unrecognised payload".into();
        let status = config.status;
        return Decision::new(entry, status);
    };

    // 6. The marks.
    let attempt = mark(state, validators, event, &json, subject, &mut entry);

    // 7. The answer.
    let mut decision = if attempt <= config.fail_first {
        let reason = format!(
            "--fail-first {}: attempt {attempt} answered 500",
            config.fail_first
        );
        Decision::answer(entry, 500, reason, "failing on purpose (--fail-first)\n")
    } else if let Some(base) = &config.forward_to {
        let forward = forward(base, &entry);
        let mut d = Decision::new(entry, config.status);
        d.forward = Some(forward);
        d
    } else {
        let mut d = Decision::new(entry, config.status);
        if event.reply == NeedsReply::BxmlRequired {
            d.reply.headers = vec![("Content-Type", "application/xml; charset=utf-8".to_string())];
            d.reply.body = config.bxml.clone().into_bytes();
        }
        d
    };
    decision.delay = config.delay;
    decision
}

/// Check Basic credentials (Bandwidth, or anything that sends an `Authorization` header when
/// credentials are configured) or the Telnyx signature. `Err` is the answer to a request that
/// did not pass.
fn authenticate(config: &Config, mut entry: Entry, now: i64) -> Result<Entry, Box<Decision>> {
    let authorization = header(&entry.headers, "authorization").map(str::to_string);
    match (entry.provider, &config.basic_auth, &config.key) {
        (Some(Provider::Bandwidth) | None, Some(creds), _)
            if entry.provider.is_some() || authorization.is_some() =>
        {
            match auth::check(authorization.as_deref(), creds) {
                auth::Check::Ok => entry.verdict = Verdict::Verified,
                auth::Check::Missing => {
                    let mut d = Decision::new(entry, 401);
                    d.entry.verdict = Verdict::Challenged;
                    d.entry.reason = Some(auth::Check::Missing.reason().to_string());
                    d.reply.headers = vec![("WWW-Authenticate", auth::CHALLENGE.to_string())];
                    d.reply.body = b"authentication required\n".to_vec();
                    return Err(Box::new(d));
                }
                other => {
                    let body = format!("wrong credentials: {}\n", other.reason());
                    let mut d = Decision::reject(entry, 401, other.reason(), body);
                    d.reply.headers = vec![("WWW-Authenticate", auth::CHALLENGE.to_string())];
                    d.failed_verification = true;
                    return Err(Box::new(d));
                }
            }
        }
        (Some(Provider::Telnyx), _, Some(key)) => {
            if let Some((name, n)) = telnyx::repeated_signature_header(&entry.headers) {
                let reason = format!(
                    "{name} appears {n} times; send it once (proxies and frameworks disagree on \
                     which copy counts)"
                );
                let body = format!("invalid signature: {reason}\n");
                let mut d = Decision::reject(entry, 403, reason, body);
                d.failed_verification = true;
                return Err(Box::new(d));
            }
            let problems = telnyx::verify(&VerifyRequest {
                body: &entry.body,
                signature: header(&entry.headers, SIGNATURE_HEADER),
                timestamp: header(&entry.headers, TIMESTAMP_HEADER),
                key: Ok(*key),
                now,
                tolerance: config.tolerance,
                other_keys: &config.other_keys,
            });
            if problems.is_empty() {
                entry.verdict = Verdict::Verified;
            } else {
                let reason = problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ");
                let body = format!("invalid signature: {reason}\n");
                let mut d = Decision::reject(entry, 403, reason, body);
                d.failed_verification = true;
                return Err(Box::new(d));
            }
        }
        (Some(Provider::Telnyx), _, None) => {
            entry.verdict = Verdict::Unverified;
            entry.reason = Some("--no-verify: signature not checked".into());
        }
        _ => {}
    }
    Ok(entry)
}

/// Schema problems, a repeated id, an event older than one already seen about the same message
/// or call (`subject`: its id and time, as [`catalog::ids`] found them). Returns which delivery
/// of its id this is (1 = the first).
fn mark(
    state: &State,
    validators: &Validators,
    event: &Event,
    json: &Value,
    subject: Option<(String, String)>,
    entry: &mut Entry,
) -> u32 {
    if let Ok(errs) = validators.check(event, json) {
        entry.schema_errors = errs
            .iter()
            .map(|v| format!("{}: {}", v.path, v.message))
            .collect();
    }
    let attempt = entry.event_id.as_deref().map_or(1, |id| state.attempt(id));
    entry.duplicate = attempt > 1;
    if let Some((subject, time)) = subject {
        entry.out_of_order = state.out_of_order(&subject, &time);
    }
    attempt
}

/// The request passed on to the app: the same method, path, query, headers (but `Host` and
/// `Content-Length`, which belong to the new connection) and body.
fn forward(base: &str, entry: &Entry) -> Forward {
    let target = match &entry.query {
        Some(q) => format!("{}{}?{q}", base.trim_end_matches('/'), entry.path),
        None => format!("{}{}", base.trim_end_matches('/'), entry.path),
    };
    let headers = entry
        .headers
        .iter()
        .filter(|(n, _)| {
            !n.eq_ignore_ascii_case("host") && !n.eq_ignore_ascii_case("content-length")
        })
        .cloned()
        .collect();
    let mut request = Request::post(target, headers, entry.body.clone());
    // The server read a valid method; should it not be one, the webhook's own is sent.
    request.method =
        http::Method::from_bytes(entry.method.as_bytes()).unwrap_or(http::Method::POST);
    Forward {
        request,
        timeout: FORWARD_TIMEOUT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bandwidth::auth::Credentials;
    use crate::catalog::Provider;
    use crate::signing::PrivateKey;
    use crate::template::{Renderer, Seed};

    const NOW: i64 = 1_800_000_000;

    fn key() -> PrivateKey {
        PrivateKey::from_seed(&[9; 32])
    }

    fn creds() -> Credentials {
        Credentials::parse("user:secret").unwrap()
    }

    fn config() -> Config {
        Config {
            key: Some(key().public()),
            basic_auth: Some(creds()),
            ..Config::default()
        }
    }

    /// The wire body of an event's default example, rendered with a fixed seed.
    fn body(provider: Provider, event: &str) -> Vec<u8> {
        let mut renderer = Renderer::new(Seed {
            seed: Some(7),
            at: None,
        });
        let example = crate::example::build(provider, event, None, &[], &mut renderer).unwrap();
        match provider {
            Provider::Telnyx => telnyx::to_wire(&example.values[0]),
            Provider::Bandwidth => crate::bandwidth::to_wire(&example.values[0]),
        }
    }

    fn received(headers: Vec<(String, String)>, body: Body) -> Received {
        Received {
            received_at: DateTime::from_timestamp(NOW, 0).unwrap(),
            remote_addr: Some("127.0.0.1:40000".into()),
            method: "POST".into(),
            path: "/".into(),
            query: None,
            headers,
            body,
        }
    }

    /// A Telnyx delivery signed with `key` at `at`.
    fn telnyx(bytes: Vec<u8>, key: &PrivateKey, at: i64) -> Received {
        let r = telnyx::request("http://x/", bytes, Some(key), at);
        received(r.headers, Ok(r.body))
    }

    /// A Bandwidth delivery, with this Authorization header if any.
    fn bandwidth(bytes: Vec<u8>, authorization: Option<String>) -> Received {
        let mut r = crate::bandwidth::request(
            "http://x/",
            bytes,
            Some(crate::catalog::Family::MessagingV2),
        );
        if let Some(a) = authorization {
            r.set_header("Authorization", &a);
        }
        received(r.headers, Ok(r.body))
    }

    fn run(config: &Config, state: &State, request: Received) -> Decision {
        decide(config, state, &Validators::new(false), request, NOW)
    }

    fn decide_one(config: &Config, request: Received) -> Decision {
        run(config, &State::new(), request)
    }

    #[test]
    fn a_good_telnyx_delivery_is_verified_and_answered_with_the_status() {
        let d = decide_one(
            &config(),
            telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW),
        );
        assert_eq!(d.entry.verdict, Verdict::Verified);
        assert_eq!((d.entry.status, d.reply.status), (200, 200));
        assert_eq!(d.entry.provider, Some(Provider::Telnyx));
        assert_eq!(d.entry.event_name(), Some("message.received"));
        assert!(d.entry.event_id.is_some());
        assert!(
            d.entry.schema_errors.is_empty(),
            "{:?}",
            d.entry.schema_errors
        );
        assert!(!d.failed_verification);
        assert_eq!(d.entry.reason, None);
        let mut teapot = config();
        teapot.status = 418;
        let d = decide_one(
            &teapot,
            telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW),
        );
        assert_eq!((d.entry.status, d.reply.status), (418, 418));
    }

    #[test]
    fn a_bad_signature_is_403_and_fails_the_run() {
        let other = PrivateKey::from_seed(&[1; 32]);
        let d = decide_one(
            &config(),
            telnyx(body(Provider::Telnyx, "message.received"), &other, NOW),
        );
        assert_eq!(d.reply.status, 403);
        assert_eq!(d.entry.verdict, Verdict::Rejected);
        assert!(
            d.entry
                .reason
                .as_deref()
                .unwrap()
                .contains("signature does not match"),
            "{:?}",
            d.entry.reason
        );
        // The sender is told why, in the body (telhook's send shows it).
        assert_eq!(
            d.reply.body,
            format!(
                "invalid signature: {}\n",
                d.entry.reason.as_deref().unwrap()
            )
            .as_bytes()
        );
        assert!(d.failed_verification);
    }

    #[test]
    fn a_repeated_signature_or_timestamp_header_is_403() {
        // Issue 14: the first copy used to win silently.
        for name in [SIGNATURE_HEADER, TIMESTAMP_HEADER] {
            let mut r = telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW);
            let copy = r.headers.iter().find(|(h, _)| h == name).cloned().unwrap();
            r.headers.push(copy);
            let d = decide_one(&config(), r);
            assert_eq!(d.reply.status, 403);
            assert_eq!(d.entry.verdict, Verdict::Rejected);
            assert!(
                d.entry
                    .reason
                    .as_deref()
                    .unwrap()
                    .starts_with(&format!("{name} appears 2 times")),
                "{:?}",
                d.entry.reason
            );
            assert!(d.failed_verification);
        }
    }

    #[test]
    fn a_stale_timestamp_is_403_unless_the_age_is_not_checked() {
        let stale = || {
            telnyx(
                body(Provider::Telnyx, "message.received"),
                &key(),
                NOW - 600,
            )
        };
        let d = decide_one(&config(), stale());
        assert_eq!(d.reply.status, 403);
        assert!(
            d.entry.reason.as_deref().unwrap().contains("600 s old"),
            "{:?}",
            d.entry.reason
        );
        let mut lax = config();
        lax.tolerance = None;
        assert_eq!(decide_one(&lax, stale()).entry.verdict, Verdict::Verified);
    }

    #[test]
    fn without_a_key_telnyx_requests_are_unverified_and_answered() {
        let mut c = config();
        c.key = None;
        let d = decide_one(
            &c,
            telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW),
        );
        assert_eq!(d.entry.verdict, Verdict::Unverified);
        assert_eq!(d.reply.status, 200);
        assert_eq!(
            d.entry.reason.as_deref(),
            Some("--no-verify: signature not checked")
        );
    }

    #[test]
    fn bandwidth_without_credentials_gets_the_401_challenge() {
        let d = decide_one(
            &config(),
            bandwidth(body(Provider::Bandwidth, "message-received"), None),
        );
        assert_eq!(d.reply.status, 401);
        assert_eq!(d.entry.verdict, Verdict::Challenged);
        assert_eq!(
            d.reply.headers,
            vec![("WWW-Authenticate", auth::CHALLENGE.to_string())]
        );
        assert!(
            d.entry
                .reason
                .as_deref()
                .unwrap()
                .starts_with("no Authorization header")
        );
        assert!(!d.failed_verification, "a challenge is not a failure");
    }

    #[test]
    fn wrong_credentials_are_401_with_the_challenge_and_fail_the_run() {
        let wrong = Credentials::parse("user:nope").unwrap().header_value();
        let d = decide_one(
            &config(),
            bandwidth(body(Provider::Bandwidth, "message-received"), Some(wrong)),
        );
        assert_eq!(d.reply.status, 401);
        assert_eq!(d.entry.verdict, Verdict::Rejected);
        assert_eq!(d.entry.reason.as_deref(), Some("wrong user or password"));
        assert_eq!(d.reply.headers[0].0, "WWW-Authenticate");
        assert!(d.failed_verification);
        let right = creds().header_value();
        let d = decide_one(
            &config(),
            bandwidth(body(Provider::Bandwidth, "message-received"), Some(right)),
        );
        assert_eq!((d.entry.verdict, d.reply.status), (Verdict::Verified, 200));
    }

    #[test]
    fn every_path_is_served_unless_path_names_one() {
        let mut r = telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW);
        r.path = "/webhooks".into();
        let d = decide_one(&config(), r.clone());
        assert_eq!((d.entry.verdict, d.reply.status), (Verdict::Verified, 200));
        let mut c = config();
        c.path = Some("/hooks".into());
        let d = decide_one(&c, r);
        assert_eq!(d.reply.status, 404);
        assert_eq!(
            d.entry.reason.as_deref(),
            Some(
                "path /webhooks is not --path /hooks (pass --path /webhooks to serve it instead, or drop --path to serve every path)"
            )
        );
        assert_eq!(d.entry.provider, Some(Provider::Telnyx), "still recognised");
        assert_eq!(d.entry.event_name(), Some("message.received"));
        assert_eq!(d.entry.verdict, Verdict::Rejected, "not authenticated");
        assert!(!d.entry.body.is_empty(), "the body is still captured");
    }

    #[test]
    fn an_oversized_body_is_413_and_keeps_what_was_read() {
        let d = decide_one(
            &config(),
            received(vec![], Err(BodyError::TooLarge(b"{\"a\":".to_vec()))),
        );
        assert_eq!(d.reply.status, 413);
        assert_eq!(d.entry.body, b"{\"a\":");
        assert!(
            d.entry
                .reason
                .as_deref()
                .unwrap()
                .contains("keeps the first 5 bytes")
        );
        let d = decide_one(
            &config(),
            received(
                vec![],
                Err(BodyError::Failed(b"{".to_vec(), "reset".into())),
            ),
        );
        assert_eq!(d.reply.status, 400);
        assert_eq!(
            d.entry.reason.as_deref(),
            Some("reading the body failed after 1 bytes: reset; not taken as complete")
        );
        assert_eq!(d.entry.body, b"{");
        assert!(
            d.close,
            "a body that did not arrive whole ends its connection"
        );
    }

    #[test]
    fn a_body_that_stops_arriving_is_408_with_what_came() {
        let d = decide_one(
            &config(),
            received(vec![], Err(BodyError::TimedOut(b"{\"data\"".to_vec()))),
        );
        assert_eq!((d.reply.status, d.entry.status), (408, 408));
        assert_eq!(d.entry.verdict, Verdict::Rejected);
        assert_eq!(d.entry.body, b"{\"data\"");
        assert!(d.close);
        assert!(
            d.entry
                .reason
                .as_deref()
                .unwrap()
                .contains("--read-timeout (10 s)"),
            "{:?}",
            d.entry.reason
        );
    }

    #[test]
    fn a_request_the_server_refused_is_an_entry_of_its_bytes() {
        let r = telnyx(b"{}".to_vec(), &key(), NOW);
        let e = refused(&config(), r, 431, "head too large".into());
        assert_eq!((e.status, e.verdict), (431, Verdict::Rejected));
        assert_eq!(e.provider, Some(Provider::Telnyx));
        assert_eq!(e.body, b"{}");
        assert_eq!(e.reason.as_deref(), Some("head too large"));
    }

    #[test]
    fn a_body_that_is_not_json_is_400_after_authentication() {
        let d = decide_one(&config(), telnyx(b"{nope".to_vec(), &key(), NOW));
        assert_eq!(d.reply.status, 400);
        assert_eq!(d.entry.verdict, Verdict::Rejected);
        assert!(
            d.entry
                .reason
                .as_deref()
                .unwrap()
                .starts_with("body is not JSON: ")
        );
        assert_eq!(d.reply.body, b"malformed JSON\n");
        // Signed with another key: the signature is what is reported.
        let other = PrivateKey::from_seed(&[1; 32]);
        let d = decide_one(&config(), telnyx(b"{nope".to_vec(), &other, NOW));
        assert_eq!(d.reply.status, 403);
    }

    #[test]
    fn an_unrecognised_payload_is_accepted_unless_reject_unknown() {
        let unknown = || received(vec![], Ok(b"{\"hello\": 1}".to_vec()));
        let d = decide_one(&config(), unknown());
        assert_eq!((d.entry.verdict, d.reply.status), (Verdict::Accepted, 200));
        assert_eq!(d.entry.facts, "unrecognised payload");
        let mut strict = config();
        strict.reject_unknown = true;
        let d = decide_one(&strict, unknown());
        assert_eq!((d.entry.verdict, d.reply.status), (Verdict::Rejected, 400));
    }

    #[test]
    fn fail_first_answers_500_to_the_first_attempts_of_each_id() {
        let mut c = config();
        c.fail_first = 2;
        let state = State::new();
        let bytes = body(Provider::Telnyx, "message.received");
        let statuses: Vec<u16> = (0..3)
            .map(|_| {
                run(&c, &state, telnyx(bytes.clone(), &key(), NOW))
                    .reply
                    .status
            })
            .collect();
        assert_eq!(statuses, [500, 500, 200]);
        let d = run(&c, &State::new(), telnyx(bytes, &key(), NOW));
        assert_eq!(d.entry.verdict, Verdict::Verified, "the verdict stands");
        assert_eq!(
            d.entry.reason.as_deref(),
            Some("--fail-first 2: attempt 1 answered 500")
        );
    }

    #[test]
    fn a_second_delivery_of_an_id_is_marked_duplicate() {
        let state = State::new();
        let bytes = body(Provider::Telnyx, "message.received");
        let first = run(&config(), &state, telnyx(bytes.clone(), &key(), NOW));
        let second = run(&config(), &state, telnyx(bytes, &key(), NOW));
        assert!(!first.entry.duplicate);
        assert!(second.entry.duplicate);
        assert_eq!(second.reply.status, 200);
    }

    #[test]
    fn an_older_event_about_the_same_message_is_marked_out_of_order() {
        let at = |t: &str| {
            let mut v: Value =
                serde_json::from_slice(&body(Provider::Telnyx, "message.finalized")).unwrap();
            v["data"]["occurred_at"] = Value::from(t);
            v["data"]["id"] = Value::from(t);
            telnyx::to_wire(&v)
        };
        let state = State::new();
        let late = run(
            &config(),
            &state,
            telnyx(at("2026-01-01T00:00:02Z"), &key(), NOW),
        );
        let early = run(
            &config(),
            &state,
            telnyx(at("2026-01-01T00:00:01Z"), &key(), NOW),
        );
        assert!(!late.entry.out_of_order);
        assert!(early.entry.out_of_order);
        assert!(!early.entry.duplicate, "another id");
    }

    #[test]
    fn a_schema_violation_is_marked_but_answered() {
        let mut v: Value =
            serde_json::from_slice(&body(Provider::Telnyx, "message.received")).unwrap();
        v["data"]["payload"]["direction"] = Value::from(42);
        let d = decide_one(&config(), telnyx(telnyx::to_wire(&v), &key(), NOW));
        assert_eq!(d.reply.status, 200);
        assert!(
            d.entry
                .schema_errors
                .iter()
                .any(|e| e.starts_with("data.payload.direction: ")),
            "{:?}",
            d.entry.schema_errors
        );
    }

    #[test]
    fn bxml_callbacks_are_answered_with_the_document() {
        let bytes = body(Provider::Bandwidth, "initiate");
        let mut r =
            crate::bandwidth::request("http://x/", bytes, Some(crate::catalog::Family::VoiceV2));
        r.set_header("Authorization", &creds().header_value());
        let d = decide_one(&config(), received(r.headers, Ok(r.body)));
        assert_eq!(d.entry.event_name(), Some("initiate"));
        assert_eq!(d.reply.status, 200);
        assert_eq!(d.reply.body, crate::bandwidth::MINIMAL_BXML.as_bytes());
        assert_eq!(
            d.reply.headers,
            vec![("Content-Type", "application/xml; charset=utf-8".to_string())]
        );
    }

    #[test]
    fn the_delay_applies_to_recognised_events_only() {
        let mut c = config();
        c.delay = Duration::from_millis(5);
        c.path = Some("/".into());
        let d = decide_one(
            &c,
            telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW),
        );
        assert_eq!(d.delay, Duration::from_millis(5));
        let mut r = telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW);
        r.path = "/elsewhere".into();
        assert_eq!(decide_one(&c, r).delay, Duration::ZERO);
    }

    #[test]
    fn forwarding_relays_the_apps_answer_or_says_502() {
        let mut c = config();
        c.forward_to = Some("http://app:9/base/".into());
        let mut r = telnyx(body(Provider::Telnyx, "message.received"), &key(), NOW);
        r.query = Some("a=1".into());
        r.headers.push(("Host".into(), "old".into()));
        let d = decide_one(&c, r);
        let forward = d.forward.clone().unwrap();
        assert_eq!(forward.request.url, "http://app:9/base/?a=1");
        assert_eq!(forward.request.method, "POST");
        assert_eq!(forward.request.header("host"), None);
        assert!(forward.request.header(SIGNATURE_HEADER).is_some());

        let mut ok = d.clone();
        ok.forwarded(
            &forward,
            Ok(Response {
                status: 202,
                headers: vec![("Content-Type".into(), "text/plain".into())],
                body: b"thanks".to_vec(),
            }),
            Duration::from_millis(12),
        );
        assert_eq!((ok.entry.status, ok.reply.status), (202, 202));
        assert_eq!(ok.entry.forwarded, Some((202, 12)));
        assert_eq!(ok.reply.body, b"thanks");
        assert_eq!(ok.entry.verdict, Verdict::Verified);

        let mut down = d;
        down.forwarded(
            &forward,
            Err(Failure::Network("Connection refused (os error 111)".into())),
            Duration::ZERO,
        );
        assert_eq!((down.entry.status, down.reply.status), (502, 502));
        assert_eq!(
            down.entry.reason.as_deref(),
            Some("forwarding to http://app:9/base/?a=1 failed: Connection refused (os error 111)")
        );
        assert_eq!(down.entry.forwarded, None);
    }

    #[test]
    fn the_printed_line_escapes_what_the_network_sent() {
        // Issue 14: a request with a bad signature could paint a fake "✓ verified → 200".
        let mut v: Value = serde_json::from_slice(&body(Provider::Telnyx, "message.sent")).unwrap();
        v["data"]["payload"]["from"]["phone_number"] = Value::from("\u{1b}[2K\r✓ verified → 200");
        let other = PrivateKey::from_seed(&[1; 32]);
        let mut r = telnyx(telnyx::to_wire(&v), &other, NOW);
        r.headers
            .push(("X-Evil".into(), "\u{1b}]0;title\u{7}".into()));
        let d = decide_one(&config(), r);
        assert_eq!(d.reply.status, 403);
        let mut ui = crate::ui::Ui::plain();
        ui.verbose = 1;
        let text = d.entry.text(&ui);
        assert!(!text.contains('\u{1b}') && !text.contains('\r'), "{text}");
        assert!(text.contains("\\x1b[2K\\x0d✓ verified"), "{text}");
        assert!(text.contains("X-Evil: \\x1b]0;title\\x07"), "{text}");
        // The capture keeps the exact bytes.
        assert_eq!(d.entry.record().body_bytes().unwrap(), d.entry.body);
        assert!(String::from_utf8_lossy(&d.entry.body).contains("\\u001b[2K"));
    }

    #[test]
    fn the_entry_gives_the_capture_record_and_the_json_line() {
        let d = decide_one(
            &config(),
            bandwidth(body(Provider::Bandwidth, "message-received"), None),
        );
        let record = d.entry.record();
        assert_eq!(record.body_bytes().unwrap(), d.entry.body);
        assert_eq!(record.verdict, Some(Verdict::Challenged));
        assert_eq!(record.status, Some(401));
        assert_eq!(record.provider.as_deref(), Some("bandwidth"));
        let line = serde_json::to_value(crate::output::Output::Event(d.entry.line())).unwrap();
        assert_eq!(line["type"], "event");
        assert_eq!(line["verdict"], "challenged");
        assert_eq!(line["status"], 401);
        assert_eq!(line["event"], "message-received");
    }
}
