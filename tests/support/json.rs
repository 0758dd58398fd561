//! The machine output of `telhook listen` as test-side types. Output is an API: each type
//! denies unknown fields, and [`parse`] also requires that the type serializes back to the very
//! same line, so a field added, dropped, renamed or moved in the binary is a deliberate change
//! here (`src/commands/listen.rs`: `EventLine`, `Summary`, `Listening`; `src/capture.rs`:
//! `Record`; `src/output.rs`: the `emulate messages|reset|settle` lines).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One JSON line parsed strictly: no unknown field, none missing, same order, same bytes.
#[track_caller]
pub fn parse<T: DeserializeOwned + Serialize>(line: &str) -> T {
    let value: T = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        line,
        "the line does not round-trip through {}: a field is missing, added or out of order",
        std::any::type_name::<T>()
    );
    value
}

/// The first `listen --json` line: where the listener is.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Listening {
    #[serde(rename = "type")]
    pub kind: String,
    pub addr: String,
    pub url: String,
}

/// One request, as `listen --json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: String,
    pub received_at: String,
    pub method: String,
    pub path: String,
    pub provider: Option<String>,
    pub event: Option<String>,
    pub event_id: Option<String>,
    pub facts: String,
    pub verdict: String,
    pub reason: Option<String>,
    pub status: u16,
    pub duplicate: bool,
    pub out_of_order: bool,
    pub schema_errors: Vec<String>,
    pub forward_status: Option<u16>,
    pub forward_ms: Option<u64>,
}

/// The last `listen --json` line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    #[serde(rename = "type")]
    pub kind: String,
    pub requests: usize,
    pub rejected: usize,
    /// "provider event verdict" -> count
    pub counts: BTreeMap<String, usize>,
}

/// One line of a `listen --capture` file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Capture {
    /// The capture format's version: 2.
    pub format: u32,
    /// `request`: a request listen received.
    pub kind: String,
    pub received_at: String,
    pub remote_addr: Option<String>,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub body_base64: bool,
    pub provider: Option<String>,
    pub event: Option<String>,
    pub event_id: Option<String>,
    pub verdict: String,
    pub reason: Option<String>,
    pub status: u16,
}

/// One `emulate messages --json` line: a message the emulator keeps.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Message {
    #[serde(rename = "type")]
    pub kind: String,
    pub provider: String,
    pub id: String,
    pub message: serde_json::Value,
}

/// The `emulate reset --json` line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reset {
    #[serde(rename = "type")]
    pub kind: String,
    pub forgotten: u64,
}

/// The `emulate settle --json` line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Settle {
    #[serde(rename = "type")]
    pub kind: String,
    pub settled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Event {
    /// An `event` line.
    #[track_caller]
    pub fn parse(line: &str) -> Self {
        let e: Event = parse(line);
        assert_eq!(e.kind, "event", "{line}");
        e
    }
}

impl Summary {
    /// A `summary` line.
    #[track_caller]
    pub fn parse(line: &str) -> Self {
        let s: Summary = parse(line);
        assert_eq!(s.kind, "summary", "{line}");
        s
    }
}

impl Listening {
    /// A `listening` line.
    #[track_caller]
    pub fn parse(line: &str) -> Self {
        let l: Listening = parse(line);
        assert_eq!(l.kind, "listening", "{line}");
        l
    }
}

impl Capture {
    /// Every record of a capture file, in order.
    #[track_caller]
    pub fn read(path: &std::path::Path) -> Vec<Capture> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|line| {
                let record: Capture = parse(line);
                assert_eq!(
                    (record.format, record.kind.as_str()),
                    (2, "request"),
                    "{line}"
                );
                record
            })
            .collect()
    }

    /// The body bytes exactly as received.
    pub fn body_bytes(&self) -> Vec<u8> {
        use base64::Engine as _;
        if self.body_base64 {
            base64::engine::general_purpose::STANDARD
                .decode(&self.body)
                .unwrap()
        } else {
            self.body.as_bytes().to_vec()
        }
    }

    /// The first value of a header (names compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
