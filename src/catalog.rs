//! The event catalog: every documented webhook of both providers, with the facts a user (and the
//! other commands) need about it. The entries themselves live in `telnyx::catalog` and
//! `bandwidth::catalog`; this module holds the shared types and the look-up.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// A webhook provider telhook can play.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    Telnyx,
    Bandwidth,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::Telnyx, Provider::Bandwidth];

    pub fn name(self) -> &'static str {
        match self {
            Provider::Telnyx => "telnyx",
            Provider::Bandwidth => "bandwidth",
        }
    }

    /// The provider of a name as `name` gives it.
    pub fn parse(name: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Every catalog entry of this provider.
    pub fn events(self) -> &'static [Event] {
        match self {
            Provider::Telnyx => crate::telnyx::catalog::EVENTS,
            Provider::Bandwidth => crate::bandwidth::catalog::EVENTS,
        }
    }
}

impl Provider {
    /// The provider a request comes from, by its headers alone.
    pub fn of_request(headers: &[(String, String)]) -> Option<Provider> {
        if crate::telnyx::sent_by(headers) {
            Some(Provider::Telnyx)
        } else if crate::bandwidth::sent_by(headers) {
            Some(Provider::Bandwidth)
        } else {
            None
        }
    }

    /// How this provider delivers the event (unknown: its default rules).
    pub fn rules(self, event: Option<&Event>) -> crate::delivery::Rules {
        match self {
            Provider::Telnyx => crate::telnyx::rules(),
            Provider::Bandwidth => crate::bandwidth::rules(event),
        }
    }

    /// Get a rendered body ready for its attempts, once: Telnyx sorts its keys here, and each
    /// attempt's stamp keeps them sorted (see `telnyx::stamp`).
    pub fn prepare_body(self, body: &mut Value) {
        match self {
            Provider::Telnyx => body.sort_all_objects(),
            Provider::Bandwidth => {}
        }
    }

    /// The bytes of one attempt of a rendered body: Telnyx stamps the attempt and its URL into
    /// it; Bandwidth sends it as it is.
    pub fn attempt_body(self, body: &mut Value, attempt: u32, url: &str) -> Vec<u8> {
        match self {
            Provider::Telnyx => crate::telnyx::attempt_body(body, attempt, url),
            Provider::Bandwidth => crate::bandwidth::to_wire(body),
        }
    }

    /// The request this provider sends with `body`: its headers, and for Telnyx with a key the
    /// signature at `timestamp`.
    pub fn request(
        self,
        url: &str,
        body: Vec<u8>,
        event: Option<&Event>,
        key: Option<&crate::signing::PrivateKey>,
        timestamp: i64,
    ) -> crate::http::Request {
        match self {
            Provider::Telnyx => crate::telnyx::request(url, body, key, timestamp),
            Provider::Bandwidth => crate::bandwidth::request(url, body, event.map(|e| e.family)),
        }
    }

    /// The facts of one of this provider's events that matter, in a few words (the listener's
    /// line).
    pub fn facts(self, event: &Event, body: &Value) -> String {
        match self {
            Provider::Telnyx => crate::telnyx::facts(event, body),
            Provider::Bandwidth => crate::bandwidth::facts(event, body),
        }
    }
}

/// The widest event name in the catalog, in columns: what event-name columns are padded to.
pub fn longest_name() -> usize {
    static LONGEST: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *LONGEST.get_or_init(|| {
        Provider::ALL
            .iter()
            .flat_map(|p| p.events())
            .map(|e| crate::ui::display_width(e.name))
            .max()
            .unwrap_or(0)
    })
}

/// Which catalog event a payload (or one element of a Bandwidth array) is.
pub fn recognize(value: &Value) -> Option<&'static Event> {
    if crate::telnyx::shaped(value) {
        crate::telnyx::recognize(value)
    } else {
        crate::bandwidth::recognize(value)
    }
}

/// A voice or fax event in a few words: the first id field present and the first state field
/// (either left out when the body has none).
pub fn id_and_state(obj: &Value, id_keys: &[&str], state_keys: &[&str]) -> String {
    let first = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| obj.get(*k).and_then(Value::as_str))
    };
    let id = first(id_keys).map(crate::ui::short);
    match (id, first(state_keys)) {
        (Some(id), Some(state)) => format!("{id} {state}"),
        (Some(id), None) => id,
        (None, Some(state)) => state.to_string(),
        (None, None) => String::new(),
    }
}

