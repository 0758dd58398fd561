//! `telhook listen` as a real child process on an ephemeral port, driven over HTTP.

use crate::support::json::{Capture, Event, Summary};
use crate::support::{AT, Expect, Listener, Telhook, http};
use serde_json::Value;
use std::collections::BTreeMap;
use telhook::signing::PrivateKey;

fn key(t: &Telhook) -> (PrivateKey, String) {
    let k = PrivateKey::from_seed(&[21u8; 32]);
    let public = k.public().to_base64();
    t.write("telnyx.pub", &public);
    (k, public)
}

fn signed(
    req: reqwest::blocking::RequestBuilder,
    k: &PrivateKey,
    ts: &str,
    body: &[u8],
) -> reqwest::blocking::RequestBuilder {
    req.header("content-type", "application/json")
        .header("user-agent", "telnyx-webhooks")
        .header("telnyx-timestamp", ts)
        .header(
            "telnyx-signature-ed25519",
            telhook::telnyx::sign(k, ts, body),
        )
}

fn now() -> String {
    chrono::Utc::now().timestamp().to_string()
}

fn capture(t: &Telhook) -> Vec<Capture> {
    Capture::read(&t.path("cap.jsonl"))
}

fn counts(pairs: &[(&str, usize)]) -> BTreeMap<String, usize> {
    pairs.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

#[test]
fn telnyx_signature_is_verified_and_the_body_captured_byte_for_byte() {
    let t = Telhook::new();
    let (k, _) = key(&t);
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--public-key",
            "telnyx.pub",
            "--capture",
            "cap.jsonl",
        ],
    );
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.received",
        "--seed",
        "4",
        "--at",
        AT,
    ]);
    let resp = signed(http().post(&l.url), &k, &now(), &body)
        .body(body.clone())
        .send()
        .unwrap();
    assert_eq!(resp.status(), 200);
    let ev = Event::parse(&l.line());
    let v: Value = serde_json::from_slice(&body).unwrap();
    let p = &v["data"]["payload"];
    assert_eq!(
        ev,
        Event {
            kind: "event".into(),
            received_at: ev.received_at.clone(),
            method: "POST".into(),
            path: "/".into(),
            provider: Some("telnyx".into()),
            event: Some("message.received".into()),
            event_id: v["data"]["id"].as_str().map(String::from),
            facts: format!(
                "{} → {} {:?}",
                p["from"]["phone_number"].as_str().unwrap(),
                p["to"][0]["phone_number"].as_str().unwrap(),
                p["text"]
                    .as_str()
                    .unwrap()
                    .chars()
                    .take(40)
                    .collect::<String>()
            ),
            verdict: "verified".into(),
            reason: None,
            status: 200,
            duplicate: false,
            out_of_order: false,
            schema_errors: vec![],
            forward_status: None,
            forward_ms: None,
        }
    );
    let cap = capture(&t);
    assert_eq!(cap.len(), 1);
    assert_eq!(cap[0].body_bytes(), body);
    assert!(!cap[0].body_base64);
    assert_eq!(cap[0].received_at, ev.received_at);
    assert_eq!(cap[0].verdict, "verified");
    assert_eq!(cap[0].provider.as_deref(), Some("telnyx"));
    assert_eq!(cap[0].event.as_deref(), Some("message.received"));
    assert_eq!(cap[0].event_id, ev.event_id);
    assert_eq!(cap[0].status, 200);
    assert!(cap[0].header("telnyx-signature-ed25519").is_some());
}

