//! Every example command in README.md runs, so the README cannot drift from the tool.
//!
//! The rules (README "Development" says them too):
//! - The ```sh blocks under one heading run in one fresh directory, in order, line by line, with
//!   `telhook` on the PATH (a section's later blocks use the files its earlier ones made). A line
//!   must exit 0, or the code its trailing `# exit N` comment names.
//! - `cargo run --release -- ARGS` lines run as `telhook ARGS`; other `cargo` lines and
//!   `bash benches/...` lines (set-up, tests, benchmarks) are not run here.
//! - `telhook listen ...` lines, and lines ending in `&`, run in the background for the rest of
//!   the block; the next line starts once a listener has printed its address.
//! - Port 5000 (the default `listen` port the README uses throughout) becomes the port the
//!   section's listener got (`--port 0`, read from its first line). A section with no listener of
//!   its own gets `telhook listen` (accepting everything), standing in for "your app".
//! - Every `telhook ...` line of a ```yaml block must also appear in a ```sh block.

use crate::support::{Telhook, repo_file};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    /// The heading the block is under.
    heading: String,
    lang: String,
    lines: Vec<(usize, String)>,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut heading = String::new();
    for (i, text) in readme.lines().enumerate() {
        let n = i + 1;
        if current.is_none() && text.starts_with('#') {
            heading = text.to_string();
        } else if let Some(fence) = text.trim_start().strip_prefix("```") {
            match current.take() {
                Some(block) => out.push(block),
                None => {
                    current = Some(Block {
                        line: n,
                        heading: heading.clone(),
                        lang: fence.trim().to_string(),
                        lines: Vec::new(),
                    })
                }
            }
        } else if let Some(block) = current.as_mut() {
            // Join `\` continuations onto one command.
            match block.lines.last_mut() {
                Some((_, last)) if last.ends_with('\\') => {
                    last.pop();
                    last.push(' ');
                    last.push_str(text.trim());
                }
                _ => block.lines.push((n, text.to_string())),
            }
        }
    }
    out
}

/// The expected exit code from a trailing `# exit N` comment.
fn expected_exit(line: &str) -> i32 {
    line.rsplit_once("# exit ")
        .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
}

/// What to run for a README line, or `None` when the line is not a telhook example.
fn command_of(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    if let Some(rest) = line.strip_prefix("cargo run --release -- ") {
        return Some(format!("telhook {rest}"));
    }
    let first = line
        .split_whitespace()
        .find(|w| !w.contains('='))
        .unwrap_or("");
    if first == "cargo" || line.starts_with("bash benches/") {
        return None;
    }
    Some(line.to_string())
}

fn is_listener(command: &str) -> bool {
    command.starts_with("telhook listen") || command.trim_end().ends_with('&')
}

/// Start a background command; for a listener, wait for its first stdout line and return its
/// port.
fn background(t: &Telhook, command: &str, path: &str, at: &str) -> (Child, Option<String>) {
    let command = command.trim_end().trim_end_matches('&').to_string();
    let mut child = Command::new("bash")
        .arg("-c")
        .arg(format!("exec {command}"))
        .current_dir(t.dir.path())
        .env("PATH", path)
        .env("HOME", t.dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if !command.starts_with("telhook listen") {
        return (child, None);
    }
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        let mut first = String::new();
        let _ = reader.read_line(&mut first);
        let _ = tx.send(first);
        // Keep draining, so the listener never blocks on a full pipe.
        let _ = std::io::copy(&mut reader, &mut std::io::sink());
    });
    let first = rx.recv_timeout(Duration::from_secs(20)).unwrap_or_default();
    let port = first
        .split("127.0.0.1:")
        .nth(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .filter(|p| !p.is_empty());
    assert!(
        port.is_some(),
        "{at}: `{command}` did not start listening: {first:?}"
    );
    (child, port)
}

/// A README line as the test runs it: a listener on a port of its own choosing, and the
/// section's listener's port wherever the README says 5000.
fn localised(command: &str, port: Option<&str>) -> String {
    let mut c = command.replace("--port 5000", "--port 0");
    if c.starts_with("telhook listen") && !c.contains("--port") {
        c = c.replacen("telhook listen", "telhook listen --port 0", 1);
    }
    match port {
        Some(p) => c.replace("127.0.0.1:5000", &format!("127.0.0.1:{p}")),
        None => c,
    }
}

