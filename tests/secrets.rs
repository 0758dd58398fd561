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
    in_every_mode(&t, &["emulate", "--api-auth", PASSWORD], &[]);
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
