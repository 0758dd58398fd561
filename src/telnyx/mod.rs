//! Telnyx: the event catalog, the wire format of its webhook bodies, and its Ed25519 signature
//! scheme (the provider documents they follow: docs/sources.md, "Telnyx").

pub mod api;
pub mod catalog;
pub mod schema;
pub mod sign;

pub use sign::{Culprit, Problem, VerifyRequest, sign, verify};

use serde_json::{Map, Value};
use std::time::Duration;

use crate::catalog::{Event, Family, Provider};
use crate::delivery::{Backoff, Expect, Rules, StatusSet};
use crate::http::Request;
use crate::signing::PrivateKey;

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

/// Telnyx counts an attempt as failed without a 2xx answer within this (the webhook fundamentals
/// and messaging webhooks pages in docs/sources.md: a 2xx within 2 s).
pub const DELIVERY_TIMEOUT: Duration = Duration::from_secs(2);
/// "Up to 3 attempts per URL", then the failover URL.
pub const ATTEMPTS_PER_URL: u32 = 3;
/// The docs say Telnyx retries with backoff but publish no schedule. `--provider-timing` uses
/// one minute, doubling: slow enough to show what a real outage looks like, and a retry after
/// minutes is exactly what makes re-signing necessary.
pub const PROVIDER_BACKOFF: Backoff = Backoff {
    base: Duration::from_secs(60),
    factor: 2,
    cap: Duration::from_secs(3600),
};

/// When a message's webhooks arrive under `emulate --provider-timing`: `message.sent` this
/// long after the API's answer, and `message.finalized` this long after that. Telnyx documents
/// no such delay; these are chosen to be seconds, as a carrier's delivery receipt takes, so an
/// app that assumes the webhook arrives before its own next step finds out.
pub const MESSAGE_LATENCY: (Duration, Duration) = (Duration::from_secs(1), Duration::from_secs(3));

/// What Telnyx accepts: any 2xx; the body is ignored. A 3xx is a failure (redirects are not
/// followed).
pub fn expect() -> Expect {
    Expect::status(StatusSet::success())
}

/// How Telnyx delivers every event: 2 s to answer with a 2xx, 3 attempts per URL, no Basic
/// challenge.
pub fn rules() -> Rules {
    Rules {
        timeout: DELIVERY_TIMEOUT,
        attempts_per_url: ATTEMPTS_PER_URL,
        backoff: PROVIDER_BACKOFF,
        expect: expect(),
        basic_challenge: false,
        bxml_reply: None,
    }
}

/// The body of one attempt: stamped with the attempt and its URL, in the wire format (the keys
/// of `body` kept sorted, see [`stamp`]).
pub fn attempt_body(body: &mut Value, attempt: u32, url: &str) -> Vec<u8> {
    stamp(body, attempt, url);
    to_wire_sorted(body)
}

/// Telnyx delivery-failure codes the messaging webhooks page lists (docs/sources.md): code, title,
/// detail.
pub const MESSAGING_ERRORS: &[(&str, &str, &str)] = &[
    (
        "40001",
        "Invalid destination number",
        "The destination number is not a valid, routable phone number.",
    ),
    (
        "40002",
        "Destination number not in service",
        "The destination number is not in service.",
    ),
    (
        "40300",
        "Destination number unreachable",
        "The destination number is not reachable on the carrier network.",
    ),
    (
        "40008",
        "Message filtered by carrier",
        "The receiving carrier filtered the message.",
    ),
    (
        "40010",
        "Message blocked",
        "The message was blocked as spam or by a content filter.",
    ),
    (
        "47000",
        "10DLC campaign required",
        "Messages from this number must be sent through a registered 10DLC campaign.",
    ),
];

