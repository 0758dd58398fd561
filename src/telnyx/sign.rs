//! `telnyx::sign` and `telnyx::verify`: Ed25519 over `{timestamp}|{raw body}`, checked the way
//! the current official SDKs check it, with a diagnosis of the usual reasons a signature fails.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use serde::Serialize;
use serde_json::Value;

use super::{SIGNATURE_HEADER, TIMESTAMP_HEADER};
use crate::signing::{KeyError, PrivateKey, PublicKey};

/// The bytes that are signed: the timestamp header value verbatim, `|`, the raw body.
pub fn signed_message(timestamp: &str, body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(timestamp.len() + 1 + body.len());
    m.extend_from_slice(timestamp.as_bytes());
    m.push(b'|');
    m.extend_from_slice(body);
    m
}

/// The `telnyx-signature-ed25519` value for a body sent at `timestamp`: standard padded base64.
pub fn sign(key: &PrivateKey, timestamp: &str, body: &[u8]) -> String {
    STANDARD.encode(key.sign(&signed_message(timestamp, body)))
}

/// Everything a verification looks at.
#[derive(Debug, Clone)]
pub struct VerifyRequest<'a> {
    pub body: &'a [u8],
    /// `None`: the header is missing (or empty).
    pub signature: Option<&'a str>,
    pub timestamp: Option<&'a str>,
    /// The key, or why the key given is unusable.
    pub key: Result<PublicKey, KeyError>,
    /// Unix seconds of the verifier's clock.
    pub now: i64,
    /// `None` turns the age check off.
    pub tolerance: Option<u64>,
    /// Other keys to try when the signature does not match (to name the wrong-key culprit),
    /// each with a label such as "the key in $TELNYX_PUBLIC_KEY".
    pub other_keys: &'a [(String, PublicKey)],
}

/// One reason a webhook fails verification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("missing header {0}")]
    MissingHeader(&'static str),
    #[error("{SIGNATURE_HEADER} is not standard base64: {0}")]
    SignatureNotBase64(String),
    #[error(
        "{SIGNATURE_HEADER} decodes to {0} bytes; an Ed25519 signature is 64 bytes (88 base64 characters ending in `==`)"
    )]
    SignatureLength(usize),
    #[error("{0}")]
    Key(KeyError),
    #[error(
        "{TIMESTAMP_HEADER} `{0}` is not an integer; Telnyx sends Unix seconds as plain digits"
    )]
    TimestampNotInteger(String),
    #[error(
        "{TIMESTAMP_HEADER} is {age} s old, {excess} s beyond the {tolerance} s tolerance (replayed or delayed delivery, or a slow clock)"
    )]
    TooOld {
        age: u64,
        excess: u64,
        tolerance: u64,
    },
    #[error(
        "{TIMESTAMP_HEADER} is {ahead} s in the future, {excess} s beyond the {tolerance} s tolerance (the sender's or this machine's clock is off)"
    )]
    InFuture {
        ahead: u64,
        excess: u64,
        tolerance: u64,
    },
    #[error("signature does not match: {0}")]
    Mismatch(Culprit),
}

impl Problem {
    /// A stable machine-readable name, for `--json`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::MissingHeader(_) => "missing_header",
            Problem::SignatureNotBase64(_) => "signature_not_base64",
            Problem::SignatureLength(_) => "signature_length",
            Problem::Key(_) => "bad_key",
            Problem::TimestampNotInteger(_) => "timestamp_not_integer",
            Problem::TooOld { .. } => "timestamp_too_old",
            Problem::InFuture { .. } => "timestamp_in_future",
            Problem::Mismatch(c) => c.code(),
        }
    }

    /// Does this problem concern the timestamp's age only (so a capture replayed later would
    /// otherwise verify)?
    pub fn is_age(&self) -> bool {
        matches!(self, Problem::TooOld { .. } | Problem::InFuture { .. })
    }
}

