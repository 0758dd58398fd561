//! `telhook emulate`: the Telnyx messaging API on an ephemeral port, called with a plain HTTP
//! client; the webhooks that follow arrive at an in-test receiver, signed, about the id the API
//! answered, in the outcome the number chose.

use crate::support::{ChildGuard, Expect, Receiver, Reply, Telhook, http};
use serde_json::{Value, json};
use std::io::BufRead;
use std::time::Duration;

/// A running emulator and what its first lines said.
struct Emulating {
    _child: ChildGuard,
    base: String,
    public_key: String,
    lines: std::sync::mpsc::Receiver<String>,
}

impl Emulating {
    /// `telhook emulate --json` on a free port, webhooks to `webhook_url`, short waits (those
    /// `extra` gives replace them).
    fn start(t: &Telhook, webhook_url: &str, extra: &[&str]) -> Self {
        Self::spawn(t, webhook_url, extra, true)
    }

    /// The same with its human lines (`public_key` is left empty).
    fn start_human(t: &Telhook, webhook_url: &str, extra: &[&str]) -> Self {
        Self::spawn(t, webhook_url, extra, false)
    }

    fn spawn(t: &Telhook, webhook_url: &str, extra: &[&str], json: bool) -> Self {
        let key = t.path("telnyx.key");
        if !key.exists() {
            t.keygen();
        }
        let mut cmd = t.std_cmd();
        if json {
            cmd.arg("--json");
        }
        cmd.args([
            "emulate",
            "--port",
            "0",
            "--webhook-url",
            webhook_url,
            "--callback-url",
            webhook_url,
            "--inbound-callback-url",
            webhook_url,
        ])
        .args(["--private-key", key.to_str().unwrap()]);
        // Short waits, unless the test sets its own.
        for (flag, value) in [
            ("--latency", "10ms"),
            ("--backoff", "20ms"),
            ("--exit-after", "60s"),
        ] {
            if !extra.contains(&flag) {
                cmd.args([flag, value]);
            }
        }
        cmd.args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        let mut child = ChildGuard::new(cmd.spawn().unwrap());
        let stdout = child.child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = lines
            .recv_timeout(Duration::from_secs(10))
            .expect("emulate printed nothing");
        if !json {
            let base = first
                .strip_prefix("emulating on ")
                .unwrap_or_else(|| panic!("not the first line: {first}"));
            return Emulating {
                _child: child,
                base: base.to_string(),
                public_key: String::new(),
                lines,
            };
        }
        let first: Value = serde_json::from_str(&first).unwrap();
        assert_eq!(first["type"], "emulating", "{first}");
        Emulating {
            _child: child,
            base: format!("http://{}", first["addr"].as_str().unwrap()),
            public_key: first["telnyx"]["public_key"].as_str().unwrap().to_string(),
            lines,
        }
    }

    fn post(&self, path: &str, auth: Option<&str>, body: &Value) -> (u16, Value) {
        let mut r = http()
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body.to_string());
        if let Some(a) = auth {
            r = r.header("Authorization", a);
        }
        let answer = r.send().unwrap();
        let status = answer.status().as_u16();
        (
            status,
            serde_json::from_slice(&answer.bytes().unwrap()).unwrap(),
        )
    }

    fn get(&self, path: &str) -> (u16, Value) {
        let answer = http()
            .get(format!("{}{path}", self.base))
            .header("Authorization", "Bearer KEY")
            .send()
            .unwrap();
        let status = answer.status().as_u16();
        (
            status,
            serde_json::from_slice(&answer.bytes().unwrap()).unwrap(),
        )
    }

    fn send(&self, to: &str, extra: Value) -> Value {
        let mut body = json!({"to": to, "from": "+13125550100", "text": "Your code is 123456"});
        if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
            b.extend(e.clone());
        }
        let (status, answer) = self.post("/v2/messages", Some("Bearer KEY"), &body);
        assert_eq!(status, 200, "{answer}");
        answer
    }

    /// `POST /_telhook/settle`: every webhook due has been delivered or given up.
    fn settle(&self) {
        let (status, answer) = self.post("/_telhook/settle?timeout=20s", None, &json!({}));
        assert_eq!(
            (status, &answer["settled"]),
            (200, &json!(true)),
            "{answer}"
        );
    }

    /// `POST /_telhook/settle`, expecting this status.
    fn settle_within_status(&self, want: u16) {
        let (status, answer) = self.post("/_telhook/settle?timeout=20s", None, &json!({}));
        assert_eq!(status, want, "{answer}");
    }

    /// The `--json` lines printed so far.
    fn printed(&self) -> Vec<Value> {
        self.lines
            .try_iter()
            .filter_map(|l| serde_json::from_str(&l).ok())
            .collect()
    }
}

/// The answer is valid against the provider's OpenAPI response schema (`fixtures/api/`).
#[track_caller]
fn assert_documented(schema: &str, answer: &Value) {
    let text =
        std::fs::read_to_string(crate::support::repo_file(&format!("fixtures/api/{schema}")))
            .unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(answer)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{answer} against {schema}: {errors:?}");
}

/// The webhook's signature verifies with the emulator's public key.
fn assert_signed(key: &str, hook: &crate::support::Recorded) {
    let problems = telhook::telnyx::verify(&telhook::telnyx::VerifyRequest {
        body: &hook.body,
        signature: hook.header("telnyx-signature-ed25519"),
        timestamp: hook.header("telnyx-timestamp"),
        key: telhook::signing::PublicKey::parse(key),
        now: chrono::Utc::now().timestamp(),
        tolerance: Some(300),
        other_keys: &[],
    });
    assert!(problems.is_empty(), "{problems:?}");
}

