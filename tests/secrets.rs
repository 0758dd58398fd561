//! Secrets stay secret (issue 18): no password, API key or private-key byte appears in any
//! output of any command, in any output mode, on success or on error; captures keep only the
//! scheme and user of credentials unless `--capture-credentials`; a server bound beyond this
//! machine says so.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;

use crate::support::{Expect, Listener, Receiver, Reply, Telhook, closed_port, http};
use telhook::signing::PrivateKey;

const PASSWORD: &str = "pw-Qz7x9Kv";
const API_KEY: &str = "KEY0123Qz7x9Kapi";
const SEED: [u8; 32] = [0xa7; 32];

/// Every form a secret of these tests could leak in.
fn secrets() -> Vec<String> {
    let key = PrivateKey::from_seed(&SEED);
    let mut all = vec![
        PASSWORD.to_string(),
        API_KEY.to_string(),
        STANDARD.encode(SEED),
        SEED.iter().map(|b| format!("{b:02x}")).collect(),
        STANDARD.encode(format!("bw:{PASSWORD}")),
        STANDARD.encode(format!("api:{PASSWORD}")),
    ];
    // The key file's own lines (its public half is no secret: the last line holds it).
    let text = key.to_file_text();
    let body: Vec<&str> = text.lines().filter(|l| !l.starts_with("-----")).collect();
    all.extend(
        body.iter()
            .take(body.len().saturating_sub(1))
            .map(|l| l.to_string()),
    );
    all
}

#[track_caller]
fn assert_clean(what: &str, output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    for secret in secrets() {
        assert!(
            !text.contains(&secret),
            "{what} shows a secret ({secret}):\n{text}"
        );
    }
}

/// `telhook MODE ARGS`, in each output mode; every byte it prints is checked.
fn in_every_mode(t: &Telhook, args: &[&str], env: &[(&str, &str)]) {
    for mode in [&[][..], &["--json"], &["-v"], &["-vv"], &["-q"]] {
        let mut cmd = t.std_cmd();
        cmd.args(mode).args(args).envs(env.iter().copied());
        let out = cmd.output().unwrap();
        let shown = format!("telhook {} {}", mode.join(" "), args.join(" "));
        assert_clean(&format!("stdout of `{shown}`"), &out.stdout);
        assert_clean(&format!("stderr of `{shown}`"), &out.stderr);
    }
}

#[test]
fn no_command_prints_a_password_an_api_key_or_a_private_key_in_any_mode() {
    let t = Telhook::new();
    let key = t.write("telnyx.key", PrivateKey::from_seed(&SEED).to_file_text());
    let key = key.to_str().unwrap();
    let dead = format!("http://bw:{PASSWORD}@127.0.0.1:{}/hooks", closed_port());
    let app = Receiver::answering(|r, _| match r.header("authorization") {
        Some(_) => Reply::status(200),
        None if r.body.starts_with(b"[") => Reply::challenge(),
        None => Reply::status(200),
    });
    let with_password = app
        .url
        .replacen("http://", &format!("http://bw:{PASSWORD}@"), 1);
    let basic = format!("bw:{PASSWORD}");
    // Deliveries: to a dead URL with credentials in it, to a live one, through a challenge.
    in_every_mode(
        &t,
        &[
            "send",
            "telnyx",
            "message.sent",
            "--private-key",
            key,
            "--to",
            &dead,
            "--max-attempts",
            "1",
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "send",
            "telnyx",
            "message.sent",
            "--private-key",
            key,
            "--to",
            &with_password,
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "send",
            "bandwidth",
            "message-delivered",
            "--basic-auth",
            &basic,
            "--to",
            &app.url,
        ],
        &[],
    );
    in_every_mode(
        &t,
        &["send", "bandwidth", "message-delivered", "--to", &app.url],
        &[("TELHOOK_BASIC_AUTH", &basic)],
    );
    in_every_mode(
        &t,
        &["send", "telnyx", "message.sent", "--to", &app.url],
        &[("TELHOOK_PRIVATE_KEY", key)],
    );
    in_every_mode(
        &t,
        &[
            "send",
            "telnyx",
            "message.sent",
            "--private-key",
            key,
            "--dry-run",
        ],
        &[],
    );
    // Mistakes: a password without its user, a password where a key should be, a private key
    // where the public one should be.
    in_every_mode(
        &t,
        &[
            "send",
            "bandwidth",
            "message-delivered",
            "--basic-auth",
            PASSWORD,
            "--to",
            &app.url,
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "send",
            "telnyx",
            "message.sent",
            "--private-key",
            PASSWORD,
            "--to",
            &app.url,
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "verify",
            "--public-key",
            key,
            "--signature",
            "x",
            "--timestamp",
            "1",
            "-",
        ],
        &[],
    );
    in_every_mode(&t, &["sign", "--private-key", key, "Cargo.toml"], &[]);
    in_every_mode(
        &t,
        &["config"],
        &[("TELHOOK_BASIC_AUTH", &basic), ("TELHOOK_PRIVATE_KEY", key)],
    );
    in_every_mode(
        &t,
        &[
            "emulate",
            "--port",
            "0",
            "--api-auth",
            &format!("api:{PASSWORD}"),
            "--callback-auth",
            &basic,
            "--api-key",
            API_KEY,
            "--private-key",
            key,
            "--exit-after",
            "100ms",
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "emulate",
            "--port",
            "0",
            "--exit-after",
            "100ms",
            "--api-auth",
            PASSWORD,
        ],
        &[],
    );
    // A listener with credentials, sent them once; then its capture replayed. (`-q` is left
    // out: it prints no address to find the listener by; listen has no `-vv`.)
    for mode in [&[][..], &["--json"], &["-v"]] {
        let mut args: Vec<&str> = mode.to_vec();
        args.extend([
            "--basic-auth",
            &basic,
            "--capture",
            "cap.jsonl",
            "--max-events",
            "1",
        ]);
        let l = Listener::start(&t, &args);
        let sent = http()
            .post(&l.url)
            .basic_auth("bw", Some(PASSWORD))
            .body(t.stdout(&["example", "bandwidth", "message-delivered"]))
            .send()
            .unwrap();
        assert_eq!(sent.status(), 200);
        let stderr = l.stderr.clone();
        let (_, rest) = l.wait();
        assert_clean("listen's stdout", rest.join("\n").as_bytes());
        assert_clean("listen's stderr", stderr.lock().unwrap().as_bytes());
    }
    assert_clean("the capture", &std::fs::read(t.path("cap.jsonl")).unwrap());
    in_every_mode(
        &t,
        &[
            "replay",
            "cap.jsonl",
            "--basic-auth",
            &basic,
            "--to",
            &app.url,
        ],
        &[],
    );
    in_every_mode(
        &t,
        &[
            "replay",
            "cap.jsonl",
            "--keep-headers",
            "--to",
            &dead,
            "--max-attempts",
            "1",
        ],
        &[],
    );
}

