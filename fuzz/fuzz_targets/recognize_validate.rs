//! Provider and event recognition plus schema validation of arbitrary bytes: what `validate`,
//! `listen` and `replay` make of a body, and the line and column of every finding, which must
//! point inside the text.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use telhook::catalog::{self, Provider};
use telhook::fuzzing::{self, Layout};
use telhook::schema::{self, Validators};

static VALIDATORS: LazyLock<Validators> = LazyLock::new(|| Validators::new(false));
static STRICT: LazyLock<Validators> = LazyLock::new(|| Validators::new(true));

/// Line `line` and column `column` (1-based; characters) are inside `text`.
fn inside(text: &str, (line, column): (usize, usize)) -> bool {
    let lines: Vec<&str> = text.split('\n').collect();
    (1..=lines.len()).contains(&line) && (1..=lines[line - 1].chars().count() + 1).contains(&column)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        let _ = telhook::telnyx::shaped(&value);
        let _ = fuzzing::identify(None, Some(&value));
        let items: Vec<&Value> = match &value {
            Value::Array(items) => std::iter::once(&value).chain(items.iter()).collect(),
            _ => vec![&value],
        };
        for part in items {
            let Some(event) = catalog::recognize(part) else {
                continue;
            };
            let _ = catalog::ids(event, part);
            let _ = match event.provider {
                Provider::Telnyx => telhook::telnyx::facts(event, part),
                Provider::Bandwidth => telhook::bandwidth::facts(event, part),
            };
            let validators = if data.len() % 2 == 0 {
                &*VALIDATORS
            } else {
                &*STRICT
            };
            let text = std::str::from_utf8(data).expect("JSON is UTF-8");
            for v in validators
                .check(event, part)
                .expect("every schema compiles")
            {
                let _ = schema::dotted(&v.pointer);
                if std::ptr::eq(part, &value) {
                    let at = schema::position(text, &v.pointer).expect("a position");
                    assert!(inside(text, at), "{at:?} for {}", v.pointer);
                }
            }
        }
    }
    // The position scanner on any text: the first line is a pointer into the rest.
    if let Ok(text) = std::str::from_utf8(data) {
        let (pointer, rest) = text.split_once('\n').unwrap_or(("", text));
        if let Some(at) = schema::position(rest, pointer) {
            assert!(inside(rest, at), "{at:?} for {pointer:?}");
        }
    }
    // `validate` on the bytes as a file of each kind.
    for layout in [Layout::Document, Layout::Lines, Layout::Sniff] {
        let findings = fuzzing::validate(data, layout, &VALIDATORS);
        if let Ok(text) = std::str::from_utf8(data) {
            for at in findings {
                assert!(inside(text, at), "{at:?} ({layout:?})");
            }
        }
    }
});
