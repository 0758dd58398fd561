//! Delivering webhooks as the providers do, shared by `send` and `replay`: turn an [`Item`] (a
//! payload and what it is) and the run's [`Settings`] into each attempt's request and the
//! provider's [`Policy`], hand them to the engine (`http::client`), and report every attempt as
//! one line (or one JSON object), with a summary at the end.

use indicatif::{ProgressBar, ProgressStyle};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::bandwidth::{self, auth::Credentials};
use crate::catalog::{self, Event, Provider};
use crate::http::client::{
    self, Attempt, Backoff, Delivery, Next, Outcome, Policy, Request, Secret, Transport,
};
use crate::http::load::Histogram;
use crate::http::reply::Expect;
use crate::signing::PrivateKey;
use crate::telnyx;
use crate::ui::{self, Ui};

/// A body to deliver.
#[derive(Debug, Clone)]
pub enum Payload {
    /// A rendered event: Telnyx bodies get `meta.attempt`/`meta.delivered_to` per attempt.
    Json(Value),
    /// Bytes sent exactly as they are (`--data`, captures).
    Raw(Vec<u8>),
}

/// One webhook to deliver.
#[derive(Debug, Clone)]
pub struct Item {
    pub provider: Provider,
    pub event: Option<&'static Event>,
    /// The event's id, for the output (the same id `listen` shows).
    pub id: Option<String>,
    pub payload: Payload,
    /// Send these headers as they are instead of the provider's (`replay --keep-headers`).
    pub fixed_headers: Option<Vec<(String, String)>>,
    /// Where a stored payload came from (`file:line`), for `replay`'s lines and reports.
    pub source: Option<String>,
}

impl Item {
    /// An item for a rendered body; its event and id are read from the body.
    pub fn rendered(provider: Provider, event: &'static Event, value: Value) -> Self {
        let (id, _) = catalog::ids(event, &value);
        let mut value = value;
        if provider == Provider::Telnyx {
            // Sorted once here; each attempt's stamp keeps it sorted (see telnyx::stamp).
            value.sort_all_objects();
        }
        Item {
            provider,
            event: Some(event),
            id,
            payload: Payload::Json(value),
            fixed_headers: None,
            source: None,
        }
    }

    /// The items of a rendered example: one per body (a Bandwidth group message has several).
    pub fn from_example(example: crate::example::Example) -> Vec<Item> {
        let (provider, event) = (example.provider, example.event);
        example
            .values
            .into_iter()
            .map(|value| Item::rendered(provider, event, value))
            .collect()
    }

    /// An item for bytes sent as they are; the event is recognised if the bytes are JSON.
    pub fn raw(provider: Provider, bytes: Vec<u8>) -> Self {
        let json: Option<Value> = serde_json::from_slice(&bytes).ok();
        let event = json
            .as_ref()
            .and_then(crate::catalog::recognize)
            .filter(|e| e.provider == provider);
        let id = event
            .zip(json.as_ref())
            .and_then(|(e, j)| catalog::ids(e, j).0);
        Item {
            provider,
            event,
            id,
            payload: Payload::Raw(bytes),
            fixed_headers: None,
            source: None,
        }
    }

    pub fn event_name(&self) -> &'static str {
        self.event.map_or("(unknown event)", |e| e.name)
    }
}

/// How long to wait between attempts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Timing {
    /// `base`, doubling: the real schedule compressed so a run takes seconds.
    Compressed(Duration),
    /// The provider's own delays (minutes).
    Provider,
}

/// Everything about a run that is not the payload.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The primary URL, then failover URLs.
    pub urls: Vec<String>,
    /// Telnyx signing key; `None` sends unsigned.
    pub key: Option<PrivateKey>,
    /// Bandwidth Basic credentials for the challenge flow.
    pub credentials: Option<Credentials>,
    /// Attempts per URL (default: the provider's).
    pub attempts: Option<u32>,
    pub timing: Timing,
    /// Overrides the provider's answer timeout.
    pub timeout: Option<Duration>,
    /// `-H` headers, set last (they replace the provider's of the same name).
    pub headers: Vec<(String, String)>,
    /// Overrides what counts as handled (`replay --expect`).
    pub expect: Option<Expect>,
    /// Voice callbacks that take BXML must get a 200 with a `<Response>` document, whatever
    /// `expect` says (`replay --expect-bxml`).
    pub expect_bxml: bool,
    /// Signing time, Unix seconds (`None`: now, per attempt).
    pub timestamp: Option<i64>,
}

