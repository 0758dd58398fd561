//! Output conventions shared by every command: colour per stream, data on stdout and the rest on
//! stderr, `-q`, a closed pipe, the manual page.

use crate::support::{AT, ChildGuard, Expect, Telhook, http, json, repo_file};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use telhook::signing::PrivateKey;

const ESC: &str = "\u{1b}[";

/// The cheap probes of the colour rules, one per stream: `verify` of a signature of the wrong
/// length prints a red `✗ invalid:` on stdout (exit 1); `sign` of a timestamp that is not plain
/// digits prints a yellow `warning:` on stderr (exit 0).
struct Probe {
    t: Telhook,
    key: std::path::PathBuf,
    public: String,
    /// `sign`'s stdout: the two headers, made with the committed test key.
    headers: String,
}

const VERIFY_ARGS: [&str; 7] = [
    "--signature",
    "AAAAAAAAAAAAAAAAAAAAAA==",
    "--timestamp",
    "1772600767",
    "--now",
    "1772600767",
    "body.json",
];
const REASON: &str = "1 reason\n  - telnyx-signature-ed25519 decodes to 16 bytes; an Ed25519 signature is 64 bytes (88 base64 characters ending in `==`)\n";
const WARNING: &str = "timestamp `1.5` is not plain digits; current Telnyx SDKs reject it\n";

fn invalid(colour: bool) -> String {
    if colour {
        format!("\u{1b}[1;31m✗ invalid:\u{1b}[0m {REASON}")
    } else {
        format!("✗ invalid: {REASON}")
    }
}

fn warning(colour: bool) -> String {
    if colour {
        format!("telhook: \u{1b}[1;33mwarning:\u{1b}[0m {WARNING}")
    } else {
        format!("telhook: warning: {WARNING}")
    }
}

/// Text without its ANSI SGR sequences.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(ESC) {
        out.push_str(&rest[..i]);
        let after = &rest[i + ESC.len()..];
        rest = after.find('m').map_or("", |m| &after[m + 1..]);
    }
    out.push_str(rest);
    out
}

impl Probe {
    fn new() -> Self {
        let t = Telhook::new();
        t.write("body.json", "{}");
        let key = repo_file("tests/data/keys/telnyx.key");
        let private = PrivateKey::parse(&std::fs::read_to_string(&key).unwrap()).unwrap();
        let headers = format!(
            "telnyx-signature-ed25519: {}\ntelnyx-timestamp: 1.5\n",
            telhook::telnyx::sign(&private, "1.5", b"{}")
        );
        Probe {
            t,
            key,
            public: private.public().to_base64(),
            headers,
        }
    }

    fn verify_args(&self) -> Vec<&str> {
        let mut args = vec!["verify", "--public-key", &self.public];
        args.extend_from_slice(&VERIFY_ARGS);
        args
    }

    fn sign_args(&self) -> Vec<&str> {
        vec![
            "sign",
            "--private-key",
            self.key.to_str().unwrap(),
            "--timestamp",
            "1.5",
            "body.json",
        ]
    }

    /// Both probes through pipes, with these global flags and environment.
    #[track_caller]
    fn piped(&self, flags: &[&str], env: &[(&str, &str)], colour: bool) {
        let with = |args: Vec<&str>| {
            let mut run = self.t.run(&[flags, &args].concat());
            for (k, v) in env {
                run = run.env(k, v);
            }
            run
        };
        with(self.verify_args())
            .status(1)
            .stdout(invalid(colour))
            .check();
        with(self.sign_args())
            .stdout(&self.headers)
            .stderr(warning(colour))
            .check();
    }

