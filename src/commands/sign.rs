//! `telhook sign`: the two Telnyx signature headers for a body, or a ready curl command.

use std::path::{Path, PathBuf};

use crate::commands::args::shell_quote;
use crate::exit::ExitStatus;
use crate::output::{Output, Signature};
use crate::telnyx::{self, SIGNATURE_HEADER, TIMESTAMP_HEADER};
use crate::ui::Ui;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The two headers, one `name: value` per line.
    Headers,
    /// One JSON object.
    Json,
    /// A curl command that POSTs the body with the headers.
    Curl,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The private key: a key (base64 or hex seed, 64-byte libsodium secret, PKCS#8 PEM) or a file
    /// holding one, as written by `telhook keygen` [env: TELHOOK_PRIVATE_KEY]. Without one:
    /// ./telnyx.key, the config files' private_key, else your default key pair.
    #[arg(long, value_name = "KEY|FILE", allow_hyphen_values = true)]
    pub private_key: Option<String>,
    /// The telnyx-timestamp value to sign, verbatim (default: now, in Unix seconds).
    #[arg(long, value_name = "TIME", allow_hyphen_values = true)]
    pub timestamp: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Headers)]
    pub format: Format,
    /// URL for --format curl (default: as `send --to`, http://127.0.0.1:5000/ unless configured).
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub url: Option<String>,
    /// The body to sign, byte for byte; `-` reads stdin.
    #[arg(value_name = "FILE", default_value = "-", value_hint = clap::ValueHint::FilePath)]
    pub file: PathBuf,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let ctx = crate::config::Defaults::load()?;
    let key = crate::commands::args::signing_key(&ctx, args.private_key.as_deref(), ui)?.value;
    let url = crate::commands::args::webhook_url(&ctx, "--url", args.url.as_deref())?;
    let body = crate::commands::args::read_body(&args.file)?;
    let timestamp = args
        .timestamp
        .clone()
        .unwrap_or_else(|| chrono::Utc::now().timestamp().to_string());
    if !timestamp.bytes().all(|b| b.is_ascii_digit()) || timestamp.is_empty() {
        ui.warn(&format!(
            "timestamp `{timestamp}` is not plain digits; current Telnyx SDKs reject it"
        ))?;
    }
    if args.format == Format::Curl
        && args.file == Path::new("-")
        && std::str::from_utf8(&body).map_or(true, |t| t.contains('\0'))
    {
        anyhow::bail!(
            "--format curl: the body from stdin is not text, so it cannot be written into the command; save it to a file and sign that file"
        );
    }
    let signature = telnyx::sign(&key, &timestamp, &body);
    let format = if ui.json { Format::Json } else { args.format };
    match format {
        Format::Headers => {
            ui.line(&format!("{SIGNATURE_HEADER}: {signature}"))?;
            ui.line(&format!("{TIMESTAMP_HEADER}: {timestamp}"))?;
        }
        Format::Json => ui.emit(&Output::Signature(Signature {
            timestamp: &timestamp,
            signature: &signature,
            public_key: key.public().to_base64(),
        }))?,
        Format::Curl => ui.line(&curl_command(
            &url, &timestamp, &signature, &args.file, &body,
        ))?,
    }
    Ok(ExitStatus::Success)
}

/// A curl command that sends exactly these bytes with Telnyx's headers.
pub fn curl_command(
    url: &str,
    timestamp: &str,
    signature: &str,
    file: &Path,
    body: &[u8],
) -> String {
    let data = if file == Path::new("-") {
        match std::str::from_utf8(body) {
            Ok(text) if !text.contains('\0') => shell_quote(text),
            // Not representable inline; the caller refuses this case before getting here.
            _ => "@-".to_string(),
        }
    } else {
        shell_quote(&format!("@{}", file.display()))
    };
    format!(
        "curl -sS -X POST {} \\\n  -H {} \\\n  -H {} \\\n  -H {} \\\n  -H {} \\\n  --data-binary {}",
        shell_quote(url),
        shell_quote(&format!("content-type: {}", telnyx::CONTENT_TYPE)),
        shell_quote(&format!("user-agent: {}", telnyx::USER_AGENT)),
        shell_quote(&format!("{TIMESTAMP_HEADER}: {timestamp}")),
        shell_quote(&format!("{SIGNATURE_HEADER}: {signature}")),
        data
    )
}
