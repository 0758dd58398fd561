//! The capture file: one JSON object per line for every request `listen` received, accepted or
//! not, with the body byte for byte. `verify`, `replay` and `validate` read it. Each line is
//! written with one `write` call under a lock, before the response is sent, so lines never
//! interleave and nothing acknowledged can be missing after the process is killed.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

/// What the listener made of a request: the word on its line, in its capture record and in
/// `--json` output. The variants are in the alphabetical order of their words, so counts keyed
/// by verdict list in that order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Nothing to verify (no provider recognised, or none asked for).
    Accepted,
    /// A Bandwidth request without credentials, answered with the 401 challenge.
    Challenged,
    /// Refused: bad signature or credentials, wrong path, malformed or oversized body.
    Rejected,
    /// A Telnyx request taken without checking its signature (no public key).
    Unverified,
    /// The Telnyx signature or the Bandwidth credentials checked out.
    Verified,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Verified => "verified",
            Verdict::Accepted => "accepted",
            Verdict::Unverified => "unverified",
            Verdict::Challenged => "challenged",
            Verdict::Rejected => "rejected",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One captured request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// When the request was received (RFC 3339, microseconds, UTC).
    pub received_at: String,
    /// Peer address, `ip:port`.
    pub remote_addr: Option<String>,
    pub method: String,
    pub path: String,
    /// The query string without `?`, if any.
    pub query: Option<String>,
    /// Headers in arrival order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body: UTF-8 text, or standard base64 when `body_base64` is true.
    pub body: String,
    #[serde(default)]
    pub body_base64: bool,
    /// `telnyx`, `bandwidth`, or null when not recognised.
    pub provider: Option<String>,
    /// Catalog name of the event, when recognised.
    pub event: Option<String>,
    /// The event's id (Telnyx `data.id`, Bandwidth `message.id` or `callId`), when present.
    pub event_id: Option<String>,
    /// What the listener made of it.
    pub verdict: Verdict,
    /// Why the request was rejected or challenged.
    pub reason: Option<String>,
    /// The HTTP status telhook answered.
    pub status: u16,
}

/// A [`Record`] borrowed from the request it describes, written without copying it first: the
/// same fields in the same order, so the same line.
#[derive(Debug, Serialize)]
pub struct RecordRef<'a> {
    pub received_at: &'a str,
    pub remote_addr: Option<&'a str>,
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub headers: &'a [(String, String)],
    pub body: std::borrow::Cow<'a, str>,
    pub body_base64: bool,
    pub provider: Option<&'static str>,
    pub event: Option<&'static str>,
    pub event_id: Option<&'a str>,
    pub verdict: Verdict,
    pub reason: Option<&'a str>,
    pub status: u16,
}

/// A body as a record holds it: the text when it is UTF-8, else base64 (and `true`).
pub fn body_text(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), false),
        Err(_) => (std::borrow::Cow::Owned(STANDARD.encode(bytes)), true),
    }
}

impl Record {
    /// Store a body: as text when it is UTF-8, else base64.
    pub fn set_body(&mut self, bytes: &[u8]) {
        let (body, base64) = body_text(bytes);
        self.body = body.into_owned();
        self.body_base64 = base64;
    }

    /// The body bytes exactly as received.
    pub fn body_bytes(&self) -> Result<Vec<u8>, base64::DecodeError> {
        decode_body(&self.body, self.body_base64)
    }

    /// The first value of a header (names compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::http::header(&self.headers, name)
    }
}

/// One line (or document) of a file that may hold capture records, as the capture format reads
/// it: the one place that decides what is a record (`verify` and `replay` read through it;
/// `validate`, which needs only bodies, through [`body_of`]).
#[derive(Debug)]
pub enum Line {
    /// A whole capture record.
    Record(Box<Record>),
    /// Shaped as a record (a `body` and `headers`) but not a whole one: what is wrong with it.
    Broken(String),
    /// Some other JSON value (a payload on a line of its own, say).
    Json(Value),
    /// Not JSON at all.
    NotJson(serde_json::Error),
}

impl Line {
    pub fn parse(bytes: &[u8]) -> Line {
        // A capture is read a line at a time: a record takes one parse.
        let not_a_record = match serde_json::from_slice::<Record>(bytes) {
            Ok(record) => return Line::Record(Box::new(record)),
            Err(e) => e,
        };
        match serde_json::from_slice::<Value>(bytes) {
            Err(e) => Line::NotJson(e),
            // From the bytes, so the problem names its column.
            Ok(value) if is_record_shaped(&value) => Line::Broken(not_a_record.to_string()),
            Ok(value) => Line::Json(value),
        }
    }

