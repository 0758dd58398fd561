//! What a receiver's answer must be: a status from a set, and for callbacks that drive a call an
//! XML document with a given root. Judging an answer is pure, so it is tested here.

use std::fmt;

/// A set of HTTP statuses, written `2xx`, `200`, `200,204` or `2xx,304`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusSet {
    /// Inclusive ranges.
    ranges: Vec<(u16, u16)>,
}

impl StatusSet {
    /// Any 2xx.
    pub fn success() -> Self {
        StatusSet {
            ranges: vec![(200, 299)],
        }
    }

    pub fn of(codes: &[u16]) -> Self {
        StatusSet {
            ranges: codes.iter().map(|c| (*c, *c)).collect(),
        }
    }

    pub fn contains(&self, status: u16) -> bool {
        self.ranges
            .iter()
            .any(|(lo, hi)| (*lo..=*hi).contains(&status))
    }

    /// Parse `2xx`, `204`, `200,204`, `2xx,304`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut ranges = Vec::new();
        for part in text.split(',').map(str::trim) {
            let bad = || {
                format!(
                    "`{part}` is not a status (100-599) or a class (1xx-5xx); write e.g. 2xx or 200,204"
                )
            };
            let lower = part.to_ascii_lowercase();
            if let Some(class) = lower.strip_suffix("xx") {
                let d: u16 = class.parse().map_err(|_| bad())?;
                if !(1..=5).contains(&d) {
                    return Err(bad());
                }
                ranges.push((d * 100, d * 100 + 99));
            } else {
                let code: u16 = lower.parse().map_err(|_| bad())?;
                if !(100..=599).contains(&code) {
                    return Err(bad());
                }
                ranges.push((code, code));
            }
        }
        if ranges.is_empty() {
            return Err("empty status set; write e.g. 2xx or 200,204".into());
        }
        Ok(StatusSet { ranges })
    }
}

impl fmt::Display for StatusSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .ranges
            .iter()
            .map(|(lo, hi)| {
                if lo == hi {
                    lo.to_string()
                } else if hi - lo == 99 && lo % 100 == 0 {
                    format!("{}xx", lo / 100)
                } else {
                    format!("{lo}-{hi}")
                }
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

/// What counts as a handled delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// A status in the set; the body is ignored.
    Status(StatusSet),
    /// Exactly `status`, with an XML document whose root element is `root`.
    Xml { status: u16, root: &'static str },
    /// A status in the set; a non-empty body must be an XML document whose root is `root`.
    StatusOrXml {
        statuses: StatusSet,
        root: &'static str,
    },
}

impl Expect {
    pub fn status(set: StatusSet) -> Self {
        Expect::Status(set)
    }

    pub fn xml(status: u16, root: &'static str) -> Self {
        Expect::Xml { status, root }
    }

    /// In words, for failure messages ("expected 200 with a <Response> document").
    pub fn describe(&self) -> String {
        match self {
            Expect::Status(set) => set.to_string(),
            Expect::Xml { status, root } => format!("{status} with a <{root}> document"),
            Expect::StatusOrXml { statuses, root } => {
                format!("{statuses} (a body, if any, a <{root}> document)")
            }
        }
    }
}

/// The verdict on one answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// Handled; the XML reply's top-level elements, if there was one.
    Accepted { verbs: Vec<String> },
    /// The status is not one the sender accepts.
    WrongStatus,
    /// The status was acceptable, the body was not.
    BadBody(String),
}

pub fn judge(expect: &Expect, status: u16, body: &[u8]) -> Judgement {
    match expect {
        Expect::Status(set) => {
            if set.contains(status) {
                Judgement::Accepted { verbs: Vec::new() }
            } else {
                Judgement::WrongStatus
            }
        }
        Expect::Xml { status: want, root } => {
            if status == *want {
                match xml_verbs(body, root) {
                    Ok(verbs) => Judgement::Accepted { verbs },
                    Err(problem) => Judgement::BadBody(problem),
                }
            } else if (200..300).contains(&status) {
                Judgement::BadBody(format!(
                    "answered {status}; this callback needs {want} with a <{root}> document"
                ))
            } else {
                Judgement::WrongStatus
            }
        }
        Expect::StatusOrXml { statuses, root } => {
            if !statuses.contains(status) {
                return Judgement::WrongStatus;
            }
            if body.iter().all(u8::is_ascii_whitespace) {
                return Judgement::Accepted { verbs: Vec::new() };
            }
            match xml_verbs(body, root) {
                Ok(verbs) => Judgement::Accepted { verbs },
                Err(problem) => Judgement::BadBody(problem),
            }
        }
    }
}

/// The names of the root's child elements, if `body` is a well-formed XML document with that
/// root; otherwise what is wrong with it.
pub fn xml_verbs(body: &[u8], root: &str) -> Result<Vec<String>, String> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("no reply body; expected a <{root}> document"));
    }
    let text = std::str::from_utf8(body).map_err(|e| format!("reply is not UTF-8 text: {e}"))?;
    let doc = roxmltree::Document::parse(text)
        .map_err(|e| format!("reply is not well-formed XML: {e}"))?;
    let top = doc.root_element();
    let name = top.tag_name().name();
    if name != root {
        return Err(format!("reply root is <{name}>; expected <{root}>"));
    }
    Ok(top
        .children()
        .filter(roxmltree::Node::is_element)
        .map(|n| n.tag_name().name().to_string())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_sets_parse_and_print() {
        let s = StatusSet::parse("2xx,304").unwrap();
        assert!(s.contains(204) && s.contains(304) && !s.contains(301));
        assert_eq!(s.to_string(), "2xx,304");
        assert_eq!(StatusSet::parse("200, 204").unwrap().to_string(), "200,204");
        for bad in ["", "6xx", "2x", "abc", "99", "200,"] {
            assert!(StatusSet::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn xml_reply_is_checked_for_form_root_and_verbs() {
        let e = Expect::xml(200, "Response");
        let ok = b"<?xml version=\"1.0\"?><Response><SpeakSentence>hi</SpeakSentence><Gather/></Response>";
        assert_eq!(
            judge(&e, 200, ok),
            Judgement::Accepted {
                verbs: vec!["SpeakSentence".into(), "Gather".into()]
            }
        );
        assert_eq!(
            judge(&e, 200, b""),
            Judgement::BadBody("no reply body; expected a <Response> document".into())
        );
        assert!(
            matches!(judge(&e, 200, b"<Response>"), Judgement::BadBody(p) if p.starts_with("reply is not well-formed XML"))
        );
        assert_eq!(
            judge(&e, 200, b"<Bxml/>"),
            Judgement::BadBody("reply root is <Bxml>; expected <Response>".into())
        );
        assert!(matches!(judge(&e, 204, b""), Judgement::BadBody(p) if p.contains("needs 200")));
        assert_eq!(judge(&e, 500, b""), Judgement::WrongStatus);
    }

    #[test]
    fn optional_xml_accepts_an_empty_answer_but_checks_a_body() {
        let e = Expect::StatusOrXml {
            statuses: StatusSet::of(&[200, 204]),
            root: "Response",
        };
        assert_eq!(judge(&e, 204, b""), Judgement::Accepted { verbs: vec![] });
        assert!(matches!(judge(&e, 200, b"ok"), Judgement::BadBody(_)));
        assert_eq!(judge(&e, 202, b""), Judgement::WrongStatus);
    }
}
