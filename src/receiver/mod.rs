//! The receiver engine behind `telhook listen` and `demo`: bind, take requests, decide what each
//! one is and how to answer it ([`decide`], a pure function), carry the decision out (wait,
//! forward to the app, capture, print, answer), and keep the run's state (duplicates, order,
//! the summary). It takes a typed [`Config`]; no clap here.

mod decide;
mod entry;
pub(crate) mod printer;
mod server;
mod state;

pub use decide::{Body, Decision, Received, decide, refused};
pub use entry::{Entry, EventLine};
pub use server::{Listening, Server};
pub use state::{State, Summary};

use std::path::PathBuf;
use std::time::Duration;

pub use crate::http::server::Limits;

use crate::bandwidth::auth::Credentials;
use crate::signing::PublicKey;

/// The port `listen` binds by default.
pub const DEFAULT_PORT: u16 = 5000;
/// The address bound by default: private to this machine.
pub const DEFAULT_HOST: &str = "127.0.0.1";
/// The status accepted requests get by default.
pub const DEFAULT_STATUS: u16 = 200;
/// The largest body accepted by default: 1 MiB.
pub const DEFAULT_MAX_BODY: usize = 1 << 20;
/// How long the app behind `--forward-to` has to answer.
pub const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything a receiver needs to know, already checked and loaded (keys parsed, files read).
#[derive(Debug, Clone)]
pub struct Config {
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
    /// The one webhook path, other paths getting 404; `None` serves every path.
    pub path: Option<String>,
    /// The Telnyx public key; without one Telnyx requests are taken unverified.
    pub key: Option<PublicKey>,
    /// Other keys a mismatched signature is tried with, to say which one made it (the default
    /// pair when a `./telnyx.pub` verifies, and the other way round), each with its name.
    pub other_keys: Vec<(String, PublicKey)>,
    /// Timestamp tolerance in seconds, either way; `None` does not check the age.
    pub tolerance: Option<u64>,
    /// Bandwidth credentials: requests without them get the 401 challenge.
    pub basic_auth: Option<Credentials>,
    /// Refuse (400) requests whose event cannot be recognised.
    pub reject_unknown: bool,
    /// Append every request to this JSON Lines file.
    pub capture: Option<PathBuf>,
    /// Keep `Authorization` values in the capture as they came (by default only their scheme
    /// and a Basic user are kept).
    pub capture_credentials: bool,
    /// The status accepted requests get.
    pub status: u16,
    /// Wait this long before answering a recognised event.
    pub delay: Duration,
    /// Answer 500 to the first N attempts of each event id.
    pub fail_first: u32,
    /// The BXML document answered to Bandwidth callbacks that need one.
    pub bxml: String,
    /// Pass accepted requests on to this base URL and relay the app's answer.
    pub forward_to: Option<String>,
    /// Stop after this many requests.
    pub max_events: Option<usize>,
    /// Stop after this long.
    pub timeout: Option<Duration>,
    /// Larger bodies get 413.
    pub max_body: usize,
    /// Connections, requests in flight, head sizes and read timeouts.
    pub limits: Limits,
}

impl Default for Config {
    /// `listen`'s defaults: port 5000 on loopback, every path, no key or credentials, the Telnyx
    /// tolerance, 200 to everything accepted, the minimal BXML, 1 MiB bodies.
    fn default() -> Self {
        Config {
            host: DEFAULT_HOST.to_string(),
            port: DEFAULT_PORT,
            path: None,
            key: None,
            other_keys: Vec::new(),
            tolerance: Some(crate::telnyx::TOLERANCE_SECS),
            basic_auth: None,
            reject_unknown: false,
            capture: None,
            capture_credentials: false,
            status: DEFAULT_STATUS,
            delay: Duration::ZERO,
            fail_first: 0,
            bxml: crate::bandwidth::MINIMAL_BXML.to_string(),
            forward_to: None,
            max_events: None,
            timeout: None,
            max_body: DEFAULT_MAX_BODY,
            limits: Limits::default(),
        }
    }
}
