//! One module per subcommand; each owns its `Args` and a `run` that returns an exit status.

pub mod completions;
pub mod demo;
pub mod events;
pub mod example;
pub mod keygen;
pub mod listen;
pub mod man;
pub mod replay;
pub mod schema;
pub mod send;
pub mod sign;
pub mod validate;
pub mod verify;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::cli::Command;
use crate::exit::ExitStatus;
use crate::ui::Ui;

pub fn run(command: &Command, ui: &Ui) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Events(args) => events::run(args, ui),
        Command::Example(args) => example::run(args, ui),
        Command::Keygen(args) => keygen::run(args, ui),
        Command::Sign(args) => sign::run(args, ui),
        Command::Listen(args) => listen::run(args, ui),
        Command::Verify(args) => verify::run(args, ui),
        Command::Send(args) => send::run(args, ui),
        Command::Replay(args) => replay::run(args, ui),
        Command::Schema(args) => schema::run(args, ui),
        Command::Validate(args) => validate::run(args, ui),
        Command::Completions(args) => completions::run(args, ui),
        Command::Demo(args) => demo::run(args, ui),
        Command::Man(args) => man::run(args, ui),
    }
}

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
