//! The HTTP layer shared by the commands: a tiny_http listener wrapper (`server`).

pub mod server;
