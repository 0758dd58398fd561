//! The Telnyx messaging API as `telhook emulate` serves it: the routes (`/v2/messages`, and
//! `/messages` since the SDKs' default base already ends in `/v2`), the Bearer check, the checks
//! `POST /v2/messages` makes, the bodies it answers, and the `message.sent`/`message.finalized`
//! webhooks about the message (the API reference, the messaging webhooks guide and the error
//! code pages: docs/sources.md, "Telnyx messaging API").

use serde_json::{Map, Value, json};

use crate::emulator::client::Glance;
use crate::emulator::{Fate, Text};

/// The paths served, as the emulator's 404 lists them.
pub const PATHS: &str = "POST /v2/messages and GET /v2/messages/{id} (Telnyx; also without /v2)";

/// The id of the message a webhook is about.
pub fn message_id(webhook: &Value) -> Option<&str> {
    webhook.pointer("/data/payload/id").and_then(Value::as_str)
}

/// A delivered webhook's view of its message, and whether it is final (`completed_at` set).
pub fn view(webhook: &Value) -> Option<(&Value, bool)> {
    let message = webhook.pointer("/data/payload")?;
    Some((
        message,
        !message.get("completed_at").is_none_or(Value::is_null),
    ))
}

/// What a request asks of the messaging API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `POST /v2/messages`.
    Send,
    /// `GET /v2/messages/{id}`.
    Get(String),
}

/// The route of a request: `Some(Ok)` for the messaging API, `Some(Err)` for one of its paths
/// with the wrong method (the answer already made), `None` for a path that is not Telnyx's.
pub fn route(method: &str, path: &str) -> Option<Result<Route, ApiError>> {
    let rest = path.strip_prefix("/v2").unwrap_or(path);
    let rest = rest.strip_prefix("/messages")?;
    let wrong = |allowed: &str| {
        Err(ApiError::new(
            405,
            "10015",
            "Bad Request",
            format!("{method} is not allowed on {path}; use {allowed}"),
        ))
    };
    match rest.trim_end_matches('/') {
        "" if method == "POST" => Some(Ok(Route::Send)),
        "" => Some(wrong("POST")),
        id if id.starts_with('/') && !id[1..].contains('/') => match method {
            "GET" => Some(Ok(Route::Get(id[1..].to_string()))),
            _ => Some(wrong("GET")),
        },
        _ => None,
    }
}

/// An error the API answers: its HTTP status and one entry of `{"errors": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub code: &'static str,
    pub title: &'static str,
    pub detail: String,
    /// The JSON pointer of the field at fault (`source.pointer`).
    pub pointer: Option<&'static str>,
}

impl ApiError {
    fn new(status: u16, code: &'static str, title: &'static str, detail: String) -> Self {
        ApiError {
            status,
            code,
            title,
            detail,
            pointer: None,
        }
    }

    fn at(mut self, pointer: &'static str) -> Self {
        self.pointer = Some(pointer);
        self
    }

    /// The body: `{"errors": [{code, title, detail, source, meta}]}`, as `messaging_Errors`.
    pub fn body(&self) -> Value {
        let mut error = json!({
            "code": self.code,
            "title": self.title,
            "detail": self.detail,
            "meta": {"url": format!("https://developers.telnyx.com/docs/overview/errors/{}", self.code)},
        });
        if let Some(pointer) = self.pointer {
            error["source"] = json!({ "pointer": pointer });
        }
        json!({ "errors": [error] })
    }

    /// The answer to a message id the emulator does not have (no documented body: the generic
    /// error shape with the general "resource not found" code).
    pub fn not_found(id: &str) -> Self {
        ApiError::new(
            404,
            "10005",
            "Resource not found",
            format!(
                "No message with id {id}; the emulator keeps the messages sent to it since it started (or its last reset)"
            ),
        )
    }
}

impl ApiError {
    /// Telnyx's documented rate-limit answer (429, code 10011, docs/sources.md): here when the
    /// emulator already holds the webhooks of `--max-pending` calls.
    pub fn too_many() -> Self {
        ApiError::new(
            429,
            "10011",
            "Too many requests",
            "You have exceeded the maximum number of allowed requests.".to_string(),
        )
    }
}

