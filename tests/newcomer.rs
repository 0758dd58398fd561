//! Issue 15: what a first-time user meets. The two terminals find each other with nothing
//! passed, and each failure a newcomer trips over names its fix, on both sides.

use crate::support::{Expect, Listener, Telhook};

/// The text of one `send` run: exit code, stdout, stderr.
#[track_caller]
fn send(t: &Telhook, args: &[&str]) -> (Option<i32>, String, String) {
    let out = t.cmd().arg("send").args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// One event, one attempt (`--max-attempts 1`), to `to`: exit code and stdout.
#[track_caller]
fn send_once(t: &Telhook, provider: &str, event: &str, to: &str) -> (Option<i32>, String) {
    let (code, stdout, _) = send(t, &[provider, event, "--to", to, "--max-attempts", "1"]);
    (code, stdout)
}

fn port_of(url: &str) -> &str {
    url.trim_start_matches("http://")
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .unwrap()
}

#[test]
fn listen_and_send_with_nothing_passed_verify_each_other() {
    let t = Telhook::new();
    let l = Listener::start(&t, &[]);
    // What `telhook send telnyx message.received` does against listen's default address, here
    // on the test's port, and with a path every Telnyx document uses.
    let to = format!("localhost:{}/webhooks", port_of(&l.url));
    let (code, stdout, _) = send(&t, &["telnyx", "message.received", "--to", &to]);
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("✓ acknowledged"), "{stdout}");
    let line = l.line();
    assert!(
        line.contains(" /webhooks ") && line.contains("✓ verified → 200"),
        "the path is shown and the default pair verified it: {line}"
    );
    let stderr = l.stderr.lock().unwrap().clone();
    assert!(
        stderr.starts_with("telhook: verifying Telnyx signatures with your default key pair "),
        "{stderr}"
    );
}

#[test]
fn a_bandwidth_challenge_without_credentials_says_to_pass_basic_auth() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--basic-auth", "bw:secret"]);
    let (code, stdout) = send_once(&t, "bandwidth", "message-delivered", &l.url);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("status 401, expected 2xx; the receiver asks for Basic credentials: pass --basic-auth USER:PASS or set TELHOOK_BASIC_AUTH; it said: authentication required"),
        "{stdout}"
    );
}

#[test]
fn a_403_shows_the_reason_the_receiver_gave() {
    let t = Telhook::new();
    let (_, public) = t.keygen();
    std::fs::remove_file(t.path("telnyx.key")).unwrap();
    let l = Listener::start(&t, &["--public-key", &public]);
    // Signed with the default pair, verified with another key.
    let (code, stdout) = send_once(&t, "telnyx", "message.sent", &l.url);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains(
            "status 403, expected 2xx; it said: invalid signature: signature does not match"
        ),
        "{stdout}"
    );
}

#[test]
fn another_path_is_named_on_both_sides() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--path", "/hooks"]);
    let to = format!("{}webhooks", l.url.trim_end_matches("hooks"));
    let (code, stdout) = send_once(&t, "telnyx", "message.sent", &to);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("status 404, expected 2xx; nothing is served at this path: check the URL's path (telhook listen serves every path unless --path); it said: not found"),
        "{stdout}"
    );
    let line = l.line();
    assert!(
        line.contains("telnyx    message.sent")
            && line.contains("path /webhooks is not --path /hooks (pass --path /webhooks to serve it instead, or drop --path to serve every path) → 404"),
        "recognised, and the fix named: {line}"
    );
}

/// Issue 15: `listen --path webhooks` printed `http://127.0.0.1:PORTwebhooks` and ran.
#[test]
fn a_path_without_its_slash_is_refused_with_the_fix() {
    let t = Telhook::new();
    t.run(&["listen", "--port", "0", "--path", "webhooks"])
        .status(2)
        .stdout("")
        .stderr(Expect::pattern(
            "telhook: error: invalid value 'webhooks' for '--path <PATH>': `webhooks` does not start with `/`; write --path /webhooks\n\nFor more information, try '--help'.\n",
        ))
        .check();
}