    /// A shell line running `verify`, then `sign`, with global `flags`, each followed by its
    /// redirection (if any).
    fn script(&self, flags: &str, verify_redirect: &str, sign_redirect: &str) -> String {
        let bin = format!("'{}' {flags}", env!("CARGO_BIN_EXE_telhook"));
        let quote = |args: Vec<&str>| {
            args.iter()
                .map(|a| format!("'{a}'"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        format!(
            "{bin} {} {verify_redirect}; echo \"verify exit $?\"; {bin} {} {sign_redirect}",
            quote(self.verify_args()),
            quote(self.sign_args())
        )
    }

    /// `line` on a pseudo-terminal (util-linux `script`), with extra environment: what the
    /// terminal showed, with its CR LF line ends as LF.
    #[track_caller]
    fn on_a_terminal(&self, line: &str, env: &[(&str, &str)]) -> String {
        let mut cmd = Command::new("script");
        cmd.args(["-q", "-e", "-c"])
            .arg(line)
            .arg("/dev/null")
            .current_dir(self.t.dir.path())
            .env("HOME", self.t.dir.path())
            .env_remove("XDG_CONFIG_HOME")
            .env("TERM", "xterm")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        let shown = String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n");
        assert_eq!(out.status.code(), Some(0), "{shown}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        shown
    }

    /// What the terminal shows for both probes, stdout and stderr both on it.
    fn terminal(&self, colour: bool) -> String {
        format!(
            "{}verify exit 1\n{}{}",
            invalid(colour),
            warning(colour),
            self.headers
        )
    }
}

#[test]
fn colour_through_a_pipe_is_decided_by_the_flag_and_no_color() {
    let p = Probe::new();
    p.piped(&[], &[], false); // auto, piped: plain
    p.piped(&["--color", "always"], &[], true); // forced
    p.piped(&["--color", "never"], &[], false);
    p.piped(&[], &[("NO_COLOR", "1")], false);
    p.piped(&["--color", "always"], &[("NO_COLOR", "1")], true); // always wins over NO_COLOR
}

#[test]
fn colour_on_a_terminal_unless_no_color_term_dumb_never_or_redirected() {
    let p = Probe::new();
    let both = p.script("", "", "");
    assert_eq!(
        p.on_a_terminal(&both, &[]),
        p.terminal(true),
        "auto, terminal"
    );
    assert_eq!(
        p.on_a_terminal(&both, &[("NO_COLOR", "1")]),
        p.terminal(false),
        "NO_COLOR"
    );
    assert_eq!(
        p.on_a_terminal(&both, &[("TERM", "dumb")]),
        p.terminal(false),
        "TERM=dumb"
    );
    assert_eq!(
        p.on_a_terminal(&p.script("--color never", "", ""), &[]),
        p.terminal(false),
        "--color never"
    );
    // stdout redirected to a file while the terminal keeps stderr: the files get no codes.
    let shown = p.on_a_terminal(&p.script("", "> verify.txt", "> sign.txt"), &[]);
    assert_eq!(
        std::fs::read_to_string(p.t.path("verify.txt")).unwrap(),
        invalid(false),
        "redirected stdout: plain"
    );
    assert_eq!(
        std::fs::read_to_string(p.t.path("sign.txt")).unwrap(),
        p.headers
    );
    // The warning is on the terminal; whether it is coloured is not pinned here: ui::warn colours
    // only when stdout is coloured too, though colour is meant to be decided per stream.
    assert_eq!(plain(&shown), format!("verify exit 1\n{}", warning(false)));
    // stderr redirected to a file while stdout stays on the terminal: the file is plain.
    let shown = p.on_a_terminal(&p.script("", "", "2> warning.txt"), &[]);
    assert_eq!(
        std::fs::read_to_string(p.t.path("warning.txt")).unwrap(),
        warning(false),
        "redirected stderr: plain"
    );
    assert_eq!(
        shown,
        format!("{}verify exit 1\n{}", invalid(true), p.headers)
    );
}

#[test]
fn json_turns_colour_off_even_when_forced() {
    let p = Probe::new();
    let out = p
        .t
        .run(&[&["--color", "always", "--json"][..], &p.verify_args()].concat())
        .status(1)
        .stdout(concat!(
            r#"{"type":"verdict","valid":false,"timestamp":"1772600767","age_secs":0,"reasons":[{"code":"signature_length","#,
            r#""message":"telnyx-signature-ed25519 decodes to 16 bytes; an Ed25519 signature is 64 bytes (88 base64 characters ending in `==`)"}]}"#,
            "\n"
        ))
        .check();
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
    let signature = p.headers.lines().next().unwrap();
    let signature = signature
        .strip_prefix("telnyx-signature-ed25519: ")
        .unwrap();
    p.t.run(&[&["--color", "always", "--json"][..], &p.sign_args()].concat())
        .stdout(format!(
            "{{\"type\":\"signature\",\"timestamp\":\"1.5\",\"signature\":\"{signature}\",\"public_key\":\"{}\"}}\n",
            p.public
        ))
        // As above, the warning's colour follows stdout's; only its words are pinned.
        .stderr(Expect::satisfies("the warning", |err| {
            plain(err) == warning(false)
        }))
        .check();
}

#[test]
fn errors_go_to_stderr_as_one_plain_line_with_exit_2() {
    let t = Telhook::new();
    for flags in [&[][..], &["--color", "always"]] {
        t.run(&[flags, &["send", "telnyx", "message.sent", "--to", "not a url"]].concat())
            .status(2)
            .stdout("")
            .stderr("telhook: error: --to `not a url` is not a URL (e.g. http://127.0.0.1:5000/webhooks): invalid international domain name\n")
            .check();
    }
}

#[test]
fn quiet_keeps_data_and_drops_notes() {
    let t = Telhook::new();
    // Without a key, send makes one and says so on stderr; -q drops the note, not the data.
    let send = [
        "send",
        "telnyx",
        "message.sent",
        "--seed",
        "1",
        "--at",
        AT,
        "--dry-run",
        "--to",
        "http://127.0.0.1:9/",
    ];
    let body = String::from_utf8(t.stdout(&[
        "example",
        "telnyx",
        "message.sent",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap()
    .replace(
        "\"delivered_to\": \"https://example.com/webhooks\"",
        "\"delivered_to\": \"http://127.0.0.1:9/\"",
    );
    let request = format!(
        "POST http://127.0.0.1:9/ HTTP/1.1\ncontent-type: application/json\nuser-agent: telnyx-webhooks\ntelnyx-signature-ed25519: [..]\ntelnyx-timestamp: [..]\n\n{body}\n"
    );
    t.run(&send)
        .stdout(Expect::pattern(&request))
        .stderr(Expect::pattern("telhook: signing Telnyx events with your default key pair [..], created now (public key [..])\n"))
        .check();
    t.run(&[&["-q"][..], &send].concat())
        .stdout(Expect::pattern(&request))
        .check();
}

/// `telhook listen --json | head -1`: the listener stops without a word when its reader goes.
#[test]
fn a_closed_pipe_ends_the_listener_quietly_with_exit_0() {
    let t = Telhook::new();
    let mut guard = ChildGuard::new(
        t.std_cmd()
            .args(["listen", "--port", "0", "--json", "--no-verify"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    );
    let child = &mut guard.child;
    let stdout = child.stdout.take().unwrap();
    let mut first = String::new();
    let mut reader = BufReader::new(stdout);
    reader.read_line(&mut first).unwrap();
    let url = json::Listening::parse(first.trim_end()).url;
    drop(reader); // the reader goes away, as `head -1` does
    let body = t.stdout(&["example", "bandwidth", "message-delivered"]);
    let answer = http().post(&url).body(body).send().unwrap();
    assert_eq!(answer.status(), 200, "the request is still answered");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "listener kept running"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(0));
    assert_eq!(
        err, "telhook: Telnyx signatures are not checked (--no-verify)\n",
        "the start-up note, and no error"
    );
}

#[test]
fn a_closed_pipe_ends_the_demo_quietly_with_exit_0() {
    let t = Telhook::new();
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            // -v makes the listener's view far larger than a pipe's buffer, so writes do fail.
            "'{}' demo -v | head -n 2; echo \"exit=${{PIPESTATUS[0]}}\"",
            env!("CARGO_BIN_EXE_telhook")
        ))
        .current_dir(t.dir.path())
        .env("HOME", t.dir.path())
        .env_remove("XDG_CONFIG_HOME")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    Expect::pattern(
        "listening on http://127.0.0.1:[..]/\n\
         demo: Telnyx events signed with a new key; public key [..]\n\
         exit=0\n",
    )
    .assert("stdout", &out.stdout);
}

/// The page as `man` would show it, when groff is installed (.ci/run installs it), with groff's
/// warnings; without groff, a note that the test is skipped.
#[allow(clippy::print_stderr)] // the one note a skipped test leaves
fn rendered_man_page(page: &std::path::Path) -> Option<std::process::Output> {
    // ASCII without overstriking, every warning on.
    let out = Command::new("groff")
        .args(["-man", "-Tascii", "-ww", "-P-cbou"])
        .arg(page)
        .output();
    if out.is_err() {
        eprintln!(
            "skipping the man page rendering test: groff is not installed (.ci/run installs it; locally `apt-get install groff-base`)"
        );
    }
    out.ok()
}

#[test]
fn the_man_page_renders_without_warnings() {
    let t = Telhook::new();
    let page = t.write("telhook.1", t.stdout(&["man"]));
    let Some(out) = rendered_man_page(&page) else {
        return;
    };
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff's warnings");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for heading in [
        "\nCOMMANDS\n",
        "\nEXIT STATUS\n",
        "\nENVIRONMENT\n",
        "\nFILES\n",
        "\nEXAMPLES\n",
    ] {
        assert!(
            text.contains(heading),
            "no {heading:?} in the rendered page"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("130 ") && l.contains("Interrupted")),
        "{text}"
    );
    assert!(text.contains("telhook verify --capture hooks.jsonl"));
    assert!(!text.contains("telhook-send(1)"));
}

#[test]
fn the_man_page_covers_every_subcommand() {
    let t = Telhook::new();
    let page = String::from_utf8(t.stdout(&["man"])).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"));
    for sub in [
        "demo",
        "send",
        "listen",
        "verify",
        "replay",
        "validate",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!(".SH \"TELHOOK {}\"", sub.to_uppercase())),
            "no section for {sub}"
        );
    }
}
