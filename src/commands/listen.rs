//! `telhook listen`: a local receiver that verifies each webhook (Telnyx signature, Bandwidth
//! Basic challenge), prints one line per request, answers like a well-behaved (or deliberately
//! slow or broken) app, and captures every request byte for byte.

use anyhow::Context;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crate::bandwidth::{self, auth::Credentials};
use crate::commands::args::{self, check_url, parse_delay, parse_duration, parse_whole_secs};
use crate::config::Defaults;
use crate::exit::ExitStatus;
use crate::receiver::{self, Config, Limits, Server};
use crate::ui::Ui;

/// `--path`: an absolute path.
fn parse_path(s: &str) -> Result<String, String> {
    if !s.starts_with('/') {
        return Err(format!("`{s}` does not start with `/`; write --path /{s}"));
    }
    if s.contains(['?', '#']) || s.chars().any(char::is_whitespace) {
        return Err(format!(
            "`{s}` is not a plain path (no query, fragment or spaces)"
        ));
    }
    Ok(s.to_string())
}

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Port to listen on; 0 picks a free one (the first line says which).
    #[arg(long, default_value_t = receiver::DEFAULT_PORT, value_name = "PORT")]
    pub port: u16,
    /// Address to bind. The default keeps the listener private to this machine.
    #[arg(long, default_value = receiver::DEFAULT_HOST, value_name = "HOST")]
    pub host: String,
    /// Serve only this path (e.g. /webhooks); other paths get 404. Default: every path.
    #[arg(long, value_name = "PATH", value_parser = parse_path)]
    pub path: Option<String>,
    /// Telnyx public key (base64 of the raw 32 bytes) or a file holding it [env:
    /// TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files' public_key, else your
    /// default key pair's (made on first use, the one `send` signs with).
    #[arg(long, value_name = "KEY|FILE", allow_hyphen_values = true)]
    pub public_key: Option<String>,
    /// Accept Telnyx requests without checking their signatures.
    #[arg(long, conflicts_with_all = ["public_key", "tolerance", "no_tolerance"])]
    pub no_verify: bool,
    /// Timestamp tolerance, either way (as `verify`; e.g. 300, 5m).
    #[arg(long, default_value = "300s", value_name = "DURATION", value_parser = parse_whole_secs)]
    pub tolerance: u64,
    /// Do not check the Telnyx timestamp's age.
    #[arg(long, conflicts_with = "tolerance")]
    pub no_tolerance: bool,
    /// Bandwidth credentials, USER:PASS: requests without them get a 401 challenge [env:
    /// TELHOOK_BASIC_AUTH].
    #[arg(long, value_name = "USER:PASS", value_parser = Credentials::parse)]
    pub basic_auth: Option<Credentials>,
    /// Reject requests whose provider or event cannot be recognised (400).
    #[arg(long, alias = "strict")]
    pub reject_unknown: bool,
    /// Append every request to this JSON Lines file (format in the README).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub capture: Option<PathBuf>,
    /// Keep Authorization values in the capture verbatim (by default only the scheme and a
    /// Basic user are kept: `Basic <redacted user=bw>`).
    #[arg(long, requires = "capture")]
    pub capture_credentials: bool,
    /// Status to answer accepted requests with.
    #[arg(long, default_value_t = receiver::DEFAULT_STATUS, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,
    /// Wait this long before answering (a slow app; Telnyx gives up after 2 s).
    #[arg(long, default_value = "0ms", value_name = "DURATION", value_parser = parse_delay)]
    pub delay: Duration,
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
    /// Exit after this long (e.g. 30s, 5m).
    #[arg(long, value_name = "DURATION", alias = "timeout", value_parser = parse_duration)]
    pub exit_after: Option<Duration>,
    /// Largest body accepted, at most 1 GiB; larger ones get 413.
    #[arg(long, default_value_t = receiver::DEFAULT_MAX_BODY as u64, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub max_body: u64,
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
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = parse_duration)]
    pub read_timeout: Duration,
    /// Close a keep-alive connection idle for this long.
    #[arg(long, default_value = "60s", value_name = "DURATION", value_parser = parse_duration)]
    pub idle_timeout: Duration,
}

impl Args {
    /// The receiver's configuration: the key found and parsed, the BXML read, the URL checked.
    pub fn config(&self, ui: &Ui) -> anyhow::Result<Config> {
        let defaults = Defaults::load()?;
        let (key, other_keys) = if self.no_verify {
            (None, Vec::new())
        } else {
            let key = args::verifying_key(&defaults, self.public_key.as_deref(), true, ui)?
                .context(
                    "no Telnyx public key to verify with: pass --public-key KEY|FILE (or set TELNYX_PUBLIC_KEY), set HOME or XDG_CONFIG_HOME for your default pair, or pass --no-verify to accept Telnyx requests unchecked",
                )?;
            // A sender signing with another of this machine's keys is then named as such.
            let others = defaults.other_public_keys(&key.source, Some(key.value));
            (Some(key.value), others)
        };
        let basic_auth = defaults
            .basic_auth(self.basic_auth.as_ref())?
            .map(|c| c.value);
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
            other_keys,
            tolerance: (!self.no_tolerance).then_some(self.tolerance),
            basic_auth,
            reject_unknown: self.reject_unknown,
            capture: self.capture.clone(),
            capture_credentials: self.capture_credentials,
            status: self.status,
            delay: self.delay,
            fail_first: self.fail_first,
            bxml,
            forward_to,
            max_events: self.max_events,
            timeout: self.exit_after,
            max_body: self.max_body as usize,
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
    let config = args.config(ui)?;
    let unverified = config.key.is_none();
    let server = Server::bind(config, ui, None)?;
    server.announce()?;
    args::warn_if_exposed(
        ui,
        &args.host,
        server.url(),
        "can send it requests, which it answers, prints and captures",
    )?;
    if unverified {
        ui.note("telhook: Telnyx signatures are not checked (--no-verify)")?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        // The first Ctrl-C stops accepting and lets the requests in flight end (within --delay
        // and 2 s), then prints the summary; a second ends the process at once (exit 130: every
        // capture record is already written).
        let _ = ctrlc::set_handler(move || {
            if stop.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    }
    server.serve(&stop)?;
    if stop.load(Ordering::SeqCst) && ui.stdout_is_tty() {
        // Off the line the terminal echoed ^C on.
        ui.line("")?;
    }
    if server.output_closed() {
        // `listen | head -1`: the reader has what it wanted; main exits 0 without a word.
        return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into());
    }
    server.print_summary()?;
    Ok(server.status())
}
