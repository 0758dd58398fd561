//! The only place that prints. Data goes to stdout, everything else (errors, warnings, progress,
//! logs) to stderr; colour is decided per stream; `--json` turns stdout into JSON Lines.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use crate::output::Output;
use colored::Colorize;
use std::borrow::Cow;
use std::ffi::OsStr;
use std::io::{self, IsTerminal, Write};
use unicode_width::UnicodeWidthChar;

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

/// The width human lines are fitted to: `COLUMNS` when it holds a number, else the terminal's
/// (`terminal`: the size of the stream, when it is a terminal); `None`: no fitting at all.
pub fn width_from(columns: Option<&OsStr>, terminal: Option<usize>) -> Option<usize> {
    columns
        .and_then(OsStr::to_str)
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .or(terminal.filter(|&n| n > 0))
}

/// The width of a stream's terminal, if it is one.
#[cfg(unix)]
fn terminal_width(stream: impl std::os::fd::AsFd) -> Option<usize> {
    terminal_size::terminal_size_of(stream).map(|(w, _)| usize::from(w.0))
}

#[cfg(windows)]
fn terminal_width(stream: impl std::os::windows::io::AsHandle) -> Option<usize> {
    terminal_size::terminal_size_of(stream).map(|(w, _)| usize::from(w.0))
}

/// The widest the progress bar's line gets, whatever the terminal.
pub const BAR_LINE: usize = 80;

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

    /// Run `print` with the bar off the screen, then draw the bar again below what it printed:
    /// a line written while the bar is up leaves no stale frame of it above.
    pub fn suspend<R>(&self, print: impl FnOnce() -> R) -> R {
        self.0.suspend(print)
    }
}

/// The bar's line: `{bar} pos/len unit · rate/s · eta T`, the bar as long as fits in `room`
/// columns (at most 40; none at all when fewer than 5 are left), the rate a whole number.
fn progress_template(total: u64, unit: &str, room: usize) -> String {
    // The widest the text after the bar gets: two counts, the unit, a rate up to
    // `9,999,999/s` (11 columns) and an eta up to 4 (`100d`).
    let rest = display_width(&format!(" {total}/{total} {unit} ·  · eta ")) + 11 + 4;
    let bar = room.saturating_sub(rest).min(40);
    let text = format!("{{pos}}/{{len}} {unit} · {{rate}} · eta {{eta}}");
    if bar < 5 {
        text
    } else {
        format!("{{bar:{bar}}} {text}")
    }
}

/// The bar's `{rate}`.
fn write_rate(state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write) {
    let _ = w.write_str(&rate_text(state.per_sec()));
}

/// A rate as the bar shows it: a whole number of things per second (`6,186/s`), at most
/// `9,999,999/s`.
fn rate_text(per_sec: f64) -> String {
    let rate = if per_sec.is_finite() && per_sec > 0.0 {
        per_sec.round().min(9_999_999.0) as u64
    } else {
        0
    };
    format!("{}/s", indicatif::HumanCount(rate))
}