/// The start of a message text, quoted.
pub fn snippet(text: &str) -> String {
    let t: String = text.chars().take(40).collect();
    format!("{t:?}")
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The API an event belongs to: `messaging`, `voice`, `conference`, `fax`, `streaming`,
/// `siprec`, `numbers`, `10dlc`, `whatsapp`, `meetings` (Telnyx); `messaging-v2`, `voice-v2`,
/// `v1` (Bandwidth).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Messaging,
    Voice,
    Conference,
    Fax,
    Streaming,
    Siprec,
    Numbers,
    /// 10DLC brand and campaign registration.
    #[serde(rename = "10dlc")]
    TenDlc,
    Whatsapp,
    /// Meeting sessions: their status, transcripts, recordings and AI artifacts.
    Meetings,
    MessagingV2,
    VoiceV2,
    V1,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Messaging => "messaging",
            Family::Voice => "voice",
            Family::Conference => "conference",
            Family::Fax => "fax",
            Family::Streaming => "streaming",
            Family::Siprec => "siprec",
            Family::Numbers => "numbers",
            Family::TenDlc => "10dlc",
            Family::Whatsapp => "whatsapp",
            Family::Meetings => "meetings",
            Family::MessagingV2 => "messaging-v2",
            Family::VoiceV2 => "voice-v2",
            Family::V1 => "v1",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which way the message or call behind an event goes, seen from the customer's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Something reached the customer's number (inbound SMS, incoming call).
    Inbound,
    /// A receipt or event about something the customer sent or dialled.
    Outbound,
    /// Calls and conferences in either direction.
    Either,
}

impl Direction {
    pub fn name(self) -> &'static str {
        match self {
            Direction::Inbound => "inbound",
            Direction::Outbound => "outbound",
            Direction::Either => "either",
        }
    }
}

/// What the endpoint must answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// Any 2xx; the body is ignored.
    Ack,
    /// `200` with a BXML `<Response>` document: the reply drives the call.
    BxmlRequired,
    /// `204`, or `200` with BXML limited to a few verbs (conference events).
    BxmlOptional,
    /// `204`/`200`; BXML is not allowed (Bandwidth `dtmf`).
    BxmlForbidden,
}

impl Reply {
    pub fn name(self) -> &'static str {
        match self {
            Reply::Ack => "2xx",
            Reply::BxmlRequired => "bxml",
            Reply::BxmlOptional => "2xx or bxml",
            Reply::BxmlForbidden => "2xx, no bxml",
        }
    }

    pub fn expects_bxml(self) -> bool {
        matches!(self, Reply::BxmlRequired)
    }
}

/// One shape of an event, with its embedded template (see `fixtures/README.md`).
#[derive(Debug)]
pub struct Variant {
    pub name: &'static str,
    pub description: &'static str,
    pub template: &'static str,
}

/// One catalog entry.
#[derive(Debug)]
pub struct Event {
    pub provider: Provider,
    pub family: Family,
    /// The name users type (unique per provider).
    pub name: &'static str,
    /// The event name as it appears in the payload (`data.event_type`, `type`, `eventType`).
    pub wire_name: &'static str,
    pub direction: Direction,
    pub reply: Reply,
    pub description: &'static str,
    /// The first variant is the default.
    pub variants: &'static [Variant],
}

impl Event {
    pub fn default_variant(&self) -> &'static Variant {
        // Every entry has at least one variant; a unit test checks it for the whole catalog.
        &self.variants[0]
    }

    pub fn variant(&self, name: &str) -> Option<&'static Variant> {
        self.variants.iter().find(|v| v.name == name)
    }

    pub fn variant_names(&self) -> Vec<&'static str> {
        self.variants.iter().map(|v| v.name).collect()
    }
}

/// Another name users may type for an event, possibly selecting a variant
/// (Bandwidth `message-queued` is the earlier name of `message-sending`).
#[derive(Debug)]
pub struct Alias {
    pub alias: &'static str,
    pub event: &'static str,
    pub variant: Option<&'static str>,
}

pub fn aliases(provider: Provider) -> &'static [Alias] {
    match provider {
        Provider::Telnyx => crate::telnyx::catalog::ALIASES,
        Provider::Bandwidth => crate::bandwidth::catalog::ALIASES,
    }
}

