//! The Bandwidth messaging API as `telhook emulate` serves it: `POST` and `GET`
//! `/api/v2/users/{accountId}/messages`, the Basic check, the checks `createMessage` makes, the
//! `202` answer and the errors (`type`, `description`, `fieldErrors`), and the status callbacks
//! about the message, one per recipient, each a JSON array (the messaging API reference, its
//! errors page and webhooks page: docs/sources.md, "Bandwidth messaging API").

use serde_json::{Value, json};

use crate::emulator::client::Glance;
use crate::emulator::{Fate, Order, Outcome, Text};

/// The most recipients a message may have here: a group message is a handful of people, and
/// each recipient gets callbacks of its own (the documents give no number; this is ours).
pub const MAX_RECIPIENTS: usize = 32;

/// The paths served, as the emulator's 404 lists them.
pub const PATHS: &str =
    "POST and GET /api/v2/users/{accountId}/messages (Bandwidth; also without /api/v2)";

/// What a request asks of the messaging API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `POST /users/{accountId}/messages`.
    Send { account: String },
    /// `GET /users/{accountId}/messages[?messageId=ID]`.
    List { account: String },
}

/// An error the API answers: its status and body.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub body: Value,
    /// What the emulator's line says.
    pub said: String,
}

impl ApiError {
    fn plain(status: u16, kind: &str, description: &str) -> Self {
        ApiError {
            status,
            body: json!({"type": kind, "description": description}),
            said: format!("{kind}: {description}"),
        }
    }

    /// 429 `max-message-queue-size-exceeded`, Bandwidth's documented answer when an account's
    /// message queue is full: here when the emulator holds the webhooks of `held` messages.
    pub fn queue_full(held: usize) -> Self {
        ApiError::plain(
            429,
            "max-message-queue-size-exceeded",
            &format!(
                "The emulator holds the callbacks of {held} messages and none finished in time. \
                 Reduce your message sending rate, fix the callback URL, or raise --max-pending."
            ),
        )
    }

    /// 400 `request-validation` with one field error (`createMessageRequestError`).
    fn field(name: &str, description: String) -> Self {
        ApiError {
            status: 400,
            said: format!("request-validation: {name}: {description}"),
            body: json!({
                "type": "request-validation",
                "description": "Your request could not be accepted",
                "fieldErrors": [{"fieldName": name, "description": description}],
            }),
        }
    }
}

/// The route of a request: `Some(Ok)` for the messaging API, `Some(Err)` for its path with
/// another method, `None` for a path that is not Bandwidth's.
pub fn route(method: &str, path: &str) -> Option<Result<Route, ApiError>> {
    let rest = path.strip_prefix("/api/v2").unwrap_or(path);
    let rest = rest.strip_prefix("/users/")?;
    let (account, tail) = rest.split_once('/')?;
    if account.is_empty() || tail.trim_end_matches('/') != "messages" {
        return None;
    }
    let account = account.to_string();
    Some(match method {
        "POST" => Ok(Route::Send { account }),
        "GET" => Ok(Route::List { account }),
        _ => Err(ApiError::plain(
            405,
            "method-not-allowed",
            &format!("{method} is not supported on {path}; use POST or GET"),
        )),
    })
}

/// Check `Authorization: Basic` with the API credentials: any, or exactly `expected`
/// (`USER:PASS`, compared in constant time). The error is the documented 401.
pub fn authenticate(
    headers: &[(String, String)],
    expected: Option<&crate::bandwidth::auth::Credentials>,
) -> Result<(), ApiError> {
    use crate::bandwidth::auth::{Check, check};
    let refused = |why: &str| ApiError {
        said: format!("unauthorized: Authentication Failed ({why})"),
        ..ApiError::plain(401, "unauthorized", "Authentication Failed")
    };
    let header = crate::http::header(headers, "authorization");
    match expected {
        Some(want) => match check(header, want) {
            Check::Ok => Ok(()),
            Check::Missing => Err(refused(
                "no Authorization header: send Basic API credentials",
            )),
            other => Err(refused(other.reason())),
        },
        // Any credentials, but Basic ones.
        None => match header.and_then(|v| v.trim().split_once(' ')) {
            Some((scheme, token))
                if scheme.eq_ignore_ascii_case("basic") && !token.trim().is_empty() =>
            {
                Ok(())
            }
            Some(_) => Err(refused(Check::NotBasic.reason())),
            None => Err(refused(
                "no Authorization header: send Basic API credentials",
            )),
        },
    }
}

