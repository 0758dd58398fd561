//! `telhook validate [PATH...|-]`: check payloads against the documented schema of their event.
//! Files, directories (recursive, sorted), JSON Lines and capture files (each record's body),
//! and stdin. Every error names the file, line and column, the JSON path, the value found and
//! what was expected.

use anyhow::{Context, bail};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::catalog::{self, Event, Provider};
use crate::exit::ExitStatus;
use crate::output::{Finding, Output, ValidateSummary};
use crate::schema::{self, Validators};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files, directories (searched recursively for .json, .jsonl and .ndjson) or `-` for stdin.
    #[arg(value_name = "PATH", default_value = "-", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<PathBuf>,
    /// Validate every payload as this event instead of recognising it (`telnyx/message.finalized`).
    #[arg(long, value_name = "PROVIDER/EVENT")]
    pub event: Option<String>,
    /// Also report fields the documented schema does not list.
    #[arg(long, alias = "strict")]
    pub report_unlisted: bool,
    /// Worker threads (default: the number of CPUs).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Default)]
struct FileReport {
    events: usize,
    findings: Vec<Finding>,
}

/// Where a document sits in its file, for line and column numbers.
struct Doc<'a> {
    text: &'a str,
    /// Line of the file where `text` starts (1-based), and whether `text` is a capture body (whose
    /// own line and column are then given relative to the body).
    line: usize,
    body_of_capture: bool,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let forced = args.event.as_deref().map(parse_forced).transpose()?;
    let sources = crate::commands::args::expand_inputs(&args.paths, &["json", "jsonl", "ndjson"])?;
    if sources.is_empty() {
        bail!(
            "no .json, .jsonl or .ndjson files under {}",
            display_paths(&args.paths)
        );
    }
    let validators = Validators::new(args.report_unlisted);
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, 64)
        .min(sources.len());
    let reports: Vec<Mutex<Option<anyhow::Result<FileReport>>>> =
        sources.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(i) else { break };
                    let report = check_source(source, forced, &validators);
                    if let Ok(mut slot) = reports[i].lock() {
                        *slot = Some(report);
                    }
                }
            });
        }
    });

    let mut summary = ValidateSummary {
        files: sources.len(),
        events: 0,
        invalid_files: 0,
        errors: 0,
    };
    for (source, slot) in sources.iter().zip(reports) {
        let report = slot
            .into_inner()
            .ok()
            .flatten()
            .with_context(|| format!("checking {}", source.display()))??;
        summary.events += report.events;
        if !report.findings.is_empty() {
            summary.invalid_files += 1;
            summary.errors += report.findings.len();
        } else if ui.verbose > 0 && !ui.json {
            ui.line(&format!("{}: {}", source.display(), ui.pass("valid")))?;
        }
        for f in &report.findings {
            if ui.json {
                ui.emit(&Output::Error(f))?;
            } else {
                let what = match (f.provider, f.event) {
                    (Some(p), Some(e)) => format!("{p} {e}: "),
                    _ => String::new(),
                };
                let path = if f.pointer.is_empty() && f.event.is_none() {
                    String::new()
                } else {
                    format!("{}: ", f.path)
                };
                ui.line(&ui.fit_line(&format!(
                    "{}:{}:{}: {what}{path}{}",
                    f.file, f.line, f.column, f.message
                )))?;
            }
        }
    }
    if ui.json {
        ui.emit(&Output::ValidateSummary(summary))?;
    } else {
        let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
        if summary.errors == 0 {
            ui.line(&format!(
                "{} {}, {}, no errors",
                ui.pass("valid:"),
                plural(summary.files, "file"),
                plural(summary.events, "event")
            ))?;
        } else {
            ui.line(&format!(
                "{} {} in {} of {} ({})",
                ui.fail("invalid:"),
                plural(summary.errors, "error"),
                summary.invalid_files,
                plural(summary.files, "file"),
                plural(summary.events, "event")
            ))?;
        }
    }
    Ok(if summary.errors == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

fn parse_forced(s: &str) -> anyhow::Result<&'static Event> {
    let (p, e) = s.split_once('/').with_context(|| {
        format!("--event `{s}`: write PROVIDER/EVENT, e.g. telnyx/message.finalized")
    })?;
    let provider = match p {
        "telnyx" => Provider::Telnyx,
        "bandwidth" => Provider::Bandwidth,
        other => bail!("--event `{s}`: unknown provider `{other}` (telnyx or bandwidth)"),
    };
    Ok(catalog::find(provider, e)?.event)
}

