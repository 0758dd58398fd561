//! Helpers shared by the integration tests.

pub mod json;
pub mod term;

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A `telhook` command in a scrubbed environment: no colour or telhook variables inherited, a
/// fresh HOME, and a temporary working directory (kept alive by the returned guard).
pub struct Telhook {
    pub dir: TempDir,
}

/// What a test run must not inherit: colour settings, the terminal width, telhook's and Telnyx's
/// variables, and the configuration directory (HOME is the test's own directory, so the default
/// key pair a run makes lands there, shared by the runs of one test).
fn scrubbed_vars() -> Vec<String> {
    let mut vars: Vec<String> = [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "COLUMNS",
        "TELNYX_PUBLIC_KEY",
        "XDG_CONFIG_HOME",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    vars.extend(
        std::env::vars()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("TELHOOK_")),
    );
    vars
}

impl Telhook {
    pub fn new() -> Self {
        Telhook {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same, as a `std` command (for children a test keeps running).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_telhook"));
        for var in scrubbed_vars() {
            cmd.env_remove(var);
        }
        cmd.env("HOME", self.dir.path());
        cmd.current_dir(self.dir.path());
        cmd
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// `telhook ARGS`, checked strictly when `.check()` runs it: exit 0 and an empty stderr
    /// unless the test says otherwise, stdout as given.
    #[track_caller]
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Run {
        let mut cmd = self.cmd();
        cmd.args(args);
        Run {
            cmd,
            shown: args
                .iter()
                .map(|a| a.as_ref().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" "),
            status: 0,
            stdout: None,
            stderr: Expect::Exact(Vec::new()),
            caller: std::panic::Location::caller(),
        }
    }

    /// Run and return stdout, asserting exit 0 and an empty stderr (the test checks stdout).
    #[track_caller]
    pub fn stdout(&self, args: &[&str]) -> Vec<u8> {
        self.run(args).check().stdout
    }

    /// A key pair made by `telhook keygen` in the working directory: (private file, public b64).
    #[track_caller]
    pub fn keygen(&self) -> (PathBuf, String) {
        let out = self
            .run(&["keygen", "-q"])
            .stdout(Expect::pattern("[..]=\n"))
            .check();
        (self.path("telnyx.key"), out.text().trim().to_string())
    }
}

/// What a stream must hold.
pub enum Expect {
    /// Exactly these bytes.
    Exact(Vec<u8>),
    /// A property of the text, for the few outputs that cannot be known exactly (timings,
    /// fresh keys, OS error texts).
    Satisfies {
        what: String,
        test: Box<dyn Fn(&str) -> bool>,
    },
}

impl Expect {
    /// The text, where each `[..]` stands for any run of characters within one line.
    pub fn pattern(pattern: &str) -> Self {
        let p = pattern.to_string();
        Expect::Satisfies {
            what: format!("matches the pattern {pattern:?}"),
            test: Box::new(move |text| wildcard_match(&p.split("[..]").collect::<Vec<_>>(), text)),
        }
    }

    /// Any property, described for the failure message.
    pub fn satisfies(what: &str, test: impl Fn(&str) -> bool + 'static) -> Self {
        Expect::Satisfies {
            what: what.to_string(),
            test: Box::new(test),
        }
    }

    /// Assert that `actual` (named `what` in the message) is as expected.
    #[track_caller]
    pub fn assert(&self, what: &str, actual: &[u8]) {
        assert!(
            self.holds(actual),
            "{what}: expected {}\n--- got\n{}",
            self.describe(),
            String::from_utf8_lossy(actual)
        );
    }

    fn holds(&self, actual: &[u8]) -> bool {
        match self {
            Expect::Exact(bytes) => actual == bytes.as_slice(),
            Expect::Satisfies { test, .. } => std::str::from_utf8(actual).is_ok_and(test),
        }
    }

    fn describe(&self) -> String {
        match self {
            Expect::Exact(bytes) => format!("exactly {:?}", String::from_utf8_lossy(bytes)),
            Expect::Satisfies { what, .. } => what.clone(),
        }
    }
}

impl From<&str> for Expect {
    fn from(s: &str) -> Self {
        Expect::Exact(s.as_bytes().to_vec())
    }
}

impl From<String> for Expect {
    fn from(s: String) -> Self {
        Expect::Exact(s.into_bytes())
    }
}

impl From<&String> for Expect {
    fn from(s: &String) -> Self {
        Expect::Exact(s.as_bytes().to_vec())
    }
}

impl From<Vec<u8>> for Expect {
    fn from(b: Vec<u8>) -> Self {
        Expect::Exact(b)
    }
}

impl From<&[u8]> for Expect {
    fn from(b: &[u8]) -> Self {
        Expect::Exact(b.to_vec())
    }
}

impl From<&Vec<u8>> for Expect {
    fn from(b: &Vec<u8>) -> Self {
        Expect::Exact(b.clone())
    }
}

/// `pieces` joined by gaps of any characters but a newline equal `text`.
fn wildcard_match(pieces: &[&str], text: &str) -> bool {
    let Some(rest) = text.strip_prefix(pieces[0]) else {
        return false;
    };
    if pieces.len() == 1 {
        return rest.is_empty();
    }
    let line_end = rest.find('\n').unwrap_or(rest.len());
    (0..=line_end)
        .filter(|&i| rest.is_char_boundary(i))
        .any(|i| wildcard_match(&pieces[1..], &rest[i..]))
}

/// One `telhook` run and what it must give: built by [`Telhook::run`], executed by `check`.
#[must_use = "nothing runs until .check()"]
pub struct Run {
    cmd: Command,
    shown: String,
    status: i32,
    stdout: Option<Expect>,
    stderr: Expect,
    caller: &'static std::panic::Location<'static>,
}

impl Run {
    pub fn stdin(mut self, input: impl Into<Vec<u8>>) -> Self {
        self.cmd.write_stdin(input.into());
        self
    }

    pub fn env(mut self, name: &str, value: impl AsRef<std::ffi::OsStr>) -> Self {
        self.cmd.env(name, value);
        self
    }

    pub fn timeout(mut self, limit: std::time::Duration) -> Self {
        self.cmd.timeout(limit);
        self
    }

    /// The exit code (default 0).
    pub fn status(mut self, code: i32) -> Self {
        self.status = code;
        self
    }

    /// What stdout must hold (default: not compared; the test reads `.check().stdout`).
    pub fn stdout(mut self, expected: impl Into<Expect>) -> Self {
        self.stdout = Some(expected.into());
        self
    }

    /// What stderr must hold (default: nothing at all).
    pub fn stderr(mut self, expected: impl Into<Expect>) -> Self {
        self.stderr = expected.into();
        self
    }

    /// Run, assert the exit code, stderr and (when given) stdout, and return the output.
    #[track_caller]
    pub fn check(mut self) -> Ran {
        let out = self.cmd.output().unwrap();
        let ran = Ran {
            stdout: out.stdout,
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let mut problems = Vec::new();
        if out.status.code() != Some(self.status) {
            problems.push(format!(
                "exit status: expected {}, got {:?}",
                self.status,
                out.status.code()
            ));
        }
        if let Some(expected) = &self.stdout
            && !expected.holds(&ran.stdout)
        {
            problems.push(format!("stdout: expected {}", expected.describe()));
        }
        if !self.stderr.holds(ran.stderr.as_bytes()) {
            problems.push(format!("stderr: expected {}", self.stderr.describe()));
        }
        assert!(
            problems.is_empty(),
            "`telhook {}` (run at {}):\n{}\n--- stdout\n{}\n--- stderr\n{}",
            self.shown,
            self.caller,
            problems.join("\n"),
            String::from_utf8_lossy(&ran.stdout),
            ran.stderr,
        );
        ran
    }
}

/// What a checked run printed.
pub struct Ran {
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Ran {
    /// Stdout as text (it must be UTF-8).
    #[track_caller]
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.stdout).expect("stdout is not UTF-8")
    }
}

pub fn repo_file(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Every (provider, event, variant) in the catalog.
pub fn all_variants() -> Vec<(telhook::Provider, &'static str, &'static str)> {
    let mut out = Vec::new();
    for p in telhook::Provider::ALL {
        for e in p.events() {
            for v in e.variants {
                out.push((p, e.name, v.name));
            }
        }
    }
    out
}

/// A child process that is killed and reaped when this goes out of scope, so a failing
/// assertion cannot leave it running. A `group` guard kills the child's whole process group:
/// the child must have been spawned with `process_group(0)`, and must not be reaped by anyone
/// else (no `try_wait`), so its id still names its group when the guard kills it.
pub struct ChildGuard {
    pub child: std::process::Child,
    group: bool,
}

impl ChildGuard {
    pub fn new(child: std::process::Child) -> Self {
        ChildGuard {
            child,
            group: false,
        }
    }

    /// For a child that leads its own process group (`process_group(0)`).
    pub fn group(child: std::process::Child) -> Self {
        ChildGuard { child, group: true }
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if self.group {
            // The group can outlive its leader (a backgrounded grandchild), so kill it first.
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(std::process::Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Compare `actual` with a committed golden file; with `TELHOOK_UPDATE_GOLDEN` set, write it
/// first (then review the diff).
#[track_caller]
pub fn golden(rel: &str, actual: &[u8]) {
    let path = repo_file(rel);
    if std::env::var_os("TELHOOK_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "{rel} is stale; regenerate it with: TELHOOK_UPDATE_GOLDEN=1 cargo test --test integration golden\n--- expected\n{}\n--- actual\n{}",
        String::from_utf8_lossy(&expected),
        String::from_utf8_lossy(actual)
    );
}

pub const AT: &str = "2026-03-04T05:06:07.123Z";

/// A `telhook listen --port 0` child process: the address comes from its first line; stdout
/// lines arrive on a channel; `Drop` kills and reaps it.
pub struct Listener {
    child: ChildGuard,
    pub url: String,
    /// Under `--json`: the first line, parsed.
    pub listening: Option<json::Listening>,
    lines: std::sync::mpsc::Receiver<String>,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Listener {
    pub fn start(t: &Telhook, args: &[&str]) -> Self {
        Self::start_env(t, args, &[])
    }

    /// [`Listener::start`] with these environment variables set.
    pub fn start_env(t: &Telhook, args: &[&str], env: &[(&str, &str)]) -> Self {
        use std::io::BufRead;
        let mut cmd = t.std_cmd();
        cmd.args(["listen", "--port", "0"]).args(args);
        cmd.envs(env.iter().copied());
        cmd.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = ChildGuard::new(cmd.spawn().unwrap());
        let stdout = child.child.stdout.take().unwrap();
        let mut stderr_pipe = child.child.stderr.take().unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let err_sink = stderr.clone();
        // Line by line, so a test can wait for a warning while the listener runs.
        std::thread::spawn(move || {
            let mut reader = std::io::BufReader::new(&mut stderr_pipe);
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
                err_sink
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push_str(&line);
                line.clear();
            }
        });
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = rx
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("listener printed no address");
        let listening = first
            .starts_with('{')
            .then(|| json::Listening::parse(&first));
        let url = match &listening {
            Some(l) => {
                assert_eq!(
                    l.url,
                    format!("http://{}{}", l.addr, path_of(args)),
                    "{first}"
                );
                l.url.clone()
            }
            None => first
                .strip_prefix("listening on ")
                .expect(&first)
                .to_string(),
        };
        Listener {
            child,
            url,
            listening,
            lines: rx,
            stderr,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.child.id()
    }

    /// The next stdout line (within 10 s).
    #[track_caller]
    pub fn line(&self) -> String {
        self.lines
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("no line from the listener")
    }

    /// Wait for the process to exit by itself (within 15 s) and return its code and the rest of stdout.
    pub fn wait(mut self) -> (Option<i32>, Vec<String>) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.child.try_wait().unwrap() {
                std::thread::sleep(std::time::Duration::from_millis(100));
                let rest: Vec<String> = self.lines.try_iter().collect();
                return (status.code(), rest);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "listener did not exit"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

/// The `--path` among listen arguments (default `/`).
fn path_of(args: &[&str]) -> String {
    args.windows(2)
        .find(|w| w[0] == "--path")
        .map_or("/", |w| w[1])
        .to_string()
}

/// A loopback port nothing listens on: bound, then released.
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A blocking HTTP client for tests.
pub fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap()
}

/// One request as the in-test receiver saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// How the in-test receiver answers one request.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    pub delay: std::time::Duration,
}

impl Reply {
    pub fn status(status: u16) -> Self {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: std::time::Duration::ZERO,
        }
    }

    pub fn header(mut self, name: &'static str, value: &str) -> Self {
        self.headers.push((name, value.to_string()));
        self
    }

    pub fn body(mut self, body: &str) -> Self {
        self.body = body.as_bytes().to_vec();
        self
    }

    pub fn delay_ms(mut self, ms: u64) -> Self {
        self.delay = std::time::Duration::from_millis(ms);
        self
    }

    /// A 401 with a Basic challenge.
    pub fn challenge() -> Self {
        Reply::status(401).header("WWW-Authenticate", "Basic realm=\"test\"")
    }
}

type Answer = dyn Fn(&Recorded, usize) -> Reply + Send + Sync;

/// An in-test HTTP server on 127.0.0.1:0 that answers from a script and records every request
/// (raw body bytes included). `Drop` checks the expected number of requests, if one was set.
pub struct Receiver {
    pub url: String,
    seen: std::sync::Arc<std::sync::Mutex<Vec<Recorded>>>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    expected_hits: Option<usize>,
}

impl Receiver {
    /// Answer request `n` (0-based) with `script[n]`, and every later one with the last entry.
    pub fn script(script: Vec<Reply>) -> Self {
        assert!(!script.is_empty());
        Receiver::answering(move |_, n| script[n.min(script.len() - 1)].clone())
    }

    /// Answer every request with a function of the request and its index.
    pub fn answering(answer: impl Fn(&Recorded, usize) -> Reply + Send + Sync + 'static) -> Self {
        use std::sync::atomic::Ordering;
        let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let url = format!("http://{}/hook", server.server_addr().to_ip().unwrap());
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let answer: std::sync::Arc<Answer> = std::sync::Arc::new(answer);
        let (seen2, stop2) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            while !stop2.load(Ordering::SeqCst) {
                let Ok(Some(mut request)) =
                    server.recv_timeout(std::time::Duration::from_millis(20))
                else {
                    continue;
                };
                let mut body = Vec::new();
                request.as_reader().read_to_end(&mut body).unwrap();
                let recorded = Recorded {
                    path: request.url().to_string(),
                    headers: request
                        .headers()
                        .iter()
                        .map(|h| (h.field.as_str().to_string(), h.value.to_string()))
                        .collect(),
                    body,
                };
                let n = {
                    let mut seen = seen2.lock().unwrap();
                    seen.push(recorded.clone());
                    seen.len() - 1
                };
                let reply = answer(&recorded, n);
                // Each answer on its own thread, so a delayed one holds up nothing else.
                std::thread::spawn(move || {
                    std::thread::sleep(reply.delay);
                    let mut response =
                        tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
                    for (name, value) in reply.headers {
                        response.add_header(
                            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes())
                                .unwrap(),
                        );
                    }
                    let _ = request.respond(response);
                });
            }
        });
        Receiver {
            url,
            seen,
            stop,
            expected_hits: None,
        }
    }

    /// Check, when dropped, that exactly `n` requests arrived.
    pub fn expect_hits(mut self, n: usize) -> Self {
        self.expected_hits = Some(n);
        self
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(n) = self.expected_hits
            && !std::thread::panicking()
        {
            assert_eq!(
                self.seen.lock().unwrap().len(),
                n,
                "requests to {}",
                self.url
            );
        }
    }
}

#[test]
fn a_pattern_gap_matches_within_one_line_only() {
    let p = Expect::pattern("a [..] c\n");
    assert!(p.holds(b"a b c\n"));
    assert!(p.holds(b"a  c\n"));
    assert!(p.holds("a ✓ c c\n".as_bytes()));
    assert!(!p.holds(b"a b\nb c\n"), "a gap never spans a newline");
    assert!(!p.holds(b"a b c\nmore"), "the whole text must match");
    assert!(!p.holds(b"x a b c\n"));
    assert!(Expect::pattern("[..]").holds(b""));
    assert!(!Expect::pattern("x").holds(b"x\n"));
}

#[test]
#[should_panic(expected = "exit status: expected 0, got Some(2)")]
fn a_run_expects_exit_0_unless_told() {
    Telhook::new()
        .run(&["example", "telnyx", "nope"])
        .stderr(Expect::pattern("[..]\n"))
        .check();
}

#[test]
#[should_panic(expected = "stderr: expected exactly \"\"")]
fn a_run_expects_an_empty_stderr_unless_told() {
    Telhook::new()
        .run(&["example", "telnyx", "nope"])
        .status(2)
        .check();
}
