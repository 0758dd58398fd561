//! Validation against the embedded JSON Schemas: recognise which event a payload is, check it
//! with the `jsonschema` crate (each schema compiled once per run, on first use), and report
//! every error with its JSON path, its line and column in the source text, the value found and
//! what was expected.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde::Serialize;
use serde_json::Value;
use std::sync::OnceLock;

use crate::catalog::{Event, Provider};
use crate::{bandwidth, telnyx};

/// The schema text of an event.
pub fn text(event: &Event) -> Option<&'static str> {
    let table = match event.provider {
        Provider::Telnyx => telnyx::schema::SCHEMAS,
        Provider::Bandwidth => bandwidth::schema::SCHEMAS,
    };
    table
        .iter()
        .find(|(n, _)| *n == event.name)
        .map(|(_, t)| *t)
}

/// One schema violation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// JSON pointer of the offending value (for a missing field: of the field).
    pub pointer: String,
    /// The same as a dotted path: `data.payload.to[0].status`.
    pub path: String,
    pub message: String,
}

/// The compiled validators of one run, built on first use.
pub struct Validators {
    strict: bool,
    slots: Vec<(
        &'static Event,
        OnceLock<Result<jsonschema::Validator, String>>,
    )>,
}

impl Validators {
    /// `strict`: also report properties the schema does not list.
    pub fn new(strict: bool) -> Self {
        let slots = Provider::ALL
            .iter()
            .flat_map(|p| p.events().iter())
            .map(|e| (e, OnceLock::new()))
            .collect();
        Validators { strict, slots }
    }

    fn validator(&self, event: &Event) -> Result<&jsonschema::Validator, String> {
        let (_, slot) = self
            .slots
            .iter()
            .find(|(e, _)| std::ptr::eq(*e, event))
            .ok_or_else(|| format!("no schema slot for {}", event.name))?;
        slot.get_or_init(|| compile(event, self.strict))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Validate a whole document against an event's schema.
    pub fn check(&self, event: &Event, doc: &Value) -> Result<Vec<Violation>, String> {
        let validator = self.validator(event)?;
        if validator.is_valid(doc) {
            return Ok(Vec::new());
        }
        Ok(validator
            .iter_errors(doc)
            .flat_map(|e| violations(&e))
            .collect())
    }
}

fn compile(event: &Event, strict: bool) -> Result<jsonschema::Validator, String> {
    let text =
        text(event).ok_or_else(|| format!("no schema for {} {}", event.provider, event.name))?;
    let mut schema: Value = serde_json::from_str(text)
        .map_err(|e| format!("schema {} {} is not JSON: {e}", event.provider, event.name))?;
    if strict {
        forbid_unlisted(&mut schema);
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .map_err(|e| {
            format!(
                "schema {} {} does not compile: {e}",
                event.provider, event.name
            )
        })
}

/// `--report-unlisted`: every object schema that lists its properties (and is not marked free-form)
/// rejects properties that no part of the schema evaluated.
fn forbid_unlisted(schema: &mut Value) {
    match schema {
        Value::Object(map) => {
            let free_form = map
                .get("$comment")
                .and_then(Value::as_str)
                .is_some_and(|c| c.contains("free-form"));
            if map.contains_key("properties")
                && !free_form
                && !map.contains_key("unevaluatedProperties")
                && !map.contains_key("additionalProperties")
            {
                map.insert("unevaluatedProperties".into(), Value::Bool(false));
            }
            // An `if` is a test, not a shape: closing it would change which branch applies.
            for (k, v) in map.iter_mut() {
                if k != "if" {
                    forbid_unlisted(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_unlisted),
        _ => {}
    }
}

/// JSON pointer -> dotted path (`/data/payload/to/0/status` -> `data.payload.to[0].status`).
pub fn dotted(pointer: &str) -> String {
    let mut out = String::new();
    for seg in pointer.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        if !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{seg}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(&seg);
        }
    }
    if out.is_empty() {
        "(top level)".to_string()
    } else {
        out
    }
}

fn join(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// A short rendering of a value for messages.
fn show(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 60 {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    } else {
        s
    }
}

fn list(options: &Value) -> String {
    match options.as_array() {
        Some(items) => items
            .iter()
            .map(|o| {
                o.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| o.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        None => options.to_string(),
    }
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Turn one jsonschema error into the violations telhook reports.
fn violations(e: &jsonschema::ValidationError<'_>) -> Vec<Violation> {
    let at = e.instance_path().as_str().to_string();
    let found = e.instance();
    let one = |pointer: String, message: String| Violation {
        path: dotted(&pointer),
        pointer,
        message,
    };
    let msg = match e.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| property.to_string());
            return vec![one(
                join(&at, &name),
                "required field is missing".to_string(),
            )];
        }
        ValidationErrorKind::Enum { options } => match options.as_array() {
            Some(one) if one.len() == 1 => format!("{} is not {}", show(found), one[0]),
            _ => format!("{} is not one of {}", show(found), list(options)),
        },
        ValidationErrorKind::Constant { expected_value } => {
            format!("{} is not {}", show(found), expected_value)
        }
        ValidationErrorKind::Type { kind } => {
            let expected = match kind {
                TypeKind::Single(t) => t.to_string(),
                TypeKind::Multiple(set) => set
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>()
                    .join(" or "),
            };
            format!(
                "{} is {}, expected {expected}",
                show(found),
                type_name(found)
            )
        }
        ValidationErrorKind::Format { format } => {
            let what = match format.as_str() {
                "date-time" => "an RFC 3339 date-time (2026-01-02T03:04:05.678Z)",
                "uuid" => "a UUID (8-4-4-4-12 hex)",
                "uri" => "an absolute URI",
                other => other,
            };
            format!("{} is not {what}", show(found))
        }
        ValidationErrorKind::Pattern { pattern } => {
            let what = if pattern.contains(r"^\+[1-9]") {
                "an E.164 number (+ and 7 to 15 digits)".to_string()
            } else {
                format!("matching {pattern}")
            };
            format!("{} is not {what}", show(found))
        }
        ValidationErrorKind::UnevaluatedProperties { unexpected }
        | ValidationErrorKind::AdditionalProperties { unexpected } => {
            return unexpected
                .iter()
                .map(|k| {
                    one(
                        join(&at, k),
                        "unknown field (not in the documented schema; allowed without --report-unlisted)"
                            .to_string(),
                    )
                })
                .collect();
        }
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            // Report the branch that got furthest: the one with the fewest errors.
            if let Some(best) = context.iter().min_by_key(|errs| errs.len())
                && !best.is_empty()
            {
                let inner: Vec<Violation> = best.iter().flat_map(|e| violations(e)).collect();
                if !inner.is_empty() {
                    return inner;
                }
            }
            format!("{} matches none of the allowed shapes", show(found))
        }
        _ => format!(
            "{} {}",
            show(found),
            e.to_string().trim_start_matches(&show(found)).trim()
        ),
    };
    vec![one(at, msg)]
}

/// Line and column (1-based) where the value at `pointer` starts in `text`; for a missing
/// field, where its parent object starts.
pub fn position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, 0);
    let mut found_at = i;
    for seg in &segments {
        match bytes.get(i) {
            Some(b'{') => match find_member(bytes, i, seg) {
                Some(v) => i = v,
                None => break,
            },
            Some(b'[') => match seg
                .parse::<usize>()
                .ok()
                .and_then(|n| find_element(bytes, i, n))
            {
                Some(v) => i = v,
                None => break,
            },
            _ => break,
        }
        found_at = i;
    }
    let upto = &text[..found_at.min(text.len())];
    let line = upto.matches('\n').count() + 1;
    let col = upto.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Some((line, col))
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// Index just past the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"') => skip_string(b, i),
        Some(b'{') | Some(b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            j
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            j
        }
    }
}

