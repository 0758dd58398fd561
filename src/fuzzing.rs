//! What the fuzz targets (`fuzz/`, cargo-fuzz) reach that telhook keeps to itself: the
//! crate-private parsers and engines, re-exported here, and one function where the piece to
//! fuzz is a step inside a command. Not part of telhook's interface: hidden from its docs, and
//! free to change with the targets.

pub use crate::commands::validate::Layout;
pub use crate::delivery::{Expect, Judgement, StatusSet, judge, xml_verbs};
pub use crate::emulator::{Fate, Order, Outcome, Text, outcome_for, parse_text};
pub use crate::patch::{Segment, Set, SetError, apply_all, parse_path};
pub use crate::receiver::{
    Body, Config as ReceiverConfig, Decision, Entry, Received, State, decide,
};
pub use crate::stored::{Malformed, Reader, Stored, identify};

use crate::schema::Validators;

/// `validate`'s check of one file's bytes laid out as `layout`: the line and column (1-based)
/// of every finding.
pub fn validate(bytes: &[u8], layout: Layout, validators: &Validators) -> Vec<(usize, usize)> {
    crate::commands::validate::check_bytes("fuzz", bytes, layout, None, validators)
        .findings
        .iter()
        .map(|f| (f.line, f.column))
        .collect()
}