/// Fill in the delivery metadata of one attempt: `meta.attempt` and `meta.delivered_to`, on
/// the bodies that carry it: the `{data, meta}` envelope of the v2 events (a `data.event_type`
/// or `data.record_type`, or a `meta` already there) and the flat form with `record_type`. The
/// meeting-session events (their own `{id, event, occurred_at, version, data}` envelope) and
/// the flat 10DLC campaign update are modelled without `meta` by both SDKs, and keep that shape.
pub fn stamp(body: &mut Value, attempt: u32, url: &str) {
    let Some(obj) = body.as_object_mut() else {
        return;
    };
    let data = obj.get("data").and_then(Value::as_object);
    let enveloped = obj.contains_key("meta")
        || obj.contains_key("record_type")
        || data.is_some_and(|d| d.contains_key("event_type") || d.contains_key("record_type"))
        || (data.is_some() && !obj.contains_key("event"));
    if enveloped {
        let meta = obj
            .entry("meta")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(meta) = meta.as_object_mut() {
            meta.insert("attempt".into(), Value::from(attempt));
            meta.insert("delivered_to".into(), Value::from(url));
            meta.sort_keys();
        }
    }
    obj.sort_keys();
}

/// The request Telnyx sends: POST with its content type and user agent, and, with a key, the
/// two signature headers over exactly these bytes at `timestamp`.
pub fn request(url: &str, body: Vec<u8>, key: Option<&PrivateKey>, timestamp: i64) -> Request {
    let mut headers = vec![
        ("content-type".to_string(), CONTENT_TYPE.to_string()),
        ("user-agent".to_string(), USER_AGENT.to_string()),
    ];
    if let Some(key) = key {
        let ts = timestamp.to_string();
        headers.push((SIGNATURE_HEADER.to_string(), sign(key, &ts, &body)));
        headers.push((TIMESTAMP_HEADER.to_string(), ts));
    }
    Request::post(url, headers, body)
}

/// Serialise a body as Telnyx's sender does: keys sorted at every level, pretty-printed with a
/// two-space indent, LF line endings and no trailing newline (real deliveries, docs/sources.md).
pub fn to_wire(body: &Value) -> Vec<u8> {
    let mut sorted = body.clone();
    sorted.sort_all_objects();
    to_wire_sorted(&sorted)
}

/// [`to_wire`] for a body whose keys are already sorted at every level (as [`stamp`] keeps
/// them), without the copy.
pub fn to_wire_sorted(body: &Value) -> Vec<u8> {
    // Serialising a `Value` cannot fail: its keys are strings and it holds no non-finite floats.
    serde_json::to_vec_pretty(body).unwrap_or_default()
}

/// The signature header, then the timestamp header, if either comes more than once: frameworks
/// and proxies disagree on which copy an app sees, so a receiver cannot tell which was signed.
pub fn repeated_signature_header(headers: &[(String, String)]) -> Option<(&'static str, usize)> {
    [SIGNATURE_HEADER, TIMESTAMP_HEADER]
        .into_iter()
        .find_map(|name| {
            let n = headers
                .iter()
                .filter(|(h, _)| h.eq_ignore_ascii_case(name))
                .count();
            (n > 1).then_some((name, n))
        })
}

/// Does this request come from Telnyx? It signs, or says `telnyx-webhooks`.
pub fn sent_by(headers: &[(String, String)]) -> bool {
    let has = |name: &str| crate::http::header(headers, name).is_some();
    has(SIGNATURE_HEADER)
        || has(TIMESTAMP_HEADER)
        || crate::http::header(headers, "user-agent").is_some_and(|ua| ua.starts_with(USER_AGENT))
}

/// The catalog name of the 10DLC campaign status update, whose flat camelCase body names no
/// event: the spec's name for the webhook (`campaignStatusUpdate`).
pub const CAMPAIGN_STATUS_UPDATE: &str = "campaignStatusUpdate";

/// The `type`s of a campaign status update (the spec's `CampaignStatusUpdateEvent` enum, as the
/// SDKs have it).
const CAMPAIGN_UPDATE_TYPES: &[&str] = &[
    "TELNYX_EVENT",
    "REGISTRATION",
    "MNO_REVIEW",
    "TELNYX_REVIEW",
    "NUMBER_POOL_PROVISIONED",
    "NUMBER_POOL_DEPROVISIONED",
    "TCR_EVENT",
    "VERIFIED",
];

/// A campaign status update: a `campaignId` and one of its `type`s at the top level. The
/// `campaignId` alone is too common a name to say a body is Telnyx's.
fn campaign_update(obj: &Map<String, Value>) -> bool {
    obj.get("campaignId").is_some_and(Value::is_string)
        && obj
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|t| CAMPAIGN_UPDATE_TYPES.contains(&t))
}