/// One piece of a line laid out by [`fit`].
#[derive(Debug, Clone)]
pub enum Part<'a> {
    /// Shown whole (a padded column, a verdict, a separator).
    Fixed(Cow<'a, str>),
    /// Free text, cut with `…` down to `min` columns when the line is too wide.
    Free(Cow<'a, str>, usize),
}

impl<'a> Part<'a> {
    pub fn fixed(text: impl Into<Cow<'a, str>>) -> Self {
        Part::Fixed(text.into())
    }

    pub fn free(text: impl Into<Cow<'a, str>>, min: usize) -> Self {
        Part::Free(text.into(), min)
    }

    fn text(&self) -> &str {
        match self {
            Part::Fixed(t) | Part::Free(t, _) => t,
        }
    }
}

/// The parts of a line joined, fitted into `width` columns: the last free part is cut first
/// (down to its `min`), then the one before it; if the line is still too wide, its end is cut.
/// `None`: joined whole.
pub fn fit(parts: &[Part<'_>], width: Option<usize>) -> String {
    let Some(width) = width else {
        return parts.iter().map(Part::text).collect();
    };
    let widths: Vec<usize> = parts.iter().map(|p| display_width(p.text())).collect();
    let mut room = widths.clone();
    let mut excess = widths.iter().sum::<usize>().saturating_sub(width);
    for (i, part) in parts.iter().enumerate().rev() {
        if excess == 0 {
            break;
        }
        if let Part::Free(_, min) = part {
            let take = widths[i].saturating_sub(*min).min(excess);
            room[i] -= take;
            excess -= take;
        }
    }
    let mut line = String::new();
    for ((part, natural), room) in parts.iter().zip(&widths).zip(&room) {
        if room < natural {
            line.push_str(&truncate(part.text(), *room));
        } else {
            line.push_str(part.text());
        }
    }
    truncate(&line, width).into_owned()
}

/// A piece of text: a colour code (no width) or a character.
enum Piece<'a> {
    Code(&'a str),
    Char(char),
}

/// Text as colour codes and characters. An escape is `ESC [ ... final` (CSI, what colours
/// are written with) or `ESC` and one more character.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        if c != '\x1b' {
            rest = &rest[c.len_utf8()..];
            return Some(Piece::Char(c));
        }
        let bytes = rest.as_bytes();
        let end = if bytes.get(1) == Some(&b'[') {
            bytes[2..]
                .iter()
                .position(|b| (0x40..=0x7e).contains(b))
                .map_or(bytes.len(), |i| i + 3)
        } else {
            rest[1..].chars().next().map_or(1, |n| 1 + n.len_utf8())
        };
        let (code, after) = rest.split_at(end);
        rest = after;
        Some(Piece::Code(code))
    })
}

/// The columns a character takes: a tab counts as a whole tab stop (8), the most it can take.
fn char_width(c: char) -> usize {
    if c == '\t' { 8 } else { c.width().unwrap_or(0) }
}

/// The columns text takes on a terminal: colour codes take none, wide characters two.
pub fn display_width(text: &str) -> usize {
    pieces(text)
        .map(|p| match p {
            Piece::Code(_) => 0,
            Piece::Char(c) => char_width(c),
        })
        .sum()
}

/// `text` in at most `max` columns, ending in `…` where it was cut. Colour codes take no
/// column and are never cut in two; those after the cut are kept, so a colour still ends.
pub fn truncate(text: &str, max: usize) -> Cow<'_, str> {
    if display_width(text) <= max {
        return Cow::Borrowed(text);
    }
    let budget = max.saturating_sub(1);
    let (mut out, mut used, mut cut) = (String::with_capacity(text.len()), 0, false);
    for piece in pieces(text) {
        match piece {
            Piece::Code(code) => out.push_str(code),
            Piece::Char(_) if cut => {}
            Piece::Char(c) => {
                let w = char_width(c);
                if used + w <= budget {
                    out.push(c);
                    used += w;
                } else {
                    cut = true;
                    if max > 0 {
                        out.push('…');
                    }
                }
            }
        }
    }
    Cow::Owned(out)
}