#[test]
fn bad_or_stale_signatures_get_403_with_the_reason_verify_gives() {
    let t = Telhook::new();
    let (k, _) = key(&t);
    let l = Listener::start(
        &t,
        &["--json", "--public-key", "telnyx.pub", "--max-events", "3"],
    );
    let body = t.stdout(&[
        "example",
        "telnyx",
        "call.hangup",
        "--seed",
        "4",
        "--at",
        AT,
    ]);
    let mut nl = body.clone();
    nl.push(b'\n');
    let ts = now();
    let sig = telhook::telnyx::sign(&k, &ts, &body);
    let resp = http()
        .post(&l.url)
        .header("telnyx-timestamp", &ts)
        .header("telnyx-signature-ed25519", &sig)
        .body(nl)
        .send()
        .unwrap();
    assert_eq!(resp.status(), 403);
    let ev = Event::parse(&l.line());
    assert_eq!((ev.verdict.as_str(), ev.status), ("rejected", 403));
    assert_eq!(
        ev.reason.as_deref(),
        Some(
            "signature does not match: a trailing newline was added to the body after signing; verify the raw bytes as received"
        )
    );
    let old = (chrono::Utc::now().timestamp() - 1000).to_string();
    let resp = signed(http().post(&l.url), &k, &old, &body)
        .body(body.clone())
        .send()
        .unwrap();
    assert_eq!(resp.status(), 403);
    let ev = Event::parse(&l.line());
    // 1000 s old when signed; 1001 s if a second ticked over on the way
    Expect::pattern(
        "telnyx-timestamp is 100[..] s old, [..] s beyond the 300 s tolerance (replayed or delayed delivery, or a slow clock)",
    )
    .assert("reason", ev.reason.unwrap_or_default().as_bytes());
    // and it keeps serving: a good one still passes
    let resp = signed(http().post(&l.url), &k, &now(), &body)
        .body(body.clone())
        .send()
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(Event::parse(&l.line()).verdict, "verified");
    let (code, rest) = l.wait();
    assert_eq!(code, Some(1), "a rejected signature makes the exit code 1");
    assert_eq!(rest.len(), 1, "{rest:?}");
    assert_eq!(
        Summary::parse(&rest[0]),
        Summary {
            kind: "summary".into(),
            requests: 3,
            rejected: 2,
            counts: counts(&[
                ("telnyx call.hangup rejected", 2),
                ("telnyx call.hangup verified", 1)
            ]),
        }
    );
}

#[test]
fn bandwidth_gets_the_basic_challenge_then_is_verified() {
    let t = Telhook::new();
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--basic-auth",
            "bw:s3cret",
            "--capture",
            "cap.jsonl",
            "--max-events",
            "3",
        ],
    );
    let body = t.stdout(&[
        "example",
        "bandwidth",
        "message-delivered",
        "--seed",
        "4",
        "--at",
        AT,
    ]);
    let post = || {
        http()
            .post(&l.url)
            .header("user-agent", "BandwidthAPI/v2")
            .body(body.clone())
    };
    let resp = post().send().unwrap();
    assert_eq!(resp.status(), 401);
    assert_eq!(
        resp.headers()["www-authenticate"],
        "Basic realm=\"telhook\""
    );
    let ev = Event::parse(&l.line());
    assert_eq!((ev.verdict.as_str(), ev.status), ("challenged", 401));
    let resp = post().basic_auth("bw", Some("wrong")).send().unwrap();
    assert_eq!(resp.status(), 401);
    let ev = Event::parse(&l.line());
    assert_eq!((ev.verdict.as_str(), ev.status), ("rejected", 401));
    assert_eq!(ev.reason.as_deref(), Some("wrong user or password"));
    let resp = post().basic_auth("bw", Some("s3cret")).send().unwrap();
    assert_eq!(resp.status(), 200);
    let ev = Event::parse(&l.line());
    assert_eq!((ev.verdict.as_str(), ev.status), ("verified", 200));
    assert_eq!(ev.provider.as_deref(), Some("bandwidth"));
    assert_eq!(ev.event.as_deref(), Some("message-delivered"));
    let (code, _) = l.wait();
    assert_eq!(
        code,
        Some(1),
        "wrong credentials count as a failed verification"
    );
    let cap = capture(&t);
    assert_eq!(
        cap.iter().map(|r| r.status).collect::<Vec<_>>(),
        [401, 401, 200]
    );
    assert!(
        !std::fs::read_to_string(t.path("cap.jsonl"))
            .unwrap()
            .contains("s3cret")
    );
}