impl Settings {
    /// Deliver to `urls` (primary first) by the provider's rules, unsigned, with no Basic
    /// credentials and compressed backoff (250 ms, doubling); set fields to change that.
    pub fn new(urls: Vec<String>) -> Self {
        Settings {
            urls,
            key: None,
            credentials: None,
            attempts: None,
            timing: Timing::Compressed(Duration::from_millis(250)),
            timeout: None,
            headers: Vec::new(),
            expect: None,
            expect_bxml: false,
            timestamp: None,
        }
    }

    /// The provider's delivery rules for this item.
    pub fn policy(&self, item: &Item) -> Policy {
        let family = item.event.map(|e| e.family);
        let (timeout, attempts, provider_backoff, expect) = match item.provider {
            Provider::Telnyx => (
                telnyx::DELIVERY_TIMEOUT,
                telnyx::ATTEMPTS_PER_URL,
                telnyx::PROVIDER_BACKOFF,
                telnyx::expect(),
            ),
            Provider::Bandwidth => (
                bandwidth::timeout(family.unwrap_or("messaging-v2")),
                bandwidth::DEFAULT_ATTEMPTS,
                bandwidth::PROVIDER_BACKOFF,
                bandwidth::expect(item.event),
            ),
        };
        let backoff = match self.timing {
            Timing::Provider => provider_backoff,
            Timing::Compressed(base) => Backoff {
                base,
                factor: 2,
                cap: base.saturating_mul(64),
            },
        };
        let takes_bxml = item.provider == Provider::Bandwidth
            && item
                .event
                .is_some_and(|e| e.family == "voice-v2" && e.reply.expects_bxml());
        let expect = if self.expect_bxml && takes_bxml {
            Expect::xml(200, bandwidth::BXML_ROOT)
        } else {
            self.expect.clone().unwrap_or(expect)
        };
        Policy {
            timeout: self.timeout.unwrap_or(timeout),
            attempts_per_url: self.attempts.unwrap_or(attempts),
            backoff,
            expect,
            challenge_credentials: match item.provider {
                Provider::Bandwidth => self
                    .credentials
                    .as_ref()
                    .map(|c| Secret::new(c.header_value())),
                Provider::Telnyx => None,
            },
        }
    }

    /// The request for one attempt: Telnyx bodies are stamped with the attempt and its URL and
    /// signed afresh; everything else goes byte for byte.
    pub fn request(&self, item: &mut Item, attempt: u32, url: &str) -> Request {
        let body = match (&mut item.payload, item.provider) {
            (Payload::Json(value), Provider::Telnyx) => {
                telnyx::stamp(value, attempt, url);
                telnyx::to_wire_sorted(value)
            }
            (Payload::Json(value), Provider::Bandwidth) => bandwidth::to_wire(value),
            (Payload::Raw(bytes), _) => bytes.clone(),
        };
        let mut request = match (&item.fixed_headers, item.provider) {
            (Some(headers), _) => Request::post(
                url,
                headers
                    .iter()
                    .filter(|(n, _)| !HOP_BY_HOP.iter().any(|h| n.eq_ignore_ascii_case(h)))
                    .cloned()
                    .collect(),
                body,
            ),
            (None, Provider::Telnyx) => telnyx::request(
                url,
                body,
                self.key.as_ref(),
                self.timestamp
                    .unwrap_or_else(|| chrono::Utc::now().timestamp()),
            ),
            (None, Provider::Bandwidth) => {
                bandwidth::request(url, body, item.event.map(|e| e.family))
            }
        };
        for (name, value) in &self.headers {
            request.set_header(name, value);
        }
        request
    }
}

/// Passes requests on to an app (`listen --forward-to`) over the delivery transport, one at a
/// time, from a synchronous caller.
pub struct Forwarder {
    client: client::Client,
}

impl Forwarder {
    pub fn new() -> anyhow::Result<Self> {
        Ok(Forwarder {
            client: client::Client::new(false)?,
        })
    }

    /// Send one request and wait for the whole answer (at most `timeout`).
    pub fn send(
        &self,
        request: &Request,
        timeout: Duration,
    ) -> Result<crate::http::Response, crate::http::Failure> {
        client::block_on(self.client.send(request, timeout)).unwrap_or_else(|e| {
            Err(crate::http::Failure::Network(format!(
                "starting the HTTP runtime: {e}"
            )))
        })
    }
}

/// Headers that describe one connection or are recomputed for the new body; a replayed
/// request never copies them.
const HOP_BY_HOP: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "transfer-encoding",
    "keep-alive",
    "accept-encoding",
    "authorization",
];

