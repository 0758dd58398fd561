//! Stored webhooks, read as a stream for `replay`: capture files from `listen --capture` (JSON
//! Lines), payload files and directories of them, HAR archives (the POST requests in them), and
//! stdin. Every record keeps its exact body bytes. Capture files are read a line at a time, so a
//! capture of any size is replayed in constant memory; a HAR or single JSON file is one document
//! and is read whole.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::capture::{self, Line, Record};
use crate::catalog::{self, Event, Provider};

/// One stored webhook.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Where it came from: `file:line` for capture lines, `file` for payload files,
    /// `file#entry N` for HAR entries, `-` for stdin.
    pub source: String,
    /// When it was received (capture and HAR records).
    pub received_at: Option<DateTime<Utc>>,
    pub provider: Option<Provider>,
    pub event: Option<&'static Event>,
    pub id: Option<String>,
    /// The headers it arrived with (capture and HAR records).
    pub headers: Option<Vec<(String, String)>>,
    pub body: Vec<u8>,
    /// Why replay passes over it by default: not a webhook delivery, or the unauthenticated
    /// first half of a Basic challenge (the request that followed it carries the event).
    pub pass_over: Option<capture::PassOver>,
}

/// A record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Malformed {
    pub source: String,
    pub problem: String,
}

/// The extensions taken from directories.
pub const EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "har"];

/// Stream the records of `inputs` (already expanded to files and `-`), in order.
pub struct Reader {
    files: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Result<Stored, Malformed>> + Send>>,
}

impl Reader {
    pub fn new(files: Vec<PathBuf>) -> Self {
        Reader {
            files: files.into(),
            current: None,
        }
    }
}

impl Iterator for Reader {
    type Item = Result<Stored, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.current {
                if let Some(record) = records.next() {
                    return Some(record);
                }
                self.current = None;
            }
            let path = self.files.pop_front()?;
            match open(&path) {
                Ok(records) => self.current = Some(records),
                Err(problem) => return Some(Err(problem)),
            }
        }
    }
}

fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

type Records = Box<dyn Iterator<Item = Result<Stored, Malformed>> + Send>;

/// The records of one file: by extension, or for stdin and other names by a look at the content
/// (a first line that is a capture record means JSON Lines).
fn open(path: &Path) -> Result<Records, Malformed> {
    let name = display(path);
    let unreadable = |e: std::io::Error| Malformed {
        source: name.clone(),
        problem: format!("cannot read it: {e}"),
    };
    let input: Box<dyn BufRead + Send> = if path == Path::new("-") {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        // Only the bytes there when the run starts: replaying a capture into the listener that
        // is still appending to it must end.
        // (Pipes and process substitutions have no size: they are read to their end.)
        let file = File::open(path).map_err(unreadable)?;
        let meta = file.metadata().map_err(unreadable)?;
        let len = if meta.is_file() { meta.len() } else { u64::MAX };
        Box::new(BufReader::with_capacity(256 * 1024, file.take(len)))
    };
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    match extension {
        "jsonl" | "ndjson" => Ok(Box::new(Lines::new(name, input, 0, None))),
        "json" | "har" => whole(name, input),
        _ => {
            // Sniff: read the first line; a capture record means a capture stream.
            let mut input = input;
            let mut first = Vec::new();
            input.read_until(b'\n', &mut first).map_err(unreadable)?;
            if serde_json::from_slice::<Value>(&first).is_ok_and(|v| capture::looks_like_record(&v))
            {
                Ok(Box::new(Lines::new(name, input, 0, Some(first))))
            } else {
                let mut rest = first;
                input.read_to_end(&mut rest).map_err(unreadable)?;
                one_document(name, rest)
            }
        }
    }
}

fn whole(name: String, mut input: Box<dyn BufRead + Send>) -> Result<Records, Malformed> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| Malformed {
        source: name.clone(),
        problem: format!("cannot read it: {e}"),
    })?;
    one_document(name, bytes)
}

