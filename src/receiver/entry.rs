//! One request as the receiver saw and judged it: the single value that both the printed line
//! (text or `--json`) and the capture record come from.

use serde::Serialize;
use serde_json::Value;

use crate::capture::{RecordRef, Verdict, body_text};
use crate::catalog::{Event, Provider};
use crate::ui::{Ui, sanitize};

/// A request, what it was, and how it was answered.
#[derive(Debug, Clone)]
pub struct Entry {
    /// RFC 3339, microseconds, UTC.
    pub received_at: String,
    pub remote_addr: Option<String>,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// In arrival order, names as sent.
    pub headers: Vec<(String, String)>,
    /// The body exactly as received (for a body over the limit: the part read).
    pub body: Vec<u8>,
    pub provider: Option<Provider>,
    pub event: Option<&'static Event>,
    pub event_id: Option<String>,
    /// The facts that matter about the event, in a few words.
    pub facts: String,
    pub verdict: Verdict,
    /// Why it was rejected, challenged or left unverified.
    pub reason: Option<String>,
    /// The status answered.
    pub status: u16,
    pub duplicate: bool,
    pub out_of_order: bool,
    /// `pointer: message` for each schema violation.
    pub schema_errors: Vec<String>,
    /// The app's status and answer time, with `--forward-to`.
    pub forwarded: Option<(u16, u64)>,
}

/// An [`Entry`] as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct EventLine<'a> {
    received_at: &'a str,
    method: &'a str,
    path: &'a str,
    provider: Option<Provider>,
    event: Option<&'static str>,
    event_id: Option<&'a str>,
    facts: &'a str,
    verdict: Verdict,
    reason: Option<&'a str>,
    status: u16,
    duplicate: bool,
    out_of_order: bool,
    schema_errors: &'a [String],
    forward_status: Option<u16>,
    forward_ms: Option<u64>,
}

impl Entry {
    /// The catalog name of the event, if recognised.
    pub fn event_name(&self) -> Option<&'static str> {
        self.event.map(|e| e.name)
    }

    /// The capture record as the capture file's reader gets it back.
    #[cfg(test)]
    pub fn record(&self) -> crate::capture::Record {
        let line = serde_json::to_vec(&self.record_ref()).unwrap();
        match crate::capture::Line::parse(&line) {
            crate::capture::Line::Record(record) => *record,
            _ => panic!("not a record: {}", String::from_utf8_lossy(&line)),
        }
    }

    /// The capture record, borrowed (what the capture file gets).
    pub fn record_ref(&self) -> RecordRef<'_> {
        let (body, body_base64) = body_text(&self.body);
        RecordRef {
            received_at: &self.received_at,
            remote_addr: self.remote_addr.as_deref(),
            method: &self.method,
            path: &self.path,
            query: self.query.as_deref(),
            headers: &self.headers,
            body,
            body_base64,
            provider: self.provider.map(Provider::name),
            event: self.event_name(),
            event_id: self.event_id.as_deref(),
            verdict: self.verdict,
            reason: self.reason.as_deref(),
            status: self.status,
        }
    }

    /// The `--json` line.
    pub fn line(&self) -> EventLine<'_> {
        EventLine {
            received_at: &self.received_at,
            method: &self.method,
            path: &self.path,
            provider: self.provider,
            event: self.event_name(),
            event_id: self.event_id.as_deref(),
            facts: &self.facts,
            verdict: self.verdict,
            reason: self.reason.as_deref(),
            status: self.status,
            duplicate: self.duplicate,
            out_of_order: self.out_of_order,
            schema_errors: &self.schema_errors,
            forward_status: self.forwarded.map(|f| f.0),
            forward_ms: self.forwarded.map(|f| f.1),
        }
    }

    /// The text line (with `-v`, the headers and the body under it).
    pub fn text(&self, ui: &Ui) -> String {
        let time = self.received_at.get(11..23).unwrap_or_default();
        let provider = self.provider.map_or("unknown", Provider::name);
        let event = self.event_name().unwrap_or(if self.provider.is_some() {
            "unrecognised"
        } else {
            "-"
        });
        let mut verdict = match self.verdict {
            Verdict::Verified => ui.pass("verified"),
            Verdict::Accepted => ui.pass("accepted"),
            Verdict::Unverified => "? unverified".to_string(),
            Verdict::Challenged => ui.neutral("challenged"),
            Verdict::Rejected => ui.fail("rejected"),
        };
        if let Some(r) = &self.reason {
            verdict.push_str(&format!(": {}", sanitize(r)));
        }
        let mut marks = String::new();
        if self.duplicate {
            marks.push_str(" [duplicate]");
        }
        if self.out_of_order {
            marks.push_str(" [out-of-order]");
        }
        if let Some(first) = self.schema_errors.first() {
            let n = self.schema_errors.len();
            marks.push_str(&format!(
                " [schema: {n} error{}: {}]",
                if n == 1 { "" } else { "s" },
                sanitize(first)
            ));
        }
        if let Some((status, ms)) = self.forwarded {
            marks.push_str(&format!(" [app: {status} in {ms} ms]"));
        }
        let mut out = vec![format!(
            "{time} {provider:<9} {event:<24} {} {} {verdict} → {}{marks}",
            sanitize(&self.path),
            sanitize(&self.facts),
            self.status
        )];
        if ui.verbose > 0 {
            for (n, v) in &self.headers {
                let shown = if n.eq_ignore_ascii_case("authorization") {
                    "<redacted>"
                } else {
                    v.as_str()
                };
                out.push(format!("    {}: {}", sanitize(n), sanitize(shown)));
            }
            let pretty = serde_json::from_slice::<Value>(&self.body)
                .ok()
                .and_then(|v| serde_json::to_string_pretty(&v).ok())
                .unwrap_or_else(|| String::from_utf8_lossy(&self.body).into_owned());
            for l in pretty.lines() {
                out.push(format!("    {}", sanitize(l)));
            }
        }
        out.join("\n")
    }
}
