//! `telhook demo`: the whole tool in one command, with nothing to configure. A listener on a
//! free loopback port, a fresh Telnyx key pair and fresh Basic credentials; every event of both
//! providers delivered to it through the real HTTP path; then the failures a user should learn
//! to recognise. It prints the listener's view (the lines `listen` prints), checks every verdict
//! against the one expected, and exits 0 only when all of them were.

use rand::Rng;
use rand::distr::Alphanumeric;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use crate::bandwidth::auth::Credentials;
use crate::capture::Verdict;
use crate::catalog::{self, Provider};
use crate::delivery::{self, Item, Settings};
use crate::emulator;
use crate::exit::ExitStatus;
use crate::output::{Check, DemoStart, DemoSummary, Output};
use crate::receiver::{self, Entry, Server};
use crate::signing::PrivateKey;
use crate::template::{Renderer, Seed};
use crate::ui::Ui;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Only this provider's events and failure scenarios.
    #[arg(short = 'p', long, value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
}

/// What the listener must say about one request.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Want {
    verdict: Verdict,
    status: u16,
    /// A piece of the reason the listener gives, and what the expectation calls it.
    reason: Option<(&'static str, &'static str)>,
    duplicate: bool,
    out_of_order: bool,
}

impl Want {
    const fn new(verdict: Verdict, status: u16) -> Self {
        Want {
            verdict,
            status,
            reason: None,
            duplicate: false,
            out_of_order: false,
        }
    }

    /// The listener's reason must contain `piece`; the expectation is shown as `shown`
    /// (the piece matched need not read as a reason on its own).
    fn because(mut self, piece: &'static str, shown: &'static str) -> Self {
        self.reason = Some((piece, shown));
        self
    }

    fn matches(&self, got: &Entry) -> bool {
        got.verdict == self.verdict
            && got.status == self.status
            && got.duplicate == self.duplicate
            && got.out_of_order == self.out_of_order
            && got.schema_errors.is_empty()
            && self
                .reason
                .is_none_or(|(r, _)| got.reason.as_deref().is_some_and(|g| g.contains(r)))
    }

    fn describe(&self) -> String {
        describe(
            self.verdict,
            self.status,
            self.reason.map(|(_, shown)| shown),
            (self.duplicate, self.out_of_order),
            None,
        )
    }
}

fn describe_line(got: &Entry) -> String {
    describe(
        got.verdict,
        got.status,
        got.reason.as_deref(),
        (got.duplicate, got.out_of_order),
        got.schema_errors.first().map(String::as_str),
    )
}

/// `verdict status (reason) [duplicate] [out-of-order] [schema: ...]`
fn describe(
    verdict: Verdict,
    status: u16,
    reason: Option<&str>,
    (duplicate, out_of_order): (bool, bool),
    schema: Option<&str>,
) -> String {
    let mut s = format!("{verdict} {status}");
    if let Some(r) = reason {
        s.push_str(&format!(" ({r})"));
    }
    if duplicate {
        s.push_str(" [duplicate]");
    }
    if out_of_order {
        s.push_str(" [out-of-order]");
    }
    if let Some(e) = schema {
        s.push_str(&format!(" [schema: {e}]"));
    }
    s
}

/// How the sender tampers with a delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Twist {
    None,
    /// Signed with a key the listener does not know.
    ForgedSignature,
    /// Signed ten minutes ago (outside the 300 s tolerance).
    StaleTimestamp,
    /// The Basic challenge answered with a wrong password.
    WrongPassword,
}

/// One delivery and what must come of it.
struct Step {
    item: Item,
    twist: Twist,
    /// One entry per request the listener must see, in order.
    want: Vec<Want>,
    /// Must the sender count the delivery as acknowledged?
    acknowledged: bool,
}

/// A named group of steps; `scenario` groups are the failures to recognise.
struct Case {
    title: String,
    scenario: bool,
    steps: Vec<Step>,
}

