//! `telhook listen`: a local receiver that verifies each webhook (Telnyx signature, Bandwidth
//! Basic challenge), prints one line per request, answers like a well-behaved (or deliberately
//! slow or broken) app, and captures every request byte for byte.

use anyhow::Context;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::bandwidth::{self, auth::Credentials};
use crate::commands::args::{BASIC_AUTH_ENV, check_url, parse_secs};
use crate::exit::ExitStatus;
use crate::receiver::{self, Config, Limits, Server};
use crate::signing::{self, PublicKey};
use crate::telnyx::{self, PUBLIC_KEY_ENV};
use crate::ui::Ui;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Port to listen on; 0 picks a free one (the first line says which).
    #[arg(long, default_value_t = receiver::DEFAULT_PORT, value_name = "PORT")]
    pub port: u16,
    /// Address to bind. The default keeps the listener private to this machine.
    #[arg(long, default_value = receiver::DEFAULT_HOST, value_name = "HOST")]
    pub host: String,
    /// Only this path is a webhook endpoint; other paths get 404.
    #[arg(long, default_value = receiver::DEFAULT_PATH, value_name = "PATH")]
    pub path: String,
    /// Telnyx public key (base64 of the raw 32 bytes) or a file holding it; without one, Telnyx
    /// requests are accepted unverified.
    #[arg(long, value_name = "KEY|FILE", env = PUBLIC_KEY_ENV, hide_env_values = true, allow_hyphen_values = true)]
    pub public_key: Option<String>,
    /// Timestamp tolerance in seconds, either way (as `verify`).
    #[arg(long, default_value_t = telnyx::TOLERANCE_SECS, value_name = "SECS")]
    pub tolerance: u64,
    /// Do not check the Telnyx timestamp's age.
    #[arg(long, conflicts_with = "tolerance")]
    pub no_tolerance: bool,
    /// Bandwidth credentials, USER:PASS: requests without them get a 401 challenge.
    #[arg(long, value_name = "USER:PASS", env = BASIC_AUTH_ENV, hide_env_values = true, value_parser = Credentials::parse)]
    pub basic_auth: Option<Credentials>,
    /// Reject requests whose provider or event cannot be recognised (400).
    #[arg(long)]
    pub strict: bool,
    /// Append every request to this JSON Lines file (format in the README).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub capture: Option<PathBuf>,
    /// Status to answer accepted requests with.
    #[arg(long, default_value_t = receiver::DEFAULT_STATUS, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,
    /// Wait this long before answering (a slow app; Telnyx gives up after 2 s).
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub delay: u64,
    /// Answer 500 to the first N attempts of each event id (to exercise retries).
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub fail_first: u32,
    /// BXML document for Bandwidth callbacks that need one (default: an empty <Response/>).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub bxml: Option<PathBuf>,
    /// Pass each accepted request on to your app and relay its answer.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub forward_to: Option<String>,
    /// Exit after this many requests.
    #[arg(long, value_name = "N")]
    pub max_events: Option<usize>,
    /// Exit after this many seconds.
    #[arg(long, value_name = "SECS")]
    pub timeout: Option<u64>,
    /// Largest body accepted; larger ones get 413.
    #[arg(long, default_value_t = receiver::DEFAULT_MAX_BODY, value_name = "BYTES")]
    pub max_body: usize,
    /// Connections open at once; more wait until one closes.
    #[arg(long, default_value_t = Limits::DEFAULT.max_connections as u32, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,
    /// Requests answered at once (those waiting on --delay or --forward-to count); more get 503.
    #[arg(long, default_value_t = Limits::DEFAULT.max_in_flight as u32, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_in_flight: u32,
    /// Largest request head (request line and headers); larger ones get 431.
    #[arg(long, default_value_t = Limits::DEFAULT.max_head as u32, value_name = "BYTES", value_parser = clap::value_parser!(u32).range(8192..=16_777_216))]
    pub max_header_bytes: u32,
    /// A request's head must arrive within this of its first byte, its body within this of
    /// its head; else 408.
    #[arg(long, default_value = "10", value_name = "SECS", value_parser = parse_secs)]
    pub read_timeout: Duration,
    /// Close a keep-alive connection idle for this long.
    #[arg(long, default_value = "60", value_name = "SECS", value_parser = parse_secs)]
    pub idle_timeout: Duration,
}

impl Args {
    /// The receiver's configuration: the key parsed, the BXML read, the URL checked.
    pub fn config(&self) -> anyhow::Result<Config> {
        let key = signing::key_text("--public-key", self.public_key.as_deref(), PUBLIC_KEY_ENV)?
            .map(|t| {
                PublicKey::parse_file_bytes(&t.text)
                    .with_context(|| format!("reading the public key from {}", t.origin))
            })
            .transpose()?;
        let bxml = match &self.bxml {
            Some(p) => std::fs::read_to_string(p)
                .with_context(|| format!("reading BXML file {}", p.display()))?,
            None => bandwidth::MINIMAL_BXML.to_string(),
        };
        let forward_to = self
            .forward_to
            .as_deref()
            .map(|u| check_url("--forward-to", u))
            .transpose()?;
        Ok(Config {
            host: self.host.clone(),
            port: self.port,
            path: self.path.clone(),
            key,
            tolerance: (!self.no_tolerance).then_some(self.tolerance),
            basic_auth: self.basic_auth.clone(),
            strict: self.strict,
            capture: self.capture.clone(),
            status: self.status,
            delay: Duration::from_millis(self.delay),
            fail_first: self.fail_first,
            bxml,
            forward_to,
            max_events: self.max_events,
            timeout: self.timeout.map(Duration::from_secs),
            max_body: self.max_body,
            limits: Limits {
                max_connections: self.max_connections as usize,
                max_in_flight: self.max_in_flight as usize,
                max_head: self.max_header_bytes as usize,
                read_timeout: self.read_timeout,
                idle_timeout: self.idle_timeout,
                ..Limits::default()
            },
        })
    }
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let config = args.config()?;
    let unverified = config.key.is_none();
    let server = Server::bind(config, ui, None)?;
    server.announce()?;
    if unverified {
        ui.note(
            "telhook: no --public-key (or TELNYX_PUBLIC_KEY): Telnyx signatures are not checked",
        )?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // A second Ctrl-C while shutting down is ignored; the summary still prints.
        let _ = ctrlc::set_handler(move || stop.store(true, Ordering::SeqCst));
    }
    server.serve(&stop)?;
    if server.output_closed() {
        // `listen | head -1`: the reader has what it wanted; main exits 0 without a word.
        return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into());
    }
    server.print_summary()?;
    Ok(server.status())
}
