//! The `--set PATH=VALUE` parser and patcher: arbitrary sets on an arbitrary document (or an
//! event's example when the text is not JSON). Each set alone either makes its path read its
//! value in every document it applies to, or fails naming the path and changes nothing.
#![no_main]

use std::sync::LazyLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use telhook::catalog::Provider;
use telhook::fuzzing::{Segment, Set, apply_all, parse_path};

/// Every event's default example.
static EXAMPLES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut renderer = telhook::template::Renderer::new(telhook::template::Seed {
        seed: Some(1),
        at: None,
    });
    Provider::ALL
        .iter()
        .flat_map(|p| p.events().iter().map(move |e| (*p, e.name)))
        .filter_map(|(p, name)| telhook::example::build(p, name, None, &[], &mut renderer).ok())
        .map(|example| example.values[0].clone())
        .collect()
});

#[derive(Debug, Arbitrary)]
struct Input {
    doc: String,
    example: u8,
    sets: Vec<String>,
}

fn read<'a>(doc: &'a Value, path: &[Segment]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |at, seg| match (seg, at) {
        (Segment::Key(k), Value::Object(map)) => map.get(k),
        (Segment::Index(i), Value::Array(items)) => items.get(*i),
        _ => None,
    })
}

fuzz_target!(|input: Input| {
    let doc: Value = serde_json::from_str(&input.doc)
        .unwrap_or_else(|_| EXAMPLES[usize::from(input.example) % EXAMPLES.len()].clone());
    let mut sets = Vec::new();
    for text in input.sets.iter().take(4) {
        let _ = parse_path(text);
        if let Ok(set) = text.parse::<Set>() {
            sets.push(set);
        }
    }
    for set in &sets {
        let mut patched = doc.clone();
        match apply_all(&mut patched, std::slice::from_ref(set)) {
            Ok(()) => {
                let targets: Vec<&Value> = match (patched.as_array(), set.path.first()) {
                    (Some(items), Some(Segment::Key(_))) => items.iter().collect(),
                    _ => vec![&patched],
                };
                assert!(!targets.is_empty(), "{} changed nothing", set.path_text);
                for target in targets {
                    assert_eq!(
                        read(target, &set.path),
                        Some(&set.value),
                        "{}",
                        set.path_text
                    );
                }
            }
            Err(e) => {
                assert!(
                    e.to_string().contains(&format!("`{}`", set.path_text)),
                    "{e}"
                );
                assert_eq!(patched, doc, "a failed set changed the document");
            }
        }
    }
    let mut all = doc;
    let _ = apply_all(&mut all, &sets);
});
