//! A terminal for the tests of what a person sees: `telhook` run on a pseudo-terminal of a
//! given size (util-linux `script`, with `stty` setting the size), and a small screen that
//! replays what the program wrote to it.

use std::process::{Command, Stdio};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Telhook;

/// What a run on a terminal gave: its exit code and every byte the terminal received (stdout
/// and stderr together, as a person sees them).
pub struct OnTerminal {
    pub code: Option<i32>,
    pub bytes: Vec<u8>,
}

impl OnTerminal {
    /// The screen after the run (see [`screen`]).
    pub fn screen(&self) -> Vec<String> {
        screen(&self.bytes)
    }
}

/// `telhook ARGS` with stdout and stderr on a terminal `cols` wide, in `t`'s directory, in an
/// environment of only PATH, HOME, `TERM=xterm` (so colour is on) and `env`.
pub fn run(t: &Telhook, cols: u16, env: &[(&str, &str)], args: &[&str]) -> OnTerminal {
    let mut line = format!(
        "stty cols {cols} rows 40 && exec {}",
        quote(env!("CARGO_BIN_EXE_telhook"))
    );
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", t.dir.path())
        .env("SHELL", "/bin/sh")
        .env("TERM", "xterm")
        .envs(env.iter().copied())
        .current_dir(t.dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("util-linux `script` runs a command on a pseudo-terminal (Debian: bsdutils)");
    assert!(
        out.stderr.is_empty(),
        "script: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    OnTerminal {
        code: out.status.code(),
        bytes: out.stdout,
    }
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The lines a terminal shows after `bytes`, those scrolled off included, without colour codes
/// and trailing blanks. Carriage returns, cursor moves (`ESC [ n A/B/C/D/G`) and erasures
/// (`ESC [ K`, `ESC [ J`) are carried out; a line is never wrapped, so one wider than the
/// terminal stays one line and shows how wide it was.
pub fn screen(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => row += 1,
            '\x08' => col = col.saturating_sub(1),
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    chars.next();
                    continue;
                }
                chars.next();
                let mut params = String::new();
                let mut last = None;
                for p in chars.by_ref() {
                    if ('@'..='~').contains(&p) {
                        last = Some(p);
                        break;
                    }
                    params.push(p);
                }
                let n = params.parse::<usize>().unwrap_or(1).max(1);
                while rows.len() <= row {
                    rows.push(Vec::new());
                }
                match last {
                    Some('A') => row = row.saturating_sub(n),
                    Some('B') => row += n,
                    Some('C') => col += n,
                    Some('D') => col = col.saturating_sub(n),
                    Some('G') => col = n - 1,
                    Some('K') => match params.as_str() {
                        "1" => rows[row].iter_mut().take(col + 1).for_each(|c| *c = ' '),
                        "2" => rows[row].clear(),
                        _ => rows[row].truncate(col),
                    },
                    Some('J') => {
                        rows[row].truncate(col);
                        rows.truncate(row + 1);
                    }
                    // Colours, cursor visibility and the rest draw nothing.
                    _ => {}
                }
            }
            c if c.is_control() => {}
            c => {
                let w = c.width().unwrap_or(0);
                if w == 0 {
                    continue;
                }
                while rows.len() <= row {
                    rows.push(Vec::new());
                }
                let cells = &mut rows[row];
                while cells.len() < col + w {
                    cells.push(' ');
                }
                cells[col] = c;
                // The second cell of a wide character holds nothing of its own.
                if w == 2 {
                    cells[col + 1] = '\0';
                }
                col += w;
            }
        }
    }
    let mut lines: Vec<String> = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .filter(|&c| c != '\0')
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines
}

/// The columns a line of plain text takes.
pub fn width(line: &str) -> usize {
    UnicodeWidthStr::width(line)
}

/// Lines wider than `cols`, for a failure message (empty when all fit).
pub fn too_wide(lines: &[String], cols: usize) -> Vec<String> {
    lines
        .iter()
        .filter(|l| width(l) > cols)
        .map(|l| format!("{} columns: {l}", width(l)))
        .collect()
}

#[test]
fn the_screen_carries_out_returns_moves_and_erasures() {
    let bytes = "one\r\ntwo\r\n\x1b[1mbar 1\x1b[0m\r\x1b[2Kbar 2\r\x1b[2K\x1b[32mok\x1b[0m\r\nwide 🚗!\x1b[1A\r\x1b[Klast\r\n";
    assert_eq!(screen(bytes.as_bytes()), ["one", "two", "last", "wide 🚗!"]);
    assert_eq!(width("wide 🚗!"), 8);
}
