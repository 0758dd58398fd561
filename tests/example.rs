//! `telhook example`: exact provider bytes, reproducible with --seed/--at, strict --set.

use crate::support::{self, AT, Telhook};
use serde_json::Value;

#[test]
fn seed_and_at_make_output_byte_for_byte_reproducible() {
    let t = Telhook::new();
    for (p, e) in [
        ("telnyx", "message.finalized"),
        ("bandwidth", "message-delivered"),
        ("bandwidth", "initiate"),
    ] {
        let args = ["example", p, e, "--seed", "42", "--at", AT];
        let a = t.stdout(&args);
        let b = t.stdout(&args);
        assert_eq!(a, b, "{p} {e}");
        let c = t.stdout(&["example", p, e, "--seed", "43", "--at", AT]);
        assert_ne!(a, c, "{p} {e}: another seed must give other values");
    }
}

#[test]
fn seeded_output_matches_the_committed_golden_files() {
    // If a template or the renderer changes on purpose, regenerate with the commands in
    // tests/data/README.md and review the diff: these files pin what `--seed` promises.
    let t = Telhook::new();
    for (p, e, v, golden) in [
        (
            "telnyx",
            "message.finalized",
            "delivery_failed",
            "tests/data/golden/telnyx.message.finalized.delivery_failed.json",
        ),
        (
            "bandwidth",
            "message-received",
            "group",
            "tests/data/golden/bandwidth.message-received.group.jsonl",
        ),
    ] {
        let out = t.stdout(&[
            "example",
            "-q",
            p,
            e,
            "--variant",
            v,
            "--seed",
            "7",
            "--at",
            AT,
        ]);
        support::golden(golden, &out);
    }
}

