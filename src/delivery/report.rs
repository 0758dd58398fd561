//! What a run says: a line (or a JSON object) per attempt, the `-v` dump of each request and
//! answer, the progress bar, and the end-of-run summary.

use serde::Serialize;
use std::collections::BTreeMap;
use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::engine::{self, Attempt, Delivery, Next, Outcome, Policy};
use super::schedule::Histogram;
use super::{Item, Settings};
use crate::catalog::{Event, Provider};
use crate::http::Transport;
use crate::output::Output;
use crate::ui::{self, Part, Progress, Ui, sanitize};

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
    /// Stopped by Ctrl-C before every event was delivered.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub interrupted: bool,
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
pub(crate) struct Reporter<'a> {
    ui: &'a Ui,
    settings: &'a Settings,
    lines: Lines,
    stats: Mutex<Stats>,
    /// The first output error (a closed pipe), returned by `close`.
    error: Mutex<Option<io::Error>>,
    progress: Option<Progress>,
    columns: Columns,
    started: Instant,
    tap: Option<Tap>,
}

/// Hears about every attempt as it ends (the emulator's capture).
pub type Tap = std::sync::Arc<dyn Fn(&Tapped<'_>) + Send + Sync>;

/// An attempt as a [`Tap`] hears of it.
pub struct Tapped<'a> {
    pub provider: Provider,
    pub event: Option<&'static Event>,
    pub id: Option<&'a str>,
    pub attempt: &'a Attempt<'a>,
    /// What the attempt line says of the outcome, when it says more than the word.
    pub reason: Option<&'a str>,
}

/// The widest id column (what [`ui::short`] leaves of an id).
const ID_COLUMN: usize = 24;

/// What an attempt line keeps for its verdict and reason, on a width.
const VERDICT_ROOM: usize = 26;

/// The attempt line's columns, decided once for a run so its lines stay aligned. Without a
/// width each is as wide as what it holds (the event column as the longest name in the
/// catalog); on a width the event and id columns give way so the verdict keeps
/// [`VERDICT_ROOM`], and the URL column says only `primary` or `failover` (none at all when
/// every attempt goes to the one URL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    event: usize,
    id: usize,
    url: Option<Url>,
}

/// How the URL column shows an attempt's URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Url {
    /// Whole, in a column this wide.
    Whole(usize),
    /// As `primary` or `failover`.
    Which,
}

impl Url {
    const WHICH: usize = "failover".len();

    fn show(self, url: &str, index: usize) -> String {
        match self {
            Url::Whole(width) => ui::column(&ui::redact_url(url), width),
            Url::Which if index == 0 => ui::column("primary", Url::WHICH),
            Url::Which => "failover".to_string(),
        }
    }
}

impl Columns {
    fn new(width: Option<usize>, urls: &[String]) -> Self {
        let longest = crate::catalog::longest_name();
        let url = urls
            .iter()
            .map(|u| ui::display_width(&ui::redact_url(u)))
            .max()
            .unwrap_or(0);
        let Some(width) = width else {
            return Columns {
                event: longest,
                id: ID_COLUMN,
                url: Some(Url::Whole(url)),
            };
        };
        let url = (urls.len() > 1).then_some(Url::Which);
        // Provider, attempt, status and latency, and the spaces between the columns.
        let fixed = 10 + 1 + 1 + 8 + 4 + 11 + url.map_or(0, |_| Url::WHICH + 1);
        let room = width.saturating_sub(fixed + VERDICT_ROOM);
        let id = (room / 3).clamp(12, ID_COLUMN);
        Columns {
            event: room.saturating_sub(id).clamp(12, longest),
            id,
            url,
        }
    }
}

impl<'a> Reporter<'a> {
    /// `expected`: how many items the run will deliver, for the progress bar (shown on a
    /// terminal for runs of at least `progress_from` items).
    pub(crate) fn new(
        ui: &'a Ui,
        settings: &'a Settings,
        lines: Lines,
        expected: Option<u64>,
        progress_from: u64,
    ) -> Self {
        let progress = expected
            .filter(|n| *n >= progress_from)
            .and_then(|n| ui.progress(n, "events"));
        Reporter {
            ui,
            settings,
            lines,
            stats: Mutex::new(Stats::default()),
            error: Mutex::new(None),
            progress,
            columns: Columns::new(ui.width(), &settings.urls),
            started: Instant::now(),
            tap: None,
        }
    }

    /// Tell `tap` of every attempt too.
    pub(crate) fn with_tap(mut self, tap: Option<Tap>) -> Self {
        self.tap = tap;
        self
    }

