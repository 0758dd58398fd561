//! Telnyx: the event catalog, the wire format of its webhook bodies, and its Ed25519 signature
//! scheme (see `shared/reference/telnyx/SIGNING.md`).

pub mod catalog;
pub mod schema;
pub mod sign;

pub use sign::{Culprit, Problem, VerifyRequest, sign, verify};

use serde_json::{Map, Value};

/// Header carrying the base64 Ed25519 signature.
pub const SIGNATURE_HEADER: &str = "telnyx-signature-ed25519";
/// Header carrying the Unix timestamp (seconds) that was signed.
pub const TIMESTAMP_HEADER: &str = "telnyx-timestamp";
/// The user agent Telnyx's webhook sender announces.
pub const USER_AGENT: &str = "telnyx-webhooks";
/// The content type of every v2 webhook.
pub const CONTENT_TYPE: &str = "application/json";
/// Current SDKs reject a timestamp more than this many seconds from their clock, either way.
pub const TOLERANCE_SECS: u64 = 300;
/// Environment variable Telnyx's docs and SDKs read the public key from.
pub const PUBLIC_KEY_ENV: &str = "TELNYX_PUBLIC_KEY";

/// Serialise a body as Telnyx's sender does: keys sorted at every level, pretty-printed with a
/// two-space indent, LF line endings and no trailing newline (SIGNING.md §8).
pub fn to_wire(body: &Value) -> Vec<u8> {
    let sorted = sort_keys(body);
    // Serialising a `Value` cannot fail: its keys are strings and it holds no non-finite floats.
    serde_json::to_vec_pretty(&sorted).unwrap_or_default()
}

/// A copy of `value` with object keys sorted at every level.
pub fn sort_keys(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut out = Map::new();
            for k in keys {
                out.insert(k.clone(), sort_keys(&map[k]));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sort_keys).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wire_format_sorts_keys_indents_two_spaces_and_has_no_trailing_newline() {
        let body = json!({"meta": {"attempt": 1}, "data": {"z": 1, "a": [ {"y": 2, "b": 3} ]}});
        let wire = String::from_utf8(to_wire(&body)).unwrap();
        assert_eq!(
            wire,
            "{\n  \"data\": {\n    \"a\": [\n      {\n        \"b\": 3,\n        \"y\": 2\n      }\n    ],\n    \"z\": 1\n  },\n  \"meta\": {\n    \"attempt\": 1\n  }\n}"
        );
    }
}
