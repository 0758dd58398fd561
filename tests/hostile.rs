//! `telhook listen` against clients that break HTTP, over raw TCP (issue 14). Each case asserts
//! the status on the wire, the printed line, the capture record, and that a well-behaved signed
//! request from a second client, sent while the hostile one is still connected, is answered
//! 200. Waits are flags set short (`--read-timeout`); nothing asserts on elapsed time.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

use crate::support::json::{Capture, Event};
use crate::support::{ChildGuard, Listener, Telhook};
use telhook::signing::PrivateKey;

fn key(t: &Telhook) -> PrivateKey {
    let k = PrivateKey::from_seed(&[33u8; 32]);
    t.write("telnyx.pub", k.public().to_base64());
    k
}

fn addr(l: &Listener) -> String {
    l.url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}

/// A signed Telnyx `message.received` as raw HTTP/1.1 bytes (closing the connection after).
fn good_request(t: &Telhook, k: &PrivateKey) -> Vec<u8> {
    let body = t.stdout(&["example", "telnyx", "message.received", "--seed", "4"]);
    let ts = chrono::Utc::now().timestamp().to_string();
    let sig = telhook::telnyx::sign(k, &ts, &body);
    let mut raw = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         telnyx-timestamp: {ts}\r\ntelnyx-signature-ed25519: {sig}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(&body);
    raw
}

/// Everything the server sends until it closes (or 10 s pass: then the test fails).
fn read_all(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut out = Vec::new();
    match s.read_to_end(&mut out) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
        Err(e) => panic!(
            "reading the answer: {e}; so far {:?}",
            String::from_utf8_lossy(&out)
        ),
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn status_of(answer: &str) -> u16 {
    answer
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {answer:?}"))
}

/// Send `raw` on a connection of its own, get the whole answer.
fn exchange(addr: &str, raw: &[u8]) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(raw).unwrap();
    read_all(&mut s)
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// Close the writing half after the bytes.
    half_close: bool,
    status: u16,
    /// In the line's reason and the record's.
    reason: &'static str,
    /// The record's body (the bytes read of a request the HTTP layer refused by itself).
    body: Vec<u8>,
    /// `body` is where the record's starts: the server stops reading somewhere past it.
    prefix: bool,
}

fn cases() -> Vec<Case> {
    let case = |name, bytes: &[u8], status, reason, body: &[u8]| Case {
        name,
        bytes: bytes.to_vec(),
        half_close: false,
        status,
        reason,
        body: body.to_vec(),
        prefix: false,
    };
    let huge_header = [
        b"POST / HTTP/1.1\r\nX-Big: ".as_slice(),
        &[b'a'; 70_000],
        b"\r\n\r\n",
    ]
    .concat();
    let long_line = [b"GET /".as_slice(), &[b'a'; 9000], b" HTTP/1.1\r\n\r\n"].concat();
    vec![
        case(
            "a Content-Length near i64::MAX",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 9223372036854775807\r\n\r\n{}",
            413,
            "body is over --max-body (1048576 bytes); the capture keeps the first 0 bytes",
            b"",
        ),
        case(
            "a Content-Length of u64::MAX",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 18446744073709551615\r\n\r\n",
            431,
            "Content-Length is larger than any body can be",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 18446744073709551615\r\n\r\n",
        ),
        case(
            "a request line saying HTTP/2.0",
            b"POST / HTTP/2.0\r\nHost: x\r\n\r\n",
            400,
            "malformed request: invalid HTTP version parsed",
            b"POST / HTTP/2.0\r\nHost: x\r\n\r\n",
        ),
        case(
            "the HTTP/2 preface",
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            505,
            "HTTP/2 with prior knowledge is not served here",
            b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
        ),
        Case {
            body: huge_header[..64 * 1024 + 1].to_vec(),
            prefix: true,
            ..case(
                "a 70 kB header",
                &huge_header,
                431,
                "head over 65536 bytes (--max-header-bytes)",
                b"",
            )
        },
        Case {
            body: long_line[..8193].to_vec(),
            prefix: true,
            ..case("a 9 kB request line", &long_line, 414, "request line over 8192 bytes", b"")
        },
        case(
            "a head that stops arriving",
            b"POST / HTTP/1.1\r\nHost: x\r\n",
            408,
            "the head did not arrive within --read-timeout (300 ms)",
            b"POST / HTTP/1.1\r\nHost: x\r\n",
        ),
        case(
            "a body shorter than its length, left open",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":",
            408,
            "the body did not arrive within --read-timeout (300 ms); the capture keeps the 5 bytes",
            b"{\"a\":",
        ),
        Case {
            half_close: true,
            ..case(
                "a body shorter than its length, over 1 KiB, then half-closed",
                &[
                    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n".as_slice(),
                    &[b'x'; 2000],
                ]
                .concat(),
                400,
                "reading the body failed after 2000 bytes",
                &[b'x'; 2000],
            )
        },
        case(
            "Content-Length with Transfer-Encoding, a request smuggled behind",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n\
              0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n",
            400,
            "both Content-Length and Transfer-Encoding",
            b"",
        ),
        case(
            "a Transfer-Encoding that is not chunked",
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            400,
            "malformed request: invalid transfer-encoding parsed",
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
        ),
        case(
            "two different Content-Lengths",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            400,
            "malformed request: invalid content-length parsed",
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
        ),
        case(
            "an obs-folded header",
            b"POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\nContent-Length: 2\r\n\r\n{}",
            400,
            "malformed request: invalid HTTP header parsed",
            b"POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\nContent-Length: 2\r\n\r\n{}",
        ),
        case(
            "a bad header name",
            b"POST / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\nContent-Length: 2\r\n\r\n{}",
            400,
            "malformed request: invalid HTTP header parsed",
            b"POST / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\nContent-Length: 2\r\n\r\n{}",
        ),
        case(
            "HTTP/1.2",
            b"POST / HTTP/1.2\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
            400,
            "malformed request: invalid HTTP version parsed",
            b"POST / HTTP/1.2\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}",
        ),
        Case {
            half_close: true,
            ..case(
                "a head cut off by its client",
                b"POST / HTTP/1.1\r\nHost",
                400,
                "the client closed the connection before the request's head was complete",
                b"POST / HTTP/1.1\r\nHost",
            )
        },
    ]
}