/// A file holding one JSON document: a HAR archive, one capture record, or a payload (sent as
/// the file's exact bytes).
fn one_document(name: String, bytes: Vec<u8>) -> Result<Records, Malformed> {
    let value: Value = serde_json::from_slice(&bytes).map_err(|e| Malformed {
        source: name.clone(),
        problem: format!("not JSON ({e}); give a payload, a capture file or a HAR file"),
    })?;
    if value.pointer("/log/entries").is_some() {
        return har(name, value);
    }
    if capture::looks_like_record(&value) {
        let record = match Line::of_value(value) {
            Line::Record(r) => from_capture(name, *r),
            Line::Broken(problem) => Err(Malformed {
                source: name,
                problem: format!("not a capture record ({problem})"),
            }),
            // `of_value` takes a parsed value: never `NotJson`.
            Line::Json(_) | Line::NotJson(_) => Err(Malformed {
                source: name,
                problem: "not a capture record".into(),
            }),
        };
        return Ok(Box::new(std::iter::once(record)));
    }
    let (provider, event, id) = identify(None, Some(&value));
    Ok(Box::new(std::iter::once(Ok(Stored {
        source: name,
        received_at: None,
        provider,
        event,
        id,
        headers: None,
        body: bytes,
        pass_over: None,
    }))))
}

/// A capture file (or any JSON Lines file) read a line at a time.
struct Lines {
    name: String,
    input: Box<dyn BufRead + Send>,
    number: usize,
    pending: Option<Vec<u8>>,
    buffer: Vec<u8>,
}

impl Lines {
    fn new(
        name: String,
        input: Box<dyn BufRead + Send>,
        number: usize,
        pending: Option<Vec<u8>>,
    ) -> Self {
        Lines {
            name,
            input,
            number,
            pending,
            buffer: Vec::new(),
        }
    }
}

impl Iterator for Lines {
    type Item = Result<Stored, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            self.buffer.clear();
            if let Some(first) = self.pending.take() {
                self.buffer = first;
            } else {
                match self.input.read_until(b'\n', &mut self.buffer) {
                    Ok(0) => return None,
                    Ok(_) => {}
                    Err(e) => {
                        self.number += 1;
                        let problem = Malformed {
                            source: format!("{}:{}", self.name, self.number),
                            problem: format!("cannot read it: {e}"),
                        };
                        // A read error does not go away: end this file here.
                        self.input = Box::new(std::io::empty());
                        return Some(Err(problem));
                    }
                }
            }
            self.number += 1;
            let line = trim_line_end(&self.buffer);
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let source = format!("{}:{}", self.name, self.number);
            return Some(line_record(source, line));
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// One line: a capture record, or else a payload on a line of its own.
fn line_record(source: String, line: &[u8]) -> Result<Stored, Malformed> {
    match Line::parse(line) {
        Line::Record(record) => from_capture(source, *record),
        Line::Broken(problem) => Err(Malformed {
            source,
            problem: format!(
                "not a capture record ({problem}); lines are written by `telhook listen --capture` and `telhook emulate --capture`"
            ),
        }),
        Line::Json(value) if value.is_object() || value.is_array() => {
            let (provider, event, id) = identify(None, Some(&value));
            Ok(Stored {
                source,
                received_at: None,
                provider,
                event,
                id,
                headers: None,
                body: line.to_vec(),
                pass_over: None,
            })
        }
        Line::Json(_) => Err(Malformed {
            source,
            problem: "not a capture record or a JSON payload".into(),
        }),
        Line::NotJson(e) => Err(Malformed {
            source,
            problem: format!("not JSON ({e})"),
        }),
    }
}

fn from_capture(source: String, record: Record) -> Result<Stored, Malformed> {
    let body = record.body_bytes().map_err(|e| Malformed {
        source: source.clone(),
        problem: format!("`body` is marked base64 but does not decode ({e})"),
    })?;
    let received_at = DateTime::parse_from_rfc3339(&record.received_at)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| Malformed {
            source: source.clone(),
            problem: format!(
                "`received_at` `{}` is not an RFC 3339 time ({e})",
                record.received_at
            ),
        })?;
    let named_provider = record.provider.as_deref().and_then(Provider::parse);
    let named_event = named_provider
        .zip(record.event.as_deref())
        .and_then(|(p, n)| p.events().iter().find(|e| e.name == n));
    let (provider, event, id) = match (named_provider, named_event) {
        (Some(p), Some(e)) => (Some(p), Some(e), record.event_id.clone()),
        _ => {
            let value: Option<Value> = serde_json::from_slice(&body).ok();
            identify(Some(&record.headers), value.as_ref())
        }
    };
    let pass_over = record.not_a_webhook();
    Ok(Stored {
        source,
        received_at: Some(received_at),
        provider,
        event,
        id,
        headers: Some(record.headers),
        body,
        pass_over,
    })
}