fn events(hooks: &[crate::support::Recorded]) -> Vec<(String, String, String)> {
    hooks
        .iter()
        .map(|h| {
            let v = h.json();
            (
                v["data"]["event_type"].as_str().unwrap().to_string(),
                v["data"]["payload"]["id"].as_str().unwrap().to_string(),
                v["data"]["payload"]["to"][0]["status"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn a_sent_message_is_followed_by_sent_then_finalized_about_its_id_signed_and_valid() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(&t, &app.url, &[]);
    let answer = emu.send("+13125550123", json!({}));
    let id = answer["data"]["id"].as_str().unwrap();
    assert_documented("telnyx.message.json", &answer);
    assert_eq!(answer["data"]["to"][0]["status"], "queued");
    assert_eq!(answer["data"]["record_type"], "message");
    emu.settle();
    let hooks = app.requests();
    assert_eq!(
        events(&hooks),
        [
            ("message.sent".into(), id.into(), "sent".into()),
            ("message.finalized".into(), id.into(), "delivered".into())
        ]
    );
    let (first, last) = (hooks[0].json(), hooks[1].json());
    assert_ne!(first["data"]["id"], last["data"]["id"], "fresh event ids");
    assert!(last["data"]["occurred_at"].as_str() > first["data"]["occurred_at"].as_str());
    assert_eq!(first["meta"]["attempt"], 1);
    assert_eq!(first["meta"]["delivered_to"], app.url.as_str());
    for hook in &hooks {
        assert_signed(&emu.public_key, hook);
        assert_eq!(hook.header("user-agent"), Some("telnyx-webhooks"));
        // Every webhook validates against its event's schema, strictly.
        let file = t.write("hook.json", &hook.body);
        t.run(&["validate", "--report-unlisted", file.to_str().unwrap()])
            .stdout(crate::support::Expect::pattern("✓ valid: [..]\n"))
            .check();
    }
    // A GET says where the message stands now.
    let (status, got) = emu.get(&format!("/v2/messages/{id}"));
    assert_documented("telnyx.message.json", &got);
    assert_eq!(
        (status, got["data"]["to"][0]["status"].as_str()),
        (200, Some("delivered"))
    );
    // One line per API call under --json.
    let calls: Vec<Value> = emu
        .printed()
        .into_iter()
        .filter(|l| l["type"] == "api_call")
        .collect();
    assert!(
        calls
            .iter()
            .any(|c| c["method"] == "POST" && c["path"] == "/v2/messages" && c["status"] == 200)
    );
}

/// `--max-pending` bounds the calls whose webhooks are held: past it, a call waits for an
/// earlier call's webhooks to finish, and after `--pending-wait` gets the provider's 429, with
/// nothing kept or sent for it; nothing acknowledged is lost.
#[test]
fn past_max_pending_a_call_waits_for_room_then_gets_the_providers_429() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    // Room for one call's webhooks, due well after the call is answered: the next call can
    // only be answered 200 once the first one's have been delivered.
    let emu = Emulating::start(&t, &app.url, &["--max-pending", "1", "--latency", "150ms"]);
    let first = emu.send("+13125550123", json!({}));
    let second = emu.send("+13125550124", json!({}));
    let id = |answer: &Value| answer["data"]["id"].as_str().unwrap().to_string();
    let delivered: Vec<String> = events(&app.requests())
        .into_iter()
        .map(|(_, message, _)| message)
        .collect();
    // (The second call's own webhooks may follow by now: only the first two are sure.)
    assert_eq!(
        delivered.get(..2),
        Some(&[id(&first), id(&first)][..]),
        "the second call was answered before the first one's webhooks were delivered"
    );
    emu.settle();
    let all: Vec<(String, String)> = events(&app.requests())
        .into_iter()
        .map(|(event, message, _)| (event, message))
        .collect();
    assert_eq!(
        all,
        [
            ("message.sent".to_string(), id(&first)),
            ("message.finalized".to_string(), id(&first)),
            ("message.sent".to_string(), id(&second)),
            ("message.finalized".to_string(), id(&second)),
        ]
    );

    // Waiting less than the first call's webhooks take (1 s, then 1 s more): 429, as each
    // provider documents it.
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(
        &t,
        &app.url,
        &[
            "--max-pending",
            "1",
            "--latency",
            "1s",
            "--pending-wait",
            "20ms",
        ],
    );
    let kept = emu.send("+13125550123", json!({}));
    let body = json!({"to": "+13125550124", "from": "+13125550100", "text": "hi"});
    let (status, refused) = emu.post("/v2/messages", Some("Bearer KEY"), &body);
    assert_eq!(
        (status, &refused["errors"][0]["code"]),
        (429, &json!("10011")),
        "{refused}"
    );
    assert_documented("telnyx.errors.json", &refused);
    let bw = json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550124"], "from": "+13125550100", "text": "hi"});
    let (status, refused) = emu.post(
        "/api/v2/users/5550100/messages",
        Some(&basic("api", "key")),
        &bw,
    );
    assert_eq!(
        (status, &refused["type"]),
        (429, &json!("max-message-queue-size-exceeded")),
        "{refused}"
    );
    assert_documented("bandwidth.request-error.json", &refused);
    emu.settle();
    let (_, listed) = emu.get("/_telhook/messages");
    let ids: Vec<&str> = listed["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["id"].as_str())
        .collect();
    assert_eq!(ids, [id(&kept)], "a refused call is not kept");
    assert_eq!(
        events(&app.requests())
            .into_iter()
            .map(|(_, message, _)| message)
            .collect::<Vec<_>>(),
        [id(&kept), id(&kept)],
        "a refused call has no webhooks"
    );
}

#[test]
fn the_destination_number_chooses_the_outcome() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(&t, &app.url, &[]);
    let cases: [(&str, &[(&str, &str)]); 5] = [
        (
            "+13125550190",
            &[
                ("message.sent", "sent"),
                ("message.finalized", "delivery_failed"),
            ],
        ),
        ("+13125550191", &[("message.finalized", "sending_failed")]),
        (
            "+13125550192",
            &[
                ("message.sent", "sent"),
                ("message.finalized", "delivery_unconfirmed"),
            ],
        ),
        (
            "+13125550193",
            &[("message.finalized", "delivered"), ("message.sent", "sent")],
        ),
        (
            "+13125550194",
            &[
                ("message.sent", "sent"),
                ("message.finalized", "delivered"),
                ("message.finalized", "delivered"),
            ],
        ),
    ];
    for (to, expected) in cases {
        let before = app.requests().len();
        let id = emu.send(to, json!({}))["data"]["id"]
            .as_str()
            .unwrap()
            .to_string();
        emu.settle();
        let hooks = app.requests()[before..].to_vec();
        let got: Vec<(String, String)> = events(&hooks)
            .into_iter()
            .map(|(e, i, s)| {
                assert_eq!(i, id, "{to}");
                (e, s)
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(e, s)| (e.to_string(), s.to_string()))
            .collect();
        assert_eq!(got, want, "{to}");
        let last = hooks.last().unwrap().json();
        if to.ends_with("0190") {
            assert_eq!(last["data"]["payload"]["errors"][0]["code"], "40001");
        }
        if to.ends_with("0194") {
            assert_eq!(
                hooks[1].json()["data"]["id"],
                hooks[2].json()["data"]["id"],
                "the same event twice"
            );
        }
    }
}

#[test]
fn webhooks_go_to_the_request_urls_with_retries_and_failover_then_the_profile() {
    let t = Telhook::new();
    let profile = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let primary = Receiver::script(vec![Reply::status(500)]);
    let failover = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(&t, &profile.url, &[]);
    emu.send(
        "+13125550123",
        json!({"webhook_url": primary.url, "webhook_failover_url": failover.url}),
    );
    emu.settle();
    // Telnyx's rules, as send applies them: for each webhook 3 attempts on the URL, then the
    // failover.
    let attempts: Vec<(String, Value)> = primary
        .requests()
        .iter()
        .map(|h| {
            let v = h.json();
            let event = v["data"]["event_type"].as_str().unwrap().to_string();
            (event, v["meta"]["attempt"].clone())
        })
        .collect();
    let sent = |n: u64| ("message.sent".to_string(), json!(n));
    let finalized = |n: u64| ("message.finalized".to_string(), json!(n));
    assert_eq!(
        attempts,
        [
            sent(1),
            sent(2),
            sent(3),
            finalized(1),
            finalized(2),
            finalized(3)
        ]
    );
    let taken = failover.requests();
    assert_eq!(
        events(&taken).len(),
        2,
        "sent and finalized at the failover"
    );
    assert_eq!(
        taken[0].json()["meta"]["delivered_to"],
        failover.url.as_str()
    );
    assert_eq!(taken[0].json()["meta"]["attempt"], 4);
    for hook in &taken {
        assert_signed(&emu.public_key, hook);
    }
    // With use_profile_webhooks false the profile is never tried, even when the request's
    // URLs fail.
    let down = Receiver::script(vec![Reply::status(503)]);
    emu.send(
        "+13125550123",
        json!({"webhook_url": down.url, "use_profile_webhooks": false}),
    );
    emu.settle();
    assert_eq!(
        down.requests().len(),
        6,
        "3 attempts for each of the 2 webhooks"
    );
}

#[test]
fn bad_requests_get_the_documented_status_code_and_pointer() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let emu = Emulating::start(&t, &app.url, &["--api-key", "KEY"]);
    let ok = json!({"to": "+13125550123", "from": "+13125550100", "text": "hi"});
    let (status, body) = emu.post("/v2/messages", None, &ok);
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (401, Some("10009"))
    );
    let (status, body) = emu.post("/v2/messages", Some("Bearer WRONG"), &ok);
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (401, Some("10009"))
    );
    assert!(!body.to_string().contains("KEY\""), "{body}");
    let cases = [
        (
            json!({"from": "+13125550100", "text": "hi"}),
            "10004",
            "/to",
        ),
        (
            json!({"to": "12345678901234567", "from": "+13125550100", "text": "hi"}),
            "40310",
            "/to",
        ),
        (
            json!({"to": "+13125550123", "text": "hi"}),
            "10004",
            "/from",
        ),
        (
            json!({"to": "+13125550123", "from": "+13125550100"}),
            "40316",
            "/text",
        ),
        (
            json!({"to": "+13125550123", "from": "+13125550100", "type": "MMS", "text": "hi"}),
            "40317",
            "/media_urls",
        ),
        (
            json!({"to": "+13125550123", "from": "+13125550100", "type": "RCS", "text": "hi"}),
            "10001",
            "/type",
        ),
    ];
    for (body, code, pointer) in cases {
        let (status, answer) = emu.post("/v2/messages", Some("Bearer KEY"), &body);
        assert_eq!(status, 400, "{body}: {answer}");
        assert_documented("telnyx.errors.json", &answer);
        assert_eq!(answer["errors"][0]["code"], code, "{body}");
        assert_eq!(answer["errors"][0]["source"]["pointer"], pointer, "{body}");
        assert!(
            answer["errors"][0]["title"].is_string() && answer["errors"][0]["detail"].is_string()
        );
    }
    let answer = http()
        .post(format!("{}/v2/messages", emu.base))
        .header("Authorization", "Bearer KEY")
        .body("{not json")
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 400);
    let (status, body) = emu.get("/v2/messages/no-such-id");
    assert_documented("telnyx.errors.json", &body);
    assert_eq!(
        (status, body["errors"][0]["code"].as_str()),
        (404, Some("10005"))
    );
    let answer = http()
        .delete(format!("{}/v2/messages", emu.base))
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 405);
    let (status, body) = emu.get("/v2/calls");
    assert_eq!(status, 404);
    assert!(
        body["error"].as_str().unwrap().contains("/v2/messages"),
        "{body}"
    );
    // The SDKs' default base already ends in /v2: /messages is the same endpoint.
    let (status, answer) = emu.post("/messages", Some("Bearer KEY"), &ok);
    assert_eq!(
        (status, answer["data"]["record_type"].as_str()),
        (200, Some("message"))
    );
}

