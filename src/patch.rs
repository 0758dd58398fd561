//! `--set PATH=VALUE` overrides: a dotted path or a JSON pointer into a rendered payload, and a
//! JSON value. A path that does not exist is an error, never a silent no-op.

use serde_json::Value;
use std::str::FromStr;

use crate::sms;

/// One path segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A parsed `--set PATH=VALUE`.
#[derive(Debug, Clone, PartialEq)]
pub struct Set {
    /// What the user typed for the path, for messages.
    pub path_text: String,
    pub path: Vec<Segment>,
    pub value: Value,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SetError {
    #[error("`{0}` has no `=`; write PATH=VALUE, e.g. data.payload.text='\"hi\"'")]
    NoEquals(String),
    #[error(
        "bad path in `{0}`: use dotted keys and [N] indexes (data.payload.to[0].status) or a JSON pointer (/data/payload/to/0/status)"
    )]
    EmptyPath(String),
    #[error(
        "value of `{path}` is not JSON ({why}); a string needs quotes: --set '{path}=\"{raw}\"'"
    )]
    NotJson {
        path: String,
        raw: String,
        why: String,
    },
    #[error("path `{path}` does not exist in this payload: {why}")]
    Missing { path: String, why: String },
}

impl FromStr for Set {
    type Err = SetError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (path_text, raw) = s
            .split_once('=')
            .ok_or_else(|| SetError::NoEquals(s.to_string()))?;
        let path = parse_path(path_text).ok_or_else(|| SetError::EmptyPath(s.to_string()))?;
        let value = serde_json::from_str(raw).map_err(|e| SetError::NotJson {
            path: path_text.to_string(),
            raw: raw.to_string(),
            why: e.to_string(),
        })?;
        Ok(Set {
            path_text: path_text.to_string(),
            path,
            value,
        })
    }
}

/// Parse `data.payload.to[0].status`, `data.payload.to.0.status` or `/data/payload/to/0/status`.
pub fn parse_path(text: &str) -> Option<Vec<Segment>> {
    let segments: Vec<Segment> = if let Some(pointer) = text.strip_prefix('/') {
        pointer
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .map(|s| segment(&s))
            .collect()
    } else {
        let mut out = Vec::new();
        for part in text.split('.') {
            if part.is_empty() {
                return None;
            }
            // `to[0][1]` -> key `to`, index 0, index 1
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                out.push(segment(key));
            }
            while let Some(inner) = rest.strip_prefix('[') {
                let close = inner.find(']')?;
                out.push(Segment::Index(inner[..close].parse().ok()?));
                rest = &inner[close + 1..];
            }
            if !rest.is_empty() {
                return None;
            }
        }
        out
    };
    (!segments.is_empty()).then_some(segments)
}

fn segment(s: &str) -> Segment {
    match s.parse::<usize>() {
        Ok(i) if !s.starts_with('+') => Segment::Index(i),
        _ => Segment::Key(s.to_string()),
    }
}

/// Apply every override in order. When the document is an array (Bandwidth messaging) and the
/// path does not start with an index, the override applies to every element. An override that
/// fails changes nothing (the ones before it stay applied).
pub fn apply(doc: &mut Value, sets: &[Set]) -> Result<(), SetError> {
    for set in sets {
        let targets: Vec<&mut Value> = match (doc.as_array_mut(), set.path.first()) {
            // An empty array has no element to set it in: say so rather than change nothing.
            (Some(items), Some(Segment::Key(k))) if items.is_empty() => {
                return Err(SetError::Missing {
                    path: set.path_text.clone(),
                    why: format!("the top level is an empty array: no element to set `{k}` in"),
                });
            }
            (Some(items), Some(Segment::Key(_))) => items.iter_mut().collect(),
            _ => vec![&mut *doc],
        };
        // Every element first, so a set that fails in one of them changes none.
        let mut targets = targets;
        for target in targets.iter_mut() {
            locate(target, &set.path, &set.path_text)?;
        }
        for target in targets {
            let slot = locate(target, &set.path, &set.path_text)?;
            *slot = set.value.clone();
            rederive(target, set);
        }
    }
    Ok(())
}