#[test]
fn https_to_the_plain_listener_is_named_on_both_sides() {
    let t = Telhook::new();
    let l = Listener::start(&t, &[]);
    let to = l.url.replace("http://", "https://");
    let (code, stdout) = send_once(&t, "telnyx", "message.sent", &to);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("the receiver answered the TLS handshake in plain HTTP, so it serves http://, not https://"),
        "{stdout}"
    );
    let line = l.line();
    assert!(
        line.contains("a TLS handshake: the sender used https://, and this listener serves plain HTTP (send to http://)"),
        "{line}"
    );
}

#[test]
fn forwarding_to_an_app_that_is_down_says_connection_refused() {
    let t = Telhook::new();
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let app = format!("http://{}/", closed.local_addr().unwrap());
    drop(closed);
    let l = Listener::start(&t, &["--forward-to", &app]);
    let (code, stdout) = send_once(&t, "telnyx", "message.sent", &l.url);
    assert_eq!(code, Some(1));
    assert!(
        stdout.contains("status 502, expected 2xx; it said: bad gateway: the app behind this listener: connection refused: nothing is listening at that address and port")
            && !stdout.contains(&app),
        "{stdout}"
    );
    let line = l.line();
    assert!(
        line.contains("connection refused") && line.ends_with("→ 502"),
        "{line}"
    );
}

#[test]
fn verify_capture_takes_the_last_telnyx_record_and_names_a_bandwidth_line() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--capture", "cap.jsonl"]);
    for args in [
        &["telnyx", "message.sent"][..],
        &["bandwidth", "message-delivered"][..],
    ] {
        let mut args = args.to_vec();
        args.extend(["--to", &l.url]);
        assert_eq!(send(&t, &args).0, Some(0));
        l.line();
    }
    t.run(&["verify", "--capture", "cap.jsonl"])
        .stdout(Expect::pattern(
            "✓ valid: signature matches the body; [..]\n",
        ))
        .stderr(Expect::pattern(
            "telhook: verifying with your default key pair [..] (public key [..])\n\
             telhook: verifying line 1 of cap.jsonl, its last Telnyx request (message.sent)\n",
        ))
        .check();
    t.run(&["verify", "--capture", "cap.jsonl", "--line", "2"])
        .status(2)
        .stdout("")
        .stderr(Expect::pattern(
            "telhook: verifying with your default key pair [..]\n\
             telhook: error: cap.jsonl:2 is a Bandwidth request: Bandwidth authenticates with Basic credentials and does not sign, so there is no signature to verify (pick a Telnyx line with --line, or drop --line for the last one)\n",
        ))
        .check();
}

#[test]
fn config_shows_each_setting_and_its_source_without_secrets() {
    let t = Telhook::new();
    t.write(
        "telhook.toml",
        "to = \"localhost:5000/webhooks\"\nbasic_auth_env = \"MY_BW\"\n",
    );
    t.run(&["config"])
        .env("MY_BW", "bw:hunter2")
        .stdout(Expect::satisfies("the settings", |out| {
            out.contains("to           http://localhost:5000/webhooks  (telhook.toml)")
                && out.contains("basic_auth   user bw (password hidden)  ($MY_BW)")
                && out.contains("not made yet")
                && !out.contains("hunter2")
        }))
        .check();
    assert!(!t.path(".config/telhook").exists(), "config makes nothing");
    // A secret in the file is refused, naming the file and the fix, not echoing it.
    t.write("telhook.toml", "basic_auth = \"bw:hunter2\"\n");
    t.run(&["config"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: telhook.toml: `basic_auth` would keep a secret in the file; put USER:PASS in an environment variable and name it with basic_auth_env = \"MY_VAR\"\n")
        .check();
}

#[test]
fn the_project_files_url_and_credentials_reach_send() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--basic-auth", "bw:pw"]);
    t.write(
        "telhook.toml",
        format!("to = \"{}\"\nbasic_auth_env = \"MY_BW\"\n", l.url),
    );
    let out = t
        .cmd()
        .args(["send", "bandwidth", "message-delivered"])
        .env("MY_BW", "bw:pw")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("#1+auth") && stdout.contains("✓ acknowledged"),
        "{stdout}"
    );
}

