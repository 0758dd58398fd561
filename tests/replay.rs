//! `telhook replay`: captures from a real `telhook listen`, payload files, HAR files and stdin,
//! re-delivered to a second listener or an in-test receiver (`support::Receiver`).

use crate::support::{Listener, Receiver, Reply, Telhook, http};
use serde_json::{Value, json};
use std::path::Path;

/// A capture line as `listen --capture` writes it.
fn capture_line(
    received_at: &str,
    provider: &str,
    event: &str,
    id: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> String {
    json!({
        "received_at": received_at,
        "remote_addr": "127.0.0.1:5000",
        "method": "POST",
        "path": "/",
        "query": null,
        "headers": headers,
        "body": body,
        "body_base64": false,
        "provider": provider,
        "event": event,
        "event_id": id,
        "verdict": "accepted",
        "reason": null,
        "status": 200
    })
    .to_string()
}

/// A Bandwidth message-received body with this id.
fn bw_body(id: &str) -> String {
    format!(
        r#"[{{"type":"message-received","time":"2026-01-01T00:00:00Z","description":"Incoming message received","to":"+13035550100","message":{{"id":"{id}","owner":"+13035550100","applicationId":"a","time":"2026-01-01T00:00:00Z","segmentCount":1,"direction":"in","to":["+13035550100"],"from":"+14155550100","text":"hi"}}}}]"#
    )
}

/// Five records: three Bandwidth messages at 10:00, 11:00 and 12:00, and two Telnyx events.
fn mixed_capture(t: &Telhook) -> std::path::PathBuf {
    let bw = [
        ("m1", "2026-01-01T10:00:00Z"),
        ("m2", "2026-01-01T11:00:00Z"),
        ("m3", "2026-01-01T12:00:00Z"),
    ];
    let mut lines: Vec<String> = bw
        .iter()
        .map(|(id, at)| {
            capture_line(
                at,
                "bandwidth",
                "message-received",
                id,
                &[("User-Agent", "BandwidthAPI/v2")],
                &bw_body(id),
            )
        })
        .collect();
    for (id, event) in [("t1", "message.sent"), ("t2", "message.finalized")] {
        let body = format!(
            r#"{{"data":{{"event_type":"{event}","id":"{id}","payload":{{}},"record_type":"event"}},"meta":{{"attempt":1,"delivered_to":"http://x/"}}}}"#
        );
        lines.push(capture_line(
            "2026-01-01T13:00:00Z",
            "telnyx",
            event,
            id,
            &[("User-Agent", "telnyx-webhooks")],
            &body,
        ));
    }
    t.write("cap.jsonl", lines.join("\n") + "\n")
}

fn ids_received(receiver: &Receiver) -> Vec<String> {
    receiver
        .requests()
        .iter()
        .map(|r| {
            let v = r.json();
            v.pointer("/0/message/id")
                .or(v.pointer("/data/id"))
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string()
        })
        .collect()
}

fn replay(t: &Telhook, args: &[&str]) -> std::process::Output {
    t.cmd().arg("replay").args(args).output().unwrap()
}

#[test]
fn a_capture_replayed_arrives_byte_identical_with_fresh_valid_signatures() {
    let t = Telhook::new();
    let (key, public) = t.keygen();
    let key = key.to_str().unwrap();
    let first = Listener::start(
        &t,
        &[
            "--public-key",
            &public,
            "--basic-auth",
            "u:pw",
            "--capture",
            "first.jsonl",
        ],
    );
    for args in [
        vec![
            "send",
            "telnyx",
            "message.sent",
            "message.finalized",
            "--private-key",
            key,
        ],
        vec![
            "send",
            "bandwidth",
            "message-received",
            "--basic-auth",
            "u:pw",
        ],
    ] {
        let out = t
            .cmd()
            .args(&args)
            .args(["--to", &first.url])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let second = Listener::start(
        &t,
        &[
            "--public-key",
            &public,
            "--basic-auth",
            "u:pw",
            "--capture",
            "second.jsonl",
        ],
    );
    let out = replay(
        &t,
        &[
            "first.jsonl",
            "--to",
            &second.url,
            "--private-key",
            key,
            "--basic-auth",
            "u:pw",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("every event met the expectation"),
        "{stdout}"
    );
    assert!(stdout.contains("skipped: challenge halves"), "{stdout}");

    let read = |name: &str| -> Vec<Value> {
        std::fs::read_to_string(t.path(name))
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .filter(|r: &Value| r["verdict"] != "challenged")
            .collect()
    };
    let (before, after) = (read("first.jsonl"), read("second.jsonl"));
    assert_eq!(before.len(), 3);
    assert_eq!(after.len(), 3);
    let now = chrono::Utc::now().timestamp();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a["body"], b["body"], "the bytes arrive unchanged");
        assert_eq!(a["verdict"], "verified", "{a}");
        if a["provider"] == "telnyx" {
            let ts: i64 = a["headers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|h| h[0] == "telnyx-timestamp")
                .and_then(|h| h[1].as_str())
                .unwrap()
                .parse()
                .unwrap();
            assert!((now - ts).abs() <= 5, "signed afresh: {ts} vs {now}");
        }
    }
}

/// A capture of a request signed 1000 s ago, taken by a listener without a tolerance.
fn old_capture(t: &Telhook, key: &str, public: &str) -> String {
    let body =
        r#"{"data":{"event_type":"message.sent","id":"old-1","payload":{},"record_type":"event"}}"#;
    t.write("old.json", body);
    let old = (chrono::Utc::now().timestamp() - 1000).to_string();
    let signed: Value = serde_json::from_slice(&t.stdout(&[
        "sign",
        "--private-key",
        key,
        "--timestamp",
        &old,
        "--format",
        "json",
        "old.json",
    ]))
    .unwrap();
    let taker = Listener::start(
        t,
        &[
            "--public-key",
            public,
            "--no-tolerance",
            "--capture",
            "old.jsonl",
        ],
    );
    let status = http()
        .post(&taker.url)
        .header("content-type", "application/json")
        .header("telnyx-timestamp", signed["timestamp"].as_str().unwrap())
        .header(
            "telnyx-signature-ed25519",
            signed["signature"].as_str().unwrap(),
        )
        .body(body)
        .send()
        .unwrap()
        .status();
    assert_eq!(status, 200);
    "old.jsonl".to_string()
}

#[test]
fn kept_headers_of_an_old_capture_are_rejected_for_their_age_and_fresh_ones_accepted() {
    let t = Telhook::new();
    let (key, public) = t.keygen();
    let key = key.to_str().unwrap();
    let capture = old_capture(&t, key, &public);
    let strict = Listener::start(&t, &["--public-key", &public]);

    let out = replay(
        &t,
        &[
            &capture,
            "--to",
            &strict.url,
            "--keep-headers",
            "--no-retry",
            "--json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let attempt = &lines[0];
    assert_eq!(attempt["type"], "attempt");
    assert_eq!(attempt["source"], "old.jsonl:1");
    assert!(attempt["status"].as_u64().unwrap() >= 400, "{attempt}");
    let seen = strict.line();
    assert!(seen.contains("rejected") && seen.contains("old"), "{seen}");
    let summary = lines.last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["failed"], 1);

    // Signed afresh (the default), the same capture is accepted.
    let out = replay(&t, &[&capture, "--to", &strict.url, "--private-key", key]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(strict.line().contains("verified"));
}

#[test]
fn selection_flags_pick_by_provider_event_id_and_capture_time() {
    let t = Telhook::new();
    mixed_capture(&t);
    let cases: &[(&[&str], &[&str])] = &[
        (&[], &["m1", "m2", "m3", "t1", "t2"]),
        (&["--provider", "telnyx"], &["t1", "t2"]),
        (&["--event", "message.*"], &["t1", "t2"]),
        (
            &["--event", "*-received", "--event", "message.fin*"],
            &["m1", "m2", "m3", "t2"],
        ),
        (&["--id", "m2", "--id", "t1"], &["m2", "t1"]),
        (
            &[
                "--since",
                "2026-01-01T11:00:00Z",
                "--until",
                "2026-01-01T13:00:00Z",
            ],
            &["m2", "m3"],
        ),
    ];
    for (args, want) in cases {
        let receiver = Receiver::answering(|_, _| Reply::status(200));
        let out = replay(&t, &[&["cap.jsonl", "--to", &receiver.url], *args].concat());
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(ids_received(&receiver), *want, "{args:?}");
    }
    // A selection that matches nothing is an error, not a green run.
    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = replay(&t, &["cap.jsonl", "--to", &receiver.url, "--id", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("matched the selection"));
}

#[test]
fn expectations_decide_the_exit_code() {
    let t = Telhook::new();
    mixed_capture(&t);
    let receiver = Receiver::answering(|_, _| Reply::status(500)).expect_hits(5);
    let out = replay(&t, &["cap.jsonl", "--to", &receiver.url, "--no-retry"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("5 of 5 events did not meet the expectation"),
        "{stdout}"
    );
    assert!(stdout.contains("status 500  5"), "{stdout}");
    drop(receiver);

    let receiver = Receiver::answering(|_, _| Reply::status(500)).expect_hits(5);
    let out = replay(&t, &["cap.jsonl", "--to", &receiver.url, "--expect", "500"]);
    assert_eq!(out.status.code(), Some(0));
    drop(receiver);

    // Without --no-retry the provider's rules apply: Bandwidth retries, Telnyx 3 per URL.
    let receiver = Receiver::answering(|_, n| Reply::status(if n == 0 { 503 } else { 204 }));
    let out = replay(
        &t,
        &[
            "cap.jsonl",
            "--to",
            &receiver.url,
            "--id",
            "m1",
            "--backoff",
            "10ms",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(receiver.requests().len(), 2);

    let out = replay(&t, &["cap.jsonl", "--to", &receiver.url, "--expect", "7xx"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn expect_bxml_requires_a_response_document_from_voice_callbacks() {
    let t = Telhook::new();
    let answer = t.stdout(&["example", "bandwidth", "answer", "--seed", "1"]);
    t.write("answer.json", &answer);
    let empty = Receiver::answering(|_, _| Reply::status(204));
    let out = replay(&t, &["answer.json", "--to", &empty.url, "--no-retry"]);
    assert_eq!(out.status.code(), Some(0), "204 is a 2xx");
    let out = replay(
        &t,
        &[
            "answer.json",
            "--to",
            &empty.url,
            "--no-retry",
            "--expect-bxml",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("<Response>"));
    let bxml = Receiver::answering(|_, _| {
        Reply::status(200)
            .body("<?xml version=\"1.0\"?><Response><SpeakSentence>hi</SpeakSentence></Response>")
    });
    let out = replay(&t, &["answer.json", "--to", &bxml.url, "--expect-bxml"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("SpeakSentence"));
}

#[test]
fn junit_and_json_reports_have_one_entry_per_event() {
    let t = Telhook::new();
    mixed_capture(&t);
    let receiver = Receiver::answering(|r, _| {
        Reply::status(if r.json().pointer("/0/message/id") == Some(&json!("m2")) {
            500
        } else {
            200
        })
    });
    let out = replay(
        &t,
        &[
            "cap.jsonl",
            "--to",
            &receiver.url,
            "--no-retry",
            "--report",
            "junit=out.xml",
            "--report",
            "json=out.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let xml = std::fs::read_to_string(t.path("out.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the JUnit report is XML");
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    assert_eq!(cases.len(), 5);
    let failed: Vec<_> = cases
        .iter()
        .filter_map(|c| c.children().find(|n| n.has_tag_name("failure")))
        .collect();
    assert_eq!(failed.len(), 1);
    let message = failed[0].attribute("message").unwrap();
    assert!(
        message.contains("expected 2xx") && message.contains("500"),
        "{message}"
    );
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("5"));
    assert_eq!(suite.attribute("failures"), Some("1"));

    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(t.path("out.json")).unwrap()).unwrap();
    assert_eq!(report["events"].as_array().unwrap().len(), 5);
    assert_eq!(report["summary"]["failed"], 1);
    assert_eq!(report["events"][1]["id"], "m2");
    assert_eq!(report["events"][1]["acknowledged"], false);
    assert_eq!(report["events"][1]["source"], "cap.jsonl:2");
}

#[test]
fn har_files_replay_their_post_requests_byte_for_byte() {
    let t = Telhook::new();
    let body = bw_body("h1");
    let har = json!({"log": {"version": "1.2", "creator": {"name": "ngrok", "version": "3"}, "entries": [
        {"startedDateTime": "2026-01-01T00:00:00.000Z",
         "request": {"method": "GET", "url": "https://x.ngrok.app/", "headers": [], "httpVersion": "HTTP/1.1"}},
        {"startedDateTime": "2026-01-01T00:00:01.000Z",
         "request": {"method": "POST", "url": "https://x.ngrok.app/hook", "httpVersion": "HTTP/1.1",
            "headers": [{"name": "User-Agent", "value": "BandwidthAPI/v2"}, {"name": "X-Trace", "value": "abc"}],
            "postData": {"mimeType": "application/json; charset=utf-8", "text": body}}}
    ]}});
    t.write("session.har", har.to_string());
    let receiver = Receiver::answering(|_, _| Reply::status(204)).expect_hits(1);
    let out = replay(&t, &["session.har", "--to", &receiver.url]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = &receiver.requests()[0];
    assert_eq!(got.body, body.as_bytes());
    assert_eq!(got.header("user-agent"), Some("BandwidthAPI/v2"));
    assert_eq!(
        got.header("x-trace"),
        None,
        "only --keep-headers sends captured headers"
    );
    drop(receiver);

    let receiver = Receiver::answering(|_, _| Reply::status(204));
    let out = replay(
        &t,
        &["session.har", "--to", &receiver.url, "--keep-headers"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(receiver.requests()[0].header("x-trace"), Some("abc"));
}

#[test]
fn malformed_records_are_named_and_skipped_or_stop_a_strict_run() {
    let t = Telhook::new();
    let cap = std::fs::read_to_string(mixed_capture(&t)).unwrap();
    let mut lines: Vec<&str> = cap.lines().collect();
    lines.insert(1, "{\"received_at\": 3, \"body\": \"x\", \"headers\": []}");
    lines.insert(3, "not json at all");
    t.write("bad.jsonl", lines.join("\n"));
    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = replay(
        &t,
        &[
            "bad.jsonl",
            "--to",
            &receiver.url,
            "--report",
            "junit=r.xml",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bad.jsonl:2: not a capture record"),
        "{stderr}"
    );
    assert!(stderr.contains("bad.jsonl:4: not JSON"), "{stderr}");
    assert_eq!(receiver.requests().len(), 5);
    let xml = std::fs::read_to_string(t.path("r.xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert_eq!(
        doc.descendants()
            .filter(|n| n.has_tag_name("error"))
            .count(),
        2
    );
    drop(receiver);

    let receiver = Receiver::answering(|_, _| Reply::status(200));
    // --strict is the old spelling of --stop-on-malformed, kept for one release.
    for flag in ["--stop-on-malformed", "--strict"] {
        let out = replay(&t, &["bad.jsonl", "--to", &receiver.url, flag]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("--stop-on-malformed") && stderr.contains("bad.jsonl:2"),
            "{stderr}"
        );
    }
    assert_eq!(
        receiver.requests().len(),
        2,
        "each run stops at the bad record"
    );
}

#[test]
fn twice_shuffle_directories_and_stdin() {
    let t = Telhook::new();
    mixed_capture(&t);
    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = replay(
        &t,
        &[
            "cap.jsonl",
            "--to",
            &receiver.url,
            "--twice",
            "--provider",
            "telnyx",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ids_received(&receiver), ["t1", "t1", "t2", "t2"]);
    drop(receiver);

    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = replay(
        &t,
        &[
            "cap.jsonl",
            "--to",
            &receiver.url,
            "--shuffle",
            "--seed",
            "7",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let shuffled = ids_received(&receiver);
    assert_ne!(shuffled, ["m1", "m2", "m3", "t1", "t2"]);
    let mut sorted = shuffled.clone();
    sorted.sort();
    assert_eq!(sorted, ["m1", "m2", "m3", "t1", "t2"]);
    drop(receiver);
    let receiver = Receiver::answering(|_, _| Reply::status(200));
    replay(
        &t,
        &[
            "cap.jsonl",
            "--to",
            &receiver.url,
            "--shuffle",
            "--seed",
            "7",
        ],
    );
    assert_eq!(
        ids_received(&receiver),
        shuffled,
        "a seed repeats the order"
    );
    drop(receiver);

    // A directory: walked recursively in name order; the payload files go as their bytes.
    std::fs::create_dir_all(t.path("d/sub")).unwrap();
    std::fs::write(t.path("d/b.json"), bw_body("d2")).unwrap();
    std::fs::write(t.path("d/a.json"), bw_body("d1")).unwrap();
    std::fs::write(t.path("d/sub/c.json"), bw_body("d3")).unwrap();
    std::fs::write(t.path("d/notes.txt"), "ignored").unwrap();
    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = replay(&t, &["d", "--to", &receiver.url]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ids_received(&receiver), ["d1", "d2", "d3"]);
    assert_eq!(receiver.requests()[0].body, bw_body("d1").as_bytes());
    drop(receiver);

    let receiver = Receiver::answering(|_, _| Reply::status(200));
    let out = t
        .cmd()
        .args(["replay", "-", "--to", &receiver.url])
        .write_stdin(std::fs::read(t.path("cap.jsonl")).unwrap())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ids_received(&receiver).len(), 5);
}

#[test]
fn bad_invocations_exit_2_with_the_fix() {
    let t = Telhook::new();
    mixed_capture(&t);
    for (args, needle) in [
        (
            vec!["missing.jsonl", "--to", "http://127.0.0.1:9/"],
            "missing.jsonl",
        ),
        (vec!["cap.jsonl", "--to", "ftp://x/"], "only http and https"),
        (
            vec![
                "cap.jsonl",
                "--to",
                "http://127.0.0.1:9/",
                "--report",
                "junit=nodir/r.xml",
            ],
            "nodir",
        ),
        (
            vec![
                "cap.jsonl",
                "--to",
                "http://127.0.0.1:9/",
                "--report",
                "html=r",
            ],
            "junit or json",
        ),
    ] {
        let out = replay(&t, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
    }
    assert!(!Path::new(&t.path("r")).exists());
}
