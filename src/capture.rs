//! The capture file: one JSON object per line for every request `listen` received, accepted or
//! not, with the body byte for byte; or, from `emulate`, one timeline of the API calls it
//! answered and the webhook attempts it made. `verify`, `replay` and `validate` read it. Each
//! line is written with one `write` call under a lock, before the response is sent, so lines
//! never interleave and nothing acknowledged can be missing after the process is killed.
//!
//! Every line says its `format` (the version, [`FORMAT`]) and its `kind` ([`Kind`]); a line
//! without them is a format-1 line, which was always a request `listen` received.

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

/// The capture format's version that this telhook writes (and the newest it reads).
pub const FORMAT: u32 = 2;

fn first_format() -> u32 {
    1
}

/// What a capture line records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A request `listen` received (every format-1 line is one).
    #[default]
    Request,
    /// An API call the emulator received and answered (not a webhook: `replay` passes over it,
    /// `validate` does not check it).
    Api,
    /// A webhook attempt the emulator made, as it went out.
    Webhook,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Request => "request",
            Kind::Api => "api",
            Kind::Webhook => "webhook",
        }
    }
}

/// How a webhook attempt's answer was taken, in `send`'s words (a webhook record's `outcome`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttemptOutcome {
    Acknowledged,
    /// The unauthenticated first half of a Basic challenge.
    Challenged,
    Dropped,
    Unauthorized,
    Failed,
    BadReply,
    Timeout,
    Unreachable,
    Interrupted,
}

/// Why `replay` passes over a captured record by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassOver {
    /// An API call the emulator answered: not a webhook.
    ApiCall,
    /// The unauthenticated first half of a Basic challenge (the request that answers it
    /// carries the same event).
    ChallengeHalf,
    /// Not a POST: no webhook is one.
    NotPost,
}

/// One captured request: received (`listen`, the emulator's API) or made (a webhook attempt).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The format version the line was written in.
    #[serde(default = "first_format")]
    pub format: u32,
    #[serde(default)]
    pub kind: Kind,
    /// When the request went over the wire: received (requests, API calls) or sent (webhook
    /// attempts); RFC 3339, microseconds, UTC.
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
    /// What the listener made of it (requests only).
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Why the request was rejected or challenged, the API call refused, or the attempt failed.
    pub reason: Option<String>,
    /// The HTTP status answered: by telhook (requests, API calls), by the app (webhook
    /// attempts; null when no answer came).
    pub status: Option<u16>,
    /// Webhook attempts: the URL it was sent to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Webhook attempts: which attempt of the delivery (1 first; the request that answers a
    /// Basic challenge shares its number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attempt: Option<u32>,
    /// Webhook attempts: how the answer was taken, in `send`'s words (`acknowledged`,
    /// `challenged`, `failed`, `timeout`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<AttemptOutcome>,
    /// API calls: the body the emulator answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
}

/// A [`Record`] borrowed from the request it describes, written without copying it first: the
/// same fields in the same order, so the same line.
#[derive(Debug, Serialize)]
pub struct RecordRef<'a> {
    /// Always [`FORMAT`].
    pub format: u32,
    /// Always [`Kind::Request`].
    pub kind: Kind,
    pub received_at: &'a str,
    pub remote_addr: Option<&'a str>,
    pub method: &'a str,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub headers: std::borrow::Cow<'a, [(String, String)]>,
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

    /// Why a reader of webhooks passes over this record, if it does.
    pub fn not_a_webhook(&self) -> Option<PassOver> {
        if self.kind == Kind::Api {
            Some(PassOver::ApiCall)
        } else if self.verdict == Some(Verdict::Challenged)
            || self.outcome == Some(AttemptOutcome::Challenged)
        {
            Some(PassOver::ChallengeHalf)
        } else if !self.method.eq_ignore_ascii_case("POST") {
            Some(PassOver::NotPost)
        } else {
            None
        }
    }

    /// What a record of its kind must have beyond the fields all kinds share, and a format
    /// this telhook can read: the problem, if not.
    fn incomplete(&self) -> Option<String> {
        if self.format > FORMAT {
            return Some(format!(
                "`format` {} is newer than this telhook reads ({FORMAT}): upgrade telhook",
                self.format
            ));
        }
        match self.kind {
            Kind::Request if self.verdict.is_none() => Some("missing field `verdict`".into()),
            Kind::Request | Kind::Api if self.status.is_none() => {
                Some("missing field `status`".into())
            }
            _ => None,
        }
    }
}

