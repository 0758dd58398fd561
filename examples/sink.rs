//! A do-nothing webhook receiver for benchmarks (`benches/send.sh`): binds 127.0.0.1 on a free
//! port, prints `http://127.0.0.1:PORT/` as its first stdout line, then answers every request with
//! `204 No Content` (no body) forever, after reading the request body.
//!
//!   cargo run --release --example sink [WORKERS]     # WORKERS defaults to 4
//!
//! tiny_http reads each connection on its own thread; WORKERS threads take the parsed requests
//! from it (`Server::recv`) and answer them.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{self, Write};
use std::sync::Arc;
use std::thread;

fn main() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let workers: usize = match std::env::args().nth(1) {
        Some(s) => s.parse()?,
        None => 4,
    };
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0")?);
    let port = server
        .server_addr()
        .to_ip()
        .ok_or("sink: not listening on an IP address")?
        .port();
    {
        let mut out = io::stdout().lock();
        writeln!(out, "http://127.0.0.1:{port}/")?;
        out.flush()?;
    }

    let handles: Vec<_> = (0..workers.max(1))
        .map(|_| {
            let server = Arc::clone(&server);
            thread::spawn(move || {
                loop {
                    let mut request = match server.recv() {
                        Ok(r) => r,
                        Err(e) => {
                            eprintln!("sink: recv: {e}");
                            continue;
                        }
                    };
                    // Read (and drop) the body, as a real receiver would before answering.
                    let _ = io::copy(request.as_reader(), &mut io::sink());
                    let _ = request.respond(tiny_http::Response::empty(204));
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    Ok(())
}