#[test]
fn bxml_events_get_a_response_document_and_others_an_empty_200() {
    let t = Telhook::new();
    t.write(
        "reply.xml",
        "<Response><SpeakSentence>Hi</SpeakSentence></Response>",
    );
    let l = Listener::start(&t, &["--json"]);
    let initiate = t.stdout(&[
        "example",
        "bandwidth",
        "initiate",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    let resp = http().post(&l.url).body(initiate).send().unwrap();
    assert_eq!(resp.status(), 200);
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/xml")
    );
    assert_eq!(resp.text().unwrap(), telhook::bandwidth::MINIMAL_BXML);
    let disconnect = t.stdout(&[
        "example",
        "bandwidth",
        "disconnect",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    let resp = http().post(&l.url).body(disconnect).send().unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.text().unwrap(), "");
    let l2 = Listener::start(&t, &["--json", "--bxml", "reply.xml"]);
    let initiate = t.stdout(&[
        "example",
        "bandwidth",
        "initiate",
        "--seed",
        "2",
        "--at",
        AT,
    ]);
    assert_eq!(
        http()
            .post(&l2.url)
            .body(initiate)
            .send()
            .unwrap()
            .text()
            .unwrap(),
        "<Response><SpeakSentence>Hi</SpeakSentence></Response>"
    );
}

#[test]
fn bad_input_gets_the_right_status_is_captured_and_the_listener_keeps_serving() {
    let t = Telhook::new();
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--capture",
            "cap.jsonl",
            "--max-body",
            "100",
            "--path",
            "/hooks",
        ],
    );
    let base = l.url.clone();
    let resp = http().post(&base).body("{not json").send().unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(
        Event::parse(&l.line()).reason.as_deref(),
        Some("body is not JSON: key must be a string at line 1 column 2")
    );
    let binary = vec![0xffu8, 0xfe, 0x00, 0x7b];
    assert_eq!(
        http()
            .post(&base)
            .body(binary.clone())
            .send()
            .unwrap()
            .status(),
        400
    );
    l.line();
    assert_eq!(
        http()
            .post(&base)
            .body(vec![b'x'; 5000])
            .send()
            .unwrap()
            .status(),
        413
    );
    l.line();
    let wrong_path = base.replace("/hooks", "/other");
    assert_eq!(
        http().post(&wrong_path).body("{}").send().unwrap().status(),
        404
    );
    l.line();
    assert_eq!(
        http()
            .post(&base)
            .body("{\"hello\": 1}")
            .send()
            .unwrap()
            .status(),
        200
    );
    let ev = Event::parse(&l.line());
    assert_eq!(ev.facts, "unrecognised payload");
    assert_eq!((ev.provider, ev.event), (None, None));
    let cap = capture(&t);
    assert_eq!(cap.len(), 5);
    assert_eq!(cap[1].body_bytes(), binary);
    assert!(cap[1].body_base64);
    assert_eq!(
        cap.iter().map(|r| r.status).collect::<Vec<_>>(),
        [400, 400, 413, 404, 200]
    );
    let strict = Listener::start(&t, &["--json", "--reject-unknown"]);
    assert_eq!(
        http()
            .post(&strict.url)
            .body("{\"hello\": 1}")
            .send()
            .unwrap()
            .status(),
        400
    );
}

#[test]
fn duplicates_and_out_of_order_events_are_marked() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--json", "--no-verify"]);
    let later = t.stdout(&[
        "example",
        "telnyx",
        "message.finalized",
        "--seed",
        "8",
        "--at",
        "2026-03-04T05:06:30Z",
    ]);
    let v: Value = serde_json::from_slice(&later).unwrap();
    let message_id = v["data"]["payload"]["id"].to_string();
    let earlier = t.stdout(&[
        "example",
        "telnyx",
        "message.sent",
        "--seed",
        "9",
        "--at",
        "2026-03-04T05:06:00Z",
        "--set",
        &format!("data.payload.id={message_id}"),
    ]);
    for (body, dup, ooo) in [
        (&later, false, false),
        (&later, true, false),
        (&earlier, false, true),
    ] {
        assert_eq!(
            http()
                .post(&l.url)
                .body(body.clone())
                .send()
                .unwrap()
                .status(),
            200
        );
        let ev = Event::parse(&l.line());
        assert_eq!((ev.duplicate, ev.out_of_order), (dup, ooo), "{ev:?}");
    }
}

