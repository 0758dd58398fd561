//! `telhook send` against an in-test receiver (`support::Receiver`) on an ephemeral port, and
//! end to end against `telhook listen`.

use crate::support::{AT, Listener, Receiver, Recorded, Reply, Telhook};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use telhook::signing::{PrivateKey, PublicKey};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Attempt {
    #[serde(rename = "type")]
    kind: String,
    provider: String,
    event: Option<String>,
    id: Option<String>,
    attempt: u32,
    url: String,
    failover: bool,
    authorization: bool,
    status: Option<u16>,
    latency_ms: f64,
    verdict: String,
    reason: Option<String>,
    verbs: Vec<String>,
    next: String,
    retry_in_ms: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Percentiles {
    p50: Option<f64>,
    p90: Option<f64>,
    p99: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    #[serde(rename = "type")]
    kind: String,
    events: u64,
    acknowledged: u64,
    failed: u64,
    attempts: u64,
    requests: u64,
    failures: BTreeMap<String, u64>,
    elapsed_s: f64,
    throughput_per_s: f64,
    latency_ms: Percentiles,
}

/// A `send --json` run: exit code, attempt lines, the summary, stderr.
struct Run {
    code: i32,
    attempts: Vec<Attempt>,
    summary: Summary,
    stderr: String,
}

const KEY_SEED: [u8; 32] = [42u8; 32];

/// A key file in the working directory and the matching public key.
fn key(t: &Telhook) -> PublicKey {
    let k = PrivateKey::from_seed(&KEY_SEED);
    t.write("telnyx.key", k.to_file_text());
    k.public()
}

#[track_caller]
fn send_json(t: &Telhook, args: &[&str]) -> Run {
    let out = t
        .cmd()
        .arg("send")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut attempts = Vec::new();
    let mut summary = None;
    for line in stdout.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        match v["type"].as_str() {
            Some("attempt") => attempts.push(serde_json::from_value::<Attempt>(v).unwrap()),
            Some("summary") => summary = Some(serde_json::from_value::<Summary>(v).unwrap()),
            other => panic!("unexpected line type {other:?}: {line}"),
        }
    }
    for a in &attempts {
        assert_eq!(a.kind, "attempt");
        assert!(a.latency_ms >= 0.0);
    }
    let summary = summary.unwrap_or_else(|| panic!("no summary in {stdout}"));
    assert_eq!(summary.kind, "summary");
    Run {
        code: out.status.code().unwrap(),
        attempts,
        summary,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The signature headers of a received request verify over exactly the bytes received.
#[track_caller]
fn assert_signed(r: &Recorded, key: &PublicKey) {
    let problems = telhook::telnyx::verify(&telhook::telnyx::VerifyRequest {
        body: &r.body,
        signature: r.header("telnyx-signature-ed25519"),
        timestamp: r.header("telnyx-timestamp"),
        key: Ok(*key),
        now: chrono::Utc::now().timestamp(),
        tolerance: Some(300),
        other_keys: &[],
    });
    assert!(problems.is_empty(), "{problems:?}");
}

fn event_type(r: &Recorded) -> String {
    r.json()["data"]["event_type"].as_str().unwrap().to_string()
}

#[test]
fn telnyx_delivery_is_signed_over_the_bytes_received_with_the_documented_headers() {
    let t = Telhook::new();
    let public = key(&t);
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(1);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.received",
            "--to",
            &rx.url,
            "--private-key",
            "telnyx.key",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let r = &rx.requests()[0];
    assert_signed(r, &public);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.header("user-agent"), Some("telnyx-webhooks"));
    assert_eq!(r.header("authorization"), None);
    assert_eq!(r.path, "/hook");
    let body = r.json();
    assert_eq!(body["meta"]["attempt"], 1);
    assert_eq!(body["meta"]["delivered_to"], rx.url.as_str());
    // The bytes are Telnyx's layout: sorted keys, two-space indent, no trailing newline.
    assert_eq!(r.body, telhook::telnyx::to_wire(&body));
    let a = &run.attempts[0];
    assert_eq!(
        (
            a.provider.as_str(),
            a.event.as_deref(),
            a.attempt,
            a.status,
            a.verdict.as_str()
        ),
        (
            "telnyx",
            Some("message.received"),
            1,
            Some(200),
            "acknowledged"
        )
    );
    assert_eq!(a.id.as_deref(), body["data"]["id"].as_str());
    assert_eq!(
        (a.url.as_str(), a.failover, a.authorization),
        (rx.url.as_str(), false, false)
    );
    assert_eq!(
        (a.next.as_str(), a.reason.as_deref(), a.retry_in_ms),
        ("done", None, None)
    );
    assert!(a.verbs.is_empty());
    assert_eq!(
        (
            run.summary.events,
            run.summary.acknowledged,
            run.summary.failed,
            run.summary.attempts,
            run.summary.requests
        ),
        (1, 1, 0, 1, 1)
    );
    assert!(run.summary.failures.is_empty());
    assert!(run.summary.elapsed_s > 0.0 && run.summary.throughput_per_s > 0.0);
    assert!(run.summary.latency_ms.p50.is_some() && run.summary.latency_ms.p90.is_some());
    assert!(run.summary.latency_ms.p99.is_some());
}

#[test]
fn each_attempt_is_numbered_stamped_and_signed_afresh() {
    let t = Telhook::new();
    let public = key(&t);
    let rx = Receiver::script(vec![
        Reply::status(500),
        Reply::status(503),
        Reply::status(204),
    ])
    .expect_hits(3);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.finalized",
            "--to",
            &rx.url,
            "--private-key",
            "telnyx.key",
            "--backoff",
            "20ms",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let reqs = rx.requests();
    let mut signatures = Vec::new();
    for (i, r) in reqs.iter().enumerate() {
        assert_signed(r, &public);
        assert_eq!(r.json()["meta"]["attempt"], i as u64 + 1);
        signatures.push(r.header("telnyx-signature-ed25519").unwrap().to_string());
    }
    signatures.dedup();
    assert_eq!(signatures.len(), 3, "every attempt has its own signature");
    // Same event, same id, every time.
    let ids: Vec<Value> = reqs
        .iter()
        .map(|r| r.json()["data"]["id"].clone())
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]));
    type Step<'a> = (u32, Option<u16>, &'a str, &'a str, Option<u64>);
    let summary: Vec<Step> = run
        .attempts
        .iter()
        .map(|a| {
            (
                a.attempt,
                a.status,
                a.verdict.as_str(),
                a.next.as_str(),
                a.retry_in_ms,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, Some(500), "failed", "retry", Some(20)),
            (2, Some(503), "failed", "retry", Some(40)),
            (3, Some(204), "acknowledged", "done", None),
        ]
    );
    assert_eq!(
        run.attempts[0].reason.as_deref(),
        Some("status 500, expected 2xx")
    );
    assert_eq!((run.summary.attempts, run.summary.acknowledged), (3, 1));
}

