//! `telhook verify`: check a Telnyx signature offline; on failure say why, one reason a line.

use anyhow::{Context, bail};
use std::path::{Path, PathBuf};

use crate::capture::Record;
use crate::catalog::Provider;
use crate::commands::args;
use crate::config::Defaults;
use crate::exit::ExitStatus;
use crate::output::{Output, VerifyVerdict};

use crate::telnyx::sign::ProblemReport;
use crate::telnyx::{self, SIGNATURE_HEADER, TIMESTAMP_HEADER, VerifyRequest};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
#[command(group(
    clap::ArgGroup::new("headers_from")
        .required(true)
        .multiple(true)
        .args(["signature", "timestamp", "headers", "capture"])
))]
#[command(
    override_usage = "telhook verify [OPTIONS] --capture <FILE> [--line <N>]\n       telhook verify [OPTIONS] --headers <FILE> [FILE]\n       telhook verify [OPTIONS] --signature <SIG> --timestamp <TIME> [FILE]"
)]
pub struct Args {
    /// The Telnyx public key (base64 of the raw 32 bytes, as in Mission Control) or a file
    /// holding it [env: TELNYX_PUBLIC_KEY]. Without one: ./telnyx.pub, the config files'
    /// public_key, else your default key pair's (never made by verify).
    #[arg(long, value_name = "KEY|FILE", allow_hyphen_values = true)]
    pub public_key: Option<String>,
    /// The telnyx-signature-ed25519 header value (without it, the verdict is that the header
    /// is missing, as for a delivery that lacked it).
    #[arg(
        long,
        value_name = "SIG",
        conflicts_with_all = ["headers", "capture"],
        allow_hyphen_values = true
    )]
    pub signature: Option<String>,
    /// The telnyx-timestamp header value, verbatim (without it, the verdict is that the header
    /// is missing).
    #[arg(
        long,
        value_name = "TIME",
        conflicts_with_all = ["headers", "capture"],
        allow_hyphen_values = true
    )]
    pub timestamp: Option<String>,
    /// Read both headers from a raw HTTP header dump (`curl -D FILE`, a proxy log...).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with = "capture")]
    pub headers: Option<PathBuf>,
    /// Verify a request captured by `telhook listen --capture`: its headers and exact body
    /// (the last Telnyx record, or the one on --line).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub capture: Option<PathBuf>,
    /// With --capture: the line of the record to verify.
    #[arg(long, value_name = "N", requires = "capture")]
    pub line: Option<usize>,
    /// Reject timestamps further than this from now, either way (e.g. 300, 5m).
    #[arg(long, value_name = "DURATION", default_value = "300s", value_parser = crate::commands::args::parse_whole_secs)]
    pub tolerance: u64,
    /// Do not check the timestamp's age.
    #[arg(long, conflicts_with = "tolerance")]
    pub no_tolerance: bool,
    /// The clock to check the timestamp against (Unix seconds or RFC 3339; default: now).
    #[arg(long, value_name = "TIME", value_parser = crate::commands::args::parse_instant)]
    pub now: Option<i64>,
    /// The body exactly as received; `-` reads stdin.
    #[arg(value_name = "FILE", default_value = "-", value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let defaults = Defaults::load()?;
    let found = defaults.public_key_unparsed(args.public_key.as_deref(), false)?.context(
        "no public key: pass --public-key KEY|FILE or set TELNYX_PUBLIC_KEY (the key under Keys & Credentials > Public Key in Mission Control); for telhook's own signatures, the default pair appears once send, sign or listen has run",
    )?;
    if let Ok(k) = &found.value {
        args::note_found_key(ui, "verifying", &found, k)?;
    }
    let key = found.value.clone();
    let mut captured_body = None;
    let (signature, timestamp) = match (&args.headers, &args.capture) {
        (_, Some(path)) => {
            let Picked {
                line,
                record,
                unreadable,
            } = pick_record(path, args.line)?;
            if let Some(first) = unreadable.first() {
                ui.note(&format!(
                    "telhook: passed over {} line{} of {} that {} not a capture record (line {first}{}: torn, or another file's)",
                    unreadable.len(),
                    if unreadable.len() == 1 { "" } else { "s" },
                    path.display(),
                    if unreadable.len() == 1 { "is" } else { "are" },
                    if unreadable.len() > 1 { " and on" } else { "" },
                ))?;
            }
            if args.line.is_none() {
                ui.note(&format!(
                    "telhook: verifying line {line} of {}, its last Telnyx request ({})",
                    path.display(),
                    record.event.as_deref().unwrap_or("unrecognised event")
                ))?;
            }
            captured_body = Some(record.body_bytes().with_context(|| {
                format!(
                    "{}: body_base64 is set but the body is not base64",
                    path.display()
                )
            })?);
            (
                record.header(SIGNATURE_HEADER).map(str::to_string),
                record.header(TIMESTAMP_HEADER).map(str::to_string),
            )
        }
        (Some(path), None) => {
            let dump = std::fs::read(path)
                .with_context(|| format!("reading header file {}", path.display()))?;
            let dump = String::from_utf8_lossy(&dump).into_owned();
            (
                header_value(&dump, SIGNATURE_HEADER),
                header_value(&dump, TIMESTAMP_HEADER),
            )
        }
        (None, None) => (args.signature.clone(), args.timestamp.clone()),
    };
    let body = match captured_body {
        Some(b) => b,
        None => crate::commands::args::read_body(&args.file)?,
    };
    let now = args.now.unwrap_or_else(|| chrono::Utc::now().timestamp());
    let others = defaults.other_public_keys(&found.source, key.clone().ok());
    let request = VerifyRequest {
        body: &body,
        signature: signature.as_deref(),
        timestamp: timestamp.as_deref(),
        key: key.clone(),
        now,
        tolerance: (!args.no_tolerance).then_some(args.tolerance),
        other_keys: &others,
    };
    let problems = telnyx::verify(&request);
    let age = timestamp
        .as_deref()
        .and_then(|t| t.parse::<i64>().ok())
        .map(|t| now - t);
    if ui.json {
        ui.emit(&Output::Verdict(VerifyVerdict {
            valid: problems.is_empty(),
            timestamp: timestamp.as_deref(),
            age_secs: age,
            reasons: problems.iter().map(ProblemReport::from).collect(),
        }))?;
    } else if problems.is_empty() {
        let when = match age {
            Some(a) if a >= 0 => format!("{a} s old"),
            Some(a) => format!("{} s in the future", -a),
            None => String::new(),
        };
        let tolerance = if args.no_tolerance {
            "age not checked".to_string()
        } else {
            format!("tolerance {} s", args.tolerance)
        };
        ui.line(&format!(
            "{} signature matches the body; timestamp {} is {when} ({tolerance})",
            ui.pass("valid:"),
            timestamp.as_deref().unwrap_or_default()
        ))?;
    } else {
        let n = problems.len();
        ui.line(&format!(
            "{} {n} reason{}",
            ui.fail("invalid:"),
            if n == 1 { "" } else { "s" }
        ))?;
        for p in &problems {
            ui.line(&format!("  - {p}"))?;
        }
    }
    Ok(if problems.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The first value of a header in a raw dump (status or request lines and other noise are
/// skipped; names are case-insensitive), as Java, Go and PHP SDKs take the first.
pub fn header_value(dump: &str, name: &str) -> Option<String> {
    dump.lines().find_map(|line| {
        let (n, v) = line.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| {
            v.trim_start_matches([' ', '\t'])
                .trim_end_matches(['\r', ' ', '\t'])
                .to_string()
        })
    })
}

/// The record to verify: the one on `line`, else the last Telnyx one (a Bandwidth request is
/// authenticated with Basic credentials, not signed, so there is nothing to verify in it). Lines
/// that are not records (torn by a full disk, say) are passed over, and counted.
fn pick_record(path: &Path, line: Option<usize>) -> anyhow::Result<Picked> {
    let lines = crate::capture::read(path)?;
    let telnyx = |r: &Record| {
        r.kind != crate::capture::Kind::Api
            && (r.provider.as_deref() == Some(Provider::Telnyx.name())
                || r.header(SIGNATURE_HEADER).is_some())
    };
    let bandwidth = |r: &Record| r.provider.as_deref() == Some(Provider::Bandwidth.name());
    let unreadable: Vec<usize> = lines
        .iter()
        .filter(|(_, r)| r.is_err())
        .map(|(n, _)| *n)
        .collect();
    match line {
        Some(n) => {
            let (n, record) = lines
                .into_iter()
                .find(|(l, _)| *l == n)
                .with_context(|| format!("{}: no capture record on line {n}", path.display()))?;
            let record = record.map_err(|why| {
                anyhow::anyhow!(
                    "{}:{n}: not a capture record ({why}); pick another line with --line",
                    path.display()
                )
            })?;
            if record.kind == crate::capture::Kind::Api {
                bail!(
                    "{}:{n} is an API call the emulator answered, not a webhook: pick a line whose `kind` is `webhook` with --line, or drop --line for the last Telnyx one",
                    path.display()
                );
            }
            if bandwidth(&record) && !telnyx(&record) {
                bail!(
                    "{}:{n} is a Bandwidth request: Bandwidth authenticates with Basic credentials and does not sign, so there is no signature to verify (pick a Telnyx line with --line, or drop --line for the last one)",
                    path.display()
                );
            }
            Ok(Picked {
                line: n,
                record,
                unreadable: Vec::new(),
            })
        }
        None => {
            let total = lines.len();
            if total == 0 {
                bail!("{}: the capture file has no records", path.display());
            }
            let (n, record) = lines
                .into_iter()
                .rev()
                .filter_map(|(n, r)| r.ok().map(|r| (n, r)))
                .find(|(_, r)| telnyx(r))
                .with_context(|| {
                    format!(
                        "{}: none of its {total} lines is a Telnyx request (Bandwidth requests are authenticated with Basic credentials, not signed{})",
                        path.display(),
                        if unreadable.is_empty() {
                            String::new()
                        } else {
                            format!("; {} are not capture records", unreadable.len())
                        }
                    )
                })?;
            Ok(Picked {
                line: n,
                record,
                unreadable,
            })
        }
    }
}

/// The record `verify --capture` checks, and the lines it passed over.
struct Picked {
    line: usize,
    record: Record,
    /// Line numbers that are not capture records.
    unreadable: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_dump_parsing_is_case_insensitive_and_takes_the_first() {
        let dump = "POST /hooks HTTP/1.1\r\nHost: x\r\nTelnyx-Signature-Ed25519: abc==\r\ntelnyx-timestamp: 123\r\ntelnyx-timestamp: 456\r\n\r\n";
        assert_eq!(
            header_value(dump, SIGNATURE_HEADER).as_deref(),
            Some("abc==")
        );
        assert_eq!(header_value(dump, TIMESTAMP_HEADER).as_deref(), Some("123"));
        assert_eq!(header_value(dump, "missing"), None);
    }
}
