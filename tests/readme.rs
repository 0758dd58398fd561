//! Every example command in README.md runs, so the README cannot drift from the tool.
//!
//! The rules (docs/development.md, "The README is tested", says them too):
//! - The ```sh blocks under one heading run in one fresh directory, in order, line by line, with
//!   `telhook` on the PATH (a section's later blocks use the files its earlier ones made). A line
//!   must exit 0, or the code its trailing `# exit N` comment names.
//! - `cargo run --release -- ARGS` lines run as `telhook ARGS`; other `cargo` lines and
//!   `bash benches/...` lines (set-up, the tour's `cargo install`, tests, benchmarks) are not run
//!   here.
//! - `telhook listen ...` lines, and lines ending in `&` (before any trailing `# comment`), run in
//!   the background for the rest of the section; the next line starts once a listener has
//!   printed its address. Each background command is killed, with its process group, when the
//!   section ends or fails.
//! - Port 5000 (the default `listen` port the README uses throughout) becomes the port the
//!   section's listener got (`--port 0`, read from its first line), and a line that delivers
//!   without `--to` delivers there too (`TELHOOK_TO`, as listen's default address would be).
//!   Likewise `telhook emulate ... &` runs on a port of its own, which replaces 4010 in the
//!   lines after it. A
//!   section with no listener of its own gets `telhook listen --no-verify` (accepting
//!   everything), standing in for "your app".
//! - Every `telhook ...` line of a ```yaml block must also appear in a ```sh block.
//! - Each section (heading) with ```sh blocks is its own `#[test]` (`sections!`), and a test
//!   checks that list against README.md, so a new section cannot go untested.

use crate::support::{ChildGuard, Telhook, repo_file};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
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

/// The line without a trailing shell comment (a `#` that starts a word outside quotes).
fn without_comment(line: &str) -> &str {
    let (mut single, mut double, mut prev) = (false, false, ' ');
    for (i, c) in line.char_indices() {
        match c {
            '\'' if !double => single = !single,
            '"' if !single => double = !double,
            '#' if !single && !double && prev.is_whitespace() => return line[..i].trim_end(),
            _ => {}
        }
        prev = c;
    }
    line.trim_end()
}

fn is_listener(command: &str) -> bool {
    let command = without_comment(command);
    command.starts_with("telhook listen") || command.ends_with('&')
}

/// A server whose first line says where it is (`listening on …`, `emulating on …`).
fn announces(command: &str) -> bool {
    command.starts_with("telhook listen") || command.starts_with("telhook emulate")
}

/// A background command, killed with its whole process group when the section ends or fails.
struct Background {
    _guard: ChildGuard,
}