/// What explains a signature mismatch.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Culprit {
    #[error(
        "a trailing newline was added to the body after signing; verify the raw bytes as received"
    )]
    TrailingNewline,
    #[error(
        "the body's line endings were changed to CRLF after signing; verify the raw bytes as received"
    )]
    Crlf,
    #[error(
        "the body was re-serialized: it was signed as {signed_as} but is now {now_as}; verify the raw request body, before any JSON parsing"
    )]
    Reserialized { signed_as: String, now_as: String },
    #[error(
        "the body's keys were reordered after signing: it was signed as {signed_as}, and only the order of its keys has changed; verify the raw request body, before any JSON parsing"
    )]
    KeysReordered { signed_as: String },
    #[error(
        "the timestamp was re-spelled: it was signed as `{signed_as}` but the header says `{header}`; pass the header value through verbatim"
    )]
    TimestampSpelling { signed_as: String, header: String },
    #[error("it was signed by a different key: {0} verifies it")]
    WrongKey(String),
    #[error(
        "not a trailing newline, CRLF line endings, re-serialized JSON or a re-spelled timestamp; the body was changed some other way, or it was signed by a different key than the one given (use the key under Keys & Credentials > Public Key of the account that sent it)"
    )]
    Unknown,
}

impl Culprit {
    pub fn code(&self) -> &'static str {
        match self {
            Culprit::TrailingNewline => "mismatch_trailing_newline",
            Culprit::Crlf => "mismatch_crlf",
            Culprit::Reserialized { .. } => "mismatch_reserialized",
            Culprit::KeysReordered { .. } => "mismatch_keys_reordered",
            Culprit::TimestampSpelling { .. } => "mismatch_timestamp_spelling",
            Culprit::WrongKey(_) => "mismatch_wrong_key",
            Culprit::Unknown => "mismatch",
        }
    }
}

/// A problem in the shape `--json` prints.
#[derive(Debug, Serialize)]
pub struct ProblemReport {
    pub code: &'static str,
    pub message: String,
}

impl From<&Problem> for ProblemReport {
    fn from(p: &Problem) -> Self {
        ProblemReport {
            code: p.code(),
            message: p.to_string(),
        }
    }
}

/// Check a webhook as the current SDKs do and return every reason it fails (empty: valid).
/// Unlike an SDK, it does not stop at the first failure: every independent check runs.
pub fn verify(req: &VerifyRequest<'_>) -> Vec<Problem> {
    verify_with(req, &|key, message, signature| {
        key.verifies(message, signature)
    })
}

/// An Ed25519 check: does `signature` verify `message` under the key?
type Check<'c> = &'c dyn Fn(&PublicKey, &[u8], &[u8; 64]) -> bool;

/// [`verify`] with the Ed25519 check it makes given, so the tests can count the checks a
/// diagnosis costs.
fn verify_with(req: &VerifyRequest<'_>, verifies: Check<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let signature = match req.signature.filter(|s| !s.is_empty()) {
        None => {
            problems.push(Problem::MissingHeader(SIGNATURE_HEADER));
            None
        }
        Some(s) => match decode_signature(s) {
            Ok(sig) => Some(sig),
            Err(p) => {
                problems.push(p);
                None
            }
        },
    };
    let timestamp = req.timestamp.filter(|t| !t.is_empty());
    match timestamp {
        None => problems.push(Problem::MissingHeader(TIMESTAMP_HEADER)),
        Some(ts) => match ts.parse::<i64>() {
            Ok(secs) if ts.bytes().all(|b| b.is_ascii_digit()) => {
                if let Some(p) = req
                    .tolerance
                    .and_then(|tol| age_problem(req.now, secs, tol))
                {
                    problems.push(p);
                }
            }
            _ => problems.push(Problem::TimestampNotInteger(ts.to_string())),
        },
    }
    let key = match &req.key {
        Ok(k) => Some(*k),
        Err(e) => {
            problems.push(Problem::Key(e.clone()));
            None
        }
    };
    if let (Some(sig), Some(ts), Some(key)) = (signature, timestamp, key)
        && !verifies(&key, &signed_message(ts, req.body), &sig)
    {
        problems.push(Problem::Mismatch(diagnose(req, &key, ts, &sig, verifies)));
    }
    problems
}

fn age_problem(now: i64, ts: i64, tolerance: u64) -> Option<Problem> {
    let diff = now.saturating_sub(ts);
    let distance = diff.unsigned_abs();
    if distance <= tolerance {
        return None;
    }
    let excess = distance - tolerance;
    Some(if diff > 0 {
        Problem::TooOld {
            age: distance,
            excess,
            tolerance,
        }
    } else {
        Problem::InFuture {
            ahead: distance,
            excess,
            tolerance,
        }
    })
}