/// Which provider, event and id a request is, from its headers and parsed body.
pub fn identify(
    headers: Option<&[(String, String)]>,
    body: Option<&Value>,
) -> (Option<Provider>, Option<&'static Event>, Option<String>) {
    let event = body.and_then(crate::catalog::recognize);
    let id = event.zip(body).and_then(|(e, b)| catalog::ids(e, b).0);
    let provider = headers
        .and_then(Provider::of_request)
        .or(event.map(|e| e.provider));
    // An event of the other provider than the headers say is not that event.
    let event = event.filter(|e| Some(e.provider) == provider);
    let id = if event.is_some() { id } else { None };
    (provider, event, id)
}

#[derive(Deserialize)]
struct HarEntry {
    #[serde(rename = "startedDateTime")]
    started: Option<String>,
    request: HarRequest,
}

#[derive(Deserialize)]
struct HarRequest {
    method: String,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(rename = "postData")]
    post_data: Option<HarPostData>,
}

#[derive(Deserialize)]
struct HarHeader {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct HarPostData {
    #[serde(default)]
    text: String,
    /// Not in HAR 1.2 for requests, but written by some tools for binary bodies.
    encoding: Option<String>,
}

/// The POST requests of a HAR archive, each with its headers and body.
fn har(name: String, value: Value) -> Result<Records, Malformed> {
    let entries = match value.pointer("/log/entries") {
        Some(Value::Array(entries)) => entries.clone(),
        _ => {
            return Err(Malformed {
                source: name,
                problem: "`log.entries` is not an array; is this a HAR file?".into(),
            });
        }
    };
    let records: Vec<Result<Stored, Malformed>> = entries
        .into_iter()
        .enumerate()
        .filter_map(|(i, entry)| {
            let source = format!("{name}#entry {}", i + 1);
            let entry: HarEntry = match serde_json::from_value(entry) {
                Ok(e) => e,
                Err(e) => {
                    return Some(Err(Malformed {
                        source,
                        problem: format!("not a HAR entry ({e})"),
                    }));
                }
            };
            if !entry.request.method.eq_ignore_ascii_case("POST") {
                return None;
            }
            let post = entry.request.post_data?;
            let body = if post.encoding.as_deref() == Some("base64") {
                use base64::Engine as _;
                match base64::engine::general_purpose::STANDARD.decode(&post.text) {
                    Ok(b) => b,
                    Err(e) => {
                        return Some(Err(Malformed {
                            source,
                            problem: format!("`postData.text` is not base64 ({e})"),
                        }));
                    }
                }
            } else {
                post.text.into_bytes()
            };
            let headers: Vec<(String, String)> = entry
                .request
                .headers
                .into_iter()
                .filter(|h| !h.name.starts_with(':'))
                .map(|h| (h.name, h.value))
                .collect();
            let value: Option<Value> = serde_json::from_slice(&body).ok();
            let (provider, event, id) = identify(Some(&headers), value.as_ref());
            let received_at = entry
                .started
                .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                .map(|t| t.with_timezone(&Utc));
            Some(Ok(Stored {
                source,
                received_at,
                provider,
                event,
                id,
                headers: Some(headers),
                body,
                pass_over: None,
            }))
        })
        .collect();
    Ok(Box::new(records.into_iter()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn read(path: &Path) -> Vec<Result<Stored, Malformed>> {
        Reader::new(vec![path.to_path_buf()]).collect()
    }

    #[test]
    fn capture_lines_keep_their_bytes_and_bad_lines_name_their_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let mut f = File::create(&path).unwrap();
        let good = r#"{"received_at":"2026-01-01T00:00:00Z","remote_addr":null,"method":"POST","path":"/","query":null,"headers":[["User-Agent","BandwidthAPI/v2"]],"body":"[ {\"type\":\"message-received\"} ]","provider":"bandwidth","event":"message-received","event_id":"m1","verdict":"accepted","reason":null,"status":200}"#;
        writeln!(f, "{good}").unwrap();
        writeln!(f).unwrap();
        writeln!(f, "{{not json").unwrap();
        writeln!(f, "{}", good.replace("\"POST\"", "\"GET\"")).unwrap();
        let got = read(&path);
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().unwrap();
        assert_eq!(first.body, b"[ {\"type\":\"message-received\"} ]");
        assert_eq!(first.provider, Some(Provider::Bandwidth));
        assert_eq!(first.event.map(|e| e.name), Some("message-received"));
        assert_eq!(first.id.as_deref(), Some("m1"));
        assert_eq!(first.source, format!("{}:1", path.display()));
        let bad = got[1].as_ref().unwrap_err();
        assert_eq!(bad.source, format!("{}:3", path.display()));
        assert!(bad.problem.starts_with("not JSON"), "{}", bad.problem);
        assert_eq!(
            got[2].as_ref().unwrap().pass_over,
            Some(capture::PassOver::NotPost)
        );
    }

    #[test]
    fn lines_appended_after_the_run_starts_are_not_read() {
        // Replaying a capture into the listener that writes it must not chase its own tail.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let line = r#"{"received_at":"2026-01-01T00:00:00Z","remote_addr":null,"method":"POST","path":"/","query":null,"headers":[],"body":"{}","provider":null,"event":null,"event_id":null,"verdict":"accepted","reason":null,"status":200}"#;
        std::fs::write(&path, format!("{line}\n{line}\n")).unwrap();
        let mut reader = Reader::new(vec![path.clone()]);
        assert!(reader.next().unwrap().is_ok());
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        writeln!(f, "{line}").unwrap();
        assert!(reader.next().unwrap().is_ok());
        assert!(
            reader.next().is_none(),
            "the appended line is left for the next run"
        );
    }

    #[test]
    fn a_payload_file_is_sent_as_its_exact_bytes_and_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let body = b"{ \"data\": {\"event_type\": \"message.sent\", \"id\": \"e1\"} }\n";
        std::fs::write(&path, body).unwrap();
        let got = read(&path);
        let stored = got[0].as_ref().unwrap();
        assert_eq!(stored.body, body);
        assert_eq!(stored.provider, Some(Provider::Telnyx));
        assert_eq!(stored.event.map(|e| e.name), Some("message.sent"));
    }

    #[test]
    fn har_files_give_their_post_requests() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.har");
        let har = serde_json::json!({"log": {"version": "1.2", "entries": [
            {"startedDateTime": "2026-01-01T00:00:00.000Z",
             "request": {"method": "GET", "url": "http://x/", "headers": []}},
            {"startedDateTime": "2026-01-01T00:00:01.000Z",
             "request": {"method": "POST", "url": "http://x/hook",
                "headers": [{"name": "user-agent", "value": "telnyx-webhooks"}],
                "postData": {"mimeType": "application/json", "text": "{\"data\":{}}"}}}
        ]}});
        std::fs::write(&path, har.to_string()).unwrap();
        let got = read(&path);
        assert_eq!(got.len(), 1);
        let stored = got[0].as_ref().unwrap();
        assert_eq!(stored.body, b"{\"data\":{}}");
        assert_eq!(stored.provider, Some(Provider::Telnyx));
        assert_eq!(stored.source, format!("{}#entry 2", path.display()));
        assert!(stored.received_at.is_some());
    }