/// The documented 415 for a body that is not JSON by its content type.
pub fn content_type(headers: &[(String, String)]) -> Result<(), ApiError> {
    let given = crate::http::header(headers, "content-type").unwrap_or("");
    if given.to_ascii_lowercase().starts_with("application/json") {
        return Ok(());
    }
    Err(ApiError::plain(
        415,
        "unsupported-content-type",
        &format!("Content type '{given}' not supported. Please use 'application/json'"),
    ))
}

/// A `createMessage` request that passed the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendRequest {
    pub application_id: String,
    pub to: Vec<String>,
    pub from: String,
    pub text: String,
    pub media: Vec<String>,
    pub tag: Option<String>,
    pub priority: Option<String>,
}

fn uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn not_e164(value: &str) -> String {
    format!("'{value}' must be replaced with a valid E164 formatted telephone number")
}

/// Check a request as `createMessage` does: `applicationId`, `to` (unique E.164 numbers),
/// `from` (a number or an alphanumeric sender id of up to 11), `text` (at most 2048) or
/// `media`, `tag` (at most 1024), `priority` `default` or `high`.
pub fn parse_send(body: &[u8]) -> Result<SendRequest, ApiError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| ApiError {
        said: format!("request-validation: the body is not JSON: {e}"),
        ..ApiError::plain(
            400,
            "request-validation",
            "Your request could not be accepted",
        )
    })?;
    let Some(obj) = value.as_object() else {
        return Err(ApiError::field("body", "must be a JSON object".into()));
    };
    let string = |key: &str| -> Result<Option<String>, ApiError> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::field(key, "must be a string".into())),
        }
    };
    let application_id = string("applicationId")?
        .filter(|a| !a.is_empty())
        .ok_or_else(|| ApiError::field("applicationId", "must not be empty".into()))?;
    let to = match obj.get("to") {
        Some(Value::Array(items)) if items.len() > MAX_RECIPIENTS => {
            return Err(ApiError::field(
                "to",
                format!(
                    "at most {MAX_RECIPIENTS} recipients (the emulator's bound for a group message), not {}",
                    items.len()
                ),
            ));
        }
        Some(Value::Array(items)) if !items.is_empty() => {
            let mut to: Vec<String> = Vec::with_capacity(items.len());
            for item in items {
                let n = item.as_str().unwrap_or_default();
                if !crate::sms::e164(n) {
                    return Err(ApiError::field(
                        "to",
                        not_e164(item.to_string().trim_matches('"')),
                    ));
                }
                if to.iter().any(|t| t == n) {
                    return Err(ApiError::field("to", format!("'{n}' is listed twice")));
                }
                to.push(n.to_string());
            }
            to
        }
        _ => {
            return Err(ApiError::field(
                "to",
                "must be a non-empty list of numbers".into(),
            ));
        }
    };
    let from = string("from")?
        .filter(|f| !f.is_empty())
        .ok_or_else(|| ApiError::field("from", "must not be empty".into()))?;
    let alphanumeric = (1..=11).contains(&from.len())
        && from.bytes().any(|b| b.is_ascii_alphabetic())
        && from.bytes().all(|b| b.is_ascii_alphanumeric());
    if !crate::sms::e164(&from) && !alphanumeric {
        return Err(ApiError::field("from", not_e164(&from)));
    }
    let text = string("text")?.unwrap_or_default();
    if text.chars().count() > 2048 {
        return Err(ApiError::field(
            "text",
            "must be at most 2048 characters".into(),
        ));
    }
    let media = match obj.get("media") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            let mut media = Vec::with_capacity(items.len().min(16));
            for item in items {
                match item.as_str() {
                    Some(u)
                        if (u.starts_with("http://") || u.starts_with("https://"))
                            && u.len() <= 4096 =>
                    {
                        media.push(u.to_string())
                    }
                    _ => {
                        return Err(ApiError::field(
                            "media",
                            "each must be an http or https URL of at most 4096 characters".into(),
                        ));
                    }
                }
            }
            media
        }
        Some(_) => return Err(ApiError::field("media", "must be a list of URLs".into())),
    };
    if text.is_empty() && media.is_empty() {
        return Err(ApiError::field(
            "text",
            "a message needs text or media".into(),
        ));
    }
    let tag = string("tag")?;
    if tag.as_ref().is_some_and(|t| t.chars().count() > 1024) {
        return Err(ApiError::field(
            "tag",
            "must be at most 1024 characters".into(),
        ));
    }
    let priority = string("priority")?;
    if let Some(p) = &priority
        && p != "default"
        && p != "high"
    {
        return Err(ApiError::field(
            "priority",
            format!("'{p}' is not one of default, high"),
        ));
    }
    // Last, so the other checks name their own fields: an Application's id is a UUID (what the
    // callbacks carry, and what the callback schemas require).
    if !uuid(&application_id) {
        return Err(ApiError::field(
            "applicationId",
            format!(
                "'{application_id}' is not an Application id (a UUID such as 93de2206-9669-4e07-948d-329f4b722ee2)"
            ),
        ));
    }
    Ok(SendRequest {
        application_id,
        to,
        from,
        text,
        media,
        tag,
        priority,
    })
}