/// `text` as a column exactly `width` wide: cut with `…`, or padded with spaces.
pub fn column(text: &str, width: usize) -> String {
    let cut = truncate(text, width);
    let pad = width.saturating_sub(display_width(&cut));
    format!("{cut}{}", " ".repeat(pad))
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
    /// What human lines on stdout are fitted to (see [`width_from`]); `None`: not at all.
    width: Option<usize>,
    /// The same for stderr, where the progress bar is.
    stderr_width: Option<usize>,
    /// The widest event name printed so far in a column (see [`Ui::event_column`]), shared by
    /// the clones of this Ui (the printing thread's).
    event_seen: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// The event column is at least this wide: most catalog names fit (90 of 115).
pub const EVENT_COLUMN_BASE: usize = 24;

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
        // Measured once: a terminal resized during a run keeps the first width.
        let columns = std::env::var_os("COLUMNS");
        let width = width_from(
            columns.as_deref(),
            stdout_tty.then(|| terminal_width(io::stdout())).flatten(),
        );
        let stderr_width = width_from(
            columns.as_deref(),
            stderr_tty.then(|| terminal_width(io::stderr())).flatten(),
        );
        Ui {
            json,
            verbose,
            quiet,
            stdout_color,
            stderr_color,
            stdout_tty,
            stderr_tty,
            width,
            stderr_width,
            event_seen: Default::default(),
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
            width: None,
            stderr_width: None,
            event_seen: Default::default(),
        }
    }

    /// Make room in the event column for `name` before its line comes (`send` knows its
    /// events up front, so its lines are aligned from the first).
    pub fn widen_event_column(&self, name: &str) {
        self.event_column(name, usize::MAX);
    }

    /// The width of the event-name column for a line naming `name`, at most `cap`: the widest
    /// name printed so far, and never less than [`EVENT_COLUMN_BASE`]. Lines stay aligned with
    /// the names they show, and a run of short names is not padded for the catalog's longest
    /// (68 columns); a longer name widens the column from its line on.
    pub fn event_column(&self, name: &str, cap: usize) -> usize {
        use std::sync::atomic::Ordering;
        let w = display_width(name);
        let widest = self.event_seen.fetch_max(w, Ordering::Relaxed).max(w);
        widest.max(EVENT_COLUMN_BASE).min(cap)
    }

    /// This Ui with human lines fitted to `width` columns (for tests).
    pub fn with_width(mut self, width: Option<usize>) -> Self {
        self.width = width;
        self
    }

    /// The columns human lines on stdout must fit in; `None`: they are not cut.
    pub fn width(&self) -> Option<usize> {
        self.width
    }

    /// The parts of a human line, fitted to the width (see [`fit`]).
    pub fn fit(&self, parts: &[Part<'_>]) -> String {
        fit(parts, self.width)
    }

    /// A line of prose fitted to the width: its end is its last free text.
    pub fn fit_line<'t>(&self, text: &'t str) -> Cow<'t, str> {
        match self.width {
            Some(width) => truncate(text, width),
            None => Cow::Borrowed(text),
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
        let room = self.stderr_width.unwrap_or(BAR_LINE).min(BAR_LINE);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template(&progress_template(total, unit, room))
        {
            bar.set_style(style.with_key("rate", write_rate));
        }
        Some(Progress(bar))
    }

    /// Verbose detail (request and response dumps) on stderr, under `-v` only.
    pub fn detail(&self, text: &str) -> io::Result<()> {
        if self.verbose == 0 {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        writeln!(err, "{}", mask_userinfo(text))
    }

    /// One line of data on stdout.
    pub fn line(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        writeln!(out, "{}", mask_userinfo(text))?;
        out.flush()
    }

    /// Lines of text on stdout in one write (the listener's batches), flushed.
    pub fn text(&self, text: &str) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(mask_userinfo(text).as_bytes())?;
        out.flush()
    }

    /// Raw bytes on stdout (payloads, byte for byte), flushed.
    pub fn bytes(&self, bytes: &[u8]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()
    }

    /// One JSON Lines object on stdout.
    pub fn emit(&self, output: &Output<'_>) -> io::Result<()> {
        let line = serde_json::to_string(output)?;
        let mut out = io::stdout().lock();
        writeln!(out, "{}", mask_userinfo(&line))?;
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
        writeln!(err, "{}", mask_userinfo(text))
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
        writeln!(err, "telhook: {prefix} {}", mask_userinfo(text))
    }

    pub fn debug(&self, text: &str) -> io::Result<()> {
        if self.verbose == 0 {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        writeln!(err, "telhook: debug: {}", mask_userinfo(text))
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

/// An `Authorization` value without its secret: the scheme only (`Basic <redacted>`).
pub fn redact(value: &str) -> String {
    match value.split_once(' ') {
        Some((scheme, _)) => format!("{scheme} <redacted>"),
        None => "<redacted>".to_string(),
    }
}

fn sanitize_lines(text: &str) -> String {
    text.split('\n')
        .map(sanitize)
        .collect::<Vec<_>>()
        .join("\n")
}

/// An answer as `-v` shows it: status, headers, body.
pub type Answered<'a> = (u16, &'a [(String, String)], &'a [u8]);

/// A request and its answer as `-v` shows them (`> ` lines out, `< ` lines back), every
/// `Authorization` redacted and control characters made visible; `answer` is the status,
/// headers and body, or `None` when no answer came.
pub fn exchange(
    request_line: &str,
    headers: &[(String, String)],
    body: &[u8],
    answer: Option<Answered<'_>>,
) -> String {
    let mut text = format!("> {}\n", sanitize(request_line));
    for (name, value) in headers {
        let value = if name.eq_ignore_ascii_case("authorization") {
            redact(value)
        } else {
            value.clone()
        };
        text.push_str(&format!("> {}: {}\n", sanitize(name), sanitize(&value)));
    }
    text.push_str(">\n");
    text.push_str(&sanitize_lines(&String::from_utf8_lossy(body)));
    text.push('\n');
    match answer {
        Some((status, headers, body)) => {
            text.push_str(&format!("< {status}\n"));
            for (name, value) in headers {
                text.push_str(&format!("< {}: {}\n", sanitize(name), sanitize(value)));
            }
            text.push_str("<\n");
            text.push_str(&sanitize_lines(&String::from_utf8_lossy(body)));
        }
        None => text.push_str("< (no answer)"),
    }
    text
}

/// Text that came from the network, made safe for a terminal: control characters (C0 but tab,
/// DEL, C1) are written as escapes (`\x1b`, `\u{9b}`), so a request cannot move the cursor,
/// recolour the screen or paint a line of its own. JSON output escapes them by itself; captures
/// keep the exact bytes.
pub fn sanitize(text: &str) -> std::borrow::Cow<'_, str> {
    // Controls, and the invisible format characters that reorder or hide text (bidi
    // overrides and isolates, zero-width marks, the BOM).
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\t')
            || c == '\u{7f}'
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
    };
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
/// exit 2; help and version go to stdout with exit 0. A rejected `--basic-auth`, `--api-auth`,
/// `--callback-auth` or `--api-key` value is never echoed (it holds a secret).
pub fn report_usage_error(e: &clap::Error) -> std::process::ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return std::process::ExitCode::SUCCESS;
    }
    // `telhook` alone: the help (on stderr, as clap prints it), not an error line, and exit 2.
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = e.print();
        return std::process::ExitCode::from(2);
    }
    let mut text = e.render().to_string();
    let secret_arg = matches!(
        e.get(ContextKind::InvalidArg),
        Some(ContextValue::String(a)) if ["--basic-auth", "--api-auth", "--callback-auth", "--api-key"]
            .iter()
            .any(|flag| a.starts_with(flag))
    );
    if secret_arg && let Some(ContextValue::String(v)) = e.get(ContextKind::InvalidValue) {
        text = text.replace(&format!("'{v}'"), "'<redacted>'");
    }
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let mut stderr = io::stderr().lock();
    let _ = write!(stderr, "telhook: error: {}", mask_userinfo(text));
    std::process::ExitCode::from(2)
}

