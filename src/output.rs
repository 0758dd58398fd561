//! Every JSON Lines object telhook prints under `--json`: one enum, tagged by its `"type"`, so
//! the set of shapes is closed and each is one type. [`Ui::emit`](crate::ui::Ui::emit) prints
//! them. The engines' own shapes (a received request, a delivery attempt, their summaries) live
//! with the engines; the commands' shapes live here.

use serde::Serialize;
use std::collections::BTreeMap;

use crate::capture::Verdict;
use crate::catalog::{Direction, Family, Provider, Reply};
use crate::telnyx::sign::ProblemReport;

/// One line of `--json` output.
#[derive(Debug, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Output<'a> {
    /// `listen`, `demo`: where the receiver is (always the first line).
    Listening(crate::receiver::Listening<'a>),
    /// `listen`, `demo`: one request received.
    Event(crate::receiver::EventLine<'a>),
    /// `listen`: the counts when it stops.
    #[serde(rename = "summary")]
    ListenSummary(&'a crate::receiver::Summary),
    /// `send`, `replay`: one attempt.
    Attempt(crate::delivery::AttemptLine<'a>),
    /// `send`: the end-of-run figures.
    #[serde(rename = "summary")]
    SendSummary(&'a crate::delivery::Summary),
    /// `replay`: the end-of-run figures and what was skipped.
    #[serde(rename = "summary")]
    ReplaySummary(ReplaySummary<'a>),
    /// `send`: the public key of the key pair made for the run.
    PublicKey(PublicKey),
    /// `send --dry-run`: one request.
    Request(RequestLine<'a>),
    /// `sign`: the two signature headers.
    Signature(Signature<'a>),
    /// `verify`: the verdict and its reasons.
    Verdict(VerifyVerdict<'a>),
    /// `keygen`: the new key pair.
    Keygen(Keygen<'a>),
    /// `events`: one catalog entry.
    CatalogEntry(&'a CatalogEntry),
    /// `validate`: one problem.
    Error(&'a Finding),
    /// `validate`: the counts.
    #[serde(rename = "summary")]
    ValidateSummary(ValidateSummary),
    /// `config`: the effective settings and the files looked at.
    Config(ConfigShown<'a>),
    /// `demo`: the key and credentials it made.
    Demo(DemoStart),
    /// `demo`: one delivery checked against what must come of it.
    Check(Check<'a>),
    /// `demo`: the counts.
    #[serde(rename = "summary")]
    DemoSummary(DemoSummary),
    /// `emulate`: where it is and what an app needs (always the first line).
    Emulating(&'a crate::emulator::Listening),
    /// `emulate`: one API call and its answer.
    ApiCall(crate::emulator::ApiLine<'a>),
    /// `emulate messages`: one message a running emulator keeps.
    Message(&'a crate::emulator::client::Kept),
    /// `emulate reset`: how many messages it forgot.
    Reset(Reset),
    /// `emulate settle`: whether every webhook due was delivered or given up in time.
    Settle(Settle<'a>),
    /// `text`: what the emulator did with the text.
    Texted(&'a crate::emulator::client::Texted),
}

#[derive(Debug, Serialize)]
pub struct Reset {
    pub forgotten: u64,
}

#[derive(Debug, Serialize)]
pub struct Settle<'a> {
    pub settled: bool,
    /// Why not, in the emulator's words (`webhooks still in flight after 1ms`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct ConfigShown<'a> {
    pub settings: &'a [crate::config::Shown],
    pub files: &'a [ConfigFileShown],
}

#[derive(Debug, Serialize)]
pub struct ConfigFileShown {
    pub path: String,
    pub exists: bool,
}

#[derive(Debug, Serialize)]
pub struct PublicKey {
    pub public_key: String,
}

#[derive(Debug, Serialize)]
pub struct RequestLine<'a> {
    pub provider: Provider,
    pub event: Option<&'static str>,
    pub id: Option<&'a str>,
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    pub body: String,
}

#[derive(Debug, Serialize)]
pub struct Signature<'a> {
    pub timestamp: &'a str,
    pub signature: &'a str,
    pub public_key: String,
}

#[derive(Debug, Serialize)]
pub struct VerifyVerdict<'a> {
    pub valid: bool,
    pub timestamp: Option<&'a str>,
    pub age_secs: Option<i64>,
    pub reasons: Vec<ProblemReport>,
}

#[derive(Debug, Serialize)]
pub struct Keygen<'a> {
    pub public_key: &'a str,
    pub public_key_file: String,
    pub private_key_file: String,
}

#[derive(Debug, Serialize)]
pub struct CatalogEntry {
    pub provider: Provider,
    pub family: Family,
    pub name: &'static str,
    pub wire_name: &'static str,
    pub direction: Direction,
    pub reply: Reply,
    pub bxml: bool,
    pub description: &'static str,
    pub variants: Vec<&'static str>,
    pub aliases: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub provider: Option<Provider>,
    pub event: Option<&'static str>,
    pub path: String,
    pub pointer: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct ValidateSummary {
    pub files: usize,
    pub events: usize,
    pub invalid_files: usize,
    pub errors: usize,
}

/// Why records were not delivered, counted.
#[derive(Debug, Default, Serialize)]
pub struct Skipped {
    pub malformed: u64,
    /// Challenge halves and non-POST requests.
    pub passed_over: u64,
    /// API calls in an emulator's timeline (not webhooks).
    pub api_calls: u64,
    /// Not selected by --provider/--event/--id/--since/--until.
    pub not_selected: u64,
    /// No provider could be told (give --provider).
    pub unknown_provider: u64,
}

#[derive(Debug, Serialize)]
pub struct ReplaySummary<'a> {
    #[serde(flatten)]
    pub summary: &'a crate::delivery::Summary,
    pub skipped: &'a Skipped,
}

#[derive(Debug, Serialize)]
pub struct DemoStart {
    pub url: String,
    pub public_key: String,
    pub basic_auth_user: String,
}

#[derive(Debug, Serialize)]
pub struct Check<'a> {
    pub case: &'a str,
    pub scenario: bool,
    pub provider: Provider,
    pub event: &'static str,
    pub ok: bool,
    pub expected: String,
    pub got: String,
}

#[derive(Debug, Serialize)]
pub struct DemoSummary {
    pub events: usize,
    pub scenarios: usize,
    /// API calls through the emulator whose webhooks came back as expected, or not.
    pub round_trips: usize,
    pub requests: usize,
    /// listener verdict -> requests
    pub verdicts: BTreeMap<Verdict, usize>,
    pub checks: usize,
    pub failed: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_first_and_summaries_share_their_name() {
        let line = serde_json::to_string(&Output::PublicKey(PublicKey {
            public_key: "k".into(),
        }))
        .unwrap();
        assert_eq!(line, r#"{"type":"public_key","public_key":"k"}"#);
        let summary = serde_json::to_string(&Output::ValidateSummary(ValidateSummary {
            files: 1,
            events: 2,
            invalid_files: 0,
            errors: 0,
        }))
        .unwrap();
        assert_eq!(
            summary,
            r#"{"type":"summary","files":1,"events":2,"invalid_files":0,"errors":0}"#
        );
    }
}