#[test]
fn captures_keep_the_scheme_and_user_of_credentials_unless_asked_for_them() {
    let t = Telhook::new();
    let body = t.stdout(&["example", "bandwidth", "message-delivered"]);
    let capture_with = |flags: &[&str], file: &str| -> Vec<Value> {
        let mut args = vec![
            "--basic-auth",
            "bw:s3cret",
            "--capture",
            file,
            "--max-events",
            "1",
        ];
        args.extend_from_slice(flags);
        let l = Listener::start(&t, &args);
        http()
            .post(&l.url)
            .basic_auth("bw", Some("s3cret"))
            .body(body.clone())
            .send()
            .unwrap();
        l.wait();
        std::fs::read_to_string(t.path(file))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let authorization = |record: &Value| -> String {
        record["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h[0].as_str().unwrap().eq_ignore_ascii_case("authorization"))
            .map(|h| h[1].as_str().unwrap().to_string())
            .unwrap()
    };
    let redacted = capture_with(&[], "redacted.jsonl");
    assert_eq!(authorization(&redacted[0]), "Basic <redacted user=bw>");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.path("redacted.jsonl"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "a capture is its owner's only");
    }
    let kept = capture_with(&["--capture-credentials"], "kept.jsonl");
    assert_eq!(
        authorization(&kept[0]),
        format!("Basic {}", STANDARD.encode("bw:s3cret"))
    );
    // Replaying the redacted capture with its headers says why the receiver will refuse.
    let app = Receiver::script(vec![Reply::status(200)]);
    t.run(&["replay", "redacted.jsonl", "--keep-headers", "--to", &app.url])
        .stdout(Expect::satisfies("the attempt and the summary", |_| true))
        .stderr(Expect::pattern(
            "telhook: warning: redacted.jsonl:1: the capture has its Authorization values redacted (captured without --capture-credentials): [..]\n",
        ))
        .check();
    t.run(&["listen", "--capture-credentials"])
        .status(2)
        .stderr(Expect::satisfies("an error naming --capture", |s| {
            s.starts_with("telhook: error: ") && s.contains("--capture <FILE>")
        }))
        .check();
}

#[test]
fn a_host_beyond_loopback_is_said_and_loopback_is_not() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--host", "0.0.0.0", "--max-events", "1"]);
    http()
        .post(l.url.replace("0.0.0.0", "127.0.0.1"))
        .body("{}")
        .send()
        .unwrap();
    let stderr = l.stderr.clone();
    l.wait();
    let said = stderr.lock().unwrap().clone();
    assert!(
        said.contains("telhook: warning: --host 0.0.0.0: listening on http://0.0.0.0:")
            && said.contains("beyond this machine: anyone who can reach it can send it requests"),
        "{said}"
    );
    let l = Listener::start(&t, &["--host", "127.0.0.1", "--max-events", "1"]);
    http().post(&l.url).body("{}").send().unwrap();
    let stderr = l.stderr.clone();
    l.wait();
    assert!(
        !stderr.lock().unwrap().contains("warning"),
        "loopback is private"
    );
}