#[test]
fn a_seed_gives_the_same_ids_and_times_and_reset_forgets_the_messages() {
    let run = |t: &Telhook| {
        let app = Receiver::script(vec![Reply::status(200)]);
        let emu = Emulating::start(t, &app.url, &["--seed", "7"]);
        let a = emu.send("+13125550123", json!({}));
        let b = emu.send("+13125550191", json!({}));
        let (status, c) = emu.post(
            "/api/v2/users/5550100/messages",
            Some(&basic("api", "key")),
            &json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
                    "to": ["+13125550123"], "from": "+13125550100", "text": "hi"}),
        );
        assert_eq!(status, 202, "{c}");
        emu.settle();
        // The webhooks' event data: everything but `meta`, which names the receiver's port.
        let mut hooks: Vec<Value> = app
            .requests()
            .iter()
            .map(|h| {
                let v = h.json();
                if v.is_array() { v } else { v["data"].clone() }
            })
            .collect();
        hooks.sort_by_key(|v| v.to_string());
        let (_, listed) = emu.get("/_telhook/messages");
        assert_eq!(listed["messages"].as_array().unwrap().len(), 3);
        let (status, reset) = emu.post("/_telhook/reset", None, &json!({}));
        assert_eq!((status, &reset["forgotten"]), (200, &json!(3)));
        let id = a["data"]["id"].as_str().unwrap();
        let (status, _) = emu.get(&format!("/v2/messages/{id}"));
        assert_eq!(status, 404, "forgotten after a reset");
        (a, b, c, hooks)
    };
    let t = Telhook::new();
    let first = run(&t);
    let second = run(&t);
    assert_ne!(first.0["data"]["id"], first.1["data"]["id"]);
    assert_eq!(
        first, second,
        "the same seed and requests give the same answers and webhooks, times included"
    );
    // The seeded clock: a second per API call from 2026-01-01, each webhook stamped with when
    // it is due (the test's --latency is 10ms).
    let (a, b, c, hooks) = first;
    assert_eq!(a["data"]["received_at"], "2026-01-01T00:00:00.000+00:00");
    assert_eq!(b["data"]["received_at"], "2026-01-01T00:00:01.000+00:00");
    assert_eq!(c["time"], "2026-01-01T00:00:02.000Z");
    assert!(
        c["id"].as_str().unwrap().starts_with("1767225602000"),
        "{c}"
    );
    let stamped = |event: &str, id: &Value| -> Vec<String> {
        hooks
            .iter()
            .filter(|h| h["event_type"] == event && &h["payload"]["id"] == id)
            .map(|h| h["occurred_at"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        stamped("message.sent", &a["data"]["id"]),
        ["2026-01-01T00:00:00.010+00:00"]
    );
    assert_eq!(
        stamped("message.finalized", &a["data"]["id"]),
        ["2026-01-01T00:00:00.020+00:00"]
    );
    // Never sent: its only webhook is the first due.
    assert_eq!(
        stamped("message.finalized", &b["data"]["id"]),
        ["2026-01-01T00:00:01.010+00:00"]
    );
    let callback = hooks.iter().find(|h| h.is_array()).unwrap();
    assert_eq!(callback[0]["type"], "message-delivered");
    assert_eq!(callback[0]["time"], "2026-01-01T00:00:02.010Z");
}

fn basic(user: &str, pass: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{pass}"))
    )
}