#[test]
fn hostile_requests_are_answered_printed_and_captured_while_a_good_client_is_served() {
    let t = Telhook::new();
    let k = key(&t);
    let l = Listener::start(
        &t,
        &[
            "--json",
            "--public-key",
            "telnyx.pub",
            "--capture",
            "cap.jsonl",
            "--read-timeout",
            "0.3",
        ],
    );
    let addr = addr(&l);
    let cases = cases();
    for case in &cases {
        let mut hostile = TcpStream::connect(&addr).unwrap();
        hostile.write_all(&case.bytes).unwrap();
        if case.half_close {
            hostile.shutdown(Shutdown::Write).unwrap();
        }
        // The hostile client is still connected (its answer not yet read).
        let good = exchange(&addr, &good_request(&t, &k));
        assert_eq!(
            status_of(&good),
            200,
            "{}: the good client got {good}",
            case.name
        );
        let answer = read_all(&mut hostile);
        assert_eq!(status_of(&answer), case.status, "{}: {answer}", case.name);
        assert!(
            answer.to_ascii_lowercase().contains("connection: close"),
            "{}: the connection is closed after the answer: {answer}",
            case.name
        );

        let mut lines: Vec<Event> = (0..2).map(|_| Event::parse(&l.line())).collect();
        lines.sort_by_key(|e| e.status);
        let bad = lines.iter().find(|e| e.status == case.status).unwrap();
        let ok = lines.iter().find(|e| e.status == 200).unwrap();
        assert_eq!(ok.verdict, "verified", "{}", case.name);
        assert_eq!(bad.verdict, "rejected", "{}", case.name);
        let reason = bad.reason.as_deref().unwrap_or_default();
        assert!(reason.contains(case.reason), "{}: {reason}", case.name);
    }
    // Every request is in the capture, each hostile one with the bytes read of it.
    let records = Capture::read(&t.path("cap.jsonl"));
    assert_eq!(records.len(), 2 * cases.len());
    let refused: Vec<&Capture> = records.iter().filter(|r| r.status != 200).collect();
    for (case, record) in cases.iter().zip(&refused) {
        assert_eq!(record.status, case.status, "{}", case.name);
        assert_eq!(record.verdict, "rejected", "{}", case.name);
        assert!(
            record
                .reason
                .as_deref()
                .unwrap_or_default()
                .contains(case.reason),
            "{}: {:?}",
            case.name,
            record.reason
        );
        assert!(!record.body_base64, "{}", case.name);
        let body = record.body.as_bytes();
        if case.prefix {
            assert!(
                body.starts_with(&case.body) && case.bytes.starts_with(body),
                "{}: the record keeps the bytes read ({} of them)",
                case.name,
                body.len()
            );
        } else {
            assert_eq!(
                body,
                case.body.as_slice(),
                "{}: the record keeps the bytes read",
                case.name
            );
        }
    }
    assert!(
        records.iter().all(|r| r.path != "/smuggled"),
        "nothing behind a refused body is served"
    );
}

