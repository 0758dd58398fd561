//! The emulator engine behind `telhook emulate`: a local messaging API whose webhooks follow
//! from what the app does. It serves the providers' APIs on the receiver's HTTP server
//! ([`crate::http::server`]), keeps the messages it was sent in memory (bounded), and delivers
//! the webhooks about each through the delivery engine ([`crate::delivery::Service`]), signed or
//! authenticated as `send` does. What a request means and what its answer and webhooks look
//! like is the providers' (`telnyx::api`, `bandwidth::api`); this module only routes, stores,
//! schedules and prints. It takes a typed [`Config`]; no clap here.

mod server;
mod store;

pub mod client;

pub use server::{ApiLine, Emulator, Listening};

use std::time::Duration;

use serde_json::Value;

use crate::catalog::Provider;
use crate::delivery::Settings;
use crate::http::server::Limits;
use crate::signing::PrivateKey;

/// The port `emulate` binds by default.
pub const DEFAULT_PORT: u16 = 4010;
/// Messages kept (the oldest are forgotten first), by default.
pub const DEFAULT_MAX_MESSAGES: usize = 10_000;
/// The time between the API's answer and a message's first webhook, and between its webhooks,
/// by default.
pub const DEFAULT_LATENCY: Latency = Latency {
    first: Duration::from_millis(50),
    between: Duration::from_millis(50),
};
/// With a seed, the times in bodies and answers run on a clock of their own that starts here
/// (2026-01-01T00:00:00Z) and moves one second per API call, so the same calls give the same
/// times.
pub const SEEDED_EPOCH: i64 = 1_767_225_600;
/// Calls whose webhooks are held at once (waiting for their time or being delivered), by
/// default: about 16 MB of Telnyx SMS webhooks. Past it, a call waits for an earlier call's
/// webhooks to finish ([`DEFAULT_PENDING_WAIT`]), then is answered 429.
pub const DEFAULT_MAX_PENDING: usize = 1024;
/// How long a call past [`DEFAULT_MAX_PENDING`] waits for room before its 429, by default.
pub const DEFAULT_PENDING_WAIT: Duration = Duration::from_secs(2);
/// Webhook deliveries in flight at once, by default.
pub const DEFAULT_CONCURRENCY: usize = 8;
/// The largest request body taken: 1 MiB.
pub const MAX_BODY: usize = 1 << 20;

/// How a message ends: the final status its webhooks report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Delivered,
    /// The carrier could not deliver it (an error code in the webhook).
    DeliveryFailed,
    /// The provider could not hand it to the carrier: no "sent" webhook.
    SendingFailed,
    /// No delivery receipt came back.
    Unconfirmed,
}

/// How the webhooks of a message arrive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// The "sent" webhook, then the final one.
    Sequential,
    /// The final webhook before the "sent" one (providers do not promise an order).
    FinalFirst,
    /// The final webhook twice, the same event both times (delivery is at least once).
    DuplicateFinal,
}

/// What becomes of a message sent to a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub fate: Fate,
    pub order: Order,
}

impl Outcome {
    pub const DELIVERED: Outcome = Outcome {
        fate: Fate::Delivered,
        order: Order::Sequential,
    };
}

/// The numbers that choose an outcome, by their last seven digits (all in the fictional
/// 555-0100..0199 range), with what the README's table says of each. Every other number gets
/// [`Outcome::DELIVERED`].
pub const OUTCOMES: &[(&str, Outcome, &str)] = &[
    (
        "5550190",
        Outcome {
            fate: Fate::DeliveryFailed,
            order: Order::Sequential,
        },
        "sent, then the carrier could not deliver it (an error code)",
    ),
    (
        "5550191",
        Outcome {
            fate: Fate::SendingFailed,
            order: Order::Sequential,
        },
        "never handed to the carrier: only the final webhook, failed",
    ),
    (
        "5550192",
        Outcome {
            fate: Fate::Unconfirmed,
            order: Order::Sequential,
        },
        "sent, then no delivery receipt came back",
    ),
    (
        "5550193",
        Outcome {
            fate: Fate::Delivered,
            order: Order::FinalFirst,
        },
        "delivered, but the final webhook arrives before the sent one",
    ),
    (
        "5550194",
        Outcome {
            fate: Fate::Delivered,
            order: Order::DuplicateFinal,
        },
        "delivered, and the final webhook arrives twice (the same event id)",
    ),
];

/// The outcome a destination number chooses.
pub fn outcome_for(number: &str) -> Outcome {
    OUTCOMES
        .iter()
        .find(|(ending, _, _)| number.ends_with(ending))
        .map_or(Outcome::DELIVERED, |(_, outcome, _)| *outcome)
}

/// When the webhooks of a message go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Latency {
    /// After the API's answer, the first webhook.
    pub first: Duration,
    /// After each webhook's delivery ended, the next one of the same message.
    pub between: Duration,
}