/// Check `Authorization: Bearer KEY`: any key, or exactly `expected` when given (compared in
/// constant time). The error is the spec's 401 (code 10009).
pub fn authenticate(headers: &[(String, String)], expected: Option<&str>) -> Result<(), ApiError> {
    let unauthorized = |why: &str| {
        let mut e = ApiError::new(
            401,
            "10009",
            "Authentication failed",
            "The required authentication headers were either invalid or not included in the request."
                .to_string(),
        );
        e.detail = format!("{} ({why})", e.detail);
        e
    };
    let Some(value) = crate::http::header(headers, "authorization") else {
        return Err(unauthorized(
            "no Authorization header; send Authorization: Bearer YOUR_API_KEY",
        ));
    };
    let Some((scheme, key)) = value.trim().split_once(' ') else {
        return Err(unauthorized("the Authorization header is not `Bearer KEY`"));
    };
    let key = key.trim();
    if !scheme.eq_ignore_ascii_case("bearer") || key.is_empty() {
        return Err(unauthorized("the Authorization header is not `Bearer KEY`"));
    }
    match expected {
        Some(want) if !crate::signing::ct_eq(key.as_bytes(), want.as_bytes()) => Err(unauthorized(
            "not the API key the emulator was started with (--api-key)",
        )),
        _ => Ok(()),
    }
}

/// SMS or MMS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Sms,
    Mms,
}

/// A `POST /v2/messages` request that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendRequest {
    pub to: String,
    pub from: Option<String>,
    pub messaging_profile_id: Option<String>,
    pub text: Option<String>,
    pub subject: Option<String>,
    pub media_urls: Vec<String>,
    pub kind: Kind,
    pub webhook_url: Option<String>,
    pub webhook_failover_url: Option<String>,
    pub use_profile_webhooks: bool,
}

fn short_code(s: &str) -> bool {
    (3..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

fn alphanumeric_sender(s: &str) -> bool {
    (1..=11).contains(&s.len())
        && s.bytes().any(|b| b.is_ascii_alphabetic())
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ')
}

fn url(s: &str) -> bool {
    (s.starts_with("http://") || s.starts_with("https://")) && s.len() > "https://".len()
}

/// Check a send request as the API does: `to` required (E.164 or a short code); `from` or
/// `messaging_profile_id`; `text` for SMS, `media_urls` for MMS; `type` `SMS` or `MMS`.
pub fn parse_send(body: &[u8]) -> Result<SendRequest, ApiError> {
    let bad = |code, title, detail: String| ApiError::new(400, code, title, detail);
    let value: Value = serde_json::from_slice(body).map_err(|e| {
        bad(
            "10015",
            "Bad Request",
            format!("The request body is not valid JSON: {e}"),
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(bad(
            "10015",
            "Bad Request",
            "The request body must be a JSON object".to_string(),
        ));
    };
    let string = |key: &'static str| -> Result<Option<String>, ApiError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(bad(
                "10001",
                "Invalid parameter",
                format!("The '{key}' parameter must be a string"),
            )
            .at(pointer(key))),
        }
    };
    let to = string("to")?.filter(|t| !t.is_empty()).ok_or_else(|| {
        bad(
            "10004",
            "Missing required parameter",
            "The 'to' parameter is required and cannot be blank.".to_string(),
        )
        .at("/to")
    })?;
    if !crate::sms::e164(&to) && !short_code(&to) {
        return Err(bad(
            "40310",
            "Invalid 'to' address",
            "The 'to' address should be a single valid number: +E.164 or a short code.".to_string(),
        )
        .at("/to"));
    }
    let from = string("from")?.filter(|f| !f.is_empty());
    let messaging_profile_id = string("messaging_profile_id")?.filter(|p| !p.is_empty());
    match (&from, &messaging_profile_id) {
        (None, None) => {
            return Err(bad(
                "10004",
                "Missing required parameter",
                "Either 'from' or 'messaging_profile_id' is required.".to_string(),
            )
            .at("/from"));
        }
        (Some(f), _) if !crate::sms::e164(f) && !short_code(f) && !alphanumeric_sender(f) => {
            return Err(bad(
                "40305",
                "Invalid 'from' address",
                "The 'from' address should be string containing a valid number associated with the sending messaging profile.".to_string(),
            )
            .at("/from"));
        }
        _ => {}
    }
    let text = string("text")?;
    let subject = string("subject")?;
    let media_urls = match obj.get("media_urls") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut urls = Vec::with_capacity(items.len().min(10));
            for item in items {
                match item.as_str() {
                    Some(u) if url(u) => urls.push(u.to_string()),
                    _ => {
                        return Err(bad(
                            "40317",
                            "Invalid MMS content",
                            "Each of 'media_urls' must be an http or https URL.".to_string(),
                        )
                        .at("/media_urls"));
                    }
                }
            }
            urls
        }
        Some(_) => {
            return Err(bad(
                "10001",
                "Invalid parameter",
                "The 'media_urls' parameter must be an array of URLs".to_string(),
            )
            .at("/media_urls"));
        }
    };
    let kind = match string("type")?.as_deref() {
        None if media_urls.is_empty() => Kind::Sms,
        None => Kind::Mms,
        Some("SMS") => Kind::Sms,
        Some("MMS") => Kind::Mms,
        Some(other) => {
            return Err(bad(
                "10001",
                "Invalid parameter",
                format!("The 'type' parameter must be SMS or MMS, not {other:?}"),
            )
            .at("/type"));
        }
    };
    let no_text = text.as_deref().is_none_or(str::is_empty);
    match kind {
        Kind::Sms if no_text => {
            return Err(bad(
                "40316",
                "No content",
                "The 'text' parameter is required for SMS.".to_string(),
            )
            .at("/text"));
        }
        Kind::Mms if media_urls.is_empty() => {
            return Err(bad(
                "40317",
                "Invalid MMS content",
                "The 'media_urls' parameter is required for MMS.".to_string(),
            )
            .at("/media_urls"));
        }
        _ => {}
    }
    let webhook = |key: &'static str| -> Result<Option<String>, ApiError> {
        match string(key)?.filter(|u| !u.is_empty()) {
            Some(u) if !url(&u) => Err(bad(
                "10001",
                "Invalid parameter",
                format!("The '{key}' parameter must be an http or https URL"),
            )
            .at(pointer(key))),
            other => Ok(other),
        }
    };
    let webhook_url = webhook("webhook_url")?;
    let webhook_failover_url = webhook("webhook_failover_url")?;
    let use_profile_webhooks = match obj.get("use_profile_webhooks") {
        None | Some(Value::Null) => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            return Err(bad(
                "10001",
                "Invalid parameter",
                "The 'use_profile_webhooks' parameter must be true or false".to_string(),
            )
            .at("/use_profile_webhooks"));
        }
    };
    Ok(SendRequest {
        to,
        from,
        messaging_profile_id,
        text,
        subject,
        media_urls,
        kind,
        webhook_url,
        webhook_failover_url,
        use_profile_webhooks,
    })
}