/// Is this body shaped as a Telnyx webhook (a `data` object, the flat form with `record_type`
/// and `event_type`, or the flat 10DLC campaign update)? Such a body is no
/// other provider's.
pub fn shaped(value: &Value) -> bool {
    value.as_object().is_some_and(|obj| {
        obj.get("data").is_some_and(Value::is_object)
            || (obj.get("record_type").is_some()
                && obj.get("event_type").is_some_and(Value::is_string))
            || campaign_update(obj)
    })
}

/// Which Telnyx event a body is: by `data.event_type` (or `data.record_type`); by the top-level
/// `event` of the meeting-session envelope (`{id, event, occurred_at, version, data}`); by the
/// flat `event_type` of the spec's `conference.floor.changed`; or, for the flat 10DLC campaign
/// update that names no event, by its `campaignId` and `type` (fixtures/telnyx/schemas/NOTES.md).
pub fn recognize(value: &Value) -> Option<&'static Event> {
    let obj = value.as_object()?;
    let wire = match obj.get("data").and_then(Value::as_object) {
        Some(data) => data
            .get("event_type")
            .and_then(Value::as_str)
            .or_else(|| data.get("record_type").and_then(Value::as_str))
            .or_else(|| obj.get("event").and_then(Value::as_str))?,
        None if obj.get("record_type").is_some() => obj.get("event_type")?.as_str()?,
        None if campaign_update(obj) => CAMPAIGN_STATUS_UPDATE,
        None => return None,
    };
    Provider::Telnyx
        .events()
        .iter()
        .find(|e| e.wire_name == wire)
}

/// The event object: `data` in the envelope every delivery has, or the body itself in the flat
/// form the spec and the SDKs give `conference.floor.changed`.
fn event_object(body: &Value) -> &Value {
    match body.get("data") {
        Some(d) if d.is_object() => d,
        _ => body,
    }
}

/// The event's id (`data.id`) and the call, conference, fax, message or meeting session it is
/// about with the time it happened (`data.occurred_at`). The meeting-session events keep their
/// id and time beside `data` (which holds the session); the 10DLC campaign update has neither.
pub fn ids(body: &Value) -> (Option<String>, Option<(String, String)>) {
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let event = event_object(body);
    let id = s(event.get("id")).or_else(|| s(body.get("id")));
    let p = event.get("payload");
    let subject = p
        .and_then(|p| {
            s(p.get("call_session_id"))
                .or_else(|| s(p.get("conference_id")))
                .or_else(|| s(p.get("fax_id")))
                .or_else(|| s(p.get("id")))
        })
        .or_else(|| s(event.get("session_id")));
    let time = s(event.get("occurred_at"))
        .or_else(|| s(event.pointer("/payload/occurred_at")))
        .or_else(|| s(body.get("occurred_at")));
    (id, subject.zip(time))
}