/// Which attempts get a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Every,
    /// Load mode: only attempts that did not succeed, so the summary stays readable.
    Failures,
}

/// One attempt under `--json`.
#[derive(Debug, Serialize)]
pub struct AttemptLine<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub provider: Provider,
    pub event: Option<&'static str>,
    pub id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    pub attempt: u32,
    pub url: &'a str,
    pub failover: bool,
    pub authorization: bool,
    pub status: Option<u16>,
    pub latency_ms: f64,
    pub verdict: &'static str,
    pub reason: Option<String>,
    pub verbs: Vec<String>,
    pub next: &'static str,
    pub retry_in_ms: Option<u64>,
}

/// The end-of-run figures.
#[derive(Debug, Serialize)]
pub struct Summary {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub events: u64,
    pub acknowledged: u64,
    pub failed: u64,
    /// Attempts made (a challenge and its answer count once).
    pub attempts: u64,
    /// HTTP requests made.
    pub requests: u64,
    /// Failed events by the reason of their last attempt.
    pub failures: BTreeMap<String, u64>,
    pub elapsed_s: f64,
    pub throughput_per_s: f64,
    pub latency_ms: Percentiles,
}

#[derive(Debug, Default, Serialize)]
pub struct Percentiles {
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub p99: Option<f64>,
}

#[derive(Default)]
struct Stats {
    events: u64,
    acknowledged: u64,
    attempts: u64,
    requests: u64,
    failures: BTreeMap<String, u64>,
    latency: Histogram,
}

/// Delivers items and reports on them; shared by the worker threads of a run.
pub struct Reporter<'a, T: Transport> {
    ui: &'a Ui,
    settings: &'a Settings,
    transport: &'a T,
    lines: Lines,
    stats: Mutex<Stats>,
    /// The first output error (a closed pipe), returned by `finish`.
    error: Mutex<Option<io::Error>>,
    progress: Option<ProgressBar>,
    started: Instant,
}