fn pointer(key: &'static str) -> &'static str {
    match key {
        "to" => "/to",
        "from" => "/from",
        "text" => "/text",
        "subject" => "/subject",
        "type" => "/type",
        "media_urls" => "/media_urls",
        "messaging_profile_id" => "/messaging_profile_id",
        "webhook_url" => "/webhook_url",
        "webhook_failover_url" => "/webhook_failover_url",
        _ => "/",
    }
}

/// The ids and times the emulator gives a new message.
#[derive(Debug, Clone)]
pub struct Minted {
    pub id: String,
    pub organization_id: String,
    /// The profile the message is sent with (the request's, or the emulator's own).
    pub messaging_profile_id: String,
    pub received_at: String,
}

/// The message as the send answer carries it (`OutboundMessagePayload`, `to[].status`
/// `queued`): the request's fields, the SMS parts and encoding of its text, the cost of its
/// parts.
pub fn queued(request: &SendRequest, minted: &Minted) -> Value {
    let text = request.text.clone().unwrap_or_default();
    let parts = crate::sms::segments(&text).max(1);
    let encoding = crate::sms::encoding(&text);
    // Per part: the rate and the carrier fee the documented examples show for US SMS and MMS.
    let (rate, fee) = match request.kind {
        Kind::Sms => (0.0015, 0.0025),
        Kind::Mms => (0.0150, 0.0100),
    };
    let units = match request.kind {
        Kind::Sms => parts as f64,
        Kind::Mms => 1.0,
    };
    let money = |x: f64| json!({"amount": format!("{:.4}", x * units), "currency": "USD"});
    json!({
        "cc": [],
        "completed_at": null,
        "cost": money(rate + fee),
        "cost_breakdown": {"carrier_fee": money(fee), "rate": money(rate)},
        "direction": "outbound",
        "encoding": encoding.name(),
        "errors": [],
        "from": {
            "carrier": "Telnyx",
            "line_type": "Wireless",
            "phone_number": request.from.clone().unwrap_or_else(|| "+13125550100".to_string()),
        },
        "id": minted.id,
        "media": request.media_urls.iter().map(|u| json!({
            "content_type": null, "sha256": null, "size": null, "url": u,
        })).collect::<Vec<_>>(),
        "messaging_profile_id": minted.messaging_profile_id,
        "organization_id": minted.organization_id,
        "parts": parts,
        "received_at": minted.received_at,
        "record_type": "message",
        "sent_at": null,
        "subject": request.subject,
        "tags": [],
        "text": text,
        "to": [{
            "carrier": "T-MOBILE USA, INC.",
            "line_type": "Wireless",
            "phone_number": request.to,
            "status": "queued",
        }],
        "type": match request.kind { Kind::Sms => "SMS", Kind::Mms => "MMS" },
        "valid_until": null,
        "webhook_failover_url": request.webhook_failover_url,
        "webhook_url": request.webhook_url,
    })
}

/// What a media URL's extension says it is.
fn content_type_of(url: &str) -> &'static str {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or(url)
        .to_ascii_lowercase();
    match path.rsplit('.').next() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("mp4") => "video/mp4",
        Some("vcf") => "text/vcard",
        _ => "application/octet-stream",
    }
}