/// A realistic sequence of events about one message or call, rendered with shared ids
/// (`send --flow`).
#[derive(Debug)]
pub struct Flow {
    pub provider: Provider,
    pub name: &'static str,
    pub description: &'static str,
    pub steps: &'static [Step],
    /// Template NAMEs that are per event, not per message or call (rendered afresh each step).
    pub fresh: &'static [&'static str],
    /// JSON pointers of facts fixed once they happen (a message's creation time, a call's start
    /// time): the first step that has one sets it for the later steps.
    pub carry: &'static [&'static str],
}

/// One event of a flow, `after_ms` (template milliseconds) after the previous one.
#[derive(Debug)]
pub struct Step {
    pub event: &'static str,
    pub variant: &'static str,
    pub after_ms: i64,
}

pub fn flows(provider: Provider) -> &'static [Flow] {
    match provider {
        Provider::Telnyx => crate::telnyx::catalog::FLOWS,
        Provider::Bandwidth => crate::bandwidth::catalog::FLOWS,
    }
}

/// Find a flow by name, with a did-you-mean and the list of flows when it is unknown.
pub fn find_flow(provider: Provider, name: &str) -> Result<&'static Flow, LookupError> {
    let all = flows(provider);
    all.iter()
        .find(|f| f.name == name)
        .ok_or_else(|| LookupError::UnknownFlow {
            provider,
            name: name.to_string(),
            hint: suggest(name, all.iter().map(|f| f.name))
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_default(),
            known: all.iter().map(|f| f.name).collect::<Vec<_>>().join(", "),
        })
}

/// The id of the event (for duplicates and --fail-first) and the id and time of the message or
/// call it is about (for out-of-order detection), as its provider's module reads them.
pub fn ids(event: &Event, body: &Value) -> (Option<String>, Option<(String, String)>) {
    match event.provider {
        Provider::Telnyx => crate::telnyx::ids(body),
        Provider::Bandwidth => crate::bandwidth::ids(body),
    }
}

/// The result of looking a name up: the entry and the variant the name implies, if any.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub event: &'static Event,
    pub variant: Option<&'static Variant>,
}

#[derive(Debug, thiserror::Error)]
pub enum LookupError {
    #[error(
        "unknown {provider} event `{name}`{hint} (list them with `telhook events --provider {provider}`)"
    )]
    UnknownEvent {
        provider: Provider,
        name: String,
        hint: String,
    },
    #[error("unknown {provider} flow `{name}`{hint}; its flows are: {known}")]
    UnknownFlow {
        provider: Provider,
        name: String,
        hint: String,
        known: String,
    },
    #[error("event `{event}` has no variant `{variant}`; its variants are: {known}")]
    UnknownVariant {
        event: &'static str,
        variant: String,
        known: String,
    },
}

/// Find an event by the name a user typed: the catalog name or an alias.
pub fn find(provider: Provider, name: &str) -> Result<Found, LookupError> {
    let events = provider.events();
    if let Some(event) = events.iter().find(|e| e.name == name) {
        return Ok(Found {
            event,
            variant: None,
        });
    }
    if let Some(alias) = aliases(provider).iter().find(|a| a.alias == name)
        && let Some(event) = events.iter().find(|e| e.name == alias.event)
    {
        let variant = alias.variant.and_then(|v| event.variant(v));
        return Ok(Found { event, variant });
    }
    let hint = suggest(name, events.iter().map(|e| e.name))
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default();
    Err(LookupError::UnknownEvent {
        provider,
        name: name.to_string(),
        hint,
    })
}

/// Resolve an event name and an optional variant name to the template to render.
pub fn resolve(
    provider: Provider,
    name: &str,
    variant: Option<&str>,
) -> Result<(&'static Event, &'static Variant), LookupError> {
    let found = find(provider, name)?;
    let chosen = match variant {
        Some(v) => found
            .event
            .variant(v)
            .ok_or_else(|| LookupError::UnknownVariant {
                event: found.event.name,
                variant: v.to_string(),
                known: found.event.variant_names().join(", "),
            })?,
        None => found
            .variant
            .unwrap_or_else(|| found.event.default_variant()),
    };
    Ok((found.event, chosen))
}