#[test]
fn telnyx_bodies_are_sorted_two_space_json_without_trailing_newline() {
    let t = Telhook::new();
    let out = t.stdout(&[
        "example",
        "telnyx",
        "message.received",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    assert!(out.starts_with(b"{\n  \"data\": {\n    \"event_type\": \"message.received\""));
    assert!(out.ends_with(b"}") && !out.ends_with(b"\n"));
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["meta"]["attempt"], 1);
    assert_eq!(out, telhook::telnyx::to_wire(&v));
}

#[test]
fn bandwidth_messaging_is_a_compact_json_array_and_voice_an_object() {
    let t = Telhook::new();
    let msg = t.stdout(&[
        "example",
        "bandwidth",
        "message-delivered",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    assert!(
        msg.starts_with(b"[{\"type\":\"message-delivered\""),
        "{}",
        String::from_utf8_lossy(&msg)
    );
    let voice: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "bandwidth",
        "answer",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    assert_eq!(voice["eventType"], "answer");
    let pretty = t.stdout(&[
        "example",
        "bandwidth",
        "message-delivered",
        "--seed",
        "1",
        "--at",
        AT,
        "--pretty",
    ]);
    assert!(pretty.starts_with(b"[\n  {\n"));
}

#[test]
fn group_message_gives_one_callback_per_owned_recipient_with_its_own_id() {
    let t = Telhook::new();
    let out = t
        .run(&[
            "example",
            "bandwidth",
            "message-received",
            "--variant",
            "group",
            "--seed",
            "3",
            "--at",
            AT,
        ])
        .stderr("2 callbacks: Bandwidth sends one per number you own among the recipients, one per line below\n")
        .check();
    let docs: Vec<Value> = out
        .stdout
        .split(|b| *b == b'\n')
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    let (a, b) = (&docs[0][0], &docs[1][0]);
    assert_ne!(a["message"]["id"], b["message"]["id"]);
    assert_eq!(a["message"]["to"], b["message"]["to"]);
    assert_eq!(a["to"], a["message"]["to"][0]);
    assert_eq!(b["to"], b["message"]["to"][1]);
    assert_eq!(b["message"]["owner"], b["to"]);
}

#[test]
fn message_queued_is_accepted_as_the_earlier_name_of_message_sending() {
    let t = Telhook::new();
    let v: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "bandwidth",
        "message-queued",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    assert_eq!(v[0]["type"], "message-queued");
    let v: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "bandwidth",
        "message-sending",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    assert_eq!(v[0]["type"], "message-sending");
}

#[test]
fn set_overrides_a_field_and_keeps_parts_consistent() {
    let t = Telhook::new();
    let long = "x".repeat(200);
    let out = t.stdout(&[
        "example",
        "telnyx",
        "message.received",
        "--seed",
        "1",
        "--at",
        AT,
        "--set",
        &format!("data.payload.text=\"{long}\""),
        "--set",
        "/data/payload/to/0/status=\"delivered\"",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["data"]["payload"]["text"], long.as_str());
    assert_eq!(v["data"]["payload"]["parts"], 2);
    assert_eq!(v["data"]["payload"]["to"][0]["status"], "delivered");
    let out = t.stdout(&[
        "example",
        "bandwidth",
        "message-received",
        "--seed",
        "1",
        "--at",
        AT,
        "--set",
        "message.text=\"Привет\"",
    ]);
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["message"]["text"], "Привет");
    assert_eq!(v[0]["message"]["segmentCount"], 1);
}

#[test]
fn set_on_a_missing_path_fails_clearly_instead_of_doing_nothing() {
    let t = Telhook::new();
    t.run(&["example", "telnyx", "message.sent", "--set", "data.payload.txt=\"hi\""])
        .status(2)
        .stdout("")
        .stderr(concat!(
            "telhook: error: --set path `data.payload.txt` does not exist in this payload: no field `txt` at `data.payload` (fields there: ",
            "cc, completed_at, cost, cost_breakdown, direction, encoding, errors, from, id, media, messaging_profile_id, organization_id, ",
            "parts, received_at, record_type, sent_at, subject, tags, tcr_campaign_billable, tcr_campaign_id, tcr_campaign_registered, ",
            "text, to, type, valid_until, webhook_failover_url, webhook_url); did you mean `text`?\n",
        ))
        .check();
    t.run(&[
        "example",
        "telnyx",
        "message.sent",
        "--set",
        "data.payload.text=hi",
    ])
    .status(2)
    .stdout("")
    .stderr(concat!(
        "telhook: error: invalid value 'data.payload.text=hi' for '--set <PATH=VALUE>': value of `data.payload.text` is not JSON ",
        "(expected value at line 1 column 1); a string needs quotes: --set 'data.payload.text=\"hi\"'\n",
        "\n",
        "For more information, try '--help'.\n",
    ))
    .check();
}

#[test]
fn unknown_event_or_variant_is_one_line_with_a_suggestion() {
    let t = Telhook::new();
    t.run(&["example", "telnyx", "message.recieved"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: unknown telnyx event `message.recieved`; did you mean `message.received`? (list them with `telhook events --provider telnyx`)\n")
        .check();
    t.run(&["example", "telnyx", "message-received"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: unknown telnyx event `message-received`; did you mean `message.received`? (list them with `telhook events --provider telnyx`)\n")
        .check();
    t.run(&["example", "telnyx", "message.finalized", "--variant", "lost"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: event `message.finalized` has no variant `lost`; its variants are: delivered, sending_failed, delivery_failed, delivery_unconfirmed, expired, group-mms\n")
        .check();
}

#[test]
fn every_finalized_variant_carries_its_terminal_status() {
    let t = Telhook::new();
    for status in [
        "delivered",
        "sending_failed",
        "delivery_failed",
        "delivery_unconfirmed",
    ] {
        let v: Value = serde_json::from_slice(&t.stdout(&[
            "example",
            "telnyx",
            "message.finalized",
            "--variant",
            status,
            "--seed",
            "1",
            "--at",
            AT,
        ]))
        .unwrap();
        assert_eq!(v["data"]["payload"]["to"][0]["status"], status);
        let errors = v["data"]["payload"]["errors"].as_array().unwrap();
        if status == "delivery_failed" {
            assert!(!errors.is_empty());
            assert!(errors[0]["code"].is_string() && errors[0]["title"].is_string());
        }
    }
}

#[test]
fn message_failed_uses_a_documented_error_code() {
    let t = Telhook::new();
    let table = telhook::bandwidth::error_codes();
    for seed in 0..10 {
        let v: Value = serde_json::from_slice(&t.stdout(&[
            "example",
            "bandwidth",
            "message-failed",
            "--seed",
            &seed.to_string(),
            "--at",
            AT,
        ]))
        .unwrap();
        let code = v[0]["errorCode"].as_u64().unwrap() as u32;
        let entry = table
            .iter()
            .find(|c| c.code == code)
            .unwrap_or_else(|| panic!("{code} not documented"));
        assert_eq!(v[0]["description"], entry.description.as_str());
    }
}

#[test]
fn malformed_paths_and_out_of_range_times_are_refused() {
    let t = Telhook::new();
    t.run(&[
        "example",
        "telnyx",
        "message.sent",
        "--set",
        "data..payload=1",
    ])
    .status(2)
    .stdout("")
    .stderr(concat!(
        "telhook: error: invalid value 'data..payload=1' for '--set <PATH=VALUE>': bad path in `data..payload=1`: use dotted keys and [N] ",
        "indexes (data.payload.to[0].status) or a JSON pointer (/data/payload/to/0/status)\n",
        "\n",
        "For more information, try '--help'.\n",
    ))
    .check();
    t.run(&[
        "example",
        "telnyx",
        "message.sent",
        "--at",
        "0000-01-01T00:00:00Z",
    ])
    .status(2)
    .stdout("")
    .stderr(concat!(
        "telhook: error: invalid value '0000-01-01T00:00:00Z' for '--at <TIME>': `0000-01-01T00:00:00Z` is outside the years 1980 ",
        "to 9000 that payload times can use\n",
        "\n",
        "For more information, try '--help'.\n",
    ))
    .check();
}
