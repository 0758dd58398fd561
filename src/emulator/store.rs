//! The messages the emulator was sent, as they stand now, in memory and bounded: past the bound
//! the oldest is forgotten. Each is kept as its compact JSON text (a tenth of the memory of a
//! parsed value: at 5,000 messages a second the parsed ones made the emulator's memory, and
//! the kernel's zeroing of its new pages, grow with the run).

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use crate::catalog::Provider;

/// One message: whose API took it, the account it was sent under (Bandwidth's path names one;
/// `None` for Telnyx and for texts the app received), and its body as a GET returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub provider: Provider,
    pub account: Option<String>,
    pub message: Value,
}

/// A message about to be kept, already in the form the store holds it: made from the value
/// without copying it (the API's answer still needs it).
#[derive(Debug)]
pub struct Keep {
    id: String,
    entry: Entry,
}

impl Keep {
    pub fn new(id: &str, provider: Provider, account: Option<&str>, message: &Value) -> Self {
        Keep {
            id: id.to_string(),
            entry: Entry {
                provider,
                account: account.map(Box::from),
                done: false,
                text: compact(message),
            },
        }
    }
}

#[derive(Debug)]
struct Entry {
    provider: Provider,
    account: Option<Box<str>>,
    /// Whether the message reached a final state.
    done: bool,
    /// Its compact JSON text.
    text: Box<[u8]>,
}

#[derive(Debug)]
pub struct Store {
    max: usize,
    by_id: HashMap<String, Entry>,
    /// Ids, oldest first.
    order: VecDeque<String>,
}

impl Store {
    pub fn new(max: usize) -> Self {
        Store {
            max: max.max(1),
            by_id: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// Keep a new message (forgetting the oldest past the bound).
    pub fn insert(&mut self, keep: Keep) {
        if self.by_id.insert(keep.id.clone(), keep.entry).is_none() {
            self.order.push_back(keep.id);
        }
        while self.order.len() > self.max {
            if let Some(old) = self.order.pop_front() {
                self.by_id.remove(&old);
            }
        }
    }

    /// A webhook's view of a kept message replaces it, unless the kept one is final and the
    /// view is not (webhooks arrive out of order); a forgotten message stays forgotten.
    pub fn update(&mut self, id: &str, view: &Value, done: bool) {
        if let Some(kept) = self.by_id.get_mut(id)
            && (done || !kept.done)
        {
            kept.text = compact(view);
            kept.done = done;
        }
    }

    pub fn get(&self, id: &str) -> Option<Stored> {
        self.by_id.get(id).map(|kept| Stored {
            provider: kept.provider,
            account: kept.account.as_deref().map(str::to_string),
            message: serde_json::from_slice(&kept.text).unwrap_or(Value::Null),
        })
    }

    /// Every kept message, oldest first.
    pub fn all(&self) -> impl Iterator<Item = (&str, Stored)> {
        self.order
            .iter()
            .filter_map(|id| self.get(id).map(|s| (id.as_str(), s)))
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn clear(&mut self) {
        self.by_id.clear();
        self.order.clear();
    }
}

fn compact(message: &Value) -> Box<[u8]> {
    serde_json::to_vec(message)
        .unwrap_or_default()
        .into_boxed_slice()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_is_forgotten_past_the_bound_and_updates_keep_the_order() {
        let mut s = Store::new(2);
        let m = |id: &str, n: u64| Keep::new(id, Provider::Telnyx, None, &Value::from(n));
        s.insert(m("a", 1));
        s.insert(m("b", 2));
        s.update("a", &Value::from(10), true);
        assert_eq!(s.get("a").map(|s| s.message), Some(Value::from(10)));
        s.update("a", &Value::from(9), false);
        assert_eq!(
            s.get("a").map(|s| s.message),
            Some(Value::from(10)),
            "a final message is not taken back"
        );
        s.insert(m("c", 3));
        assert_eq!(s.len(), 2);
        assert!(s.get("a").is_none());
        s.update("a", &Value::from(11), true);
        assert!(s.get("a").is_none(), "a forgotten message stays forgotten");
        let ids: Vec<&str> = s.all().map(|(id, _)| id).collect();
        assert_eq!(ids, ["b", "c"]);
        s.clear();
        assert_eq!(s.len(), 0);
    }
}