/// The `202` body (`message`): the new id, the sender as `owner`, `direction` `out`.
pub fn accepted(request: &SendRequest, id: &str, time: &str) -> Value {
    let mut m = json!({
        "id": id,
        "owner": request.from,
        "applicationId": request.application_id,
        "time": time,
        "segmentCount": crate::sms::segments(&request.text).max(1),
        "direction": "out",
        "to": request.to,
        "from": request.from,
        "text": request.text,
    });
    if !request.media.is_empty() {
        m["media"] = json!(request.media);
    }
    if let Some(tag) = &request.tag {
        m["tag"] = json!(tag);
    }
    if let Some(p) = &request.priority {
        m["priority"] = json!(p);
    }
    m
}

/// The status callbacks about a message for one recipient, in the order they are sent, with
/// the time each happened (`message-sending` first for MMS; then `message-delivered` or
/// `message-failed` with an error code from the documented table). Callbacks carry no text.
pub fn callbacks(
    message: &Value,
    recipient: &str,
    outcome: Outcome,
    times: [&str; 2],
) -> Vec<(&'static str, Value)> {
    let mut m = message.clone();
    m["text"] = json!("");
    let mms = m
        .get("media")
        .is_some_and(|v| v.as_array().is_some_and(|a| !a.is_empty()));
    let one = |kind: &str, time: &str, description: &str, code: Option<u32>| {
        let mut e = json!({
            "type": kind,
            "time": time,
            "description": description,
            "to": recipient,
            "message": m,
        });
        if let Some(code) = code {
            e["errorCode"] = json!(code);
        }
        Value::Array(vec![e])
    };
    // Each callback is stamped with when it is due: the final one second when a
    // `message-sending` goes first.
    let sending = mms && outcome.fate != Fate::SendingFailed;
    let last_time = if sending { times[1] } else { times[0] };
    let (name, last) = match outcome.fate {
        Fate::Delivered => (
            "message-delivered",
            one(
                "message-delivered",
                last_time,
                "Message delivered to carrier",
                None,
            ),
        ),
        Fate::DeliveryFailed => (
            "message-failed",
            one(
                "message-failed",
                last_time,
                "invalid-destination-address",
                Some(4720),
            ),
        ),
        Fate::SendingFailed => (
            "message-failed",
            one(
                "message-failed",
                last_time,
                "rejected-unallocated-from-number",
                Some(4405),
            ),
        ),
        Fate::Unconfirmed => (
            "message-failed",
            one(
                "message-failed",
                last_time,
                "delivery-receipt-expired",
                Some(9902),
            ),
        ),
    };
    let mut out = Vec::new();
    if sending {
        out.push((
            "message-sending",
            one(
                "message-sending",
                times[0],
                "Message is sending to carrier",
                None,
            ),
        ));
    }
    match outcome.order {
        Order::Sequential => out.push((name, last)),
        Order::FinalFirst => out.insert(0, (name, last)),
        Order::DuplicateFinal => {
            out.push((name, last.clone()));
            out.push((name, last));
        }
    }
    out
}

