//! The retry state machine: deliver one webhook under a [`Policy`] (timeout, attempts per
//! URL, exponential backoff, failover URLs, an optional Basic challenge flow) and judge every
//! answer against what the policy expects. It knows no provider: `telnyx` and `bandwidth`
//! supply the facts, the caller supplies each attempt's request (so a body can be re-stamped and
//! re-signed per attempt), and a [`Transport`] carries it (hyper/reqwest in the binary, a script
//! in tests).

use std::time::{Duration, Instant};

use super::judge::{self, Expect};
use crate::http::{Failure, Request, Response, Transport};

/// Exponential backoff: `base`, then `base * factor`, ... capped at `cap`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    pub base: Duration,
    pub factor: u32,
    pub cap: Duration,
}

impl Backoff {
    /// The wait before retry number `retry` (1 = the first retry).
    pub fn delay(&self, retry: u32) -> Duration {
        let mut d = self.base;
        for _ in 1..retry {
            d = d.saturating_mul(self.factor);
            if d >= self.cap {
                return self.cap;
            }
        }
        d.min(self.cap)
    }
}

/// A provider's delivery rules for one event, as its module states them.
#[derive(Debug, Clone)]
pub struct Rules {
    /// The answer must be complete within this.
    pub timeout: Duration,
    pub attempts_per_url: u32,
    /// The provider's own schedule between attempts (`--provider-timing`).
    pub backoff: Backoff,
    /// What counts as handled.
    pub expect: Expect,
    /// The provider answers a Basic challenge with credentials (Bandwidth).
    pub basic_challenge: bool,
    /// For callbacks whose reply drives a call: the strict form of that reply (`replay
    /// --expect-bxml`).
    pub bxml_reply: Option<Expect>,
}

/// How one webhook is delivered and judged.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The answer must be complete within this.
    pub timeout: Duration,
    /// Attempts on each URL before moving to the next one.
    pub attempts_per_url: u32,
    pub backoff: Backoff,
    /// What counts as handled.
    pub expect: Expect,
    /// With credentials, the first request of an attempt carries none; a `401` with a
    /// `WWW-Authenticate` challenge is answered at once with this `Authorization` value, and a
    /// `401` without the challenge ends the delivery (the sender cannot authenticate).
    pub challenge_credentials: Option<Secret>,
}

/// A header value that must never be printed (`Debug` is redacted).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(value)
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Answered as the policy requires; `verbs` lists the XML reply's top-level elements.
    Acknowledged {
        verbs: Vec<String>,
    },
    /// `401` with `WWW-Authenticate`: the request is repeated at once with credentials.
    Challenged,
    /// `401` without `WWW-Authenticate`: the sender makes no second request.
    ChallengeWithoutHeader,
    /// `401` to the request that carried credentials.
    CredentialsRejected,
    /// A status the policy does not accept (3xx included: redirects are not followed).
    Status {
        status: u16,
        /// The receiver's own words for it: the first line of a short text body.
        said: Option<String>,
        /// A 401 that asked for Basic credentials (`WWW-Authenticate: Basic`) when the sender
        /// had none to give.
        wants_basic: bool,
    },
    /// The status was right but the reply body was not what the event needs. Not retried: a
    /// second delivery would get the same reply.
    BadReply {
        problem: String,
    },
    TimedOut {
        after: Duration,
    },
    Unreachable {
        cause: String,
    },
    /// Cut by Ctrl-C before the delivery ended (never an attempt's outcome).
    Interrupted,
}

impl Outcome {
    pub fn acknowledged(&self) -> bool {
        matches!(self, Outcome::Acknowledged { .. })
    }

    /// Is another attempt made after this one?
    pub fn retried(&self) -> bool {
        matches!(
            self,
            Outcome::CredentialsRejected
                | Outcome::Status { .. }
                | Outcome::TimedOut { .. }
                | Outcome::Unreachable { .. }
        )
    }

