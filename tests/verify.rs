//! `telhook verify`: exit 0 valid, 1 invalid (each reason on its own line), 2 could not run.

use crate::support::{Expect, Telhook};
use telhook::signing::PrivateKey;

const TS: &str = "1772600767";

struct Case {
    t: Telhook,
    key: PrivateKey,
    public: String,
    body: Vec<u8>,
}

fn case() -> Case {
    let t = Telhook::new();
    let key = PrivateKey::from_seed(&[11u8; 32]);
    let public = key.public().to_base64();
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.received",
        "--seed",
        "9",
        "--at",
        "2026-03-04T05:06:07Z",
    ]);
    t.write("body.json", &body);
    Case {
        t,
        key,
        public,
        body,
    }
}

impl Case {
    fn sig(&self, ts: &str, body: &[u8]) -> String {
        telhook::telnyx::sign(&self.key, ts, body)
    }

    /// Run verify with the signature of the original body and the given extra args.
    #[track_caller]
    fn expect(&self, args: &[&str], code: i32, stdout: &str) {
        let mut full = vec!["verify", "--public-key", &self.public];
        full.extend_from_slice(args);
        self.t.run(&full).status(code).stdout(stdout).check();
    }
}

#[test]
fn valid_signature_exits_0() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.expect(
        &[
            "--signature",
            &sig,
            "--timestamp",
            TS,
            "--now",
            "1772600800",
            "body.json",
        ],
        0,
        "✓ valid: signature matches the body; timestamp 1772600767 is 33 s old (tolerance 300 s)\n",
    );
}

#[test]
fn body_from_stdin_is_read_byte_for_byte() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.t.run(&[
        "verify",
        "--public-key",
        &c.public,
        "--signature",
        &sig,
        "--timestamp",
        TS,
        "--now",
        TS,
        "-",
    ])
    .stdin(c.body.clone())
    .stdout(
        "✓ valid: signature matches the body; timestamp 1772600767 is 0 s old (tolerance 300 s)\n",
    )
    .check();
    // one byte more on stdin, and it is the trailing newline
    let mut nl = c.body.clone();
    nl.push(b'\n');
    c.t.run(&[
        "verify",
        "--public-key",
        &c.public,
        "--signature",
        &sig,
        "--timestamp",
        TS,
        "--now",
        TS,
        "-",
    ])
    .stdin(nl)
    .status(1)
    .stdout("✗ invalid: 1 reason\n  - signature does not match: a trailing newline was added to the body after signing; verify the raw bytes as received\n")
    .check();
}

#[test]
fn missing_headers_in_a_header_dump_are_each_a_reason() {
    let c = case();
    c.t.write(
        "headers.txt",
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n",
    );
    c.expect(
        &["--headers", "headers.txt", "body.json"],
        1,
        "✗ invalid: 2 reasons\n  - missing header telnyx-signature-ed25519\n  - missing header telnyx-timestamp\n",
    );
}

#[test]
fn header_dump_from_curl_is_read() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.t.write("headers.txt", format!("POST /webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nTelnyx-Signature-Ed25519: {sig}\r\nTelnyx-Timestamp: {TS}\r\n\r\n"));
    c.expect(
        &["--headers", "headers.txt", "--now", TS, "body.json"],
        0,
        "✓ valid: signature matches the body; timestamp 1772600767 is 0 s old (tolerance 300 s)\n",
    );
}

#[test]
fn signature_not_base64_is_named() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let unpadded = sig.trim_end_matches('=').to_string();
    c.expect(
        &["--signature", &unpadded, "--timestamp", TS, "--now", TS, "body.json"],
        1,
        "✗ invalid: 1 reason\n  - telnyx-signature-ed25519 is not standard base64: its `=` padding is missing (current SDKs require it)\n",
    );
}

#[test]
fn signature_of_the_wrong_length_is_named() {
    let c = case();
    c.expect(
        &["--signature", "AAAAAAAAAAAAAAAAAAAAAA==", "--timestamp", TS, "--now", TS, "body.json"],
        1,
        "✗ invalid: 1 reason\n  - telnyx-signature-ed25519 decodes to 16 bytes; an Ed25519 signature is 64 bytes (88 base64 characters ending in `==`)\n",
    );
}

#[test]
fn key_in_the_wrong_form_is_named_with_its_form() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let hex: String = c
        .key
        .public()
        .to_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    c.t.run(&["verify", "--public-key", &hex, "--signature", &sig, "--timestamp", TS, "--now", TS, "body.json"])
        .status(1)
        .stdout("✗ invalid: 1 reason\n  - public key is hex (64 characters); Telnyx expects the raw 32-byte Ed25519 key in standard base64 (44 characters ending in `=`), as shown in Mission Control under Keys & Credentials > Public Key\n")
        .check();
}