#[test]
fn three_attempts_on_the_primary_then_the_failover_url() {
    let t = Telhook::new();
    key(&t);
    let primary = Receiver::script(vec![Reply::status(503)]).expect_hits(3);
    let failover = Receiver::script(vec![Reply::status(500), Reply::status(200)]).expect_hits(2);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "--to",
            &primary.url,
            "--failover-url",
            &failover.url,
            "--private-key",
            "telnyx.key",
            "--backoff",
            "10ms",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let order: Vec<(u32, &str, bool, &str)> = run
        .attempts
        .iter()
        .map(|a| (a.attempt, a.url.as_str(), a.failover, a.next.as_str()))
        .collect();
    let (p, f) = (primary.url.as_str(), failover.url.as_str());
    assert_eq!(
        order,
        vec![
            (1, p, false, "retry"),
            (2, p, false, "retry"),
            (3, p, false, "failover"),
            (4, f, true, "retry"),
            (5, f, true, "done"),
        ]
    );
    for r in primary.requests() {
        assert_eq!(r.json()["meta"]["delivered_to"], p);
    }
    let f_reqs = failover.requests();
    assert_eq!(f_reqs[0].json()["meta"]["delivered_to"], f);
    assert_eq!(f_reqs[1].json()["meta"]["attempt"], 5);
}

#[test]
fn exhausted_attempts_exit_1_with_the_reason_of_the_last() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(500)]).expect_hits(3);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "--to",
            &rx.url,
            "--no-signature",
            "--backoff",
            "5ms",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    assert_eq!(run.attempts.last().unwrap().next, "give-up");
    assert_eq!(run.summary.failed, 1);
    assert_eq!(
        run.summary.failures,
        BTreeMap::from([("status 500".to_string(), 1)])
    );
    // --no-signature sends no signature headers.
    assert_eq!(rx.requests()[0].header("telnyx-signature-ed25519"), None);
    assert_eq!(rx.requests()[0].header("telnyx-timestamp"), None);
}

