//! Output conventions shared by every command: colour per stream, data on stdout and the rest on
//! stderr, `-q`, a closed pipe, the manual page.

use crate::support::{AT, ChildGuard, Expect, Telhook, http};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const ESC: &str = "\u{1b}[";

/// `telhook demo -p telnyx` with extra arguments and environment: (code, stdout, stderr).
fn demo(t: &Telhook, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String, String) {
    let mut cmd = t.cmd();
    cmd.args(["demo", "--provider", "telnyx"]).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// `telhook ARGS` on a pseudo-terminal (util-linux `script`), with extra environment: what the
/// terminal showed.
fn on_a_terminal(t: &Telhook, args: &str, env: &[(&str, &str)]) -> String {
    let mut cmd = Command::new("script");
    cmd.args(["-q", "-e", "-c"])
        .arg(format!("'{}' {args}", env!("CARGO_BIN_EXE_telhook")))
        .arg("/dev/null")
        .current_dir(t.dir.path())
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn colour_is_decided_per_stream_by_terminal_flag_and_no_color() {
    let t = Telhook::new();
    // Piped: plain, unless forced.
    let (code, out, err) = demo(&t, &[], &[]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains("✓ verified") && !out.contains(ESC),
        "auto, piped: plain"
    );
    assert_eq!(err, "");
    let (code, out, _) = demo(&t, &["--color", "always"], &[]);
    assert_eq!(code, Some(0));
    assert!(out.contains(ESC), "--color always colours a pipe");
    let (_, out, _) = demo(&t, &["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(out.contains(ESC), "--color always wins over NO_COLOR");

    // On a terminal: coloured, unless NO_COLOR, TERM=dumb or --color never.
    let args = "demo --provider telnyx";
    assert!(
        on_a_terminal(&t, args, &[]).contains(ESC),
        "auto, terminal: colour"
    );
    let plain = on_a_terminal(&t, args, &[("NO_COLOR", "1")]);
    assert!(
        plain.contains("✓ verified") && !plain.contains(ESC),
        "NO_COLOR"
    );
    assert!(
        !on_a_terminal(&t, args, &[("TERM", "dumb")]).contains(ESC),
        "TERM=dumb"
    );
    assert!(!on_a_terminal(&t, &format!("{args} --color never"), &[]).contains(ESC));
    // stdout redirected to a file while the terminal stays stderr: the file gets no codes.
    on_a_terminal(&t, &format!("{args} > demo.txt"), &[]);
    let file = std::fs::read_to_string(t.path("demo.txt")).unwrap();
    assert!(
        file.contains("✓ verified") && !file.contains(ESC),
        "redirected file: plain"
    );
}

#[test]
fn json_turns_colour_off_even_when_forced() {
    let t = Telhook::new();
    let (code, out, err) = demo(&t, &["--color", "always", "--json"], &[]);
    assert_eq!(code, Some(0));
    assert_eq!(err, "");
    assert!(!out.contains(ESC));
    for line in out.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

#[test]
fn errors_go_to_stderr_as_one_plain_line_with_exit_2() {
    let t = Telhook::new();
    for flags in [&[][..], &["--color", "always"]] {
        t.run(&[flags, &["send", "telnyx", "message.sent", "--to", "not a url"]].concat())
            .status(2)
            .stdout("")
            .stderr("telhook: error: --to `not a url` is not a URL (e.g. http://127.0.0.1:5000/webhooks): relative URL without a base\n")
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
        .stderr(Expect::pattern("telhook: no --private-key: signing with a new key pair; its public key is [..] (give it to your receiver, e.g. TELNYX_PUBLIC_KEY=[..])\n"))
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
        Command::new(env!("CARGO_BIN_EXE_telhook"))
            .args(["listen", "--port", "0", "--json"])
            .current_dir(t.dir.path())
            .env_remove("TELNYX_PUBLIC_KEY")
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
    let url = serde_json::from_str::<serde_json::Value>(&first).unwrap()["url"]
        .as_str()
        .unwrap()
        .to_string();
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
        err, "telhook: no --public-key (or TELNYX_PUBLIC_KEY): Telnyx signatures are not checked\n",
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
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    Expect::pattern(
        "listening on http://127.0.0.1:[..]/\n\
         demo: Telnyx events signed with a new key pair (public key [..]); Bandwidth credentials telhook-demo:<generated>\n\
         exit=0\n",
    )
    .assert("stdout", &out.stdout);
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
