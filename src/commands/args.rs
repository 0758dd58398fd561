//! Argument pieces several commands share: the delivery flags of `send` and `replay`, the
//! emulator's address, key and body loading, time and header parsing, input expansion.

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::bandwidth::auth::Credentials;
use crate::delivery::{Settings, Timing};

/// Read a body byte for byte from FILE, or from stdin for `-` (refusing a terminal, where the
/// user would otherwise wait for a prompt that never comes).
pub fn read_body(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path == Path::new("-") {
        let stdin = std::io::stdin();
        if stdin.is_terminal() {
            bail!("no body: give the body FILE, or pipe it in (`-` reads stdin)");
        }
        let mut body = Vec::new();
        stdin
            .lock()
            .read_to_end(&mut body)
            .context("reading the body from stdin")?;
        return Ok(body);
    }
    std::fs::read(path).with_context(|| format!("reading body file {}", path.display()))
}

/// Parse `--now`/`--timestamp`-style instants: Unix seconds or RFC 3339.
pub fn parse_instant(s: &str) -> Result<i64, String> {
    if let Ok(n) = s.parse::<i64>() {
        return Ok(n);
    }
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.timestamp())
        .map_err(|_| {
            format!("`{s}` is neither Unix seconds nor an RFC 3339 time (2026-01-02T03:04:05Z)")
        })
}

pub use crate::config::{BASIC_AUTH_ENV, PRIVATE_KEY_ENV};

use crate::config::{Defaults, Resolved, Source};
use crate::signing::{PrivateKey, PublicKey};
use crate::ui::Ui;

/// The private key to sign Telnyx events with, from the first of `--private-key`,
/// `$TELHOOK_PRIVATE_KEY`, `./telnyx.key`, the project and user files, and the user's default
/// pair (made now if needed); one line on stderr says which unless it was given.
pub fn signing_key(
    ctx: &Defaults,
    flag: Option<&str>,
    ui: &Ui,
) -> anyhow::Result<Resolved<PrivateKey>> {
    let key = ctx.private_key(flag)?;
    note_found_key(ui, "signing Telnyx events", &key, &key.value.public())?;
    Ok(key)
}

/// The public key to verify Telnyx signatures with, found as [`signing_key`] finds the private
/// one (`--public-key`, `$TELNYX_PUBLIC_KEY`, `./telnyx.pub`, the files, the default pair); the
/// default pair is made now when `create` (listen) and only read otherwise (verify).
pub fn verifying_key(
    ctx: &Defaults,
    flag: Option<&str>,
    create: bool,
    ui: &Ui,
) -> anyhow::Result<Option<Resolved<PublicKey>>> {
    let key = ctx.public_key(flag, create)?;
    if let Some(k) = &key {
        note_found_key(ui, "verifying Telnyx signatures", k, &k.value)?;
    }
    Ok(key)
}

/// The one line on stderr that names a key the command found rather than was given: what it
/// is `doing` with it, where it is, and its public half.
pub fn note_found_key<T>(
    ui: &Ui,
    doing: &str,
    key: &Resolved<T>,
    public: &PublicKey,
) -> std::io::Result<()> {
    if key.source.given() {
        return Ok(());
    }
    ui.note(&format!(
        "telhook: {doing} with {} (public key {})",
        key_place(&key.source, key.file.as_deref()),
        public.to_base64()
    ))
}

/// Where a found key is, for the note: the source, and the file when the source does not say it.
fn key_place(source: &Source, file: Option<&Path>) -> String {
    match (source, file) {
        (Source::ProjectFile { path: cfg } | Source::UserFile { path: cfg }, Some(f)) => {
            format!("{} (named in {})", f.display(), cfg.display())
        }
        _ => source.to_string(),
    }
}