/// Start a background command; for a listener, wait for its first stdout line and return its
/// port.
fn background(
    t: &Telhook,
    command: &str,
    path: &str,
    at: &str,
    to_port: Option<&str>,
) -> (Background, Option<String>) {
    let command = without_comment(command)
        .trim_end_matches('&')
        .trim_end()
        .to_string();
    let mut guard = ChildGuard::group(
        Command::new("bash")
            .arg("-c")
            .arg(format!("exec {command}"))
            .current_dir(t.dir.path())
            .env("PATH", path)
            .env("HOME", t.dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .env(
                "TELHOOK_TO",
                format!("http://127.0.0.1:{}/", to_port.unwrap_or("5000")),
            )
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap(),
    );
    if !announces(&command) {
        return (Background { _guard: guard }, None);
    }
    let stdout = guard.child.stdout.take().unwrap();
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
    (Background { _guard: guard }, port)
}

/// A README line as the test runs it: a listener on a port of its own choosing, and the
/// section's listener's port wherever the README says 5000. Only a server gets a port of its
/// own: `telhook emulate settle` is a call to one.
fn localised(command: &str, port: Option<&str>, emulator: Option<&str>) -> String {
    let mut c = command.replace("--port 5000", "--port 0");
    for server in ["telhook listen", "telhook emulate"] {
        if c.starts_with(server) && !c.contains("--port") && is_listener(&c) {
            c = c.replacen(server, &format!("{server} --port 0"), 1);
        }
    }
    if let Some(p) = emulator {
        c = c.replace("127.0.0.1:4010", &format!("127.0.0.1:{p}"));
    }
    match port {
        Some(p) => c
            .replace("127.0.0.1:5000", &format!("127.0.0.1:{p}"))
            .replace("localhost:5000", &format!("localhost:{p}")),
        None => c,
    }
}

/// The README's ```sh blocks grouped by the heading they are under, in README order.
fn sh_sections(readme: &str) -> Vec<(String, Vec<Block>)> {
    let mut out: Vec<(String, Vec<Block>)> = Vec::new();
    for block in blocks(readme).into_iter().filter(|b| b.lang == "sh") {
        match out.last_mut() {
            Some((heading, section)) if *heading == block.heading => section.push(block),
            _ => out.push((block.heading.clone(), vec![block])),
        }
    }
    out
}

/// The README's commands (with their line numbers) of the ```sh blocks under one heading.
fn commands(section: &[Block]) -> Vec<(usize, String)> {
    section
        .iter()
        .flat_map(|b| b.lines.iter())
        .filter_map(|(n, l)| command_of(l).map(|c| (*n, c)))
        .collect()
}

/// Run the ```sh blocks under `heading` in one fresh directory.
fn run_section(heading: &str) {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let sections = sh_sections(&readme);
    let matching: Vec<&(String, Vec<Block>)> =
        sections.iter().filter(|(h, _)| h == heading).collect();
    assert_eq!(
        matching.len(),
        1,
        "README.md needs exactly one run of ```sh blocks under {heading:?}"
    );
    let section = &matching[0].1;
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_telhook"));
    let bin_dir = bin.parent().unwrap().to_str().unwrap();
    let t = Telhook::new();
    let path = format!("{bin_dir}:{}", std::env::var("PATH").unwrap_or_default());
    let commands = commands(section);
    if commands.is_empty() {
        return;
    }
    // Dropped (killed, with their process groups) when the section ends, or fails.
    let mut children: Vec<Background> = Vec::new();
    let mut port: Option<String> = None;
    if !commands.iter().any(|(_, c)| is_listener(c)) {
        let (child, p) = background(
            &t,
            "telhook listen --port 0 --no-verify",
            &path,
            &format!("README.md:{}", section[0].line),
            None,
        );
        children.push(child);
        port = p;
    }
    let mut emulator: Option<String> = None;
    for (n, command) in &commands {
        let at = format!("README.md:{n}");
        let command = localised(command, port.as_deref(), emulator.as_deref());
        if is_listener(&command) {
            let (child, p) = background(&t, &command, &path, &at, port.as_deref());
            children.push(child);
            if command.starts_with("telhook emulate") {
                emulator = p;
            } else {
                port = p.or(port);
            }
            continue;
        }
        let started = Instant::now();
        let out = Command::new("bash")
            .arg("-c")
            .arg(format!("set -o pipefail\n{command}"))
            .current_dir(t.dir.path())
            .env("PATH", &path)
            .env("HOME", t.dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("COLUMNS")
            // A line without --to delivers to listen's default address, which is, here, the
            // section's listener's port (as `127.0.0.1:5000` in a line becomes it).
            .env(
                "TELHOOK_TO",
                format!("http://127.0.0.1:{}/", port.as_deref().unwrap_or("5000")),
            )
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
}

/// One test per README section (heading) with ```sh blocks, so sections run in parallel and a
/// failure names its section. `SECTIONS` lists the headings, checked against README.md by
/// `every_readme_section_with_sh_blocks_has_a_test`.
macro_rules! sections {
    ($($name:ident => $heading:literal,)*) => {
        const SECTIONS: &[&str] = &[$($heading),*];
        $(
            #[test]
            fn $name() {
                run_section($heading);
            }
        )*
    };
}

sections! {
    set_up => "## Set-up",
    a_tour => "## A tour",
    demo => "### `telhook demo [--provider P] [--json]`",
    events => "### `telhook events [--provider P] [--json]`",
    example => "### `telhook example PROVIDER EVENT [--variant V] [--set PATH=VALUE]... [--seed N] [--at TIME] [--pretty]`",
    keygen => "### `telhook keygen [--out-dir DIR] [--force]`",
    sign => "### `telhook sign [--private-key K] [--timestamp TIME] [--format headers|json|curl] [FILE|-]`",
    verify => "### `telhook verify [--public-key K] (--signature S --timestamp TIME | --headers FILE | --capture FILE [--line N]) [--tolerance DURATION | --no-tolerance] [--now TIME] [FILE|-]`",
    validate => "### `telhook validate [PATH...|-] [--event PROVIDER/EVENT] [--report-unlisted] [--json]`",
    schema => "### `telhook schema PROVIDER EVENT`",
    listen => "### `telhook listen [--port 5000] [--host 127.0.0.1] [--path PATH] [options]`",
    send => "### `telhook send PROVIDER (EVENT... | --all | --flow NAME | --data FILE) [--to URL] [options]`",
    replay => "### `telhook replay INPUT... [--to URL] [options]`",
    replay_in_ci => "#### Replay in CI",
    emulate => "### `telhook emulate [--provider telnyx|bandwidth] [--port 4010] [--host 127.0.0.1] [options]`",
    completions => "### `telhook completions SHELL`",
    man => "### `telhook man`",
    configuration => "## Configuration",
    troubleshooting_signatures => "## Troubleshooting signatures",
    development => "## Development",
}

#[test]
fn every_readme_section_with_sh_blocks_has_a_test() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let headings: Vec<String> = sh_sections(&readme).into_iter().map(|(h, _)| h).collect();
    let unique: BTreeSet<&String> = headings.iter().collect();
    assert_eq!(
        unique.len(),
        headings.len(),
        "a heading's ```sh blocks must be one run (no repeated heading, no sh blocks before the first heading): {headings:#?}"
    );
    let listed: BTreeSet<&str> = SECTIONS.iter().copied().collect();
    assert_eq!(listed.len(), SECTIONS.len(), "a heading is listed twice");
    let missing: Vec<&String> = headings
        .iter()
        .filter(|h| !listed.contains(h.as_str()))
        .collect();
    let stale: Vec<&&str> = SECTIONS
        .iter()
        .filter(|s| !headings.iter().any(|h| h == **s))
        .collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "tests/readme.rs `sections!` is out of step with README.md:\n  \
         headings with ```sh blocks but no test: {missing:#?}\n  \
         listed headings with no ```sh blocks in README.md: {stale:#?}"
    );
}

#[test]
fn every_subcommand_has_a_readme_example_and_ci_snippets_are_tested() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let sections = sh_sections(&readme);
    let all: Vec<(usize, String)> = sections.iter().flat_map(|(_, s)| commands(s)).collect();
    let mut used: BTreeSet<String> = BTreeSet::new();
    for (_, c) in &all {
        if let Some(sub) = c.strip_prefix("telhook ") {
            let sub = sub
                .split_whitespace()
                .find(|w| !w.starts_with('-'))
                .unwrap_or("");
            used.insert(sub.to_string());
        }
    }
    for sub in <telhook::cli::Cli as clap::CommandFactory>::command().get_subcommands() {
        assert!(
            used.contains(sub.get_name()),
            "README.md has no example of `telhook {}`",
            sub.get_name()
        );
    }
    assert!(
        all.len() >= 40,
        "only {} README commands are run",
        all.len()
    );

    // The commands of CI snippets are ones the section tests run.
    let blocks = blocks(&readme);
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
        localised("telhook listen --capture c.jsonl", None, None),
        "telhook listen --port 0 --capture c.jsonl"
    );
    assert_eq!(
        localised("telhook listen --port 5000 &", None, None),
        "telhook listen --port 0 &"
    );
    assert_eq!(
        localised(
            "telhook send a b --to http://127.0.0.1:5000/x",
            Some("4242"),
            None
        ),
        "telhook send a b --to http://127.0.0.1:4242/x"
    );
    assert_eq!(
        localised("telhook emulate &", Some("4242"), None),
        "telhook emulate --port 0 &"
    );
    assert_eq!(
        localised("curl http://127.0.0.1:4010/v2/messages", None, Some("4343")),
        "curl http://127.0.0.1:4343/v2/messages"
    );
    assert_eq!(
        localised(
            "telhook emulate settle --emulator http://127.0.0.1:4010",
            Some("4242"),
            Some("4343")
        ),
        "telhook emulate settle --emulator http://127.0.0.1:4343"
    );
}

