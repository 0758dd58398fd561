//! Only the wire: the client side (a request, its answer, the transports that carry it), the
//! server side (hyper 1 with limits, [`server`]), and header helpers. No provider, no capture, no
//! delivery rules.

pub mod client;
pub mod server;

pub use client::{Client, Connections, Failure, Request, Response, Transport};

/// The first value of a header in an arrival-ordered list (names compared case-insensitively).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
