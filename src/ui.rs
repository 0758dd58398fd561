//! The only place that prints. Data goes to stdout, everything else (errors, warnings, progress,
//! logs) to stderr; colour is decided per stream; `--json` turns stdout into JSON Lines.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::output::Output;
use colored::Colorize;
use std::ffi::OsStr;
use std::io::{self, IsTerminal, Write};

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// Should a stream be coloured? `always`/`never` win; `auto` needs a terminal, an unset or empty
/// `NO_COLOR` and a `TERM` other than `dumb`.
pub fn color_enabled(
    choice: ColorChoice,
    stream_is_tty: bool,
    no_color: Option<&OsStr>,
    term: Option<&OsStr>,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream_is_tty
                && no_color.is_none_or(|v| v.is_empty())
                && term.is_none_or(|t| t != "dumb")
        }
    }
}

/// A progress bar on stderr (see [`Ui::progress`]).
pub struct Progress(indicatif::ProgressBar);

impl Progress {
    pub fn inc(&self, n: u64) {
        self.0.inc(n);
    }

    /// Take the bar off the screen.
    pub fn clear(&self) {
        self.0.finish_and_clear();
    }
}

/// Output settings and handles for one run.
#[derive(Debug, Clone)]
pub struct Ui {
    pub json: bool,
    pub verbose: u8,
    pub quiet: bool,
    stdout_color: bool,
    stderr_color: bool,
    stdout_tty: bool,
    stderr_tty: bool,
}

impl Ui {
    pub fn new(color: ColorChoice, json: bool, verbose: u8, quiet: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR");
        let term = std::env::var_os("TERM");
        let stdout_tty = io::stdout().is_terminal();
        let stdout_color =
            !json && color_enabled(color, stdout_tty, no_color.as_deref(), term.as_deref());
        let stderr_tty = io::stderr().is_terminal();
        let stderr_color = color_enabled(color, stderr_tty, no_color.as_deref(), term.as_deref());
        colored::control::set_override(stdout_color);
        Ui {
            json,
            verbose,
            quiet,
            stdout_color,
            stderr_color,
            stdout_tty,
            stderr_tty,
        }
    }

    /// A plain Ui for tests: no colour, no JSON.
    pub fn plain() -> Self {
        colored::control::set_override(false);
        Ui {
            json: false,
            verbose: 0,
            quiet: false,
            stdout_color: false,
            stderr_color: false,
            stdout_tty: false,
            stderr_tty: false,
        }
    }

    pub fn stdout_is_tty(&self) -> bool {
        self.stdout_tty
    }

    /// Progress bars belong on a terminal's stderr, and not under `--json` or `-q`.
    pub fn progress_allowed(&self) -> bool {
        self.stderr_tty && !self.json && !self.quiet
    }