/// A trailing comment after `&` once hid the `&`: README "Replay in CI"'s stand-in listener ran
/// as `exec telhook listen ... &`, outlived its bash, and was never killed.
#[test]
fn a_trailing_comment_does_not_hide_the_background_ampersand() {
    let line = "telhook listen --path /webhooks &     # start your app here instead; telhook listen stands in for it";
    assert_eq!(without_comment(line), "telhook listen --path /webhooks &");
    assert!(is_listener("sleep 30 &   # a comment"));
    assert!(!is_listener("sleep 30   # a comment &"));
    assert_eq!(
        without_comment("telhook a '# kept' \"#kept\" x#kept"),
        "telhook a '# kept' \"#kept\" x#kept"
    );
    assert_eq!(
        without_comment("telhook verify x   # exit 1"),
        "telhook verify x"
    );
}

/// The tour is the first real use: it must start by installing the binary it then runs, and every
/// install the README shows must build with the dependency versions the tests ran with
/// (`Cargo.lock`), not whatever is newest that day.
#[test]
fn the_tour_starts_by_installing_telhook_with_the_lockfile() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    let sections = sh_sections(&readme);
    let (_, tour) = sections
        .iter()
        .find(|(h, _)| h == "## A tour")
        .expect("README.md has a \"## A tour\" section with ```sh blocks");
    let first = tour[0]
        .lines
        .iter()
        .map(|(n, l)| (*n, without_comment(l)))
        .find(|(_, l)| !l.is_empty());
    assert_eq!(
        first.map(|(_, l)| l),
        Some("cargo install --locked --path ."),
        "the tour's first command must install telhook"
    );
    let mut installs = 0;
    for block in blocks(&readme) {
        for (n, line) in &block.lines {
            let line = line.trim().trim_start_matches("- run: ");
            if line.starts_with("cargo install") {
                installs += 1;
                assert!(
                    line.split_whitespace().any(|w| w == "--locked"),
                    "README.md:{n}: `{line}` builds without --locked"
                );
            }
        }
    }
    assert!(installs >= 2, "only {installs} `cargo install` lines");
}

