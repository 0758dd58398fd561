//! The smallest Telnyx receiver on telhook's own server stack, for `benches/listen.sh`: it reads
//! each body, checks the Ed25519 signature over `{timestamp}|{body}` with the same code
//! `telhook listen` uses, and answers 200 (or 403). Nothing else: no recognition, no capture, no
//! lines. Binds 127.0.0.1 on a free port and prints `http://127.0.0.1:PORT/` first.
//!
//!   cargo run --release --example verify_receiver -- PUBLIC_KEY_FILE
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::sync::Arc;

use base64::Engine;
use telhook::http::server::{Handler, Incoming, Limits, Listener, Notice, Outgoing, Refused};
use telhook::signing::PublicKey;
use telhook::telnyx::{SIGNATURE_HEADER, TIMESTAMP_HEADER, sign::signed_message};

struct Verify(PublicKey);

impl Handler for Verify {
    async fn handle(&self, mut request: Incoming) -> Outgoing {
        let body = request.read_body(1 << 20).await.unwrap_or_default();
        let header = |name: &str| telhook::http::header(&request.head.headers, name);
        let signature = header(SIGNATURE_HEADER)
            .and_then(|s| base64::engine::general_purpose::STANDARD.decode(s).ok())
            .and_then(|s| <[u8; 64]>::try_from(s).ok());
        let ok = match (signature, header(TIMESTAMP_HEADER)) {
            (Some(sig), Some(ts)) => self.0.verifies(&signed_message(ts, &body), &sig),
            _ => false,
        };
        Outgoing {
            status: if ok { 200 } else { 403 },
            headers: Vec::new(),
            body: Vec::new(),
            close: false,
        }
    }

    fn refused(&self, _: Refused) {}

    fn notice(&self, notice: Notice) {
        eprintln!("verify_receiver: {notice:?}");
    }
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: verify_receiver PUBLIC_KEY_FILE"))?;
    let key = PublicKey::parse_file_bytes(&std::fs::read(&path)?)?;
    let listener = Listener::bind("127.0.0.1", 0)?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "http://{}/", listener.addr())?;
        out.flush()?;
    }
    listener.serve(Limits::default(), Arc::new(Verify(key)), || false)
}
