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

#[derive(Debug, Default)]
pub(crate) struct FileReport {
    events: usize,
    pub(crate) findings: Vec<Finding>,
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
    let layout = if source == Path::new("-") {
        Layout::Sniff
    } else if matches!(
        source.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    ) {
        Layout::Lines
    } else {
        Layout::Document
    };
    Ok(check_bytes(&name, &bytes, layout, forced, validators))
}

/// How a file's text holds its payloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One JSON document (a `.json` file).
    Document,
    /// JSON Lines: a payload or a capture record per line (`.jsonl`, `.ndjson`).
    Lines,
    /// Either: JSON Lines when the text is not one document but its first line is (stdin).
    Sniff,
}

/// What `validate` finds in the bytes of one file named `name`.
pub(crate) fn check_bytes(
    name: &str,
    bytes: &[u8],
    layout: Layout,
    forced: Option<&'static Event>,
    validators: &Validators,
) -> FileReport {
    let name = name.to_string();
    let mut report = FileReport::default();
    let Ok(text) = std::str::from_utf8(bytes) else {
        report.findings.push(finding(
            &name,
            1,
            1,
            None,
            "",
            "the file is not UTF-8 text".into(),
        ));
        return report;
    };
    // stdin: one JSON document, or JSON Lines when it is not one document.
    let first_line_is_a_value = || {
        text.lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok())
    };
    let lines_mode = match layout {
        Layout::Document => false,
        Layout::Lines => true,
        Layout::Sniff => {
            first_line_is_a_value() && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
        }
    };
    if text.trim().is_empty() {
        report.findings.push(finding(
            &name,
            1,
            1,
            None,
            "",
            "the file is empty: no payload to check".into(),
        ));
        return report;
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
        return report;
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
    report
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

/// The column (1-based, in characters) of serde_json's byte column `byte_col` on line `line`
/// (1-based) of `text`: the characters that start before it.
fn char_column(text: &str, line: usize, byte_col: usize) -> usize {
    let Some(line) = text.split('\n').nth(line.saturating_sub(1)) else {
        return 1;
    };
    line.char_indices()
        .take_while(|(i, _)| *i < byte_col)
        .count()
        .max(1)
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
            // serde_json counts columns in bytes; telhook's columns are characters.
            let (line, col) = (e.line().max(1), char_column(doc.text, e.line(), e.column()));
            let said = e.to_string();
            let what =
                match said.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())) {
                    Some(what) => format!("{what} at line {line} column {col}"),
                    None => said,
                };
            let (line, col, note) = locate(line, col);
            report.findings.push(finding(
                file,
                line,
                col,
                None,
                "",
                format!("invalid JSON{note}: {what}"),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strategies;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// One set of compiled schemas for every case.
    static VALIDATORS: LazyLock<Validators> = LazyLock::new(|| Validators::new(false));

    /// Every event's example body, as the wire carries it: texts that recognise and mostly
    /// validate, for the mutations to break.
    static EXAMPLES: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut renderer = crate::template::Renderer::new(crate::template::Seed {
            seed: Some(1),
            at: None,
        });
        Provider::ALL
            .iter()
            .flat_map(|p| p.events().iter().map(move |e| (*p, e.name)))
            .filter_map(|(p, name)| {
                let example = crate::example::build(p, name, None, &[], &mut renderer).ok()?;
                let wire = match p {
                    Provider::Telnyx => crate::telnyx::to_wire(&example.values[0]),
                    Provider::Bandwidth => crate::bandwidth::to_wire(&example.values[0]),
                };
                String::from_utf8(wire).ok()
            })
            .collect()
    });

    /// Every finding's line is one of the text's lines and its column at most one past that
    /// line's last character.
    fn assert_inside(text: &str, report: &FileReport) -> Result<(), TestCaseError> {
        let lines: Vec<&str> = text.split('\n').collect();
        for f in &report.findings {
            prop_assert!(
                (1..=lines.len()).contains(&f.line),
                "line {} of {} lines: {f:?}",
                f.line,
                lines.len()
            );
            let width = lines[f.line - 1].chars().count();
            prop_assert!(
                (1..=width + 1).contains(&f.column),
                "column {} of a line of {width} characters: {f:?}",
                f.column
            );
        }
        Ok(())
    }

    /// Text that is often almost JSON: a document or an example body with a character put in,
    /// taken out or the rest cut off, or any text at all; non-ASCII, tabs and CRLF included.
    fn text() -> impl Strategy<Value = String> {
        let doc = prop_oneof![
            strategies::json().prop_map(|v| v.to_string()),
            strategies::json().prop_map(|v| serde_json::to_string_pretty(&v).unwrap()),
            (0..EXAMPLES.len()).prop_map(|i| EXAMPLES[i].clone()),
            // An example with one of its values replaced: valid JSON the schema refuses.
            (
                0..EXAMPLES.len(),
                prop::collection::vec(any::<prop::sample::Index>(), 1..6),
                strategies::json(),
                any::<bool>(),
            )
                .prop_map(|(i, choices, value, pretty)| {
                    let mut doc: Value = serde_json::from_str(&EXAMPLES[i]).unwrap();
                    let mut pointer = String::new();
                    let mut at = &doc;
                    for choice in choices {
                        let (key, next) = match at {
                            Value::Object(map) if !map.is_empty() => {
                                let (k, v) = map.iter().nth(choice.index(map.len())).unwrap();
                                (k.replace('~', "~0").replace('/', "~1"), v)
                            }
                            Value::Array(items) if !items.is_empty() => {
                                let n = choice.index(items.len());
                                (n.to_string(), &items[n])
                            }
                            _ => break,
                        };
                        pointer = format!("{pointer}/{key}");
                        at = next;
                    }
                    *doc.pointer_mut(&pointer).unwrap() = value;
                    if pretty {
                        serde_json::to_string_pretty(&doc).unwrap()
                    } else {
                        doc.to_string()
                    }
                }),
            "(?s:.{0,80})",
        ];
        let edit = prop_oneof![
            Just(None),
            (any::<prop::sample::Index>(), "(?s:.)", 0usize..3).prop_map(Some),
        ];
        (doc, edit, any::<bool>()).prop_map(|(text, edit, crlf)| {
            let mut chars: Vec<char> = text.chars().collect();
            if let Some((at, c, how)) = edit {
                let i = at.index(chars.len() + 1);
                match how {
                    0 => chars.insert(i, c.chars().next().unwrap_or('x')),
                    1 if i < chars.len() => {
                        chars.remove(i);
                    }
                    _ => chars.truncate(i),
                }
            }
            let text: String = chars.into_iter().collect();
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
    }

    #[test]
    fn a_json_error_after_non_ascii_text_is_at_its_character_column() {
        // Found by the property test: serde_json's column counts bytes, so the column of an
        // error after `ࠀ` (3 bytes) was past the end of the line.
        let text = "{\"ࠀ:null}";
        let report = check_bytes(
            "t.json",
            text.as_bytes(),
            Layout::Document,
            None,
            &VALIDATORS,
        );
        let f = &report.findings[0];
        assert_eq!((f.line, f.column), (1, 9), "{f:?}");
        assert_eq!(
            f.message,
            "invalid JSON: EOF while parsing a string at line 1 column 9"
        );
        let ascii = check_bytes("t.json", b"{\"a:null}", Layout::Document, None, &VALIDATORS);
        assert_eq!(ascii.findings[0].column, 9);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn every_line_and_column_points_inside_the_document(text in text()) {
            let report = check_bytes("t.json", text.as_bytes(), Layout::Document, None, &VALIDATORS);
            assert_inside(&text, &report)?;
        }

        #[test]
        fn every_line_and_column_points_inside_a_json_lines_file(
            lines in prop::collection::vec(text(), 1..5),
        ) {
            // Each a line of its own (a pretty document's newlines would make it several).
            let lines: Vec<String> = lines.iter().map(|l| l.replace(['\n', '\r'], " ")).collect();
            let text = lines.join("\n");
            let report = check_bytes("t.jsonl", text.as_bytes(), Layout::Lines, None, &VALIDATORS);
            assert_inside(&text, &report)?;
            let report = check_bytes("-", text.as_bytes(), Layout::Sniff, None, &VALIDATORS);
            assert_inside(&text, &report)?;
        }
    }
}