    /// One word for the verdict.
    /// The outcome as a capture records it (its serde name is [`Outcome::word`]).
    pub fn recorded(&self) -> crate::capture::AttemptOutcome {
        use crate::capture::AttemptOutcome as A;
        match self {
            Outcome::Acknowledged { .. } => A::Acknowledged,
            Outcome::Challenged => A::Challenged,
            Outcome::ChallengeWithoutHeader => A::Dropped,
            Outcome::CredentialsRejected => A::Unauthorized,
            Outcome::Status { .. } => A::Failed,
            Outcome::BadReply { .. } => A::BadReply,
            Outcome::TimedOut { .. } => A::Timeout,
            Outcome::Unreachable { .. } => A::Unreachable,
            Outcome::Interrupted => A::Interrupted,
        }
    }

    pub fn word(&self) -> &'static str {
        match self {
            Outcome::Acknowledged { .. } => "acknowledged",
            Outcome::Challenged => "challenged",
            Outcome::ChallengeWithoutHeader => "dropped",
            Outcome::CredentialsRejected => "unauthorized",
            Outcome::Status { .. } => "failed",
            Outcome::BadReply { .. } => "bad-reply",
            Outcome::TimedOut { .. } => "timeout",
            Outcome::Unreachable { .. } => "unreachable",
            Outcome::Interrupted => "interrupted",
        }
    }

    /// A short machine-readable reason (`--json`, summaries).
    pub fn reason_code(&self) -> String {
        match self {
            Outcome::Acknowledged { .. } => "acknowledged".into(),
            Outcome::Challenged => "challenged".into(),
            Outcome::ChallengeWithoutHeader => "401 without WWW-Authenticate".into(),
            Outcome::CredentialsRejected => "credentials rejected".into(),
            Outcome::Status { status, .. } if (300..400).contains(status) => {
                format!("redirect {status}")
            }
            Outcome::Status { status, .. } => format!("status {status}"),
            Outcome::BadReply { .. } => "bad reply".into(),
            Outcome::TimedOut { .. } => "timeout".into(),
            Outcome::Unreachable { .. } => "unreachable".into(),
            Outcome::Interrupted => "interrupted".into(),
        }
    }
}

/// What happens after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    /// Delivered; nothing more.
    Done,
    /// Repeat at once with credentials (after a challenge).
    AnswerChallenge,
    /// Wait, then try the same URL again.
    RetryIn(Duration),
    /// Move to the next URL (failover).
    Failover,
    /// No more attempts: the webhook is lost.
    GiveUp,
}

/// One attempt, as reported while the delivery runs.
#[derive(Debug)]
pub struct Attempt<'a> {
    /// 1 for the first attempt of this delivery, counting across URLs. A challenge and the
    /// request with credentials that answers it share a number.
    pub number: u32,
    /// 0 for the primary URL, 1 for the first failover URL...
    pub url_index: usize,
    pub request: &'a Request,
    /// Did this request carry the challenge credentials?
    pub authorized: bool,
    pub response: Option<&'a Response>,
    pub latency: Duration,
    pub outcome: &'a Outcome,
    pub next: Next,
}

/// The result of a whole delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub acknowledged: bool,
    /// Attempts made (challenge answers do not count twice).
    pub attempts: u32,
    /// The last attempt's outcome.
    pub outcome: Outcome,
    /// The last attempt's status, if any answer came.
    pub status: Option<u16>,
    /// Total time from the first request to the last answer, pauses included.
    pub elapsed: Duration,
}