const DEMO_USER: &str = "telhook-demo";

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let providers: Vec<Provider> = match args.provider {
        Some(p) => vec![p],
        None => Provider::ALL.to_vec(),
    };
    let key = PrivateKey::generate();
    let password: String = rand::rng()
        .sample_iter(Alphanumeric)
        .take(24)
        .map(char::from)
        .collect();
    let credentials = Credentials::parse(&format!("{DEMO_USER}:{password}"))
        .map_err(|e| anyhow::anyhow!("demo credentials: {e}"))?;
    // The listener `listen` would run, on a free loopback port, with the demo's key and
    // credentials.
    let config = receiver::Config {
        port: 0,
        key: Some(key.public()),
        basic_auth: Some(credentials.clone()),
        ..receiver::Config::default()
    };
    let (observer, observed) = mpsc::channel();
    let server = Server::bind(config, ui, Some(observer))?;
    // Every Bandwidth callback is challenged first: its explanation is given once.
    server.say_reasons_once();
    server.announce()?;
    let url = server.url().to_string();
    if ui.json {
        ui.emit(&Output::Demo(DemoStart {
            url: url.clone(),
            public_key: key.public().to_base64(),
            basic_auth_user: DEMO_USER.to_string(),
        }))?;
    } else if !ui.quiet {
        ui.line(&ui.fit_line(&format!(
            "demo: Telnyx events signed with a new key; public key {}",
            key.public().to_base64()
        )))?;
        ui.line(&ui.fit_line(&format!(
            "demo: Bandwidth credentials {DEMO_USER}:<generated>"
        )))?;
    }

    let cases = plan(&providers)?;
    let mut settings = Settings::new(vec![url]);
    settings.key = Some(key);
    settings.credentials = Some(credentials);
    // The demo talks to its own loopback listener, whatever the proxy variables say.
    settings.direct = true;

    let stop = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        let serving = scope.spawn(|| server.serve(&stop));
        let result = {
            // However the deliveries end (a panic included), the listener stops.
            let _stop = StopOnDrop(&stop);
            deliver_all(ui, &settings, &cases, &observed, &server).and_then(|mut tally| {
                round_trips(ui, &providers, &settings, &observed, &server, &mut tally)?;
                print_summary(ui, &tally)?;
                Ok(tally)
            })
        };
        match serving.join() {
            Ok(served) => served.and(result),
            Err(_) => Err(anyhow::anyhow!("the demo listener's thread panicked")),
        }
    })?;
    Ok(if result.failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// Sets the flag when dropped.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// What the whole run came to.
#[derive(Default)]
struct Tally {
    events: usize,
    scenarios: usize,
    round_trips: usize,
    requests: usize,
    verdicts: BTreeMap<Verdict, usize>,
    checks: usize,
    failed: usize,
}

fn deliver_all(
    ui: &Ui,
    settings: &Settings,
    cases: &[Case],
    observed: &mpsc::Receiver<Entry>,
    server: &Server,
) -> anyhow::Result<Tally> {
    let forger = PrivateKey::generate();
    let sender = delivery::Sender::new(settings)?;
    let mut verdicts: BTreeMap<Verdict, usize> = BTreeMap::new();
    let (mut checks, mut failed, mut requests) = (0usize, 0usize, 0usize);
    for case in cases {
        if !ui.json && !ui.quiet {
            let mark = if case.scenario { "--" } else { "==" };
            ui.line(&ui.fit_line(&format!("{mark} {}", case.title)))?;
        }
        for step in &case.steps {
            let mut step_settings = settings.clone();
            match step.twist {
                Twist::None => {}
                Twist::ForgedSignature => step_settings.key = Some(forger.clone()),
                Twist::StaleTimestamp => {
                    step_settings.timestamp = Some(chrono::Utc::now().timestamp() - 600);
                }
                Twist::WrongPassword => {
                    step_settings.credentials = Some(
                        Credentials::parse(&format!("{DEMO_USER}:not-the-password"))
                            .map_err(|e| anyhow::anyhow!("demo credentials: {e}"))?,
                    );
                }
            }
            if step.twist != Twist::None {
                // A refused delivery is shown once, not retried.
                step_settings.attempts = Some(1);
            }
            let item = &step.item;
            let delivery = sender.deliver(&step_settings, item)?;
            // The listener sends each line before it answers, so every line of this delivery
            // is already here; the timeout only guards against a listener that lost one.
            let mut got = Vec::new();
            while got.len() < step.want.len() {
                match observed.recv_timeout(Duration::from_secs(5)) {
                    Ok(line) => got.push(line),
                    Err(_) => break,
                }
            }
            got.extend(observed.try_iter());
            // The listener's lines for this delivery are on stdout before the demo's own.
            server.flush();
            if server.output_closed() {
                // `demo | head`: stop quietly (main exits 0 on a closed pipe).
                return Err(std::io::Error::from(std::io::ErrorKind::BrokenPipe).into());
            }
            requests += got.len();
            for line in &got {
                *verdicts.entry(line.verdict).or_default() += 1;
            }
            let ok = got.len() == step.want.len()
                && step.want.iter().zip(&got).all(|(w, g)| w.matches(g))
                && delivery.acknowledged == step.acknowledged;
            checks += 1;
            if !ok {
                failed += 1;
            }
            let expected = format!(
                "{}; sender {}",
                step.want
                    .iter()
                    .map(Want::describe)
                    .collect::<Vec<_>>()
                    .join(", then "),
                if step.acknowledged {
                    "acknowledged"
                } else {
                    "not acknowledged"
                }
            );
            let seen = format!(
                "{}; sender {}",
                if got.is_empty() {
                    "no request".to_string()
                } else {
                    got.iter()
                        .map(describe_line)
                        .collect::<Vec<_>>()
                        .join(", then ")
                },
                if delivery.acknowledged {
                    "acknowledged".to_string()
                } else {
                    format!("not acknowledged ({})", delivery.outcome.reason_code())
                }
            );
            let shown = case.scenario.then(|| expected.clone());
            say_check(
                ui,
                Check {
                    case: &case.title,
                    scenario: case.scenario,
                    provider: item.provider,
                    event: item.event_name(),
                    ok,
                    expected,
                    got: seen,
                },
                shown,
            )?;
        }
    }
    let events = cases
        .iter()
        .filter(|c| !c.scenario)
        .map(|c| c.steps.len())
        .sum();
    let scenarios = cases.iter().filter(|c| c.scenario).count();
    Ok(Tally {
        events,
        scenarios,
        round_trips: 0,
        requests,
        verdicts,
        checks,
        failed,
    })
}

/// One check as the demo says it: a `check` object under `--json`; otherwise the expectation
/// and what came when they differ, or `shown` (when given) when they agree.
fn say_check(ui: &Ui, check: Check<'_>, shown: Option<String>) -> anyhow::Result<()> {
    if ui.json {
        ui.emit(&Output::Check(check))?;
    } else if !check.ok {
        ui.line(&ui.fit_line(&format!(
            "   {} expected {}; got {}",
            ui.fail("unexpected"),
            check.expected,
            check.got
        )))?;
    } else if let Some(text) = shown
        && !ui.quiet
    {
        ui.line(&ui.fit_line(&format!("   {} {text}", ui.pass("as expected:"))))?;
    }
    Ok(())
}

fn print_summary(ui: &Ui, t: &Tally) -> anyhow::Result<()> {
    let (checks, failed) = (t.checks, t.failed);
    if ui.json {
        ui.emit(&Output::DemoSummary(DemoSummary {
            events: t.events,
            scenarios: t.scenarios,
            round_trips: t.round_trips,
            requests: t.requests,
            verdicts: t.verdicts.clone(),
            checks,
            failed,
        }))?;
    } else if !ui.quiet {
        let counts: Vec<String> = t.verdicts.iter().map(|(v, n)| format!("{n} {v}")).collect();
        let verdict = if failed == 0 {
            ui.pass(&format!("{checks} of {checks} verdicts as expected"))
        } else {
            ui.fail(&format!("{failed} of {checks} verdicts unexpected"))
        };
        ui.line(&ui.fit_line(&format!(
            "summary: {} events, {} failure scenarios and {} round trips; {verdict}",
            t.events, t.scenarios, t.round_trips
        )))?;
        ui.line(&ui.fit_line(&format!(
            "         the listener saw {} requests ({})",
            t.requests,
            counts.join(", ")
        )))?;
    }
    Ok(())
}

/// The round trip of each provider through `emulate`'s engine: the API call an app makes, its
/// answer, and the webhooks about that id arriving at the demo's listener, verified.
fn round_trips(
    ui: &Ui,
    providers: &[Provider],
    settings: &Settings,
    observed: &mpsc::Receiver<Entry>,
    server: &Server,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    let (Some(key), Some(url)) = (settings.key.clone(), settings.urls.first().cloned()) else {
        return Ok(());
    };
    let mut config = emulator::Config::new(key, vec![url]);
    config.port = 0;
    config.telnyx.latency = emulator::Latency::uniform(Duration::from_millis(10));
    config.bandwidth.latency = emulator::Latency::uniform(Duration::from_millis(10));
    config.delivery = settings.clone();
    // The emulator's own lines would repeat the listener's: it speaks only of what failed.
    let mut quiet = ui.clone();
    quiet.json = false;
    quiet.quiet = true;
    let emu = emulator::Emulator::bind(config, &quiet)?;
    let base = emu.base_url();
    let forwarder = delivery::Forwarder::new()?;
    let call = |path: &str, auth: &str, body: serde_json::Value| {
        let request = crate::http::Request::post(
            format!("{base}{path}"),
            vec![
                ("authorization".to_string(), auth.to_string()),
                ("content-type".to_string(), "application/json".to_string()),
                // No connection left open to hold up the emulator's stop.
                ("connection".to_string(), "close".to_string()),
            ],
            body.to_string().into_bytes(),
        );
        forwarder
            .send(&request, Duration::from_secs(10))
            .map_err(|e| anyhow::anyhow!("the emulator did not answer {path}: {e:?}"))
    };
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let serving = scope.spawn(|| emu.serve(|| stop.load(Ordering::SeqCst)));
        let _stop = StopOnDrop(&stop);
        if !ui.json && !ui.quiet {
            ui.line(&ui.fit_line(
                "== Round trips: an app sends a message through the emulated API (telhook emulate); the webhooks about its id follow",
            ))?;
        }
        for provider in providers {
            let (path, auth, body, status, id_at, want) = match provider {
                Provider::Telnyx => (
                    "/v2/messages",
                    "Bearer demo-api-key".to_string(),
                    serde_json::json!({"from": "+13125550100", "to": "+13125550123", "text": "Your demo code is 123456"}),
                    200,
                    "/data/id",
                    vec![
                        ("message.sent", Verdict::Verified),
                        ("message.finalized", Verdict::Verified),
                    ],
                ),
                Provider::Bandwidth => (
                    "/api/v2/users/5550100/messages",
                    format!(
                        "Basic {}",
                        base64::Engine::encode(
                            &base64::engine::general_purpose::STANDARD,
                            "demo:demo"
                        )
                    ),
                    serde_json::json!({"applicationId": "93de2206-9669-4e07-948d-329f4b722ee2", "from": "+13125550100", "to": ["+13125550123"], "text": "Your demo code is 123456"}),
                    202,
                    "/id",
                    vec![
                        ("message-delivered", Verdict::Challenged),
                        ("message-delivered", Verdict::Verified),
                    ],
                ),
            };
            let answer = call(path, &auth, body)?;
            let answered: serde_json::Value =
                serde_json::from_slice(&answer.body).unwrap_or_default();
            let id = answered
                .pointer(id_at)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string();
            // Whether it settled shows in the lines the listener saw.
            emulator::client::settle(&base, Duration::from_secs(20))?;
            let mut got = Vec::new();
            while got.len() < want.len() {
                match observed.recv_timeout(Duration::from_secs(5)) {
                    Ok(line) => got.push(line),
                    Err(_) => break,
                }
            }
            got.extend(observed.try_iter());
            server.flush();
            tally.requests += got.len();
            for line in &got {
                *tally.verdicts.entry(line.verdict).or_default() += 1;
            }
            let about = |e: &Entry| -> Option<String> {
                let body: serde_json::Value = serde_json::from_slice(&e.body).ok()?;
                body.pointer("/data/payload/id")
                    .or_else(|| body.pointer("/0/message/id"))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let ok = answer.status == status
                && !id.is_empty()
                && got.len() == want.len()
                && want.iter().zip(&got).all(|((event, verdict), g)| {
                    g.event.map(|e| e.name) == Some(*event)
                        && g.verdict == *verdict
                        && g.schema_errors.is_empty()
                        && about(g).as_deref() == Some(id.as_str())
                });
            tally.checks += 1;
            tally.round_trips += 1;
            if !ok {
                tally.failed += 1;
            }
            let events: Vec<&str> = want.iter().map(|(e, _)| *e).collect();
            let mut events = events;
            events.dedup();
            let expected = format!(
                "POST {path} answered {status} with a message id; {} about that id, {}",
                events.join(" and "),
                if *provider == Provider::Telnyx {
                    "verified"
                } else {
                    "challenged, then verified"
                }
            );
            let seen = format!(
                "{} answered {} (id {}); {} request(s) at the listener",
                path,
                answer.status,
                if id.is_empty() { "none" } else { &id },
                got.len()
            );
            let shown = Some(format!("{provider}: {expected}"));
            say_check(
                ui,
                Check {
                    case: "round trip",
                    scenario: false,
                    provider: *provider,
                    event: if *provider == Provider::Telnyx {
                        "message.finalized"
                    } else {
                        "message-delivered"
                    },
                    ok,
                    expected,
                    got: seen,
                },
                shown,
            )?;
        }
        drop(_stop);
        match serving.join() {
            Ok(served) => served,
            Err(_) => Err(anyhow::anyhow!("the demo emulator's thread panicked")),
        }
    })?;
    emu.close(true)?;
    Ok(())
}