/// Whether these captured headers hold an `Authorization` value [`redact_authorization`]
/// redacted.
pub fn has_redacted_credentials(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("authorization")
            && value.ends_with('>')
            && value.contains("<redacted")
    })
}

/// The raw bytes of a head (a request refused before it was whole) with each `Authorization`
/// line's value redacted as [`redact_authorization`] does; every other byte kept.
pub fn redact_raw_authorization(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        let name = b"authorization:";
        let is_credentials =
            line.len() >= name.len() && line[..name.len()].eq_ignore_ascii_case(name);
        if !is_credentials {
            out.extend_from_slice(line);
            continue;
        }
        let value = String::from_utf8_lossy(&line[name.len()..]);
        let (value, cr) = match value.strip_suffix('\r') {
            Some(v) => (v, "\r"),
            None => (&value[..], ""),
        };
        let header = [("Authorization".to_string(), value.trim().to_string())];
        let redacted = &redact_authorization(&header)[0].1;
        out.extend_from_slice(&line[..name.len()]);
        out.extend_from_slice(format!(" {redacted}{cr}").as_bytes());
    }
    out
}

/// Headers as a capture keeps them: verbatim with `credentials` (`--capture-credentials`),
/// else with their `Authorization` values redacted (borrowed when there is none to redact).
pub fn headers_kept(
    headers: &[(String, String)],
    credentials: bool,
) -> std::borrow::Cow<'_, [(String, String)]> {
    let has_credentials = headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("authorization"));
    if credentials || !has_credentials {
        std::borrow::Cow::Borrowed(headers)
    } else {
        std::borrow::Cow::Owned(redact_authorization(headers))
    }
}