/// GitHub's anchor for a Markdown heading: lower case, spaces to `-`, other punctuation dropped.
fn anchor(heading: &str) -> String {
    heading
        .trim_start_matches('#')
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The Markdown a user reads: every file it links to is in the repository (and every `#anchor`
/// is a heading there), and none cites the notes the sources were once collected in, which a
/// clone does not have (their public sources are in docs/sources.md). The schemas are included:
/// `telhook schema` prints their descriptions and comments.
#[test]
fn the_docs_cite_only_what_the_repository_holds() {
    let mut files: Vec<String> = [
        "README.md",
        "docs/sources.md",
        "docs/performance.md",
        "docs/development.md",
        "fixtures/README.md",
        "fixtures/telnyx/schemas/NOTES.md",
        "fixtures/bandwidth/schemas/NOTES.md",
        "tests/data/README.md",
        "tests/data/reference/SOURCES.md",
    ]
    .map(String::from)
    .to_vec();
    for dir in ["fixtures/telnyx/schemas", "fixtures/bandwidth/schemas"] {
        for entry in std::fs::read_dir(repo_file(dir)).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".json") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    assert!(files.len() > 100, "only {} files", files.len());
    let mut links = 0;
    for file in &files {
        let text = std::fs::read_to_string(repo_file(file)).unwrap();
        for absent in ["shared/", "SIGNING.md", "FIELDS.md", "MANIFEST.json"] {
            assert!(
                !text.contains(absent),
                "{file} cites `{absent}`, which is not in the repository; cite docs/sources.md"
            );
        }
        if !file.ends_with(".md") {
            continue;
        }
        let dir = std::path::Path::new(file).parent().unwrap();
        for (_, rest) in text.match_indices("](").map(|(i, _)| text.split_at(i + 2)) {
            let target = rest.split(')').next().unwrap_or("");
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            links += 1;
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let linked = if path.is_empty() {
                repo_file(file)
            } else {
                repo_file(dir.join(path).to_str().unwrap())
            };
            assert!(
                linked.exists(),
                "{file}: link `{target}` points at {}, which does not exist",
                linked.display()
            );
            if !fragment.is_empty() {
                let linked_text = std::fs::read_to_string(&linked).unwrap();
                let mut in_code = false;
                let headings: Vec<String> = linked_text
                    .lines()
                    .filter(|l| {
                        if l.trim_start().starts_with("```") {
                            in_code = !in_code;
                        }
                        !in_code && l.starts_with('#')
                    })
                    .map(anchor)
                    .collect();
                assert!(
                    headings.iter().any(|h| h == fragment),
                    "{file}: link `{target}`: no heading with that anchor in {}",
                    linked.display()
                );
            }
        }
    }
    assert!(links >= 20, "only {links} links to files checked");
}

#[test]
fn anchors_are_githubs() {
    assert_eq!(
        anchor("## Telnyx: delivery and signing"),
        "telnyx-delivery-and-signing"
    );
    assert_eq!(anchor("## Telnyx (`telnyx/`)"), "telnyx-telnyx");
    assert_eq!(anchor("## `listen` under load"), "listen-under-load");
}

/// Every test the README's Security section names exists: `module::name` in tests/MODULE.rs,
/// or a unit test `a::b::tests::name` in src/a/b.rs (or src/a/b/mod.rs).
#[test]
fn the_security_section_names_only_tests_that_exist() {
    let readme = std::fs::read_to_string(crate::support::repo_file("README.md")).unwrap();
    let start = readme
        .find("## Security\n")
        .expect("README.md has a Security section");
    let section = &readme[start..];
    let section = &section[..section[1..].find("\n## ").map_or(section.len(), |i| i + 1)];
    let mut named = 0;
    for quoted in section.split('`').skip(1).step_by(2) {
        let parts: Vec<&str> = quoted.split("::").collect();
        if parts.len() < 2
            || !parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
        {
            continue;
        }
        let name = parts[parts.len() - 1];
        let file = if parts.len() == 2 {
            crate::support::repo_file(&format!("tests/{}.rs", parts[0]))
        } else {
            let modules = &parts[..parts.len() - 2];
            let flat = crate::support::repo_file(&format!("src/{}.rs", modules.join("/")));
            if flat.exists() {
                flat
            } else {
                crate::support::repo_file(&format!("src/{}/mod.rs", modules.join("/")))
            }
        };
        let text = std::fs::read_to_string(&file)
            .unwrap_or_else(|e| panic!("`{quoted}`: {}: {e}", file.display()));
        assert!(
            text.contains(&format!("fn {name}(")),
            "the Security section names `{quoted}`, but {} has no fn {name}",
            file.display()
        );
        named += 1;
    }
    assert!(named >= 10, "only {named} tests named");
}
