//! One request as the receiver saw and judged it: the single value that both the printed line
//! (text or `--json`) and the capture record come from.

use serde::Serialize;
use serde_json::Value;

use crate::capture::{RecordRef, Verdict, body_text};
use crate::catalog::{Event, Provider};
use crate::ui::{Part, Ui, column, sanitize};

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
        let line = serde_json::to_vec(&self.record_ref(false)).unwrap();
        match crate::capture::Line::parse(&line) {
            crate::capture::Line::Record(record) => *record,
            _ => panic!("not a record: {}", String::from_utf8_lossy(&line)),
        }
    }

    /// The capture record, borrowed (what the capture file gets): `Authorization` values
    /// redacted to their scheme and Basic user unless `credentials`.
    pub fn record_ref(&self, credentials: bool) -> RecordRef<'_> {
        let (body, body_base64) = body_text(&self.body);
        let headers = crate::capture::headers_kept(&self.headers, credentials);
        RecordRef {
            format: crate::capture::FORMAT,
            kind: crate::capture::Kind::Request,
            received_at: &self.received_at,
            remote_addr: self.remote_addr.as_deref(),
            method: &self.method,
            path: &self.path,
            query: self.query.as_deref(),
            headers,
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
        self.text_with(ui, self.reason.as_deref())
    }

    /// The text line, a reason already given in full (it is in `said`) shortened to its first
    /// words and `(see above)`; a reason given for the first time is added to `said`.
    pub fn text_once(&self, ui: &Ui, said: &mut std::collections::HashSet<String>) -> String {
        let Some(reason) = self.reason.as_deref() else {
            return self.text(ui);
        };
        if said.insert(reason.to_string()) {
            return self.text(ui);
        }
        match referred(reason) {
            Some(short) => self.text_with(ui, Some(&short)),
            None => self.text(ui),
        }
    }

    /// The text line with `reason` for the entry's. Only the time, provider and event are
    /// columns; on a width the line is fitted: the schema note, then the reason (to 18
    /// columns), then the facts (to 10), then the path (to 2) are cut with `…`.
    fn text_with(&self, ui: &Ui, reason: Option<&str>) -> String {
        let time = self.received_at.get(11..23).unwrap_or_default();
        let provider = self.provider.map_or("unknown", Provider::name);
        let event = self.event_name().unwrap_or(if self.provider.is_some() {
            "unrecognised"
        } else {
            "-"
        });
        let verdict = match self.verdict {
            Verdict::Verified => ui.pass("verified"),
            Verdict::Accepted => ui.pass("accepted"),
            Verdict::Unverified => "? unverified".to_string(),
            Verdict::Challenged => ui.neutral("challenged"),
            Verdict::Rejected => ui.fail("rejected"),
        };
        let mut parts = vec![
            Part::fixed(format!(
                "{time} {provider:<9} {} ",
                column(event, ui.event_column(event, event_column(ui.width())))
            )),
            // The path: listen serves every path unless --path.
            Part::free(format!("{} ", sanitize(&self.path)), 2),
            Part::free(sanitize(&self.facts), 10),
            Part::fixed(" "),
            Part::fixed(verdict),
        ];
        if let Some(r) = reason {
            parts.push(Part::free(format!(": {}", sanitize(r)), 18));
        }
        parts.push(Part::fixed(format!(" → {}", self.status)));
        let mut marks = String::new();
        if self.duplicate {
            marks.push_str(" [duplicate]");
        }
        if self.out_of_order {
            marks.push_str(" [out-of-order]");
        }
        parts.push(Part::fixed(marks));
        if let Some(first) = self.schema_errors.first() {
            let n = self.schema_errors.len();
            parts.push(Part::free(
                format!(
                    " [schema: {n} error{}: {}]",
                    if n == 1 { "" } else { "s" },
                    sanitize(first)
                ),
                12,
            ));
        }
        if let Some((status, ms)) = self.forwarded {
            parts.push(Part::fixed(format!(" [app: {status} in {ms} ms]")));
        }
        let mut out = vec![ui.fit(&parts)];
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

/// The event column of the line: as wide as the longest name in the catalog; on a width, at
/// most a quarter of it (12 at least), longer names cut with `…`.
fn event_column(width: Option<usize>) -> usize {
    let longest = crate::catalog::longest_name();
    width.map_or(longest, |w| longest.min((w / 4).max(12)))
}

/// A reason said before, in short: its words up to the explanation (what follows the first
/// `: ` or ` (`), then `(see above)`. `None` when it has no explanation to leave out.
fn referred(reason: &str) -> Option<String> {
    let head = [": ", " ("]
        .iter()
        .filter_map(|sep| reason.find(sep))
        .min()?;
    Some(format!("{} (see above)", &reason[..head]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::display_width;
    use std::collections::HashSet;

    fn entry(event: &str, facts: &str, verdict: Verdict, reason: Option<&str>) -> Entry {
        Entry {
            received_at: "2026-03-04T05:06:07.123456Z".into(),
            remote_addr: None,
            method: "POST".into(),
            path: "/".into(),
            query: None,
            headers: Vec::new(),
            body: Vec::new(),
            provider: Some(Provider::Telnyx),
            event: crate::catalog::find(Provider::Telnyx, event)
                .ok()
                .map(|f| f.event),
            event_id: None,
            facts: facts.into(),
            verdict,
            reason: reason.map(str::to_string),
            status: if verdict == Verdict::Rejected {
                403
            } else {
                200
            },
            duplicate: false,
            out_of_order: false,
            schema_errors: Vec::new(),
            forwarded: None,
        }
    }

    const LONG: &str = "messaging_hosted_numbers_orders.internal_transfer_approval_requested";
    const FACTS: &str = "+12135550109 → +17025550162 \"Running 10 min late, save me a seat\"";
    const WHY: &str = "signature does not match: not a trailing newline, CRLF line endings, \
                       re-serialized JSON or a re-spelled timestamp";

    #[test]
    fn without_a_width_the_line_is_whole_and_names_are_padded_to_the_widest_so_far() {
        let ui = Ui::plain();
        let short = || entry("message.received", FACTS, Verdict::Rejected, Some(WHY)).text(&ui);
        let line = |pad: usize| {
            let pad = " ".repeat(pad - "message.received".len());
            format!(
                "05:06:07.123 telnyx    message.received{pad} / {FACTS} ✗ rejected: {WHY} → 403"
            )
        };
        assert_eq!(short(), line(crate::ui::EVENT_COLUMN_BASE));
        let long = entry(LONG, "x", Verdict::Verified, None).text(&ui);
        assert_eq!(
            long,
            format!("05:06:07.123 telnyx    {LONG} / x ✓ verified → 200")
        );
        // From the long name on, the column is as wide as it.
        assert_eq!(short(), line(LONG.len()));
    }

    #[test]
    fn on_a_width_the_reason_then_the_facts_give_way_and_the_status_stays() {
        let ui = Ui::plain().with_width(Some(100));
        let rejected = entry("message.received", FACTS, Verdict::Rejected, Some(WHY)).text(&ui);
        assert_eq!(display_width(&rejected), 100, "{rejected}");
        assert!(rejected.ends_with("… → 403"), "{rejected}");
        assert!(
            rejected.contains(" ✗ rejected: signature does"),
            "{rejected}"
        );
        let verified = entry(LONG, FACTS, Verdict::Verified, None).text(&ui);
        assert!(display_width(&verified) <= 100, "{verified}");
        // The name is cut to the column (a quarter of the width), the facts start after it.
        assert!(
            verified.starts_with("05:06:07.123 telnyx    messaging_hosted_numbers… / +1213"),
            "{verified}"
        );
        assert!(verified.ends_with("… ✓ verified → 200"), "{verified}");
        let short = entry("message.received", FACTS, Verdict::Verified, None).text(&ui);
        let facts_at = |l: &str| display_width(&l[..l.find("+1213").unwrap()]);
        assert_eq!(facts_at(&short), facts_at(&verified), "aligned");
    }

    #[test]
    fn a_reason_said_before_is_given_in_its_first_words_and_refers_back() {
        let ui = Ui::plain();
        let challenge = "no Authorization header (Bandwidth sends credentials only after a 401 \
                         challenge)";
        let mut said = HashSet::new();
        let first = entry(
            "message.received",
            "f",
            Verdict::Challenged,
            Some(challenge),
        );
        assert!(first.text_once(&ui, &mut said).contains(challenge));
        let again = first.text_once(&ui, &mut said);
        assert!(
            again.ends_with(" f ↺ challenged: no Authorization header (see above) → 200"),
            "{again}"
        );
        // Another reason is said in full the first time; one without an explanation stays.
        let other = entry("message.received", "f", Verdict::Rejected, Some(WHY));
        assert!(other.text_once(&ui, &mut said).contains(WHY));
        assert!(
            other
                .text_once(&ui, &mut said)
                .ends_with("✗ rejected: signature does not match (see above) → 403")
        );
        let plain = entry("message.received", "f", Verdict::Rejected, Some("too old"));
        plain.text_once(&ui, &mut said);
        assert!(
            plain
                .text_once(&ui, &mut said)
                .ends_with("✗ rejected: too old → 403")
        );
    }
}