#[test]
fn fail_first_and_delay_shape_the_answers() {
    let t = Telhook::new();
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--no-verify",
            "--fail-first",
            "2",
            "--delay",
            "300ms",
            "--status",
            "202",
        ],
    );
    let body = t.stdout(&[
        "example",
        "telnyx",
        "call.answered",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let t0 = std::time::Instant::now();
        statuses.push(
            http()
                .post(&l.url)
                .body(body.clone())
                .send()
                .unwrap()
                .status()
                .as_u16(),
        );
        assert!(t0.elapsed() >= std::time::Duration::from_millis(300));
        let ev = Event::parse(&l.line());
        let n = statuses.len();
        assert_eq!(ev.status, statuses[n - 1]);
        assert_eq!(
            ev.reason,
            (n <= 2)
                .then(|| format!("--fail-first 2: attempt {n} answered 500"))
                .or(Some("--no-verify: signature not checked".into()))
        );
    }
    assert_eq!(statuses, [500, 500, 202]);
}

#[test]
fn forward_to_relays_the_apps_answer() {
    let t = Telhook::new();
    let app = Listener::start(
        &t,
        &[
            "--json",
            "--no-verify",
            "--status",
            "202",
            "--path",
            "/app/hooks",
        ],
    );
    let app_base = app.url.trim_end_matches("/app/hooks").to_string();
    let front = Listener::start(
        &t,
        &[
            "--json",
            "--no-verify",
            "--path",
            "/app/hooks",
            "--forward-to",
            &app_base,
        ],
    );
    let body = t.stdout(&[
        "example",
        "telnyx",
        "fax.delivered",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    let resp = http().post(&front.url).body(body.clone()).send().unwrap();
    assert_eq!(resp.status(), 202);
    let seen = Event::parse(&app.line());
    assert_eq!(seen.event.as_deref(), Some("fax.delivered"));
    assert_eq!((seen.forward_status, seen.forward_ms), (None, None));
    let ev = Event::parse(&front.line());
    assert_eq!(ev.status, 202);
    assert_eq!(ev.forward_status, Some(202));
    assert!(ev.forward_ms.is_some());
}

#[test]
fn concurrent_requests_give_whole_capture_lines() {
    let t = Telhook::new();
    let l = Listener::start(
        &t,
        &["--json", "--capture", "cap.jsonl", "--max-events", "40"],
    );
    let body = t.stdout(&[
        "example",
        "bandwidth",
        "message-received",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    std::thread::scope(|s| {
        for _ in 0..40 {
            s.spawn(|| {
                assert_eq!(
                    http()
                        .post(&l.url)
                        .body(body.clone())
                        .send()
                        .unwrap()
                        .status(),
                    200
                )
            });
        }
    });
    let (code, rest) = l.wait();
    assert_eq!(code, Some(0));
    assert_eq!(rest.len(), 41, "{rest:?}");
    for line in &rest[..40] {
        assert_eq!(Event::parse(line).status, 200);
    }
    assert_eq!(
        Summary::parse(&rest[40]),
        Summary {
            kind: "summary".into(),
            requests: 40,
            rejected: 0,
            counts: counts(&[("bandwidth message-received accepted", 40)]),
        }
    );
    let cap = capture(&t);
    assert_eq!(cap.len(), 40);
    assert!(cap.iter().all(|r| r.body_bytes() == body));
}

#[test]
fn human_lines_and_the_timeout() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--no-verify", "--exit-after", "2"]);
    let body = t.stdout(&[
        "example",
        "bandwidth",
        "message-failed",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    http()
        .post(&l.url)
        .header("user-agent", "BandwidthAPI/v2")
        .body(body)
        .send()
        .unwrap();
    let line = l.line();
    assert!(
        line.contains(" bandwidth ")
            && line.contains("message-failed")
            && line.contains(" error ")
            && line.ends_with("✓ accepted → 200"),
        "{line}"
    );
    let stderr = l.stderr.clone();
    let (code, rest) = l.wait();
    assert_eq!(code, Some(0));
    assert_eq!(
        stderr.lock().unwrap().as_str(),
        "telhook: Telnyx signatures are not checked (--no-verify)\n"
    );
    assert_eq!(rest[0], "summary: 1 request, 0 rejected");
    assert_eq!(rest[1], "      1  bandwidth message-failed accepted");
}

#[test]
fn verify_reads_a_captured_request() {
    let t = Telhook::new();
    let (k, public) = key(&t);
    let l = Listener::start(&t, &["--json", "--capture", "cap.jsonl"]);
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.sent",
        "--seed",
        "2",
        "--at",
        AT,
    ]);
    let ts = now();
    signed(http().post(&l.url), &k, &ts, &body)
        .body(body.clone())
        .send()
        .unwrap();
    l.line();
    let mut nl = body.clone();
    nl.push(b'\n');
    signed(http().post(&l.url), &k, &ts, &body)
        .body(nl)
        .send()
        .unwrap();
    l.line();
    // checked at the real time, so the age is a few seconds at most
    t.run(&[
        "verify",
        "--public-key",
        &public,
        "--capture",
        "cap.jsonl",
        "--line",
        "1",
    ])
    .stdout(Expect::pattern(&format!(
        "✓ valid: signature matches the body; timestamp {ts} is [..] s old (tolerance 300 s)\n"
    )))
    .check();
    t.run(&["verify", "--public-key", &public, "--capture", "cap.jsonl"])
        .status(1)
        .stdout("✗ invalid: 1 reason\n  - signature does not match: a trailing newline was added to the body after signing; verify the raw bytes as received\n")
        .stderr("telhook: verifying line 2 of cap.jsonl, its last Telnyx request (message.sent)\n")
        .check();
    t.run(&[
        "verify",
        "--public-key",
        &public,
        "--capture",
        "cap.jsonl",
        "--line",
        "9",
    ])
    .status(2)
    .stdout("")
    .stderr("telhook: error: cap.jsonl: no capture record on line 9\n")
    .check();
    // A line torn in the middle of a character (a full disk, a crash) stops no other line
    // from being verified, as validate and replay read such files too.
    drop(l);
    let mut torn = std::fs::read(t.path("cap.jsonl")).unwrap();
    let whole = torn.clone();
    torn.extend_from_slice(
        "{\"received_at\":\"2026-01-01T00:00:00Z\",\"body\":\"caf\u{e9}".as_bytes(),
    );
    torn.truncate(torn.len() - 1);
    torn.push(b'\n');
    torn.extend_from_slice(&whole[..whole.iter().position(|b| *b == b'\n').unwrap() + 1]);
    std::fs::write(t.path("cap.jsonl"), torn).unwrap();
    t.run(&["verify", "--public-key", &public, "--capture", "cap.jsonl"])
        .stdout(Expect::pattern("✓ valid: signature matches the body; [..]\n"))
        .stderr(
            "telhook: passed over 1 line of cap.jsonl that is not a capture record (line 3: torn, or another file's)\n\
             telhook: verifying line 4 of cap.jsonl, its last Telnyx request (message.sent)\n",
        )
        .check();
    t.run(&["verify", "--public-key", &public, "--capture", "cap.jsonl", "--line", "3"])
        .status(2)
        .stderr(Expect::pattern(
            "telhook: error: cap.jsonl:3: not a capture record (not JSON ([..]), a torn or foreign line); pick another line with --line\n",
        ))
        .check();
}

#[test]
fn schema_problems_are_flagged_and_verbose_shows_headers_with_secrets_redacted() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["-v", "--basic-auth", "bw:s3cret"]);
    let body = String::from_utf8(t.stdout(&[
        "example",
        "bandwidth",
        "message-received",
        "--seed",
        "3",
        "--at",
        AT,
    ]))
    .unwrap()
    .replace("\"direction\":\"in\"", "\"direction\":\"sideways\"");
    let resp = http()
        .post(&l.url)
        .header("user-agent", "BandwidthAPI/v2")
        .basic_auth("bw", Some("s3cret"))
        .body(body)
        .send()
        .unwrap();
    assert_eq!(resp.status(), 200);
    let line = l.line();
    assert!(
        line.contains(
            "[schema: 1 error: [0].message.direction: \"sideways\" is not one of in, out]"
        ),
        "{line}"
    );
    let mut headers = Vec::new();
    loop {
        let h = l.line();
        if !h.starts_with("    ") || h.trim_start().starts_with('[') {
            break;
        }
        headers.push(h);
    }
    assert!(
        headers
            .iter()
            .any(|h| h.eq_ignore_ascii_case("    authorization: <redacted>")),
        "{headers:?}"
    );
    assert!(
        !headers
            .iter()
            .any(|h| h.contains("s3cret") || h.contains(&base64_of("bw:s3cret")))
    );
}

fn base64_of(s: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(s)
}

#[test]
fn a_half_open_client_does_not_block_others_and_ctrl_c_prints_the_summary() {
    use std::io::Write;
    let t = Telhook::new();
    let l = Listener::start(&t, &["--json", "--no-verify"]);
    let addr = l
        .url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string();
    // headers promise 1000 bytes, only 5 arrive, and the connection stays open
    let mut stuck = std::net::TcpStream::connect(&addr).unwrap();
    stuck
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nhello")
        .unwrap();
    let mut half = std::net::TcpStream::connect(&addr).unwrap();
    half.write_all(b"POST / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let body = t.stdout(&[
        "example",
        "telnyx",
        "call.bridged",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    let t0 = std::time::Instant::now();
    assert_eq!(http().post(&l.url).body(body).send().unwrap().status(), 200);
    assert!(t0.elapsed() < std::time::Duration::from_secs(2));
    assert_eq!(
        Event::parse(&l.line()).event.as_deref(),
        Some("call.bridged")
    );
    let pid = l.pid().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    let (code, rest) = l.wait();
    assert_eq!(code, Some(0));
    assert_eq!(rest.len(), 1, "{rest:?}");
    assert_eq!(
        Summary::parse(&rest[0]),
        Summary {
            kind: "summary".into(),
            requests: 1,
            rejected: 0,
            counts: counts(&[("telnyx call.bridged unverified", 1)]),
        }
    );
    drop((stuck, half));
}

/// The timestamp the test signs its own Telnyx requests with (`--no-tolerance` lets it verify).
const FIXED_TS: &str = "1772600767";

/// `127.0.0.1:PORT` as `127.0.0.1:<port>` everywhere in `text`.
fn without_ports(text: &str) -> String {
    const HOST: &str = "127.0.0.1:";
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find(HOST) {
        out.push_str(&rest[..i + HOST.len()]);
        rest = &rest[i + HOST.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            out.push_str("<port>");
            rest = &rest[digits..];
        }
    }
    out.push_str(rest);
    out
}

/// A capture record with what cannot be fixed replaced: the time, ports, the content-length
/// (checked against the body first: the body holds the port), and the timestamp and signature
/// of requests `send` signed at the current time.
#[track_caller]
fn normalised(mut record: Capture) -> String {
    record.received_at = "<received_at>".into();
    let length = record.body_bytes().len();
    let signed_now = record
        .header("telnyx-timestamp")
        .is_some_and(|ts| ts != FIXED_TS);
    for (name, value) in &mut record.headers {
        match name.to_ascii_lowercase().as_str() {
            "content-length" => {
                assert_eq!(value.parse::<usize>().ok(), Some(length), "{name}");
                *value = "<length>".into();
            }
            "telnyx-timestamp" if signed_now => *value = "<now>".into(),
            "telnyx-signature-ed25519" if signed_now => *value = "<signature at now>".into(),
            _ => {}
        }
    }
    without_ports(&serde_json::to_string(&record).unwrap())
}

#[test]
fn listen_json_session_and_its_capture_match_the_golden_files() {
    // Regenerate with TELHOOK_UPDATE_GOLDEN=1 (tests/data/README.md) and review the diff.
    let t = Telhook::new();
    let key_file = crate::support::repo_file("tests/data/keys/telnyx.key");
    let key = PrivateKey::parse(&std::fs::read_to_string(&key_file).unwrap()).unwrap();
    let public = crate::support::repo_file("tests/data/keys/telnyx.pub");
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--public-key",
            public.to_str().unwrap(),
            "--no-tolerance",
            "--basic-auth",
            "bw:s3cret",
            "--capture",
            "cap.jsonl",
            "--max-events",
            "5",
        ],
    );
    // 1. send signs a seeded Telnyx event at the current time
    t.run(&[
        "send",
        "telnyx",
        "message.received",
        "--seed",
        "7",
        "--at",
        AT,
        "--private-key",
        key_file.to_str().unwrap(),
        "--to",
        &l.url,
    ])
    // The event column is as wide as the run's longest name, and at least the base width.
    .stdout(Expect::pattern(&format!(
        "telnyx    {:<w$} 3a299b2e-d359-412b-b1…   #1      {} 200 [..] ms  ✓ acknowledged\n\
         summary: 1 event, 1 acknowledged, 0 not; 1 attempt\n",
        "message.received",
        l.url,
        w = telhook::ui::EVENT_COLUMN_BASE,
    )))
    .check();
    // 2 and 3. signed here at a fixed time: as sent, and with a newline added after signing
    let body = t.stdout(&[
        "example",
        "telnyx",
        "call.hangup",
        "--seed",
        "8",
        "--at",
        AT,
    ]);
    let mut nl = body.clone();
    nl.push(b'\n');
    for (sent, status) in [(body.clone(), 200), (nl, 403)] {
        let resp = signed(http().post(&l.url), &key, FIXED_TS, &body)
            .body(sent)
            .send()
            .unwrap();
        assert_eq!(resp.status(), status);
    }
    // 4 and 5. send plays Bandwidth's challenge flow
    t.run(&[
        "send",
        "bandwidth",
        "message-delivered",
        "--seed",
        "7",
        "--at",
        AT,
        "--basic-auth",
        "bw:s3cret",
        "--to",
        &l.url,
    ])
    .stdout(Expect::pattern(&format!(
        "bandwidth {event} 1772600766252jzb0cv3m…   #1      {url} 401 [..] ms  ↺ challenged: 401 with WWW-Authenticate; repeating with credentials\n\
         bandwidth {event} 1772600766252jzb0cv3m…   #1+auth {url} 200 [..] ms  ✓ acknowledged\n\
         summary: 1 event, 1 acknowledged, 0 not; 1 attempt\n",
        url = l.url,
        event = format!("{:<w$}", "message-delivered", w = telhook::ui::EVENT_COLUMN_BASE),
    )))
    .check();

    let listening = l.listening.clone().unwrap();
    let stderr = l.stderr.clone();
    let (code, rest) = l.wait();
    assert_eq!(code, Some(1), "the tampered request fails verification");
    assert_eq!(stderr.lock().unwrap().as_str(), "");
    let mut session = vec![without_ports(&serde_json::to_string(&listening).unwrap())];
    let (summary, events) = rest.split_last().unwrap();
    for line in events {
        let mut ev = Event::parse(line);
        ev.received_at = "<received_at>".into();
        session.push(without_ports(&serde_json::to_string(&ev).unwrap()));
    }
    session.push(serde_json::to_string(&Summary::parse(summary)).unwrap());
    crate::support::golden(
        "tests/data/golden/listen.session.jsonl",
        (session.join("\n") + "\n").as_bytes(),
    );
    let capture: Vec<String> = capture(&t).into_iter().map(normalised).collect();
    crate::support::golden(
        "tests/data/golden/listen.capture.jsonl",
        (capture.join("\n") + "\n").as_bytes(),
    );
}