#[test]
fn a_redirect_is_a_failure_and_is_not_followed() {
    let t = Telhook::new();
    let other = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let rx =
        Receiver::script(vec![Reply::status(302).header("Location", &other.url)]).expect_hits(1);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "--to",
            &rx.url,
            "--no-signature",
            "--max-attempts",
            "1",
        ],
    );
    assert_eq!(run.code, 1);
    let a = &run.attempts[0];
    assert_eq!((a.status, a.verdict.as_str()), (Some(302), "failed"));
    assert_eq!(
        a.reason.as_deref(),
        Some("redirect 302 (not followed; telnyx counts it as a failure)")
    );
}

#[test]
fn an_answer_slower_than_two_seconds_is_a_failed_telnyx_attempt() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(200).delay_ms(2600)]).expect_hits(1);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "--to",
            &rx.url,
            "--no-signature",
            "--max-attempts",
            "1",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (1, ""));
    let a = &run.attempts[0];
    assert_eq!((a.status, a.verdict.as_str()), (None, "timeout"));
    assert_eq!(a.reason.as_deref(), Some("no answer within 2 s"));
    assert!(
        a.latency_ms >= 1990.0 && a.latency_ms < 2600.0,
        "{}",
        a.latency_ms
    );
}

#[test]
fn an_unreachable_url_is_a_failed_delivery_not_an_error() {
    let t = Telhook::new();
    let port = crate::support::closed_port();
    let url = format!("http://127.0.0.1:{port}/");
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "--to",
            &url,
            "--no-signature",
            "--max-attempts",
            "1",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.attempts[0].verdict, "unreachable");
    assert!(
        run.attempts[0]
            .reason
            .as_deref()
            .unwrap()
            .contains("refused"),
        "{:?}",
        run.attempts[0].reason
    );
}

/// A receiver that plays a Bandwidth app protected by Basic auth.
fn basic_auth_receiver(user: &'static str, pass: &'static str, ok: Reply) -> Receiver {
    use base64::Engine as _;
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"))
    );
    Receiver::answering(move |r, _| match r.header("authorization") {
        Some(a) if a == expected => ok.clone(),
        _ => Reply::challenge(),
    })
}

