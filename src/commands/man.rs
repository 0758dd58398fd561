//! `telhook man`: the manual page (roff, section 1), generated from the real command line: the
//! top-level page, the list of commands, a section per command with its synopsis, description
//! and options, then exit status, environment, files and examples.
//!
//! One page, not a page per command: `telhook man > telhook.1` stays the whole installation, and
//! the commands' sections are in it (clap_mangen's list of `telhook-send(1)`-style pages, which
//! would not exist, is replaced by a list naming those sections).

use clap::CommandFactory;
use std::io::Write;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::signing::{PRIVATE_FILE, PUBLIC_FILE};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// The whole page, as bytes.
pub fn page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    commands_section(&cmd, &mut out)?;
    for sub in commands(&cmd) {
        let name = sub.get_bin_name().unwrap_or(sub.get_name()).to_string();
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        // Inside a command's section its parts are subsections.
        let text = String::from_utf8_lossy(&part).replace("\n.SH ", "\n.SS ");
        let text = text
            .strip_prefix(".SH ")
            .map_or(text.clone(), |t| format!(".SS {t}"));
        out.extend_from_slice(text.as_bytes());
    }
    exit_status_section(&mut out)?;
    environment_section(&mut out)?;
    files_section(&mut out)?;
    examples_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Text for roff: backslashes and hyphens escaped, a line that would start as a request guarded.
fn roff(text: &str) -> String {
    let s = text.replace('\\', "\\e").replace('-', "\\-");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

/// A tagged paragraph: the tag's names (`A, B`) in bold, then its text.
fn item(out: &mut Vec<u8>, tag: &str, text: &str) -> std::io::Result<()> {
    let names: Vec<String> = tag
        .split(", ")
        .map(|n| format!("\\fB{}\\fR", roff(n)))
        .collect();
    writeln!(out, ".TP\n{}\n{}", names.join(", "), roff(text))
}

/// The commands with a section each: every visible subcommand, each followed by its own
/// (`emulate messages`).
fn commands(cmd: &clap::Command) -> Vec<&clap::Command> {
    let visible = |c: &&clap::Command| !c.is_hide_set();
    let mut out = Vec::new();
    for sub in cmd.get_subcommands().filter(visible) {
        out.push(sub);
        out.extend(sub.get_subcommands().filter(visible));
    }
    out
}

/// The commands, each pointing at its section below.
fn commands_section(cmd: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, ".SH COMMANDS")?;
    for sub in commands(cmd) {
        let name = sub.get_bin_name().unwrap_or(sub.get_name()).to_string();
        let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
        let about = about.trim_end_matches('.');
        item(
            out,
            &name,
            &format!("{about}. See {} below.", name.to_uppercase()),
        )?;
    }
    Ok(())
}

fn exit_status_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    let statuses = [
        (
            ExitStatus::Success.code(),
            "Success; the verdict passed (signature valid, payloads valid, every event delivered \
             and acknowledged).",
        ),
        (
            ExitStatus::Failure.code(),
            "The verdict failed (signature invalid, a payload does not match its schema, an event \
             not acknowledged as its provider requires, webhooks still in flight when emulate \
             settle --timeout passes).",
        ),
        (
            ExitStatus::Error.code(),
            "telhook could not do the job: bad arguments, a bad URL, an unreadable file, a missing \
             key, an unknown event. The error is one line on stderr, telhook: error: ..., naming \
             the file, field or header and the fix.",
        ),
        (
            ExitStatus::Interrupted.code(),
            "Interrupted (Ctrl-C): send and replay print the partial summary and write their \
             reports.",
        ),
    ];
    for (code, meaning) in statuses {
        item(out, &code.to_string(), meaning)?;
    }
    Ok(())
}

/// The variables telhook reads (one list, `config::ENVIRONMENT`, which `--help` texts follow),
/// then the ones of the terminal and of proxies.
fn environment_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, ".SH ENVIRONMENT")?;
    for (var, meaning) in crate::config::ENVIRONMENT {
        item(
            out,
            var,
            &format!("{}{}.", meaning[..1].to_uppercase(), &meaning[1..]),
        )?;
    }
    let fixed = [
        ("TERM", "dumb: no colour, unless --color always."),
        (
            "HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY",
            "Proxies for send and replay, read as curl reads them (demo talks to its own \
             listener directly).",
        ),
    ];
    for (var, meaning) in fixed {
        item(out, var, meaning)?;
    }
    Ok(())
}

fn files_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, ".SH FILES")?;
    let dir = "$XDG_CONFIG_HOME/telhook";
    let files = [
        (
            format!("{dir}/{PRIVATE_FILE}, {dir}/{PUBLIC_FILE}"),
            "Your default Telnyx key pair: the private key signs, the public key verifies."
                .to_string(),
        ),
        (
            format!("{dir}/config.toml"),
            "Your configuration.".to_string(),
        ),
        (
            "telhook.toml".to_string(),
            "The project's configuration, read from the working directory.".to_string(),
        ),
        (
            format!("{PRIVATE_FILE}, {PUBLIC_FILE}"),
            format!(
                "The key pair telhook keygen writes in the working directory (or --out-dir); \
                 {PRIVATE_FILE} is readable by you alone (mode 0600)."
            ),
        ),
    ];
    for (file, meaning) in &files {
        let names: Vec<String> = file
            .split(", ")
            .map(|n| format!("\\fI{}\\fR", roff(n)))
            .collect();
        writeln!(out, ".TP\n{}\n{}", names.join(", "), roff(meaning))?;
    }
    Ok(())
}

