//! A client of a running emulator's test-control API (`telhook text`, `telhook emulate
//! messages|reset|settle`): one request helper for every endpoint, so each call names the
//! emulator the same way when it cannot be reached and says the emulator's own words when it
//! refuses.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::Text;
use super::server::CONTROL;
use crate::catalog::Provider;
use crate::http::client::REFUSED;
use crate::http::{Failure, Request};

pub use super::server::SETTLE_MAX;

/// Where the clients find the emulator by default: `emulate`'s own default address.
pub const DEFAULT_URL: &str = "http://127.0.0.1:4010";

/// How long a control call may take to be answered, beyond any wait it asks for.
const ANSWER_WITHIN: Duration = Duration::from_secs(10);

/// A message the emulator keeps, as `GET /_telhook/messages` lists it: whose API took it (for
/// a person's text, the provider it came through), its id, and its body as a GET of that API
/// returns it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub provider: Provider,
    pub id: String,
    pub message: Value,
}

/// What a listing line says of a kept message, in its provider's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glance {
    pub from: String,
    pub to: Vec<String>,
    /// The status its webhooks left it in (`delivered`, `DELIVERED`...).
    pub status: String,
}

impl Kept {
    pub fn glance(&self) -> Glance {
        match self.provider {
            Provider::Telnyx => crate::telnyx::api::glance(&self.message),
            Provider::Bandwidth => crate::bandwidth::api::glance(&self.message),
        }
    }
}

/// How a settle ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settle {
    /// Every webhook due was delivered or given up.
    Settled,
    /// The timeout passed first; the emulator's words (`webhooks still in flight after 1ms`).
    InFlight(String),
}

/// What the emulator did with a person's text: the provider it came through, the ids of the
/// messages it made (one per number of the app, for Bandwidth), the webhooks to follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texted {
    pub provider: Provider,
    pub ids: Vec<String>,
    pub webhooks: u64,
}

/// `POST /_telhook/text` on the emulator at `base`: what it did, or the emulator's words when
/// it refuses.
pub fn text(base: &str, provider: Option<Provider>, text: &Text) -> anyhow::Result<Texted> {
    let mut body =
        json!({"from": text.from, "to": text.to, "text": text.text, "media": text.media});
    if let Some(p) = provider {
        body["provider"] = json!(p);
    }
    let (status, value) = call(base, Call::Post(body), "/text", ANSWER_WITHIN)?;
    if status != 202 {
        return Err(refused("the text", status, &value));
    }
    serde_json::from_value(value).map_err(|e| {
        anyhow::anyhow!(
            "{base} answered POST {CONTROL}/text with no account of the text ({e}); is it `telhook emulate`? pass --emulator URL"
        )
    })
}

/// `GET /_telhook/messages`: every message kept, oldest first (only `provider`'s, if given).
pub fn messages(base: &str, provider: Option<Provider>) -> anyhow::Result<Vec<Kept>> {
    #[derive(Deserialize)]
    struct Listing {
        messages: Vec<Kept>,
    }
    let (status, value) = call(base, Call::Get, "/messages", ANSWER_WITHIN)?;
    if status != 200 {
        return Err(refused("the listing", status, &value));
    }
    let listing: Listing = serde_json::from_value(value).map_err(|e| {
        anyhow::anyhow!(
            "{base} answered GET {CONTROL}/messages with no listing of messages ({e}); is it `telhook emulate`? pass --emulator URL"
        )
    })?;
    Ok(listing
        .messages
        .into_iter()
        .filter(|k| provider.is_none_or(|p| p == k.provider))
        .collect())
}

/// `POST /_telhook/reset`: every message forgotten; how many there were.
pub fn reset(base: &str) -> anyhow::Result<u64> {
    let (status, value) = call(base, Call::Post(json!({})), "/reset", ANSWER_WITHIN)?;
    match value["forgotten"].as_u64() {
        Some(n) if status == 200 => Ok(n),
        _ => Err(refused("the reset", status, &value)),
    }
}

/// `POST /_telhook/settle?timeout=…`: wait (at most `timeout`, itself at most [`SETTLE_MAX`])
/// until every webhook due is delivered or given up. The request waits longer than the
/// emulator does, so the emulator's answer, not the client's own timeout, says how it ended.
pub fn settle(base: &str, timeout: Duration) -> anyhow::Result<Settle> {
    let timeout = timeout.min(SETTLE_MAX);
    let what = format!("/settle?timeout={}ms", whole_ms(timeout));
    let (status, value) = call(base, Call::Post(json!({})), &what, timeout + ANSWER_WITHIN)?;
    match (status, value["settled"].as_bool()) {
        (200, Some(true)) => Ok(Settle::Settled),
        (504, Some(false)) => Ok(Settle::InFlight(
            value["error"]
                .as_str()
                .unwrap_or("webhooks still in flight")
                .to_string(),
        )),
        _ => Err(refused("the settle", status, &value)),
    }
}

/// The milliseconds of a timeout, rounded up: the emulator takes whole ones, and a wait shorter
/// than one must not become no wait at all.
fn whole_ms(d: Duration) -> u128 {
    d.as_nanos().div_ceil(1_000_000)
}

/// A control request's method, with its JSON body.
enum Call {
    Get,
    Post(Value),
}

