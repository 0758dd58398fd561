//! `telhook validate` and the schemas: every example validates, documented examples are valid
//! or listed with a reason, and each mutation is reported at the right path.

use crate::support::{AT, Expect, Telhook, all_variants, repo_file};
use serde_json::{Value, json};
use telhook::Provider;
use telhook::catalog::Event;
use telhook::schema::Validators;
use telhook::template::{Renderer, Seed};

fn render(p: Provider, event: &str, variant: &str, seed: u64) -> Vec<Value> {
    let mut r = Renderer::new(Seed {
        seed: Some(seed),
        at: Some(chrono::DateTime::parse_from_rfc3339(AT).unwrap().into()),
    });
    telhook::example::build(p, event, Some(variant), &[], &mut r)
        .unwrap()
        .values
}

fn event(p: Provider, name: &str) -> &'static Event {
    telhook::catalog::find(p, name).unwrap().event
}

#[test]
fn every_example_of_every_event_validates_even_strictly() {
    let loose = Validators::new(false);
    let strict = Validators::new(true);
    for (p, name, variant) in all_variants() {
        let e = event(p, name);
        for seed in 0..12 {
            for body in render(p, name, variant, seed) {
                let errs = loose.check(e, &body).unwrap();
                assert!(
                    errs.is_empty(),
                    "{p} {name} {variant} seed {seed}: {errs:?}"
                );
                let errs = strict.check(e, &body).unwrap();
                assert!(
                    errs.is_empty(),
                    "strict {p} {name} {variant} seed {seed}: {errs:?}"
                );
                assert_eq!(
                    telhook::catalog::recognize(&body).map(|r| r.name),
                    Some(name),
                    "{p} {name} {variant}"
                );
            }
        }
    }
}

/// (mutated pointer, what was done) for every required field, enum and typed property the
/// schema declares along the paths present in `doc`.
fn mutations(
    schema: &Value,
    root: &Value,
    doc: &Value,
    pointer: &str,
    out: &mut Vec<(String, &'static str, Value)>,
) {
    let schema = resolve(schema, root);
    if schema.get("anyOf").is_some() || schema.get("oneOf").is_some() {
        return; // another branch may accept the mutation
    }
    if let (Some(props), Some(obj)) = (
        schema.get("properties").and_then(Value::as_object),
        doc.as_object(),
    ) {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for (k, sub) in props {
            let Some(child) = obj.get(k) else { continue };
            let p = format!("{pointer}/{k}");
            if required.contains(&k.as_str()) {
                let mut m = doc.clone();
                m.as_object_mut().unwrap().remove(k);
                out.push((p.clone(), "removed", m));
            }
            let sub = resolve(sub, root);
            if sub.get("enum").is_some() && allows(sub, "string") {
                let mut m = doc.clone();
                m[k] = json!("zz-not-documented");
                out.push((p.clone(), "enum", m));
            }
            if sub.get("enum").is_some() && allows(sub, "integer") {
                let mut m = doc.clone();
                m[k] = json!(987_654);
                out.push((p.clone(), "enum", m));
            }
            if let Some(wrong) = wrong_type(sub) {
                let mut m = doc.clone();
                m[k] = wrong;
                out.push((p.clone(), "type", m));
            }
            let mut inner = Vec::new();
            mutations(sub, root, child, &p, &mut inner);
            for (ip, what, mutated_child) in inner {
                let mut m = doc.clone();
                m[k] = mutated_child;
                out.push((ip, what, m));
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), doc.as_array())
        && let Some(first) = arr.first()
    {
        let mut inner = Vec::new();
        mutations(items, root, first, &format!("{pointer}/0"), &mut inner);
        for (ip, what, mutated) in inner {
            let mut m = doc.clone();
            m[0] = mutated;
            out.push((ip, what, m));
        }
    }
}

fn resolve<'a>(schema: &'a Value, root: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) if r.starts_with("#/") => resolve(root.pointer(&r[1..]).unwrap_or(schema), root),
        _ => schema,
    }
}

fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn allows(schema: &Value, t: &str) -> bool {
    types(schema).contains(&t)
}

fn wrong_type(schema: &Value) -> Option<Value> {
    let ts = types(schema);
    if ts.is_empty() {
        return None;
    }
    [
        ("integer", json!(12345)),
        ("string", json!("zz")),
        ("object", json!({})),
        ("boolean", json!(true)),
    ]
    .into_iter()
    .find(|(t, _)| !(ts.contains(t) || (*t == "integer" && ts.contains(&"number"))))
    .map(|(_, v)| v)
}