/// The `message.received` payload of an inbound text (`InboundMessagePayload`): SMS, MMS with
/// its media (a size and digest per item from `media_facts`), or a group MMS with the other
/// recipients in `cc`.
pub fn received(inbound: &Text, minted: &Minted, media_facts: &[(u64, String)]) -> Value {
    let party = |number: &str, carrier: &str, status: &str| json!({"carrier": carrier, "line_type": "Wireless", "phone_number": number, "status": status});
    let mms = !inbound.media.is_empty() || inbound.to.len() > 1;
    let parts = if mms {
        1
    } else {
        crate::sms::segments(&inbound.text).max(1)
    };
    let media: Vec<Value> = inbound
        .media
        .iter()
        .enumerate()
        .map(|(i, url)| {
            let (size, sha) = media_facts.get(i).cloned().unwrap_or_default();
            json!({"content_type": content_type_of(url), "hash_sha256": sha, "size": size, "url": url})
        })
        .collect();
    let (app, others) = inbound
        .to
        .split_first()
        .map_or(("", &[][..]), |(a, o)| (a.as_str(), o));
    json!({
        "cc": others.iter().map(|n| party(n, "T-MOBILE USA, INC.", "delivered")).collect::<Vec<_>>(),
        "completed_at": null,
        "cost": null,
        "cost_breakdown": null,
        "direction": "inbound",
        "encoding": crate::sms::encoding(&inbound.text).name(),
        "errors": [],
        "from": {"carrier": "T-MOBILE USA, INC.", "line_type": "Wireless", "phone_number": inbound.from},
        "id": minted.id,
        "media": media,
        "messaging_profile_id": minted.messaging_profile_id,
        "organization_id": minted.organization_id,
        "parts": parts,
        "received_at": minted.received_at,
        "record_type": "message",
        "sent_at": null,
        "subject": null,
        "tags": [],
        "tcr_campaign_billable": false,
        "tcr_campaign_id": null,
        "tcr_campaign_registered": null,
        "text": inbound.text,
        "to": [party(app, "Telnyx", "webhook_delivered")],
        "type": if mms { "MMS" } else { "SMS" },
        "valid_until": null,
        "webhook_failover_url": null,
        "webhook_url": null,
    })
}