/// A URL as it may be printed: a password in it (`http://user:pass@host/`) is replaced.
pub fn redact_url(url: &str) -> Cow<'_, str> {
    mask_userinfo(url)
}

/// Every password in URLs anywhere in `text` (`scheme://user:PASS@host`) replaced: whatever
/// telhook prints goes through this, so a URL's password from a flag, a file, a request or a
/// body is never shown. A payload printed as data (`example`) is written byte for byte instead.
pub fn mask_userinfo(text: &str) -> Cow<'_, str> {
    if !text.contains("://") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            // Where an authority ends, or the text around a URL does; a userinfo may hold `,`,
            // `)` or `'`, so those do not end it.
            .find(|c: char| {
                matches!(c, '/' | '?' | '#' | '"' | '<' | '>' | '\\') || c.is_whitespace()
            })
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@').and_then(|at| {
            let (user, _) = authority[..at].split_once(':')?;
            Some((user, &authority[at..]))
        }) {
            Some((user, host)) => {
                out.push_str(user);
                out.push_str(":<redacted>");
                out.push_str(host);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Report a fatal error: one line on stderr, written so that a closed stderr cannot panic.
pub fn report_error(err: &anyhow::Error) {
    let mut stderr = io::stderr().lock();
    let text = format!("{err:#}");
    let _ = writeln!(stderr, "telhook: error: {}", mask_userinfo(&text));
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
        assert_eq!(sanitize("ok\u{202e}live"), "ok\\u{202e}live");
        assert_eq!(sanitize("\u{2066}x\u{200b}"), "\\u{2066}x\\u{200b}");
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
    fn columns_wins_then_the_terminal_then_no_width() {
        let cols = |v: &str| Some(OsStr::new(v)).map(|s| s.to_owned());
        assert_eq!(width_from(cols("100").as_deref(), Some(80)), Some(100));
        assert_eq!(width_from(cols(" 72 ").as_deref(), None), Some(72));
        for junk in ["", "0", "wide", "-5"] {
            assert_eq!(
                width_from(cols(junk).as_deref(), Some(80)),
                Some(80),
                "{junk:?}"
            );
            assert_eq!(width_from(cols(junk).as_deref(), None), None, "{junk:?}");
        }
        assert_eq!(width_from(None, Some(0)), None);
        assert_eq!(width_from(None, None), None);
    }

    #[test]
    fn display_width_skips_colour_codes_and_counts_wide_characters_twice() {
        assert_eq!(display_width("plain"), 5);
        assert_eq!(display_width("\x1b[1;32m✓ verified\x1b[0m → 200"), 16);
        assert_eq!(display_width("On my way 🚗"), 12);
        assert_eq!(display_width("Привет"), 6);
        assert_eq!(
            display_width("a\tb"),
            10,
            "a tab counts as a whole tab stop"
        );
    }

    #[test]
    fn truncate_cuts_to_the_width_with_an_ellipsis_and_never_splits_a_colour_code() {
        assert_eq!(truncate("short", 10), "short");
        assert!(matches!(truncate("short", 5), Cow::Borrowed(_)));
        assert_eq!(truncate("a longer text", 8), "a longe…");
        assert_eq!(display_width(&truncate("a longer text", 8)), 8);
        assert_eq!(
            truncate("🚗🚗🚗", 4),
            "🚗…",
            "a wide character is not split either"
        );
        assert_eq!(truncate("abc", 0), "");
        let green = "\x1b[1;32m✓ verified\x1b[0m and more";
        let cut = truncate(green, 6);
        assert_eq!(cut, "\x1b[1;32m✓ ver…\x1b[0m", "the colour still ends");
        assert_eq!(display_width(&cut), 6);
        for max in 0..display_width(green) {
            let cut = truncate(green, max);
            assert!(display_width(&cut) <= max);
            assert_eq!(cut.matches('\x1b').count(), 2, "{cut:?}");
            assert!(
                cut.contains("\x1b[1;32m") && cut.contains("\x1b[0m"),
                "{cut:?}"
            );
        }
    }

    #[test]
    fn column_cuts_or_pads_to_exactly_its_width() {
        assert_eq!(column("call.hangup", 14), "call.hangup   ");
        assert_eq!(column("call.machine.detection.ended", 14), "call.machine.…");
        assert_eq!(display_width(&column("🚗 car", 8)), 8);
    }

    #[test]
    fn fit_cuts_the_last_free_part_first_then_the_one_before_then_the_line() {
        let parts = [
            Part::fixed("12:00 "),
            Part::free("the facts here", 5),
            Part::fixed(" \x1b[31m✗ rejected\x1b[0m"),
            Part::free(": a long reason why", 4),
            Part::fixed(" → 403"),
        ];
        let whole = "12:00 the facts here \x1b[31m✗ rejected\x1b[0m: a long reason why → 403";
        assert_eq!(fit(&parts, None), whole);
        assert_eq!(fit(&parts, Some(100)), whole);
        // 5 columns too many: the reason gives them.
        assert_eq!(
            fit(&parts, Some(display_width(whole) - 5)),
            "12:00 the facts here \x1b[31m✗ rejected\x1b[0m: a long reas… → 403"
        );
        // The reason down to its 4, then the facts give the last column.
        assert_eq!(
            fit(&parts, Some(40)),
            "12:00 the facts he… \x1b[31m✗ rejected\x1b[0m: a… → 403"
        );
        assert_eq!(display_width(&fit(&parts, Some(40))), 40);
        // Both at their least, the line's end goes.
        let narrow = fit(&parts, Some(20));
        assert_eq!(display_width(&narrow), 20);
        assert!(
            narrow.ends_with('…') || narrow.ends_with("…\x1b[0m"),
            "{narrow:?}"
        );
    }

    #[test]
    fn the_progress_line_fits_in_80_columns_for_any_run() {
        for total in [1, 99, 1_000, 123_456, 10_000_000] {
            for room in [BAR_LINE, 60] {
                let template = progress_template(total, "events", room);
                // The widest each key gets: the counts, an 11-column rate, a 4-column eta.
                let bar = template
                    .strip_prefix("{bar:")
                    .and_then(|t| t.split_once('}'))
                    .map_or(0, |(n, _)| n.parse::<usize>().unwrap() + 1);
                let text = template
                    .rsplit_once("{pos}")
                    .map(|(_, t)| t)
                    .unwrap()
                    .replace("{len}", &total.to_string())
                    .replace("{rate}", "9,999,999/s")
                    .replace("{eta}", "100d");
                let widest = bar + total.to_string().len() + display_width(&text);
                assert!(widest <= room, "{total} in {room}: {template}");
                assert!(
                    room < BAR_LINE || total > 1_000_000 || bar > 20,
                    "{total} in {room}: {template}"
                );
            }
        }
    }

    #[test]
    fn the_rate_is_a_whole_number() {
        assert_eq!(rate_text(6186.2792), "6,186/s");
        assert_eq!(rate_text(0.4), "0/s");
        assert_eq!(rate_text(12.5), "13/s");
        assert_eq!(rate_text(1e12), "9,999,999/s");
        assert_eq!(rate_text(f64::NAN), "0/s");
        assert_eq!(rate_text(f64::INFINITY), "0/s");
    }

    #[test]
    fn a_password_in_a_url_is_never_printed() {
        assert_eq!(
            redact_url("http://u:hunter2@h:5/x?a=b@c"),
            "http://u:<redacted>@h:5/x?a=b@c"
        );
        assert_eq!(redact_url("http://u@h/"), "http://u@h/");
        assert_eq!(redact_url("http://h/p@q"), "http://h/p@q");
        assert_eq!(redact_url("not a url"), "not a url");
    }

    #[test]
    fn broken_pipe_is_found_anywhere_in_the_chain() {
        let e = anyhow::Error::from(io::Error::from(io::ErrorKind::BrokenPipe)).context("writing");
        assert!(is_broken_pipe(&e));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }

    #[test]
    fn every_url_password_in_a_text_is_masked_and_the_rest_kept() {
        assert_eq!(
            mask_userinfo(
                r#"{"delivered_to":"http://bw:s3cret@host:5000/hooks?a=1","x":"ftp://u:p@h"}"#
            ),
            r#"{"delivered_to":"http://bw:<redacted>@host:5000/hooks?a=1","x":"ftp://u:<redacted>@h"}"#
        );
        assert_eq!(
            mask_userinfo("to http://u:p@a/ then https://v:q@b, and http://plain/"),
            "to http://u:<redacted>@a/ then https://v:<redacted>@b, and http://plain/"
        );
        assert_eq!(
            mask_userinfo("(http://u:p,q)'r@[::1]:5/)"),
            "(http://u:<redacted>@[::1]:5/)"
        );
        for kept in [
            "no url here",
            "http://user@host/",
            "http://host/a:b@c",
            "mailto:a:b@c",
            "://",
        ] {
            assert_eq!(mask_userinfo(kept), kept);
        }
    }
}