impl Latency {
    /// The same delay before the first webhook and between the others.
    pub fn uniform(delay: Duration) -> Self {
        Latency {
            first: delay,
            between: delay,
        }
    }

    /// The provider's timing (`--provider-timing`): seconds, as real delivery receipts take.
    pub fn provider(provider: Provider) -> Self {
        let (first, between) = match provider {
            Provider::Telnyx => crate::telnyx::MESSAGE_LATENCY,
            Provider::Bandwidth => crate::bandwidth::MESSAGE_LATENCY,
        };
        Latency { first, between }
    }
}

/// A person's text to the app's number(s), as the control API takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub from: String,
    /// The app's number first; more make a group message.
    pub to: Vec<String>,
    pub text: String,
    pub media: Vec<String>,
}

/// The body of `POST /_telhook/text` (`{"provider", "from", "to", "text", "media"}`, `to` a
/// number or a list: a group): the provider the text comes through and the text, or why the
/// body is refused (answered 400). `default_provider` is the one provider served, if only one is
/// (`--provider`): the provider when the body names none, and the only one it may name.
pub fn parse_text(
    body: &[u8],
    default_provider: Option<Provider>,
) -> Result<(Provider, Text), String> {
    let v: Value =
        serde_json::from_slice(body).map_err(|e| format!("the body is not JSON: {e}"))?;
    let provider = match v.get("provider").and_then(Value::as_str) {
        Some("telnyx") => Provider::Telnyx,
        Some("bandwidth") => Provider::Bandwidth,
        Some(other) => return Err(format!("provider {other:?} is not telnyx or bandwidth")),
        None => default_provider.ok_or(
            "say which provider the text comes through: \"provider\": \"telnyx\" or \"bandwidth\"",
        )?,
    };
    if default_provider.is_some_and(|p| p != provider) {
        return Err(format!(
            "this emulator does not serve {provider} (--provider)"
        ));
    }
    let number = crate::sms::e164;
    let from = v
        .get("from")
        .and_then(Value::as_str)
        .filter(|n| number(n))
        .ok_or("\"from\" must be the sender's +E.164 number")?
        .to_string();
    let to: Vec<String> = match v.get("to") {
        Some(Value::String(n)) => vec![n.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .take(32)
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    if to.is_empty() || !to.iter().all(|n| number(n)) {
        return Err(
            "\"to\" must be the app's +E.164 number, or a list of numbers for a group".into(),
        );
    }
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let media: Vec<String> = v
        .get("media")
        .and_then(Value::as_array)
        .map(|m| {
            m.iter()
                .take(10)
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    if text.is_empty() && media.is_empty() {
        return Err("a text needs \"text\" or \"media\"".into());
    }
    let text = Text {
        from,
        to,
        text,
        media,
    };
    Ok((provider, text))
}

/// The Telnyx side: its API key, its messaging profile's webhook URLs, its signing key.
#[derive(Debug, Clone)]
pub struct TelnyxConfig {
    /// Requests must carry exactly this key (`None`: any Bearer key).
    pub api_key: Option<String>,
    /// The profile's webhook URL and failover URL (used after the request's own).
    pub webhook_urls: Vec<String>,
    /// The key webhooks are signed with.
    pub key: PrivateKey,
    pub latency: Latency,
}

/// The Bandwidth side: its API credentials and its Application's status callback URL.
#[derive(Debug, Clone)]
pub struct BandwidthConfig {
    /// Requests must carry exactly these Basic credentials (`None`: any Basic ones).
    pub api_auth: Option<crate::bandwidth::auth::Credentials>,
    /// Where status callbacks go (the Application's callback URL); the challenge credentials
    /// are the delivery settings'.
    pub callback_urls: Vec<String>,
    /// Where inbound messages go (the Application's inbound callback URL).
    pub inbound_callback_urls: Vec<String>,
    /// The app's own numbers: a group text gives a callback for each of them among its
    /// recipients (none given: the first recipient).
    pub numbers: Vec<String>,
    /// The Application's id, carried by inbound callbacks.
    pub application_id: String,
    pub latency: Latency,
}

/// Everything the emulator needs, already checked and loaded.
#[derive(Debug, Clone)]
pub struct Config {
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    /// Serve only this provider's API (`None`: both).
    pub provider: Option<Provider>,
    pub telnyx: TelnyxConfig,
    pub bandwidth: BandwidthConfig,
    /// Webhook deliveries in flight at once (the others wait their turn).
    pub concurrency: usize,
    /// Ids drawn from this seed, and times from [`SEEDED_EPOCH`] (the same requests give the
    /// same ids and times).
    pub seed: Option<u64>,
    /// Record every API call and webhook attempt in this capture file (JSON Lines).
    pub capture: Option<std::path::PathBuf>,
    /// Keep `Authorization` values in the capture as they were (by default: redacted).
    pub capture_credentials: bool,
    /// Messages kept in memory; older ones are forgotten (a GET of one is a 404).
    pub max_messages: usize,
    /// Calls whose webhooks are held at once, and how long a call past it waits for room
    /// before it is answered 429.
    pub max_pending: usize,
    pub pending_wait: Duration,
    /// How webhooks are delivered (timeouts, attempts, backoff, TLS); the URLs come from each
    /// message.
    pub delivery: Settings,
    pub limits: Limits,
}

impl Config {
    /// Loopback on [`DEFAULT_PORT`], both providers, any API key, the given signing key and
    /// profile webhook URLs, the default latency and bound.
    pub fn new(key: PrivateKey, webhook_urls: Vec<String>) -> Self {
        Config {
            host: crate::receiver::DEFAULT_HOST.to_string(),
            port: DEFAULT_PORT,
            provider: None,
            telnyx: TelnyxConfig {
                api_key: None,
                webhook_urls: webhook_urls.clone(),
                key: key.clone(),
                latency: DEFAULT_LATENCY,
            },
            bandwidth: BandwidthConfig {
                api_auth: None,
                callback_urls: webhook_urls.clone(),
                inbound_callback_urls: webhook_urls.clone(),
                numbers: Vec::new(),
                application_id: "93de2206-9669-4e07-948d-329f4b722ee2".to_string(),
                latency: DEFAULT_LATENCY,
            },
            concurrency: DEFAULT_CONCURRENCY,
            seed: None,
            capture: None,
            capture_credentials: false,
            max_messages: DEFAULT_MAX_MESSAGES,
            max_pending: DEFAULT_MAX_PENDING,
            pending_wait: DEFAULT_PENDING_WAIT,
            delivery: {
                let mut settings = Settings::new(webhook_urls);
                settings.key = Some(key);
                settings
            },
            limits: Limits::default(),
        }
    }

    pub fn serves(&self, provider: Provider) -> bool {
        self.provider.is_none_or(|p| p == provider)
    }

    /// When this provider's webhooks go.
    pub fn latency(&self, provider: Provider) -> Latency {
        match provider {
            Provider::Telnyx => self.telnyx.latency,
            Provider::Bandwidth => self.bandwidth.latency,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_choose_their_outcome_and_every_other_is_delivered() {
        assert_eq!(outcome_for("+13125550123"), Outcome::DELIVERED);
        assert_eq!(outcome_for("+13125550190").fate, Fate::DeliveryFailed);
        assert_eq!(outcome_for("+14155550191").fate, Fate::SendingFailed);
        assert_eq!(outcome_for("+13125550193").order, Order::FinalFirst);
        assert_eq!(outcome_for("+13125550194").order, Order::DuplicateFinal);
        // Only the whole seven-digit ending counts.
        assert_eq!(outcome_for("+13125550990"), Outcome::DELIVERED);
        for (ending, _, _) in OUTCOMES {
            assert!(ending.starts_with("55501"), "{ending} is not fictional");
        }
    }

    #[test]
    fn a_text_body_names_its_provider_or_takes_the_one_served() {
        let body = br#"{"from": "+13125550100", "to": ["+13125550101"], "text": "hi"}"#;
        assert!(
            parse_text(body, None)
                .unwrap_err()
                .starts_with("say which provider")
        );
        let (provider, text) = parse_text(body, Some(Provider::Bandwidth)).unwrap();
        assert_eq!(provider, Provider::Bandwidth);
        assert_eq!(text.to, ["+13125550101"]);
        let named = br#"{"provider": "telnyx", "from": "+13125550100", "to": "+13125550101", "media": ["https://x/a.png"]}"#;
        assert_eq!(parse_text(named, None).unwrap().0, Provider::Telnyx);
        assert_eq!(
            parse_text(named, Some(Provider::Bandwidth)).unwrap_err(),
            "this emulator does not serve telnyx (--provider)"
        );
        for (body, why) in [
            (&b"{"[..], "the body is not JSON"),
            (
                br#"{"provider": "x"}"#,
                "provider \"x\" is not telnyx or bandwidth",
            ),
            (
                br#"{"provider": "telnyx", "from": "1"}"#,
                "\"from\" must be",
            ),
            (
                br#"{"provider": "telnyx", "from": "+13125550100", "to": []}"#,
                "\"to\" must be",
            ),
            (
                br#"{"provider": "telnyx", "from": "+13125550100", "to": "+13125550101"}"#,
                "a text needs",
            ),
        ] {
            let got = parse_text(body, None).unwrap_err();
            assert!(got.starts_with(why), "{got}");
        }
    }

    #[test]
    fn the_readme_table_is_the_outcome_table() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        for (ending, _, said) in OUTCOMES {
            let row = format!("| `{ending}` | {said} |");
            assert!(readme.contains(&row), "README.md lacks the row {row}");
        }
    }
}
