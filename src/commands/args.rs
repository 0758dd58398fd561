//! Argument pieces several commands share: the delivery flags of `send` and `replay`, key and
//! body loading, time and header parsing, input expansion.

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

/// Environment variable for `--basic-auth` (`listen`, `send`, `replay`).
pub const BASIC_AUTH_ENV: &str = "TELHOOK_BASIC_AUTH";

/// Environment variable for the private key `sign` (and later `send`) use.
pub const PRIVATE_KEY_ENV: &str = "TELHOOK_PRIVATE_KEY";

/// Load the private key from `--private-key` or `$TELHOOK_PRIVATE_KEY` (a key or a key file).
pub fn load_private_key(value: Option<&str>) -> anyhow::Result<Option<crate::signing::PrivateKey>> {
    let Some(text) = crate::signing::key_text("--private-key", value, PRIVATE_KEY_ENV)? else {
        return Ok(None);
    };
    if let crate::signing::KeyOrigin::File { path, .. }
    | crate::signing::KeyOrigin::EnvFile { path, .. } = &text.origin
        && path.extension().is_some_and(|e| e == "pub")
    {
        bail!(
            "{} is a public key file; signing needs the private key (telnyx.key from `telhook keygen`)",
            path.display()
        );
    }
    let key = crate::signing::PrivateKey::parse(&String::from_utf8_lossy(&text.text))
        .with_context(|| format!("reading the private key from {}", text.origin))?;
    Ok(Some(key))
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
    /// Telnyx private key (a key or a key file, as `sign`); without one a new key pair is made
    /// and its public key printed.
    #[arg(long, value_name = "KEY|FILE", env = PRIVATE_KEY_ENV, hide_env_values = true, allow_hyphen_values = true)]
    pub private_key: Option<String>,
    /// Bandwidth credentials for its challenge flow: the first request carries none, a 401
    /// with WWW-Authenticate is answered with them.
    #[arg(long, value_name = "USER:PASS", env = BASIC_AUTH_ENV, hide_env_values = true, value_parser = Credentials::parse)]
    pub basic_auth: Option<Credentials>,
    /// Attempts per URL (default: Telnyx 3, as documented; Bandwidth 5, standing in for its
    /// 24 hours of retries).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: Option<u32>,
    /// First wait between attempts, doubling after each: the providers' minutes compressed.
    #[arg(long, value_name = "MS", default_value_t = 250)]
    pub backoff: u64,
    /// Wait as the providers do between attempts (minutes) instead of --backoff.
    #[arg(long, conflicts_with = "backoff")]
    pub provider_timing: bool,
    /// Answer timeout in seconds, instead of the provider's (Telnyx 2; Bandwidth 10 for
    /// messaging and v1, 15 for voice).
    #[arg(long, value_name = "SECS", value_parser = parse_secs)]
    pub timeout: Option<Duration>,
    /// Add a header to every request ('Name: value'); replaces the provider's header of that
    /// name. Repeatable.
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    pub headers: Vec<(String, String)>,
    /// Accept self-signed and otherwise invalid TLS certificates.
    #[arg(long)]
    pub insecure: bool,
}

impl DeliveryArgs {
    /// The run's settings (without a signing key): `to`, then the failover URL (both checked),
    /// the credentials, and the attempt rules.
    pub fn settings(&self, to: &str) -> anyhow::Result<Settings> {
        let mut urls = vec![check_url("--to", to)?];
        if let Some(u) = &self.failover_url {
            urls.push(check_url("--failover-url", u)?);
        }
        let mut settings = Settings::new(urls);
        settings.credentials = self.basic_auth.clone();
        settings.attempts = self.max_attempts;
        settings.timing = if self.provider_timing {
            Timing::Provider
        } else {
            Timing::Compressed(Duration::from_millis(self.backoff))
        };
        settings.timeout = self.timeout;
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

pub fn parse_secs(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .parse()
        .map_err(|_| format!("`{s}` is not a number of seconds"))?;
    if v.is_nan() || v <= 0.0 || v > 3600.0 {
        return Err(format!(
            "`{s}`: give a number of seconds above 0 and at most 3600"
        ));
    }
    Ok(Duration::from_secs_f64(v))
}

pub fn parse_header(s: &str) -> Result<(String, String), String> {
    let (name, value) = s
        .split_once(':')
        .ok_or_else(|| format!("`{s}` is not a header; write 'Name: value'"))?;
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

/// An http(s) URL, or a one-line error naming the flag.
pub fn check_url(flag: &str, url: &str) -> anyhow::Result<String> {
    let parsed = reqwest::Url::parse(url).with_context(|| {
        format!("{flag} `{url}` is not a URL (e.g. http://127.0.0.1:5000/webhooks)")
    })?;
    if !matches!(parsed.scheme(), "http" | "https") {
        bail!("{flag} `{url}`: only http and https URLs can receive webhooks");
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        bail!("{flag} `{url}` has no host");
    }
    Ok(url.to_string())
}

pub(crate) fn parse_at(s: &str) -> Result<DateTime<Utc>, String> {
    use chrono::Datelike;
    let at = DateTime::parse_from_rfc3339(s)
        .map(|d| d.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an RFC 3339 time like 2026-01-02T03:04:05Z ({e})"))?;
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
    fn seconds_parse_with_bounds() {
        assert_eq!(parse_secs("0.5").unwrap(), Duration::from_millis(500));
        assert!(parse_secs("0").is_err());
        assert!(parse_secs("abc").is_err());
    }

    #[test]
    fn urls_must_be_http() {
        assert!(check_url("--to", "http://127.0.0.1:1/x").is_ok());
        assert!(check_url("--to", "ftp://x/").is_err());
        assert!(check_url("--to", "localhost:5000").is_err());
    }

    #[test]
    fn shell_quote_keeps_every_byte() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("a\nb"), "'a\nb'");
    }
}