/// Command lines the page shows, with what they do.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "telhook demo",
        "Run everything once: a local listener receives every event of both providers, signed \
         and authenticated, plus the failures to recognise.",
    ),
    (
        "telhook listen --capture hooks.jsonl",
        "Receive webhooks on http://127.0.0.1:5000/ (every path): verify each Telnyx signature \
         with your default key pair, print a line per request and capture every request, byte \
         for byte, to hooks.jsonl.",
    ),
    (
        "telhook send telnyx message.received",
        "From another terminal: deliver an inbound SMS webhook to that listener as Telnyx would, \
         signed with the same default pair, with its retries, and judge the answer.",
    ),
    (
        "telhook verify --capture hooks.jsonl",
        "Check the signature of the last captured Telnyx request offline, and say why it fails if \
         it does.",
    ),
    (
        "telhook config",
        "Show the URL, keys and credentials the commands use when given no flags, and where each \
         comes from.",
    ),
    (
        "telhook replay hooks.jsonl --to http://127.0.0.1:8000/webhooks --report junit=report.xml",
        "Deliver the captured requests again, to your app, and write a JUnit report for CI.",
    ),
    (
        "telhook validate payloads/",
        "Check every .json, .jsonl and .ndjson file under payloads/ against the documented schema \
         of its event.",
    ),
    (
        "telhook events --provider bandwidth",
        "List Bandwidth's events, with their variants.",
    ),
];

fn examples_section(out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, ".SH EXAMPLES")?;
    for (line, what) in EXAMPLES {
        writeln!(out, ".PP\n{}", roff(what))?;
        writeln!(out, ".PP\n.RS 4\n.nf\n\\fB{}\\fR\n.fi\n.RE", roff(line))?;
    }
    Ok(())
}

pub fn run(_args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    ui.bytes(&page()?)?;
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_a_section_for_every_subcommand() {
        let page = String::from_utf8(page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.starts_with(".TH"),
            "{}",
            &page[..80]
        );
        for sub in Cli::command().get_subcommands() {
            let heading = format!(".SH \"TELHOOK {}\"", sub.get_name().to_uppercase());
            assert!(page.contains(&heading), "no section for {}", sub.get_name());
        }
        for call in ["MESSAGES", "RESET", "SETTLE"] {
            let heading = format!(".SH \"TELHOOK EMULATE {call}\"");
            assert!(page.contains(&heading), "no section for emulate {call}");
            assert!(
                page.contains(&format!("\\fBtelhook emulate {}\\fR", call.to_lowercase())),
                "emulate {call} in COMMANDS and its synopsis"
            );
        }
        assert!(!page.contains("TELHOOK EMULATE HELP"));
        assert!(page.contains("\\-\\-to"), "options are listed");
    }

    fn page_text() -> String {
        String::from_utf8(page().unwrap()).unwrap()
    }

    #[test]
    fn the_page_has_exit_status_environment_files_and_examples() {
        let page = page_text();
        let headings: Vec<&str> = page
            .lines()
            .filter_map(|l| l.strip_prefix(".SH "))
            .collect();
        for want in [
            "NAME",
            "SYNOPSIS",
            "DESCRIPTION",
            "OPTIONS",
            "COMMANDS",
            "\"EXIT STATUS\"",
            "ENVIRONMENT",
            "FILES",
            "EXAMPLES",
        ] {
            assert!(headings.contains(&want), "no {want} in {headings:?}");
        }
        for status in ["0", "1", "2", "130"] {
            assert!(
                page.contains(&format!(".TP\n\\fB{status}\\fR\n")),
                "exit status {status}"
            );
        }
        for file in ["telnyx.key", "telnyx.pub", "config.toml", "telhook.toml"] {
            assert!(page.contains(file), "{file} in FILES");
        }
    }

    #[test]
    fn every_variable_telhook_reads_is_in_environment() {
        let page = page_text();
        let environment = &page[page.find(".SH ENVIRONMENT").unwrap()..];
        let environment = &environment[..environment.find(".SH FILES").unwrap()];
        let vars = crate::config::ENVIRONMENT.iter().map(|(v, _)| *v).chain([
            "TERM",
            "TELHOOK_TO",
            "TELHOOK_PRIVATE_KEY",
            "TELNYX_PUBLIC_KEY",
        ]);
        for var in vars {
            assert!(
                environment.contains(&format!("\\fB{}", var.replace('-', "\\-"))),
                "{var} is not in ENVIRONMENT"
            );
        }
        assert!(
            environment.contains("(\\-\\-private\\-key)"),
            "{environment}"
        );
    }

    #[test]
    fn the_page_names_no_page_that_does_not_exist() {
        // `name(1)`-style references: only this page, telhook(1), exists.
        let page = page_text().replace("\\-", "-");
        let mut rest = page.as_str();
        while let Some(i) = rest.find("(1)") {
            let before = &rest[..i];
            let name = before
                .rsplit(|c: char| c.is_whitespace() || c == '`')
                .next()
                .unwrap_or("");
            assert!(
                name.ends_with("telhook") || name.ends_with("telhook.1"),
                "a reference to {name}(1), which is not generated"
            );
            rest = &rest[i + 3..];
        }
        assert!(!page.contains("telhook-send"), "no per-command page names");
    }

    #[test]
    fn the_examples_are_command_lines_telhook_accepts() {
        for (line, _) in EXAMPLES {
            let args: Vec<&str> = line.split_whitespace().collect();
            assert_eq!(args[0], "telhook");
            if let Err(e) = <Cli as clap::Parser>::try_parse_from(&args) {
                panic!("`{line}` does not parse: {e}");
            }
        }
        let page = page_text();
        assert!(page.contains("\\fBtelhook verify \\-\\-capture hooks.jsonl"));
        assert!(page.contains("\\-\\-report junit=report.xml"));
    }
}