/// Input files in a stable order: files (and `-`) as given, directories walked recursively with
/// their entries sorted, keeping files with one of `extensions`.
pub fn expand_inputs(paths: &[PathBuf], extensions: &[&str]) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p == Path::new("-") {
            out.push(p.clone());
            continue;
        }
        let meta = std::fs::metadata(p).with_context(|| format!("reading {}", p.display()))?;
        if meta.is_dir() {
            walk(p, extensions, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    // Entries are typed without following symlinks, so a link loop cannot recurse forever
    // (linked directories are not entered; linked files are read).
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)
        .with_context(|| format!("reading directory {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
        .collect();
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            walk(&path, extensions, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| extensions.contains(&e))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// How to deliver, shared by `send` and `replay`: URLs after --to, credentials, the provider
/// rules' knobs, pacing.
#[derive(Debug, clap::Args)]
pub struct DeliveryArgs {
    /// Where to deliver once the attempts on --to are used up (Telnyx's failover URL,
    /// Bandwidth's fallback URL).
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub failover_url: Option<String>,
    /// Deliveries in flight at once.
    #[arg(long, value_name = "C", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub concurrency: u64,
    /// Start at most R events per second.
    #[arg(long, value_name = "R")]
    pub rate: Option<f64>,
    /// Telnyx private key (a key or a key file, as `sign`) [env: TELHOOK_PRIVATE_KEY]. Without
    /// one: ./telnyx.key, the config files' private_key, else your default key pair (made on
    /// first use; `telhook config` shows which).
    #[arg(
        long,
        value_name = "KEY|FILE",
        allow_hyphen_values = true,
        conflicts_with = "no_signature"
    )]
    pub private_key: Option<String>,
    /// Send Telnyx events without signature headers.
    #[arg(long)]
    pub no_signature: bool,
    /// Bandwidth credentials for its challenge flow: the first request carries none, a 401
    /// with WWW-Authenticate is answered with them [env: TELHOOK_BASIC_AUTH].
    #[arg(long, value_name = "USER:PASS", value_parser = Credentials::parse)]
    pub basic_auth: Option<Credentials>,
    #[command(flatten)]
    pub retry: RetryArgs,
    /// Add a header to every request ('Name: value'); replaces the provider's header of that
    /// name. Repeatable.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// Accept self-signed and otherwise invalid TLS certificates.
    #[arg(long)]
    pub insecure: bool,
}

/// How each webhook is retried and judged, as the providers do unless told: `send`, `replay` and
/// `emulate` take the same flags.
#[derive(Debug, Clone, clap::Args)]
pub struct RetryArgs {
    /// Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its
    /// 24 hours of retries).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: Option<u32>,
    /// First wait between attempts, doubling after each: the providers' minutes compressed
    /// (e.g. 250ms, 1s).
    #[arg(long, value_name = "DURATION", default_value = "250ms", value_parser = parse_delay)]
    pub backoff: Duration,
    /// Wait as the providers do between attempts (minutes) instead of --backoff.
    #[arg(long, conflicts_with = "backoff")]
    pub provider_timing: bool,
    /// How long an answer may take, instead of the provider's (Telnyx 2s; Bandwidth 10s for
    /// messaging and v1, 15s for voice).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Option<Duration>,
}

impl RetryArgs {
    /// Set the attempts, the wait between them and the answer timeout of `settings`.
    pub fn apply(&self, settings: &mut Settings) {
        settings.attempts = self.max_attempts;
        settings.timing = if self.provider_timing {
            Timing::Provider
        } else {
            Timing::Compressed(self.backoff)
        };
        settings.timeout = self.timeout;
    }
}

/// Where a running `telhook emulate` is, for the commands that call its control API: `text`
/// and `emulate messages|reset|settle`.
#[derive(Debug, Clone, clap::Args)]
pub struct EmulatorArgs {
    /// The running emulator's address.
    #[arg(long = "emulator", default_value = crate::emulator::client::DEFAULT_URL, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub url: String,
}

/// Whether `--host` keeps a server to this machine: a loopback address or `localhost`.
pub fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost")
        || bare
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// One line on stderr when `--host` opens a server beyond this machine, naming what it opens:
/// `exposes` says what anyone who reaches `addr` can do.
pub fn warn_if_exposed(ui: &Ui, host: &str, addr: &str, exposes: &str) -> anyhow::Result<()> {
    if !is_loopback(host) {
        ui.warn(&format!(
            "--host {host}: listening on {addr}, beyond this machine: anyone who can reach it {exposes} (the default, 127.0.0.1, keeps it private)"
        ))?;
    }
    Ok(())
}

/// A delivery URL: the flag's value, else as [`Defaults::to`] finds it (listen's address by
/// default), checked, with errors naming the flag (or the file) it came from.
pub fn webhook_url(ctx: &Defaults, flag: &str, value: Option<&str>) -> anyhow::Result<String> {
    let to = ctx.to(value);
    check_url(&url_label(&to.source, flag), &to.value)
}

impl DeliveryArgs {
    /// The run's settings (without a signing key): the URL (`--to`, else as [`Defaults::to`]
    /// finds it), then the failover URL (both checked), the credentials, and the attempt rules.
    pub fn settings(&self, ctx: &Defaults, to: Option<&str>) -> anyhow::Result<Settings> {
        let mut urls = vec![webhook_url(ctx, "--to", to)?];
        if let Some(u) = &self.failover_url {
            urls.push(check_url("--failover-url", u)?);
        }
        let mut settings = Settings::new(urls);
        settings.credentials = ctx.basic_auth(self.basic_auth.as_ref())?.map(|c| c.value);
        self.retry.apply(&mut settings);
        settings.headers = self.headers.clone();
        settings.insecure = self.insecure;
        Ok(settings)
    }

    /// `--rate`, checked.
    pub fn check_rate(&self) -> anyhow::Result<()> {
        if self.rate.is_some_and(|r| r.is_nan() || r <= 0.0) {
            bail!("--rate must be above 0 events per second");
        }
        Ok(())
    }
}

/// Ctrl-C (or SIGTERM) for `send` and `replay`: the first sets this, and the run stops starting
/// deliveries, cuts those in flight, and still prints its summary and writes its reports; a
/// second ends the process at once (exit 130).
pub fn interrupt_flag() -> &'static std::sync::atomic::AtomicBool {
    use std::sync::atomic::{AtomicBool, Ordering};
    static FLAG: AtomicBool = AtomicBool::new(false);
    static HANDLER: std::sync::Once = std::sync::Once::new();
    HANDLER.call_once(|| {
        // Without a handler (one already set), Ctrl-C ends the process as it always did.
        let _ = ctrlc::set_handler(|| {
            if FLAG.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
        });
    });
    &FLAG
}

