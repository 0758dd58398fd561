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

/// How many event ids (and, apart, messages or calls) a receiver remembers at least; it never
/// holds more than twice as many. A repeat of an id older than that is not marked a duplicate,
/// so the memory of a listener that runs for days stays flat.
pub const REMEMBERED: usize = 50_000;

/// Shared by the request threads; each map has its own lock, held for one look-up.
#[derive(Debug)]
pub struct State {
    /// event id -> attempts seen
    attempts: Mutex<Recent<u32>>,
    /// message or call id -> latest event time seen (Unix nanoseconds, `None` when unreadable)
    latest: Mutex<Recent<Option<i64>>>,
    summary: Mutex<Counts>,
    fingerprint: Fingerprint,
}

/// The summary as it is kept: counted by provider, event and verdict without a string made per
/// request.
#[derive(Debug, Default)]
struct Counts {
    requests: usize,
    rejected: usize,
    counts: BTreeMap<(&'static str, &'static str, Verdict), usize>,
}

impl Default for State {
    fn default() -> Self {
        State::remembering(REMEMBERED)
    }
}

/// A map that keeps the keys used most recently: two generations of at most `each` keys; when
/// the current one is full, the older is dropped and the current becomes the older. A key found
/// in the older generation moves to the current one. At least the last `each` keys are kept,
/// never more than `2 * each`.
#[derive(Debug)]
struct Recent<V> {
    each: usize,
    current: HashMap<Key, V>,
    older: HashMap<Key, V>,
}

/// An id as the maps keep it: a 128-bit keyed hash (two SipHash keys drawn for this process),
/// so no id is stored as a string and every entry is the same size; two ids agree by chance
/// with a probability of about n²/2¹²⁹.
type Key = u128;

impl<V> Recent<V> {
    fn new(each: usize) -> Self {
        Recent {
            each: each.max(1),
            current: HashMap::new(),
            older: HashMap::new(),
        }
    }

    /// The value of `key`, made current (inserting `make()` when it is not known).
    fn entry(&mut self, key: Key, make: impl FnOnce() -> V) -> &mut V {
        if !self.current.contains_key(&key) {
            let known = self.older.remove(&key);
            if self.current.len() >= self.each {
                // The older generation goes; its table is reused for the new current one, so
                // a turn allocates nothing.
                std::mem::swap(&mut self.older, &mut self.current);
                self.current.clear();
            }
            return self
                .current
                .entry(key)
                .or_insert_with(|| known.unwrap_or_else(make));
        }
        self.current.entry(key).or_insert_with(make)
    }

    fn get(&self, key: Key) -> Option<&V> {
        self.current.get(&key).or_else(|| self.older.get(&key))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.current.len() + self.older.len()
    }
}

/// Two independent keyed hashes of an id, as one [`Key`].
#[derive(Debug, Default)]
struct Fingerprint(std::hash::RandomState, std::hash::RandomState);

impl Fingerprint {
    fn of(&self, id: &str) -> Key {
        use std::hash::BuildHasher;
        (u128::from(self.0.hash_one(id)) << 64) | u128::from(self.1.hash_one(id))
    }
}

/// A lock whose holder panicked still guards consistent data (every update is one statement).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl State {
    pub fn new() -> Self {
        State::default()
    }

    /// A state that remembers at least `each` ids of each kind.
    pub fn remembering(each: usize) -> Self {
        State {
            attempts: Mutex::new(Recent::new(each)),
            latest: Mutex::new(Recent::new(each)),
            summary: Mutex::new(Counts::default()),
            fingerprint: Fingerprint::default(),
        }
    }

    /// Count one more delivery of the event `id`; returns which attempt this is (1 = first).
    pub fn attempt(&self, id: &str) -> u32 {
        let key = self.fingerprint.of(id);
        let mut seen = lock(&self.attempts);
        let n = seen.entry(key, || 0);
        *n += 1;
        *n
    }

    /// Is an event about `subject` at `time` (RFC 3339) older than one already seen? A newer
    /// time becomes the subject's latest.
    pub fn out_of_order(&self, subject: &str, time: &str) -> bool {
        let key = self.fingerprint.of(subject);
        let time = chrono::DateTime::parse_from_rfc3339(time)
            .ok()
            .and_then(|t| t.timestamp_nanos_opt());
        let mut latest = lock(&self.latest);
        match latest.get(key) {
            Some(prev) if time < *prev => true,
            _ => {
                *latest.entry(key, || None) = time;
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
        let key = (
            entry.provider.map_or("unknown", Provider::name),
            entry.event_name().unwrap_or("-"),
            entry.verdict,
        );
        *s.counts.entry(key).or_insert(0) += 1;
    }

    pub fn summary(&self) -> Summary {
        let s = lock(&self.summary);
        Summary {
            requests: s.requests,
            rejected: s.rejected,
            counts: s
                .counts
                .iter()
                .map(|((provider, event, verdict), n)| {
                    (format!("{provider} {event} {verdict}"), *n)
                })
                .collect(),
        }
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
    fn memory_is_bounded_and_keeps_the_recent_ids() {
        let s = State::remembering(100);
        for i in 0..10_000 {
            assert_eq!(s.attempt(&format!("id{i}")), 1);
        }
        assert!(lock(&s.attempts).len() <= 200);
        // The last 100 are remembered; one from long ago is not.
        assert_eq!(s.attempt("id9950"), 2);
        assert_eq!(s.attempt("id5"), 1);
        // An id seen again moves to the current generation and survives the next turn.
        let mut recent = Recent::new(2);
        let (a, b, c, d) = (1, 2, 3, 4);
        *recent.entry(a, || 0) += 1;
        *recent.entry(b, || 0) += 1;
        *recent.entry(a, || 0) += 1; // a is current
        *recent.entry(c, || 0) += 1; // full: a and b become older, c current
        *recent.entry(a, || 0) += 1; // a back to current
        *recent.entry(d, || 0) += 1; // full: c, a older; b dropped
        assert_eq!(recent.get(a), Some(&3));
        assert_eq!(recent.get(b), None);
        assert!(recent.len() <= 4);
    }

    #[test]
    fn an_older_event_about_the_same_subject_is_out_of_order() {
        let s = State::new();
        let t = |x: &str| format!("2026-01-01T00:00:0{x}Z");
        assert!(!s.out_of_order("m", &t("2")));
        assert!(s.out_of_order("m", &t("1")), "older than the latest");
        assert!(!s.out_of_order("other", &t("1")), "another subject");
        assert!(!s.out_of_order("m", &t("3")));
        assert!(s.out_of_order("m", &t("2")), "the latest moved on");
        // Time zones and fractions compare as instants.
        assert!(s.out_of_order("m", "2026-01-01T01:00:02.5+01:00"));
        assert!(!s.out_of_order("m", "2026-01-01T00:00:03.5Z"));
    }
}
