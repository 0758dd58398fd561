//! The capture line parser and the stored-webhook readers: each line through `Line::parse` and
//! `body_of` (a record read back is written back the same), then the bytes as a capture file,
//! a payload or HAR file and a sniffed file through replay's `Reader`, and through
//! `capture::read` (verify's).
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use telhook::capture::{self, Line};
use telhook::fuzzing::Reader;

/// This process's scratch directory.
static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("telhook-fuzz-capture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
});

fuzz_target!(|data: &[u8]| {
    for line in data.split(|b| *b == b'\n') {
        if let Line::Record(record) = Line::parse(line) {
            let _ = record.body_bytes();
            let _ = record.not_a_webhook();
            let _ = record.header("authorization");
            let _ = capture::redact_authorization(&record.headers);
            let again = serde_json::to_vec(&*record).expect("a record serialises");
            match Line::parse(&again) {
                Line::Record(back) => assert_eq!(back, record),
                other => panic!("a record read back is not one: {other:?}"),
            }
        }
        if let Ok(text) = std::str::from_utf8(line) {
            let _ = capture::body_of(text);
        }
    }
    for name in ["c.jsonl", "c.har", "c.json", "c"] {
        let path = DIR.join(name);
        std::fs::write(&path, data).expect("a scratch file");
        for stored in Reader::new(vec![path.clone()]) {
            match stored {
                Ok(s) => {
                    let _ = (s.source, s.provider, s.event, s.id, s.pass_over);
                }
                Err(m) => {
                    let _ = (m.source, m.problem);
                }
            }
        }
        if name == "c.jsonl" {
            let _ = capture::read(&path);
        }
    }
});