    /// Deliver one item over `transport`, printing its attempts.
    pub(crate) async fn deliver<T: Transport>(&self, transport: &T, item: &mut Item) -> Delivery {
        let policy = self.settings.policy(item);
        let provider = item.provider;
        let event = item.event;
        let id = item.id.clone();
        let source = item.source.clone();
        let settings = self.settings;
        let urls = item.urls.clone();
        let delivery = engine::deliver(
            transport,
            &policy,
            urls.as_deref().unwrap_or(&self.settings.urls),
            &mut |n, url| settings.request(item, n, url),
            &mut |attempt| {
                if let Some(tap) = &self.tap {
                    tap(&Tapped {
                        provider,
                        event,
                        id: id.as_deref(),
                        attempt,
                        reason: explain(provider, &policy, attempt.outcome).as_deref(),
                    });
                }
                if let Ok(mut stats) = self.stats.lock() {
                    stats.requests += 1;
                    stats.latency.add(attempt.latency);
                }
                // `-q` keeps the attempts that did not succeed: errors and data only.
                let show = match self.lines {
                    Lines::Every if !self.ui.quiet => true,
                    Lines::Every | Lines::Failures => {
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

    /// An item whose delivery a stop cut: counted, as not acknowledged, `interrupted`.
    pub(crate) fn cut(&self) -> Delivery {
        let delivery = Delivery {
            acknowledged: false,
            attempts: 0,
            outcome: Outcome::Interrupted,
            status: None,
            elapsed: Duration::ZERO,
        };
        if let Ok(mut stats) = self.stats.lock() {
            stats.events += 1;
            *stats
                .failures
                .entry(delivery.outcome.reason_code())
                .or_default() += 1;
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
            return self.ui.emit(&Output::Attempt(AttemptLine {
                provider,
                event: event.map(|e| e.name),
                id,
                source,
                attempt: a.number,
                url: &ui::redact_url(&a.request.url),
                failover: a.url_index > 0,
                authorization: a.authorized,
                status,
                latency_ms: ms(a.latency),
                verdict: a.outcome.word(),
                reason,
                verbs,
                next,
                retry_in_ms: retry_in.map(|d| d.as_millis() as u64),
            }));
        }
        // A reply's XML verbs and root, and a connection error's words, come from the other side.
        let reason = reason.as_deref().map(sanitize).unwrap_or_default();
        let (verdict, detail) = match a.outcome {
            Outcome::Acknowledged { verbs } if !verbs.is_empty() => (
                self.ui.pass("acknowledged"),
                format!(" · BXML: {}", sanitize(&verbs.join(", "))),
            ),
            Outcome::Acknowledged { .. } => (self.ui.pass("acknowledged"), String::new()),
            Outcome::Challenged => (self.ui.neutral("challenged"), format!(": {reason}")),
            other => (self.ui.fail(other.word()), format!(": {reason}")),
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
        let columns = self.columns;
        let mut head = format!(
            "{:<9} {} {} {:<7} ",
            provider.name(),
            {
                let name = event.map_or("(unknown event)", |e| e.name);
                ui::column(name, self.ui.event_column(name, columns.event))
            },
            ui::column(&ui::short(id.unwrap_or("-")), columns.id),
            number,
        );
        if let Some(url) = columns.url {
            head.push_str(&url.show(&a.request.url, a.url_index));
            head.push(' ');
        }
        head.push_str(&format!(
            "{:>3} {:>9}  ",
            status.map_or("---".to_string(), |s| s.to_string()),
            human_duration(a.latency),
        ));
        let line = self.ui.fit(&[
            Part::fixed(head),
            Part::fixed(verdict),
            // What comes next gives way first, then the reason.
            Part::free(detail, 12),
            Part::free(then, 0),
        ]);
        self.under_bar(|| self.ui.line(&line))
    }

    /// Print with the progress bar (if any) off the screen, so no stale frame stays above.
    fn under_bar<R>(&self, print: impl FnOnce() -> R) -> R {
        match &self.progress {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    /// `-v`: the request and the answer, with credentials redacted.
    fn dump(&self, a: &Attempt<'_>) -> io::Result<()> {
        if self.ui.verbose == 0 {
            return Ok(());
        }
        let text = ui::exchange(
            &format!("POST {}", ui::redact_url(&a.request.url)),
            &a.request.headers,
            &a.request.body,
            a.response.map(|r| (r.status, &r.headers[..], &r.body[..])),
        );
        self.under_bar(|| self.ui.detail(&text))
    }

    /// End the run: the summary, not printed (the first output error, if any, instead).
    pub(crate) fn close(self) -> io::Result<Summary> {
        if let Some(bar) = &self.progress {
            bar.clear();
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
            interrupted: false,
        };
        Ok(summary)
    }
}

/// The summary as `send` prints it: a JSON object, or a line (and one of rates); nothing under
/// `-q` in text mode.
pub fn print_summary(ui: &Ui, summary: &Summary, show_rates: bool) -> io::Result<()> {
    if ui.json {
        ui.emit(&Output::SendSummary(summary))?;
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
        if summary.interrupted && ui.stdout_is_tty() {
            // Off the line the terminal echoed ^C on.
            ui.line("")?;
        }
        let interrupted = if summary.interrupted {
            " (interrupted: the rest were not sent)"
        } else {
            ""
        };
        ui.line(&ui.fit(&[
            Part::fixed(format!(
                "summary{interrupted}: {} event{}, {} acknowledged, {} not",
                summary.events,
                plural(summary.events),
                summary.acknowledged,
                summary.failed,
            )),
            Part::free(failures, 8),
            Part::fixed(format!(
                "; {} attempt{}",
                summary.attempts,
                plural(summary.attempts)
            )),
        ]))?;
        if show_rates {
            let p = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.2} ms"));
            ui.line(&ui.fit_line(&format!(
                "         {:.0} events/s over {:.2} s; latency p50 {}, p90 {}, p99 {}",
                summary.throughput_per_s,
                summary.elapsed_s,
                p(summary.latency_ms.p50),
                p(summary.latency_ms.p90),
                p(summary.latency_ms.p99),
            )))?;
        }
    }
    Ok(())
}

/// Text of several lines from the network, each line made safe for a terminal.
/// The reason for an attempt's verdict, in words (`None` when it was acknowledged).
pub fn explain(provider: Provider, policy: &Policy, outcome: &Outcome) -> Option<String> {
    Some(match outcome {
        Outcome::Acknowledged { .. } => return None,
        Outcome::Challenged => "401 with WWW-Authenticate; repeating with credentials".into(),
        Outcome::ChallengeWithoutHeader => {
            format!("401 without WWW-Authenticate; {provider} would drop this callback")
        }
        Outcome::CredentialsRejected => "401 to the request with credentials".into(),
        Outcome::Status { status, .. } if (300..400).contains(status) => {
            format!("redirect {status} (not followed; {provider} counts it as a failure)")
        }
        Outcome::Status {
            status,
            said,
            wants_basic,
        } => {
            let mut text = format!("status {status}, expected {}", policy.expect.describe());
            if *wants_basic {
                text.push_str(&if provider.rules(None).basic_challenge {
                    format!(
                        "; the receiver asks for Basic credentials: pass --basic-auth USER:PASS or set {}",
                        crate::config::BASIC_AUTH_ENV
                    )
                } else {
                    format!("; the receiver asks for Basic credentials, which {provider} never sends")
                });
            } else if *status == 404 {
                text.push_str(
                    "; nothing is served at this path: check the URL's path (telhook listen serves every path unless --path)",
                );
            }
            if let Some(words) = said {
                text.push_str(&format!("; it said: {words}"));
            }
            text
        }
        Outcome::BadReply { problem } => problem.clone(),
        Outcome::TimedOut { after } => format!("no answer within {}", human_duration(*after)),
        Outcome::Unreachable { cause } => cause.clone(),
        Outcome::Interrupted => "interrupted (Ctrl-C) before its delivery ended".into(),
    })
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
    } else if us < 1_000_000 && us.is_multiple_of(1000) {
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
    fn attempt_columns_are_whole_without_a_width_and_leave_the_verdict_room_on_one() {
        let one = vec!["http://127.0.0.1:5000/webhooks".to_string()];
        let two = vec![one[0].clone(), "http://backup:8080/".to_string()];
        let longest = crate::catalog::longest_name();
        assert_eq!(
            Columns::new(None, &two),
            Columns {
                event: longest,
                id: ID_COLUMN,
                url: Some(Url::Whole(30)),
            }
        );
        for (width, urls) in [(100, &one), (100, &two), (120, &one), (200, &two)] {
            let c = Columns::new(Some(width), urls);
            assert_eq!(c.url.is_some(), urls.len() > 1, "{width} {urls:?}");
            let url = c.url.map_or(0, |_| Url::WHICH + 1);
            let head = 10 + c.event + 1 + c.id + 1 + 8 + url + 4 + 11;
            assert!(head + VERDICT_ROOM <= width, "{width} {urls:?}: {c:?}");
            assert!(c.event >= 16 && c.id >= 12, "{width} {urls:?}: {c:?}");
        }
        assert_eq!(Columns::new(Some(100), &one).event, 26);
        assert_eq!(Columns::new(Some(400), &one).event, longest);
        assert_eq!(Url::Which.show("http://a/", 0), "primary ");
        assert_eq!(Url::Which.show("http://b/", 1), "failover");
        assert_eq!(Url::Whole(12).show("http://a/", 1), "http://a/   ");
    }

    #[test]
    fn authorization_is_redacted_but_keeps_its_scheme() {
        assert_eq!(ui::redact("Basic dXNlcjpwYXNz"), "Basic <redacted>");
        assert_eq!(ui::redact("token"), "<redacted>");
    }
}