fn locate<'a>(
    mut at: &'a mut Value,
    path: &[Segment],
    path_text: &str,
) -> Result<&'a mut Value, SetError> {
    let mut walked = String::new();
    for seg in path {
        let missing = |why: String| SetError::Missing {
            path: path_text.to_string(),
            why,
        };
        let here = if walked.is_empty() {
            "the top level".to_string()
        } else {
            format!("`{walked}`")
        };
        at = match (seg, at) {
            (Segment::Key(k), Value::Object(map)) => {
                if !map.contains_key(k) {
                    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
                    let hint = crate::catalog::suggest(k, keys.iter().copied())
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                    return Err(missing(format!(
                        "no field `{k}` at {here} (fields there: {}){hint}",
                        keys.join(", ")
                    )));
                }
                map.get_mut(k)
                    .ok_or_else(|| missing(format!("no field `{k}`")))?
            }
            (Segment::Index(i), Value::Array(items)) => {
                let len = items.len();
                items.get_mut(*i).ok_or_else(|| {
                    missing(format!("index {i} is past the end of {here} ({len} items)"))
                })?
            }
            (Segment::Key(k), Value::Array(items)) => {
                return Err(missing(format!(
                    "{here} is an array of {} items, not an object; use an index instead of `{k}`",
                    items.len()
                )));
            }
            (Segment::Index(i), other) => {
                return Err(missing(format!(
                    "{here} is {}, not an array (index {i})",
                    kind(other)
                )));
            }
            (Segment::Key(k), other) => {
                return Err(missing(format!(
                    "{here} is {}, not an object (field `{k}`)",
                    kind(other)
                )));
            }
        };
        match seg {
            Segment::Key(k) if walked.is_empty() => walked.push_str(k),
            Segment::Key(k) => {
                walked.push('.');
                walked.push_str(k);
            }
            Segment::Index(i) => walked.push_str(&format!("[{i}]")),
        }
    }
    Ok(at)
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// After `--set …text=…`, keep the sibling counts true to the new text (Telnyx `parts`,
/// `encoding`, `num_chars`; Bandwidth `segmentCount`), unless the user set those too.
/// MMS bodies keep one part.
fn rederive(doc: &mut Value, set: &Set) {
    let Some((Segment::Key(last), parent_path)) = set.path.split_last() else {
        return;
    };
    if last != "text" {
        return;
    }
    let Some(text) = set.value.as_str().map(str::to_string) else {
        return;
    };
    let Ok(parent) = locate(doc, parent_path, &set.path_text) else {
        return;
    };
    let Some(map) = parent.as_object_mut() else {
        return;
    };
    let is_mms = map.get("type").and_then(Value::as_str) == Some("MMS")
        || map
            .get("media")
            .and_then(Value::as_array)
            .is_some_and(|m| !m.is_empty());
    let segments = if is_mms { 1 } else { sms::segments(&text) };
    for (key, value) in [
        ("parts", Value::from(segments)),
        ("segmentCount", Value::from(segments)),
        ("encoding", Value::from(sms::encoding(&text).name())),
        ("num_chars", Value::from(sms::units(&text))),
    ] {
        if map.contains_key(key) {
            map.insert(key.to_string(), value);
        }
    }
}

