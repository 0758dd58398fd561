//! Telnyx signature verification with its diagnosis: arbitrary headers, key text and body,
//! sometimes with a signature made over them (or over other bytes) so the diagnosis runs its
//! candidates against a real key.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use telhook::signing::{PrivateKey, PublicKey};
use telhook::telnyx::{self, Problem, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifyRequest};

#[derive(Debug, Arbitrary)]
enum Key {
    /// The public key of the seed `[n; 32]`.
    Seed(u8),
    /// Text given for a public key (base64, hex, PEM, anything).
    Text(String),
}

#[derive(Debug, Arbitrary)]
enum Signed {
    /// The headers as they are.
    AsGiven,
    /// Signature and timestamp headers put first, made by the seed `[n; 32]` at `timestamp`
    /// over `body` (the received body when `None`).
    By {
        seed: u8,
        timestamp: String,
        body: Option<Vec<u8>>,
    },
}

#[derive(Debug, Arbitrary)]
struct Input {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    key: Key,
    signed: Signed,
    other_keys: Vec<u8>,
    now: i64,
    tolerance: Option<u64>,
    /// Text given for a private key (`sign --key`).
    private_key: String,
}

fuzz_target!(|input: Input| {
    let _ = PrivateKey::parse(&input.private_key);
    let key = match &input.key {
        Key::Seed(n) => Ok(PrivateKey::from_seed(&[*n; 32]).public()),
        Key::Text(text) => PublicKey::parse(text),
    };
    let mut headers = input.headers.clone();
    if let Signed::By {
        seed,
        timestamp,
        body,
    } = &input.signed
    {
        let signer = PrivateKey::from_seed(&[*seed; 32]);
        let signed = body.as_deref().unwrap_or(&input.body);
        let signature = telnyx::sign(&signer, timestamp, signed);
        headers.insert(0, (TIMESTAMP_HEADER.to_string(), timestamp.clone()));
        headers.insert(0, (SIGNATURE_HEADER.to_string(), signature));
    }
    let _ = telnyx::repeated_signature_header(&headers);
    let _ = telnyx::sent_by(&headers);
    let others: Vec<(String, PublicKey)> = input
        .other_keys
        .iter()
        .take(3)
        .map(|n| {
            (
                format!("key {n}"),
                PrivateKey::from_seed(&[*n; 32]).public(),
            )
        })
        .collect();
    let request = VerifyRequest {
        body: &input.body,
        signature: telhook::http::header(&headers, SIGNATURE_HEADER),
        timestamp: telhook::http::header(&headers, TIMESTAMP_HEADER),
        key: key.clone(),
        now: input.now,
        tolerance: input.tolerance,
        other_keys: &others,
    };
    let problems = telnyx::verify(&request);
    for p in &problems {
        let _ = p.to_string();
        let _ = p.code();
        let _ = p.is_age();
    }
    // A signature over exactly these bytes and this timestamp, by the key given, matches.
    if let (
        Signed::By {
            seed,
            body: None,
            timestamp,
        },
        Key::Seed(n),
    ) = (&input.signed, &input.key)
        && seed == n
        && !timestamp.is_empty()
    {
        assert!(
            !problems.iter().any(|p| matches!(p, Problem::Mismatch(_))),
            "a good signature was called a mismatch: {problems:?}"
        );
    }
});
