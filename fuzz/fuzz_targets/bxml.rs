//! The BXML reply parser (roxmltree) and the judging of a receiver's answer: the first line is a
//! status set (`2xx,204`), the rest the answer's body, judged under every kind of expectation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use telhook::fuzzing::{Expect, StatusSet, judge, xml_verbs};

fuzz_target!(|data: &[u8]| {
    let _ = xml_verbs(data, telhook::bandwidth::BXML_ROOT);
    let (first, body) = match data.iter().position(|b| *b == b'\n') {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (&data[..0], data),
    };
    let statuses = std::str::from_utf8(first)
        .ok()
        .and_then(|t| StatusSet::parse(t).ok());
    if let Some(set) = &statuses {
        // What a status set prints, it reads back as.
        let again = StatusSet::parse(&set.to_string()).expect("a printed set parses");
        assert_eq!(&again, set);
    }
    let status = body.first().map_or(200, |b| 100 + u16::from(*b) * 2);
    let set = statuses.unwrap_or_else(StatusSet::success);
    for expect in [
        Expect::status(set.clone()),
        Expect::xml(200, telhook::bandwidth::BXML_ROOT),
        Expect::StatusOrXml {
            statuses: set,
            root: telhook::bandwidth::BXML_ROOT,
        },
    ] {
        let _ = expect.describe();
        let _ = judge(&expect, status, body);
        let _ = judge(&expect, 200, body);
    }
});