impl<'a, T: Transport> Reporter<'a, T> {
    /// `expected`: how many items the run will deliver, for the progress bar (shown on a
    /// terminal for runs of at least `progress_from` items).
    pub fn new(
        ui: &'a Ui,
        settings: &'a Settings,
        transport: &'a T,
        lines: Lines,
        expected: Option<u64>,
        progress_from: u64,
    ) -> Self {
        let progress = expected
            .filter(|n| *n >= progress_from && ui.progress_allowed())
            .map(|n| {
                let bar = ProgressBar::new(n);
                if let Ok(style) = ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} events · {per_sec} · eta {eta}",
                ) {
                    bar.set_style(style);
                }
                bar
            });
        Reporter {
            ui,
            settings,
            transport,
            lines,
            stats: Mutex::new(Stats::default()),
            error: Mutex::new(None),
            progress,
            started: Instant::now(),
        }
    }

    /// Deliver one item, printing its attempts.
    pub async fn deliver(&self, mut item: Item) -> Delivery {
        let policy = self.settings.policy(&item);
        let provider = item.provider;
        let event = item.event;
        let id = item.id.clone();
        let source = item.source.clone();
        let settings = self.settings;
        let delivery = client::deliver(
            self.transport,
            &policy,
            &self.settings.urls,
            &mut |n, url| settings.request(&mut item, n, url),
            &mut |attempt| {
                if let Ok(mut stats) = self.stats.lock() {
                    stats.requests += 1;
                    stats.latency.add(attempt.latency);
                }
                let show = match self.lines {
                    Lines::Every => true,
                    Lines::Failures => {
                        !attempt.outcome.acknowledged()
                            && !matches!(attempt.outcome, Outcome::Challenged)
                    }
                };
                if show {
                    let result = self.print_attempt(
                        (provider, event, id.as_deref(), source.as_deref()),
                        &policy,
                        attempt,
                    );
                    self.keep_error(result);
                }
                self.keep_error(self.dump(attempt));
            },
        )
        .await;
        if let Ok(mut stats) = self.stats.lock() {
            stats.events += 1;
            stats.attempts += u64::from(delivery.attempts);
            if delivery.acknowledged {
                stats.acknowledged += 1;
            } else {
                *stats
                    .failures
                    .entry(delivery.outcome.reason_code())
                    .or_default() += 1;
            }
        }
        if let Some(bar) = &self.progress {
            bar.inc(1);
        }
        delivery
    }

    fn keep_error(&self, result: io::Result<()>) {
        if let Err(e) = result
            && let Ok(mut slot) = self.error.lock()
            && slot.is_none()
        {
            *slot = Some(e);
        }
    }

    /// One attempt's line; `who`: provider, event, id, source.
    fn print_attempt(
        &self,
        who: (Provider, Option<&'static Event>, Option<&str>, Option<&str>),
        policy: &Policy,
        a: &Attempt<'_>,
    ) -> io::Result<()> {
        let (provider, event, id, source) = who;
        let status = a.response.map(|r| r.status);
        let reason = explain(provider, policy, a.outcome);
        let verbs = match a.outcome {
            Outcome::Acknowledged { verbs } => verbs.clone(),
            _ => Vec::new(),
        };
        let (next, retry_in) = match a.next {
            Next::Done => ("done", None),
            Next::AnswerChallenge => ("answer-challenge", None),
            Next::RetryIn(d) => ("retry", Some(d)),
            Next::Failover => ("failover", None),
            Next::GiveUp => ("give-up", None),
        };
        if self.ui.json {
            return self.ui.json_line(&AttemptLine {
                kind: "attempt",
                provider,
                event: event.map(|e| e.name),
                id,
                source,
                attempt: a.number,
                url: &a.request.url,
                failover: a.url_index > 0,
                authorization: a.authorized,
                status,
                latency_ms: ms(a.latency),
                verdict: a.outcome.word(),
                reason,
                verbs,
                next,
                retry_in_ms: retry_in.map(|d| d.as_millis() as u64),
            });
        }
        let verdict = match a.outcome {
            Outcome::Acknowledged { verbs } if !verbs.is_empty() => format!(
                "{} · BXML: {}",
                self.ui.pass("acknowledged"),
                verbs.join(", ")
            ),
            Outcome::Acknowledged { .. } => self.ui.pass("acknowledged"),
            Outcome::Challenged => format!(
                "{}: {}",
                self.ui.neutral("challenged"),
                reason.unwrap_or_default()
            ),
            other => format!(
                "{}: {}",
                self.ui.fail(other.word()),
                reason.unwrap_or_default()
            ),
        };
        let then = match a.next {
            Next::RetryIn(d) => format!(" · retry in {}", human_duration(d)),
            Next::Failover => " · failover next".to_string(),
            Next::GiveUp if !a.outcome.acknowledged() => " · giving up".to_string(),
            _ => String::new(),
        };
        let number = if a.authorized {
            format!("#{}+auth", a.number)
        } else {
            format!("#{}", a.number)
        };
        self.ui.line(&format!(
            "{:<9} {:<22} {:<24} {:<7} {} {:>3} {:>9}  {verdict}{then}",
            provider.name(),
            event.map_or("(unknown event)", |e| e.name),
            ui::short(id.unwrap_or("-")),
            number,
            a.request.url,
            status.map_or("---".to_string(), |s| s.to_string()),
            human_duration(a.latency),
        ))
    }

    /// `-v`: the request and the answer, with credentials redacted.
    fn dump(&self, a: &Attempt<'_>) -> io::Result<()> {
        if self.ui.verbose == 0 {
            return Ok(());
        }
        let mut text = format!("> POST {}\n", a.request.url);
        for (name, value) in &a.request.headers {
            let value = if name.eq_ignore_ascii_case("authorization") {
                redact(value)
            } else {
                value.clone()
            };
            text.push_str(&format!("> {name}: {value}\n"));
        }
        text.push_str(">\n");
        text.push_str(&String::from_utf8_lossy(&a.request.body));
        text.push('\n');
        match a.response {
            Some(r) => {
                text.push_str(&format!("< {}\n", r.status));
                for (name, value) in &r.headers {
                    text.push_str(&format!("< {name}: {value}\n"));
                }
                text.push_str("<\n");
                text.push_str(&String::from_utf8_lossy(&r.body));
            }
            None => text.push_str("< (no answer)"),
        }
        self.ui.detail(&text)
    }

    /// Print the summary (unless `-q` in text mode) and return it.
    pub fn finish(self, show_rates: bool) -> io::Result<Summary> {
        let ui = self.ui;
        let summary = self.close()?;
        print_summary(ui, &summary, show_rates)?;
        Ok(summary)
    }

    /// End the run: the summary, not printed (the first output error, if any, instead).
    pub fn close(self) -> io::Result<Summary> {
        if let Some(bar) = &self.progress {
            bar.finish_and_clear();
        }
        if let Ok(mut slot) = self.error.lock()
            && let Some(e) = slot.take()
        {
            return Err(e);
        }
        let elapsed = self.started.elapsed();
        let stats = self
            .stats
            .into_inner()
            .map_err(|_| io::Error::other("a delivery thread panicked"))?;
        let summary = Summary {
            kind: "summary",
            events: stats.events,
            acknowledged: stats.acknowledged,
            failed: stats.events - stats.acknowledged,
            attempts: stats.attempts,
            requests: stats.requests,
            failures: stats.failures,
            elapsed_s: round3(elapsed.as_secs_f64()),
            throughput_per_s: if elapsed.as_secs_f64() > 0.0 {
                round3(stats.events as f64 / elapsed.as_secs_f64())
            } else {
                0.0
            },
            latency_ms: Percentiles {
                p50: stats.latency.percentile_ms(50.0).map(round3),
                p90: stats.latency.percentile_ms(90.0).map(round3),
                p99: stats.latency.percentile_ms(99.0).map(round3),
            },
        };
        Ok(summary)
    }
}

