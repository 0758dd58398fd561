//! `telhook replay INPUT... --to URL`: re-deliver stored webhooks (captures from `listen`,
//! payload files, HAR archives) with `send`'s delivery engine, and give a verdict per event and
//! overall that CI can trust: lines (or JSON lines), a summary table, JUnit and JSON reports,
//! exit 0 only when every event met the expectation.

use anyhow::{Context, bail};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::catalog::Provider;
use crate::commands::args::{self, DeliveryArgs};
use crate::delivery::{self, Delivery, Expect, Item, Lines, Payload, Run, StatusSet, Summary};
use crate::exit::ExitStatus;
use crate::output::{Output, ReplaySummary, Skipped};
use crate::stored::{self, Malformed, Stored};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Capture files (`listen --capture`, JSON Lines), payload files, directories of them
    /// (searched recursively, in name order), HAR files, or `-` for stdin.
    #[arg(value_name = "INPUT", required = true, value_hint = clap::ValueHint::AnyPath)]
    pub inputs: Vec<PathBuf>,
    /// The URL to deliver to [env: TELHOOK_TO] (default: the config files' `to`, else
    /// http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub to: Option<String>,
    #[command(flatten)]
    pub delivery: DeliveryArgs,
    /// Send the captured headers unchanged, old signature and timestamp included (a receiver
    /// should reject them as stale or replayed); by default Telnyx events are signed afresh.
    #[arg(long)]
    pub keep_headers: bool,
    /// One attempt per event: no retries, no failover.
    #[arg(long, conflicts_with_all = ["max_attempts", "failover_url"])]
    pub no_retry: bool,
    /// Only this provider's events (payloads telhook cannot place are taken as this provider's).
    #[arg(short = 'p', long, value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
    /// Only events whose catalog name matches this glob (`*`, `?`; e.g. 'message.*').
    /// Repeatable: any may match.
    #[arg(long = "event", value_name = "GLOB")]
    pub events: Vec<String>,
    /// Only the event with this id (as `listen` shows it). Repeatable.
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,
    /// Only requests captured at or after this time (RFC 3339 or Unix seconds).
    #[arg(long, value_name = "TIME", value_parser = args::parse_instant)]
    pub since: Option<i64>,
    /// Only requests captured before this time (RFC 3339 or Unix seconds).
    #[arg(long, value_name = "TIME", value_parser = args::parse_instant)]
    pub until: Option<i64>,
    /// Deliver in a random order (never the original one); reads all inputs first.
    #[arg(long)]
    pub shuffle: bool,
    /// Seed for --shuffle.
    #[arg(long, value_name = "N", requires = "shuffle")]
    pub seed: Option<u64>,
    /// Deliver every event twice, to check the receiver is idempotent.
    #[arg(long)]
    pub twice: bool,
    /// The statuses that count as handled: a class (2xx), codes, or both (200,204).
    #[arg(long, value_name = "STATUSES", default_value = "2xx", value_parser = StatusSet::parse)]
    pub expect: StatusSet,
    /// Bandwidth voice callbacks that take BXML must be answered 200 with a well-formed
    /// <Response> document.
    #[arg(long)]
    pub expect_bxml: bool,
    /// Write a report: junit=FILE (JUnit XML, one testcase per event) or json=FILE.
    /// Repeatable.
    #[arg(long = "report", value_name = "junit=FILE|json=FILE", value_parser = parse_report)]
    pub reports: Vec<ReportTarget>,
    /// Stop at the first malformed record (exit 2) instead of reporting and skipping it.
    #[arg(long, alias = "strict")]
    pub stop_on_malformed: bool,
}

/// Where a report goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportTarget {
    Junit(PathBuf),
    Json(PathBuf),
}

fn parse_report(s: &str) -> Result<ReportTarget, String> {
    let (kind, file) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: write junit=FILE or json=FILE"))?;
    if file.is_empty() {
        return Err(format!("`{s}`: the FILE after `=` is missing"));
    }
    match kind {
        "junit" => Ok(ReportTarget::Junit(file.into())),
        "json" => Ok(ReportTarget::Json(file.into())),
        other => Err(format!("`{other}` is not a report kind; use junit or json")),
    }
}