#[test]
fn timestamp_not_an_integer_and_its_respelling_are_named() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.expect(
        &["--signature", &sig, "--timestamp", "1772600767.0", "--now", TS, "body.json"],
        1,
        "✗ invalid: 2 reasons\n  - telnyx-timestamp `1772600767.0` is not an integer; Telnyx sends Unix seconds as plain digits\n  - signature does not match: the timestamp was re-spelled: it was signed as `1772600767` but the header says `1772600767.0`; pass the header value through verbatim\n",
    );
    c.expect(
        &["--signature", &sig, "--timestamp", "01772600767", "--now", TS, "body.json"],
        1,
        "✗ invalid: 1 reason\n  - signature does not match: the timestamp was re-spelled: it was signed as `1772600767` but the header says `01772600767`; pass the header value through verbatim\n",
    );
}

#[test]
fn too_old_and_in_the_future_say_by_how_much() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.expect(
        &["--signature", &sig, "--timestamp", TS, "--now", "1772601068", "body.json"],
        1,
        "✗ invalid: 1 reason\n  - telnyx-timestamp is 301 s old, 1 s beyond the 300 s tolerance (replayed or delayed delivery, or a slow clock)\n",
    );
    c.expect(
        &["--signature", &sig, "--timestamp", TS, "--now", "1772600067", "body.json"],
        1,
        "✗ invalid: 1 reason\n  - telnyx-timestamp is 700 s in the future, 400 s beyond the 300 s tolerance (the sender's or this machine's clock is off)\n",
    );
    // exactly 300 s passes; --tolerance and --no-tolerance change the window
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", "1772601067", "body.json"], 0,
        "✓ valid: signature matches the body; timestamp 1772600767 is 300 s old (tolerance 300 s)\n");
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", "1772601067", "--tolerance", "10", "body.json"], 1,
        "✗ invalid: 1 reason\n  - telnyx-timestamp is 300 s old, 290 s beyond the 10 s tolerance (replayed or delayed delivery, or a slow clock)\n");
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", "2000000000", "--no-tolerance", "body.json"], 0,
        "✓ valid: signature matches the body; timestamp 1772600767 is 227399233 s old (age not checked)\n");
}

#[test]
fn trailing_newline_is_named() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let mut body = c.body.clone();
    body.push(b'\n');
    c.t.write("nl.json", &body);
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "nl.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: a trailing newline was added to the body after signing; verify the raw bytes as received\n");
}

#[test]
fn crlf_line_endings_are_named() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let crlf = String::from_utf8(c.body.clone())
        .unwrap()
        .replace('\n', "\r\n");
    c.t.write("crlf.json", crlf);
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "crlf.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: the body's line endings were changed to CRLF after signing; verify the raw bytes as received\n");
}

#[test]
fn reserialized_json_is_named_compact_and_reordered() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let v: serde_json::Value = serde_json::from_slice(&c.body).unwrap();
    c.t.write("compact.json", serde_json::to_vec(&v).unwrap());
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "compact.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: the body was re-serialized: it was signed as Telnyx's layout (2-space indent, keys sorted) but is now compact (one line); verify the raw request body, before any JSON parsing\n");
    // keys reordered (meta first), still pretty
    let mut reordered = serde_json::Map::new();
    reordered.insert("meta".into(), v["meta"].clone());
    reordered.insert("data".into(), v["data"].clone());
    c.t.write(
        "reordered.json",
        serde_json::to_vec_pretty(&serde_json::Value::Object(reordered)).unwrap(),
    );
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "reordered.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: the body's keys were reordered after signing: it was signed as Telnyx's layout (2-space indent, keys sorted), and only the order of its keys has changed; verify the raw request body, before any JSON parsing\n");
    // Issue 16: signed compact with its keys sorted, now compact in another order: only the
    // key order is named, not a change of layout.
    let mut sorted = v.clone();
    sorted.sort_all_objects();
    let compact_sorted = serde_json::to_vec(&sorted).unwrap();
    let sig = c.sig(TS, &compact_sorted);
    let mut unsorted = serde_json::Map::new();
    for (k, val) in sorted.as_object().unwrap().iter().rev() {
        unsorted.insert(k.clone(), val.clone());
    }
    c.t.write(
        "compact-reordered.json",
        serde_json::to_vec(&serde_json::Value::Object(unsorted)).unwrap(),
    );
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "compact-reordered.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: the body's keys were reordered after signing: it was signed as compact JSON with keys sorted, and only the order of its keys has changed; verify the raw request body, before any JSON parsing\n");
}