    /// A progress bar on stderr for `total` things called `unit`, where one is allowed.
    pub fn progress(&self, total: u64, unit: &str) -> Option<Progress> {
        if !self.progress_allowed() {
            return None;
        }
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
            "{{bar:40}} {{pos}}/{{len}} {unit} · {{per_sec}} · eta {{eta}}"
        )) {
            bar.set_style(style);
        }
        Some(Progress(bar))
    }

    /// Verbose detail (request and response dumps) on stderr, under `-v` only.
    pub fn detail(&self, text: &str) -> io::Result<()> {
        if self.verbose == 0 {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        writeln!(err, "{text}")
    }

    /// One line of data on stdout.
    pub fn line(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()
    }

    /// Raw bytes on stdout (payloads), flushed.
    pub fn bytes(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    /// One JSON Lines object on stdout.
    pub fn emit(&self, output: &Output<'_>) -> io::Result<()> {
        let mut out = io::stdout().lock();
        serde_json::to_writer(&mut out, output)?;
        writeln!(out)?;
        out.flush()
    }

    /// Under `--json` the object, otherwise the text line.
    pub fn show(&self, output: Output<'_>, text: impl FnOnce() -> String) -> io::Result<()> {
        if self.json {
            self.emit(&output)
        } else {
            self.line(&text())
        }
    }

    /// A note for the human on stderr (suppressed by `-q`).
    pub fn note(&self, text: &str) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        writeln!(err, "{text}")
    }

    pub fn warn(&self, text: &str) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let prefix = if self.stderr_color && self.stdout_color {
            "warning:".yellow().bold().to_string()
        } else {
            "warning:".to_string()
        };
        let mut err = io::stderr().lock();
        writeln!(err, "telhook: {prefix} {text}")
    }

    pub fn debug(&self, text: &str) -> io::Result<()> {
        if self.verbose == 0 {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        writeln!(err, "telhook: debug: {text}")
    }

    /// `✓ word` in green, for a passing verdict on stdout.
    pub fn pass(&self, word: &str) -> String {
        let s = format!("✓ {word}");
        if self.stdout_color {
            s.green().bold().to_string()
        } else {
            s
        }
    }

    /// `✗ word` in red, for a failing verdict on stdout.
    pub fn fail(&self, word: &str) -> String {
        let s = format!("✗ {word}");
        if self.stdout_color {
            s.red().bold().to_string()
        } else {
            s
        }
    }

    /// `↺ word` in yellow, for a step that is neither pass nor fail (a challenge answered).
    pub fn neutral(&self, word: &str) -> String {
        let s = format!("↺ {word}");
        if self.stdout_color {
            s.yellow().bold().to_string()
        } else {
            s
        }
    }

    pub fn dim(&self, text: &str) -> String {
        if self.stdout_color {
            text.dimmed().to_string()
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        if self.stdout_color {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }
}

/// Text that came from the network, made safe for a terminal: control characters (C0 but tab,
/// DEL, C1) are written as escapes (`\x1b`, `\u{9b}`), so a request cannot move the cursor,
/// recolour the screen or paint a line of its own. JSON output escapes them by itself; captures
/// keep the exact bytes.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && c != '\t') || c == '\u{7f}';
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// An id cut to 24 characters for a column.
pub fn short(id: &str) -> String {
    if id.chars().count() > 24 {
        let head: String = id.chars().take(21).collect();
        format!("{head}…")
    } else {
        id.to_string()
    }
}

/// Report a command-line error as clap found it, with telhook's `telhook: error:` prefix and
/// exit 2; help and version go to stdout with exit 0. A rejected `--basic-auth` value is never
/// echoed (it holds a password).
pub fn report_usage_error(e: &clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return std::process::ExitCode::SUCCESS;
    }
    let mut text = e.render().to_string();
    let secret_arg = matches!(
        e.get(ContextKind::InvalidArg),
        Some(ContextValue::String(a)) if a.starts_with("--basic-auth")
    );
    if secret_arg && let Some(ContextValue::String(v)) = e.get(ContextKind::InvalidValue) {
        text = text.replace(&format!("'{v}'"), "'<redacted>'");
    }
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "telhook: error: {text}");
    std::process::ExitCode::from(2)
}

/// Report a fatal error: one line on stderr, written so that a closed stderr cannot panic.
pub fn report_error(err: &anyhow::Error) {
    let mut stderr = io::stderr().lock();
    let _ = writeln!(stderr, "telhook: error: {err:#}");
}

/// Is this error (anywhere in its chain) a closed pipe on our output?
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_text_cannot_drive_the_terminal() {
        assert_eq!(
            sanitize("plain → text\twith a tab"),
            "plain → text\twith a tab"
        );
        assert_eq!(
            sanitize("\x1b[32m✓ verified → 200\x1b[0m\r"),
            "\\x1b[32m✓ verified → 200\\x1b[0m\\x0d"
        );
        assert_eq!(sanitize("a\u{7f}b\u{9b}c\nd"), "a\\x7fb\\u{9b}c\\x0ad");
        assert!(matches!(sanitize("ok"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn color_truth_table() {
        let empty = Some(OsStr::new(""));
        let one = Some(OsStr::new("1"));
        let dumb = Some(OsStr::new("dumb"));
        let xterm = Some(OsStr::new("xterm"));
        for tty in [false, true] {
            for nc in [None, empty, one] {
                for term in [None, dumb, xterm] {
                    assert!(color_enabled(ColorChoice::Always, tty, nc, term));
                    assert!(!color_enabled(ColorChoice::Never, tty, nc, term));
                    let expect = tty && nc != one && term != dumb;
                    assert_eq!(
                        color_enabled(ColorChoice::Auto, tty, nc, term),
                        expect,
                        "tty={tty} NO_COLOR={nc:?} TERM={term:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn broken_pipe_is_found_anywhere_in_the_chain() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