/// Deliver one webhook: for each URL in turn, up to `attempts_per_url` attempts with backoff
/// between them; `prepare(number, url)` builds each attempt's request; `report` hears about
/// every request made.
pub(crate) async fn deliver<T: Transport>(
    transport: &T,
    policy: &Policy,
    urls: &[String],
    prepare: &mut dyn FnMut(u32, &str) -> Request,
    report: &mut dyn FnMut(&Attempt<'_>),
) -> Delivery {
    let started = Instant::now();
    let mut number = 0u32;
    let mut last = Outcome::Unreachable {
        cause: "no URL to deliver to".into(),
    };
    let mut last_status = None;
    let attempts_per_url = policy.attempts_per_url.max(1);
    for (url_index, url) in urls.iter().enumerate() {
        for try_on_url in 1..=attempts_per_url {
            if try_on_url > 1 {
                transport.pause(policy.backoff.delay(try_on_url - 1)).await;
            }
            number += 1;
            let mut request = prepare(number, url);
            let mut authorized = false;
            let (mut response, mut latency, mut outcome) =
                exchange(transport, policy, &request).await;
            // The challenge flow: only a 401 that carries WWW-Authenticate earns a second
            // request, at once, with credentials; it shares the attempt's number.
            if let (Some(secret), Some(r)) = (&policy.challenge_credentials, &response)
                && r.status == 401
            {
                if r.header("www-authenticate").is_some() {
                    report(&Attempt {
                        number,
                        url_index,
                        request: &request,
                        authorized,
                        response: response.as_ref(),
                        latency,
                        outcome: &Outcome::Challenged,
                        next: Next::AnswerChallenge,
                    });
                    request.set_header("Authorization", secret.expose());
                    authorized = true;
                    (response, latency, outcome) = exchange(transport, policy, &request).await;
                    if response.as_ref().is_some_and(|r| r.status == 401) {
                        outcome = Outcome::CredentialsRejected;
                    }
                } else {
                    outcome = Outcome::ChallengeWithoutHeader;
                }
            }
            let next = next_step(
                &outcome,
                try_on_url,
                attempts_per_url,
                url_index,
                urls,
                policy,
            );
            report(&Attempt {
                number,
                url_index,
                request: &request,
                authorized,
                response: response.as_ref(),
                latency,
                outcome: &outcome,
                next,
            });
            last_status = response.as_ref().map(|r| r.status);
            last = outcome;
            match next {
                Next::Done => return finish(true, number, last, last_status, started),
                Next::GiveUp => return finish(false, number, last, last_status, started),
                Next::Failover => break,
                Next::RetryIn(_) | Next::AnswerChallenge => {}
            }
        }
    }
    finish(false, number, last, last_status, started)
}

fn finish(
    acknowledged: bool,
    attempts: u32,
    outcome: Outcome,
    status: Option<u16>,
    started: Instant,
) -> Delivery {
    Delivery {
        acknowledged,
        attempts,
        outcome,
        status,
        elapsed: started.elapsed(),
    }
}

/// Send one request and judge the answer.
async fn exchange<T: Transport>(
    transport: &T,
    policy: &Policy,
    request: &Request,
) -> (Option<Response>, Duration, Outcome) {
    let sent = Instant::now();
    let result = transport.send(request, policy.timeout).await;
    let latency = sent.elapsed();
    match result {
        Ok(response) => {
            let outcome = match judge::judge(&policy.expect, response.status, &response.body) {
                judge::Judgement::Accepted { verbs } => Outcome::Acknowledged { verbs },
                judge::Judgement::WrongStatus => Outcome::Status {
                    status: response.status,
                    said: said(&response.body),
                    wants_basic: response.status == 401
                        && policy.challenge_credentials.is_none()
                        && response.header("www-authenticate").is_some_and(|v| {
                            v.trim_start().to_ascii_lowercase().starts_with("basic")
                        }),
                },
                judge::Judgement::BadBody(problem) => Outcome::BadReply { problem },
            };
            (Some(response), latency, outcome)
        }
        Err(Failure::Timeout) => (
            None,
            latency,
            Outcome::TimedOut {
                after: policy.timeout,
            },
        ),
        Err(Failure::Network(cause)) => (None, latency, Outcome::Unreachable { cause }),
    }
}

/// The first line of an answer's body when it reads as a short message (not HTML or XML, not
/// binary), cut to 160 characters: what the receiver said about refusing the request.
fn said(body: &[u8]) -> Option<String> {
    let head = &body[..body.len().min(4096)];
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Cut inside a character at 4 KiB: the text before it. Anything else is not text.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => return None,
    };
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.starts_with('<') {
        return None;
    }
    let mut out: String = line.chars().take(160).collect();
    if line.chars().count() > 160 {
        out.push('…');
    }
    Some(out)
}

