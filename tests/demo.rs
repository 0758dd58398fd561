//! `telhook demo`: one command, nothing to configure, every verdict checked.

use crate::support::Telhook;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    #[serde(rename = "type")]
    kind: String,
    case: String,
    scenario: bool,
    provider: String,
    event: String,
    ok: bool,
    expected: String,
    got: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    #[serde(rename = "type")]
    kind: String,
    events: usize,
    scenarios: usize,
    round_trips: usize,
    requests: usize,
    verdicts: BTreeMap<String, usize>,
    checks: usize,
    failed: usize,
}

fn catalog_bodies(provider: telhook::Provider) -> usize {
    // Group messages fan out into one callback per owned number.
    provider
        .events()
        .iter()
        .map(|e| telhook::bandwidth::copies(e.name, e.default_variant().name))
        .sum()
}

#[test]
fn demo_delivers_every_event_and_every_failure_with_the_expected_verdicts() {
    let t = Telhook::new();
    let out = t.cmd().arg("demo").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("listening on http://127.0.0.1:"));
    assert!(lines[1].starts_with("demo: Telnyx events signed with a new key; public key "));
    assert_eq!(
        lines[2],
        "demo: Bandwidth credentials telhook-demo:<generated>"
    );

    let telnyx = catalog_bodies(telhook::Provider::Telnyx);
    let bandwidth = catalog_bodies(telhook::Provider::Bandwidth);
    let count = |pred: &dyn Fn(&str) -> bool| lines.iter().filter(|l| pred(l)).count();
    // Every Telnyx event verified once (plus the duplicate pair, the out-of-order pair and the
    // round trip's sent and finalized).
    assert_eq!(
        count(&|l| l.contains(" telnyx ") && l.contains("✓ verified → 200")),
        telnyx + 4 + 2
    );
    // Every Bandwidth event challenged, then verified (plus the scenarios: the challenge, the
    // wrong password, the duplicate pair and the out-of-order pair; and the round trip's
    // delivery receipt).
    assert_eq!(
        count(&|l| l.contains(" bandwidth ") && l.contains("↺ challenged: no Authorization")),
        bandwidth + 6 + 1
    );
    assert_eq!(
        count(&|l| l.contains(" bandwidth ") && l.contains("✓ verified → 200")),
        bandwidth + 5 + 1
    );
    // The challenge is explained once; every later challenge refers back to it.
    assert_eq!(
        count(&|l| l.contains(
            "↺ challenged: no Authorization header (Bandwidth sends credentials only after a 401 \
             challenge) → 401"
        )),
        1
    );
    assert_eq!(
        count(&|l| l.contains("↺ challenged: no Authorization header (see above) → 401")),
        bandwidth + 5 + 1
    );
    // The failures, as the listener words them.
    assert_eq!(
        count(&|l| l.contains("✗ rejected: signature does not match") && l.ends_with("→ 403")),
        1
    );
    assert_eq!(
        // Signed 600 s before the send; the listener's clock may have moved on a second since.
        count(
            &|l| (l.contains("✗ rejected: telnyx-timestamp is 600 s old")
                || l.contains("✗ rejected: telnyx-timestamp is 601 s old"))
                && l.ends_with("→ 403")
        ),
        1
    );
    assert_eq!(
        count(&|l| l.contains("✗ rejected: wrong user or password → 401")),
        1
    );
    assert_eq!(count(&|l| l.ends_with("→ 200 [duplicate]")), 2);
    assert_eq!(count(&|l| l.ends_with("→ 200 [out-of-order]")), 2);
    // What each scenario expected, in words: never a fragment of the text it was matched
    // with (the stale timestamp once read `rejected 403 (s old)`).
    assert_eq!(count(&|l| l.contains("(s old)")), 0);
    let expectations: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("   ✓ as expected: "))
        .collect();
    assert_eq!(
        expectations[..2],
        [
            "rejected 403 (signature does not match); sender not acknowledged",
            "rejected 403 (timestamp too old); sender not acknowledged",
        ]
    );
    // The round trips through the emulator: the API's answer, then the webhooks about its id.
    assert_eq!(
        expectations[12..],
        [
            "telnyx: POST /v2/messages answered 200 with a message id; message.sent and message.finalized about that id, verified",
            "bandwidth: POST /api/v2/users/5550100/messages answered 202 with a message id; message-delivered about that id, challenged, then verified",
        ]
    );
    assert_eq!(expectations.len(), 14, "{expectations:#?}");
    assert_eq!(count(&|l| l.contains("unexpected")), 0);
    assert_eq!(count(&|l| l.contains("[schema:")), 0, "examples are valid");
    let (seen, summary) = (lines[lines.len() - 1], lines[lines.len() - 2]);
    assert_eq!(
        summary,
        format!(
            "summary: {} events, 8 failure scenarios and 2 round trips; ✓ {n} of {n} verdicts as expected",
            telnyx + bandwidth,
            n = telnyx + bandwidth + 12 + 2
        )
    );
    assert!(
        seen.starts_with(&format!(
            "         the listener saw {} requests (",
            telnyx + 2 * bandwidth + 18 + 4
        )),
        "{seen}"
    );
}

#[test]
fn demo_json_has_a_passing_check_per_delivery_and_a_summary() {
    let t = Telhook::new();
    let out = t
        .cmd()
        .args(["demo", "--json", "--provider", "telnyx"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut checks = Vec::new();
    let mut events = 0;
    let mut summary = None;
    for line in stdout.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        match v["type"].as_str().unwrap() {
            "check" => checks.push(serde_json::from_value::<Check>(v).unwrap()),
            "summary" => summary = Some(serde_json::from_value::<Summary>(v).unwrap()),
            "event" => {
                assert_eq!(v["provider"], "telnyx", "--provider narrows the run");
                events += 1;
            }
            "listening" | "demo" => {}
            other => panic!("unexpected line type {other}"),
        }
    }
    let summary = summary.unwrap();
    let telnyx = catalog_bodies(telhook::Provider::Telnyx);
    assert_eq!(summary.kind, "summary");
    assert_eq!(summary.events, telnyx);
    assert_eq!(summary.scenarios, 4);
    assert_eq!(summary.failed, 0);
    assert_eq!(summary.checks, checks.len());
    assert_eq!(summary.round_trips, 1);
    assert_eq!(checks.len(), telnyx + 6 + 1);
    assert_eq!(summary.requests, events);
    assert_eq!(summary.verdicts.get("rejected"), Some(&2));
    assert_eq!(summary.verdicts.get("verified"), Some(&(telnyx + 4 + 2)));
    let trip = checks.iter().find(|c| c.case == "round trip").unwrap();
    assert!(
        trip.ok && trip.got.contains("2 request(s) at the listener"),
        "{trip:?}"
    );
    assert!(
        checks
            .iter()
            .all(|c| c.kind == "check" && c.ok && c.provider == "telnyx")
    );
    assert!(
        checks
            .iter()
            .all(|c| !c.event.is_empty() && !c.got.is_empty())
    );
    let forged = checks
        .iter()
        .find(|c| c.case.starts_with("forged"))
        .unwrap();
    assert!(forged.scenario);
    assert_eq!(
        forged.expected,
        "rejected 403 (signature does not match); sender not acknowledged"
    );
    assert_eq!(checks.iter().filter(|c| c.scenario).count(), 6);
}