#[test]
fn bandwidth_challenge_flow_sends_credentials_only_after_a_401_with_www_authenticate() {
    let t = Telhook::new();
    let rx = basic_auth_receiver("app", "s3cret-pw", Reply::status(200)).expect_hits(2);
    let run = send_json(
        &t,
        &[
            "bandwidth",
            "message-delivered",
            "--to",
            &rx.url,
            "--basic-auth",
            "app:s3cret-pw",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let reqs = rx.requests();
    assert_eq!(reqs[0].header("authorization"), None);
    assert_eq!(
        reqs[1].header("authorization"),
        Some("Basic YXBwOnMzY3JldC1wdw==")
    );
    assert_eq!(
        reqs[0].body, reqs[1].body,
        "the challenge answer repeats the same body"
    );
    let steps: Vec<(u32, bool, Option<u16>, &str, &str)> = run
        .attempts
        .iter()
        .map(|a| {
            (
                a.attempt,
                a.authorization,
                a.status,
                a.verdict.as_str(),
                a.next.as_str(),
            )
        })
        .collect();
    assert_eq!(
        steps,
        vec![
            (1, false, Some(401), "challenged", "answer-challenge"),
            (1, true, Some(200), "acknowledged", "done"),
        ]
    );
    assert_eq!((run.summary.attempts, run.summary.requests), (1, 2));
}

#[test]
fn a_401_without_www_authenticate_is_reported_as_a_dropped_callback() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(401)]).expect_hits(1);
    let out = t
        .cmd()
        .args([
            "send",
            "bandwidth",
            "message-delivered",
            "--to",
            &rx.url,
            "--basic-auth",
            "app:pw",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("✗ dropped: 401 without WWW-Authenticate; bandwidth would drop this callback · giving up"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with(
            "summary: 1 event, 0 acknowledged, 1 not (1 401 without WWW-Authenticate); 1 attempt\n"
        ),
        "{stdout}"
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}

#[test]
fn a_wrong_password_is_retried_and_never_printed() {
    let t = Telhook::new();
    let rx = basic_auth_receiver("app", "right", Reply::status(200)).expect_hits(4);
    let out = t
        .cmd()
        .args([
            "send",
            "bandwidth",
            "message-delivered",
            "--to",
            &rx.url,
            "--basic-auth",
            "app:WrongPassw0rd",
            "--max-attempts",
            "2",
            "--backoff",
            "5ms",
            "-v",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stdout
            .matches("✗ unauthorized: 401 to the request with credentials")
            .count(),
        2,
        "{stdout}"
    );
    // -v shows the headers, with the Authorization value redacted.
    assert!(
        stderr.contains("> Authorization: Basic <redacted>"),
        "{stderr}"
    );
    assert!(
        stderr.contains("< www-authenticate: Basic realm=\"test\""),
        "{stderr}"
    );
    for text in [&stdout, &stderr] {
        assert!(!text.contains("WrongPassw0rd"));
        assert!(
            !text.contains("YXBwOldyb25nUGFzc3cwcmQ"),
            "base64 of the credentials leaked"
        );
    }
}

#[test]
fn bandwidth_messaging_is_an_array_and_voice_a_single_object_with_documented_headers() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(204)]).expect_hits(2);
    let run = send_json(
        &t,
        &[
            "bandwidth",
            "message-received",
            "disconnect",
            "--to",
            &rx.url,
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let reqs = rx.requests();
    let messaging = reqs[0].json();
    assert_eq!(messaging.as_array().map(Vec::len), Some(1));
    assert_eq!(messaging[0]["type"], "message-received");
    assert_eq!(reqs[0].header("user-agent"), Some("BandwidthAPI/v2"));
    assert_eq!(
        reqs[0].header("content-type"),
        Some("application/json; charset=utf-8")
    );
    // Compact JSON, as Bandwidth sends it.
    assert_eq!(reqs[0].body, serde_json::to_vec(&messaging).unwrap());
    let voice = reqs[1].json();
    assert!(voice.is_object());
    assert_eq!(voice["eventType"], "disconnect");
    assert_eq!(reqs[1].header("user-agent"), Some("BandwidthAPI/v2"));
    // No signature headers for Bandwidth.
    assert_eq!(reqs[0].header("telnyx-signature-ed25519"), None);
}

#[test]
fn bxml_replies_are_checked_and_their_verbs_listed() {
    let t = Telhook::new();
    let cases: &[(&str, Reply, &str, Option<&str>)] = &[
        (
            "gather",
            Reply::status(200).body("<?xml version=\"1.0\"?><Response><SpeakSentence>Thanks</SpeakSentence><Hangup/></Response>"),
            "acknowledged",
            None,
        ),
        ("gather", Reply::status(200), "bad-reply", Some("no reply body; expected a <Response> document")),
        ("answer", Reply::status(200).body("<Response><Gather>"), "bad-reply", Some("reply is not well-formed XML")),
        ("initiate", Reply::status(200).body("<Bxml><Hangup/></Bxml>"), "bad-reply", Some("reply root is <Bxml>; expected <Response>")),
        ("redirect", Reply::status(204), "bad-reply", Some("answered 204; this callback needs 200 with a <Response> document")),
        ("disconnect", Reply::status(204), "acknowledged", None),
        ("disconnect", Reply::status(202), "failed", Some("status 202, expected 200,201,204")),
        ("conferenceCreated", Reply::status(204), "acknowledged", None),
    ];
    for (event, reply, verdict, reason) in cases {
        // A bad BXML reply is not retried (the same reply would come back); a wrong status is.
        let hits = if *verdict == "failed" { 2 } else { 1 };
        let rx = Receiver::script(vec![reply.clone()]).expect_hits(hits);
        let run = send_json(
            &t,
            &[
                "bandwidth",
                event,
                "--to",
                &rx.url,
                "--max-attempts",
                "2",
                "--backoff",
                "5ms",
            ],
        );
        let a = &run.attempts[0];
        assert_eq!(a.verdict, *verdict, "{event}");
        match reason {
            Some(r) => assert!(
                a.reason.as_deref().unwrap().starts_with(r),
                "{event}: {:?}",
                a.reason
            ),
            None => assert_eq!(a.reason, None),
        }
        assert_eq!(
            run.code,
            if *verdict == "acknowledged" { 0 } else { 1 },
            "{event}"
        );
    }
    // The verbs of an accepted reply, in the text output too.
    let rx = Receiver::script(vec![
        Reply::status(200).body("<Response><SpeakSentence>Hi</SpeakSentence><Gather/></Response>"),
    ]);
    let out = t
        .cmd()
        .args(["send", "bandwidth", "answer", "--to", &rx.url])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("✓ acknowledged · BXML: SpeakSentence, Gather"),
        "{stdout}"
    );
    let rx = Receiver::script(vec![
        Reply::status(200).body("<Response><Hangup/></Response>"),
    ]);
    let run = send_json(&t, &["bandwidth", "answer", "--to", &rx.url]);
    assert_eq!(run.attempts[0].verbs, ["Hangup"]);
}

#[test]
fn duplicates_deliver_the_same_event_again_with_the_same_id() {
    let t = Telhook::new();
    let public = key(&t);
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(3);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.finalized",
            "--duplicate",
            "2",
            "--to",
            &rx.url,
            "--private-key",
            "telnyx.key",
        ],
    );
    assert_eq!((run.code, run.summary.events), (0, 3));
    let reqs = rx.requests();
    let ids: Vec<Value> = reqs
        .iter()
        .map(|r| r.json()["data"]["id"].clone())
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]));
    for r in &reqs {
        assert_signed(r, &public);
        assert_eq!(
            r.json()["meta"]["attempt"],
            1,
            "a duplicate is a new delivery, not a retry"
        );
    }
}