/// Run the blocks of one section in one directory; returns how many commands ran.
fn run_section(section: &[&Block], bin_dir: &str) -> usize {
    let t = Telhook::new();
    let path = format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default());
    let commands: Vec<(usize, String)> = section
        .iter()
        .flat_map(|b| b.lines.iter())
        .filter_map(|(n, l)| command_of(l).map(|c| (*n, c)))
        .collect();
    let mut children: Vec<Child> = Vec::new();
    let mut port: Option<String> = None;
    if !commands.iter().any(|(_, c)| is_listener(c)) {
        let (child, p) = background(
            &t,
            "telhook listen --port 0",
            &path,
            &format!("README.md:{}", section[0].line),
        );
        children.push(child);
        port = p;
    }
    for (n, command) in &commands {
        let at = format!("README.md:{n}");
        let command = localised(command, port.as_deref());
        if is_listener(&command) {
            let (child, p) = background(&t, &command, &path, &at);
            children.push(child);
            port = p.or(port);
            continue;
        }
        let started = Instant::now();
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("set -o pipefail\n{command}"))
            .current_dir(t.dir.path())
            .env("PATH", &path)
            .env("HOME", t.dir.path())
            .env_remove("NO_COLOR")
            .env_remove("TELNYX_PUBLIC_KEY")
            .env_remove("TELHOOK_PRIVATE_KEY")
            .env_remove("TELHOOK_BASIC_AUTH")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(expected_exit(&command)),
            "{at}: `{command}` exited {:?} after {:?}\nstdout: {}\nstderr: {}",
            out.status.code(),
            started.elapsed(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains("telhook: error:") || expected_exit(&command) == 2,
            "{at}: `{command}` reported an error: {stderr}"
        );
    }
    for mut child in children {
        let _ = child.kill();
        let _ = child.wait();
    }
    commands.len()
}

#[test]
fn every_example_command_in_the_readme_runs() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_telhook"));
    let bin_dir = bin.parent().unwrap().to_str().unwrap().to_string();
    let blocks = blocks(&readme);
    let mut ran = 0;
    let mut used: BTreeSet<String> = BTreeSet::new();
    let sh: Vec<&Block> = blocks.iter().filter(|b| b.lang == "sh").collect();
    for section in sh.chunk_by(|a, b| a.heading == b.heading) {
        ran += run_section(section, &bin_dir);
    }
    for block in &sh {
        for (_, line) in &block.lines {
            if let Some(c) = command_of(line)
                && let Some(sub) = c.strip_prefix("telhook ")
            {
                let sub = sub
                    .split_whitespace()
                    .find(|w| !w.starts_with('-'))
                    .unwrap_or("");
                used.insert(sub.to_string());
            }
        }
    }
    // Every subcommand has at least one example.
    for sub in <telhook::cli::Cli as clap::CommandFactory>::command().get_subcommands() {
        assert!(
            used.contains(sub.get_name()),
            "README.md has no example of `telhook {}`",
            sub.get_name()
        );
    }
    assert!(ran >= 40, "only {ran} README commands ran");

    // The commands of CI snippets are ones the test runs.
    let sh_lines: BTreeSet<String> = blocks
        .iter()
        .filter(|b| b.lang == "sh")
        .flat_map(|b| b.lines.iter().map(|(_, l)| l.trim().to_string()))
        .collect();
    for block in blocks.iter().filter(|b| b.lang == "yaml") {
        for (n, line) in &block.lines {
            if let Some(command) = line.trim().strip_prefix("- run: ")
                && command.starts_with("telhook ")
            {
                assert!(
                    sh_lines.contains(command),
                    "README.md:{n}: `{command}` is in a CI snippet but in no ```sh block"
                );
            }
        }
    }
}

#[test]
fn the_readme_parser_reads_fences_continuations_and_exit_comments() {
    let text =
        "x\n```sh\ntelhook a \\\n  --b\n# note\ncargo test\n```\n```yaml\n- run: telhook c\n```\n";
    let b = blocks(text);
    assert_eq!(b.len(), 2);
    assert_eq!(b[0].lang, "sh");
    assert_eq!(b[0].line, 2);
    assert_eq!(b[0].lines[0], (3, "telhook a  --b".to_string()));
    assert_eq!(command_of("# note"), None);
    assert_eq!(command_of("cargo test"), None);
    assert_eq!(command_of("TELHOOK_UPDATE_GOLDEN=1 cargo test"), None);
    assert_eq!(
        command_of("cargo run --release -- demo").as_deref(),
        Some("telhook demo")
    );
    assert_eq!(
        expected_exit("telhook verify x   # exit 1: re-serialized"),
        1
    );
    assert_eq!(expected_exit("telhook verify x"), 0);
    assert_eq!(
        localised("telhook listen --capture c.jsonl", None),
        "telhook listen --port 0 --capture c.jsonl"
    );
    assert_eq!(
        localised("telhook listen --port 5000 &", None),
        "telhook listen --port 0 &"
    );
    assert_eq!(
        localised(
            "telhook send a b --to http://127.0.0.1:5000/x",
            Some("4242")
        ),
        "telhook send a b --to http://127.0.0.1:4242/x"
    );
}
