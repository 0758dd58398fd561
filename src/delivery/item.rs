//! What is delivered and how: an [`Item`] (a payload and what it is) and the run's
//! [`Settings`], which give each attempt's request and the provider's [`Policy`].

use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde_json::Value;
use std::time::Duration;

use super::engine::{Backoff, Policy, Secret};
use super::judge::Expect;
use crate::bandwidth::auth::Credentials;
use crate::catalog::{self, Event, Provider};
use crate::http::Request;
use crate::signing::PrivateKey;

/// A body to deliver.
#[derive(Debug, Clone)]
pub enum Payload {
    /// A rendered event: Telnyx bodies get `meta.attempt`/`meta.delivered_to` per attempt.
    Json(Value),
    /// Bytes sent exactly as they are (`--data`, captures).
    Raw(Vec<u8>),
}

/// One webhook to deliver.
#[derive(Debug, Clone)]
pub struct Item {
    pub provider: Provider,
    pub event: Option<&'static Event>,
    /// The event's id, for the output (the same id `listen` shows).
    pub id: Option<String>,
    pub payload: Payload,
    /// Send these headers as they are instead of the provider's (`replay --keep-headers`).
    pub fixed_headers: Option<Vec<(String, String)>>,
    /// Where a stored payload came from (`file:line`), for `replay`'s lines and reports.
    pub source: Option<String>,
    /// Where this item goes (primary first, then failovers) when not to the run's URLs: the
    /// emulator's webhooks go where each API request said.
    pub urls: Option<Vec<String>>,
}

impl Item {
    /// An item for a rendered body; its event and id are read from the body.
    pub fn rendered(provider: Provider, event: &'static Event, value: Value) -> Self {
        let (id, _) = catalog::ids(event, &value);
        let mut value = value;
        provider.prepare_body(&mut value);
        Item {
            provider,
            event: Some(event),
            id,
            payload: Payload::Json(value),
            fixed_headers: None,
            source: None,
            urls: None,
        }
    }

    /// The items of a rendered example: one per body (a Bandwidth group message has several).
    pub fn from_example(example: crate::example::Example) -> Vec<Item> {
        let (provider, event) = (example.provider, example.event);
        example
            .values
            .into_iter()
            .map(|value| Item::rendered(provider, event, value))
            .collect()
    }

    /// An item for bytes sent as they are; the event is recognised if the bytes are JSON.
    pub fn raw(provider: Provider, bytes: Vec<u8>) -> Self {
        let json: Option<Value> = serde_json::from_slice(&bytes).ok();
        let event = json
            .as_ref()
            .and_then(crate::catalog::recognize)
            .filter(|e| e.provider == provider);
        let id = event
            .zip(json.as_ref())
            .and_then(|(e, j)| catalog::ids(e, j).0);
        Item {
            provider,
            event,
            id,
            payload: Payload::Raw(bytes),
            fixed_headers: None,
            source: None,
            urls: None,
        }
    }

    pub fn event_name(&self) -> &'static str {
        self.event.map_or("(unknown event)", |e| e.name)
    }
}

/// How long to wait between attempts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Timing {
    /// `base`, doubling: the real schedule compressed so a run takes seconds.
    Compressed(Duration),
    /// The provider's own delays (minutes).
    Provider,
}

/// Everything about a run that is not the payload.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The primary URL, then failover URLs.
    pub urls: Vec<String>,
    /// Telnyx signing key; `None` sends unsigned.
    pub key: Option<PrivateKey>,
    /// Bandwidth Basic credentials for the challenge flow.
    pub credentials: Option<Credentials>,
    /// Attempts per URL (default: the provider's).
    pub attempts: Option<u32>,
    pub timing: Timing,
    /// Overrides the provider's answer timeout.
    pub timeout: Option<Duration>,
    /// `-H` headers, set last (they replace the provider's of the same name).
    pub headers: Vec<(String, String)>,
    /// Overrides what counts as handled (`replay --expect`).
    pub expect: Option<Expect>,
    /// Voice callbacks that take BXML must get a 200 with a `<Response>` document, whatever
    /// `expect` says (`replay --expect-bxml`).
    pub expect_bxml: bool,
    /// Signing time, Unix seconds (`None`: now, per attempt).
    pub timestamp: Option<i64>,
    /// Accept invalid TLS certificates.
    pub insecure: bool,
    /// Connect straight to the URLs, whatever the proxy variables say.
    pub direct: bool,
}

impl Settings {
    /// Deliver to `urls` (primary first) by the provider's rules, unsigned, with no Basic
    /// credentials and compressed backoff (250 ms, doubling); set fields to change that.
    pub fn new(urls: Vec<String>) -> Self {
        Settings {
            urls,
            key: None,
            credentials: None,
            attempts: None,
            timing: Timing::Compressed(Duration::from_millis(250)),
            timeout: None,
            headers: Vec::new(),
            expect: None,
            expect_bxml: false,
            timestamp: None,
            insecure: false,
            direct: false,
        }
    }

    /// The provider's delivery rules for this item, with this run's overrides.
    pub fn policy(&self, item: &Item) -> Policy {
        let rules = item.provider.rules(item.event);
        let backoff = match self.timing {
            Timing::Provider => rules.backoff,
            Timing::Compressed(base) => Backoff {
                base,
                factor: 2,
                cap: base.saturating_mul(64),
            },
        };
        let expect = match (&rules.bxml_reply, self.expect_bxml) {
            (Some(bxml), true) => bxml.clone(),
            _ => self.expect.clone().unwrap_or(rules.expect),
        };
        Policy {
            timeout: self.timeout.unwrap_or(rules.timeout),
            attempts_per_url: self.attempts.unwrap_or(rules.attempts_per_url),
            backoff,
            expect,
            challenge_credentials: self
                .credentials
                .as_ref()
                .filter(|_| rules.basic_challenge)
                .map(|c| Secret::new(c.header_value())),
        }
    }

