//! What a receiver remembers between requests: how many times each event id came (duplicates,
//! `--fail-first`), the latest event time per message or call (out-of-order arrivals), and the
//! counts for the summary.

use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Mutex, MutexGuard};

use crate::capture::Verdict;
use crate::catalog::Provider;

use super::Entry;

/// The per provider/event/verdict counts printed when the receiver stops.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub requests: usize,
    pub rejected: usize,
    /// "provider event verdict" -> count
    pub counts: BTreeMap<String, usize>,
}

/// Shared by the request threads; each map has its own lock, held for one look-up.
#[derive(Debug, Default)]
pub struct State {
    /// event id -> attempts seen
    attempts: Mutex<HashMap<String, u32>>,
    /// message or call id -> latest event time seen
    latest: Mutex<HashMap<String, String>>,
    summary: Mutex<Summary>,
}

/// A lock whose holder panicked still guards consistent data (every update is one statement).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl State {
    pub fn new() -> Self {
        State::default()
    }

    /// Count one more delivery of the event `id`; returns which attempt this is (1 = first).
    pub fn attempt(&self, id: &str) -> u32 {
        let mut seen = lock(&self.attempts);
        let n = seen.entry(id.to_string()).or_insert(0);
        *n += 1;
        *n
    }

    /// Is an event about `subject` at `time` older than one already seen? A newer time becomes
    /// the subject's latest.
    pub fn out_of_order(&self, subject: String, time: String) -> bool {
        let mut latest = lock(&self.latest);
        let parse = |t: &str| chrono::DateTime::parse_from_rfc3339(t).ok();
        match latest.get(&subject) {
            Some(prev) if parse(&time) < parse(prev) => true,
            _ => {
                latest.insert(subject, time);
                false
            }
        }
    }

    /// Add a request to the summary.
    pub fn count(&self, entry: &Entry) {
        let mut s = lock(&self.summary);
        s.requests += 1;
        if entry.verdict == Verdict::Rejected {
            s.rejected += 1;
        }
        let key = format!(
            "{} {} {}",
            entry.provider.map_or("unknown", Provider::name),
            entry.event_name().unwrap_or("-"),
            entry.verdict
        );
        *s.counts.entry(key).or_insert(0) += 1;
    }

    pub fn summary(&self) -> Summary {
        lock(&self.summary).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_count_per_id() {
        let s = State::new();
        assert_eq!(s.attempt("a"), 1);
        assert_eq!(s.attempt("b"), 1);
        assert_eq!(s.attempt("a"), 2);
    }

    #[test]
    fn an_older_event_about_the_same_subject_is_out_of_order() {
        let s = State::new();
        let t = |x: &str| format!("2026-01-01T00:00:0{x}Z");
        assert!(!s.out_of_order("m".into(), t("2")));
        assert!(s.out_of_order("m".into(), t("1")), "older than the latest");
        assert!(!s.out_of_order("other".into(), t("1")), "another subject");
        assert!(!s.out_of_order("m".into(), t("3")));
        assert!(s.out_of_order("m".into(), t("2")), "the latest moved on");
    }
}
