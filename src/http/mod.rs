//! The HTTP layer shared by the commands: the delivery engine (`client`), what an answer must be
//! (`reply`), many deliveries at once (`load`), and a tiny_http listener wrapper (`server`).

pub mod client;
pub mod load;
pub mod reply;
pub mod server;

pub use client::{Failure, Request, Response};

/// The first value of a header in an arrival-ordered list (names compared case-insensitively).
pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