/// The exit status of a delivery run: 130 when interrupted, else by whether all were handled.
pub fn delivery_status(summary: &crate::delivery::Summary) -> crate::exit::ExitStatus {
    use crate::exit::ExitStatus;
    if summary.interrupted {
        ExitStatus::Interrupted
    } else if summary.failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    }
}

/// A duration as every time flag takes it: a number and a unit (`250ms`, `2s`, `1.5s`, `5m`,
/// `1h`, `1d`), or a bare number of seconds; above 0 and at most 30 days.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let d = duration(s, true)?;
    if d.is_zero() {
        return Err(format!("`{s}`: give a duration above 0 (e.g. 2s)"));
    }
    Ok(d)
}

/// A duration that may be 0 and must carry its unit (`--delay`, `--backoff`, which took
/// milliseconds before units: a bare `100` would be ambiguous, so it is refused).
pub fn parse_delay(s: &str) -> Result<Duration, String> {
    duration(s, false)
}

/// A whole number of seconds, written as any duration (`300`, `300s`, `5m`).
pub fn parse_whole_secs(s: &str) -> Result<u64, String> {
    let d = duration(s, true)?;
    if d.subsec_nanos() != 0 {
        return Err(format!("`{s}`: give whole seconds"));
    }
    Ok(d.as_secs())
}