#[test]
fn wrong_key_is_named_when_the_right_one_is_known() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let other = PrivateKey::from_seed(&[12u8; 32]).public().to_base64();
    c.t.run(&["verify", "--public-key", &other, "--signature", &sig, "--timestamp", TS, "--now", TS, "body.json"])
        .env("TELNYX_PUBLIC_KEY", &c.public)
        .status(1)
        .stdout("✗ invalid: 1 reason\n  - signature does not match: it was signed by a different key: the key in $TELNYX_PUBLIC_KEY verifies it\n")
        .check();
}

#[test]
fn unexplained_mismatch_says_what_was_ruled_out() {
    let c = case();
    let sig = c.sig(TS, b"something else entirely");
    c.expect(&["--signature", &sig, "--timestamp", TS, "--now", TS, "body.json"], 1,
        "✗ invalid: 1 reason\n  - signature does not match: not a trailing newline, CRLF line endings, re-serialized JSON or a re-spelled timestamp; the body was changed some other way, or it was signed by a different key than the one given (use the key under Keys & Credentials > Public Key of the account that sent it)\n");
}

#[test]
fn several_reasons_are_all_listed_and_json_has_codes() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    let mut body = c.body.clone();
    body.push(b'\n');
    c.t.write("nl.json", &body);
    let out =
        c.t.run(&[
            "verify",
            "--json",
            "--public-key",
            &c.public,
            "--signature",
            &sig,
            "--timestamp",
            TS,
            "--now",
            "1772700000",
            "nl.json",
        ])
        .status(1)
        .stdout(concat!(
            r#"{"type":"verdict","valid":false,"timestamp":"1772600767","age_secs":99233,"reasons":["#,
            r#"{"code":"timestamp_too_old","message":"telnyx-timestamp is 99233 s old, 98933 s beyond the 300 s tolerance (replayed or delayed delivery, or a slow clock)"},"#,
            r#"{"code":"mismatch_trailing_newline","message":"signature does not match: a trailing newline was added to the body after signing; verify the raw bytes as received"}]}"#,
            "\n"
        ))
        .check();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "verdict");
    assert_eq!(v["valid"], false);
    let codes: Vec<&str> = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["timestamp_too_old", "mismatch_trailing_newline"]);
}

#[test]
fn could_not_run_exits_2() {
    let c = case();
    c.t.run(&["verify", "--signature", "x", "--timestamp", TS, "body.json"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: no public key: pass --public-key KEY|FILE or set TELNYX_PUBLIC_KEY (the key under Keys & Credentials > Public Key in Mission Control); for telhook's own signatures, the default pair appears once send, sign or listen has run\n")
        .check();
    // The OS's words for a missing file are left open.
    c.t.run(&[
        "verify",
        "--public-key",
        &c.public,
        "--signature",
        "x",
        "--timestamp",
        TS,
        "missing.json",
    ])
    .status(2)
    .stdout("")
    .stderr(Expect::pattern(
        "telhook: error: reading body file missing.json: [..]\n",
    ))
    .check();
    c.t.run(&[
        "verify",
        "--public-key",
        &c.public,
        "--headers",
        "nope.txt",
        "body.json",
    ])
    .status(2)
    .stdout("")
    .stderr(Expect::pattern(
        "telhook: error: reading header file nope.txt: [..]\n",
    ))
    .check();
}

/// Issue 16: a delivery that lacked a header, checked with the flag form, gets the verdict the
/// SDKs give (the header is missing: invalid, exit 1), not a usage error.
#[test]
fn the_flag_form_without_a_header_is_a_verdict() {
    let c = case();
    let sig = c.sig(TS, &c.body);
    c.expect(
        &["--timestamp", TS, "--now", TS, "body.json"],
        1,
        "✗ invalid: 1 reason\n  - missing header telnyx-signature-ed25519\n",
    );
    c.expect(
        &["--signature", &sig, "--now", TS, "body.json"],
        1,
        "✗ invalid: 1 reason\n  - missing header telnyx-timestamp\n",
    );
    // Without any of the four ways to give the headers it is still a usage error.
    c.t.run(&["verify", "--public-key", &c.public, "body.json"])
        .status(2)
        .stdout("")
        .stderr(Expect::satisfies("the usage error", |err| {
            err.starts_with("telhook: error: the following required arguments were not provided:\n  <--signature <SIG>|--timestamp <TIME>|--headers <FILE>|--capture <FILE>>\n")
        }))
        .check();
}