/// One control request to the emulator at `base` (`what` after `/_telhook`, query included),
/// answered within `wait`: the status and the JSON body (`null` when it is not JSON). An
/// emulator that cannot be reached is an error naming the URL and `--emulator`.
fn call(base: &str, call: Call, what: &str, wait: Duration) -> anyhow::Result<(u16, Value)> {
    let url = format!("{}{CONTROL}{what}", base.trim_end_matches('/'));
    let request = match call {
        Call::Get => Request {
            method: http::Method::GET,
            ..Request::post(&url, Vec::new(), Vec::new())
        },
        Call::Post(body) => Request::post(
            &url,
            vec![("content-type".to_string(), "application/json".to_string())],
            body.to_string().into_bytes(),
        ),
    };
    let mut request = request;
    // One call and done: no connection left open to hold up the emulator's stop.
    request.set_header("connection", "close");
    let forwarder = crate::delivery::Forwarder::new()?;
    let answer = forwarder.send(&request, wait).map_err(|e| {
        let why = match e {
            Failure::Timeout => format!("no answer within {wait:?}"),
            // The transport's hint speaks of a receiver; the one here names the emulator.
            Failure::Network(words) if words.starts_with(REFUSED) => REFUSED.to_string(),
            Failure::Network(words) => words,
        };
        anyhow::anyhow!("{url}: {why} (is `telhook emulate` running there? pass --emulator URL)")
    })?;
    let value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    Ok((answer.status, value))
}

/// The emulator said no to `what`: its status and its reason.
fn refused(what: &str, status: u16, value: &Value) -> anyhow::Error {
    let why = value["error"].as_str().unwrap_or("no reason given");
    anyhow::anyhow!("the emulator refused {what} ({status}): {why}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_address_is_where_emulate_listens_by_default() {
        assert_eq!(
            DEFAULT_URL,
            format!(
                "http://{}:{}",
                crate::receiver::DEFAULT_HOST,
                super::super::DEFAULT_PORT
            )
        );
    }

    #[test]
    fn a_timeout_is_sent_in_whole_milliseconds_rounded_up() {
        assert_eq!(whole_ms(Duration::from_secs(10)), 10_000);
        assert_eq!(whole_ms(Duration::from_micros(1500)), 2);
        assert_eq!(whole_ms(Duration::from_nanos(1)), 1);
    }

    /// A server answering each request with the next of `answers`; the paths it was asked for.
    fn scripted(
        answers: Vec<(u16, &'static str)>,
    ) -> (String, std::thread::JoinHandle<Vec<String>>) {
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let base = format!("http://{}", server.server_addr().to_ip().unwrap());
        let asked = std::thread::spawn(move || {
            let mut paths = Vec::new();
            for (status, body) in answers {
                let Ok(Some(request)) = server.recv_timeout(Duration::from_secs(5)) else {
                    break;
                };
                paths.push(format!("{} {}", request.method(), request.url()));
                let _ = request
                    .respond(tiny_http::Response::from_string(body).with_status_code(status));
            }
            paths
        });
        (base, asked)
    }

    #[test]
    fn each_call_goes_to_its_endpoint_and_reads_its_answer() {
        let (base, asked) = scripted(vec![
            (
                200,
                r#"{"messages": [{"provider": "telnyx", "id": "a", "message": {}}, {"provider": "bandwidth", "id": "b", "message": {}}]}"#,
            ),
            (200, r#"{"reset": true, "forgotten": 2}"#),
            (200, r#"{"settled": true}"#),
            (
                504,
                r#"{"settled": false, "error": "webhooks still in flight after 1ms"}"#,
            ),
        ]);
        let kept = messages(&base, Some(Provider::Bandwidth)).unwrap();
        assert_eq!(
            kept.iter().map(|k| k.id.as_str()).collect::<Vec<_>>(),
            ["b"]
        );
        assert_eq!(reset(&base).unwrap(), 2);
        assert_eq!(
            settle(&base, Duration::from_secs(2)).unwrap(),
            Settle::Settled
        );
        assert_eq!(
            settle(&base, Duration::from_millis(1)).unwrap(),
            Settle::InFlight("webhooks still in flight after 1ms".into())
        );
        assert_eq!(
            asked.join().unwrap(),
            [
                "GET /_telhook/messages",
                "POST /_telhook/reset",
                "POST /_telhook/settle?timeout=2000ms",
                "POST /_telhook/settle?timeout=1ms",
            ]
        );
    }

    #[test]
    fn a_server_that_is_not_the_emulator_is_refused_with_its_words() {
        let (base, asked) = scripted(vec![
            (404, "not found"),
            (400, r#"{"error": "timeout=x is not a duration"}"#),
            (200, r#"{"messages": "none"}"#),
        ]);
        let e = reset(&base).unwrap_err().to_string();
        assert_eq!(e, "the emulator refused the reset (404): no reason given");
        let e = settle(&base, Duration::from_secs(1))
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            "the emulator refused the settle (400): timeout=x is not a duration"
        );
        let e = messages(&base, None).unwrap_err().to_string();
        assert!(
            e.starts_with(&format!(
                "{base} answered GET /_telhook/messages with no listing"
            )),
            "{e}"
        );
        assert!(e.ends_with("pass --emulator URL"), "{e}");
        asked.join().unwrap();
    }
}
