//! Generators shared by the property tests (proptest): arbitrary JSON documents in the shapes
//! webhook bodies take.

use proptest::prelude::*;
use serde_json::{Map, Value};

/// Short text of any characters (newlines, quotes, non-ASCII, controls).
pub fn text() -> impl Strategy<Value = String> {
    "(?s:.{0,12})"
}

/// A key: short, any characters, often a plain word so paths into the document can name it.
pub fn key() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[a-z_]{1,6}", 1 => text()]
}

/// Any JSON value up to a few levels deep: every scalar kind (finite floats only, which is all
/// JSON has), arrays and objects with keys in any order.
pub fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A JSON object at the top, as webhook bodies are.
pub fn json_object() -> impl Strategy<Value = Value> {
    prop::collection::vec((key(), json()), 0..6)
        .prop_map(|members| Value::Object(members.into_iter().collect()))
}