fn decode_signature(s: &str) -> Result<[u8; 64], Problem> {
    if s.len() == 128 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Problem::SignatureNotBase64(
            "it is hex (128 characters); Telnyx sends base64".to_string(),
        ));
    }
    let bytes = match STANDARD.decode(s) {
        Ok(b) => b,
        Err(_) => return Err(Problem::SignatureNotBase64(why_not_base64(s))),
    };
    <[u8; 64]>::try_from(bytes.as_slice()).map_err(|_| Problem::SignatureLength(bytes.len()))
}

/// Name the way a signature header departs from standard padded base64.
fn why_not_base64(s: &str) -> String {
    let trimmed = s.trim();
    if trimmed.contains([',', ' '])
        && trimmed.split([',', ' ']).filter(|p| !p.is_empty()).count() > 1
    {
        return "it holds more than one value (Telnyx sends exactly one signature)".to_string();
    }
    if trimmed != s || s.contains(['\n', '\r', '\t']) {
        return "it has whitespace around or inside it".to_string();
    }
    if s.contains(['-', '_']) && (URL_SAFE.decode(s).is_ok() || URL_SAFE_NO_PAD.decode(s).is_ok()) {
        return "it uses the base64url alphabet (`-`, `_`); Telnyx uses standard base64 (`+`, `/`)"
            .to_string();
    }
    if STANDARD_NO_PAD.decode(s).is_ok() {
        return "its `=` padding is missing (current SDKs require it)".to_string();
    }
    let bad: String = s
        .chars()
        .filter(|c| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')))
        .take(3)
        .collect();
    if bad.is_empty() {
        "its length or padding is wrong".to_string()
    } else {
        format!("it contains characters outside the base64 alphabet: {bad:?}")
    }
}

/// The signature does not verify as given: find the change that explains it.
fn diagnose(
    req: &VerifyRequest<'_>,
    key: &PublicKey,
    ts: &str,
    sig: &[u8; 64],
    verifies: Check<'_>,
) -> Culprit {
    let body = req.body;
    let ok = |timestamp: &str, body: &[u8]| verifies(key, &signed_message(timestamp, body), sig);

    // A re-spelled timestamp: leading zeros, sign, spaces, a fractional part.
    if let Some(canonical) = canonical_timestamp(ts)
        && canonical != ts
        && ok(&canonical, body)
    {
        return Culprit::TimestampSpelling {
            signed_as: canonical,
            header: ts.to_string(),
        };
    }
    let ts = canonical_timestamp(ts).unwrap_or_else(|| ts.to_string());
    let ts = ts.as_str();

    if without_added_newlines(body)
        .into_iter()
        .any(|signed| ok(ts, signed))
    {
        return Culprit::TrailingNewline;
    }
    if body.windows(2).any(|w| w == b"\r\n") {
        let lf = replace(body, b"\r\n", b"\n");
        if ok(ts, &lf) {
            return Culprit::Crlf;
        }
        let lf_trimmed = lf.strip_suffix(b"\n").unwrap_or(&lf);
        if ok(ts, lf_trimmed) {
            return Culprit::Crlf;
        }
    }
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        let now_as = layout_name(body);
        for (signed_as, candidate) in layouts(&value) {
            if candidate != body && ok(ts, &candidate) {
                // The same spacing in both, with only the keys in another order.
                let spacing = spacing_of(&value, &candidate);
                if spacing.is_some() && spacing == spacing_of(&value, body) {
                    return Culprit::KeysReordered { signed_as };
                }
                return Culprit::Reserialized { signed_as, now_as };
            }
        }
    }
    for (label, other) in req.other_keys {
        if other != key && verifies(other, &signed_message(ts, body), sig) {
            return Culprit::WrongKey(label.clone());
        }
    }
    Culprit::Unknown
}

/// How many line ends a tool may have added after signing, tried one by one.
const ADDED_NEWLINES: usize = 4;

/// The bodies that may have been signed if line ends (`\n` or `\r\n`) were added at the end: the
/// body less its last one, two, ... [`ADDED_NEWLINES`], and less all of them; where a line end
/// taken off is `\r\n`, also the body that keeps its `\r` (signed ending in `\r`, then given a
/// `\n`). A fixed number of candidates whatever the body ends with (at most 2 ×
/// [`ADDED_NEWLINES`] + 1), so a mismatch costs a few verifications, not one per newline (a
/// body of a million newlines used to cost one each).
fn without_added_newlines(body: &[u8]) -> Vec<&[u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    let mut rest = body;
    let mut taken = 0;
    while let Some(less_lf) = rest.strip_suffix(b"\n") {
        let shorter = less_lf.strip_suffix(b"\r").unwrap_or(less_lf);
        taken += 1;
        if taken <= ADDED_NEWLINES {
            out.push(shorter);
            if shorter.len() != less_lf.len() {
                out.push(less_lf);
            }
        }
        rest = shorter;
    }
    if taken > ADDED_NEWLINES {
        out.push(rest);
    }
    out
}

