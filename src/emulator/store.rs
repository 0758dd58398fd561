//! The messages the emulator was sent, as they stand now, in memory and bounded: past the bound
//! the oldest is forgotten.

use std::collections::{HashMap, VecDeque};

use serde_json::Value;

use crate::catalog::Provider;

/// One message: whose API took it and its body as a GET returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub provider: Provider,
    pub message: Value,
}

#[derive(Debug)]
pub struct Store {
    max: usize,
    by_id: HashMap<String, Stored>,
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
    pub fn insert(&mut self, id: &str, stored: Stored) {
        if self.by_id.insert(id.to_string(), stored).is_none() {
            self.order.push_back(id.to_string());
        }
        while self.order.len() > self.max {
            if let Some(old) = self.order.pop_front() {
                self.by_id.remove(&old);
            }
        }
    }

    /// Change a kept message (a webhook moved it on); a forgotten one stays forgotten.
    pub fn update(&mut self, id: &str, change: impl FnOnce(&mut Value)) {
        if let Some(stored) = self.by_id.get_mut(id) {
            change(&mut stored.message);
        }
    }

    pub fn get(&self, id: &str) -> Option<&Stored> {
        self.by_id.get(id)
    }

    /// Every kept message, oldest first.
    pub fn all(&self) -> impl Iterator<Item = (&str, &Stored)> {
        self.order
            .iter()
            .filter_map(|id| self.by_id.get(id).map(|s| (id.as_str(), s)))
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn clear(&mut self) {
        self.by_id.clear();
        self.order.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oldest_is_forgotten_past_the_bound_and_updates_keep_the_order() {
        let mut s = Store::new(2);
        let m = |n: u64| Stored {
            provider: Provider::Telnyx,
            message: Value::from(n),
        };
        s.insert("a", m(1));
        s.insert("b", m(2));
        s.update("a", |v| *v = Value::from(10));
        assert_eq!(s.get("a").map(|s| &s.message), Some(&Value::from(10)));
        s.insert("c", m(3));
        assert_eq!(s.len(), 2);
        assert!(s.get("a").is_none());
        s.update("a", |v| *v = Value::from(11));
        assert!(s.get("a").is_none(), "a forgotten message stays forgotten");
        let ids: Vec<&str> = s.all().map(|(id, _)| id).collect();
        assert_eq!(ids, ["b", "c"]);
        s.clear();
        assert_eq!(s.len(), 0);
    }
}