/// The facts of an event that matter, in a few words: for a message the numbers and the text
/// or the delivery status; for a clicked link who clicked what; for calls, conferences, faxes
/// and number orders the id and the state.
pub fn facts(event: &Event, body: &Value) -> String {
    let p = &event_object(body)["payload"];
    if event.name == "link_clicked" {
        // Its fields are on `data` itself; there is no payload.
        let d = event_object(body);
        let s = |k: &str| d.get(k).and_then(Value::as_str).unwrap_or("-");
        return format!("{} clicked {}", s("to"), s("url"));
    }
    match event.family {
        // The session and what changed: its status, or the artifact's type.
        Family::Meetings => {
            return crate::catalog::id_and_state(
                event_object(body),
                &["session_id"],
                &["status", "type"],
            );
        }
        Family::TenDlc => {
            return crate::catalog::id_and_state(body, &["campaignId"], &["type", "status"]);
        }
        // An echo is a message (sender, recipient, its kind); the account events name the
        // WhatsApp Business Account and what happened to it.
        Family::Whatsapp => {
            if let Some(kind) = p.pointer("/body/type").and_then(Value::as_str) {
                let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("-").to_string();
                return format!(
                    "{} → {} {kind}",
                    s(p.pointer("/from/phone_number")),
                    s(p.get("to"))
                );
            }
            return crate::catalog::id_and_state(p, &["waba_id"], &["event", "status"]);
        }
        _ => {}
    }
    if event.family != Family::Messaging {
        return crate::catalog::id_and_state(
            p,
            &[
                "call_control_id",
                "call_leg_id",
                "conference_id",
                "fax_id",
                "order_id",
                "phone_number",
                "enterprise_id",
                "id",
            ],
            &[
                "state",
                "status",
                "payment_status",
                "result",
                "hangup_cause",
                "reason",
                "order_status",
                "ownership_status",
            ],
        );
    }
    let s = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("-").to_string();
    let to = s(p.pointer("/to/0/phone_number"));
    // An RCS sender is an agent, not a number.
    let from = s(p
        .pointer("/from/phone_number")
        .or_else(|| p.pointer("/from/agent_name")));
    if event.name == "message.received" {
        format!(
            "{from} → {to} {}",
            crate::catalog::snippet(p["text"].as_str().unwrap_or_default())
        )
    } else {
        let status = s(p.pointer("/to/0/status"));
        let code = p
            .pointer("/errors/0/code")
            .and_then(Value::as_str)
            .map(|c| format!(" error {c}"))
            .unwrap_or_default();
        format!("{from} → {to} {status}{code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stamp_fills_attempt_and_target_and_request_signs_the_exact_bytes() {
        let mut body = json!({"data": {"id": "x"}});
        stamp(&mut body, 2, "http://a/");
        assert_eq!(
            body["meta"],
            json!({"attempt": 2, "delivered_to": "http://a/"})
        );
        let key = PrivateKey::from_seed(&[7; 32]);
        let bytes = to_wire(&body);
        let r = request("http://a/", bytes.clone(), Some(&key), 1_700_000_000);
        assert_eq!(r.header(TIMESTAMP_HEADER), Some("1700000000"));
        assert_eq!(
            r.header(SIGNATURE_HEADER),
            Some(sign(&key, "1700000000", &bytes).as_str())
        );
        assert_eq!(r.header("user-agent"), Some(USER_AGENT));
        assert_eq!(r.body, bytes);
        let unsigned = request("http://a/", bytes, None, 1);
        assert_eq!(unsigned.header(SIGNATURE_HEADER), None);
    }

    #[test]
    fn the_meeting_envelope_and_the_flat_campaign_update_are_recognised_and_keep_their_shape() {
        let mut meeting = json!({"id": "e-1", "event": "artifact.failed", "occurred_at": "2026-01-01T00:00:00Z",
            "version": "1", "data": {"artifact_id": "mtgart_1", "session_id": "mtgsess_1", "type": "summary"}});
        assert_eq!(recognize(&meeting).map(|e| e.name), Some("artifact.failed"));
        assert!(shaped(&meeting));
        let (id, subject) = ids(&meeting);
        assert_eq!(id.as_deref(), Some("e-1"));
        assert_eq!(
            subject,
            Some(("mtgsess_1".into(), "2026-01-01T00:00:00Z".into()))
        );
        // Neither SDK models `meta` on these: an attempt does not add one.
        stamp(&mut meeting, 2, "http://a/");
        assert!(meeting.get("meta").is_none());

        // Another service's JSON with a campaignId is not a campaign update.
        for other in [
            json!({"campaignId": "spring-sale", "opens": 12}),
            json!({"campaignId": "spring-sale", "type": "email"}),
        ] {
            assert!(recognize(&other).is_none() && !shaped(&other), "{other}");
        }
        let mut campaign =
            json!({"campaignId": "c-1", "type": "REGISTRATION", "status": "ACCEPTED"});
        assert_eq!(
            recognize(&campaign).map(|e| e.name),
            Some(CAMPAIGN_STATUS_UPDATE)
        );
        assert!(shaped(&campaign));
        stamp(&mut campaign, 1, "http://a/");
        assert!(campaign.get("meta").is_none());
        // A v2 envelope without meta (a stored payload) gets one.
        let mut v2 = json!({"data": {"event_type": "call.answered", "payload": {}}});
        stamp(&mut v2, 1, "http://a/");
        assert_eq!(v2["meta"]["attempt"], 1);
        // An unknown meeting event is not another event.
        let other = json!({"id": "e", "event": "meeting.unknown", "data": {}});
        assert!(recognize(&other).is_none());
    }

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