/// Open descriptors and threads of a process (Linux).
fn resources(pid: u32) -> (usize, usize) {
    let count = |dir: String| std::fs::read_dir(dir).unwrap().count();
    (
        count(format!("/proc/{pid}/fd")),
        count(format!("/proc/{pid}/task")),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn no_descriptor_or_thread_outlives_its_connection() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--read-timeout", "0.2"]);
    let addr = addr(&l);
    // A first request starts every thread the server will use.
    assert_eq!(
        status_of(&exchange(
            &addr,
            b"POST / HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
        )),
        200
    );
    // Settled: the first connection's socket is gone too.
    let mut before = resources(l.pid());
    loop {
        std::thread::sleep(Duration::from_millis(100));
        let now = resources(l.pid());
        if now == before {
            break;
        }
        before = now;
    }
    // What leaked a thread and two descriptors each under tiny_http, and slow heads.
    let hostile: Vec<TcpStream> = (0..200)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"POST / HTTP/2.0\r\nHost: x\r\n\r\n").unwrap();
            s
        })
        .chain((0..50).map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"POST / HTTP/1.1\r\n").unwrap();
            s
        }))
        .collect();
    for mut s in hostile {
        let answer = read_all(&mut s);
        assert!([400, 408].contains(&status_of(&answer)), "{answer}");
    }
    // The server drops each socket just after its answer; give the last ones the moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut after = resources(l.pid());
    while after != before && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        after = resources(l.pid());
    }
    assert_eq!(
        after, before,
        "(descriptors, threads) before and after 250 hostile connections"
    );
    for _ in 0..251 {
        l.line();
    }
}

#[test]
fn past_max_connections_a_client_waits_until_one_closes_and_a_line_says_so() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--max-connections", "2"]);
    let addr = addr(&l);
    let idle: Vec<TcpStream> = (0..2).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    let mut third = TcpStream::connect(&addr).unwrap();
    third
        .write_all(b"POST / HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !l
        .stderr
        .lock()
        .unwrap()
        .contains("2 connections are open (--max-connections): new ones wait until one closes")
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no line about the limit: {}",
            l.stderr.lock().unwrap()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Not answered while both places are taken.
    third
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let mut byte = [0u8; 1];
    assert!(third.read(&mut byte).is_err(), "answered past the limit");
    drop(idle);
    assert_eq!(status_of(&read_all(&mut third)), 200);
}

#[test]
fn past_max_in_flight_a_request_gets_503_and_is_recorded() {
    let t = Telhook::new();
    let l = Listener::start(
        &t,
        &["--json", "--max-in-flight", "1", "--capture", "cap.jsonl"],
    );
    let addr = addr(&l);
    // The first request is in flight, its body on the way: the server asks for it (100
    // Continue) once the request has its place.
    let mut first = in_flight(&addr);
    let answer = exchange(
        &addr,
        b"POST /second HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}",
    );
    assert_eq!(status_of(&answer), 503, "{answer}");
    assert!(answer.contains("retry-after: 1"), "{answer}");
    first.write_all(b"{}").unwrap();
    assert_eq!(status_of(&read_all(&mut first)), 200);
    let lines: Vec<Event> = (0..2).map(|_| Event::parse(&l.line())).collect();
    let busy = lines.iter().find(|e| e.status == 503).unwrap();
    assert_eq!(busy.path, "/second");
    assert_eq!(
        busy.reason.as_deref(),
        Some("1 requests already in flight (--max-in-flight); answered 503, retry")
    );
    let records = Capture::read(&t.path("cap.jsonl"));
    assert_eq!(records.iter().filter(|r| r.status == 503).count(), 1);
}