#[test]
fn shuffle_changes_the_order_and_a_seed_fixes_it() {
    let t = Telhook::new();
    let events = [
        "message.sent",
        "message.finalized",
        "call.answered",
        "call.hangup",
    ];
    let order = |seed: &str| -> Vec<String> {
        let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(4);
        let mut args = vec!["telnyx"];
        args.extend(events);
        args.extend([
            "--shuffle",
            "--seed",
            seed,
            "--no-signature",
            "--to",
            &rx.url,
        ]);
        let run = send_json(&t, &args);
        assert_eq!(run.code, 0);
        rx.requests().iter().map(event_type).collect()
    };
    let first = order("7");
    assert_ne!(first, events);
    let mut sorted = first.clone();
    sorted.sort();
    let mut expected: Vec<String> = events.iter().map(|e| e.to_string()).collect();
    expected.sort();
    assert_eq!(sorted, expected, "the same events, each once");
    assert_eq!(order("7"), first);
}

#[test]
fn telnyx_flows_share_the_message_and_call_ids_in_order() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(5);
    for flow in ["outbound-message", "call"] {
        let run = send_json(
            &t,
            &["telnyx", "--flow", flow, "--no-signature", "--to", &rx.url],
        );
        assert_eq!(run.code, 0);
    }
    let reqs = rx.requests();
    let types: Vec<String> = reqs.iter().map(event_type).collect();
    assert_eq!(
        types,
        [
            "message.sent",
            "message.finalized",
            "call.initiated",
            "call.answered",
            "call.hangup"
        ]
    );
    let bodies: Vec<Value> = reqs.iter().map(Recorded::json).collect();
    let p = |i: usize, ptr: &str| bodies[i].pointer(ptr).cloned().unwrap();
    assert_eq!(p(0, "/data/payload/id"), p(1, "/data/payload/id"));
    assert_ne!(
        p(0, "/data/id"),
        p(1, "/data/id"),
        "each event has its own id"
    );
    assert_eq!(
        p(0, "/data/payload/received_at"),
        p(1, "/data/payload/received_at")
    );
    assert_eq!(p(1, "/data/payload/to/0/status"), "delivered");
    for ptr in [
        "/data/payload/call_control_id",
        "/data/payload/call_session_id",
        "/data/payload/start_time",
    ] {
        assert_eq!(p(2, ptr), p(3, ptr), "{ptr}");
        assert_eq!(p(3, ptr), p(4, ptr), "{ptr}");
    }
    for pair in [(0, 1), (2, 3), (3, 4)] {
        let a = p(pair.0, "/data/occurred_at");
        let b = p(pair.1, "/data/occurred_at");
        assert!(a.as_str().unwrap() < b.as_str().unwrap(), "{a} then {b}");
    }
}

