//! `telhook keygen` and `telhook sign`, and interop with an independent Ed25519
//! implementation (`openssl pkeyutl -rawin`).

use crate::support::{AT, Expect, Telhook, all_variants};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use std::process::Command;
use telhook::signing::{PrivateKey, SPKI_PREFIX};
use telhook::telnyx::{self, VerifyRequest};
use telhook::template::{Renderer, Seed};

/// Issue 15: `keygen --out-dir /nonexistent/x` used to make the whole tree without a word.
#[test]
fn keygen_makes_its_directory_but_not_missing_parents() {
    let t = Telhook::new();
    t.run(&["keygen", "--out-dir", "no/such/dir"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: --out-dir no/such/dir: no/such does not exist; create it first, or pick another directory\n")
        .check();
    assert!(!t.path("no").exists());
}

#[test]
fn keygen_prints_the_public_key_and_writes_a_0600_private_key() {
    let t = Telhook::new();
    let out = t
        .run(&["keygen", "--out-dir", "keys"])
        .stdout(Expect::pattern("[..]\n"))
        .stderr(Expect::pattern(&format!(
            "made directory keys\n\
             wrote {key} (private, mode 0600: keep it secret) and {public} (public: the 32-byte key in base64, as Mission Control shows it)\n\
             sign with --private-key {key}; receivers verify with TELNYX_PUBLIC_KEY=[..]\n",
            key = std::path::Path::new("keys").join("telnyx.key").display(),
            public = std::path::Path::new("keys").join("telnyx.pub").display(),
        )))
        .check();
    let public = out.text().trim();
    assert_eq!(STANDARD.decode(public).unwrap().len(), 32);
    assert!(public.len() == 44 && public.ends_with('='));
    assert!(
        out.stderr
            .ends_with(&format!("TELNYX_PUBLIC_KEY={public}\n")),
        "{}",
        out.stderr
    );
    let private = std::fs::read_to_string(t.path("keys/telnyx.key")).unwrap();
    assert!(!out.stderr.contains(private.trim()), "private key printed");
    assert_eq!(
        std::fs::read_to_string(t.path("keys/telnyx.pub"))
            .unwrap()
            .trim(),
        public
    );
    assert_eq!(
        PrivateKey::parse(&private).unwrap().public().to_base64(),
        public
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(t.path("keys/telnyx.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    t.run(&["keygen", "--out-dir", "keys"])
        .status(2)
        .stdout("")
        .stderr(format!(
            "telhook: error: {} already exists; pass --force to replace the key pair, or --out-dir to write elsewhere\n",
            std::path::Path::new("keys").join("telnyx.key").display()
        ))
        .check();
    assert_eq!(
        std::fs::read_to_string(t.path("keys/telnyx.key")).unwrap(),
        private
    );
    let out = t
        .run(&["keygen", "--out-dir", "keys", "--force", "-q"])
        .stdout(Expect::pattern("[..]=\n"))
        .check();
    assert_ne!(
        std::fs::read_to_string(t.path("keys/telnyx.key")).unwrap(),
        private
    );
    assert_eq!(
        std::fs::read_to_string(t.path("keys/telnyx.pub"))
            .unwrap()
            .trim(),
        out.text().trim()
    );
}

#[test]
fn sign_prints_both_headers_over_the_exact_bytes() {
    let t = Telhook::new();
    let (key, public) = t.keygen();
    let body = b"{\"a\": 1}\n";
    t.write("body.json", body);
    let out = t.stdout(&[
        "sign",
        "--private-key",
        key.to_str().unwrap(),
        "--timestamp",
        "1700000000",
        "body.json",
    ]);
    let expected = telnyx::sign(
        &PrivateKey::parse(&std::fs::read_to_string(&key).unwrap()).unwrap(),
        "1700000000",
        body,
    );
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!("telnyx-signature-ed25519: {expected}\ntelnyx-timestamp: 1700000000\n")
    );
    // the key may also come from the environment, as a value
    let private = std::fs::read_to_string(&key).unwrap();
    t.run(&[
        "sign",
        "--timestamp",
        "1700000000",
        "--format",
        "json",
        "body.json",
    ])
    .env("TELHOOK_PRIVATE_KEY", private.trim())
    .stdout(format!(
        "{{\"type\":\"signature\",\"timestamp\":\"1700000000\",\"signature\":\"{expected}\",\"public_key\":\"{public}\"}}\n"
    ))
    // A key from the environment is named: only a flag is given on this command line.
    .stderr(format!(
        "telhook: signing Telnyx events with $TELHOOK_PRIVATE_KEY (public key {public})\n"
    ))
    .check();
}

#[test]
fn sign_curl_format_is_a_runnable_command_for_the_file() {
    let t = Telhook::new();
    let (key, _) = t.keygen();
    t.write("body.json", "{}");
    let sig = telnyx::sign(
        &PrivateKey::parse(&std::fs::read_to_string(&key).unwrap()).unwrap(),
        "1700000000",
        b"{}",
    );
    t.run(&[
        "sign",
        "--private-key",
        key.to_str().unwrap(),
        "--timestamp",
        "1700000000",
        "--format",
        "curl",
        "--url",
        "http://127.0.0.1:9/hook",
        "body.json",
    ])
    .stdout(format!(
        "curl -sS -X POST 'http://127.0.0.1:9/hook' \\\n  \
         -H 'content-type: application/json' \\\n  \
         -H 'user-agent: telnyx-webhooks' \\\n  \
         -H 'telnyx-timestamp: 1700000000' \\\n  \
         -H 'telnyx-signature-ed25519: {sig}' \\\n  \
         --data-binary '@body.json'\n"
    ))
    .check();
}

#[test]
fn sign_without_a_key_uses_the_default_pair_which_verify_finds_but_never_makes() {
    let t = Telhook::new();
    t.write("body.json", "{}");
    let pair = t.path(".config/telhook/telnyx.key");
    t.run(&[
        "verify",
        "--signature",
        "x",
        "--timestamp",
        "1",
        "body.json",
    ])
    .status(2)
    .stdout("")
    .stderr(Expect::pattern("telhook: error: no public key: [..]\n"))
    .check();
    assert!(!pair.exists(), "verify never makes a key");
    let signed = t
        .run(&["sign", "--timestamp", "1700000000", "body.json"])
        .stdout(Expect::pattern(
            "telnyx-signature-ed25519: [..]\ntelnyx-timestamp: 1700000000\n",
        ))
        .stderr(Expect::pattern(&format!(
            "telhook: signing Telnyx events with your default key pair in {}, created now (public key [..])\n",
            pair.parent().unwrap().display()
        )))
        .check();
    t.write("headers.txt", signed.text());
    let public = std::fs::read_to_string(t.path(".config/telhook/telnyx.pub")).unwrap();
    t.run(&[
        "verify",
        "--headers",
        "headers.txt",
        "--no-tolerance",
        "body.json",
    ])
    .stdout(Expect::pattern(
        "✓ valid: signature matches the body; timestamp 1700000000 is [..]\n",
    ))
    .stderr(format!(
        "telhook: verifying with your default key pair in {} (public key {})\n",
        pair.parent().unwrap().display(),
        public.trim()
    ))
    .check();
    // A bare name that is no file is a missing file, not a malformed key.
    t.run(&["sign", "--private-key", "nosuchfile", "body.json"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: --private-key: no such file, and its 10 characters are too few for a key (make a key pair with `telhook keygen`, or give the whole key)\n")
        .check();
    // The OS's words for a missing file are left open.
    t.run(&["sign", "--private-key", "./missing.key", "body.json"])
        .status(2)
        .stdout("")
        .stderr(Expect::pattern(
            "telhook: error: reading key file ./missing.key given by --private-key: [..]\n",
        ))
        .check();
}

/// Two terminals started at once make one default pair between them, not two.
#[test]
fn processes_making_the_default_pair_at_once_end_with_the_same_key() {
    let t = Telhook::new();
    t.write("body.json", "{\"a\":1}");
    let children: Vec<_> = (0..8)
        .map(|_| {
            t.std_cmd()
                .args(["sign", "--timestamp", "1", "body.json"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let outputs: Vec<String> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert_eq!(out.status.code(), Some(0));
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    assert!(outputs.iter().all(|o| *o == outputs[0]), "{outputs:#?}");
    let key = std::fs::read_to_string(t.path(".config/telhook/telnyx.key")).unwrap();
    let expected = telnyx::sign(&PrivateKey::parse(&key).unwrap(), "1", b"{\"a\":1}");
    assert!(outputs[0].contains(&expected), "{}", outputs[0]);
    let leftovers: Vec<_> = std::fs::read_dir(t.path(".config/telhook"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

/// keygen's files in the working directory come before the default pair, both ways; the
/// private key given where the public one belongs is named, with the file to give instead.
#[test]
fn keygens_files_here_are_picked_up_and_a_private_key_as_public_is_named() {
    let t = Telhook::new();
    let public = t
        .run(&["keygen"])
        .stdout(Expect::pattern("[..]\n"))
        .stderr(Expect::pattern("[..]\n[..]\n"))
        .check();
    let public = public.text().trim().to_string();
    t.write("body.json", "{}");
    let signed = t
        .run(&["sign", "--timestamp", "1700000000", "body.json"])
        .stdout(Expect::pattern("[..]\n[..]\n"))
        .stderr(format!(
            "telhook: signing Telnyx events with ./telnyx.key in this directory (from `telhook keygen`) (public key {public})\n"
        ))
        .check();
    t.write("headers.txt", signed.text());
    t.run(&["verify", "--headers", "headers.txt", "--no-tolerance", "body.json"])
        .stdout(Expect::pattern("✓ valid: [..]\n"))
        .stderr(format!(
            "telhook: verifying with ./telnyx.pub in this directory (from `telhook keygen`) (public key {public})\n"
        ))
        .check();
    assert!(
        !t.path(".config/telhook").exists(),
        "no default pair needed"
    );
    for cmd in [
        &["listen", "--port", "0", "--public-key", "telnyx.key"][..],
        &[
            "verify",
            "--public-key",
            "telnyx.key",
            "--headers",
            "headers.txt",
            "body.json",
        ][..],
    ] {
        t.run(cmd)
            .status(2)
            .stdout("")
            .stderr("telhook: error: telnyx.key (from --public-key) is a private key file; verifying needs the public key: give its public half, telnyx.pub\n")
            .check();
    }
}

#[test]
fn sign_then_verify_round_trips_for_every_catalog_example() {
    let key = PrivateKey::from_seed(&[3u8; 32]);
    let at = chrono::DateTime::parse_from_rfc3339(AT)
        .unwrap()
        .timestamp();
    for (p, event, variant) in all_variants() {
        for seed in [1, 2] {
            let mut r = Renderer::new(Seed {
                seed: Some(seed),
                at: None,
            });
            let ex = telhook::example::build(p, event, Some(variant), &[], &mut r).unwrap();
            for body in ex.wire_bodies() {
                let ts = at.to_string();
                let sig = telnyx::sign(&key, &ts, &body);
                let problems = telnyx::verify(&VerifyRequest {
                    body: &body,
                    signature: Some(&sig),
                    timestamp: Some(&ts),
                    key: Ok(key.public()),
                    now: at + 30,
                    tolerance: Some(300),
                    other_keys: &[],
                });
                assert!(problems.is_empty(), "{p} {event} {variant}: {problems:?}");
            }
        }
    }
}

#[test]
fn sign_then_verify_round_trips_through_the_binary() {
    let t = Telhook::new();
    let (key, public) = t.keygen();
    for (p, e) in [
        ("telnyx", "message.received"),
        ("telnyx", "call.hangup"),
        ("bandwidth", "message-delivered"),
    ] {
        let body = t.stdout(&["example", p, e]);
        t.write("body.json", &body);
        let headers = t.stdout(&["sign", "--private-key", key.to_str().unwrap(), "body.json"]);
        t.write("headers.txt", &headers);
        // signed just now: the age is 0 s, or 1 s across a second boundary
        t.run(&[
            "verify",
            "--public-key",
            &public,
            "--headers",
            "headers.txt",
            "body.json",
        ])
        .stdout(Expect::pattern(
            "✓ valid: signature matches the body; timestamp [..] is [..] s old (tolerance 300 s)\n",
        ))
        .check();
    }
}

fn openssl(args: &[&str], dir: &std::path::Path) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl is needed for the interop tests (.ci/run installs it)")
}

fn write_pem_public(dir: &std::path::Path, raw: &[u8]) {
    let mut der = SPKI_PREFIX.to_vec();
    der.extend_from_slice(raw);
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        STANDARD.encode(der)
    );
    std::fs::write(dir.join("pub.pem"), pem).unwrap();
}

#[test]
fn openssl_verifies_signatures_made_by_telhook() {
    let t = Telhook::new();
    let (key, public) = t.keygen();
    let body = t.stdout(&[
        "example",
        "telnyx",
        "message.finalized",
        "--seed",
        "5",
        "--at",
        AT,
    ]);
    t.write("body.json", &body);
    let headers = String::from_utf8(t.stdout(&[
        "sign",
        "--private-key",
        key.to_str().unwrap(),
        "--timestamp",
        "1772600767",
        "body.json",
    ]))
    .unwrap();
    let sig = headers
        .lines()
        .next()
        .unwrap()
        .strip_prefix("telnyx-signature-ed25519: ")
        .unwrap();
    t.write("sig.bin", STANDARD.decode(sig).unwrap());
    let mut msg = b"1772600767|".to_vec();
    msg.extend_from_slice(&body);
    t.write("msg.bin", &msg);
    write_pem_public(t.dir.path(), &STANDARD.decode(&public).unwrap());
    let out = openssl(
        &[
            "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg.bin",
            "-sigfile", "sig.bin",
        ],
        t.dir.path(),
    );
    assert!(
        out.status.success(),
        "openssl rejected telhook's signature: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Signature Verified Successfully"));
    // and a tampered message is rejected by openssl too, so the check above is meaningful
    msg.push(b'\n');
    t.write("msg.bin", &msg);
    let out = openssl(
        &[
            "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "msg.bin",
            "-sigfile", "sig.bin",
        ],
        t.dir.path(),
    );
    assert!(!out.status.success());
}

#[test]
fn telhook_verifies_signatures_made_by_openssl_and_signs_identically() {
    let t = Telhook::new();
    let dir = t.dir.path();
    assert!(
        openssl(&["genpkey", "-algorithm", "ed25519", "-out", "sk.pem"], dir)
            .status
            .success()
    );
    assert!(
        openssl(
            &[
                "pkey", "-in", "sk.pem", "-pubout", "-outform", "DER", "-out", "pub.der"
            ],
            dir
        )
        .status
        .success()
    );
    let der = std::fs::read(dir.join("pub.der")).unwrap();
    assert_eq!(der.len(), 44);
    let public = STANDARD.encode(&der[12..]);
    let body = t.stdout(&["example", "bandwidth", "answer", "--seed", "5", "--at", AT]);
    t.write("body.json", &body);
    let mut msg = b"1772600767|".to_vec();
    msg.extend_from_slice(&body);
    t.write("msg.bin", &msg);
    assert!(
        openssl(
            &[
                "pkeyutl", "-sign", "-inkey", "sk.pem", "-rawin", "-in", "msg.bin", "-out",
                "sig.bin"
            ],
            dir
        )
        .status
        .success()
    );
    let sig = STANDARD.encode(std::fs::read(dir.join("sig.bin")).unwrap());
    t.run(&[
        "verify",
        "--public-key",
        &public,
        "--signature",
        &sig,
        "--timestamp",
        "1772600767",
        "--now",
        "1772600767",
        "body.json",
    ])
    .stdout(
        "✓ valid: signature matches the body; timestamp 1772600767 is 0 s old (tolerance 300 s)\n",
    )
    .check();
    // Ed25519 is deterministic: telhook, given openssl's PEM key, makes the same signature.
    let headers = String::from_utf8(t.stdout(&[
        "sign",
        "--private-key",
        "sk.pem",
        "--timestamp",
        "1772600767",
        "body.json",
    ]))
    .unwrap();
    assert_eq!(
        headers.lines().next().unwrap(),
        format!("telnyx-signature-ed25519: {sig}")
    );
    // openssl's SPKI DER, handed to --public-key as a file, is named and converted, not accepted
    t.run(&["verify", "--public-key", "pub.der", "--signature", &sig, "--timestamp", "1772600767", "--now", "1772600767", "body.json"])
        .status(1)
        .stdout(format!("✗ invalid: 1 reason\n  - public key is a binary file of 44 bytes (DER); Telnyx expects the raw 32-byte Ed25519 key in standard base64 (44 characters ending in `=`), as shown in Mission Control under Keys & Credentials > Public Key; this same key in that form is {public}\n"))
        .check();
}

#[test]
fn a_pem_key_given_as_a_value_is_used_and_never_echoed() {
    let t = Telhook::new();
    let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
    t.write("body.json", "{}");
    let key = PrivateKey::parse(pem).unwrap();
    t.run(&[
        "sign",
        "--private-key",
        pem,
        "--timestamp",
        "1",
        "body.json",
    ])
    .stdout(format!(
        "telnyx-signature-ed25519: {}\ntelnyx-timestamp: 1\n",
        telnyx::sign(&key, "1", b"{}")
    ))
    .check();
    // a public key file handed to --private-key is refused, not used as a seed
    let (_, _) = t.keygen();
    t.run(&["sign", "--private-key", "telnyx.pub", "body.json"])
        .status(2)
        .stdout("")
        .stderr("telhook: error: telnyx.pub (from --private-key) is a public key file; signing needs the private key (telnyx.key from `telhook keygen`)\n")
        .check();
}
