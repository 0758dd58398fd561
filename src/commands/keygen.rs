//! `telhook keygen`: an Ed25519 key pair, the public key in the form Telnyx shows it.

use crate::output::{Keygen, Output};
use anyhow::{Context, bail};
use std::path::PathBuf;

use crate::exit::ExitStatus;
use crate::signing::{self, PrivateKey};
use crate::ui::Ui;

/// File names inside --out-dir.
use crate::signing::{PRIVATE_FILE, PUBLIC_FILE};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory to write telnyx.key (private, mode 0600) and telnyx.pub into.
    #[arg(long, value_name = "DIR", default_value = ".", value_hint = clap::ValueHint::DirPath)]
    pub out_dir: PathBuf,
    /// Replace existing key files.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    // A missing --out-dir is made, but not its parents: a typo in them is an error, not a new
    // tree of directories.
    let mut made_dir = false;
    if !args.out_dir.is_dir() {
        let parent = args
            .out_dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new("."));
        if !parent.is_dir() {
            bail!(
                "--out-dir {}: {} does not exist; create it first, or pick another directory",
                args.out_dir.display(),
                parent.display()
            );
        }
        std::fs::create_dir(&args.out_dir)
            .with_context(|| format!("creating directory {}", args.out_dir.display()))?;
        made_dir = true;
    }
    let private_path = args.out_dir.join(PRIVATE_FILE);
    let public_path = args.out_dir.join(PUBLIC_FILE);
    for path in [&private_path, &public_path] {
        if path.exists() {
            if !args.force {
                bail!(
                    "{} already exists; pass --force to replace the key pair, or --out-dir to write elsewhere",
                    path.display()
                );
            }
            std::fs::remove_file(path)
                .with_context(|| format!("removing the old {}", path.display()))?;
        }
    }
    let key = PrivateKey::generate();
    let public = key.public().to_base64();
    signing::write_private_file(&private_path, &key.to_file_text())
        .with_context(|| format!("writing private key file {}", private_path.display()))?;
    std::fs::write(&public_path, format!("{public}\n"))
        .with_context(|| format!("writing public key file {}", public_path.display()))?;
    if ui.json {
        ui.emit(&Output::Keygen(Keygen {
            public_key: &public,
            public_key_file: public_path.display().to_string(),
            private_key_file: private_path.display().to_string(),
        }))?;
    } else {
        ui.line(&public)?;
        if made_dir {
            ui.note(&format!("made directory {}", args.out_dir.display()))?;
        }
        ui.note(&format!(
            "wrote {} (private, mode 0600: keep it secret) and {} (public: the 32-byte key in base64, as Mission Control shows it)",
            private_path.display(),
            public_path.display()
        ))?;
        if args.out_dir == std::path::Path::new(".") {
            ui.note(&format!(
                "telhook run in this directory signs with ./{PRIVATE_FILE} and verifies with ./{PUBLIC_FILE}; a receiver elsewhere verifies with TELNYX_PUBLIC_KEY={public}"
            ))?;
        } else {
            ui.note(&format!(
                "sign with --private-key {}; receivers verify with TELNYX_PUBLIC_KEY={public}",
                private_path.display()
            ))?;
        }
    }
    Ok(ExitStatus::Success)
}