/// The plain-digits spelling of a timestamp header that was written differently.
fn canonical_timestamp(ts: &str) -> Option<String> {
    let t = ts.trim().trim_start_matches('+');
    let t = t.strip_suffix(".0").unwrap_or(t);
    let t = t.split('.').next().unwrap_or(t);
    let n: u64 = t.parse().ok()?;
    Some(n.to_string())
}

fn replace(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if haystack[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

/// The layouts a JSON body may have been signed in: Telnyx's own first.
fn layouts(value: &Value) -> Vec<(String, Vec<u8>)> {
    let mut sorted = value.clone();
    sorted.sort_all_objects();
    let python = python_dumps(value);
    let mut out = vec![
        (
            "Telnyx's layout (2-space indent, keys sorted)".to_string(),
            super::to_wire(value),
        ),
        (
            "2-space indented JSON in this key order".to_string(),
            serde_json::to_vec_pretty(value).unwrap_or_default(),
        ),
        (
            "compact JSON with keys sorted".to_string(),
            serde_json::to_vec(&sorted).unwrap_or_default(),
        ),
        (
            "compact JSON in this key order".to_string(),
            serde_json::to_vec(value).unwrap_or_default(),
        ),
        (
            "JSON with `, ` and `: ` separators (Python's json.dumps)".to_string(),
            python,
        ),
    ];
    out.push((
        "4-space indented JSON with keys sorted".to_string(),
        indent4(&sorted),
    ));
    out
}

fn indent4(value: &Value) -> Vec<u8> {
    use serde::Serialize as _;
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    // Serialising a Value into a Vec cannot fail.
    let _ = value.serialize(&mut ser);
    buf
}

/// `json.dumps(obj)` with Python's default separators (`, ` and `: `), keys in order.
fn python_dumps(value: &Value) -> Vec<u8> {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::Object(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push_str(": ");
                    walk(v, out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    walk(v, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    walk(value, &mut out);
    out.into_bytes()
}

/// The spacing `bytes` has when they are `value` serialised with one of serde_json's layouts,
/// its keys sorted or in `value`'s order: compact, 2-space or 4-space indented.
fn spacing_of(value: &Value, bytes: &[u8]) -> Option<&'static str> {
    let mut sorted = value.clone();
    sorted.sort_all_objects();
    [value, &sorted].into_iter().find_map(|v| {
        if serde_json::to_vec(v).is_ok_and(|b| b == bytes) {
            Some("compact")
        } else if serde_json::to_vec_pretty(v).is_ok_and(|b| b == bytes) {
            Some("2-space")
        } else if indent4(v) == bytes {
            Some("4-space")
        } else {
            None
        }
    })
}

/// Describe how a JSON body is laid out, for the re-serialization message.
fn layout_name(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if !text.trim_end().contains('\n') {
        if text.contains("\": ") || text.contains(", \"") {
            "one line with spaces after `:` and `,`".to_string()
        } else {
            "compact (one line)".to_string()
        }
    } else if text.contains("\n    \"") && !text.contains("\n  \"") {
        "indented with 4 spaces".to_string()
    } else {
        "indented differently or with its keys in another order".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key() -> PrivateKey {
        PrivateKey::from_seed(&[7u8; 32])
    }

    fn body() -> Vec<u8> {
        super::super::to_wire(
            &json!({"data": {"event_type": "message.received", "id": "x", "payload": {"text": "hi"}}, "meta": {"attempt": 1}}),
        )
    }

    fn request<'a>(body: &'a [u8], sig: &'a str, ts: &'a str) -> VerifyRequest<'a> {
        VerifyRequest {
            body,
            signature: Some(sig),
            timestamp: Some(ts),
            key: Ok(key().public()),
            now: 1_700_000_000,
            tolerance: Some(300),
            other_keys: &[],
        }
    }

    #[test]
    fn a_fresh_signature_verifies() {
        let b = body();
        let sig = sign(&key(), "1700000000", &b);
        assert_eq!(sig.len(), 88);
        assert!(sig.ends_with("=="));
        assert_eq!(verify(&request(&b, &sig, "1700000000")), vec![]);
    }

    #[test]
    fn exactly_300_seconds_passes_both_ways_and_301_fails() {
        let b = body();
        for (ts, ok) in [
            ("1699999700", true),
            ("1700000300", true),
            ("1699999699", false),
            ("1700000301", false),
        ] {
            let sig = sign(&key(), ts, &b);
            let problems = verify(&request(&b, &sig, ts));
            assert_eq!(problems.is_empty(), ok, "{ts}: {problems:?}");
        }
        let sig = sign(&key(), "1699999000", &b);
        assert_eq!(
            verify(&request(&b, &sig, "1699999000")),
            vec![Problem::TooOld {
                age: 1000,
                excess: 700,
                tolerance: 300
            }]
        );
        let sig = sign(&key(), "1700000400", &b);
        assert_eq!(
            verify(&request(&b, &sig, "1700000400")),
            vec![Problem::InFuture {
                ahead: 400,
                excess: 100,
                tolerance: 300
            }]
        );
        let mut req = request(&b, &sig, "1700000400");
        req.tolerance = None;
        assert_eq!(verify(&req), vec![]);
    }

    #[test]
    fn missing_headers_are_each_reported() {
        let b = body();
        let mut req = request(&b, "", "");
        req.signature = None;
        assert_eq!(
            verify(&req),
            vec![
                Problem::MissingHeader(SIGNATURE_HEADER),
                Problem::MissingHeader(TIMESTAMP_HEADER)
            ]
        );
    }

    #[test]
    fn each_broken_signature_encoding_is_named() {
        let b = body();
        let good = sign(&key(), "1700000000", &b);
        let cases = [
            (good.trim_end_matches('=').to_string(), "padding is missing"),
            (good.replace('+', "-").replace('/', "_"), "base64url"),
            (format!(" {good}"), "whitespace"),
            (format!("{good},{good}"), "more than one value"),
            ("ab".repeat(64), "hex (128 characters)"),
            ("!!!!".to_string(), "outside the base64 alphabet"),
        ];
        for (sig, expect) in cases {
            if !sig.contains(['-', '_']) && expect == "base64url" {
                continue; // this signature happens to have no + or /
            }
            let problems = verify(&request(&b, &sig, "1700000000"));
            assert!(
                matches!(&problems[..], [Problem::SignatureNotBase64(why)] if why.contains(expect)),
                "{sig}: {problems:?}"
            );
        }
        let short = STANDARD.encode([0u8; 32]);
        assert_eq!(
            verify(&request(&b, &short, "1700000000")),
            vec![Problem::SignatureLength(32)]
        );
    }

    #[test]
    fn non_integer_timestamp_is_reported_and_its_spelling_diagnosed() {
        let b = body();
        let sig = sign(&key(), "1700000000", &b);
        let problems = verify(&request(&b, &sig, "1700000000.0"));
        assert_eq!(
            problems[0],
            Problem::TimestampNotInteger("1700000000.0".into())
        );
        assert!(matches!(
            &problems[1],
            Problem::Mismatch(Culprit::TimestampSpelling { signed_as, .. }) if signed_as == "1700000000"
        ));
        let problems = verify(&request(&b, &sig, "01700000000"));
        assert!(matches!(
            &problems[..],
            [Problem::Mismatch(Culprit::TimestampSpelling { .. })]
        ));
    }

    #[test]
    fn newlines_added_after_signing_cost_a_few_checks_however_many_there_are() {
        // Issue 14: a body of a million newlines cost a verification per newline.
        let mut body = b"{}".to_vec();
        body.extend(std::iter::repeat_n(b'\n', 1 << 20));
        let candidates = without_added_newlines(&body);
        assert_eq!(candidates.len(), ADDED_NEWLINES + 1);
        assert_eq!(candidates[0].len(), body.len() - 1);
        assert_eq!(*candidates.last().unwrap(), b"{}");
        let sig = sign(&key(), "1700000000", b"{}");
        assert_eq!(
            verify(&request(&body, &sig, "1700000000")),
            vec![Problem::Mismatch(Culprit::TrailingNewline)]
        );
        let crlf = b"{}\r\n\r\n".to_vec();
        assert_eq!(
            without_added_newlines(&crlf),
            vec![&b"{}\r\n"[..], b"{}\r\n\r", b"{}", b"{}\r"]
        );
        assert!(without_added_newlines(b"{}").is_empty());
    }

    #[test]
    fn a_newline_added_to_a_body_ending_in_cr_is_named() {
        // Found by the property test: `\r` signed, `\r\n` received was taken for a CRLF line
        // end added whole, and the culprit went unnamed.
        let sig = sign(&key(), "1700000000", b"{}\r");
        assert_eq!(
            verify(&request(b"{}\r\n", &sig, "1700000000")),
            vec![Problem::Mismatch(Culprit::TrailingNewline)]
        );
    }

    #[test]
    fn mismatch_culprits_are_named() {
        let b = body();
        let sig = sign(&key(), "1700000000", &b);
        let culprit = |body: &[u8]| match &verify(&request(body, &sig, "1700000000"))[..] {
            [Problem::Mismatch(c)] => c.clone(),
            other => panic!("{other:?}"),
        };
        let mut nl = b.clone();
        nl.push(b'\n');
        assert_eq!(culprit(&nl), Culprit::TrailingNewline);
        let crlf = replace(&b, b"\n", b"\r\n");
        assert_eq!(culprit(&crlf), Culprit::Crlf);
        let value: Value = serde_json::from_slice(&b).unwrap();
        let compact = serde_json::to_vec(&value).unwrap();
        assert!(matches!(
            culprit(&compact),
            Culprit::Reserialized { signed_as, now_as }
                if signed_as.starts_with("Telnyx's layout") && now_as == "compact (one line)"
        ));
        let python = python_dumps(&value);
        assert!(matches!(culprit(&python), Culprit::Reserialized { .. }));
        // Issue 16: the layout kept and only the key order changed is said as such.
        let mut reordered = serde_json::Map::new();
        for (k, v) in value.as_object().unwrap().iter().rev() {
            reordered.insert(k.clone(), v.clone());
        }
        let reordered = serde_json::to_vec_pretty(&Value::Object(reordered)).unwrap();
        assert_eq!(
            culprit(&reordered),
            Culprit::KeysReordered {
                signed_as: "Telnyx's layout (2-space indent, keys sorted)".into()
            }
        );
        let mut changed = b.clone();
        let at = changed.iter().position(|&c| c == b'h').unwrap();
        changed[at] = b'H';
        assert_eq!(culprit(&changed), Culprit::Unknown);
    }

    #[test]
    fn wrong_key_is_named_when_another_known_key_verifies() {
        let b = body();
        let other = PrivateKey::from_seed(&[9u8; 32]);
        let sig = sign(&other, "1700000000", &b);
        let mut req = request(&b, &sig, "1700000000");
        let others = vec![("the key in $TELNYX_PUBLIC_KEY".into(), other.public())];
        req.other_keys = &others;
        assert_eq!(
            verify(&req),
            vec![Problem::Mismatch(Culprit::WrongKey(
                "the key in $TELNYX_PUBLIC_KEY".into()
            ))]
        );
    }

    #[test]
    fn bad_key_is_a_reason_not_a_crash() {
        let b = body();
        let sig = sign(&key(), "1700000000", &b);
        let mut req = request(&b, &sig, "1700000000");
        req.key = PublicKey::parse("deadbeef");
        let problems = verify(&req);
        assert!(matches!(&problems[..], [Problem::Key(_)]), "{problems:?}");
    }

    mod properties {
        use super::*;
        use crate::strategies;
        use proptest::prelude::*;
        use std::cell::Cell;

        fn other_key() -> PrivateKey {
            PrivateKey::from_seed(&[11u8; 32])
        }

        /// Verify with `key` and no age check, counting the Ed25519 checks made.
        fn counted(
            body: &[u8],
            sig: &str,
            ts: &str,
            key: PublicKey,
            others: &[(String, PublicKey)],
        ) -> (Vec<Problem>, usize) {
            let req = VerifyRequest {
                body,
                signature: Some(sig),
                timestamp: Some(ts),
                key: Ok(key),
                now: 0,
                tolerance: None,
                other_keys: others,
            };
            let checks = Cell::new(0usize);
            let problems = verify_with(&req, &|k, m, s| {
                checks.set(checks.get() + 1);
                k.verifies(m, s)
            });
            (problems, checks.get())
        }

        /// The culprit named when `received` (with header `ts`) fails under `key()`, signed as
        /// `signed` at `signed_ts`.
        fn culprit(signed: &[u8], signed_ts: &str, received: &[u8], ts: &str) -> Option<Culprit> {
            let sig = sign(&key(), signed_ts, signed);
            let (problems, _) = counted(received, &sig, ts, key().public(), &[]);
            problems.into_iter().find_map(|p| match p {
                Problem::Mismatch(c) => Some(c),
                _ => None,
            })
        }

        /// A body that is sometimes JSON, sometimes bytes with line ends in them and at their
        /// end.
        fn body() -> impl Strategy<Value = Vec<u8>> {
            let line_ends = prop::collection::vec(
                prop_oneof![Just(b'\n'), Just(b'\r'), Just(b'{'), any::<u8>()],
                0..64,
            );
            let ending = prop_oneof![
                Just(&b""[..]),
                Just(&b"\r"[..]),
                Just(&b"\n"[..]),
                Just(&b"\r\n"[..])
            ];
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..512),
                (line_ends, ending).prop_map(|(bytes, end)| [&bytes[..], end].concat()),
                strategies::json().prop_map(|v| super::super::super::to_wire(&v)),
            ]
        }

        /// Line ends a tool may add after signing: one to [`ADDED_NEWLINES`] of `\n` or `\r\n`.
        fn added_line_ends() -> impl Strategy<Value = Vec<u8>> {
            prop::collection::vec(
                prop_oneof![Just(&b"\n"[..]), Just(&b"\r\n"[..])],
                1..=ADDED_NEWLINES,
            )
            .prop_map(|ends| ends.concat())
        }

        /// `value` with the keys of every object in reverse order.
        fn reversed(value: &Value) -> Value {
            match value {
                Value::Object(map) => Value::Object(
                    map.iter()
                        .rev()
                        .map(|(k, v)| (k.clone(), reversed(v)))
                        .collect(),
                ),
                Value::Array(items) => Value::Array(items.iter().map(reversed).collect()),
                other => other.clone(),
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn sign_then_verify_round_trips(
                body in body(),
                at in 0i64..=i64::MAX,
                skew in -300i64..=300,
            ) {
                let ts = at.to_string();
                let sig = sign(&key(), &ts, &body);
                let req = VerifyRequest {
                    body: &body,
                    signature: Some(&sig),
                    timestamp: Some(&ts),
                    key: Ok(key().public()),
                    now: at.saturating_add(skew),
                    tolerance: Some(300),
                    other_keys: &[],
                };
                prop_assert_eq!(verify(&req), vec![]);
                // Any other body fails.
                let mut changed = body.clone();
                changed.push(b'x');
                let req = VerifyRequest { body: &changed, ..req };
                prop_assert!(matches!(&verify(&req)[..], [Problem::Mismatch(_)]));
            }

            #[test]
            fn the_diagnosis_makes_a_bounded_number_of_checks_whatever_the_body(
                body in body(),
                ends in added_line_ends(),
                crlf in any::<bool>(),
                ts in prop_oneof![Just("1700000000".to_string()), "[0-9 +.]{1,14}"],
                others in 0usize..3,
            ) {
                // The worst case: a body no transform explains, with every kind of line end.
                let mut received = if crlf { replace(&body, b"\n", b"\r\n") } else { body.clone() };
                received.extend_from_slice(&ends);
                let sig = sign(&other_key(), "1", b"signed by another key");
                let keys: Vec<(String, PublicKey)> = (0..others)
                    .map(|i| (format!("key {i}"), PrivateKey::from_seed(&[i as u8; 32]).public()))
                    .collect();
                let (problems, checks) = counted(&received, &sig, &ts, key().public(), &keys);
                // The check itself, then at most: the timestamp's spelling (1), the added line
                // ends (2 per line end tried, and all of them: 2 * 4 + 1), CRLF (2), the JSON
                // layouts (6), and one per other key.
                let bound = 1 + 1 + (2 * ADDED_NEWLINES + 1) + 2 + 6 + keys.len();
                prop_assert!(checks <= bound, "{checks} checks (bound {bound}): {problems:?}");
            }

            #[test]
            fn an_added_trailing_newline_is_named(body in body(), ends in added_line_ends()) {
                let mut received = body.clone();
                received.extend_from_slice(&ends);
                prop_assert_eq!(
                    culprit(&body, "1700000000", &received, "1700000000"),
                    Some(Culprit::TrailingNewline)
                );
            }

            #[test]
            fn crlf_line_endings_are_named(mut body in body(), at in any::<prop::sample::Index>()) {
                // There must be a line end to change.
                let i = at.index(body.len() + 1);
                body.insert(i, b'\n');
                let received = replace(&body, b"\n", b"\r\n");
                prop_assert_eq!(
                    culprit(&body, "1700000000", &received, "1700000000"),
                    Some(Culprit::Crlf)
                );
            }

            #[test]
            fn reserialized_json_is_named(
                value in strategies::json(),
                layout in 0usize..4,
            ) {
                let mut sorted = value.clone();
                sorted.sort_all_objects();
                let signed = super::super::super::to_wire(&value);
                let received = match layout {
                    0 => serde_json::to_vec(&value).unwrap(),
                    1 => serde_json::to_vec(&sorted).unwrap(),
                    2 => python_dumps(&value),
                    _ => indent4(&sorted),
                };
                prop_assume!(received != signed);
                let got = culprit(&signed, "1700000000", &received, "1700000000");
                prop_assert!(
                    matches!(&got, Some(Culprit::Reserialized { signed_as, .. }) if signed_as.starts_with("Telnyx's layout")),
                    "{got:?}"
                );
                // And the other way round: signed compact, pretty-printed since.
                let compact = serde_json::to_vec(&value).unwrap();
                let pretty = serde_json::to_vec_pretty(&value).unwrap();
                prop_assume!(compact != pretty);
                let got = culprit(&compact, "1700000000", &pretty, "1700000000");
                prop_assert!(matches!(&got, Some(Culprit::Reserialized { .. })), "{got:?}");
            }

            #[test]
            fn reordered_keys_are_named(value in strategies::json_object()) {
                let signed = super::super::super::to_wire(&value);
                let mut sorted = value.clone();
                sorted.sort_all_objects();
                let received = serde_json::to_vec_pretty(&reversed(&sorted)).unwrap();
                prop_assume!(received != signed);
                prop_assert_eq!(
                    culprit(&signed, "1700000000", &received, "1700000000"),
                    Some(Culprit::KeysReordered {
                        signed_as: "Telnyx's layout (2-space indent, keys sorted)".into()
                    })
                );
            }

            #[test]
            fn a_respelled_timestamp_is_named(
                body in body(),
                at in 0u64..=(i64::MAX as u64),
                spelling in 0usize..6,
            ) {
                let canonical = at.to_string();
                let header = match spelling {
                    0 => format!("0{canonical}"),
                    1 => format!("+{canonical}"),
                    2 => format!("{canonical}.0"),
                    3 => format!(" {canonical}"),
                    4 => format!("{canonical}.250"),
                    _ => format!("00{canonical} "),
                };
                prop_assert_eq!(
                    culprit(&body, &canonical, &body, &header),
                    Some(Culprit::TimestampSpelling { signed_as: canonical, header })
                );
            }

            #[test]
            fn another_known_key_is_named(body in body()) {
                let sig = sign(&other_key(), "1700000000", &body);
                let others = vec![("the other key".to_string(), other_key().public())];
                let (problems, _) = counted(&body, &sig, "1700000000", key().public(), &others);
                prop_assert_eq!(
                    problems,
                    vec![Problem::Mismatch(Culprit::WrongKey("the other key".into()))]
                );
            }

            #[test]
            fn no_culprit_is_claimed_that_is_not_there(
                body in body(),
                at in 0i64..=i64::MAX / 2,
                later in 1i64..1_000_000,
                change in 0usize..3,
            ) {
                let ts = at.to_string();
                let (received, header, others) = match change {
                    // The untransformed body, under a key that did not sign it (and another
                    // key that did not either).
                    0 => (body.clone(), ts.clone(), vec![("unrelated".to_string(), PrivateKey::from_seed(&[3; 32]).public())]),
                    // Another timestamp than the one signed (not a re-spelling of it).
                    1 => (body.clone(), (at + later).to_string(), Vec::new()),
                    // A byte-order mark put in front: no transform the diagnosis knows.
                    _ => ([&b"\xef\xbb\xbf"[..], &body].concat(), ts.clone(), Vec::new()),
                };
                let signer = if change == 0 { other_key() } else { key() };
                let sig = sign(&signer, &ts, &body);
                let (problems, _) = counted(&received, &sig, &header, key().public(), &others);
                prop_assert_eq!(problems, vec![Problem::Mismatch(Culprit::Unknown)]);
            }
        }
    }
}