/// Every event of each provider, then its failure scenarios.
fn plan(providers: &[Provider]) -> anyhow::Result<Vec<Case>> {
    let mut renderer = Renderer::new(Seed::default());
    let mut cases = Vec::new();
    for &provider in providers {
        let mut steps = Vec::new();
        for event in provider.events() {
            renderer.forget();
            let example = crate::example::build(provider, event.name, None, &[], &mut renderer)?;
            for item in Item::from_example(example) {
                steps.push(Step {
                    item,
                    twist: Twist::None,
                    want: accepted(provider),
                    acknowledged: true,
                });
            }
        }
        let title = match provider {
            Provider::Telnyx => format!(
                "Telnyx: every event ({}), signed with the demo key",
                steps.len()
            ),
            Provider::Bandwidth => format!(
                "Bandwidth: every event ({}); each is challenged with a 401, then sent with credentials",
                steps.len()
            ),
        };
        cases.push(Case {
            title,
            scenario: false,
            steps,
        });
        cases.extend(scenarios(provider, &mut renderer)?);
    }
    Ok(cases)
}

/// What the listener says to a good delivery.
fn accepted(provider: Provider) -> Vec<Want> {
    match provider {
        Provider::Telnyx => vec![Want::new(Verdict::Verified, 200)],
        Provider::Bandwidth => vec![
            Want::new(Verdict::Challenged, 401),
            Want::new(Verdict::Verified, 200),
        ],
    }
}