#[test]
fn bandwidth_flows_outbound_mms_group_fan_out_and_a_call() {
    let t = Telhook::new();
    let rx = Receiver::answering(|r, _| {
        let v = r.json();
        let needs_bxml =
            ["initiate", "answer", "gather"].contains(&v["eventType"].as_str().unwrap_or(""));
        if needs_bxml {
            Reply::status(200).body("<Response><Pause duration=\"1\"/></Response>")
        } else {
            Reply::status(204)
        }
    })
    .expect_hits(8);
    for flow in ["outbound-mms", "inbound-group", "call"] {
        let run = send_json(&t, &["bandwidth", "--flow", flow, "--to", &rx.url]);
        assert_eq!(run.code, 0, "{flow}");
    }
    let bodies: Vec<Value> = rx.requests().iter().map(Recorded::json).collect();
    // outbound MMS: sending, then delivered, the same message.
    assert_eq!(bodies[0][0]["type"], "message-sending");
    assert_eq!(bodies[1][0]["type"], "message-delivered");
    assert_eq!(bodies[0][0]["message"]["id"], bodies[1][0]["message"]["id"]);
    assert_eq!(
        bodies[0][0]["message"]["time"],
        bodies[1][0]["message"]["time"]
    );
    assert!(bodies[0][0]["time"].as_str() < bodies[1][0]["time"].as_str());
    // group fan-out: one callback per owned recipient, each with its own id.
    assert_eq!(bodies[2][0]["type"], "message-received");
    assert_eq!(bodies[3][0]["type"], "message-received");
    assert_ne!(bodies[2][0]["message"]["id"], bodies[3][0]["message"]["id"]);
    assert_ne!(bodies[2][0]["to"], bodies[3][0]["to"]);
    assert_eq!(bodies[2][0]["message"]["to"], bodies[3][0]["message"]["to"]);
    // the call: one callId, in order.
    let call: Vec<&Value> = bodies[4..].iter().collect();
    let types: Vec<&str> = call
        .iter()
        .map(|b| b["eventType"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["initiate", "answer", "gather", "disconnect"]);
    assert!(call.iter().all(|b| b["callId"] == call[0]["callId"]));
    assert!(call.iter().all(|b| b["startTime"] == call[0]["startTime"]));
    assert_eq!(call[1]["answerTime"], call[3]["answerTime"]);
    for w in call.windows(2) {
        assert!(w[0]["eventTime"].as_str() < w[1]["eventTime"].as_str());
    }
}

#[test]
fn data_is_sent_byte_for_byte_and_signed() {
    let t = Telhook::new();
    let public = key(&t);
    let body = b"{ \"data\": {\"event_type\": \"message.sent\", \"id\": \"abc\"} ,\"x\":1}\r\n";
    t.write("body.json", body);
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(1);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "--data",
            "body.json",
            "--to",
            &rx.url,
            "--private-key",
            "telnyx.key",
        ],
    );
    assert_eq!(run.code, 0);
    let r = &rx.requests()[0];
    assert_eq!(r.body, body);
    assert_signed(r, &public);
    assert_eq!(run.attempts[0].event.as_deref(), Some("message.sent"));
    assert_eq!(run.attempts[0].id.as_deref(), Some("abc"));
    // stdin works the same way.
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(1);
    t.cmd()
        .args(["send", "bandwidth", "--data", "-", "--to", &rx.url])
        .write_stdin("[not json")
        .assert()
        .success();
    assert_eq!(rx.requests()[0].body, b"[not json");
}

#[test]
fn all_sends_every_event_of_the_provider() {
    let t = Telhook::new();
    let n = telhook::Provider::Bandwidth.events().len();
    let rx = Receiver::answering(|r, _| {
        // BXML for every voice event; it is accepted by those that take none too.
        if r.body.first() == Some(&b'{') {
            Reply::status(200).body("<Response/>")
        } else {
            Reply::status(200)
        }
    })
    .expect_hits(n);
    let run = send_json(&t, &["bandwidth", "--all", "--to", &rx.url]);
    assert_eq!((run.code, run.summary.events as usize), (0, n));
    let mut seen: Vec<String> = run
        .attempts
        .iter()
        .map(|a| a.event.clone().unwrap())
        .collect();
    seen.dedup();
    assert_eq!(seen.len(), n);
}