#[test]
fn bandwidth_answers_202_and_each_recipient_gets_its_callbacks_after_the_challenge() {
    let t = Telhook::new();
    let want = basic("app", "hook-secret");
    // Bandwidth's flow: no credentials first, a 401 challenge, then with them.
    let app = Receiver::answering(move |r, _| match r.header("authorization") {
        Some(a) if a == want => Reply::status(200),
        _ => Reply::challenge(),
    });
    let emu = Emulating::start(
        &t,
        &app.url,
        &[
            "--callback-auth",
            "app:hook-secret",
            "--api-auth",
            "api:key",
        ],
    );
    let path = "/api/v2/users/5550100/messages";
    let body = json!({
        "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
        "to": ["+13125550123", "+13125550190"],
        "from": "+13125550100",
        "text": "Group hello",
        "media": ["https://media.example.com/a.jpg"],
        "tag": "order-42",
    });
    let (status, answer) = emu.post(path, Some(&basic("api", "key")), &body);
    assert_eq!(status, 202, "{answer}");
    // Settle waits for these callbacks even while they are still in their latency.
    assert_documented("bandwidth.message.json", &answer);
    let id = answer["id"].as_str().unwrap().to_string();
    assert!(
        id.len() == 29 && id[..13].bytes().all(|b| b.is_ascii_digit()),
        "Bandwidth's id format: {id}"
    );
    assert_eq!(answer["owner"], "+13125550100");
    assert_eq!(answer["direction"], "out");
    assert_eq!(answer["tag"], "order-42");
    emu.settle();
    let accepted: Vec<Value> = app
        .requests()
        .iter()
        .filter(|r| r.header("authorization").is_some())
        .map(|r| r.json())
        .collect();
    let seen: Vec<(String, String)> = accepted
        .iter()
        .map(|b| {
            assert!(b.is_array(), "each callback is a JSON array: {b}");
            assert_eq!(b[0]["message"]["id"], id.as_str());
            assert_eq!(b[0]["message"]["text"], "", "callbacks carry no text");
            assert_eq!(b[0]["message"]["tag"], "order-42");
            (
                b[0]["to"].as_str().unwrap().to_string(),
                b[0]["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Each recipient's callbacks in order; the recipients go side by side.
    let of = |to: &str| -> Vec<&str> {
        seen.iter()
            .filter(|(t, _)| t == to)
            .map(|(_, kind)| kind.as_str())
            .collect()
    };
    assert_eq!(of("+13125550123"), ["message-sending", "message-delivered"]);
    assert_eq!(of("+13125550190"), ["message-sending", "message-failed"]);
    assert_eq!(seen.len(), 4);
    let failed = accepted
        .iter()
        .find(|b| b[0]["type"] == "message-failed")
        .unwrap();
    assert_eq!(failed[0]["errorCode"], 4720);
    assert_eq!(
        app.requests().len(),
        8,
        "every callback was challenged once"
    );
    for b in &accepted {
        let file = t.write("callback.json", b.to_string());
        t.run(&["validate", "--report-unlisted", file.to_str().unwrap()])
            .stdout(crate::support::Expect::pattern("✓ valid: [..]\n"))
            .check();
    }
    // The listing says where the message stands.
    let answer = http()
        .get(format!("{}{path}?messageId={id}", emu.base))
        .header("Authorization", basic("api", "key"))
        .send()
        .unwrap();
    let listing: Value = serde_json::from_slice(&answer.bytes().unwrap()).unwrap();
    assert_documented("bandwidth.messages-list.json", &listing);
    assert_eq!(listing["totalCount"], 1, "{listing}");
    assert_eq!(listing["messages"][0]["messageId"], id.as_str());
}

#[test]
fn bandwidth_bad_requests_get_its_documented_bodies() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let emu = Emulating::start(&t, &app.url, &["--api-auth", "api:key"]);
    let path = "/api/v2/users/5550100/messages";
    let ok = json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+13125550123"], "from": "+13125550100", "text": "hi"});
    let (status, body) = emu.post(path, None, &ok);
    assert_documented("bandwidth.request-error.json", &body);
    assert_eq!(
        (status, body),
        (
            401,
            json!({"type": "unauthorized", "description": "Authentication Failed"})
        )
    );
    let (status, _) = emu.post(path, Some(&basic("api", "nope")), &ok);
    assert_eq!(status, 401);
    let answer = http()
        .post(format!("{}{path}", emu.base))
        .header("Authorization", basic("api", "key"))
        .header("content-type", "text/plain")
        .body(ok.to_string())
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 415);
    let body: Value = serde_json::from_slice(&answer.bytes().unwrap()).unwrap();
    assert_documented("bandwidth.request-error.json", &body);
    assert_eq!(body["type"], "unsupported-content-type");
    let (status, body) = emu.post(
        path,
        Some(&basic("api", "key")),
        &json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "to": ["+1invalid"], "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 400);
    assert_documented("bandwidth.create-error.json", &body);
    assert_eq!(body["type"], "request-validation");
    assert_eq!(
        body["fieldErrors"][0],
        json!({"fieldName": "to", "description": "'+1invalid' must be replaced with a valid E164 formatted telephone number"})
    );
    let (status, body) = emu.post(
        path,
        Some(&basic("api", "key")),
        &json!({"to": ["+13125550123"], "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(
        (status, body["fieldErrors"][0]["fieldName"].as_str()),
        (400, Some("applicationId"))
    );
    let answer = http()
        .put(format!("{}{path}", emu.base))
        .header("Authorization", basic("api", "key"))
        .send()
        .unwrap();
    assert_eq!(answer.status().as_u16(), 405);
}

#[test]
fn a_person_texting_the_app_arrives_as_the_providers_inbound_webhook() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(
        &t,
        &app.url,
        &["--number", "+13125550100", "--number", "+13125550101"],
    );
    let text = |args: &[&str]| {
        let mut all = vec!["text", "--emulator", emu.base.as_str()];
        all.extend_from_slice(args);
        t.run(&all)
            .stdout(crate::support::Expect::pattern(
                "texted [..] webhook(s) to follow, message id [..]\n",
            ))
            .check();
        emu.settle();
    };
    // Telnyx: an SMS, then a group MMS with a picture.
    text(&[
        "-p",
        "telnyx",
        "--from",
        "+13125550140",
        "--to",
        "+13125550100",
        "Is the shop open?",
    ]);
    text(&[
        "-p",
        "telnyx",
        "--from",
        "+13125550140",
        "--to",
        "+13125550100",
        "--to",
        "+13125550150",
        "--media",
        "https://media.example.com/shop.jpg",
        "Look",
    ]);
    let hooks = app.requests();
    assert_eq!(hooks.len(), 2);
    let (sms, mms) = (hooks[0].json(), hooks[1].json());
    // The API returns the inbound message too, by its id.
    let id = sms["data"]["payload"]["id"].as_str().unwrap();
    let (status, got) = emu.get(&format!("/v2/messages/{id}"));
    assert_eq!(
        (status, got["data"]["direction"].as_str()),
        (200, Some("inbound"))
    );
    assert_eq!(sms["data"]["event_type"], "message.received");
    assert_eq!(sms["data"]["payload"]["text"], "Is the shop open?");
    assert_eq!(
        sms["data"]["payload"]["from"]["phone_number"],
        "+13125550140"
    );
    assert_eq!(
        sms["data"]["payload"]["to"][0]["phone_number"],
        "+13125550100"
    );
    assert_eq!(mms["data"]["payload"]["type"], "MMS");
    assert_eq!(
        mms["data"]["payload"]["cc"][0]["phone_number"],
        "+13125550150"
    );
    assert_eq!(
        mms["data"]["payload"]["media"][0]["content_type"],
        "image/jpeg"
    );
    for hook in &hooks {
        assert_signed(&emu.public_key, hook);
        let file = t.write("inbound.json", &hook.body);
        t.run(&["validate", "--report-unlisted", file.to_str().unwrap()])
            .stdout(crate::support::Expect::pattern("✓ valid: [..]\n"))
            .check();
    }
    // Bandwidth: a group text gives one callback per number the app owns, each its own id.
    text(&[
        "-p",
        "bandwidth",
        "--from",
        "+13125550140",
        "--to",
        "+13125550100",
        "--to",
        "+13125550101",
        "--to",
        "+13125550160",
        "Group plan?",
    ]);
    let callbacks: Vec<Value> = app.requests()[2..].iter().map(|r| r.json()).collect();
    let owners: Vec<&str> = callbacks
        .iter()
        .map(|c| c[0]["to"].as_str().unwrap())
        .collect();
    assert_eq!(owners, ["+13125550100", "+13125550101"]);
    assert_ne!(
        callbacks[0][0]["message"]["id"],
        callbacks[1][0]["message"]["id"]
    );
    for c in &callbacks {
        assert_eq!(c[0]["type"], "message-received");
        assert_eq!(c[0]["message"]["direction"], "in");
        assert_eq!(c[0]["message"]["to"].as_array().unwrap().len(), 3);
        assert_eq!(c[0]["message"]["text"], "Group plan?");
        let file = t.write("inbound.json", c.to_string());
        t.run(&["validate", "--report-unlisted", file.to_str().unwrap()])
            .stdout(crate::support::Expect::pattern("✓ valid: [..]\n"))
            .check();
    }
    // A text the emulator cannot take says why, and exits non-zero.
    t.run(&["text", "--emulator", emu.base.as_str(), "-p", "bandwidth", "--from", "+13125550140", "--to", "+13125550170", "hi"])
        .status(2)
        .stderr(crate::support::Expect::pattern(
            "telhook: error: the emulator refused the text (400): none of +13125550170 is one of the app's numbers (--number)\n",
        ))
        .check();
}

#[test]
fn the_response_schemas_reject_what_the_specs_do_not_allow() {
    let check = |schema: &str, bad: Value| {
        let text =
            std::fs::read_to_string(crate::support::repo_file(&format!("fixtures/api/{schema}")))
                .unwrap();
        let schema_value: Value = serde_json::from_str(&text).unwrap();
        let validator = jsonschema::options().build(&schema_value).unwrap();
        assert!(!validator.is_valid(&bad), "{schema} takes {bad}");
    };
    check(
        "telnyx.message.json",
        json!({"data": {"to": "+13125550123"}}),
    );
    check("telnyx.message.json", json!({"message": {}}));
    check(
        "telnyx.errors.json",
        json!({"errors": [{"detail": "no code or title"}]}),
    );
    check("bandwidth.message.json", json!({"direction": "sideways"}));
    check(
        "bandwidth.request-error.json",
        json!({"type": "unauthorized"}),
    );
    check(
        "bandwidth.create-error.json",
        json!({"type": "request-validation", "description": "x", "fieldErrors": "to"}),
    );
}

#[test]
fn a_rejected_credential_flag_never_echoes_its_value() {
    let t = Telhook::new();
    for flag in ["--api-auth", "--callback-auth"] {
        let ran = t
            .run(&["emulate", flag, ":topsecretpw"])
            .status(2)
            .stderr(Expect::satisfies("an error line without the secret", |s| {
                s.starts_with("telhook: error: ") && !s.contains("topsecretpw")
            }))
            .check();
        drop(ran);
    }
}

#[test]
fn the_capture_is_one_timeline_of_calls_and_attempts_that_validate_verify_and_replay_read() {
    let t = Telhook::new();
    // Bandwidth callbacks are challenged first; every webhook's first attempt gets a 500.
    let want = basic("app", "hook-secret");
    let app = Receiver::answering(move |r, n| {
        if r.body.starts_with(b"[") && r.header("authorization") != Some(want.as_str()) {
            Reply::challenge()
        } else if n == 0 {
            Reply::status(500)
        } else {
            Reply::status(200)
        }
    });
    let capture = t.path("timeline.jsonl");
    let emu = Emulating::start(
        &t,
        &app.url,
        &[
            "--capture",
            capture.to_str().unwrap(),
            "--callback-auth",
            "app:hook-secret",
            "--api-key",
            "SECRET-KEY-123",
        ],
    );
    let (status, sent) = emu.post(
        "/v2/messages",
        Some("Bearer SECRET-KEY-123"),
        &json!({"to": "+13125550123", "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 200, "{sent}");
    let (status, _) = emu.post(
        "/v2/messages",
        Some("Bearer SECRET-KEY-123"),
        &json!({"to": "+1", "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 400);
    let (status, bw) = emu.post(
        "/api/v2/users/5550100/messages",
        Some(&basic("api", "api-pass-456")),
        &json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
                "to": ["+13125550123"], "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 202, "{bw}");
    emu.settle();

    let text = std::fs::read_to_string(&capture).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&capture).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "the capture is its owner's only");
    }
    for secret in ["SECRET-KEY-123", "api-pass-456", "hook-secret"] {
        assert!(
            !text.contains(secret),
            "{secret} is in the capture:\n{text}"
        );
    }
    let records: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.iter().all(|r| r["format"] == 2), "{text}");
    let kinds: Vec<&str> = records
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    // The calls in the order they were answered, each before its own webhooks; the settle
    // call is recorded when it answered, after every attempt.
    let at = |f: &dyn Fn(&Value) -> bool| records.iter().position(f).unwrap();
    let telnyx_call = at(&|r| r["kind"] == "api" && r["provider"] == "telnyx");
    let bandwidth_call = at(&|r| r["kind"] == "api" && r["provider"] == "bandwidth");
    for (i, r) in records.iter().enumerate() {
        if r["kind"] == "webhook" {
            let call = if r["provider"] == "telnyx" {
                telnyx_call
            } else {
                bandwidth_call
            };
            assert!(call < i, "line {} comes before its call: {kinds:?}", i + 1);
        }
    }
    assert_eq!(kinds.last(), Some(&"api"));
    let api: Vec<&Value> = records.iter().filter(|r| r["kind"] == "api").collect();
    let paths: Vec<(&str, u64)> = api
        .iter()
        .map(|r| (r["path"].as_str().unwrap(), r["status"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        paths,
        [
            ("/v2/messages", 200),
            ("/v2/messages", 400),
            ("/api/v2/users/5550100/messages", 202),
            ("/_telhook/settle", 200)
        ]
    );
    assert_eq!(api[0]["provider"], "telnyx");
    let answered: Value = serde_json::from_str(api[0]["answer"].as_str().unwrap()).unwrap();
    assert_eq!(answered, sent, "the answer the app got, as it got it");
    assert!(
        api[1]["reason"].as_str().unwrap().contains("40310"),
        "{}",
        api[1]
    );
    let auth = |r: &Value| -> Option<String> {
        r["headers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h[0].as_str().unwrap().eq_ignore_ascii_case("authorization"))
            .map(|h| h[1].as_str().unwrap().to_string())
    };
    assert_eq!(auth(api[0]).as_deref(), Some("Bearer <redacted>"));
    assert_eq!(auth(api[2]).as_deref(), Some("Basic <redacted user=api>"));

    let hooks: Vec<&Value> = records.iter().filter(|r| r["kind"] == "webhook").collect();
    let seen: Vec<(String, u64, Option<u64>, String)> = hooks
        .iter()
        .map(|r| {
            (
                r["event"].as_str().unwrap().to_string(),
                r["attempt"].as_u64().unwrap(),
                r["status"].as_u64(),
                r["outcome"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen.len(),
        app.requests().len(),
        "one record per request the app got: {seen:?}"
    );
    for (event, attempt, status, outcome) in [
        ("message.sent", 1, Some(500), "failed"),
        ("message.sent", 2, Some(200), "acknowledged"),
        ("message.finalized", 1, Some(200), "acknowledged"),
        ("message-delivered", 1, Some(401), "challenged"),
        ("message-delivered", 1, Some(200), "acknowledged"),
    ] {
        let want = (event.to_string(), attempt, status, outcome.to_string());
        assert!(seen.contains(&want), "no {want:?} in {seen:?}");
    }
    let answered_challenge = hooks
        .iter()
        .find(|r| r["event"] == "message-delivered" && r["status"] == 200)
        .unwrap();
    assert_eq!(
        auth(answered_challenge).as_deref(),
        Some("Basic <redacted user=app>")
    );
    assert!(
        hooks
            .iter()
            .all(|r| r["url"] == app.url.as_str() && r["path"] == "/hook")
    );
    let first = hooks.iter().find(|r| r["event"] == "message.sent").unwrap();
    assert_eq!(first["event_id"], app.requests()[0].json()["data"]["id"]);

    // validate checks the webhook bodies only, verify the last Telnyx attempt's signature,
    // and replay delivers the webhooks again, counting the calls and the challenge half.
    t.run(&["validate", "timeline.jsonl"])
        .stdout(format!(
            "✓ valid: 1 file, {} events, no errors\n",
            hooks.len()
        ))
        .check();
    t.run(&[
        "verify",
        "--capture",
        "timeline.jsonl",
        "--public-key",
        &emu.public_key,
    ])
    .stdout(Expect::pattern(
        "✓ valid: signature matches the body; [..]\n",
    ))
    .stderr(Expect::pattern(
        "telhook: verifying line [..] (message.finalized)\n",
    ))
    .check();
    t.run(&["verify", "--capture", "timeline.jsonl", "--line", "1", "--public-key", &emu.public_key])
        .status(2)
        .stderr(Expect::pattern(
            "telhook: error: timeline.jsonl:1 is an API call the emulator answered, not a webhook: [..]\n",
        ))
        .check();
    let again = Receiver::script(vec![Reply::status(200)]);
    let out = t
        .run(&[
            "--json",
            "replay",
            "timeline.jsonl",
            "--to",
            &again.url,
            "--private-key",
            "telnyx.key",
        ])
        .stdout(Expect::satisfies("JSON lines", |_| true))
        .check();
    let summary: Value = serde_json::from_str(out.text().lines().last().unwrap()).unwrap();
    assert_eq!(summary["skipped"]["api_calls"], 4, "{summary}");
    assert_eq!(summary["skipped"]["passed_over"], 1, "{summary}");
    assert_eq!(summary["events"], hooks.len() - 1, "{summary}");
    assert_eq!(again.requests().len(), hooks.len() - 1);
}

#[test]
fn verbose_shows_each_api_call_and_its_answer_with_credentials_redacted() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start_human(&t, &app.url, &["-v"]);
    emu.send("+13125550123", json!({}));
    emu.settle();
    let mut printed = String::new();
    while !printed.contains("POST /_telhook/settle") {
        let line = emu
            .lines
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|_| panic!("no settle line in:\n{printed}"));
        printed.push_str(&line);
        printed.push('\n');
    }
    assert!(printed.contains("> POST /v2/messages\n"), "{printed}");
    assert!(
        printed.contains("> authorization: Bearer <redacted>\n"),
        "{printed}"
    );
    assert!(!printed.contains("Bearer KEY"), "{printed}");
    assert!(
        printed.contains("\"text\":\"Your code is 123456\""),
        "{printed}"
    );
    assert!(printed.contains("< 200\n"), "{printed}");
    assert!(printed.contains("\"status\":\"queued\""), "{printed}");
}

#[test]
fn serving_one_provider_the_first_line_speaks_only_of_it() {
    let t = Telhook::new();
    let mut cmd = t.std_cmd();
    let out = cmd
        .args([
            "--json",
            "emulate",
            "--port",
            "0",
            "--provider",
            "bandwidth",
            "--exit-after",
            "1ms",
        ])
        .output()
        .unwrap();
    let first: Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["type"], "emulating", "{first}");
    assert!(first.get("telnyx").is_none(), "{first}");
    assert!(
        first["bandwidth"]["base_url"]
            .as_str()
            .unwrap()
            .ends_with("/api/v2"),
        "{first}"
    );
}

/// A call the capture cannot keep is not taken: the app is told 500, nothing is stored and no
/// webhook follows (it would be about a message the timeline does not have).
#[cfg(target_os = "linux")]
#[test]
fn a_call_the_capture_cannot_keep_is_answered_500_and_has_no_webhooks() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    let emu = Emulating::start(&t, &app.url, &["--capture", "/dev/full"]);
    let (status, answer) = emu.post(
        "/v2/messages",
        Some("Bearer KEY"),
        &json!({"to": "+13125550123", "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 500, "{answer}");
    assert!(
        answer["error"]
            .as_str()
            .unwrap()
            .starts_with("the capture file could not be written"),
        "{answer}"
    );
    let (status, listed) = emu.get("/_telhook/messages");
    assert_eq!(status, 500, "the listing is a call too: {listed}");
    emu.settle_within_status(500);
}

#[test]
fn the_bandwidth_listing_is_the_accounts_own_with_the_texts_it_received() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]);
    let emu = Emulating::start(&t, &app.url, &["--number", "+13125550100"]);
    let auth = basic("api", "key");
    let (status, sent) = emu.post(
        "/api/v2/users/5550100/messages",
        Some(&auth),
        &json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
                "to": ["+13125550123"], "from": "+13125550100", "text": "hi"}),
    );
    assert_eq!(status, 202, "{sent}");
    // `telhook text --json` says what the emulator did, as a typed line.
    let out = t
        .run(&[
            "--json",
            "text",
            "--emulator",
            emu.base.as_str(),
            "-p",
            "bandwidth",
            "--from",
            "+13125550140",
            "--to",
            "+13125550100",
            "yes",
        ])
        .stdout(Expect::satisfies("one JSON line", |s| {
            s.lines().count() == 1
        }))
        .check();
    let texted: Value = serde_json::from_str(out.text().trim()).unwrap();
    assert_eq!(
        (&texted["type"], &texted["provider"], &texted["webhooks"]),
        (&json!("texted"), &json!("bandwidth"), &json!(1)),
        "{texted}"
    );
    emu.settle();
    let list = |account: &str| {
        let answer = http()
            .get(format!("{}/api/v2/users/{account}/messages", emu.base))
            .header("Authorization", auth.as_str())
            .send()
            .unwrap();
        assert_eq!(answer.status().as_u16(), 200);
        let listing: Value = serde_json::from_slice(&answer.bytes().unwrap()).unwrap();
        assert_documented("bandwidth.messages-list.json", &listing);
        listing["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["messageId"].as_str().unwrap().to_string(),
                    m["messageDirection"].as_str().unwrap().to_string(),
                    m["sourceTn"].as_str().unwrap().to_string(),
                    m["destinationTn"].as_str().unwrap().to_string(),
                    m["messageStatus"].as_str().unwrap().to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let inbound = (
        texted["ids"][0].as_str().unwrap().to_string(),
        "INBOUND".to_string(),
        "+13125550140".to_string(),
        "+13125550100".to_string(),
        "RECEIVED".to_string(),
    );
    assert_eq!(
        list("5550100"),
        [
            (
                sent["id"].as_str().unwrap().to_string(),
                "OUTBOUND".to_string(),
                "+13125550100".to_string(),
                "+13125550123".to_string(),
                "DELIVERED".to_string(),
            ),
            inbound.clone()
        ]
    );
    assert_eq!(
        list("9999999"),
        [inbound],
        "another account's message is not listed"
    );
}

/// `telhook emulate SUBCOMMAND --emulator <this emulator> ARGS`.
fn control(t: &Telhook, emu: &Emulating, json: bool, args: &[&str]) -> crate::support::Run {
    let mut all = Vec::new();
    if json {
        all.push("--json");
    }
    all.extend_from_slice(&["emulate", args[0], "--emulator", emu.base.as_str()]);
    all.extend_from_slice(&args[1..]);
    t.run(&all)
}

#[test]
fn emulate_messages_lists_what_was_sent_and_emulate_reset_forgets_it() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(2);
    let emu = Emulating::start(&t, &app.url, &[]);
    let id = emu.send("+13125550123", json!({}))["data"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    control(&t, &emu, false, &["settle"])
        .stdout("✓ settled: every webhook due has been delivered or given up\n")
        .check();
    // One line each: provider, id, the status its webhooks left, from → to.
    control(&t, &emu, false, &["messages"])
        .stdout(format!(
            "telnyx  {id}  delivered  +13125550100 → +13125550123\n"
        ))
        .stderr("1 message kept. `telhook emulate reset` forgets it.\n")
        .check();
    let listed = control(&t, &emu, true, &["messages"]).check();
    let lines: Vec<crate::support::json::Message> = listed
        .text()
        .lines()
        .map(crate::support::json::parse)
        .collect();
    assert_eq!(lines.len(), 1, "{}", listed.text());
    assert_eq!(
        (
            lines[0].kind.as_str(),
            lines[0].provider.as_str(),
            &lines[0].id
        ),
        ("message", "telnyx", &id)
    );
    assert_eq!(lines[0].message["to"][0]["status"], "delivered");
    // As the API's GET returns it.
    let (_, got) = emu.get(&format!("/v2/messages/{id}"));
    assert_eq!(lines[0].message, got["data"]);
    control(&t, &emu, false, &["messages", "-p", "bandwidth"])
        .stdout("")
        .stderr("no messages kept: none was sent or texted in since the start or the last reset\n")
        .check();
    control(&t, &emu, false, &["reset"])
        .stdout("reset: 1 message forgotten\n")
        .check();
    control(&t, &emu, false, &["messages"])
        .stdout("")
        .stderr("no messages kept: none was sent or texted in since the start or the last reset\n")
        .check();
    let reset = control(&t, &emu, true, &["reset"]).check();
    let reset: crate::support::json::Reset = crate::support::json::parse(reset.text().trim_end());
    assert_eq!((reset.kind.as_str(), reset.forgotten), ("reset", 0));
}

#[test]
fn emulate_settle_returns_once_the_webhooks_are_delivered() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(2);
    // The webhooks wait out their latency: settle must wait for them, not return at once.
    let emu = Emulating::start(&t, &app.url, &["--latency", "300ms"]);
    emu.send("+13125550123", json!({}));
    let settled = control(&t, &emu, true, &["settle", "--timeout", "20s"]).check();
    assert_eq!(
        app.requests().len(),
        2,
        "both webhooks before settle answered"
    );
    let line: crate::support::json::Settle = crate::support::json::parse(settled.text().trim_end());
    assert_eq!(
        line,
        crate::support::json::Settle {
            kind: "settle".into(),
            settled: true,
            error: None
        }
    );
}

#[test]
fn emulate_settle_exits_1_while_webhooks_are_still_in_flight() {
    let t = Telhook::new();
    let app = Receiver::script(vec![Reply::status(200)]).expect_hits(0);
    // The webhooks are still in their latency when the 1 ms settle gives up (the emulator is
    // stopped before they go).
    let emu = Emulating::start(&t, &app.url, &["--latency", "30s"]);
    emu.send("+13125550123", json!({}));
    control(&t, &emu, false, &["settle", "--timeout", "1ms"])
        .status(1)
        .stdout("✗ not settled: webhooks still in flight after 1ms (wait longer with --timeout)\n")
        .check();
    let unsettled = control(&t, &emu, true, &["settle", "--timeout", "1ms"])
        .status(1)
        .check();
    let line: crate::support::json::Settle =
        crate::support::json::parse(unsettled.text().trim_end());
    assert_eq!(
        (line.settled, line.error.as_deref()),
        (false, Some("webhooks still in flight after 1ms"))
    );
}

#[test]
fn the_emulate_calls_name_an_emulator_they_cannot_reach_and_the_flag() {
    let t = Telhook::new();
    let base = format!("http://127.0.0.1:{}", crate::support::closed_port());
    for (call, path) in [
        ("settle", "/_telhook/settle?timeout=10000ms"),
        ("messages", "/_telhook/messages"),
        ("reset", "/_telhook/reset"),
    ] {
        t.run(&["emulate", call, "--emulator", &base])
            .status(2)
            .stderr(format!(
                "telhook: error: {base}{path}: connection refused: nothing is listening at that address and port (is `telhook emulate` running there? pass --emulator URL)\n"
            ))
            .stdout("")
            .check();
    }
}

#[test]
fn the_emulators_flags_do_not_go_with_a_call_to_a_running_one() {
    let t = Telhook::new();
    t.run(&["emulate", "--port", "0", "settle"])
        .status(2)
        .stderr(
            "telhook: error: the subcommand 'settle' cannot be used with '--port <PORT>'\n\n\
             Usage: telhook emulate [OPTIONS]\n       telhook emulate <COMMAND>\n\n\
             For more information, try '--help'.\n",
        )
        .stdout("")
        .check();
    t.run(&["emulate", "settle", "--timeout", "10m"])
        .status(2)
        .stderr(
            "telhook: error: invalid value '10m' for '--timeout <DURATION>': `10m`: the emulator waits at most 5m\n\n\
             For more information, try '--help'.\n",
        )
        .stdout("")
        .check();
}
