//! Bandwidth: the callback catalog (messaging v2, voice v2 BXML callbacks, v1 Catapult), the wire
//! format of its callback bodies, and the group-message fan-out
//! (see `shared/reference/bandwidth/FIELDS.md`).

pub mod auth;
pub mod catalog;
pub mod schema;

use rand::Rng;
use serde_json::Value;

/// User agent of messaging v2 callbacks.
pub const USER_AGENT_V2: &str = "BandwidthAPI/v2";
/// Content type of messaging v2 callbacks.
pub const CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// Variants whose template stands for several callbacks: Bandwidth sends one callback per
/// number you own among `message.to`, each with its own message id (FIELDS.md §3). The number
/// is how many of the first entries of `message.to` are yours.
const FAN_OUT: &[(&str, &str, usize)] = &[("message-received", "group", 2)];

/// How many callbacks one rendering of this event variant stands for.
pub fn copies(event: &str, variant: &str) -> usize {
    FAN_OUT
        .iter()
        .find(|(e, v, _)| *e == event && *v == variant)
        .map_or(1, |(_, _, n)| *n)
}

/// Serialise a body as Bandwidth sends it: compact JSON in the documented key order.
pub fn to_wire(body: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail.
    serde_json::to_vec(body).unwrap_or_default()
}

/// Split a rendered group `message-received` into the callbacks Bandwidth sends: copy `k` is
/// addressed to `message.to[k]` (top-level `to` and `message.owner`) and gets its own message
/// id, with the same creation-time prefix and a fresh random tail.
pub fn fan_out(body: &Value, copies: usize, rng: &mut impl Rng) -> Vec<Value> {
    let mut out = Vec::with_capacity(copies);
    for k in 0..copies {
        let mut doc = body.clone();
        if let Some(items) = doc.as_array_mut() {
            for event in items {
                let recipient = event
                    .pointer(&format!("/message/to/{k}"))
                    .cloned()
                    .unwrap_or(Value::Null);
                if recipient.is_null() {
                    continue;
                }
                event["to"] = recipient.clone();
                event["message"]["owner"] = recipient;
                if k > 0
                    && let Some(id) = event["message"]["id"].as_str()
                {
                    let prefix: String = id.chars().take(13).collect();
                    let tail: String = (0..16)
                        .map(|_| {
                            let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789";
                            char::from(alphabet[rng.random_range(0..alphabet.len())])
                        })
                        .collect();
                    event["message"]["id"] = Value::String(format!("{prefix}{tail}"));
                }
            }
        }
        out.push(doc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use serde_json::json;

    #[test]
    fn group_fan_out_gives_each_owned_recipient_its_own_callback_and_id() {
        let body = json!([{"type": "message-received", "to": "+1", "message": {
            "id": "1700000000000aaaaaaaaaaaaaaaa", "owner": "+1", "to": ["+1", "+2", "+3"]}}]);
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
        let out = fan_out(&body, 2, &mut rng);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0], body);
        assert_eq!(out[1][0]["to"], "+2");
        assert_eq!(out[1][0]["message"]["owner"], "+2");
        let id = out[1][0]["message"]["id"].as_str().unwrap();
        assert_eq!(&id[..13], "1700000000000");
        assert_ne!(id, "1700000000000aaaaaaaaaaaaaaaa");
        assert_eq!(copies("message-received", "group"), 2);
        assert_eq!(copies("message-received", "sms"), 1);
    }
}
