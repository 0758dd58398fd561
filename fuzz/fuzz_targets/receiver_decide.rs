//! The receiver's handling of a request, in-process: `decide` on a run of arbitrary requests
//! (method, path, query, headers, body, how the body ended; some signed or with Basic
//! credentials, right or wrong) under an arbitrary configuration, then what the server does
//! with each decision: count it, capture it, print it. The capture record must read back with
//! the request's exact bytes and headers, and the printed line must carry no control
//! characters.
#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use telhook::bandwidth::auth::Credentials;
use telhook::capture::{self, Line};
use telhook::fuzzing::{Received, ReceiverConfig, State, decide};
use telhook::http::server::BodyError;
use telhook::schema::Validators;
use telhook::signing::PrivateKey;
use telhook::telnyx::{self, SIGNATURE_HEADER, TIMESTAMP_HEADER};

const NOW: i64 = 1_800_000_000;

static VALIDATORS: LazyLock<Validators> = LazyLock::new(|| Validators::new(false));
static KEY: LazyLock<PrivateKey> = LazyLock::new(|| PrivateKey::from_seed(&[9; 32]));
static OTHER: LazyLock<PrivateKey> = LazyLock::new(|| PrivateKey::from_seed(&[10; 32]));
static CREDENTIALS: LazyLock<Credentials> =
    LazyLock::new(|| Credentials::parse("user:secret").expect("credentials"));

#[derive(Debug, Arbitrary)]
enum End {
    Whole,
    TooLarge,
    TimedOut,
    Failed(String),
}

#[derive(Debug, Arbitrary)]
enum Auth {
    None,
    /// Signed by the configured key (or another) at NOW + offset seconds.
    Signed {
        other_key: bool,
        offset: i16,
    },
    /// `Authorization` with the configured credentials, or these.
    Basic(Option<String>),
}

#[derive(Debug, Arbitrary)]
struct Request {
    method: String,
    path: String,
    query: Option<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    end: End,
    auth: Auth,
}

#[derive(Debug, Arbitrary)]
struct Input {
    key: bool,
    other_keys: bool,
    basic_auth: bool,
    path: Option<String>,
    reject_unknown: bool,
    fail_first: u8,
    tolerance: Option<u16>,
    forward: bool,
    status: u16,
    requests: Vec<Request>,
}

/// Nothing a terminal would act on.
fn printable(text: &str) -> bool {
    text.chars().all(|c| {
        c == '\n'
            || c == '\t'
            || !(c.is_control()
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}'))
    })
}

fuzz_target!(|input: Input| {
    let config = ReceiverConfig {
        key: input.key.then(|| KEY.public()),
        other_keys: if input.other_keys {
            vec![("the other key".to_string(), OTHER.public())]
        } else {
            Vec::new()
        },
        basic_auth: input.basic_auth.then(|| CREDENTIALS.clone()),
        path: input.path.clone(),
        reject_unknown: input.reject_unknown,
        fail_first: u32::from(input.fail_first % 4),
        tolerance: input.tolerance.map(u64::from),
        forward_to: input.forward.then(|| "http://127.0.0.1:9/app".to_string()),
        status: 100 + input.status % 500,
        ..ReceiverConfig::default()
    };
    let mut ui = telhook::ui::Ui::plain().with_width(Some(100));
    ui.verbose = 1;
    let state = State::new();
    for r in input.requests.iter().take(8) {
        let mut headers = r.headers.clone();
        match &r.auth {
            Auth::None => {}
            Auth::Signed { other_key, offset } => {
                let key = if *other_key { &*OTHER } else { &*KEY };
                let ts = (NOW + i64::from(*offset)).to_string();
                headers.push((
                    SIGNATURE_HEADER.to_string(),
                    telnyx::sign(key, &ts, &r.body),
                ));
                headers.push((TIMESTAMP_HEADER.to_string(), ts));
            }
            Auth::Basic(given) => {
                let value = match given {
                    None => CREDENTIALS.header_value(),
                    Some(text) => text.clone(),
                };
                headers.push(("Authorization".to_string(), value));
            }
        }
        let body = match &r.end {
            End::Whole => Ok(r.body.clone()),
            End::TooLarge => Err(BodyError::TooLarge(r.body.clone())),
            End::TimedOut => Err(BodyError::TimedOut(r.body.clone())),
            End::Failed(why) => Err(BodyError::Failed(r.body.clone(), why.clone())),
        };
        let received = Received {
            received_at: DateTime::from_timestamp(NOW, 0).expect("a time"),
            remote_addr: Some("127.0.0.1:40000".to_string()),
            method: r.method.clone(),
            path: r.path.clone(),
            query: r.query.clone(),
            headers: headers.clone(),
            body,
        };
        let decision = decide(&config, &state, &VALIDATORS, received, NOW);
        assert!((100..=599).contains(&decision.reply.status));
        assert_eq!(decision.entry.status, decision.reply.status);
        state.count(&decision.entry);

        // The capture record reads back with the request's exact bytes and headers.
        let line = serde_json::to_vec(&decision.entry.record_ref(true)).expect("a record serialises");
        match Line::parse(&line) {
            Line::Record(record) => {
                assert_eq!(record.body_bytes().expect("the body decodes"), r.body);
                assert_eq!(record.headers, headers);
                assert_eq!(record.status, Some(decision.reply.status));
            }
            other => panic!("the capture line does not read back: {other:?}"),
        }
        let _ = capture::body_of(std::str::from_utf8(&line).expect("JSON is UTF-8"));
        let _ = serde_json::to_string(&decision.entry.line()).expect("the line serialises");
        let text = decision.entry.text(&ui);
        assert!(printable(&text), "{text:?}");
    }
    let _ = state.summary();
});