/// Start `telhook ARGS` in the background, wait until `ready` (the run is under way: its
/// handler is set), then Ctrl-C it (SIGINT) and collect what it printed.
fn interrupted(t: &Telhook, args: &[&str], ready: impl Fn() -> bool) -> std::process::Output {
    let mut child = t
        .std_cmd()
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while !ready() {
        if std::time::Instant::now() >= deadline {
            // Leave no process behind.
            let _ = child.kill();
            let _ = child.wait();
            panic!("the run never started");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait_with_output().unwrap()
}

/// Issue 15: Ctrl-C on `send --count` printed no summary and left the progress bar up.
#[test]
fn ctrl_c_on_send_count_prints_the_partial_summary_and_exits_130() {
    let t = Telhook::new();
    let rx = crate::support::Receiver::answering(|_, _| crate::support::Reply::status(200));
    let out = interrupted(
        &t,
        &[
            "send",
            "telnyx",
            "message.sent",
            "--count",
            "100000",
            "--rate",
            "40",
            "--to",
            &rx.url,
        ],
        || rx.requests().len() >= 3,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(130), "{stdout}");
    let summary = stdout
        .lines()
        .find(|l| l.starts_with("summary (interrupted: the rest were not sent): "))
        .unwrap_or_else(|| panic!("{stdout}"));
    let sent: u64 = summary
        .split("sent): ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n: &str| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    let acknowledged: u64 = summary
        .split(", ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{summary}"));
    assert!((3..100_000).contains(&sent), "{summary}");
    // A delivery cut in flight is counted (as interrupted), whether or not its request arrived.
    let received = rx.requests().len() as u64;
    assert!(
        acknowledged <= received && received <= sent,
        "{summary}; {received} received"
    );
}

/// Issue 15: Ctrl-C on `replay` wrote no report.
#[test]
fn ctrl_c_on_replay_writes_the_reports_and_exits_130() {
    let t = Telhook::new();
    let body = t.stdout(&["example", "telnyx", "message.sent", "--seed", "1"]);
    let mut many = Vec::new();
    for _ in 0..2000 {
        many.extend_from_slice(
            &body
                .iter()
                .filter(|b| **b != b'\n')
                .copied()
                .collect::<Vec<_>>(),
        );
        many.push(b'\n');
    }
    t.write("many.jsonl", &many);
    let rx = crate::support::Receiver::answering(|_, _| crate::support::Reply::status(200));
    let out = interrupted(
        &t,
        &[
            "replay",
            "many.jsonl",
            "--rate",
            "40",
            "--to",
            &rx.url,
            "--report",
            "junit=r.xml",
        ],
        || rx.requests().len() >= 3,
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(130), "{stdout}");
    assert!(
        stdout.contains("replay summary: ✗ interrupted after "),
        "{stdout}"
    );
    let xml = std::fs::read_to_string(t.path("r.xml")).expect("the JUnit report is written");
    let cases = xml.matches("<testcase").count();
    assert!(cases > 0 && cases < 2000, "{cases} test cases");
}

/// Issue 15: an empty input printed `✓ every event met the expectation`, then an error.
#[test]
fn replay_of_nothing_never_says_every_event_passed() {
    let t = Telhook::new();
    t.write("empty.jsonl", "");
    t.run(&["replay", "empty.jsonl", "--to", "http://127.0.0.1:9/"])
        .status(2)
        .stdout(Expect::satisfies("a failing table", |out| {
            out.starts_with("replay summary: ✗ nothing was replayed\n") && !out.contains('✓')
        }))
        .stderr(Expect::pattern(
            "telhook: signing Telnyx events with [..]\n\
             telhook: error: nothing to replay: no record in the inputs was a webhook telhook could deliver\n",
        ))
        .check();
}

/// Issue 15: `--max-body 18446744073709551615` overflowed (every body read as empty).
#[test]
fn max_body_is_bounded() {
    let t = Telhook::new();
    t.run(&["listen", "--port", "0", "--max-body", "18446744073709551615"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: invalid value '18446744073709551615' for '--max-body <BYTES>': 18446744073709551615 is not in 1..=1073741824\n\nFor more information, try '--help'.\n")
        .check();
}

/// Issue 15: the listener's Ctrl-C summary was glued to the `^C` the terminal echoes.
#[test]
fn the_listeners_summary_starts_on_its_own_line_on_a_terminal() {
    let t = Telhook::new();
    let bin = env!("CARGO_BIN_EXE_telhook");
    let line = format!(
        "'{bin}' listen --port 0 --no-verify & pid=$!; sleep 1; kill -INT $pid; wait $pid; echo \"exit=$?\""
    );
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .current_dir(t.dir.path())
        .env("HOME", t.dir.path())
        .env_remove("XDG_CONFIG_HOME")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace("\r\n", "\n");
    assert!(
        text.contains("\n\nsummary: 0 requests"),
        "a blank line before the summary: {text:?}"
    );
    assert!(text.contains("exit=0"), "{text:?}");
}

/// One meaning per flag: renamed flags keep their old spelling (hidden) for one release, -vv is
/// refused, --json is refused where it changes nothing, and durations say their unit.
#[test]
fn flags_have_one_meaning_and_old_spellings_still_work() {
    let t = Telhook::new();
    t.run(&["listen", "-vv"])
        .status(2)
        .stdout("")
        .stderr(
            "telhook: error: -v already shows every request and answer in full; there is no more to show with -vv\n\nUsage: telhook [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n",
        )
        .check();
    for cmd in [
        &["schema", "telnyx", "message.sent"][..],
        &["example", "telnyx", "message.sent"][..],
        &["completions", "bash"][..],
        &["man"][..],
    ] {
        let mut args = cmd.to_vec();
        args.push("--json");
        t.run(&args)
            .status(2)
            .stdout("")
            .stderr(Expect::satisfies("the refusal", {
                let start = format!("telhook: error: --json does not apply to `{}`: ", cmd[0]);
                move |err: &str| err.starts_with(&start) && err.ends_with("try '--help'.\n")
            }))
            .check();
    }
    t.run(&["listen", "--delay", "100"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: invalid value '100' for '--delay <DURATION>': `100` has no unit; write 100ms or 100s (a bare number here meant milliseconds before units; see CHANGELOG.md)\n\nFor more information, try '--help'.\n")
        .check();
    // The old spellings parse to the new flags (and stay out of --help).
    let help = String::from_utf8(t.stdout(&["listen", "--help"])).unwrap();
    assert!(help.contains("--reject-unknown") && help.contains("--exit-after"));
    assert!(
        !help.contains("--strict") && !help.contains("--timeout"),
        "{help}"
    );
    let l = Listener::start(&t, &["--strict", "--timeout", "1", "--no-verify"]);
    let answer = crate::support::http()
        .post(&l.url)
        .body("{\"not\":\"an event\"}")
        .send()
        .unwrap();
    assert_eq!(answer.status(), 400, "--strict is --reject-unknown");
    l.line();
    let (code, _) = l.wait();
    assert_eq!(code, Some(0), "--timeout 1 is --exit-after 1s");
    t.write(
        "x.json",
        "{\"data\":{\"event_type\":\"message.sent\",\"extra\":1}}",
    );
    let old = t
        .cmd()
        .args(["validate", "--strict", "x.json"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&old.stderr),
        "telhook: warning: --strict is now --report-unlisted; the old spelling goes in the next release\n"
    );
    let new = t
        .cmd()
        .args(["validate", "--report-unlisted", "x.json"])
        .output()
        .unwrap();
    assert_eq!(old.status.code(), new.status.code());
    assert_eq!(old.stdout, new.stdout, "--strict is --report-unlisted");
    // -p everywhere a provider filter applies.
    let events = t
        .cmd()
        .args(["events", "-p", "bandwidth"])
        .output()
        .unwrap();
    let events = String::from_utf8(events.stdout).unwrap();
    assert!(events.contains("message-delivered") && !events.contains("message.sent"));
    let usage = String::from_utf8(t.stdout(&["send", "--help"])).unwrap();
    assert!(
        usage.contains("Usage: telhook send [OPTIONS] <PROVIDER> <EVENT>...\n"),
        "the natural order: {usage}"
    );
}

#[test]
fn replay_takes_p_for_its_provider_filter() {
    let t = Telhook::new();
    t.write(
        "both.jsonl",
        [
            t.stdout(&["example", "bandwidth", "message-delivered"]),
            b"\n".to_vec(),
        ]
        .concat(),
    );
    let l = Listener::start(&t, &["--no-verify"]);
    t.run(&["replay", "both.jsonl", "-p", "telnyx", "--to", &l.url])
        .status(2)
        .stdout(Expect::satisfies("a failing table", |out| {
            out.starts_with("replay summary: ✗ nothing was replayed\n")
                && out.contains("  skipped: not selected  1\n")
        }))
        .stderr(Expect::satisfies("the error", |err| {
            err.ends_with("telhook: error: nothing to replay: no record in the inputs matched the selection (--provider, --event, --id, --since, --until)\n")
        }))
        .check();
}

/// The newcomer's trap: `telhook keygen` in one directory, the sender in another, so one signs
/// with the default pair and the other verifies with ./telnyx.pub. The 403 names the key that
/// did sign.
#[test]
fn a_signature_by_another_of_this_machines_keys_is_named() {
    let t = Telhook::new();
    t.run(&["keygen"])
        .stdout(Expect::pattern("[..]\n"))
        .stderr(Expect::pattern("[..]\n[..]\n"))
        .check();
    let elsewhere = t.path("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    t.write("elsewhere/body.json", "{}");
    // The default pair, made from a directory without keygen's files.
    let made = t
        .cmd()
        .current_dir(&elsewhere)
        .args(["sign", "body.json"])
        .output()
        .unwrap();
    assert_eq!(made.status.code(), Some(0));
    let l = Listener::start(&t, &[]);
    let out = t
        .cmd()
        .current_dir(&elsewhere)
        .args([
            "send",
            "telnyx",
            "message.sent",
            "--max-attempts",
            "1",
            "--to",
            &l.url,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line = l.line();
    assert!(
        line.contains(
            "signature does not match: it was signed by a different key: your default key pair (in "
        ) && line.ends_with("verifies it → 403"),
        "{line}"
    );
}

/// `send --dry-run --format curl` reads the credentials from the variable they came from, so
/// the commands it prints run as they are.
#[test]
fn dry_run_curl_reads_the_credentials_from_their_own_variable() {
    let t = Telhook::new();
    t.write("telhook.toml", "basic_auth_env = \"MY_BW\"\n");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "send",
            "bandwidth",
            "message-delivered",
            "--dry-run",
            "--format",
            "curl",
        ];
        args.extend(extra);
        t.cmd()
            .args(&args)
            .env("MY_BW", "bw:Pw-9")
            .output()
            .unwrap()
    };
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("--anyauth --user \"$MY_BW\""), "{stdout}");
    // Not "pw": the body's random Bandwidth id is lowercase base36 and may hold those letters.
    assert!(!stdout.contains("Pw-9"), "{stdout}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "telhook: the curl commands read the credentials from $MY_BW (telhook never prints a password); --anyauth makes curl wait for the 401 challenge as Bandwidth does\n"
    );
    let out = run(&["--basic-auth", "u:secret"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("--anyauth --user \"$TELHOOK_BASIC_AUTH\""),
        "{stdout}"
    );
    assert!(!stdout.contains("secret"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains(
            "$TELHOOK_BASIC_AUTH (export TELHOOK_BASIC_AUTH=USER:PASS before running them)"
        ),
        "the flag's value is not in the variable"
    );
}