/// The summary as `send` prints it: a JSON object, or a line (and one of rates).
fn print_summary(ui: &Ui, summary: &Summary, show_rates: bool) -> io::Result<()> {
    if ui.json {
        ui.json_line(summary)?;
    } else if !ui.quiet {
        let failures = if summary.failures.is_empty() {
            String::new()
        } else {
            let parts: Vec<String> = summary
                .failures
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect();
            format!(" ({})", parts.join(", "))
        };
        ui.line(&format!(
            "summary: {} event{}, {} acknowledged, {} not{failures}; {} attempt{}",
            summary.events,
            plural(summary.events),
            summary.acknowledged,
            summary.failed,
            summary.attempts,
            plural(summary.attempts),
        ))?;
        if show_rates {
            let p = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.2} ms"));
            ui.line(&format!(
                "         {:.0} events/s over {:.2} s; latency p50 {}, p90 {}, p99 {}",
                summary.throughput_per_s,
                summary.elapsed_s,
                p(summary.latency_ms.p50),
                p(summary.latency_ms.p90),
                p(summary.latency_ms.p99),
            ))?;
        }
    }
    Ok(())
}

/// Shuffle so that the order really changes: a shuffle that happens to give back the original
/// order (likely with two items) is rotated by one.
pub fn shuffle(items: &mut [Item], seed: Option<u64>) {
    shuffle_by(items, seed, |i| i)
}

/// [`shuffle`] for anything that holds an item (`item` finds it).
pub fn shuffle_by<T: Clone>(items: &mut [T], seed: Option<u64>, item: impl Fn(&T) -> &Item) {
    let mut rng = match seed {
        Some(s) => rand_chacha::ChaCha8Rng::seed_from_u64(s),
        None => rand_chacha::ChaCha8Rng::from_os_rng(),
    };
    let original: Vec<usize> = (0..items.len()).collect();
    let mut order = original.clone();
    order.shuffle(&mut rng);
    let distinct = items.first().map(&item).is_some_and(|first| {
        items.iter().map(&item).any(|i| {
            i.id != first.id || i.event_name() != first.event_name() || i.source != first.source
        })
    });
    if order == original && distinct {
        order.rotate_left(1);
    }
    let copy: Vec<T> = items.to_vec();
    for (slot, from) in items.iter_mut().zip(order) {
        *slot = copy[from].clone();
    }
}

/// The reason for an attempt's verdict, in words (`None` when it was acknowledged).
pub fn explain(provider: Provider, policy: &Policy, outcome: &Outcome) -> Option<String> {
    Some(match outcome {
        Outcome::Acknowledged { .. } => return None,
        Outcome::Challenged => "401 with WWW-Authenticate; repeating with credentials".into(),
        Outcome::ChallengeWithoutHeader => {
            format!("401 without WWW-Authenticate; {provider} would drop this callback")
        }
        Outcome::CredentialsRejected => "401 to the request with credentials".into(),
        Outcome::Status { status } if (300..400).contains(status) => {
            format!("redirect {status} (not followed; {provider} counts it as a failure)")
        }
        Outcome::Status { status } => {
            format!("status {status}, expected {}", policy.expect.describe())
        }
        Outcome::BadReply { problem } => problem.clone(),
        Outcome::TimedOut { after } => format!("no answer within {}", human_duration(*after)),
        Outcome::Unreachable { cause } => cause.clone(),
    })
}

fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} <redacted>"),
        None => "<redacted>".to_string(),
    }
}

