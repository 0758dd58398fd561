//! Bandwidth: the callback catalog (messaging v2, voice v2 BXML callbacks, v1 Catapult), the wire
//! format of its callback bodies, and the group-message fan-out
//! (the provider documents they follow: docs/sources.md, "Bandwidth").

pub mod api;
pub mod auth;
pub mod catalog;
pub mod schema;

use rand::Rng;
use serde_json::Value;
use std::time::Duration;

use crate::catalog::{Event, Family, Provider, Reply};
use crate::delivery::{Backoff, Expect, Rules, StatusSet};
use crate::http::Request;

/// Every Bandwidth callback's user agent starts with this.
pub const USER_AGENT_PREFIX: &str = "BandwidthAPI";
/// User agent of messaging v2 callbacks.
pub const USER_AGENT_V2: &str = "BandwidthAPI/v2";
/// Content type of messaging v2 callbacks.
pub const CONTENT_TYPE: &str = "application/json; charset=utf-8";

/// User agent of v1 (Catapult) callbacks. The docs print `BandwidthAPI/v1
/// ({CURRENT_BUILD_TIMESTAMP})`, a placeholder; the plain form was used before 2019-05.
pub const USER_AGENT_V1: &str = "BandwidthAPI/v1";
/// Content type of voice v2 callbacks, as the 2023 docs (AD) show it.
pub const CONTENT_TYPE_VOICE: &str = "application/json";
/// Bandwidth keeps retrying for 24 hours; `send --max-attempts` bounds it, and this is its
/// default.
pub const DEFAULT_ATTEMPTS: u32 = 5;
/// No schedule is published for the 24 hours of retries. `--provider-timing` uses one minute,
/// doubling, capped at an hour.
pub const PROVIDER_BACKOFF: Backoff = Backoff {
    base: Duration::from_secs(60),
    factor: 2,
    cap: Duration::from_secs(3600),
};

/// When a message's callbacks arrive under `emulate --provider-timing`: the first this long
/// after the API's answer, the next this long after that. Bandwidth documents no such delay;
/// these are chosen to be seconds, as a carrier's delivery receipt takes.
pub const MESSAGE_LATENCY: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(3));

/// How long Bandwidth waits for an answer (docs/sources.md): 10 s for messaging, 15 s for voice
/// (the default `callbackTimeout`), 10 s for v1 (`...CallbackTimeout`, default and maximum).
pub fn timeout(family: Family) -> Duration {
    match family {
        Family::VoiceV2 => Duration::from_secs(15),
        _ => Duration::from_secs(10),
    }
}

/// How Bandwidth delivers this event: its timeout, [`DEFAULT_ATTEMPTS`], what the answer must
/// be, and the Basic challenge flow.
pub fn rules(event: Option<&Event>) -> Rules {
    let takes_bxml = event.is_some_and(|e| e.family == Family::VoiceV2 && e.reply.expects_bxml());
    Rules {
        timeout: timeout(event.map_or(Family::MessagingV2, |e| e.family)),
        attempts_per_url: DEFAULT_ATTEMPTS,
        backoff: PROVIDER_BACKOFF,
        expect: expect(event),
        basic_challenge: true,
        bxml_reply: takes_bxml.then(|| Expect::xml(200, BXML_ROOT)),
    }
}

/// What Bandwidth requires of the answer to this event (docs/sources.md): any 2xx for messaging
/// and v1; for voice v2, `200` with a BXML `<Response>` for the events that drive the call,
/// `204` or `200` with BXML for the conference events, and 200/201/204 for the rest.
pub fn expect(event: Option<&Event>) -> Expect {
    let Some(event) = event else {
        return Expect::status(StatusSet::success());
    };
    if event.family != Family::VoiceV2 {
        return Expect::status(StatusSet::success());
    }
    match event.reply {
        Reply::BxmlRequired => Expect::xml(200, BXML_ROOT),
        Reply::BxmlOptional => Expect::StatusOrXml {
            statuses: StatusSet::of(&[200, 201, 204]),
            root: BXML_ROOT,
        },
        Reply::Ack | Reply::BxmlForbidden => Expect::status(StatusSet::of(&[200, 201, 204])),
    }
}