/// A glob over event names: `*` any run of characters, `?` one character.
fn glob_match(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// One event's result, kept for the reports.
#[derive(Debug, Clone, Serialize)]
struct EventResult {
    sequence: u64,
    source: Option<String>,
    provider: Provider,
    event: Option<&'static str>,
    id: Option<String>,
    copy: u8,
    acknowledged: bool,
    verdict: &'static str,
    reason: Option<String>,
    status: Option<u16>,
    attempts: u32,
    elapsed_ms: f64,
    expected: String,
}

/// The `--report json` document.
#[derive(Serialize)]
struct JsonReport<'a> {
    tool: &'static str,
    to: &'a [String],
    expected: String,
    summary: Output<'a>,
    skipped: &'a Skipped,
    malformed: &'a [Malformed],
    events: &'a [EventResult],
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let ctx = crate::config::Defaults::load()?;
    let mut settings = args.delivery.settings(&ctx, args.to.as_deref())?;
    args.delivery.check_rate()?;
    if args.since.zip(args.until).is_some_and(|(s, u)| s >= u) {
        bail!("--since must be before --until");
    }
    for report in &args.reports {
        let (ReportTarget::Junit(path) | ReportTarget::Json(path)) = report;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            bail!(
                "--report: directory {} does not exist; create it or write the report elsewhere",
                dir.display()
            );
        }
    }
    let files = args::expand_inputs(&args.inputs, stored::EXTENSIONS)?;
    if files.is_empty() {
        bail!(
            "no inputs in {}: replay reads .json, .jsonl, .ndjson and .har files",
            args.inputs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // Telnyx events are signed afresh unless the captured headers go out as they are, or
    // unsigned (--no-signature), or there are none (--provider bandwidth).
    let signs = !args.keep_headers
        && !args.delivery.no_signature
        && args.provider != Some(Provider::Bandwidth);
    if signs {
        settings.key =
            Some(args::signing_key(&ctx, args.delivery.private_key.as_deref(), ui)?.value);
    }
    settings.expect = Some(Expect::status(args.expect.clone()));
    settings.expect_bxml = args.expect_bxml;
    if args.no_retry {
        settings.attempts = Some(1);
    }
    let expected = if args.expect_bxml {
        format!(
            "{}; BXML callbacks 200 with a <Response> document",
            args.expect
        )
    } else {
        args.expect.to_string()
    };

    let skipped = Mutex::new(Skipped::default());
    let malformed: Mutex<Vec<Malformed>> = Mutex::new(Vec::new());
    let stopped = AtomicBool::new(false);
    let said_redacted = AtomicBool::new(false);
    let output_error: Mutex<Option<std::io::Error>> = Mutex::new(None);
    let note = |text: String| {
        if let Err(e) = ui.warn(&text)
            && let Ok(mut slot) = output_error.lock()
            && slot.is_none()
        {
            *slot = Some(e);
        }
    };
    let mut sequence = 0u64;
    let records = stored::Reader::new(files)
        .map_while(|record| match record {
            Ok(stored) => Some(Some(stored)),
            Err(bad) => {
                note(format!("{}: {}", bad.source, bad.problem));
                if let Ok(mut s) = skipped.lock() {
                    s.malformed += 1;
                }
                if let Ok(mut m) = malformed.lock() {
                    m.push(bad);
                }
                if args.stop_on_malformed {
                    stopped.store(true, Ordering::SeqCst);
                    None
                } else {
                    Some(None)
                }
            }
        })
        .flatten()
        .inspect(|stored| {
            // Sent as they are, redacted credentials would only be refused: say so, once.
            if args.keep_headers
                && stored.pass_over.is_none()
                && !said_redacted.load(Ordering::Relaxed)
                && stored.headers.as_deref().is_some_and(crate::capture::has_redacted_credentials)
            {
                said_redacted.store(true, Ordering::Relaxed);
                note(format!(
                    "{}: the capture has its Authorization values redacted (captured without --capture-credentials): --keep-headers sends them as they are, so a receiver that checks them refuses the events; capture with --capture-credentials to replay them, or drop --keep-headers to authenticate afresh",
                    stored.source
                ));
            }
        })
        .filter_map(|stored| {
            let item = select(args, stored, &skipped);
            item.map(|item| {
                sequence += 1;
                (sequence, item)
            })
        })
        .flat_map(|(sequence, item)| {
            let copies: u8 = if args.twice { 2 } else { 1 };
            (1..=copies).map(move |copy| (sequence, copy, item.clone()))
        });

    let keep = !args.reports.is_empty();
    let results: Mutex<Vec<EventResult>> = Mutex::new(Vec::new());
    let lines = if ui.quiet {
        Lines::Failures
    } else {
        Lines::Every
    };
    let record = |item: &Item, (sequence, copy): (u64, u8), delivery: &Delivery| {
        if !keep {
            return;
        }
        let policy = settings.policy(item);
        let result = EventResult {
            sequence,
            source: item.source.clone(),
            provider: item.provider,
            event: item.event.map(|e| e.name),
            id: item.id.clone(),
            copy,
            acknowledged: delivery.acknowledged,
            verdict: delivery.outcome.word(),
            reason: delivery::explain(item.provider, &policy, &delivery.outcome),
            status: delivery.status,
            attempts: delivery.attempts,
            elapsed_ms: (delivery.elapsed.as_secs_f64() * 1e6).round() / 1e3,
            expected: policy.expect.describe(),
        };
        if let Ok(mut r) = results.lock() {
            r.push(result);
        }
    };
    let how = Run {
        concurrency: args.delivery.concurrency as usize,
        rate: args.delivery.rate,
        lines,
        expected: None,
        progress_from: 0,
        stop: Some(args::interrupt_flag()),
    };
    let jobs = records.map(|(sequence, copy, item)| (item, (sequence, copy)));
    let one = |job: (Item, (u64, u8))| [job];
    let summary = if args.shuffle {
        let mut all: Vec<(Item, (u64, u8))> = jobs.collect();
        delivery::shuffle_by(&mut all, args.seed, |(item, _)| item);
        delivery::run(ui, &settings, how, all.into_iter(), one, record)?
    } else {
        delivery::run(ui, &settings, how, jobs, one, record)?
    };
    if let Ok(mut slot) = output_error.lock()
        && let Some(e) = slot.take()
    {
        return Err(e.into());
    }
    let skipped = skipped
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a replay thread panicked"))?;
    let malformed = malformed
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a replay thread panicked"))?;
    let mut results = results
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a replay thread panicked"))?;
    results.sort_by_key(|r| (r.sequence, r.copy));

    for report in &args.reports {
        match report {
            ReportTarget::Junit(path) => {
                write_file(path, junit(&summary, &results, &malformed)?.as_bytes())?
            }
            ReportTarget::Json(path) => {
                let doc = JsonReport {
                    tool: "telhook replay",
                    to: &settings.urls,
                    expected: expected.clone(),
                    summary: Output::SendSummary(&summary),
                    skipped: &skipped,
                    malformed: &malformed,
                    events: &results,
                };
                let mut text = serde_json::to_vec_pretty(&doc)?;
                text.push(b'\n');
                write_file(path, &text)?;
            }
        }
    }
    print_table(ui, &summary, &skipped, &expected)?;

    if stopped.load(Ordering::SeqCst) {
        let first = malformed
            .first()
            .map_or_else(String::new, |m| format!(" ({}: {})", m.source, m.problem));
        bail!(
            "--stop-on-malformed: stopped at a malformed record{first}; fix or remove it, or drop --stop-on-malformed to skip it"
        );
    }
    if summary.interrupted {
        return Ok(ExitStatus::Interrupted);
    }
    if summary.events == 0 {
        bail!(
            "nothing to replay: no record in the inputs {}",
            if skipped.not_selected > 0 {
                "matched the selection (--provider, --event, --id, --since, --until)"
            } else {
                "was a webhook telhook could deliver"
            }
        );
    }
    Ok(if summary.failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The item for a stored record, or `None` (counted) when it is passed over or not selected.
fn select(args: &Args, stored: Stored, skipped: &Mutex<Skipped>) -> Option<Item> {
    let count = |f: fn(&mut Skipped)| {
        if let Ok(mut s) = skipped.lock() {
            f(&mut s);
        }
    };
    match stored.pass_over {
        Some(crate::capture::PassOver::ApiCall) => {
            count(|s| s.api_calls += 1);
            return None;
        }
        Some(_) => {
            count(|s| s.passed_over += 1);
            return None;
        }
        None => {}
    }
    let provider = match (stored.provider, args.provider) {
        (Some(p), Some(wanted)) if p != wanted => {
            count(|s| s.not_selected += 1);
            return None;
        }
        (Some(p), _) | (None, Some(p)) => p,
        (None, None) => {
            count(|s| s.unknown_provider += 1);
            return None;
        }
    };
    let event_ok = args.events.is_empty()
        || stored
            .event
            .is_some_and(|e| args.events.iter().any(|g| glob_match(g, e.name)));
    let id_ok = args.ids.is_empty()
        || stored
            .id
            .as_ref()
            .is_some_and(|id| args.ids.iter().any(|w| w == id));
    let at = stored.received_at.map(|t| t.timestamp());
    let since_ok = args.since.is_none_or(|s| at.is_some_and(|t| t >= s));
    let until_ok = args.until.is_none_or(|u| at.is_some_and(|t| t < u));
    if !(event_ok && id_ok && since_ok && until_ok) {
        count(|s| s.not_selected += 1);
        return None;
    }
    Some(Item {
        provider,
        event: stored.event.filter(|e| e.provider == provider),
        id: stored.id,
        payload: Payload::Raw(stored.body),
        fixed_headers: if args.keep_headers {
            stored.headers
        } else {
            None
        },
        source: Some(stored.source),
        urls: None,
    })
}

fn write_file(path: &PathBuf, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::File::create(path)
        .with_context(|| format!("--report: cannot write {}", path.display()))?;
    file.write_all(bytes)
        .with_context(|| format!("--report: writing {}", path.display()))
}

/// The summary table on stdout (a JSON object with `--json`; nothing with `-q` but failures).
fn print_table(
    ui: &Ui,
    summary: &Summary,
    skipped: &Skipped,
    expected: &str,
) -> anyhow::Result<()> {
    if ui.json {
        ui.emit(&Output::ReplaySummary(ReplaySummary { summary, skipped }))?;
        return Ok(());
    }
    let ms = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v:.2} ms"));
    let mut rows: Vec<(String, String)> = vec![
        ("expected".into(), expected.to_string()),
        ("sent".into(), summary.events.to_string()),
        ("acknowledged".into(), summary.acknowledged.to_string()),
        ("failed".into(), summary.failed.to_string()),
    ];
    let reasons: BTreeMap<&String, &u64> = summary.failures.iter().collect();
    for (why, n) in reasons {
        rows.push((format!("  {why}"), n.to_string()));
    }
    for (what, n) in [
        ("skipped: malformed", skipped.malformed),
        ("skipped: challenge halves, non-POST", skipped.passed_over),
        ("skipped: API calls (emulate)", skipped.api_calls),
        ("skipped: not selected", skipped.not_selected),
        (
            "skipped: provider unknown (--provider)",
            skipped.unknown_provider,
        ),
    ] {
        if n > 0 {
            rows.push((what.into(), n.to_string()));
        }
    }
    rows.push(("attempts".into(), summary.attempts.to_string()));
    rows.push(("latency p50".into(), ms(summary.latency_ms.p50)));
    rows.push(("latency p99".into(), ms(summary.latency_ms.p99)));
    rows.push((
        "throughput".into(),
        format!(
            "{:.0} events/s over {:.2} s",
            summary.throughput_per_s, summary.elapsed_s
        ),
    ));
    if ui.quiet && summary.failed == 0 && summary.events > 0 && !summary.interrupted {
        return Ok(());
    }
    if summary.interrupted && ui.stdout_is_tty() {
        // Off the line the terminal echoed ^C on.
        ui.line("")?;
    }
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    let verdict = if summary.interrupted {
        ui.fail(&format!(
            "interrupted after {} event{} (the rest were not sent)",
            summary.events,
            if summary.events == 1 { "" } else { "s" }
        ))
    } else if summary.events == 0 {
        ui.fail("nothing was replayed")
    } else if summary.failed == 0 {
        ui.pass("every event met the expectation")
    } else {
        ui.fail(&format!(
            "{} of {} events did not meet the expectation",
            summary.failed, summary.events
        ))
    };
    ui.line(&ui.fit_line(&format!("replay summary: {verdict}")))?;
    for (k, v) in rows {
        ui.line(&ui.fit_line(&format!("  {k:<width$}  {v}")))?;
    }
    Ok(())
}

/// The JUnit XML report: one testsuite, one testcase per delivered event (its failure says what
/// was expected and what came back), malformed records as errored testcases.
fn junit(
    summary: &Summary,
    results: &[EventResult],
    malformed: &[Malformed],
) -> anyhow::Result<String> {
    use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
    let mut suite = TestSuite::new("telhook replay");
    suite.set_time(std::time::Duration::from_secs_f64(summary.elapsed_s));
    for r in results {
        let event = r.event.unwrap_or("(unknown event)");
        let mut name = format!("#{} {event}", r.sequence);
        if let Some(id) = &r.id {
            name.push_str(&format!(" {id}"));
        }
        if r.copy > 1 {
            name.push_str(" (second copy)");
        }
        if let Some(source) = &r.source {
            name.push_str(&format!(" [{source}]"));
        }
        let status = if r.acknowledged {
            TestCaseStatus::success()
        } else {
            let got = r.reason.clone().unwrap_or_else(|| r.verdict.to_string());
            let message = format!("expected {}; got {got}", r.expected);
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status
                .set_type(r.verdict)
                .set_description(format!(
                    "{message}\nattempts: {}\nlast status: {}",
                    r.attempts,
                    r.status.map_or("none".to_string(), |s| s.to_string())
                ))
                .set_message(message);
            status
        };
        let mut case = TestCase::new(name, status);
        case.set_classname(format!("{}.{event}", r.provider))
            .set_time(std::time::Duration::from_secs_f64(r.elapsed_ms / 1000.0));
        suite.add_test_case(case);
    }
    for m in malformed {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
        status.set_type("malformed").set_message(m.problem.as_str());
        let mut case = TestCase::new(m.source.as_str(), status);
        case.set_classname("malformed");
        suite.add_test_case(case);
    }
    let mut report = Report::new("telhook replay");
    report
        .set_time(std::time::Duration::from_secs_f64(summary.elapsed_s))
        .add_test_suite(suite);
    report
        .to_string()
        .map_err(|e| anyhow::anyhow!("--report junit: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_event_names() {
        assert!(glob_match("message.*", "message.finalized"));
        assert!(glob_match("*", "call.answered"));
        assert!(glob_match("call.?nswered", "call.answered"));
        assert!(glob_match("*-delivered", "message-delivered"));
        assert!(!glob_match("message.*", "call.hangup"));
        assert!(!glob_match("message", "message.sent"));
        assert!(glob_match("m*e*d", "message.finalized"));
    }

    #[test]
    fn reports_parse_and_name_the_fix() {
        assert_eq!(
            parse_report("junit=out/r.xml"),
            Ok(ReportTarget::Junit("out/r.xml".into()))
        );
        assert_eq!(
            parse_report("json=r.json"),
            Ok(ReportTarget::Json("r.json".into()))
        );
        assert!(parse_report("xml=r").unwrap_err().contains("junit or json"));
        assert!(parse_report("junit").unwrap_err().contains("junit=FILE"));
        assert!(parse_report("junit=").is_err());
    }

    #[test]
    fn the_junit_report_escapes_names_and_counts_failures_and_errors() {
        let summary = Summary {
            events: 2,
            acknowledged: 1,
            failed: 1,
            attempts: 2,
            requests: 2,
            failures: BTreeMap::new(),
            elapsed_s: 0.5,
            throughput_per_s: 4.0,
            latency_ms: Default::default(),
            interrupted: false,
        };
        let result = |acknowledged: bool| EventResult {
            sequence: 1,
            source: Some("a<b>&\"c'.jsonl:1".into()),
            provider: Provider::Telnyx,
            event: Some("message.received"),
            id: Some("e1".into()),
            copy: 1,
            acknowledged,
            verdict: if acknowledged {
                "acknowledged"
            } else {
                "failed"
            },
            reason: (!acknowledged).then(|| "status 500, expected 2xx".to_string()),
            status: Some(if acknowledged { 200 } else { 500 }),
            attempts: 1,
            elapsed_ms: 1.5,
            expected: "2xx".into(),
        };
        let malformed = [Malformed {
            source: "bad.jsonl:2".into(),
            problem: "not JSON".into(),
        }];
        let xml = junit(&summary, &[result(true), result(false)], &malformed).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let suite = doc
            .descendants()
            .find(|n| n.has_tag_name("testsuite"))
            .unwrap();
        assert_eq!(suite.attribute("tests"), Some("3"));
        assert_eq!(suite.attribute("failures"), Some("1"));
        assert_eq!(suite.attribute("errors"), Some("1"));
        let names: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testcase"))
            .filter_map(|n| n.attribute("name"))
            .collect();
        assert_eq!(names[0], "#1 message.received e1 [a<b>&\"c'.jsonl:1]");
        let failure = doc
            .descendants()
            .find(|n| n.has_tag_name("failure"))
            .unwrap();
        assert_eq!(
            failure.attribute("message"),
            Some("expected 2xx; got status 500, expected 2xx")
        );
    }
}