fn skip_string(b: &[u8], i: usize) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        match b[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    j
}

fn find_member(b: &[u8], obj: usize, key: &str) -> Option<usize> {
    let mut i = skip_ws(b, obj + 1);
    while i < b.len() && b[i] != b'}' {
        let end = skip_string(b, i);
        let name: String = serde_json::from_slice(&b[i..end]).ok()?;
        i = skip_ws(b, end);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = skip_ws(b, i + 1);
        if name == key {
            return Some(i);
        }
        i = skip_ws(b, skip_value(b, i));
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
    }
    None
}

fn find_element(b: &[u8], arr: usize, n: usize) -> Option<usize> {
    let mut i = skip_ws(b, arr + 1);
    let mut k = 0;
    while i < b.len() && b[i] != b']' {
        if k == n {
            return Some(i);
        }
        i = skip_ws(b, skip_value(b, i));
        if b.get(i) == Some(&b',') {
            i = skip_ws(b, i + 1);
        }
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_paths() {
        assert_eq!(
            dotted("/data/payload/to/0/status"),
            "data.payload.to[0].status"
        );
        assert_eq!(dotted("/0/message/id"), "[0].message.id");
        assert_eq!(dotted(""), "(top level)");
        assert_eq!(dotted("/a~1b"), "a/b");
    }

    #[test]
    fn positions_point_at_the_value() {
        let text = "{\n  \"data\": {\n    \"to\": [\n      {\"status\": \"x\"}\n    ]\n  }\n}";
        assert_eq!(position(text, "/data/to/0/status"), Some((4, 18)));
        assert_eq!(position(text, "/data/to/0"), Some((4, 7)));
        assert_eq!(position(text, "/data/missing"), Some((2, 11)));
        assert_eq!(position(text, ""), Some((1, 1)));
        let compact = r#"[{"type":"a","message":{"id":"q\"}","to":["x","y"]}}]"#;
        assert_eq!(position(compact, "/0/message/to/1"), Some((1, 47)));
    }

    #[test]
    fn every_catalog_event_has_a_schema_that_compiles() {
        let v = Validators::new(false);
        let strict = Validators::new(true);
        for p in Provider::ALL {
            for e in p.events() {
                assert!(text(e).is_some(), "{p} {}", e.name);
                v.validator(e).unwrap();
                strict.validator(e).unwrap();
            }
        }
    }
}