    #[test]
    fn an_unreadable_file_is_one_malformed_record() {
        let got = read(Path::new("/nonexistent/x.jsonl"));
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().problem.contains("cannot read"));
    }

    mod properties {
        use super::*;
        use crate::capture::{Kind, RecordRef, Verdict, Writer, body_text};
        use proptest::prelude::*;

        /// Any string (the capture holds header names and values as JSON strings: bytes that
        /// are not UTF-8 cannot be a header there, so none are generated).
        fn string() -> impl Strategy<Value = String> {
            "(?s:.{0,24})"
        }

        fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
            prop::collection::vec((string(), string()), 0..8)
        }

        fn body() -> impl Strategy<Value = Vec<u8>> {
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..256),
                string().prop_map(String::into_bytes),
            ]
        }

        fn verdict() -> impl Strategy<Value = Verdict> {
            prop_oneof![
                Just(Verdict::Accepted),
                Just(Verdict::Challenged),
                Just(Verdict::Rejected),
                Just(Verdict::Unverified),
                Just(Verdict::Verified),
            ]
        }

        /// An RFC 3339 time as the capture writes it (microseconds, UTC).
        fn received_at() -> impl Strategy<Value = String> {
            (0i64..4_102_444_800, 0u32..1_000_000).prop_map(|(secs, micros)| {
                DateTime::from_timestamp(secs, micros * 1000)
                    .unwrap()
                    .format("%Y-%m-%dT%H:%M:%S%.6fZ")
                    .to_string()
            })
        }

        prop_compose! {
            fn record()(
                kind in prop_oneof![Just(Kind::Request), Just(Kind::Api), Just(Kind::Webhook)],
                received_at in received_at(),
                remote_addr in proptest::option::of(string()),
                method in string(),
                path in string(),
                query in proptest::option::of(string()),
                headers in headers(),
                body in body(),
                event_id in proptest::option::of(string()),
                verdict in verdict(),
                reason in proptest::option::of(string()),
                status in any::<u16>(),
                url in proptest::option::of(string()),
                attempt in proptest::option::of(any::<u32>()),
                outcome in proptest::option::of(prop_oneof![
                    Just(capture::AttemptOutcome::Acknowledged),
                    Just(capture::AttemptOutcome::Challenged),
                    Just(capture::AttemptOutcome::Failed),
                    Just(capture::AttemptOutcome::Timeout),
                    Just(capture::AttemptOutcome::Unreachable),
                ]),
                answer in proptest::option::of(string()),
            ) -> (Record, Vec<u8>) {
                let mut record = Record {
                    format: capture::FORMAT,
                    kind,
                    received_at,
                    remote_addr,
                    method,
                    path,
                    query,
                    headers,
                    body: String::new(),
                    body_base64: false,
                    provider: None,
                    event: None,
                    event_id,
                    verdict: Some(verdict),
                    reason,
                    status: Some(status),
                    url,
                    attempt,
                    outcome,
                    answer,
                };
                record.set_body(&body);
                (record, body)
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn capture_write_then_read_round_trips_bodies_and_headers_exactly(
                records in prop::collection::vec(record(), 1..6),
                extension in prop_oneof![Just("jsonl"), Just("ndjson"), Just("capture")],
            ) {
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join(format!("c.{extension}"));
                let writer = Writer::open(&path).unwrap();
                for (record, _) in &records {
                    writer.append(record).unwrap();
                }
                drop(writer);

                // The capture's one reader gives back the very records.
                let back = capture::read(&path).unwrap();
                prop_assert_eq!(back.len(), records.len());
                for ((n, got), (i, (want, bytes))) in back.iter().zip(records.iter().enumerate()) {
                    prop_assert_eq!(*n, i + 1);
                    let got = got.as_ref().map_err(|e| TestCaseError::fail(e.clone()))?;
                    prop_assert_eq!(got, want);
                    prop_assert_eq!(&got.body_bytes().unwrap(), bytes);
                }

                // And replay's reader the same bytes and headers, whatever the extension.
                let stored: Vec<_> = Reader::new(vec![path.clone()]).collect();
                prop_assert_eq!(stored.len(), records.len());
                for (got, (want, bytes)) in stored.iter().zip(&records) {
                    let got = got.as_ref().map_err(|m| TestCaseError::fail(format!("{m:?}")))?;
                    prop_assert_eq!(&got.body, bytes);
                    prop_assert_eq!(got.headers.as_ref(), Some(&want.headers));
                    let at = DateTime::parse_from_rfc3339(&want.received_at).unwrap();
                    prop_assert_eq!(got.received_at, Some(at.with_timezone(&Utc)));
                }
            }

            #[test]
            fn a_borrowed_record_writes_the_line_its_owned_record_does(
                (record, bytes) in record(),
                verdict in verdict(),
            ) {
                let (body, body_base64) = body_text(&bytes);
                let borrowed = RecordRef {
                    format: capture::FORMAT,
                    kind: Kind::Request,
                    received_at: &record.received_at,
                    remote_addr: record.remote_addr.as_deref(),
                    method: &record.method,
                    path: &record.path,
                    query: record.query.as_deref(),
                    headers: std::borrow::Cow::Borrowed(&record.headers),
                    body,
                    body_base64,
                    provider: None,
                    event: None,
                    event_id: record.event_id.as_deref(),
                    verdict,
                    reason: record.reason.as_deref(),
                    status: record.status.unwrap_or(200),
                };
                let owned = Record {
                    kind: Kind::Request,
                    verdict: Some(verdict),
                    url: None,
                    attempt: None,
                    outcome: None,
                    answer: None,
                    ..record.clone()
                };
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("c.jsonl");
                let writer = Writer::open(&path).unwrap();
                writer.append(&borrowed).unwrap();
                writer.append(&owned).unwrap();
                drop(writer);
                let text = std::fs::read_to_string(&path).unwrap();
                let lines: Vec<&str> = text.lines().collect();
                prop_assert_eq!(lines.len(), 2);
                prop_assert_eq!(lines[0], lines[1]);
                let Line::Record(back) = Line::parse(lines[0].as_bytes()) else {
                    return Err(TestCaseError::fail(format!("not a record: {}", lines[0])));
                };
                prop_assert_eq!(&*back, &owned);
                prop_assert_eq!(back.body_bytes().unwrap(), bytes);
            }
        }
    }
}