fn duration(s: &str, bare_is_secs: bool) -> Result<Duration, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{s}` is not a duration; write e.g. 250ms, 2s, 1.5s or 5m"))?;
    let scale = match unit.trim() {
        "" if bare_is_secs || value == 0.0 => 1.0,
        "" => {
            return Err(format!(
                "`{s}` has no unit; write {s}ms or {s}s (a bare number here meant milliseconds before units; see CHANGELOG.md)"
            ));
        }
        "ms" => 0.001,
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        "d" => 86_400.0,
        other => {
            return Err(format!(
                "`{other}` in `{s}` is not a unit; use ms, s, m, h or d"
            ));
        }
    };
    let secs = value * scale;
    if !secs.is_finite() || secs > 30.0 * 86_400.0 {
        return Err(format!("`{s}`: give at most 30 days (30d)"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// How a duration reads in messages: `250 ms`, `2 s`, `1.5 s`.
pub fn show_duration(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{} s", (d.as_secs_f64() * 1000.0).round() / 1000.0)
    }
}

pub fn parse_header(s: &str) -> Result<(String, String), String> {
    // The value may be a credential (Authorization: ...), so it is never repeated.
    let (name, value) = s
        .split_once(':')
        .ok_or_else(|| "not a header (no `:` after its name); write 'Name: value'".to_string())?;
    let name = name.trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
        return Err(format!("`{name}` is not a valid header name"));
    }
    let value = value.trim();
    if value.bytes().any(|b| b == b'\r' || b == b'\n') {
        return Err("a header value cannot contain a line break".into());
    }
    Ok((name.to_string(), value.to_string()))
}

/// What a URL setting is called in an error: its flag, its variable, or `to` in its file.
pub fn url_label(source: &Source, flag: &str) -> String {
    match source {
        Source::ProjectFile { path } | Source::UserFile { path } => {
            format!("`to` in {}", path.display())
        }
        Source::Flag { .. } => flag.to_string(),
        other => other.to_string(),
    }
}

/// An http(s) URL (`http://` when it has no scheme), or a one-line error naming the flag.
pub fn check_url(flag: &str, given: &str) -> anyhow::Result<String> {
    let url = &crate::config::with_scheme(given);
    let shown = crate::ui::redact_url(given);
    let parsed = reqwest::Url::parse(url).with_context(|| {
        format!("{flag} `{shown}` is not a URL (e.g. http://127.0.0.1:5000/webhooks)")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("{flag} `{shown}`: only http and https URLs can receive webhooks");
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        bail!("{flag} `{shown}` has no host");
    }
    Ok(url.to_string())
}

pub(crate) fn parse_at(s: &str) -> Result<DateTime<Utc>, String> {
    use chrono::Datelike;
    let at = DateTime::from_timestamp(parse_instant(s)?, 0).ok_or_else(|| {
        format!("`{s}` is outside the years 1980 to 9000 that payload times can use")
    })?;
    let at = match DateTime::parse_from_rfc3339(s) {
        // Keep the fraction of a second an RFC 3339 time gives.
        Ok(d) => d.with_timezone(&Utc),
        Err(_) => at,
    };
    // Templates put times hours before and after --at, and Bandwidth ids start with epoch
    // milliseconds: keep every derived time a plain four-digit year after 1970.
    if !(1980..=9000).contains(&at.year()) {
        return Err(format!(
            "`{s}` is outside the years 1980 to 9000 that payload times can use"
        ));
    }
    Ok(at)
}

/// POSIX single-quoting: every byte is literal inside '...'; a quote becomes '\''.
pub fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_parse_and_reject_what_they_should() {
        assert_eq!(
            parse_header("X-Test:  a b ").unwrap(),
            ("X-Test".to_string(), "a b".to_string())
        );
        assert!(parse_header("novalue").is_err());
        assert!(parse_header(": v").is_err());
        assert!(parse_header("Bad Name: v").is_err());
    }

    #[test]
    fn durations_take_units_and_bare_seconds_where_that_was_the_unit() {
        assert_eq!(parse_duration("0.5").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(parse_duration("2s").unwrap(), Duration::from_secs(2));
        assert_eq!(parse_duration("5m").unwrap(), Duration::from_secs(300));
        assert_eq!(parse_duration("1h").unwrap(), Duration::from_secs(3600));
        assert!(parse_duration("0").is_err());
        assert!(parse_duration("abc").is_err());
        assert!(parse_duration("2 weeks").is_err());
        assert!(parse_duration("31d").is_err());
        assert_eq!(parse_duration("2d").unwrap(), Duration::from_secs(172_800));
        assert_eq!(parse_delay("0").unwrap(), Duration::ZERO);
        assert_eq!(parse_delay("100ms").unwrap(), Duration::from_millis(100));
        let e = parse_delay("100").unwrap_err();
        assert!(e.contains("100ms or 100s"), "{e}");
        assert_eq!(parse_whole_secs("5m").unwrap(), 300);
        assert!(parse_whole_secs("1.5s").is_err());
        assert_eq!(show_duration(Duration::from_millis(250)), "250 ms");
        assert_eq!(show_duration(Duration::from_millis(1500)), "1.5 s");
    }

    #[test]
    fn urls_must_be_http() {
        assert!(check_url("--to", "http://127.0.0.1:1/x").is_ok());
        assert!(check_url("--to", "ftp://x/").is_err());
        assert_eq!(
            check_url("--to", "localhost:5000/webhooks").unwrap(),
            "http://localhost:5000/webhooks"
        );
        assert!(check_url("--to", "http://").is_err());
    }

    #[test]
    fn shell_quote_keeps_every_byte() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("a\nb"), "'a\nb'");
    }
}