/// The `message-received` callback of an inbound text for one of the app's numbers (`owner`),
/// with its own message id: a group text gives one per number of the app among `to`.
pub fn received(id: &str, owner: &str, application_id: &str, inbound: &Text, time: &str) -> Value {
    let mut m = json!({
        "id": id,
        "owner": owner,
        "applicationId": application_id,
        "time": time,
        "segmentCount": crate::sms::segments(&inbound.text).max(1),
        "direction": "in",
        "to": inbound.to,
        "from": inbound.from,
        "text": inbound.text,
    });
    if !inbound.media.is_empty() {
        m["media"] = json!(inbound.media);
    }
    json!([{
        "type": "message-received",
        "time": time,
        "description": "Incoming message received",
        "to": owner,
        "message": m,
    }])
}

/// `GET /users/{accountId}/messages`: the kept messages of the account (one, with
/// `?messageId=`), in the listing's shape.
pub fn listing<'a>(
    account: &str,
    messages: impl Iterator<Item = &'a Value>,
    message_id: Option<&str>,
) -> Value {
    let rows: Vec<Value> = messages
        .filter(|m| message_id.is_none_or(|id| m["id"] == id))
        .map(|m| {
            // A text the app received is the owner's (its `to` may be a group's).
            let inbound = m["direction"] == "in";
            json!({
                "messageId": m["id"],
                "accountId": account,
                "sourceTn": m["from"],
                "destinationTn": if inbound { &m["owner"] } else { &m["to"][0] },
                "messageStatus": status(m),
                "messageDirection": if inbound { "INBOUND" } else { "OUTBOUND" },
                "messageType": if m.get("media").is_some() { "mms" } else { "sms" },
                "segmentCount": m["segmentCount"],
                "errorCode": m.get("errorCode").cloned().unwrap_or(json!(0)),
                "receiveTime": m["time"],
                "carrierName": "other",
                "recipientCount": m["to"].as_array().map_or(1, Vec::len),
            })
        })
        .collect();
    json!({"totalCount": rows.len(), "pageInfo": {}, "messages": rows})
}

/// A kept message's status as the listing shows it: the one its callbacks left, `ACCEPTED`
/// before any (`RECEIVED` for a text the app received).
fn status(message: &Value) -> &str {
    let before = if message["direction"] == "in" {
        "RECEIVED"
    } else {
        "ACCEPTED"
    };
    message["status"].as_str().unwrap_or(before)
}

/// What a listing line says of a kept message: the sender, the recipients and the status.
pub fn glance(message: &Value) -> Glance {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    Glance {
        from: text(&message["from"]),
        to: message["to"]
            .as_array()
            .map(|a| a.iter().map(text).collect())
            .unwrap_or_default(),
        status: status(message).to_string(),
    }
}