fn one(provider: Provider, event: &str, renderer: &mut Renderer) -> anyhow::Result<Item> {
    renderer.forget();
    let example = crate::example::build(provider, event, None, &[], renderer)?;
    Item::from_example(example)
        .into_iter()
        .next()
        .ok_or_else(|| anyhow::anyhow!("{provider} {event} rendered no body"))
}

/// The two events of a flow about one message, in their real order.
fn flow_pair(
    provider: Provider,
    flow: &str,
    renderer: &mut Renderer,
) -> anyhow::Result<(Item, Item)> {
    renderer.forget();
    let flow = catalog::find_flow(provider, flow)?;
    let mut items = crate::example::build_flow(flow, &[], renderer)?
        .into_iter()
        .flat_map(Item::from_example);
    match (items.next(), items.next()) {
        (Some(first), Some(second)) => Ok((first, second)),
        _ => anyhow::bail!("flow {provider} {} has fewer than two events", flow.name),
    }
}

/// What the listener says to a good delivery, with `mark` applied to its last line (the one
/// that carries the event).
fn accepted_and(provider: Provider, mark: impl FnOnce(&mut Want)) -> Vec<Want> {
    let mut want = accepted(provider);
    if let Some(last) = want.last_mut() {
        mark(last);
    }
    want
}