fn next_step(
    outcome: &Outcome,
    try_on_url: u32,
    attempts_per_url: u32,
    url_index: usize,
    urls: &[String],
    policy: &Policy,
) -> Next {
    if outcome.acknowledged() {
        Next::Done
    } else if !outcome.retried() {
        Next::GiveUp
    } else if try_on_url < attempts_per_url {
        Next::RetryIn(policy.backoff.delay(try_on_url))
    } else if url_index + 1 < urls.len() {
        Next::Failover
    } else {
        Next::GiveUp
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Answers from a script, records requests and pauses.
    struct Script {
        answers: Mutex<Vec<Result<Response, Failure>>>,
        seen: Mutex<Vec<Request>>,
        pauses: Mutex<Vec<Duration>>,
    }

    impl Script {
        fn new(answers: Vec<Result<Response, Failure>>) -> Self {
            Script {
                answers: Mutex::new(answers.into_iter().rev().collect()),
                seen: Mutex::new(Vec::new()),
                pauses: Mutex::new(Vec::new()),
            }
        }
    }

    impl Transport for Script {
        async fn send(&self, request: &Request, _timeout: Duration) -> Result<Response, Failure> {
            self.seen.lock().unwrap().push(request.clone());
            self.answers
                .lock()
                .unwrap()
                .pop()
                .expect("the script ran out of answers")
        }
        async fn pause(&self, delay: Duration) {
            self.pauses.lock().unwrap().push(delay);
        }
    }

    fn status(code: u16) -> Result<Response, Failure> {
        Ok(Response {
            status: code,
            headers: vec![],
            body: vec![],
        })
    }

    fn challenge() -> Result<Response, Failure> {
        Ok(Response {
            status: 401,
            headers: vec![("WWW-Authenticate".into(), "Basic realm=\"x\"".into())],
            body: vec![],
        })
    }

    fn policy(attempts: u32) -> Policy {
        Policy {
            timeout: Duration::from_secs(2),
            attempts_per_url: attempts,
            backoff: Backoff {
                base: Duration::from_millis(250),
                factor: 2,
                cap: Duration::from_secs(60),
            },
            expect: Expect::status(super::super::judge::StatusSet::success()),
            challenge_credentials: None,
        }
    }

    /// number, url index, authorized, verdict word, next step
    type Log = Vec<(u32, usize, bool, String, Next)>;

    fn run(script: &Script, policy: &Policy, urls: &[&str]) -> (Delivery, Log) {
        let urls: Vec<String> = urls.iter().map(|u| u.to_string()).collect();
        let mut log = Vec::new();
        let d = super::super::schedule::block_on(deliver(
            script,
            policy,
            &urls,
            &mut |n, url| {
                Request::post(
                    url,
                    vec![("x-attempt".into(), n.to_string())],
                    b"{}".to_vec(),
                )
            },
            &mut |a| {
                log.push((
                    a.number,
                    a.url_index,
                    a.authorized,
                    a.outcome.word().to_string(),
                    a.next,
                ))
            },
        ))
        .unwrap();
        (d, log)
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let b = Backoff {
            base: Duration::from_millis(250),
            factor: 2,
            cap: Duration::from_secs(1),
        };
        let got: Vec<u128> = (1..=5).map(|r| b.delay(r).as_millis()).collect();
        assert_eq!(got, vec![250, 500, 1000, 1000, 1000]);
    }

    #[test]
    fn retries_three_times_per_url_then_fails_over_in_order() {
        let script = Script::new(vec![
            status(500),
            status(302),
            Err(Failure::Timeout),
            status(503),
            status(500),
            status(204),
        ]);
        let (d, log) = run(&script, &policy(3), &["http://a/", "http://b/"]);
        assert!(d.acknowledged);
        assert_eq!(d.attempts, 6);
        let urls: Vec<String> = script
            .seen
            .lock()
            .unwrap()
            .iter()
            .map(|r| r.url.clone())
            .collect();
        assert_eq!(
            urls,
            [
                "http://a/",
                "http://a/",
                "http://a/",
                "http://b/",
                "http://b/",
                "http://b/"
            ]
        );
        let numbers: Vec<u32> = log.iter().map(|l| l.0).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        assert_eq!(log[2].4, Next::Failover);
        assert_eq!(log[1].3, "failed"); // a 302 is a failure, not followed
        assert_eq!(log[2].3, "timeout");
        // backoff restarts on the failover URL
        let pauses: Vec<u128> = script
            .pauses
            .lock()
            .unwrap()
            .iter()
            .map(|d| d.as_millis())
            .collect();
        assert_eq!(pauses, vec![250, 500, 250, 500]);
    }

    #[test]
    fn gives_up_after_the_last_url() {
        let script = Script::new(vec![status(500), status(500)]);
        let (d, log) = run(&script, &policy(2), &["http://a/"]);
        assert!(!d.acknowledged);
        assert_eq!(d.status, Some(500));
        assert_eq!(log.last().unwrap().4, Next::GiveUp);
    }

    #[test]
    fn challenge_is_answered_with_credentials_in_the_same_attempt() {
        let script = Script::new(vec![challenge(), status(200)]);
        let mut p = policy(3);
        p.challenge_credentials = Some(Secret::new("Basic dTpw".into()));
        let (d, log) = run(&script, &p, &["http://a/"]);
        assert!(d.acknowledged);
        assert_eq!(d.attempts, 1);
        let seen = script.seen.lock().unwrap();
        assert_eq!(seen[0].header("authorization"), None);
        assert_eq!(seen[1].header("authorization"), Some("Basic dTpw"));
        assert_eq!(
            log[0],
            (1, 0, false, "challenged".into(), Next::AnswerChallenge)
        );
        assert_eq!(log[1], (1, 0, true, "acknowledged".into(), Next::Done));
    }

    #[test]
    fn a_401_without_challenge_drops_the_callback() {
        let script = Script::new(vec![status(401)]);
        let mut p = policy(3);
        p.challenge_credentials = Some(Secret::new("Basic dTpw".into()));
        let (d, log) = run(&script, &p, &["http://a/"]);
        assert!(!d.acknowledged);
        assert_eq!(d.outcome, Outcome::ChallengeWithoutHeader);
        assert_eq!(log, vec![(1, 0, false, "dropped".into(), Next::GiveUp)]);
    }

    #[test]
    fn wrong_credentials_are_retried_from_an_unauthenticated_request() {
        let script = Script::new(vec![challenge(), challenge(), challenge(), status(200)]);
        let mut p = policy(3);
        p.challenge_credentials = Some(Secret::new("Basic dTpw".into()));
        let (d, log) = run(&script, &p, &["http://a/"]);
        assert!(d.acknowledged);
        assert_eq!(d.attempts, 2);
        assert_eq!(log[1].3, "unauthorized");
        assert!(matches!(log[1].4, Next::RetryIn(_)));
        let seen = script.seen.lock().unwrap();
        assert_eq!(seen[2].header("authorization"), None);
        assert_eq!(seen[3].header("authorization"), Some("Basic dTpw"));
    }

    #[test]
    fn without_credentials_a_401_is_an_ordinary_failure() {
        let script = Script::new(vec![challenge(), status(200)]);
        let (d, log) = run(&script, &policy(3), &["http://a/"]);
        assert!(d.acknowledged);
        assert_eq!(log[0].3, "failed");
    }

    #[test]
    fn a_bad_bxml_reply_is_not_retried() {
        let script = Script::new(vec![Ok(Response {
            status: 200,
            headers: vec![],
            body: b"<Nope/>".to_vec(),
        })]);
        let mut p = policy(3);
        p.expect = Expect::xml(200, "Response");
        let (d, log) = run(&script, &p, &["http://a/"]);
        assert!(!d.acknowledged);
        assert_eq!(log[0].4, Next::GiveUp);
        assert!(matches!(d.outcome, Outcome::BadReply { .. }));
    }

    #[test]
    fn a_captured_outcome_is_spelled_as_send_says_it() {
        let all = [
            Outcome::Acknowledged { verbs: Vec::new() },
            Outcome::Challenged,
            Outcome::ChallengeWithoutHeader,
            Outcome::CredentialsRejected,
            Outcome::Status {
                status: 500,
                said: None,
                wants_basic: false,
            },
            Outcome::BadReply {
                problem: String::new(),
            },
            Outcome::TimedOut {
                after: Duration::from_secs(1),
            },
            Outcome::Unreachable {
                cause: String::new(),
            },
            Outcome::Interrupted,
        ];
        for outcome in all {
            let spelled = serde_json::to_value(outcome.recorded()).unwrap();
            assert_eq!(spelled, outcome.word(), "{outcome:?}");
        }
    }

    #[test]
    fn secrets_do_not_debug_print() {
        assert_eq!(
            format!("{:?}", Secret::new("Basic x".into())),
            "Secret(<redacted>)"
        );
    }
}