/// Every name a user may type for the provider's events (for completion and `--help`).
pub fn typed_names(provider: Provider) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = provider.events().iter().map(|e| e.name).collect();
    names.extend(aliases(provider).iter().map(|a| a.alias));
    names
}

/// The closest known name, if it is close enough to be a likely typo.
pub fn suggest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (strsim::levenshtein(name, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Parser for an event name. Completion offers every name of both catalogs; any string is
/// accepted here, and the provider-specific look-up (with its "did you mean") happens when the
/// command runs, so an unknown name gets one precise line instead of a list of 150 names.
#[derive(Debug, Clone, Copy)]
pub struct EventNameParser;

impl clap::builder::TypedValueParser for EventNameParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::TypedValueParser::parse_ref(
            &clap::builder::StringValueParser::new(),
            cmd,
            arg,
            value,
        )
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let mut names: Vec<&'static str> =
            Provider::ALL.iter().flat_map(|p| typed_names(*p)).collect();
        names.sort_unstable();
        names.dedup();
        Some(Box::new(
            names.into_iter().map(clap::builder::PossibleValue::new),
        ))
    }
}

pub fn event_name_parser() -> EventNameParser {
    EventNameParser
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_example_has_facts_and_none_is_a_bare_question_mark() {
        let mut renderer = crate::template::Renderer::new(crate::template::Seed::default());
        for provider in Provider::ALL {
            for event in provider.events() {
                for variant in event.variants {
                    let example = crate::example::build(
                        provider,
                        event.name,
                        Some(variant.name),
                        &[],
                        &mut renderer,
                    )
                    .unwrap();
                    for body in &example.values {
                        let facts = provider.facts(event, body);
                        // A message's text is quoted; it may ask a question.
                        let outside_quotes = facts.split('"').step_by(2).collect::<String>();
                        assert!(
                            !facts.is_empty()
                                && !outside_quotes.split_whitespace().any(|w| w == "?"),
                            "{provider} {} {}: {facts:?}",
                            event.name,
                            variant.name
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn id_and_state_leave_out_what_the_body_lacks() {
        let keys = (&["id"][..], &["state"][..]);
        let facts = |v: Value| id_and_state(&v, keys.0, keys.1);
        assert_eq!(
            facts(serde_json::json!({"id": "c-1", "state": "up"})),
            "c-1 up"
        );
        assert_eq!(facts(serde_json::json!({"id": "c-1"})), "c-1");
        assert_eq!(facts(serde_json::json!({"state": "up"})), "up");
        assert_eq!(facts(serde_json::json!({})), "");
    }

    #[test]
    fn the_longest_name_is_the_catalogs() {
        let names = Provider::ALL
            .iter()
            .flat_map(|p| p.events())
            .map(|e| e.name);
        assert_eq!(longest_name(), names.map(str::len).max().unwrap());
        assert!(
            longest_name() > 24,
            "a name longer than the old fixed column"
        );
    }

    #[test]
    fn recognizes_each_provider_shape() {
        let t = serde_json::json!({"data": {"event_type": "message.finalized"}});
        assert_eq!(recognize(&t).map(|e| e.name), Some("message.finalized"));
        let b = serde_json::json!([{"type": "message-queued", "message": {}}]);
        assert_eq!(recognize(&b).map(|e| e.name), Some("message-sending"));
        let v2 = serde_json::json!({"eventType": "answer", "eventTime": "x"});
        assert_eq!(recognize(&v2).map(|e| e.name), Some("answer"));
        let v2_no_time = serde_json::json!({"eventType": "answer", "callUrl": "x"});
        assert_eq!(recognize(&v2_no_time).map(|e| e.name), Some("answer"));
        let v1 = serde_json::json!({"eventType": "answer", "time": "x", "callUri": "x"});
        assert_eq!(recognize(&v1).map(|e| e.name), Some("v1-answer"));
        let rej = serde_json::json!({"eventType": "hangup", "cause": "CALL_REJECTED"});
        assert_eq!(recognize(&rej).map(|e| e.name), Some("v1-reject"));
        let link = serde_json::json!({"data": {"record_type": "link_clicked"}});
        assert_eq!(recognize(&link).map(|e| e.name), Some("link_clicked"));
        assert!(recognize(&serde_json::json!({"hello": 1})).is_none());
    }
}