/// The root element of a BXML reply.
pub const BXML_ROOT: &str = "Response";

/// The BXML document a receiver answers to callbacks that need one, when it has no other.
pub const MINIMAL_BXML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n";

/// Does this request come from Bandwidth? Its user agent says `BandwidthAPI/...`.
pub fn sent_by(headers: &[(String, String)]) -> bool {
    crate::http::header(headers, "user-agent").is_some_and(|ua| ua.starts_with(USER_AGENT_PREFIX))
}

/// Which Bandwidth callback a body is: messaging v2 (an array of events, or the single object
/// of the OpenAPI shape, by `type`), voice v2 (by `eventType`, with `eventTime`, `callUrl` or
/// `accountId`) or v1 (by `eventType`, with REST URIs).
pub fn recognize(value: &Value) -> Option<&'static Event> {
    let find =
        |pred: &dyn Fn(&Event) -> bool| Provider::Bandwidth.events().iter().find(|e| pred(e));
    if let Some(items) = value.as_array() {
        return items.first().and_then(recognize_message);
    }
    let obj = value.as_object()?;
    if obj.get("type").is_some() && obj.get("message").is_some() {
        return recognize_message(value);
    }
    let t = obj.get("eventType").and_then(Value::as_str)?;
    // v2 callbacks carry eventTime (or callUrl/accountId when eventTime is what is missing);
    // v1 callbacks carry REST URIs instead.
    let v2 = ["eventTime", "callUrl", "accountId"]
        .iter()
        .any(|k| obj.contains_key(*k))
        && !["callUri", "conferenceUri", "messageUri"]
            .iter()
            .any(|k| obj.contains_key(*k));
    if v2 {
        let t = if t == "recordingComplete" {
            "recordComplete"
        } else {
            t
        };
        return find(&|e| e.family == Family::VoiceV2 && e.wire_name == t);
    }
    let rejected =
        t == "hangup" && obj.get("cause").and_then(Value::as_str) == Some("CALL_REJECTED");
    if rejected {
        return find(&|e| e.name == "v1-reject");
    }
    find(&|e| e.family == Family::V1 && e.wire_name == t && e.name != "v1-reject")
}

fn recognize_message(value: &Value) -> Option<&'static Event> {
    let t = value.get("type")?.as_str()?;
    let t = if t == "message-queued" {
        "message-sending"
    } else {
        t
    };
    Provider::Bandwidth
        .events()
        .iter()
        .find(|e| e.family == Family::MessagingV2 && e.wire_name == t)
}

/// The callback's id and the message, call or conference it is about with its time. A message's
/// receipts share the message id, so the event is the id plus the type (`m1/message-delivered`);
/// voice callbacks are the call id plus the event type.
pub fn ids(body: &Value) -> (Option<String>, Option<(String, String)>) {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let e = body.get(0).unwrap_or(body);
    // A group message's status callbacks come one per recipient, all with the message's id:
    // each recipient's are events (and a sequence) of their own.
    let group = e.pointer("/message/direction").and_then(Value::as_str) == Some("out")
        && e.pointer("/message/to")
            .and_then(Value::as_array)
            .is_some_and(|to| to.len() > 1);
    let message_id = s(e.pointer("/message/id")).map(|m| match s(e.get("to")) {
        Some(to) if group => format!("{m}/{to}"),
        _ => m,
    });
    let id = match &message_id {
        Some(m) => Some(format!("{m}/{}", s(e.get("type")).unwrap_or_default())),
        None => s(e.get("callId"))
            .or_else(|| s(e.get("conferenceId")))
            .or_else(|| s(e.get("messageId")))
            .map(|c| format!("{c}/{}", s(e.get("eventType")).unwrap_or_default())),
    };
    let subject = message_id
        .or_else(|| s(e.get("callId")))
        .or_else(|| s(e.get("conferenceId")));
    let time = s(e.get("time")).or_else(|| s(e.get("eventTime")));
    (id, subject.zip(time))
}