/// What a listing line says of a kept message: the sender's number, the recipients' (`to`
/// then `cc`), and the first recipient's status.
pub fn glance(message: &Value) -> Glance {
    let number = |party: &Value| {
        party["phone_number"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    let parties = |key: &str| {
        message[key]
            .as_array()
            .map(|a| a.iter().map(number).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    Glance {
        from: number(&message["from"]),
        to: [parties("to"), parties("cc")].concat(),
        status: message
            .pointer("/to/0/status")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    }
}

/// The answer to a send or a get: `{"data": message}`.
pub fn answer(message: Value) -> Value {
    // Moved in, not `json!`'d: the macro would copy the message through `Serialize`.
    Value::Object(Map::from_iter([("data".to_string(), message)]))
}

/// The message once handed to the carrier: `to[].status` `sent`, `sent_at` set.
pub fn sent(message: &Value, at: &str) -> Value {
    let mut m = message.clone();
    set_status(&mut m, "sent");
    m["sent_at"] = json!(at);
    m
}

/// The message in its final state. Every fate but `sending_failed` was sent first.
pub fn finalized(message: &Value, fate: Fate, sent_at: &str, completed_at: &str) -> Value {
    let mut m = message.clone();
    let (status, error) = match fate {
        Fate::Delivered => ("delivered", None),
        Fate::DeliveryFailed => ("delivery_failed", Some(0)),
        Fate::SendingFailed => ("sending_failed", Some(5)),
        Fate::Unconfirmed => ("delivery_unconfirmed", None),
    };
    set_status(&mut m, status);
    if fate != Fate::SendingFailed {
        m["sent_at"] = json!(sent_at);
    }
    m["completed_at"] = json!(completed_at);
    if let Some((code, title, detail)) = error.and_then(|i| super::MESSAGING_ERRORS.get(i)) {
        m["errors"] = json!([{
            "code": code, "title": title, "detail": detail,
            "source": {"pointer": "/to/0/phone_number"},
        }]);
    }
    m
}

/// Whether a message in this fate is handed to the carrier (gets a `message.sent`).
pub fn is_sent(fate: Fate) -> bool {
    fate != Fate::SendingFailed
}

fn set_status(message: &mut Value, status: &str) {
    if let Some(to) = message.get_mut("to").and_then(Value::as_array_mut) {
        for recipient in to {
            recipient["status"] = json!(status);
        }
    }
}

/// The webhook about a message: the v2 envelope around it (`meta` is stamped per attempt).
pub fn webhook(event_type: &str, message: Value, event_id: &str, occurred_at: &str) -> Value {
    let mut data = Map::new();
    data.insert("event_type".into(), json!(event_type));
    data.insert("id".into(), json!(event_id));
    data.insert("occurred_at".into(), json!(occurred_at));
    data.insert("payload".into(), message);
    data.insert("record_type".into(), json!("event"));
    Value::Object(Map::from_iter([("data".to_string(), Value::Object(data))]))
}

/// The URLs the webhooks of a message go to, in order: the request's `webhook_url` and
/// `webhook_failover_url`, then (unless `use_profile_webhooks` is false) the profile's.
pub fn webhook_urls(request: &SendRequest, profile: &[String]) -> Vec<String> {
    let mut urls: Vec<String> = [&request.webhook_url, &request.webhook_failover_url]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    if request.use_profile_webhooks || urls.is_empty() {
        urls.extend(profile.iter().cloned());
    }
    urls.dedup();
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    fn send(body: Value) -> Result<SendRequest, ApiError> {
        parse_send(body.to_string().as_bytes())
    }

    #[test]
    fn routes_take_both_bases_and_refuse_other_methods() {
        assert_eq!(route("POST", "/v2/messages"), Some(Ok(Route::Send)));
        assert_eq!(route("POST", "/messages/"), Some(Ok(Route::Send)));
        assert_eq!(
            route("GET", "/v2/messages/abc"),
            Some(Ok(Route::Get("abc".into())))
        );
        assert!(matches!(route("DELETE", "/v2/messages"), Some(Err(e)) if e.status == 405));
        assert_eq!(route("POST", "/v2/calls"), None);
        assert_eq!(route("GET", "/v2/messages/a/b"), None);
    }

    #[test]
    fn bearer_is_required_and_an_expected_key_must_match() {
        let h = |v: &str| vec![("Authorization".to_string(), v.to_string())];
        assert!(authenticate(&h("Bearer KEY123"), None).is_ok());
        assert!(authenticate(&h("bearer KEY123"), Some("KEY123")).is_ok());
        for bad in ["Bearer KEY124", "Basic a2V5", "Bearer ", "KEY123"] {
            let e = authenticate(&h(bad), Some("KEY123")).unwrap_err();
            assert_eq!((e.status, e.code), (401, "10009"), "{bad}");
            assert!(!e.detail.contains("KEY123"), "the key is never echoed");
        }
        assert_eq!(authenticate(&[], None).unwrap_err().status, 401);
    }

    #[test]
    fn send_checks_name_the_field_and_the_documented_code() {
        let ok = send(json!({"to": "+13125550123", "from": "+13125550100", "text": "hi"})).unwrap();
        assert_eq!(ok.kind, Kind::Sms);
        assert!(ok.use_profile_webhooks);
        let mms =
            send(json!({"to": "+13125550123", "messaging_profile_id": "p", "media_urls": ["https://x.test/a.jpg"]}))
                .unwrap();
        assert_eq!(mms.kind, Kind::Mms);
        let cases = [
            (
                json!({"from": "+13125550100", "text": "hi"}),
                "10004",
                "/to",
            ),
            (
                json!({"to": "3125550123", "from": "+13125550100", "text": "hi"}),
                "40310",
                "/to",
            ),
            (
                json!({"to": "+13125550123", "text": "hi"}),
                "10004",
                "/from",
            ),
            (
                json!({"to": "+13125550123", "from": "nope!", "text": "hi"}),
                "40305",
                "/from",
            ),
            (
                json!({"to": "+13125550123", "from": "+13125550100"}),
                "40316",
                "/text",
            ),
            (
                json!({"to": "+13125550123", "from": "+13125550100", "type": "MMS", "text": "x"}),
                "40317",
                "/media_urls",
            ),
            (
                json!({"to": "+13125550123", "from": "+13125550100", "type": "FAX", "text": "x"}),
                "10001",
                "/type",
            ),
            (
                json!({"to": "+13125550123", "from": "+13125550100", "text": "x", "webhook_url": "ftp://x"}),
                "10001",
                "/webhook_url",
            ),
            (
                json!({"to": 5, "from": "+13125550100", "text": "x"}),
                "10001",
                "/to",
            ),
        ];
        for (body, code, pointer) in cases {
            let e = send(body.clone()).unwrap_err();
            assert_eq!(
                (e.status, e.code, e.pointer),
                (400, code, Some(pointer)),
                "{body}"
            );
        }
        let e = parse_send(b"{not json").unwrap_err();
        assert_eq!((e.status, e.code), (400, "10015"));
    }

    #[test]
    fn webhooks_go_to_the_request_urls_then_the_profile_unless_told_not_to() {
        let mut r = send(
            json!({"to": "+13125550123", "from": "+13125550100", "text": "hi",
            "webhook_url": "http://a/", "webhook_failover_url": "http://b/"}),
        )
        .unwrap();
        let profile = vec!["http://p/".to_string()];
        assert_eq!(
            webhook_urls(&r, &profile),
            ["http://a/", "http://b/", "http://p/"]
        );
        r.use_profile_webhooks = false;
        assert_eq!(webhook_urls(&r, &profile), ["http://a/", "http://b/"]);
        r.webhook_url = None;
        r.webhook_failover_url = None;
        // With no URL on the message the profile's are the only ones there are.
        assert_eq!(webhook_urls(&r, &profile), ["http://p/"]);
    }

    #[test]
    fn the_message_keeps_its_id_and_moves_through_its_states() {
        let r = send(json!({"to": "+13125550123", "from": "+13125550100", "text": "Ça va? 👋"}))
            .unwrap();
        let minted = Minted {
            id: "m-1".into(),
            organization_id: "o".into(),
            messaging_profile_id: "p".into(),
            received_at: "2026-01-01T00:00:00.000+00:00".into(),
        };
        let q = queued(&r, &minted);
        assert_eq!(q["to"][0]["status"], "queued");
        assert_eq!(q["encoding"], "UCS-2");
        let s = sent(&q, "2026-01-01T00:00:01.000+00:00");
        assert_eq!(
            (s["id"].as_str(), s["to"][0]["status"].as_str()),
            (Some("m-1"), Some("sent"))
        );
        let f = finalized(&q, Fate::DeliveryFailed, "t1", "t2");
        assert_eq!(f["to"][0]["status"], "delivery_failed");
        assert_eq!(f["errors"][0]["code"], "40001");
        let f = finalized(&q, Fate::SendingFailed, "t1", "t2");
        assert_eq!(
            (f["sent_at"].clone(), f["to"][0]["status"].as_str()),
            (Value::Null, Some("sending_failed"))
        );
        assert!(!is_sent(Fate::SendingFailed) && is_sent(Fate::Unconfirmed));
        let w = webhook("message.finalized", f, "e-1", "t3");
        assert_eq!(w["data"]["payload"]["id"], "m-1");
        assert_eq!(
            crate::telnyx::recognize(&w).map(|e| e.name),
            Some("message.finalized")
        );
    }
}
