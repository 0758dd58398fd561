//! telhook: play Telnyx and Bandwidth for your webhook endpoints.
//!
//! The binary (`src/main.rs`) only parses and dispatches; everything lives here so tests and the
//! completion generator can reach it.

pub mod bandwidth;
pub mod capture;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod completion;
pub mod config;
pub(crate) mod delivery;
pub(crate) mod emulator;
pub mod example;
pub mod exit;
#[doc(hidden)]
pub mod fuzzing;
pub mod http;
pub(crate) mod output;
pub(crate) mod patch;
pub(crate) mod receiver;
pub mod schema;
pub mod signing;
pub mod sms;
pub(crate) mod stored;
#[cfg(test)]
mod strategies;
pub mod telnyx;
pub mod template;
pub mod ui;

pub use catalog::Provider;
pub use exit::ExitStatus;