/// Sets that explicitly touch a derived field win over the re-derivation: re-apply them last.
pub fn apply_all(doc: &mut Value, sets: &[Set]) -> Result<(), SetError> {
    apply(doc, sets)?;
    let derived: Vec<Set> = sets
        .iter()
        .filter(|s| {
            matches!(s.path.last(), Some(Segment::Key(k))
                if ["parts", "segmentCount", "encoding", "num_chars"].contains(&k.as_str()))
        })
        .cloned()
        .collect();
    apply(doc, &derived)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn set(s: &str) -> Set {
        s.parse().unwrap()
    }

    #[test]
    fn dotted_bracket_and_pointer_paths_agree() {
        let a = parse_path("data.payload.to[0].status").unwrap();
        let b = parse_path("data.payload.to.0.status").unwrap();
        let c = parse_path("/data/payload/to/0/status").unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(a[3], Segment::Index(0));
    }

    #[test]
    fn set_replaces_an_existing_value() {
        let mut doc = json!({"data": {"payload": {"to": [{"status": "sent"}]}}});
        apply_all(&mut doc, &[set("data.payload.to[0].status=\"delivered\"")]).unwrap();
        assert_eq!(doc["data"]["payload"]["to"][0]["status"], "delivered");
    }

    #[test]
    fn missing_field_is_an_error_that_names_it_and_suggests() {
        let mut doc = json!({"data": {"payload": {"text": "a", "to": []}}});
        let err = apply_all(&mut doc, &[set("data.payload.txt=\"hi\"")]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("no field `txt` at `data.payload`"), "{msg}");
        assert!(msg.contains("did you mean `text`?"), "{msg}");
    }

    #[test]
    fn index_past_end_and_wrong_type_are_errors() {
        let mut doc = json!({"a": [1], "b": 2});
        assert!(
            apply_all(&mut doc, &[set("a[3]=1")])
                .unwrap_err()
                .to_string()
                .contains("index 3 is past the end of `a` (1 items)")
        );
        assert!(
            apply_all(&mut doc, &[set("b.c=1")])
                .unwrap_err()
                .to_string()
                .contains("`b` is a number, not an object")
        );
    }

    #[test]
    fn value_must_be_json_with_a_quoting_hint() {
        let err = "data.payload.text=hi".parse::<Set>().unwrap_err();
        assert!(err.to_string().contains("--set 'data.payload.text=\"hi\"'"));
        assert!(matches!(
            "novalue".parse::<Set>(),
            Err(SetError::NoEquals(_))
        ));
    }

    #[test]
    fn array_documents_apply_key_paths_to_every_element() {
        let mut doc = json!([{"message": {"text": "a"}}, {"message": {"text": "b"}}]);
        apply_all(&mut doc, &[set("message.text=\"z\"")]).unwrap();
        assert_eq!(doc[0]["message"]["text"], "z");
        assert_eq!(doc[1]["message"]["text"], "z");
        apply_all(&mut doc, &[set("[1].message.text=\"y\"")]).unwrap();
        assert_eq!(doc[0]["message"]["text"], "z");
        assert_eq!(doc[1]["message"]["text"], "y");
    }

    #[test]
    fn a_key_path_into_an_array_document_sets_every_element_or_none() {
        // Found by the property test: `[]` with `message.text=…` applied to no element and
        // reported success.
        let mut doc = json!([]);
        let err = apply_all(&mut doc, &[set("message.text=\"z\"")]).unwrap_err();
        assert!(
            err.to_string()
                .contains("path `message.text` does not exist in this payload: the top level is an empty array"),
            "{err}"
        );
        assert_eq!(doc, json!([]));
        // Also found by it: a path missing from the second element had been set in the first.
        let mut doc = json!([{"a": 1}, {"b": 2}]);
        assert!(apply_all(&mut doc, &[set("a=3")]).is_err());
        assert_eq!(doc, json!([{"a": 1}, {"b": 2}]));
    }

    #[test]
    fn setting_text_recomputes_parts_and_encoding_unless_set_too() {
        let mut doc = json!({"text": "a", "parts": 1, "encoding": "GSM-7", "type": "SMS"});
        let long = "é".repeat(0) + &"ж".repeat(71);
        apply_all(&mut doc, &[set(&format!("text=\"{long}\""))]).unwrap();
        assert_eq!(doc["parts"], 2);
        assert_eq!(doc["encoding"], "UCS-2");
        apply_all(&mut doc, &[set("text=\"hi\""), set("parts=5")]).unwrap();
        assert_eq!(doc["parts"], 5);
        assert_eq!(doc["encoding"], "GSM-7");
    }

    mod properties {
        use super::*;
        use crate::strategies;
        use proptest::prelude::*;

        /// What `path` reads in `doc`, if it reads anything.
        fn read<'a>(doc: &'a Value, path: &[Segment]) -> Option<&'a Value> {
            path.iter().try_fold(doc, |at, seg| match (seg, at) {
                (Segment::Key(k), Value::Object(map)) => map.get(k),
                (Segment::Index(i), Value::Array(items)) => items.get(*i),
                _ => None,
            })
        }

        /// A path into `doc`: down the members the choices pick, then maybe a step or two
        /// that need not exist.
        fn walk(doc: &Value, choices: &[prop::sample::Index], extra: &[Segment]) -> Vec<Segment> {
            let mut path = Vec::new();
            let mut at = doc;
            for choice in choices {
                match at {
                    Value::Object(map) if !map.is_empty() => {
                        let (k, v) = map.iter().nth(choice.index(map.len())).unwrap();
                        path.push(Segment::Key(k.clone()));
                        at = v;
                    }
                    Value::Array(items) if !items.is_empty() => {
                        let i = choice.index(items.len());
                        path.push(Segment::Index(i));
                        at = &items[i];
                    }
                    _ => break,
                }
            }
            path.extend_from_slice(extra);
            path
        }

        /// The path as a user writes it: a JSON pointer, or dotted when every key allows it.
        fn render(path: &[Segment], dotted: bool) -> String {
            let plain = |k: &str| {
                !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
            };
            let dotted = dotted
                && path.iter().all(|s| match s {
                    Segment::Key(k) => plain(k),
                    Segment::Index(_) => true,
                });
            let mut out = String::new();
            for seg in path {
                match (seg, dotted) {
                    (Segment::Key(k), true) => {
                        if !out.is_empty() {
                            out.push('.');
                        }
                        out.push_str(k);
                    }
                    (Segment::Index(i), true) => out.push_str(&format!("[{i}]")),
                    (Segment::Key(k), false) => {
                        out.push('/');
                        out.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    }
                    (Segment::Index(i), false) => out.push_str(&format!("/{i}")),
                }
            }
            out
        }

        fn segment() -> impl Strategy<Value = Segment> {
            prop_oneof![
                strategies::key().prop_map(Segment::Key),
                (0usize..4).prop_map(Segment::Index),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn a_set_either_makes_its_path_read_the_value_or_names_the_path(
                doc in prop_oneof![strategies::json(), strategies::json_object()],
                choices in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
                extra in prop::collection::vec(segment(), 0..2),
                dotted in any::<bool>(),
                value in strategies::json(),
            ) {
                let path = walk(&doc, &choices, &extra);
                let path_text = render(&path, dotted);
                // A path of keys with `=` in them cannot be written as PATH=VALUE.
                prop_assume!(!path_text.contains('='));
                let typed = format!("{path_text}={value}");
                let set = match typed.parse::<Set>() {
                    Ok(set) => set,
                    Err(e) => {
                        // Only an empty path is refused here, by what was typed.
                        prop_assert!(path.is_empty(), "{typed}: {e}");
                        prop_assert!(e.to_string().contains(&typed), "{e}");
                        return Ok(());
                    }
                };
                prop_assert_eq!(&set.value, &value);
                let mut patched = doc.clone();
                match apply_all(&mut patched, std::slice::from_ref(&set)) {
                    Ok(()) => {
                        // Every document the set applies to reads the value at the path: an
                        // array document with a key path is each of its elements.
                        let targets: Vec<&Value> = match (patched.as_array(), set.path.first()) {
                            (Some(items), Some(Segment::Key(_))) => items.iter().collect(),
                            _ => vec![&patched],
                        };
                        prop_assert!(!targets.is_empty(), "{typed} changed nothing in {doc}");
                        for target in targets {
                            prop_assert_eq!(read(target, &set.path), Some(&value), "{}", typed);
                        }
                    }
                    Err(e) => {
                        prop_assert!(
                            e.to_string().contains(&format!("`{path_text}`")),
                            "{typed}: {e}"
                        );
                        prop_assert_eq!(&patched, &doc, "a failed set changed the document");
                    }
                }
            }

            #[test]
            fn any_set_text_parses_or_says_why_naming_what_was_typed(text in "(?s:.{0,40})") {
                match text.parse::<Set>() {
                    Ok(set) => prop_assert!(!set.path.is_empty()),
                    Err(SetError::NotJson { path, .. }) => prop_assert!(text.starts_with(&path)),
                    Err(e) => prop_assert!(e.to_string().contains(&text), "{e}"),
                }
            }
        }
    }
}