/// The facts of a callback that matter, in a few words: for a message the numbers and the text
/// or the description; for calls and conferences the id and the state.
pub fn facts(event: &Event, body: &Value) -> String {
    if event.family != Family::MessagingV2 {
        return crate::catalog::id_and_state(
            body,
            &["callId", "conferenceId", "messageId", "transcriptionId"],
            &["cause", "referCallStatus", "status", "callState", "state"],
        );
    }
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("-").to_string();
    let e = &body[0];
    let m = &e["message"];
    if event.name == "message-received" {
        format!(
            "{} → {} {}",
            s(m.get("from")),
            s(e.get("to")),
            crate::catalog::snippet(m["text"].as_str().unwrap_or_default())
        )
    } else {
        let code = e
            .get("errorCode")
            .map(|c| format!(" error {c}"))
            .unwrap_or_default();
        format!(
            "{} → {} {}{code}",
            s(m.get("from")),
            s(e.get("to")),
            s(e.get("description"))
        )
    }
}

/// The request Bandwidth sends for an event of this family (unknown: messaging v2 headers).
pub fn request(url: &str, body: Vec<u8>, family: Option<Family>) -> Request {
    let (user_agent, content_type) = match family {
        Some(Family::V1) => (USER_AGENT_V1, CONTENT_TYPE),
        Some(Family::VoiceV2) => (USER_AGENT_V2, CONTENT_TYPE_VOICE),
        _ => (USER_AGENT_V2, CONTENT_TYPE),
    };
    Request::post(
        url,
        vec![
            ("content-type".to_string(), content_type.to_string()),
            ("user-agent".to_string(), user_agent.to_string()),
        ],
        body,
    )
}

/// The Bandwidth messaging error-code table, embedded (from the documented code page).
const BANDWIDTH_ERROR_CODES: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/bandwidth/error-codes.json"
));

/// One documented Bandwidth messaging error code.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct ErrorCode {
    #[serde(rename = "errorCode")]
    pub code: u32,
    pub description: String,
}

/// The documented Bandwidth messaging error codes (parsed once).
pub fn error_codes() -> &'static [ErrorCode] {
    #[derive(serde::Deserialize)]
    struct Table {
        codes: Vec<ErrorCode>,
    }
    static CODES: std::sync::OnceLock<Vec<ErrorCode>> = std::sync::OnceLock::new();
    CODES.get_or_init(|| {
        serde_json::from_str::<Table>(BANDWIDTH_ERROR_CODES)
            .map(|t| t.codes)
            .unwrap_or_default()
    })
}

/// Variants whose template stands for several callbacks: Bandwidth sends one callback per
/// number you own among `message.to`, each with its own message id (docs/sources.md). The number
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

    #[test]
    fn each_recipient_of_a_group_message_has_callbacks_of_its_own() {
        let callback = |to: &str, kind: &str| {
            serde_json::json!([{"type": kind, "time": "2026-01-01T00:00:00.000Z", "to": to,
                "message": {"id": "m1", "direction": "out", "to": ["+13125550101", "+13125550102"]}}])
        };
        let (a, _) = ids(&callback("+13125550101", "message-delivered"));
        let (b, _) = ids(&callback("+13125550102", "message-delivered"));
        assert_ne!(a, b, "not a duplicate of each other");
        assert_eq!(a.as_deref(), Some("m1/+13125550101/message-delivered"));
        // One recipient: the message's id, as before.
        let single = serde_json::json!([{"type": "message-delivered", "to": "+13125550101",
            "message": {"id": "m2", "direction": "out", "to": ["+13125550101"]}}]);
        assert_eq!(ids(&single).0.as_deref(), Some("m2/message-delivered"));
    }

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