/// The emulator with credentials in its URLs, its API key and an app's request that names its
/// own URLs with passwords: its lines, `-v` dumps, attempts and capture show none of them.
#[test]
fn the_emulator_shows_no_password_from_its_urls_or_an_apps_request_in_any_mode() {
    use std::io::BufRead;
    let t = Telhook::new();
    let key = t.write("telnyx.key", PrivateKey::from_seed(&SEED).to_file_text());
    let app = Receiver::script(vec![Reply::status(500), Reply::status(200)]);
    let with_password = app
        .url
        .replacen("http://", &format!("http://bw:{PASSWORD}@"), 1);
    for (i, mode) in [&[][..], &["--json"], &["-v"], &["-q"]].iter().enumerate() {
        let capture = format!("timeline-{i}.jsonl");
        let mut child = crate::support::ChildGuard::new(
            t.std_cmd()
                .args(*mode)
                .args([
                    "emulate",
                    "--port",
                    "0",
                    "--latency",
                    "1ms",
                    "--backoff",
                    "1ms",
                ])
                .args(["--webhook-url", &with_password, "--api-key", API_KEY])
                .args([
                    "--private-key",
                    key.to_str().unwrap(),
                    "--capture",
                    &capture,
                ])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap(),
        );
        let mut stdout = std::io::BufReader::new(child.child.stdout.take().unwrap());
        let mut first = String::new();
        stdout.read_line(&mut first).unwrap();
        let base = match first.strip_prefix("emulating on ") {
            Some(base) => base.trim().to_string(),
            None => {
                let v: Value = serde_json::from_str(&first).unwrap();
                format!("http://{}", v["addr"].as_str().unwrap())
            }
        };
        let sent = http()
            .post(format!("{base}/v2/messages"))
            .header("Authorization", format!("Bearer {API_KEY}"))
            .header("content-type", "application/json")
            .body(
                serde_json::json!({
                    "to": "+13125550123", "from": "+13125550100", "text": "hi",
                    "webhook_url": with_password,
                    "webhook_failover_url": format!("http://bw:{PASSWORD}@127.0.0.1:{}/", closed_port()),
                })
                .to_string(),
            )
            .send()
            .unwrap();
        assert_eq!(sent.status(), 200);
        let settled = http()
            .post(format!("{base}/_telhook/settle?timeout=20s"))
            .send()
            .unwrap();
        assert_eq!(settled.status(), 200);
        let listed = http()
            .get(format!("{base}/_telhook/messages"))
            .send()
            .unwrap();
        assert_eq!(listed.status(), 200);
        t.run(&["--json", "emulate", "messages", "--emulator", &base])
            .stdout(Expect::satisfies("no password", |s| !s.contains(PASSWORD)))
            .check();
        std::process::Command::new("kill")
            .args(["-INT", &child.child.id().to_string()])
            .status()
            .unwrap();
        let mut rest = first.into_bytes();
        std::io::Read::read_to_end(&mut stdout, &mut rest).unwrap();
        let mut stderr = Vec::new();
        std::io::Read::read_to_end(&mut child.child.stderr.take().unwrap(), &mut stderr).unwrap();
        assert_clean(&format!("emulate {mode:?}'s stdout"), &rest);
        assert_clean(&format!("emulate {mode:?}'s stderr"), &stderr);
        // The capture keeps the bodies exact (a webhook's `meta.delivered_to` and the app's
        // own URLs are in them, as the app sent and received them), but no credential header.
        let timeline = std::fs::read_to_string(t.path(&capture)).unwrap();
        for line in timeline.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let headers = record["headers"].to_string();
            assert_clean("a capture record's headers", headers.as_bytes());
            assert_clean(
                "a capture record's url",
                record["url"].to_string().as_bytes(),
            );
        }
    }
}

/// A request the listener refuses before its head is whole is captured as the bytes that
/// arrived, with its credentials redacted like a whole request's.
#[test]
fn a_refused_requests_raw_head_keeps_no_credentials() {
    use std::io::Write;
    let t = Telhook::new();
    let l = Listener::start(&t, &["--capture", "cap.jsonl", "--max-events", "1"]);
    let addr = l
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    let basic = STANDARD.encode(format!("bw:{PASSWORD}"));
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    // A head cut off before its end: what arrived is captured as the body.
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: x\r\nAuthorization: Basic {basic}\r\nContent-Le"
    )
    .unwrap();
    stream.shutdown(std::net::Shutdown::Write).unwrap();
    let mut answer = String::new();
    let _ = std::io::Read::read_to_string(&mut stream, &mut answer);
    // The refused request was the one event the listener waited for.
    l.wait();
    let capture = std::fs::read(t.path("cap.jsonl")).unwrap();
    assert_clean("the capture of a refused request", &capture);
    assert!(String::from_utf8_lossy(&capture).contains("Basic <redacted user=bw>"));
}