/// The id of the message a status callback is about.
pub fn message_id(callback: &Value) -> Option<&str> {
    callback.pointer("/0/message/id").and_then(Value::as_str)
}

/// A delivered callback's view of its message: the message it carries (without text: Bandwidth
/// keeps none) with the `status` and `errorCode` the listing shows, and whether it is final.
pub fn view(callback: &Value) -> Option<(Value, bool)> {
    let (status, code) = status_of(callback)?;
    let mut message = callback.pointer("/0/message")?.clone();
    message["text"] = json!("");
    message["status"] = json!(status);
    message["errorCode"] = json!(code.unwrap_or(0));
    Some((message, status != "SENDING"))
}

/// The message as the emulator keeps it from the start: Bandwidth "does not store text message
/// content", so no later GET has it.
pub fn kept(accepted: &Value) -> Value {
    let mut m = accepted.clone();
    m["text"] = json!("");
    m
}

/// The message as a status callback left it, for the listing: `DELIVERED`, `FAILED` (with its
/// code) or `SENDING`; `None` for a body that is not a status callback.
pub fn status_of(callback: &Value) -> Option<(&'static str, Option<u64>)> {
    let e = callback.get(0)?;
    let status = match e.get("type")?.as_str()? {
        "message-delivered" => "DELIVERED",
        "message-failed" => "FAILED",
        "message-sending" => "SENDING",
        _ => return None,
    };
    Some((status, e.get("errorCode").and_then(Value::as_u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_need_an_account_and_the_messages_path() {
        assert_eq!(
            route("POST", "/api/v2/users/12345/messages"),
            Some(Ok(Route::Send {
                account: "12345".into()
            }))
        );
        assert_eq!(
            route("GET", "/users/12345/messages"),
            Some(Ok(Route::List {
                account: "12345".into()
            }))
        );
        assert!(
            matches!(route("PUT", "/api/v2/users/1/messages"), Some(Err(e)) if e.status == 405)
        );
        assert_eq!(route("POST", "/api/v2/users//messages"), None);
        assert_eq!(route("POST", "/api/v2/accounts/1/calls"), None);
    }

    #[test]
    fn basic_is_required_and_given_credentials_must_match() {
        let h = |v: &str| vec![("Authorization".to_string(), v.to_string())];
        let basic = format!(
            "Basic {}",
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, "u:p")
        );
        assert!(authenticate(&h(&basic), None).is_ok());
        let want = crate::bandwidth::auth::Credentials::parse("u:p").unwrap();
        assert!(authenticate(&h(&basic), Some(&want)).is_ok());
        let other = crate::bandwidth::auth::Credentials::parse("u:q").unwrap();
        let e = authenticate(&h(&basic), Some(&other)).unwrap_err();
        assert_eq!(
            (e.status, e.body["type"].as_str()),
            (401, Some("unauthorized"))
        );
        assert_eq!(authenticate(&h("Bearer x"), None).unwrap_err().status, 401);
        assert_eq!(authenticate(&[], None).unwrap_err().status, 401);
    }

    #[test]
    fn send_checks_name_the_field() {
        let ok = json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "from": "+13125550100", "text": "hi"});
        assert!(parse_send(ok.to_string().as_bytes()).is_ok());
        let cases = [
            (
                json!({"to": ["+13125550123"], "from": "+13125550100", "text": "hi"}),
                "applicationId",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+1invalid"], "from": "+13125550100", "text": "hi"}),
                "to",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": [], "from": "+13125550100", "text": "hi"}),
                "to",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123", "+13125550123"], "from": "+13125550100", "text": "hi"}),
                "to",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "text": "hi"}),
                "from",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "from": "+13125550100"}),
                "text",
            ),
            (
                json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "from": "+13125550100", "text": "x", "priority": "urgent"}),
                "priority",
            ),
        ];
        for (body, field) in cases {
            let e = parse_send(body.to_string().as_bytes()).unwrap_err();
            assert_eq!(e.status, 400, "{body}");
            assert_eq!(e.body["type"], "request-validation");
            assert_eq!(e.body["fieldErrors"][0]["fieldName"], field, "{body}");
        }
        let e = parse_send(
            json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+1invalid"], "from": "+13125550100", "text": "x"})
                .to_string()
                .as_bytes(),
        )
        .unwrap_err();
        assert_eq!(
            e.body["fieldErrors"][0]["description"],
            "'+1invalid' must be replaced with a valid E164 formatted telephone number"
        );
    }

    fn view_of(body: &Value) -> (Value, bool) {
        view(body).unwrap()
    }

    #[test]
    fn the_application_id_is_a_uuid() {
        let body = json!({"applicationId": "app-1", "to": ["+13125550123"], "from": "+13125550100", "text": "hi"});
        let e = parse_send(body.to_string().as_bytes()).unwrap_err();
        assert_eq!(
            (e.status, e.body["fieldErrors"][0]["fieldName"].as_str()),
            (400, Some("applicationId"))
        );
    }

    #[test]
    fn a_message_has_at_most_the_bound_of_recipients() {
        let to: Vec<String> = (0..=MAX_RECIPIENTS)
            .map(|i| format!("+1312555{i:04}"))
            .collect();
        let body = json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": to, "from": "+13125550100", "text": "x"});
        let e = parse_send(body.to_string().as_bytes()).unwrap_err();
        assert_eq!(
            (e.status, e.body["fieldErrors"][0]["fieldName"].as_str()),
            (400, Some("to"))
        );
        let body = json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": &to[..MAX_RECIPIENTS], "from": "+13125550100", "text": "x"});
        assert!(parse_send(body.to_string().as_bytes()).is_ok());
    }

    #[test]
    fn callbacks_follow_the_outcome_and_mms_gets_sending_first() {
        let r = parse_send(json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "from": "+13125550100", "text": "hi", "media": ["https://x.test/a.jpg"]}).to_string().as_bytes()).unwrap();
        let m = accepted(&r, "1700000000000abcdefghijklmnop", "t0");
        let names = |o: Outcome| {
            callbacks(&m, "+13125550123", o, ["t1", "t2"])
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names(Outcome::DELIVERED),
            ["message-sending", "message-delivered"]
        );
        assert_eq!(
            names(Outcome {
                fate: Fate::SendingFailed,
                order: Order::Sequential
            }),
            ["message-failed"]
        );
        assert_eq!(
            names(Outcome {
                fate: Fate::Delivered,
                order: Order::FinalFirst
            }),
            ["message-delivered", "message-sending"]
        );
        let failed = callbacks(
            &m,
            "+13125550123",
            Outcome {
                fate: Fate::Unconfirmed,
                order: Order::Sequential,
            },
            ["t1", "t2"],
        );
        let body = &failed.last().unwrap().1;
        assert_eq!(
            (
                body[0]["errorCode"].as_u64(),
                body[0]["message"]["text"].as_str()
            ),
            (Some(9902), Some(""))
        );
        assert_eq!(body[0]["message"]["id"], "1700000000000abcdefghijklmnop");
        assert_eq!(status_of(body), Some(("FAILED", Some(9902))));
        let (view, done) = view(body).unwrap();
        assert!(done);
        assert_eq!(
            (view["status"].as_str(), view["errorCode"].as_u64()),
            (Some("FAILED"), Some(9902))
        );
        let sending = callbacks(&m, "+13125550123", Outcome::DELIVERED, ["t1", "t2"]);
        assert!(!view_of(&sending[0].1).1, "message-sending is not final");
        assert_eq!(kept(&m)["text"], "", "Bandwidth keeps no text");
        assert_eq!(
            crate::bandwidth::recognize(body).map(|e| e.name),
            Some("message-failed")
        );
    }
}