/// A request whose head the handler has, waiting for its body (`Expect: 100-continue`: the
/// server asks for the body when the handler starts reading it).
fn in_flight(addr: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap();
    s.write_all(b"POST / HTTP/1.1\r\nContent-Length: 2\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
        .unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = Vec::new();
    let mut byte = [0u8; 1];
    while !got.ends_with(b"\r\n\r\n") {
        assert_eq!(s.read(&mut byte).unwrap(), 1, "closed before 100 Continue");
        got.push(byte[0]);
    }
    assert!(
        got.starts_with(b"HTTP/1.1 100 Continue"),
        "{}",
        String::from_utf8_lossy(&got)
    );
    s
}

#[cfg(target_os = "linux")]
#[test]
fn out_of_file_descriptors_the_listener_backs_off_and_keeps_serving() {
    use std::io::BufRead;
    let t = Telhook::new();
    // A low open-file limit, set by the shell that becomes the listener.
    let mut child = std::process::Command::new("sh")
        .args([
            "-c",
            &format!(
                "ulimit -n 48 && exec {} listen --port 0",
                env!("CARGO_BIN_EXE_telhook")
            ),
        ])
        .env_remove("TELNYX_PUBLIC_KEY")
        .env_remove("XDG_CONFIG_HOME")
        .env("HOME", t.dir.path())
        .current_dir(t.dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let _guard = ChildGuard::new(child);
    let mut first = String::new();
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .unwrap();
    let addr = first
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    // More connections than descriptors: the kernel completes them; the server cannot take
    // them all.
    let held: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    let warned = rx
        .iter()
        .find(|l| l.contains("accepting a connection failed"))
        .unwrap();
    assert!(warned.contains("Too many open files"), "{warned}");
    drop(held);
    // Deaf no more: once descriptors are free again, requests are answered.
    let answer = exchange(
        &addr,
        b"POST / HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
    assert_eq!(status_of(&answer), 200, "{answer}");
    // Said once.
    assert!(
        rx.try_iter()
            .all(|l| !l.contains("accepting a connection failed"))
    );
}

#[cfg(unix)]
#[test]
fn on_sigterm_a_request_in_flight_is_answered_then_the_summary_printed() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--capture", "cap.jsonl"]);
    let addr = addr(&l);
    let mut inflight = in_flight(&addr);
    std::process::Command::new("kill")
        .args(["-TERM", &l.pid().to_string()])
        .status()
        .unwrap();
    // Stopped accepting: new connections are refused.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&addr).is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "still accepting after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    inflight.write_all(b"{}").unwrap();
    assert_eq!(status_of(&read_all(&mut inflight)), 200);
    let (code, rest) = l.wait();
    assert_eq!(code, Some(0));
    assert!(
        rest.iter().any(|l| l == "summary: 1 request, 0 rejected"),
        "{rest:?}"
    );
    assert_eq!(Capture::read(&t.path("cap.jsonl")).len(), 1);
}

#[test]
fn headers_are_captured_as_sent_case_order_and_repeats() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--capture", "cap.jsonl"]);
    let answer = exchange(
        &addr(&l),
        "POST / HTTP/1.1\r\nHost: x\r\nX-Dup: 1\r\nContent-Type: application/json\r\nx-dup: 2\r\n\
         X-Name: héllo\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
            .as_bytes(),
    );
    assert_eq!(status_of(&answer), 200);
    l.line();
    let records = Capture::read(&t.path("cap.jsonl"));
    let names: Vec<(&str, &str)> = records[0]
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Host", "x"),
            ("X-Dup", "1"),
            ("Content-Type", "application/json"),
            ("x-dup", "2"),
            ("X-Name", "héllo"),
            ("Content-Length", "2"),
            ("Connection", "close")
        ]
    );
}

#[test]
fn pipelined_requests_are_each_answered_printed_and_captured_as_sent() {
    let t = Telhook::new();
    let l = Listener::start(&t, &["--json", "--capture", "cap.jsonl"]);
    // Three requests in one write: two good ones with their headers' case, then a bad one.
    let raw = b"POST /?n=1 HTTP/1.1\r\nX-Case: 1\r\nContent-Length: 2\r\n\r\n{}\
                POST /?n=2 HTTP/1.1\r\nX-Case: 2\r\nContent-Length: 2\r\n\r\n{}\
                GARBAGE\x01 /x HTTP/9\r\n\r\n";
    let answers = exchange(&addr(&l), raw);
    assert_eq!(answers.matches("HTTP/1.1 200 OK").count(), 2, "{answers}");
    assert_eq!(
        answers.matches("HTTP/1.1 400 Bad Request").count(),
        1,
        "{answers}"
    );
    let statuses: Vec<u16> = (0..3).map(|_| Event::parse(&l.line()).status).collect();
    assert_eq!(statuses, [200, 200, 400]);
    let records = Capture::read(&t.path("cap.jsonl"));
    assert_eq!(records.len(), 3);
    assert_eq!(
        (records[0].query.as_deref(), records[1].query.as_deref()),
        (Some("n=1"), Some("n=2"))
    );
    assert_eq!(
        records[1].headers[0],
        ("X-Case".to_string(), "2".to_string())
    );
    assert_eq!(records[2].body, "GARBAGE\u{1} /x HTTP/9\r\n\r\n");
}
