//! The emulator's request parsing: the Telnyx and Bandwidth routes, authentication, content
//! type and send bodies, and the `/_telhook/text` body; then, for what is accepted, the answer
//! and webhooks built from it.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use telhook::bandwidth::api as bandwidth;
use telhook::bandwidth::auth::Credentials;
use telhook::catalog::Provider;
use telhook::fuzzing::{Fate, outcome_for, parse_text};
use telhook::telnyx::api as telnyx;

#[derive(Debug, Arbitrary)]
struct Input {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    api_key: Option<String>,
    api_auth: Option<String>,
    served: u8,
}

fn minted() -> telnyx::Minted {
    telnyx::Minted {
        id: "40385f64-5717-4562-b3fc-2c963f66afa6".to_string(),
        organization_id: "b1b1b1b1-5717-4562-b3fc-2c963f66afa6".to_string(),
        messaging_profile_id: "c2c2c2c2-5717-4562-b3fc-2c963f66afa6".to_string(),
        received_at: "2026-01-01T00:00:00.000+00:00".to_string(),
    }
}

const FATES: [Fate; 4] = [
    Fate::Delivered,
    Fate::DeliveryFailed,
    Fate::SendingFailed,
    Fate::Unconfirmed,
];

fuzz_target!(|input: Input| {
    // Telnyx.
    match telnyx::route(&input.method, &input.path) {
        Some(Err(e)) => {
            let _ = e.body();
        }
        Some(Ok(_)) | None => {}
    }
    if let Err(e) = telnyx::authenticate(&input.headers, input.api_key.as_deref()) {
        let _ = e.body();
    }
    match telnyx::parse_send(&input.body) {
        Ok(request) => {
            let message = telnyx::queued(&request, &minted());
            let _ = telnyx::answer(message.clone());
            let _ = telnyx::glance(&message);
            let sent = telnyx::sent(&message, "2026-01-01T00:00:01.000+00:00");
            let _ = telnyx::webhook("message.sent", sent, "e1", "2026-01-01T00:00:01.000+00:00");
            for fate in FATES {
                let _ = telnyx::is_sent(fate);
                let done = telnyx::finalized(
                    &message,
                    fate,
                    "2026-01-01T00:00:01.000+00:00",
                    "2026-01-01T00:00:02.000+00:00",
                );
                let hook = telnyx::webhook(
                    "message.finalized",
                    done,
                    "e2",
                    "2026-01-01T00:00:02.000+00:00",
                );
                let _ = telnyx::view(&hook);
                let _ = telnyx::message_id(&hook);
            }
            let _ = telnyx::webhook_urls(&request, &["http://127.0.0.1:9/".to_string()]);
            let _ = outcome_for(&request.to);
        }
        Err(e) => {
            let _ = e.body();
        }
    }

    // Bandwidth.
    match bandwidth::route(&input.method, &input.path) {
        Some(Err(e)) => {
            let _ = (e.status, e.body, e.said);
        }
        Some(Ok(_)) | None => {}
    }
    let _ = bandwidth::content_type(&input.headers);
    let credentials = input
        .api_auth
        .as_deref()
        .and_then(|a| Credentials::parse(a).ok());
    let _ = bandwidth::authenticate(&input.headers, credentials.as_ref());
    if let Ok(request) = bandwidth::parse_send(&input.body) {
        let message =
            bandwidth::accepted(&request, "1767225600000abcdef", "2026-01-01T00:00:00.000Z");
        let kept = bandwidth::kept(&message);
        let _ = bandwidth::glance(&message);
        for to in &request.to {
            let times = ["2026-01-01T00:00:01.000Z", "2026-01-01T00:00:02.000Z"];
            for (_, callback) in bandwidth::callbacks(&message, to, outcome_for(to), times) {
                let _ = bandwidth::view(&callback);
                let _ = bandwidth::status_of(&callback);
                let _ = bandwidth::message_id(&callback);
            }
        }
        let _ = bandwidth::listing("9900000", [&kept].into_iter(), Some("1767225600000abcdef"));
    }

    // The control API's text.
    let served = match input.served % 3 {
        0 => None,
        1 => Some(Provider::Telnyx),
        _ => Some(Provider::Bandwidth),
    };
    if let Ok((provider, text)) = parse_text(&input.body, served) {
        match provider {
            Provider::Telnyx => {
                let facts = vec![(1234, "ab".repeat(32)); text.media.len()];
                let _ = telnyx::received(&text, &minted(), &facts);
            }
            Provider::Bandwidth => {
                for owner in &text.to {
                    let _ = bandwidth::received(
                        "1767225600000abcdef",
                        owner,
                        "93de2206-9669-4e07-948d-329f4b722ee2",
                        &text,
                        "2026-01-01T00:00:00.000Z",
                    );
                }
            }
        }
    }
});