    /// The request for one attempt: Telnyx bodies are stamped with the attempt and its URL and
    /// signed afresh; everything else goes byte for byte.
    pub fn request(&self, item: &mut Item, attempt: u32, url: &str) -> Request {
        let body = match &mut item.payload {
            Payload::Json(value) => item.provider.attempt_body(value, attempt, url),
            Payload::Raw(bytes) => bytes.clone(),
        };
        let mut request = match &item.fixed_headers {
            Some(headers) => Request::post(
                url,
                headers
                    .iter()
                    .filter(|(n, _)| !HOP_BY_HOP.iter().any(|h| n.eq_ignore_ascii_case(h)))
                    .cloned()
                    .collect(),
                body,
            ),
            None => item.provider.request(
                url,
                body,
                item.event,
                self.key.as_ref(),
                self.timestamp
                    .unwrap_or_else(|| chrono::Utc::now().timestamp()),
            ),
        };
        for (name, value) in &self.headers {
            request.set_header(name, value);
        }
        request
    }
}

/// Headers that describe one connection or are recomputed for the new body; a replayed
/// request never copies them.
const HOP_BY_HOP: &[&str] = &[
    "host",
    "content-length",
    "connection",
    "transfer-encoding",
    "keep-alive",
    "accept-encoding",
    "authorization",
];

/// Shuffle so that the order really changes: a shuffle that happens to give back the original
/// order (likely with two items) is rotated by one.
pub fn shuffle(items: &mut [Item], seed: Option<u64>) {
    shuffle_by(items, seed, |i| i)
}

/// [`shuffle`] for anything that holds an item (`item` finds it).
pub fn shuffle_by<T: Clone>(items: &mut [T], seed: Option<u64>, item: impl Fn(&T) -> &Item) {
    let mut rng = match seed {
        Some(s) => rand_chacha::ChaCha8Rng::seed_from_u64(s),
        None => rand_chacha::ChaCha8Rng::from_os_rng(),
    };
    let original: Vec<usize> = (0..items.len()).collect();
    let mut order = original.clone();
    order.shuffle(&mut rng);
    let distinct = items.first().map(&item).is_some_and(|first| {
        items.iter().map(&item).any(|i| {
            i.id != first.id || i.event_name() != first.event_name() || i.source != first.source
        })
    });
    if order == original && distinct {
        order.rotate_left(1);
    }
    let copy: Vec<T> = items.to_vec();
    for (slot, from) in items.iter_mut().zip(order) {
        *slot = copy[from].clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{bandwidth, telnyx};

    #[test]
    fn shuffle_never_keeps_the_original_order() {
        for seed in 0..50 {
            let mut items: Vec<Item> = (0..2)
                .map(|i| {
                    let mut it = Item::raw(Provider::Telnyx, vec![]);
                    it.id = Some(i.to_string());
                    it
                })
                .collect();
            shuffle(&mut items, Some(seed));
            let ids: Vec<_> = items.iter().map(|i| i.id.clone().unwrap()).collect();
            assert_eq!(ids, ["1", "0"], "seed {seed}");
        }
    }

    fn settings() -> Settings {
        Settings {
            urls: vec!["http://a/".into()],
            key: Some(PrivateKey::from_seed(&[1; 32])),
            credentials: None,
            attempts: None,
            timing: Timing::Compressed(Duration::from_millis(250)),
            timeout: None,
            headers: vec![
                ("X-Extra".into(), "1".into()),
                ("User-Agent".into(), "mine".into()),
            ],
            expect: None,
            expect_bxml: false,
            timestamp: Some(1_700_000_000),
            insecure: false,
            direct: false,
        }
    }

    #[test]
    fn telnyx_requests_are_stamped_and_signed_per_attempt_and_take_extra_headers() {
        let s = settings();
        let event = catalog::find(Provider::Telnyx, "message.sent")
            .unwrap()
            .event;
        let mut item = Item::rendered(
            Provider::Telnyx,
            event,
            serde_json::json!({"data": {"id": "e1", "event_type": "message.sent"}}),
        );
        let r1 = s.request(&mut item, 1, "http://a/");
        let r2 = s.request(&mut item, 2, "http://b/");
        let b2: Value = serde_json::from_slice(&r2.body).unwrap();
        assert_eq!(b2["meta"]["attempt"], 2);
        assert_eq!(b2["meta"]["delivered_to"], "http://b/");
        assert_ne!(
            r1.header(telnyx::SIGNATURE_HEADER),
            r2.header(telnyx::SIGNATURE_HEADER)
        );
        assert_eq!(r2.header("user-agent"), Some("mine"));
        assert_eq!(r2.header("x-extra"), Some("1"));
        assert_eq!(s.policy(&item).attempts_per_url, 3);
        assert_eq!(s.policy(&item).timeout, Duration::from_secs(2));
    }

    #[test]
    fn raw_bytes_and_kept_headers_go_out_unchanged() {
        let s = settings();
        let mut item = Item::raw(Provider::Bandwidth, b"[{\"type\":\"x\"}] ".to_vec());
        item.fixed_headers = Some(vec![
            ("Host".into(), "old:1".into()),
            ("X-Kept".into(), "yes".into()),
        ]);
        let r = s.request(&mut item, 3, "http://a/");
        assert_eq!(r.body, b"[{\"type\":\"x\"}] ");
        assert_eq!(r.header("host"), None);
        assert_eq!(r.header("x-kept"), Some("yes"));
        assert_eq!(
            s.policy(&item).attempts_per_url,
            bandwidth::DEFAULT_ATTEMPTS
        );
    }
}