fn ms(d: Duration) -> f64 {
    round3(d.as_secs_f64() * 1000.0)
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `850 µs`, `12.3 ms`, `2 s`, `1.5 s`, `2 min`.
pub fn human_duration(d: Duration) -> String {
    let us = d.as_micros();
    if us < 1000 {
        format!("{us} µs")
    } else if us < 1_000_000 && us % 1000 == 0 {
        format!("{} ms", us / 1000)
    } else if us < 1_000_000 {
        format!("{:.1} ms", us as f64 / 1000.0)
    } else if d.as_secs() < 120 {
        let s = d.as_secs_f64();
        if (s - s.round()).abs() < 0.05 {
            format!("{} s", s.round())
        } else {
            format!("{s:.1} s")
        }
    } else {
        format!("{} min", d.as_secs() / 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_micros(850)), "850 µs");
        assert_eq!(human_duration(Duration::from_micros(12_345)), "12.3 ms");
        assert_eq!(human_duration(Duration::from_millis(250)), "250 ms");
        assert_eq!(human_duration(Duration::from_secs(2)), "2 s");
        assert_eq!(human_duration(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(human_duration(Duration::from_secs(240)), "4 min");
    }

    #[test]
    fn shuffle_never_keeps_the_original_order() {
        for seed in 0..50 {
            let mut items: Vec<Item> = (0..2)
                .map(|i| {
                    let mut it = Item::raw(Provider::Telnyx, vec![]);
                    it.id = Some(i.to_string());
                    it
                })
                .collect();
            shuffle(&mut items, Some(seed));
            let ids: Vec<_> = items.iter().map(|i| i.id.clone().unwrap()).collect();
            assert_eq!(ids, ["1", "0"], "seed {seed}");
        }
    }

    #[test]
    fn authorization_is_redacted_but_keeps_its_scheme() {
        assert_eq!(redact("Basic dXNlcjpwYXNz"), "Basic <redacted>");
        assert_eq!(redact("token"), "<redacted>");
    }

    fn settings() -> Settings {
        Settings {
            urls: vec!["http://a/".into()],
            key: Some(PrivateKey::from_seed(&[1; 32])),
            credentials: None,
            attempts: None,
            timing: Timing::Compressed(Duration::from_millis(250)),
            timeout: None,
            headers: vec![
                ("X-Extra".into(), "1".into()),
                ("User-Agent".into(), "mine".into()),
            ],
            expect: None,
            expect_bxml: false,
            timestamp: Some(1_700_000_000),
        }
    }

    #[test]
    fn telnyx_requests_are_stamped_and_signed_per_attempt_and_take_extra_headers() {
        let s = settings();
        let event = catalog::find(Provider::Telnyx, "message.sent")
            .unwrap()
            .event;
        let mut item = Item::rendered(
            Provider::Telnyx,
            event,
            serde_json::json!({"data": {"id": "e1", "event_type": "message.sent"}}),
        );
        let r1 = s.request(&mut item, 1, "http://a/");
        let r2 = s.request(&mut item, 2, "http://b/");
        let b2: Value = serde_json::from_slice(&r2.body).unwrap();
        assert_eq!(b2["meta"]["attempt"], 2);
        assert_eq!(b2["meta"]["delivered_to"], "http://b/");
        assert_ne!(
            r1.header(telnyx::SIGNATURE_HEADER),
            r2.header(telnyx::SIGNATURE_HEADER)
        );
        assert_eq!(r2.header("user-agent"), Some("mine"));
        assert_eq!(r2.header("x-extra"), Some("1"));
        assert_eq!(s.policy(&item).attempts_per_url, 3);
        assert_eq!(s.policy(&item).timeout, Duration::from_secs(2));
    }

    #[test]
    fn raw_bytes_and_kept_headers_go_out_unchanged() {
        let s = settings();
        let mut item = Item::raw(Provider::Bandwidth, b"[{\"type\":\"x\"}] ".to_vec());
        item.fixed_headers = Some(vec![
            ("Host".into(), "old:1".into()),
            ("X-Kept".into(), "yes".into()),
        ]);
        let r = s.request(&mut item, 3, "http://a/");
        assert_eq!(r.body, b"[{\"type\":\"x\"}] ");
        assert_eq!(r.header("host"), None);
        assert_eq!(r.header("x-kept"), Some("yes"));
        assert_eq!(
            s.policy(&item).attempts_per_url,
            bandwidth::DEFAULT_ATTEMPTS
        );
    }
}