/// Issue 14: a stdout nobody reads (`listen | less`, paused) used to stop the answers once the
/// pipe was full; every later request was captured but never answered.
#[test]
fn a_stdout_nobody_reads_holds_up_no_answer() {
    use std::io::Read;
    let t = Telhook::new();
    let events = 3000;
    let mut child = t
        .std_cmd()
        .args(["listen", "--port", "0", "--capture", "cap.jsonl"])
        .args(["--max-events", &events.to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let _guard = crate::support::ChildGuard::new(child);
    // The address, then nothing more is read until every event is answered.
    let mut first = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).unwrap() == 1 && byte[0] != b'\n' {
        first.push(byte[0]);
    }
    let url = String::from_utf8(first)
        .unwrap()
        .strip_prefix("listening on ")
        .unwrap()
        .to_string();
    // Each line is about 150 bytes: 3,000 of them overflow a 64 KiB pipe many times over.
    t.run(&[
        "send",
        "bandwidth",
        "message-delivered",
        "--to",
        &url,
        "--count",
        &events.to_string(),
        "--concurrency",
        "8",
        "--max-attempts",
        "1",
        "-q",
    ])
    .check();
    let mut printed = String::new();
    stdout.read_to_string(&mut printed).unwrap();
    let mut warnings = String::new();
    stderr.read_to_string(&mut warnings).unwrap();
    let lines = printed.lines().filter(|l| l.ends_with("→ 200")).count();
    assert!(lines < events, "some lines were dropped: {lines}");
    assert!(
        warnings.contains(&format!(
            "{} lines dropped: stdout was not being read",
            events - lines
        )),
        "{warnings}"
    );
    assert_eq!(capture(&t).len(), events, "every request is captured");
}