#[test]
fn dry_run_prints_requests_and_sends_nothing() {
    let t = Telhook::new();
    key(&t);
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let out = t
        .cmd()
        .args([
            "send",
            "telnyx",
            "message.sent",
            "--to",
            &rx.url,
            "--private-key",
            "telnyx.key",
            "--dry-run",
            "--seed",
            "1",
            "--at",
            AT,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some(format!("POST {} HTTP/1.1", rx.url).as_str())
    );
    assert_eq!(lines.next(), Some("content-type: application/json"));
    assert_eq!(lines.next(), Some("user-agent: telnyx-webhooks"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("telnyx-signature-ed25519: ")
    );
    assert!(lines.next().unwrap().starts_with("telnyx-timestamp: "));
    assert_eq!(lines.next(), Some(""));
    assert_eq!(lines.next(), Some("{"));
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");

    // curl form, with Basic credentials read from the environment, never printed.
    let out = t
        .cmd()
        .args([
            "send",
            "bandwidth",
            "message-sending",
            "--to",
            &rx.url,
            "--basic-auth",
            "u:TopSecret",
            "--dry-run",
            "--format",
            "curl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with(&format!("curl -sS -X POST '{}' \\\n  -H 'content-type: application/json; charset=utf-8' \\\n  -H 'user-agent: BandwidthAPI/v2' \\\n  --anyauth --user \"$TELHOOK_BASIC_AUTH\" \\\n  --data-binary '[{{", rx.url)), "{stdout}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("read the credentials from $TELHOOK_BASIC_AUTH"));
    assert!(!stdout.contains("TopSecret") && !stderr.contains("TopSecret"));
}

#[test]
fn extra_headers_are_added_and_replace_the_providers() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(1);
    let run = send_json(
        &t,
        &[
            "bandwidth",
            "message-sent",
            "--to",
            &rx.url,
            "-H",
            "X-Trace: abc",
            "-H",
            "User-Agent: custom/1",
        ],
    );
    assert_eq!(run.code, 0);
    let r = &rx.requests()[0];
    assert_eq!(r.header("x-trace"), Some("abc"));
    assert_eq!(r.header("user-agent"), Some("custom/1"));
}

#[test]
fn without_a_key_the_users_default_pair_signs_made_once_and_said_so() {
    let t = Telhook::new();
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(2);
    let pair = t.path(".config/telhook/telnyx.key");
    let send = || {
        t.cmd()
            .args(["send", "telnyx", "call.answered", "--to", &rx.url, "-q"])
            .output()
            .unwrap()
    };
    let first = send();
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&first.stdout),
        "",
        "-q: nothing failed"
    );
    let public = std::fs::read_to_string(t.path(".config/telhook/telnyx.pub")).unwrap();
    let public = PublicKey::parse(public.trim()).unwrap();
    assert_signed(&rx.requests()[0], &public);
    // Said on stderr, unless -q: the note is not data.
    assert_eq!(String::from_utf8_lossy(&first.stderr), "");
    let second = t
        .cmd()
        .args(["send", "telnyx", "call.answered", "--to", &rx.url])
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&second.stderr),
        format!(
            "telhook: signing Telnyx events with your default key pair in {} (public key {})\n",
            pair.parent().unwrap().display(),
            public.to_base64()
        ),
        "the same pair, not made again"
    );
    assert_signed(&rx.requests()[1], &public);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&pair).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn load_mode_sends_count_events_with_fresh_ids_and_reports_percentiles() {
    let t = Telhook::new();
    let public = key(&t);
    let rx = Receiver::script(vec![Reply::status(200)]).expect_hits(60);
    let run = send_json(
        &t,
        &[
            "telnyx",
            "message.sent",
            "message.finalized",
            "--count",
            "60",
            "--concurrency",
            "4",
            "--private-key",
            "telnyx.key",
            "--to",
            &rx.url,
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!((run.summary.events, run.summary.acknowledged), (60, 60));
    // Under --json every attempt has its line, so a program can tell per event whether it was
    // acknowledged (benches/lossless.sh compares them with a capture).
    assert_eq!(run.attempts.len(), 60);
    assert!(
        run.attempts
            .iter()
            .all(|a| a.verdict == "acknowledged" && a.next == "done" && a.status == Some(200))
    );
    let p = &run.summary.latency_ms;
    assert!(p.p50.unwrap() <= p.p90.unwrap() && p.p90.unwrap() <= p.p99.unwrap());
    let reqs = rx.requests();
    let mut ids: Vec<String> = reqs
        .iter()
        .map(|r| r.json()["data"]["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 60, "every event has a fresh id");
    let mut acknowledged: Vec<String> = run.attempts.iter().filter_map(|a| a.id.clone()).collect();
    acknowledged.sort();
    assert_eq!(acknowledged, ids, "the attempt lines name the ids received");
    let sent = reqs
        .iter()
        .filter(|r| event_type(r) == "message.sent")
        .count();
    assert_eq!(sent, 30, "the events alternate");
    for r in &reqs {
        assert_signed(r, &public);
    }
}

/// A receiver that answers 500, then 200, then 500, and so on.
fn every_other_fails() -> Receiver {
    Receiver::answering(|_, n| {
        if n % 2 == 0 {
            Reply::status(500)
        } else {
            Reply::status(200)
        }
    })
}

#[test]
fn load_mode_prints_the_failures_and_exits_1() {
    let t = Telhook::new();
    let rx = every_other_fails();
    let run = send_json(
        &t,
        &[
            "bandwidth",
            "message-delivered",
            "--count",
            "10",
            "--max-attempts",
            "1",
            "--to",
            &rx.url,
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.attempts.len(), 10, "every attempt under --json");
    let failed: Vec<_> = run
        .attempts
        .iter()
        .filter(|a| a.verdict != "acknowledged")
        .collect();
    assert_eq!(failed.len(), 5);
    assert!(failed.iter().all(|a| a.status == Some(500)));
    assert_eq!((run.summary.acknowledged, run.summary.failed), (5, 5));
}

#[test]
fn load_mode_under_q_prints_only_the_failed_attempts() {
    let t = Telhook::new();
    let rx = every_other_fails();
    let run = send_json(
        &t,
        &[
            "bandwidth",
            "message-delivered",
            "--count",
            "10",
            "--max-attempts",
            "1",
            "-q",
            "--to",
            &rx.url,
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.attempts.len(), 5);
    assert!(run.attempts.iter().all(|a| a.status == Some(500)));
    assert_eq!((run.summary.acknowledged, run.summary.failed), (5, 5));
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let t = Telhook::new();
    let cases: &[(&[&str], &str)] = &[
        (
            &["telnyx", "message.sent", "--to", "ftp://localhost:5000/"],
            "telhook: error: --to `ftp://localhost:5000/`: only http and https URLs can receive webhooks\n",
        ),
        (
            &["telnyx", "message.sent", "--to", "not a url"],
            "telhook: error: --to `not a url` is not a URL (e.g. http://127.0.0.1:5000/webhooks): invalid international domain name\n",
        ),
        (
            &["telnyx", "message.snet", "--to", "http://127.0.0.1:9/"],
            "telhook: error: unknown telnyx event `message.snet`; did you mean `message.sent`? (list them with `telhook events --provider telnyx`)\n",
        ),
        (
            &["bandwidth", "--flow", "cal", "--to", "http://127.0.0.1:9/"],
            "telhook: error: unknown bandwidth flow `cal`; did you mean `call`?; its flows are: outbound-mms, outbound-mms-failed, inbound-group, call\n",
        ),
    ];
    for (args, stderr) in cases {
        let out = t.cmd().arg("send").args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), *stderr);
    }
    let out = t
        .cmd()
        .args([
            "send",
            "telnyx",
            "message.sent",
            "--to",
            "http://127.0.0.1:9/",
            "--private-key",
            "missing.key",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("telhook: error: ")
            && stderr.contains("missing.key")
            && stderr.lines().count() == 1,
        "{stderr}"
    );
    // Nothing to send is a usage error.
    let out = t
        .cmd()
        .args(["send", "telnyx", "--to", "http://127.0.0.1:9/"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn send_to_listen_end_to_end_verifies_signatures_and_passes_the_challenge() {
    let t = Telhook::new();
    let public = key(&t);
    t.write("telnyx.pub", public.to_base64());
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--public-key",
            "telnyx.pub",
            "--basic-auth",
            "app:pw",
            "--capture",
            "cap.jsonl",
        ],
    );
    let sent = t
        .cmd()
        .args([
            "send",
            "telnyx",
            "message.received",
            "--private-key",
            "telnyx.key",
            "--to",
            &l.url,
        ])
        .output()
        .unwrap();
    assert_eq!(
        sent.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&sent.stdout)
    );
    let line: Value = serde_json::from_str(&l.line()).unwrap();
    assert_eq!(
        (line["event"].as_str(), line["verdict"].as_str()),
        (Some("message.received"), Some("verified"))
    );
    let sent = t
        .cmd()
        .args([
            "send",
            "bandwidth",
            "message-delivered",
            "--basic-auth",
            "app:pw",
            "--to",
            &l.url,
        ])
        .output()
        .unwrap();
    assert_eq!(sent.status.code(), Some(0));
    let challenged: Value = serde_json::from_str(&l.line()).unwrap();
    let verified: Value = serde_json::from_str(&l.line()).unwrap();
    assert_eq!(
        (
            challenged["verdict"].as_str(),
            challenged["status"].as_u64()
        ),
        (Some("challenged"), Some(401))
    );
    assert_eq!(
        (verified["verdict"].as_str(), verified["status"].as_u64()),
        (Some("verified"), Some(200))
    );
    // The capture holds what was sent, byte for byte: the listener saw a body telhook signed.
    let records = telhook::capture::read(&t.path("cap.jsonl")).unwrap();
    assert_eq!(records.len(), 3);
    let first = records[0].1.as_ref().unwrap().body_bytes().unwrap();
    let v: Value = serde_json::from_slice(&first).unwrap();
    assert_eq!(first, telhook::telnyx::to_wire(&v));
}

/// Plain-HTTP deliveries take a fast path of their own; a proxy variable must still win.
#[test]
fn http_proxy_from_the_environment_carries_the_delivery() {
    let t = Telhook::new();
    let proxy = Receiver::script(vec![Reply::status(200)]).expect_hits(1);
    let proxy_url = proxy.url.trim_end_matches("/hook").to_string();
    let out = t
        .cmd()
        .env("HTTP_PROXY", &proxy_url)
        .args([
            "send",
            "bandwidth",
            "message-delivered",
            "--to",
            "http://receiver.telhook.invalid/webhooks",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    let reqs = proxy.requests();
    assert_eq!(
        reqs[0].path, "http://receiver.telhook.invalid/webhooks",
        "the proxy gets the absolute URL"
    );
    assert_eq!(reqs[0].header("host"), Some("receiver.telhook.invalid"));
    assert!(reqs[0].json().is_array());
}