    pub fn of_value(value: Value) -> Line {
        if !is_record_shaped(&value) {
            return Line::Json(value);
        }
        match serde_json::from_value::<Record>(value) {
            Ok(record) => Line::Record(Box::new(record)),
            Err(e) => Line::Broken(e.to_string()),
        }
    }
}

fn is_record_shaped(value: &Value) -> bool {
    value.get("body").is_some() && value.get("headers").is_some()
}

/// Does this JSON value look like a capture record (so the file it starts is a capture)?
pub fn looks_like_record(value: &Value) -> bool {
    value.get("received_at").is_some()
        && value.get("body").is_some()
        && value.get("headers").is_some()
}

/// The body a capture line carries, whole record or hand-written (`body`, base64 when
/// `body_base64` is true); `None` when the line has no such body.
pub fn body_of(line: &str) -> Option<Result<Vec<u8>, base64::DecodeError>> {
    #[derive(Deserialize)]
    struct BodyOnly {
        body: String,
        #[serde(default)]
        body_base64: bool,
    }
    let only: BodyOnly = serde_json::from_str(line).ok()?;
    Some(decode_body(&only.body, only.body_base64))
}

fn decode_body(body: &str, base64: bool) -> Result<Vec<u8>, base64::DecodeError> {
    if base64 {
        STANDARD.decode(body)
    } else {
        Ok(body.as_bytes().to_vec())
    }
}

/// An append-only capture file shared by the request threads.
pub struct Writer {
    file: Mutex<File>,
}

impl Writer {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        // Captures hold whole requests, credentials included: only their owner reads them (a
        // file that exists keeps its mode).
        let mut options = OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(path)?;
        Ok(Writer {
            file: Mutex::new(file),
        })
    }

    /// Append one record ([`Record`] or [`RecordRef`]) as one line, in a single write, and
    /// flush it to the OS.
    pub fn append(&self, record: &impl Serialize) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(record)?;
        line.push(b'\n');
        let mut file = self
            .file
            .lock()
            .map_err(|_| std::io::Error::other("capture file lock poisoned"))?;
        file.write_all(&line)?;
        file.flush()
    }
}

/// Read the records of a capture file; a malformed line is reported with its number.
pub fn read(path: &Path) -> anyhow::Result<Vec<(usize, Record)>> {
    use anyhow::Context;
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading capture file {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record = match Line::parse(line.as_bytes()) {
            Line::Record(record) => *record,
            // Why it is not one, in serde's words.
            _ => serde_json::from_str::<Record>(line).with_context(|| {
                format!(
                    "{}:{}: not a capture record (as written by `telhook listen --capture`)",
                    path.display(),
                    i + 1
                )
            })?,
        };
        out.push((i + 1, record));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            received_at: "2026-01-01T00:00:00.000000Z".into(),
            remote_addr: Some("127.0.0.1:5555".into()),
            method: "POST".into(),
            path: "/hooks".into(),
            query: Some("a=1".into()),
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: String::new(),
            body_base64: false,
            provider: None,
            event: None,
            event_id: None,
            verdict: Verdict::Accepted,
            reason: None,
            status: 200,
        }
    }

    #[test]
    fn bodies_round_trip_byte_for_byte_text_or_binary() {
        for body in [&b"{\"a\": 1}\r\n"[..], &[0xff, 0x00, 0x80, b'{'][..], b""] {
            let mut r = record();
            r.set_body(body);
            let line = serde_json::to_string(&r).unwrap();
            let back: Record = serde_json::from_str(&line).unwrap();
            assert_eq!(back.body_bytes().unwrap(), body);
            assert_eq!(back, r);
        }
    }

    #[test]
    fn lines_append_and_read_back_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let w = Writer::open(&path).unwrap();
        for i in 0..3 {
            let mut r = record();
            r.status = 200 + i;
            w.append(&r).unwrap();
        }
        let back = read(&path).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back[2].0, 3);
        assert_eq!(back[2].1.status, 202);
        assert_eq!(back[0].1.header("content-type"), Some("application/json"));
    }
}