fn scenarios(provider: Provider, renderer: &mut Renderer) -> anyhow::Result<Vec<Case>> {
    // One delivery each: (title, event, twist, what the listener says, acknowledged?).
    let single: Vec<(&str, &str, Twist, Vec<Want>, bool)> = match provider {
        Provider::Telnyx => vec![
            (
                "forged Telnyx signature (signed with another key): 403, the app never sees it",
                "message.received",
                Twist::ForgedSignature,
                vec![
                    Want::new(Verdict::Rejected, 403)
                        .because("signature does not match", "signature does not match"),
                ],
                false,
            ),
            (
                "stale timestamp (signed 600 s ago, tolerance 300 s): 403",
                "message.received",
                Twist::StaleTimestamp,
                vec![Want::new(Verdict::Rejected, 403).because("s old", "timestamp too old")],
                false,
            ),
        ],
        Provider::Bandwidth => vec![
            (
                "Bandwidth request without credentials: the 401 challenge, then success",
                "message-received",
                Twist::None,
                vec![
                    Want::new(Verdict::Challenged, 401)
                        .because("no Authorization", "no Authorization"),
                    Want::new(Verdict::Verified, 200),
                ],
                true,
            ),
            (
                "wrong Basic password: 401 again, the callback is not delivered",
                "message-received",
                Twist::WrongPassword,
                vec![
                    Want::new(Verdict::Challenged, 401),
                    Want::new(Verdict::Rejected, 401),
                ],
                false,
            ),
        ],
    };
    let mut cases = Vec::new();
    for (title, event, twist, want, acknowledged) in single {
        cases.push(Case {
            title: title.into(),
            scenario: true,
            steps: vec![Step {
                item: one(provider, event, renderer)?,
                twist,
                want,
                acknowledged,
            }],
        });
    }
    let step = |item: Item, want: Vec<Want>| Step {
        item,
        twist: Twist::None,
        want,
        acknowledged: true,
    };
    let (dup_event, flow) = match provider {
        Provider::Telnyx => ("message.finalized", "outbound-message"),
        Provider::Bandwidth => ("message-delivered", "outbound-mms"),
    };
    let item = one(provider, dup_event, renderer)?;
    cases.push(Case {
        title: format!(
            "duplicate: {dup_event} delivered twice with the same id (at-least-once delivery)"
        ),
        scenario: true,
        steps: vec![
            step(item.clone(), accepted(provider)),
            step(item, accepted_and(provider, |w| w.duplicate = true)),
        ],
    });
    let (first, second) = flow_pair(provider, flow, renderer)?;
    cases.push(Case {
        title: format!(
            "out of order: {} arrives before {} about the same message",
            second.event_name(),
            first.event_name()
        ),
        scenario: true,
        steps: vec![
            step(second, accepted(provider)),
            step(first, accepted_and(provider, |w| w.out_of_order = true)),
        ],
    });
    Ok(cases)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(verdict: Verdict, status: u16, reason: Option<&str>) -> Entry {
        Entry {
            received_at: String::new(),
            remote_addr: None,
            method: "POST".into(),
            path: "/".into(),
            query: None,
            headers: Vec::new(),
            body: Vec::new(),
            provider: Some(Provider::Telnyx),
            event: catalog::find(Provider::Telnyx, "message.received")
                .ok()
                .map(|f| f.event),
            event_id: None,
            facts: String::new(),
            verdict,
            reason: reason.map(str::to_string),
            status,
            duplicate: false,
            out_of_order: false,
            schema_errors: Vec::new(),
            forwarded: None,
        }
    }

    #[test]
    fn a_want_matches_only_the_same_verdict_status_reason_and_marks() {
        let want =
            Want::new(Verdict::Rejected, 403).because("signature does not match", "bad signature");
        assert!(want.matches(&line(
            Verdict::Rejected,
            403,
            Some("signature does not match: other key")
        )));
        assert!(!want.matches(&line(
            Verdict::Rejected,
            401,
            Some("signature does not match")
        )));
        assert!(!want.matches(&line(
            Verdict::Verified,
            403,
            Some("signature does not match")
        )));
        assert!(!want.matches(&line(Verdict::Rejected, 403, Some("too old"))));
        assert!(!want.matches(&line(Verdict::Rejected, 403, None)));

        let plain = Want::new(Verdict::Verified, 200);
        let mut dup = line(Verdict::Verified, 200, None);
        dup.duplicate = true;
        assert!(!plain.matches(&dup), "an unexpected duplicate mark fails");
        let mut invalid = line(Verdict::Verified, 200, None);
        invalid.schema_errors.push("/data: missing".into());
        assert!(!plain.matches(&invalid), "a schema problem fails");
        assert!(plain.matches(&line(Verdict::Verified, 200, None)));
    }

    #[test]
    fn an_expectation_reads_in_its_own_words_not_the_piece_it_matches() {
        let cases = plan(&[Provider::Telnyx]).unwrap();
        let stale = cases
            .iter()
            .find(|c| c.title.starts_with("stale timestamp"))
            .unwrap();
        let want = &stale.steps[0].want[0];
        // It once read `rejected 403 (s old)`: the piece matched, shown as if it were the reason.
        assert_eq!(want.describe(), "rejected 403 (timestamp too old)");
        let reason = crate::telnyx::sign::Problem::TooOld {
            age: 600,
            excess: 300,
            tolerance: 300,
        }
        .to_string();
        assert!(
            want.matches(&line(Verdict::Rejected, 403, Some(&reason))),
            "{reason}"
        );
    }

    #[test]
    fn the_plan_covers_every_event_and_the_scenarios_of_each_provider() {
        let cases = plan(&[Provider::Bandwidth]).unwrap();
        let events: usize = cases
            .iter()
            .filter(|c| !c.scenario)
            .map(|c| c.steps.len())
            .sum();
        let bodies: usize = Provider::Bandwidth
            .events()
            .iter()
            .map(|e| crate::bandwidth::copies(e.name, e.default_variant().name))
            .sum();
        assert_eq!(events, bodies);
        assert!(cases.iter().all(|c| {
            c.steps
                .iter()
                .all(|s| s.item.provider == Provider::Bandwidth)
        }));
        let titles: Vec<&str> = cases
            .iter()
            .filter(|c| c.scenario)
            .map(|c| c.title.as_str())
            .collect();
        assert_eq!(titles.len(), 4, "{titles:?}");
        assert!(titles[0].contains("without credentials"));
        assert!(titles[1].contains("wrong Basic password"));
        assert!(titles[2].starts_with("duplicate"));
        assert!(titles[3].starts_with("out of order"));
    }
}