fn display_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn check_source(
    source: &Path,
    forced: Option<&'static Event>,
    validators: &Validators,
) -> anyhow::Result<FileReport> {
    let bytes = crate::commands::args::read_body(source)?;
    let name = if source == Path::new("-") {
        "<stdin>".to_string()
    } else {
        source.display().to_string()
    };
    let mut report = FileReport::default();
    let Ok(text) = std::str::from_utf8(&bytes) else {
        report.findings.push(finding(
            &name,
            1,
            1,
            None,
            "",
            "the file is not UTF-8 text".into(),
        ));
        return Ok(report);
    };
    let by_extension = matches!(
        source.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    );
    // stdin: one JSON document, or JSON Lines when it is not one document.
    let first_line_is_a_value = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok());
    let lines_mode = by_extension
        || (source == Path::new("-")
            && first_line_is_a_value
            && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err());
    if text.trim().is_empty() {
        report.findings.push(finding(
            &name,
            1,
            1,
            None,
            "",
            "the file is empty: no payload to check".into(),
        ));
        return Ok(report);
    }
    if !lines_mode {
        check_doc(
            &name,
            &Doc {
                text,
                line: 1,
                body_of_capture: false,
            },
            forced,
            validators,
            &mut report,
        );
        return Ok(report);
    }
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_no = i + 1;
        // A capture record (telhook listen --capture) carries the request body.
        let captured = crate::capture::body_of(line);
        match captured {
            // The emulator's API calls are in its timeline, but they are not webhooks.
            Some(crate::capture::Captured::ApiCall) => {}
            Some(crate::capture::Captured::Body(bytes)) => {
                let problem = match bytes.map(String::from_utf8) {
                    Ok(Ok(decoded)) => Ok(decoded),
                    Ok(Err(_)) => Err("captured body is not UTF-8 JSON"),
                    Err(_) => Err("body_base64 is set but body is not base64"),
                };
                let decoded = match problem {
                    Ok(d) => d,
                    Err(why) => {
                        report
                            .findings
                            .push(finding(&name, line_no, 1, None, "", why.into()));
                        continue;
                    }
                };
                let body = decoded.as_str();
                check_doc(
                    &name,
                    &Doc {
                        text: body,
                        line: line_no,
                        body_of_capture: true,
                    },
                    forced,
                    validators,
                    &mut report,
                );
            }
            None => check_doc(
                &name,
                &Doc {
                    text: line,
                    line: line_no,
                    body_of_capture: false,
                },
                forced,
                validators,
                &mut report,
            ),
        }
    }
    Ok(report)
}

fn finding(
    file: &str,
    line: usize,
    column: usize,
    event: Option<&'static Event>,
    pointer: &str,
    message: String,
) -> Finding {
    Finding {
        file: file.to_string(),
        line,
        column,
        provider: event.map(|e| e.provider),
        event: event.map(|e| e.name),
        path: schema::dotted(pointer),
        pointer: pointer.to_string(),
        message,
    }
}

fn check_doc(
    file: &str,
    doc: &Doc<'_>,
    forced: Option<&'static Event>,
    validators: &Validators,
    report: &mut FileReport,
) {
    let locate = |line: usize, col: usize| -> (usize, usize, String) {
        if doc.body_of_capture {
            (doc.line, 1, format!(" (body line {line}, column {col})"))
        } else {
            (doc.line + line - 1, col, String::new())
        }
    };
    let value: Value = match serde_json::from_str(doc.text) {
        Ok(v) => v,
        Err(e) => {
            let (line, col, note) = locate(e.line().max(1), e.column().max(1));
            report.findings.push(finding(
                file,
                line,
                col,
                None,
                "",
                format!("invalid JSON{note}: {e}"),
            ));
            return;
        }
    };
    // An array is one Bandwidth messaging body when its elements are messaging events of one
    // type. A mixed batch is checked element by element (each as a one-element body), and any
    // other array (a list of Telnyx bodies or voice callbacks) element by element as is.
    // (prefix in the document, the value to check, whether it was wrapped in an array)
    let mut parts: Vec<(String, Value, bool)> = Vec::new();
    match value.as_array() {
        Some(items) if forced.is_none() && !items.is_empty() => {
            let messaging = |it: &Value| it.get("type").is_some() && it.get("message").is_some();
            if items.iter().all(messaging) {
                if items
                    .iter()
                    .any(|it| it.get("type") != items[0].get("type"))
                {
                    for (i, item) in items.iter().enumerate() {
                        parts.push((format!("/{i}"), Value::Array(vec![item.clone()]), true));
                    }
                } else {
                    parts.push((String::new(), value, false));
                }
            } else {
                for (i, item) in items.iter().enumerate() {
                    parts.push((format!("/{i}"), item.clone(), false));
                }
            }
        }
        _ => parts.push((String::new(), value, false)),
    }
    for (prefix, part, wrapped) in parts {
        report.events += part.as_array().map_or(1, Vec::len).max(1);
        let Some(event) = forced.or_else(|| crate::catalog::recognize(&part)) else {
            let (line, col, note) = schema::position(doc.text, &prefix)
                .map_or((doc.line, 1, String::new()), |(l, c)| locate(l, c));
            report.findings.push(finding(file, line, col, None, &prefix, format!(
                "cannot tell which event this is{note} (no data.event_type, event, type or eventType that telhook knows); pass --event PROVIDER/EVENT"
            )));
            continue;
        };
        match validators.check(event, &part) {
            Ok(violations) => {
                for v in violations {
                    // Re-anchor element-wise pointers (`/0/...` of the one-element array) in the document.
                    let pointer = if !wrapped {
                        format!("{prefix}{}", v.pointer)
                    } else {
                        format!(
                            "{prefix}{}",
                            v.pointer.strip_prefix("/0").unwrap_or(&v.pointer)
                        )
                    };
                    let (line, col, note) = schema::position(doc.text, &pointer)
                        .map_or((doc.line, 1, String::new()), |(l, c)| locate(l, c));
                    report.findings.push(finding(
                        file,
                        line,
                        col,
                        Some(event),
                        &pointer,
                        format!("{}{note}", v.message),
                    ));
                }
            }
            Err(why) => report
                .findings
                .push(finding(file, doc.line, 1, Some(event), "", why)),
        }
    }
}