#[test]
fn every_removed_required_field_broken_enum_and_wrong_type_is_reported_at_its_path() {
    let v = Validators::new(false);
    let mut checked = 0;
    for p in Provider::ALL {
        for e in p.events() {
            let root: Value = serde_json::from_str(telhook::schema::text(e).unwrap()).unwrap();
            let doc = render(p, e.name, e.variants[0].name, 1).remove(0);
            let mut muts = Vec::new();
            mutations(&root, &root, &doc, "", &mut muts);
            assert!(
                !muts.is_empty(),
                "{p} {}: no mutations derived from its schema",
                e.name
            );
            for (pointer, what, mutated) in muts {
                let errs = v.check(e, &mutated).unwrap();
                assert!(
                    errs.iter().any(|x| x.pointer == pointer),
                    "{p} {} {what} {pointer}: reported {errs:?}",
                    e.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {checked} mutations");
}

#[test]
fn a_misspelt_status_is_reported_with_file_line_column_path_value_and_expectation() {
    let t = Telhook::new();
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.finalized",
        "--seed",
        "3",
        "--at",
        AT,
    ]);
    let text = String::from_utf8(body)
        .unwrap()
        .replace("\"status\": \"delivered\"", "\"status\": \"deliverd\"");
    t.write("receipt.json", &text);
    let line = text.lines().position(|l| l.contains("deliverd")).unwrap() + 1;
    let col = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .find("\"deliverd\"")
        .unwrap()
        + 1;
    t.run(&["validate", "receipt.json"])
        .status(1)
        .stdout(format!(
            "receipt.json:{line}:{col}: telnyx message.finalized: data.payload.to[0].status: \"deliverd\" is not one of queued, sending, sent, expired, sending_failed, delivery_unconfirmed, delivered, delivery_failed\n✗ invalid: 1 error in 1 of 1 file (1 event)\n"
        ))
        .check();
}

#[test]
fn missing_field_and_wrong_type_name_the_path() {
    let t = Telhook::new();
    let mut v: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "bandwidth",
        "message-failed",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    v[0].as_object_mut().unwrap().remove("errorCode");
    v[0]["message"]["segmentCount"] = json!("1");
    t.write("failed.json", serde_json::to_vec(&v).unwrap());
    t.run(&["validate", "--json", "failed.json"])
        .status(1)
        .stdout(concat!(
            r#"{"type":"error","file":"failed.json","line":1,"column":2,"provider":"bandwidth","event":"message-failed","#,
            r#""path":"[0].errorCode","pointer":"/0/errorCode","message":"required field is missing"}"#,
            "\n",
            r#"{"type":"error","file":"failed.json","line":1,"column":297,"provider":"bandwidth","event":"message-failed","#,
            r#""path":"[0].message.segmentCount","pointer":"/0/message/segmentCount","message":"\"1\" is string, expected integer"}"#,
            "\n",
            r#"{"type":"summary","files":1,"events":1,"invalid_files":1,"errors":2}"#,
            "\n",
        ))
        .check();
}

#[test]
fn directories_are_walked_in_a_stable_order_and_capture_bodies_are_checked() {
    let t = Telhook::new();
    std::fs::create_dir_all(t.path("hooks/b")).unwrap();
    let good = t.stdout(&[
        "example",
        "telnyx",
        "call.answered",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    t.write("hooks/b/ok.json", &good);
    t.write(
        "hooks/a.json",
        "{\"data\": {\"event_type\": \"call.answered\", \"id\": 5}}",
    );
    t.write("hooks/notes.txt", "ignored");
    let body = String::from_utf8(t.stdout(&[
        "example",
        "bandwidth",
        "message-received",
        "--seed",
        "2",
        "--at",
        AT,
    ]))
    .unwrap();
    let bad_body = body.replace("\"direction\":\"in\"", "\"direction\":\"sideways\"");
    let capture = format!(
        "{}\n{}\n",
        json!({"received_at": AT, "method": "POST", "body": body}),
        json!({"received_at": AT, "method": "POST", "body": bad_body})
    );
    t.write("hooks/b/capture.jsonl", capture);
    // a.json before b/, b/ in name order, notes.txt skipped, and ok.json valid (so not named)
    t.run(&["validate", "hooks"])
        .status(1)
        .stdout(concat!(
            "hooks/a.json:1:10: telnyx call.answered: data.record_type: required field is missing\n",
            "hooks/a.json:1:10: telnyx call.answered: data.occurred_at: required field is missing\n",
            "hooks/a.json:1:10: telnyx call.answered: data.payload: required field is missing\n",
            "hooks/a.json:1:48: telnyx call.answered: data.id: 5 is integer, expected string\n",
            "hooks/b/capture.jsonl:2:1: bandwidth message-received: [0].message.direction: \"sideways\" is not one of in, out (body line 1, column 314)\n",
            "✗ invalid: 5 errors in 2 of 3 files (4 events)\n",
        ))
        .check();
}

#[test]
fn stdin_forced_event_and_exit_codes() {
    let t = Telhook::new();
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.sent",
        "--seed",
        "1",
        "--at",
        AT,
    ]);
    t.run(&["validate", "-"])
        .stdin(body.clone())
        .stdout("✓ valid: 1 file, 1 event, no errors\n")
        .check();
    t.run(&["validate", "--event", "telnyx/call.hangup", "-"])
        .stdin(body)
        .status(1)
        .stdout(concat!(
            "<stdin>:3:19: telnyx call.hangup: data.event_type: \"message.sent\" is not \"call.hangup\"\n",
            "<stdin>:6:16: telnyx call.hangup: data.payload.call_control_id: required field is missing\n",
            "<stdin>:6:16: telnyx call.hangup: data.payload.call_leg_id: required field is missing\n",
            "<stdin>:6:16: telnyx call.hangup: data.payload.call_session_id: required field is missing\n",
            "<stdin>:6:16: telnyx call.hangup: data.payload.client_state: required field is missing\n",
            "<stdin>:6:16: telnyx call.hangup: data.payload.connection_id: required field is missing\n",
            "<stdin>:26:15: telnyx call.hangup: data.payload.from: {\"carrier\":\"Telnyx\",\"line_type\":\"Wireless\",\"phone_number\"... is object, expected string\n",
            "<stdin>:47:13: telnyx call.hangup: data.payload.to: [{\"carrier\":\"AT&T\",\"line_type\":\"Wireless\",\"phone_number\":... is array, expected string\n",
            "✗ invalid: 8 errors in 1 of 1 file (1 event)\n",
        ))
        .check();
    t.run(&["validate", "-"])
        .stdin("{\"hello\": 1}")
        .status(1)
        .stdout("<stdin>:1:1: cannot tell which event this is (no data.event_type, event, type or eventType that telhook knows); pass --event PROVIDER/EVENT\n✗ invalid: 1 error in 1 of 1 file (1 event)\n")
        .check();
    t.run(&["validate", "-"])
        .stdin("{\"data\": ")
        .status(1)
        .stdout("<stdin>:1:9: invalid JSON: EOF while parsing a value at line 1 column 9\n✗ invalid: 1 error in 1 of 1 file (0 events)\n")
        .check();
    // The OS's words for a missing file are left open.
    t.run(&["validate", "nope.json"])
        .status(2)
        .stdout("")
        .stderr(Expect::pattern("telhook: error: reading nope.json: [..]\n"))
        .check();
    t.run(&["validate", "--event", "telnyx/message.recieved", "-"])
        .stdin("{}")
        .status(2)
        .stdout("")
        .stderr("telhook: error: unknown telnyx event `message.recieved`; did you mean `message.received`? (list them with `telhook events --provider telnyx`)\n")
        .check();
}

#[test]
fn report_unlisted_reports_fields_the_schema_does_not_list() {
    let t = Telhook::new();
    let mut v: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "telnyx",
        "call.hangup",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    v["data"]["payload"]["brand_new_field"] = json!(1);
    t.write("hangup.json", serde_json::to_vec_pretty(&v).unwrap());
    t.run(&["validate", "hangup.json"])
        .stdout("✓ valid: 1 file, 1 event, no errors\n")
        .check();
    t.run(&["validate", "--report-unlisted", "hangup.json"])
        .status(1)
        .stdout("hangup.json:32:26: telnyx call.hangup: data.payload.brand_new_field: unknown field (not in the documented schema; allowed without --report-unlisted)\n✗ invalid: 1 error in 1 of 1 file (1 event)\n")
        .check();
}

#[test]
fn schema_command_prints_a_draft_2020_12_schema() {
    let t = Telhook::new();
    let s: Value =
        serde_json::from_slice(&t.stdout(&["schema", "bandwidth", "message-queued"])).unwrap();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(
        s["$id"],
        "https://telhook.dev/schemas/bandwidth/message-sending.json"
    );
}

/// Documented examples copied from the provider documents (tests/data/reference/SOURCES.md): each
/// is valid, or listed in tests/data/reference/expected.json with the reason it is not.
#[test]
fn documented_examples_are_valid_or_listed_with_a_reason() {
    let dir = repo_file("tests/data/reference");
    let expected: Value =
        serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
    let v = Validators::new(false);
    let entries = expected["files"].as_object().unwrap();
    assert!(
        entries.len() > 150,
        "only {} reference files",
        entries.len()
    );
    for (file, exp) in entries {
        let body: Value = serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap();
        let (p, name) = exp["event"].as_str().unwrap().split_once('/').unwrap();
        let p = if p == "telnyx" {
            Provider::Telnyx
        } else {
            Provider::Bandwidth
        };
        let errs = v.check(event(p, name), &body).unwrap();
        match exp.get("invalid_because") {
            None => assert!(errs.is_empty(), "{file} should be valid: {errs:?}"),
            Some(reason) => {
                assert!(
                    !errs.is_empty(),
                    "{file} is listed as invalid ({reason}) but validates"
                );
                let want = exp["pointer"].as_str().unwrap();
                assert!(
                    errs.iter().any(|e| e.pointer == want),
                    "{file}: expected an error at {want}, got {errs:?}"
                );
            }
        }
    }
}

#[test]
fn odd_inputs_get_one_precise_answer() {
    let t = Telhook::new();
    // a symlink loop in a directory is not followed
    std::fs::create_dir_all(t.path("loop/sub")).unwrap();
    t.write(
        "loop/a.json",
        t.stdout(&["example", "telnyx", "call.hold", "--seed", "1", "--at", AT]),
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", t.path("loop/sub/up")).unwrap();
        std::os::unix::fs::symlink("..", t.path("loop/sub/up2")).unwrap();
    }
    t.run(&["validate", "loop"])
        .timeout(std::time::Duration::from_secs(10))
        .stdout("✓ valid: 1 file, 1 event, no errors\n")
        .check();
    // an array of Telnyx bodies is checked element by element
    let a: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "telnyx",
        "message.sent",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    let mut b = a.clone();
    b["data"]["payload"]["type"] = json!("FAX");
    t.write("batch.json", serde_json::to_vec(&json!([a, b])).unwrap());
    t.run(&["validate", "batch.json"])
        .status(1)
        .stdout("batch.json:1:2301: telnyx message.sent: [1].data.payload.type: \"FAX\" is not one of SMS, MMS\n✗ invalid: 1 error in 1 of 1 file (2 events)\n")
        .check();
    // a v2 callback without eventTime is still a v2 callback, and the missing field is named
    let mut v: Value = serde_json::from_slice(&t.stdout(&[
        "example",
        "bandwidth",
        "answer",
        "--seed",
        "1",
        "--at",
        AT,
    ]))
    .unwrap();
    v.as_object_mut().unwrap().remove("eventTime");
    t.write("answer.json", serde_json::to_vec(&v).unwrap());
    t.run(&["validate", "answer.json"])
        .status(1)
        .stdout("answer.json:1:1: bandwidth answer: eventTime: required field is missing\n✗ invalid: 1 error in 1 of 1 file (1 event)\n")
        .check();
    // an empty file is not "valid"
    t.write("empty.jsonl", "\n\n");
    t.run(&["validate", "empty.jsonl"])
        .status(1)
        .stdout("empty.jsonl:1:1: the file is empty: no payload to check\n✗ invalid: 1 error in 1 of 1 file (0 events)\n")
        .check();
    // broken pretty JSON on stdin is one syntax error, not one per line
    let pretty =
        String::from_utf8(t.stdout(&["example", "telnyx", "call.hold", "--seed", "1", "--at", AT]))
            .unwrap()
            .replace("\"call_control_id\"", "call_control_id");
    t.run(&["validate", "-"])
        .stdin(pretty)
        .status(1)
        .stdout("<stdin>:7:7: invalid JSON: key must be a string at line 7 column 7\n✗ invalid: 1 error in 1 of 1 file (0 events)\n")
        .check();
}