/// Authorization values as a capture keeps them by default: the scheme and, for Basic, the
/// user; never the key or password (`Bearer <redacted>`, `Basic <redacted user=bw>`).
pub fn redact_authorization(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            if !name.eq_ignore_ascii_case("authorization") {
                return (name.clone(), value.clone());
            }
            let redacted = match value.split_once(' ') {
                Some((scheme, rest)) if scheme.eq_ignore_ascii_case("basic") => {
                    let user = STANDARD
                        .decode(rest.trim())
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                        .and_then(|pair| pair.split_once(':').map(|(u, _)| u.to_string()));
                    match user {
                        Some(user) => format!("{scheme} <redacted user={user}>"),
                        None => format!("{scheme} <redacted>"),
                    }
                }
                Some((scheme, _)) => format!("{scheme} <redacted>"),
                None => "<redacted>".to_string(),
            };
            (name.clone(), redacted)
        })
        .collect()
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
            Ok(record) => return Line::checked(record),
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
            Ok(record) => Line::checked(record),
            Err(e) => Line::Broken(e.to_string()),
        }
    }

    fn checked(record: Record) -> Line {
        match record.incomplete() {
            None => Line::Record(Box::new(record)),
            Some(problem) => Line::Broken(problem),
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

/// What a capture line carries for a reader of webhook bodies (`validate`).
#[derive(Debug)]
pub enum Captured {
    /// The body of a webhook (a request received or a webhook attempt), or why it does not
    /// decode.
    Body(Result<Vec<u8>, base64::DecodeError>),
    /// An API call in the emulator's timeline: no webhook.
    ApiCall,
}

/// The body a capture line carries, whole record or hand-written (`body`, base64 when
/// `body_base64` is true); `None` when the line has no such body.
pub fn body_of(line: &str) -> Option<Captured> {
    #[derive(Deserialize)]
    struct BodyOnly {
        body: String,
        #[serde(default)]
        body_base64: bool,
        #[serde(default)]
        kind: Option<Kind>,
    }
    let only: BodyOnly = serde_json::from_str(line).ok()?;
    if only.kind == Some(Kind::Api) {
        return Some(Captured::ApiCall);
    }
    Some(Captured::Body(decode_body(&only.body, only.body_base64)))
}

fn decode_body(body: &str, base64: bool) -> Result<Vec<u8>, base64::DecodeError> {
    if base64 {
        STANDARD.decode(body)
    } else {
        Ok(body.as_bytes().to_vec())
    }
}

/// An append-only capture file shared by the request threads. A line is either written whole
/// or not at all: a write that fails part-way (a full disk) is cut back to where the line began,
/// and if even that fails the next line starts on a line of its own, so a reader skips exactly
/// the fragment and never sees a record glued onto one.
pub struct Writer {
    file: Mutex<Tail>,
}

struct Tail {
    file: File,
    /// The file may end inside a line (a fragment that could not be cut back, or a file that
    /// was found so): the next line starts with a newline.
    open_line: bool,
    /// The length of a regular file as this writer left it (`None`: not a regular file, which
    /// cannot be cut back): kept, so a write costs no `fstat`.
    len: Option<u64>,
}

impl Writer {
    pub fn open(path: &Path) -> std::io::Result<Self> {
        // Captures hold whole requests: only their owner reads them (a file that exists keeps
        // its mode).
        let open = |read: bool| {
            let mut options = OpenOptions::new();
            options.create(true).append(true).read(read);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            options.open(path)
        };
        // Read too, to see whether it ends inside a line; a file we may only write is taken
        // as it is.
        let file = match open(true) {
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => open(false)?,
            other => other?,
        };
        let len = file
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.len());
        let open_line = len.is_some_and(|len| ends_inside_a_line(&file, len));
        Ok(Writer {
            file: Mutex::new(Tail {
                file,
                open_line,
                len,
            }),
        })
    }

    /// Append one record ([`Record`] or [`RecordRef`]) as one line, in a single write, and
    /// flush it to the OS. On an error nothing of the line stays in the file (or, where it
    /// cannot be cut back, the next line begins on a fresh one).
    pub fn append(&self, record: &impl Serialize) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(record)?;
        line.push(b'\n');
        let mut tail = self
            .file
            .lock()
            .map_err(|_| std::io::Error::other("capture file lock poisoned"))?;
        if tail.open_line {
            line.insert(0, b'\n');
        }
        let mut written = 0usize;
        let result = loop {
            match tail.file.write(&line[written..]) {
                Ok(0) => break Err(std::io::Error::from(std::io::ErrorKind::WriteZero)),
                Ok(n) => {
                    written += n;
                    if written == line.len() {
                        break tail.file.flush();
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        if let Err(e) = result {
            // Cut back to where this line began, only if the file is exactly as this writer left
            // it plus this write: if anything else grew it (another process appending to it),
            // nothing is cut and the next line starts fresh.
            let now = tail.file.metadata().ok().map(|m| m.len());
            let ours = tail.len.filter(|len| now == Some(len + written as u64));
            let cut = ours.is_some_and(|len| tail.file.set_len(len).is_ok());
            if !cut {
                tail.open_line = true;
                tail.len = tail.len.and(now);
            }
            return Err(e);
        }
        tail.open_line = false;
        if let Some(len) = &mut tail.len {
            *len += written as u64;
        }
        Ok(())
    }
}

/// Whether a regular file of `len` bytes ends in a fragment (its last byte is not a newline).
fn ends_inside_a_line(file: &File, len: u64) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    if len == 0 {
        return false;
    }
    let mut reader = file;
    let mut last = [0u8; 1];
    let read = reader
        .seek(SeekFrom::End(-1))
        .and_then(|_| reader.read_exact(&mut last));
    read.is_ok() && last[0] != b'\n'
}

/// The lines of a capture file by number (blank ones skipped), each a record or why it is not
/// one (a line torn by a full disk or a crash, or another file's): a bad line stops no other
/// from being read, as `validate` and `replay` read captures too.
pub fn read(path: &Path) -> anyhow::Result<Vec<(usize, Result<Record, String>)>> {
    use anyhow::Context;
    let bytes =
        std::fs::read(path).with_context(|| format!("reading capture file {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record = match Line::parse(line) {
            Line::Record(record) => Ok(*record),
            Line::Broken(problem) => Err(problem),
            Line::Json(_) => Err("a JSON value, not a capture record".to_string()),
            Line::NotJson(e) => Err(format!("not JSON ({e}), a torn or foreign line")),
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
            format: FORMAT,
            kind: Kind::Request,
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
            verdict: Some(Verdict::Accepted),
            reason: None,
            status: Some(200),
            url: None,
            attempt: None,
            outcome: None,
            answer: None,
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
            r.status = Some(200 + i);
            w.append(&r).unwrap();
        }
        let back = read(&path).unwrap();
        assert_eq!(back.len(), 3);
        assert_eq!(back[2].0, 3);
        let records: Vec<&Record> = back.iter().map(|(_, r)| r.as_ref().unwrap()).collect();
        assert_eq!(records[2].status, Some(202));
        assert_eq!(records[0].header("content-type"), Some("application/json"));
    }

    #[test]
    fn format_1_lines_still_read_as_requests_and_a_newer_format_is_named() {
        let v1 = r#"{"received_at":"2026-01-01T00:00:00.000000Z","remote_addr":null,"method":"POST","path":"/","query":null,"headers":[],"body":"{}","body_base64":false,"provider":null,"event":null,"event_id":null,"verdict":"accepted","reason":null,"status":200}"#;
        let Line::Record(r) = Line::parse(v1.as_bytes()) else {
            panic!("a format-1 line is a record")
        };
        assert_eq!((r.format, r.kind, r.status), (1, Kind::Request, Some(200)));
        let v3 = v1.replacen('{', r#"{"format":3,"#, 1);
        match Line::parse(v3.as_bytes()) {
            Line::Broken(why) => assert!(why.contains("upgrade telhook"), "{why}"),
            other => panic!("{other:?}"),
        }
        let no_verdict = v1.replace(r#""verdict":"accepted","#, "");
        assert!(matches!(
            Line::parse(no_verdict.as_bytes()),
            Line::Broken(_)
        ));
        // A webhook attempt that got no answer has no status and no verdict.
        let attempt = v1
            .replacen('{', r#"{"format":2,"kind":"webhook","#, 1)
            .replace(r#""verdict":"accepted","#, "")
            .replace(
                r#""status":200"#,
                r#""status":null,"attempt":2,"outcome":"timeout""#,
            );
        let Line::Record(r) = Line::parse(attempt.as_bytes()) else {
            panic!("{attempt}")
        };
        assert_eq!(
            (r.kind, r.attempt, r.status),
            (Kind::Webhook, Some(2), None)
        );
        let api = v1.replacen('{', r#"{"format":2,"kind":"api","#, 1);
        let Line::Record(r) = Line::parse(api.as_bytes()) else {
            panic!("{api}")
        };
        assert_eq!(r.not_a_webhook(), Some(PassOver::ApiCall));
        assert!(matches!(body_of(&api), Some(Captured::ApiCall)));
    }

    #[test]
    fn authorization_keeps_its_scheme_and_basic_user_only() {
        let headers = |v: &str| vec![("Authorization".to_string(), v.to_string())];
        let basic = format!("Basic {}", STANDARD.encode("bw:s3cret"));
        assert_eq!(
            redact_authorization(&headers(&basic))[0].1,
            "Basic <redacted user=bw>"
        );
        assert_eq!(
            redact_authorization(&headers("Bearer KEY0123"))[0].1,
            "Bearer <redacted>"
        );
        assert_eq!(
            redact_authorization(&headers("Basic !!"))[0].1,
            "Basic <redacted>"
        );
        assert_eq!(redact_authorization(&headers("token"))[0].1, "<redacted>");
        let other = vec![("X-A".to_string(), "Bearer kept".to_string())];
        assert_eq!(redact_authorization(&other), other);
    }

    #[test]
    fn a_file_that_ends_in_a_fragment_gets_its_next_record_on_a_line_of_its_own() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        std::fs::write(&path, b"{\"received_at\":\"2026-01-01T00:00:00").unwrap();
        let w = Writer::open(&path).unwrap();
        w.append(&record()).unwrap();
        w.append(&record()).unwrap();
        let lines = read(&path).unwrap();
        let numbers: Vec<(usize, bool)> = lines.iter().map(|(n, r)| (*n, r.is_ok())).collect();
        assert_eq!(numbers, [(1, false), (2, true), (3, true)]);
    }

    #[test]
    fn a_raw_head_keeps_every_byte_but_its_credentials() {
        let basic = STANDARD.encode("bw:s3cret");
        let mut head = format!("POST / HTTP/1.1\r\nHost: x\r\nauthorization: Basic {basic}\r\nX: ")
            .into_bytes();
        head.extend_from_slice(b"\xff\r\n\r\n");
        let mut want =
            b"POST / HTTP/1.1\r\nHost: x\r\nauthorization: Basic <redacted user=bw>\r\nX: "
                .to_vec();
        want.extend_from_slice(b"\xff\r\n\r\n");
        assert_eq!(redact_raw_authorization(&head), want);
        let cut = b"POST / HTTP/1.1\r\nAuthorization: Bearer KEY123";
        assert_eq!(
            redact_raw_authorization(cut),
            b"POST / HTTP/1.1\r\nAuthorization: Bearer <redacted>"
        );
    }
}
