//! The HTTP/1.1 server every local endpoint of telhook runs on: hyper 1's HTTP/1 connection
//! code on a tokio runtime, with the limits a server facing untrusted clients needs, around a
//! [`Handler`] that decides the answers.
//!
//! - Connections: at most [`Limits::max_connections`] open; over that, new ones wait in the
//!   kernel's backlog (the handler hears of it once). Accept errors (`EMFILE` and the like) are
//!   survived: the accept loop backs off and goes on (the handler hears of it once).
//! - Requests: at most [`Limits::max_in_flight`] being answered at once; over that, 503 and the
//!   connection closes.
//! - Heads: the request line at most [`Limits::max_request_line`] bytes (414), the head at most
//!   [`Limits::max_head`] (431), read within [`Limits::read_timeout`] of its first byte (408);
//!   bodies are read within the same timeout of the head (408, [`BodyError::TimedOut`]).
//!   An idle keep-alive connection is closed after [`Limits::idle_timeout`]; an answer the
//!   client does not take within the read timeout closes the connection.
//! - Framing as RFC 9112 says: `Content-Length` together with `Transfer-Encoding` is refused
//!   (400, and the connection closes); hyper itself refuses a `Transfer-Encoding` that is not
//!   chunked and conflicting lengths, and never takes a body shorter than its length as whole.
//! - Every request the server answers by itself (malformed, over a limit, timed out) reaches
//!   the handler as a [`Refused`] with the bytes that were read, so it can be printed and
//!   captured like any other. The connection's reads go through a recorder for that, which also
//!   gives the headers exactly as they arrived (order, case, repeats).
//! - Stopping: new connections are no longer accepted, idle ones close, requests being
//!   answered get [`Limits::grace`] to finish; then every task and socket is gone.
//!
//! Nothing here knows a provider.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use http_body_util::{BodyExt, Full};
use hyper::body::Body as _;
use tokio::io::{AsyncRead, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::sync::{Semaphore, watch};
use tokio::time::{Instant, Sleep};

/// How much a server lets its clients have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_connections: usize,
    pub max_in_flight: usize,
    /// The request line, in bytes (414 over it).
    pub max_request_line: usize,
    /// The request line and headers together, in bytes (431 over it).
    pub max_head: usize,
    /// A head must arrive within this of its first byte, a body within this of its head.
    pub read_timeout: Duration,
    /// A keep-alive connection with no request for this long is closed.
    pub idle_timeout: Duration,
    /// On stop, how long requests being answered may still take.
    pub grace: Duration,
}

impl Limits {
    /// Generous for a local endpoint; bounded for a hostile one.
    pub const DEFAULT: Limits = Limits {
        max_connections: 1024,
        max_in_flight: 256,
        max_request_line: 8 * 1024,
        max_head: 64 * 1024,
        read_timeout: Duration::from_secs(10),
        idle_timeout: Duration::from_secs(60),
        grace: Duration::from_secs(2),
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// A request whose head has arrived; the body is read with [`Incoming::read_body`].
pub struct Incoming {
    pub head: Head,
    body: hyper::body::Incoming,
    read_timeout: Duration,
}

/// What is known of a request before its body: when, from where, and its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub received_at: DateTime<Utc>,
    pub remote_addr: SocketAddr,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// In arrival order, names as sent.
    pub headers: Vec<(String, String)>,
}

/// Why a body could not be read whole; each carries the bytes read before it stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// More than the limit (at most limit + 1 bytes kept; none when the length said so).
    TooLarge(Vec<u8>),
    /// The rest did not come within the read timeout.
    TimedOut(Vec<u8>),
    /// The connection failed or closed before the body was complete.
    Failed(Vec<u8>, String),
}

/// An answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    /// Close the connection after this answer.
    pub close: bool,
}

/// A request the server answered by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The head as far as it could be read (method, path or headers empty when unknown).
    pub head: Head,
    /// The bytes that were read of it (a head that could not be parsed arrives here raw).
    pub bytes: Vec<u8>,
    /// The status it was answered.
    pub status: u16,
    pub why: Refusal,
}

/// Why the server answered a request by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Not HTTP/1.x as RFC 9112 writes it; hyper's words.
    Malformed(String),
    /// The client closed the connection before the head was complete.
    Incomplete,
    /// The request line is longer than this.
    RequestLineTooLong(usize),
    /// The head is larger than this, or has too many headers.
    HeadTooLarge(usize),
    /// A `Content-Length` beyond any body (hyper answers 431 to it).
    LengthTooLarge,
    /// The head did not arrive within this.
    HeadTimeout(Duration),
    /// `Content-Length` and `Transfer-Encoding` both.
    LengthAndChunked,
    /// The connection began with the HTTP/2 preface.
    Http2,
    /// The connection began with a TLS handshake (a client speaking https:// to plain HTTP).
    Tls,
    /// This many requests were already being answered.
    Busy(usize),
}

/// Something the person running the server should know, said once.
#[derive(Debug)]
pub enum Notice {
    /// This many connections are open; new ones wait in the backlog until one closes.
    ConnectionsFull(usize),
    /// Accepting failed (out of file descriptors, say); the server backs off and goes on.
    AcceptFailed(io::Error),
}

/// What a server asks its owner.
pub trait Handler: Send + Sync + 'static {
    /// The answer to a request whose head arrived within the limits. The future is dropped
    /// when the client goes away: work that must not be left half done belongs in a guard.
    fn handle(&self, request: Incoming) -> impl Future<Output = Outgoing> + Send;
    /// A request the server answered by itself, before or instead of `handle`. Called before
    /// the answer is sent, when the server is the one answering.
    fn refused(&self, refused: Refused);
    fn notice(&self, notice: Notice);
}

/// A bound socket, not yet served.
pub struct Listener {
    socket: std::net::TcpListener,
    addr: SocketAddr,
}

impl Listener {
    /// Bind `host:port` (port 0 picks a free one).
    pub fn bind(host: &str, port: u16) -> anyhow::Result<Self> {
        let socket = std::net::TcpListener::bind((host, port)).map_err(|e| {
            anyhow::anyhow!(
                "listening on {host}:{port}: {e} (is the port in use? --port 0 picks a free one)"
            )
        })?;
        socket.set_nonblocking(true)?;
        let addr = socket.local_addr()?;
        Ok(Listener { socket, addr })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serve until `stop()` says so (asked every 20 ms), then stop as the module says. Runs a
    /// runtime of its own, with a worker per core; returns when its last task has ended.
    pub fn serve<H: Handler>(
        self,
        limits: Limits,
        handler: Arc<H>,
        stop: impl FnMut() -> bool,
    ) -> anyhow::Result<()> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(std::thread::available_parallelism().map_or(2, |n| n.get()))
            .thread_name("telhook-serve")
            .enable_all()
            .build()?;
        let served = self.serve_on(runtime.handle(), limits, handler, stop);
        // Nothing is left running by then (see `serve_on`); this is a backstop.
        runtime.shutdown_timeout(Duration::from_millis(100));
        served
    }

    /// [`serve`](Self::serve) on a runtime that someone else runs (the emulator's delivery
    /// thread: its API and its webhooks on one thread, with no wake-up between threads per
    /// call). The connections run on it as tasks; when this returns they have been given the
    /// grace and then cut. `runtime` must be driven by another thread (a current-thread
    /// runtime by its `block_on`) until this returns; if it stops being driven, this returns
    /// an error instead of waiting.
    pub fn serve_on<H: Handler>(
        self,
        runtime: &tokio::runtime::Handle,
        limits: Limits,
        handler: Arc<H>,
        mut stop: impl FnMut() -> bool,
    ) -> anyhow::Result<()> {
        let (stopping, stopped) = watch::channel(false);
        let server = Arc::new(Server {
            limits,
            handler,
            in_flight: Arc::new(Semaphore::new(limits.max_in_flight)),
            connections: Arc::new(Semaphore::new(limits.max_connections)),
            stopped,
        });
        let socket = {
            let _entered = runtime.enter();
            tokio::net::TcpListener::from_std(self.socket)?
        };
        let mut accepting = runtime.spawn(accept(socket, server));
        // Stop is asked every 20 ms on this thread (with a plain sleep: the runtime's timers
        // would fail if its thread had ended). The accept loop ends once its connections have:
        // the listening socket first, then each connection as it finishes, the rest cut after
        // the grace.
        let ended = loop {
            let stopped = stop();
            if stopped {
                let _ = stopping.send(true);
            }
            if stopped || accepting.is_finished() {
                break runtime.block_on(&mut accepting);
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        match ended {
            Ok(()) => Ok(()),
            Err(e) if e.is_panic() => anyhow::bail!("the server's accept loop panicked"),
            Err(_) => anyhow::bail!("the server's runtime stopped while it was serving"),
        }
    }
}

struct Server<H> {
    limits: Limits,
    handler: Arc<H>,
    in_flight: Arc<Semaphore>,
    connections: Arc<Semaphore>,
    stopped: watch::Receiver<bool>,
}

/// Accept connections until stopped, each a task of `connections`; then close the listening
/// socket, give the connections the grace to finish, and cut the rest. Returns when none is left.
async fn accept<H: Handler>(socket: tokio::net::TcpListener, server: Arc<Server<H>>) {
    let mut connections = tokio::task::JoinSet::new();
    accepting(socket, &server, &mut connections).await;
    ended_within(&mut connections, server.limits.grace).await;
    // Past the grace: cut. An aborted task ends (its socket closed) at its next await; one
    // stuck in a handler's blocking call gets 100 ms, then is left to end by itself, so a
    // stuck disk cannot hold up the stop.
    connections.abort_all();
    ended_within(&mut connections, Duration::from_millis(100)).await;
}

/// Wait until every task of `set` has ended, or `within` has passed.
async fn ended_within(set: &mut tokio::task::JoinSet<()>, within: Duration) {
    let _ = tokio::time::timeout(within, async { while set.join_next().await.is_some() {} }).await;
}

/// The accept loop proper: returns when stopped, the listening socket closing with it.
async fn accepting<H: Handler>(
    socket: tokio::net::TcpListener,
    server: &Arc<Server<H>>,
    connections: &mut tokio::task::JoinSet<()>,
) {
    let mut stopped = server.stopped.clone();
    let (mut said_full, mut said_failed) = (false, false);
    let mut backoff = Duration::from_millis(10);
    loop {
        // Finished connections are reaped as they end, so the set holds only live ones.
        while connections.try_join_next().is_some() {}
        // A place first: over the limit, new connections wait in the kernel's backlog.
        let permit = match server.connections.clone().try_acquire_owned() {
            Ok(p) => p,
            Err(_) => {
                if !said_full {
                    said_full = true;
                    server
                        .handler
                        .notice(Notice::ConnectionsFull(server.limits.max_connections));
                }
                tokio::select! {
                    p = server.connections.clone().acquire_owned() => match p {
                        Ok(p) => p,
                        Err(_) => return,
                    },
                    _ = stopped.wait_for(|s| *s) => return,
                }
            }
        };
        let accepted = tokio::select! {
            a = socket.accept() => a,
            _ = stopped.wait_for(|s| *s) => return,
        };
        match accepted {
            Ok((stream, peer)) => {
                backoff = Duration::from_millis(10);
                connections.spawn(connection(stream, peer, server.clone(), permit));
            }
            Err(e) => {
                // Out of file descriptors, or a connection reset before it was taken: wait a
                // little (the condition may pass as connections close) and go on.
                if !said_failed && !is_transient(&e) {
                    said_failed = true;
                    server.handler.notice(Notice::AcceptFailed(e));
                }
                drop(permit);
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = stopped.wait_for(|s| *s) => return,
                }
                backoff = (backoff * 2).min(Duration::from_secs(1));
            }
        }
    }
}

/// An accept error that is about one connection, not the server.
fn is_transient(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    )
}

async fn connection<H: Handler>(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    server: Arc<Server<H>>,
    _permit: tokio::sync::OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let limits = server.limits;
    let log = Arc::new(Mutex::new(Log::default()));
    let io = hyper_util::rt::TokioIo::new(Recorder::new(stream, log.clone(), limits));
    let service = {
        let (server, log) = (server.clone(), log.clone());
        hyper::service::service_fn(move |request| {
            Box::pin(answer(server.clone(), log.clone(), peer, request))
        })
    };
    let mut conn = hyper::server::conn::http1::Builder::new()
        .max_header_size(limits.max_head)
        // hyper's read buffer must hold the largest head allowed (its default is ~400 kB).
        .max_buf_size((limits.max_head + 4096).max(8192))
        .header_read_timeout(None)
        .serve_connection(io, service);
    let mut stopped = server.stopped.clone();
    let mut stopping = Box::pin(async move {
        let _ = stopped.wait_for(|s| *s).await;
    });
    let mut shutting = false;
    let result = std::future::poll_fn(|cx| {
        if !shutting && stopping.as_mut().poll(cx).is_ready() {
            shutting = true;
            Pin::new(&mut conn).graceful_shutdown();
        }
        conn.poll_without_shutdown(cx)
    })
    .await;
    let mut io = conn.into_parts().io.into_inner();
    if let Err(e) = result
        && let Some(mut refused) = io.refused(&e, peer)
    {
        let answered_by_hyper = refused.status != 0;
        if !answered_by_hyper {
            refused.status = refused.why.status();
        }
        let status = refused.status;
        server.handler.refused(refused);
        if !answered_by_hyper {
            let reply = status_only(status);
            let _ = tokio::time::timeout(limits.read_timeout, io.stream.write_all(&reply)).await;
        }
    }
    let _ = tokio::time::timeout(limits.read_timeout, io.stream.shutdown()).await;
}

impl Refusal {
    /// The status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Malformed(_)
            | Refusal::Incomplete
            | Refusal::LengthAndChunked
            | Refusal::Tls => 400,
            Refusal::RequestLineTooLong(_) => 414,
            Refusal::HeadTooLarge(_) | Refusal::LengthTooLarge => 431,
            Refusal::HeadTimeout(_) => 408,
            Refusal::Http2 => 505,
            Refusal::Busy(_) => 503,
        }
    }
}

/// The body of an answer the server gives by itself: the reason phrase, on a line.
fn reason_line(status: u16) -> String {
    let reason = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    format!("{reason}\n")
}

/// A whole answer of one status and its reason phrase, closing the connection.
fn status_only(status: u16) -> Vec<u8> {
    let body = reason_line(status);
    format!(
        "HTTP/1.1 {status} {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.trim_end(),
        body.len()
    )
    .into_bytes()
}

type Reply = hyper::Response<Full<Bytes>>;

/// One request through the handler, or refused on the way.
async fn answer<H: Handler>(
    server: Arc<Server<H>>,
    log: Arc<Mutex<Log>>,
    peer: SocketAddr,
    request: hyper::Request<hyper::body::Incoming>,
) -> Result<Reply, Infallible> {
    let received_at = Utc::now();
    let raw = lock(&log).dispatched();
    // Back to idle when the answer is ready, however this ends.
    let _idle = Idle(&log);
    let (parts, body) = request.into_parts();
    let head = head_of(&parts, raw, received_at, peer);
    let refuse = |why: Refusal| {
        let status = why.status();
        server.handler.refused(Refused {
            head: head.clone(),
            bytes: Vec::new(),
            status,
            why,
        });
        let mut out = Outgoing {
            status,
            headers: Vec::new(),
            body: reason_line(status).into_bytes(),
            close: true,
        };
        if status == 503 {
            out.headers.push(("Retry-After", "1".into()));
        }
        Ok(reply(out))
    };
    if has(&head.headers, "content-length") && has(&head.headers, "transfer-encoding") {
        return refuse(Refusal::LengthAndChunked);
    }
    let Ok(permit) = server.in_flight.clone().try_acquire_owned() else {
        return refuse(Refusal::Busy(server.limits.max_in_flight));
    };
    let incoming = Incoming {
        head,
        body,
        read_timeout: server.limits.read_timeout,
    };
    // A client that goes away drops this future; the handler sees to what it had begun.
    let _permit = permit;
    Ok(reply(server.handler.handle(incoming).await))
}

fn has(headers: &[(String, String)], name: &str) -> bool {
    headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn reply(out: Outgoing) -> Reply {
    let mut reply = hyper::Response::new(Full::new(Bytes::from(out.body)));
    *reply.status_mut() =
        http::StatusCode::from_u16(out.status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let headers = reply.headers_mut();
    for (name, value) in out.headers {
        if let Ok(value) = http::HeaderValue::from_str(&value) {
            headers.append(name, value);
        }
    }
    if out.close {
        headers.insert(
            http::header::CONNECTION,
            http::HeaderValue::from_static("close"),
        );
    }
    reply
}

/// The head: from the bytes as they arrived when they parsed (names keep their case, repeats
/// and order stay), else from hyper's parse.
fn head_of(
    parts: &http::request::Parts,
    raw: Option<RawHead>,
    received_at: DateTime<Utc>,
    remote_addr: SocketAddr,
) -> Head {
    let (path, query) = match parts.uri.path_and_query() {
        Some(pq) => (pq.path().to_string(), pq.query().map(str::to_string)),
        None => (parts.uri.to_string(), None),
    };
    let headers = raw_headers(raw, parts.method.as_str()).unwrap_or_else(|| {
        parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_string(), text(v.as_bytes())))
            .collect()
    });
    Head {
        received_at,
        remote_addr,
        method: parts.method.as_str().to_string(),
        path,
        query,
        headers,
    }
}

/// Header values are bytes; the rare one that is not UTF-8 is kept with replacement characters.
fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A whole head at the start of some bytes: its length, its method, its headers as sent.
#[derive(Debug)]
struct RawHead {
    len: usize,
    method: String,
    headers: Vec<(String, String)>,
}

/// hyper's own limit on the number of headers.
const MAX_HEADERS: usize = 100;

/// The head at the start of `raw`, if it parses whole.
fn parse_head(raw: &[u8]) -> Option<RawHead> {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(raw) {
        Ok(httparse::Status::Complete(len)) => Some(RawHead {
            len,
            method: request.method.unwrap_or_default().to_string(),
            headers: request
                .headers
                .iter()
                .map(|h| (h.name.to_string(), text(h.value)))
                .collect(),
        }),
        _ => None,
    }
}

/// The headers of `head` if it is the request hyper parsed as `method` (else another's bytes).
fn raw_headers(head: Option<RawHead>, method: &str) -> Option<Vec<(String, String)>> {
    head.filter(|h| h.method == method).map(|h| h.headers)
}

/// What a bad head could be read as: its request line and, when it parsed whole, its headers.
fn partial_head(raw: &[u8], received_at: DateTime<Utc>, remote_addr: SocketAddr) -> Head {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let complete = matches!(request.parse(raw), Ok(httparse::Status::Complete(_)));
    let method = request.method.unwrap_or_default().to_string();
    let target = request.path.unwrap_or_default();
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p.to_string(), Some(q.to_string())),
        None => (target.to_string(), None),
    };
    let headers = if complete {
        request
            .headers
            .iter()
            .map(|h| (h.name.to_string(), text(h.value)))
            .collect()
    } else {
        Vec::new()
    };
    Head {
        received_at,
        remote_addr,
        method,
        path,
        query,
        headers,
    }
}

impl Incoming {
    /// The body, refusing more than `limit` bytes (a declared length over it is refused before
    /// anything is read), within the read timeout.
    pub async fn read_body(&mut self, limit: usize) -> Result<Vec<u8>, BodyError> {
        if self.body.size_hint().lower() > limit as u64 {
            return Err(BodyError::TooLarge(Vec::new()));
        }
        let deadline = Instant::now() + self.read_timeout;
        let mut body = Vec::new();
        loop {
            match tokio::time::timeout_at(deadline, self.body.frame()).await {
                Err(_) => return Err(BodyError::TimedOut(body)),
                Ok(None) => return Ok(body),
                Ok(Some(Err(e))) => return Err(BodyError::Failed(body, e.to_string())),
                Ok(Some(Ok(frame))) => {
                    if let Ok(data) = frame.into_data() {
                        let room = limit.saturating_add(1) - body.len();
                        body.extend_from_slice(&data[..data.len().min(room)]);
                        if body.len() > limit {
                            return Err(BodyError::TooLarge(body));
                        }
                    }
                }
            }
        }
    }
}

// ===== The recorder: the connection's bytes as they pass =====

/// Where a connection is between requests.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Waiting for the first byte of a request.
    #[default]
    Idle,
    /// Reading a head (its bytes are kept).
    Head,
    /// The handler has it.
    Dispatched,
}

/// What the recorder saw, shared with the service and the connection task.
#[derive(Debug, Default)]
struct Log {
    phase: Phase,
    /// The bytes read since the current request began (at most the head limit and a little).
    head: Vec<u8>,
    /// Why the recorder cut the connection.
    cut: Option<Refusal>,
    /// The status of an answer hyper wrote by itself (a head it refused).
    status: Option<u16>,
    /// The phase changed: the timer must be set again.
    rearm: bool,
    started: Option<DateTime<Utc>>,
    /// Of the dispatched request's body, the bytes still to pass before the next request's
    /// (`None`: not known, a chunked body).
    body_left: Option<u64>,
    /// Answers the handler has given that hyper has not begun to write.
    awaiting: usize,
}

impl Log {
    /// The handler takes the request: hand over its head as read. What follows the head is
    /// its body and then, from a client that pipelines, the next request, whose bytes stay.
    fn dispatched(&mut self) -> Option<RawHead> {
        self.phase = Phase::Dispatched;
        self.rearm = true;
        self.status = None;
        self.cut = None;
        let raw = std::mem::take(&mut self.head);
        let head = parse_head(&raw);
        self.body_left = None;
        if let Some(head) = &head {
            let field = |name: &str| {
                let mut values = head
                    .headers
                    .iter()
                    .filter(|(n, _)| n.eq_ignore_ascii_case(name));
                (values.next().map(|(_, v)| v), values.next().is_some())
            };
            self.body_left = match (field("transfer-encoding").0, field("content-length")) {
                (None, (None, _)) => Some(0),
                (None, (Some(v), false)) => v.trim().parse().ok(),
                _ => None,
            };
            self.pass(&raw[head.len..], usize::MAX);
        }
        head
    }

    /// Bytes read while a request is with the handler: its body first, then the next head's.
    /// At most `keep` bytes of the next head are kept.
    fn pass(&mut self, bytes: &[u8], keep: usize) {
        if let Some(left) = &mut self.body_left {
            let body = bytes
                .len()
                .min(usize::try_from(*left).unwrap_or(usize::MAX));
            *left -= body as u64;
            let next = &bytes[body..];
            let room = keep.saturating_sub(self.head.len());
            self.head.extend_from_slice(&next[..next.len().min(room)]);
        }
    }
}

fn lock(log: &Mutex<Log>) -> std::sync::MutexGuard<'_, Log> {
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Back to idle when dropped (the answer is ready).
struct Idle<'a>(&'a Mutex<Log>);

impl Drop for Idle<'_> {
    fn drop(&mut self) {
        let mut log = lock(self.0);
        log.rearm = true;
        log.awaiting += 1;
        if log.body_left == Some(0) && !log.head.is_empty() {
            // The next request began to arrive with this one.
            log.phase = Phase::Head;
            log.started = Some(Utc::now());
        } else {
            log.phase = Phase::Idle;
            log.head.clear();
        }
    }
}

/// The connection's stream, keeping the bytes of each head as they are read, timing the head
/// and the idle wait, measuring the request line and noting hyper's own answers.
struct Recorder {
    stream: tokio::net::TcpStream,
    log: Arc<Mutex<Log>>,
    limits: Limits,
    /// The read deadline: the head's, or the idle connection's.
    read_timer: Pin<Box<Sleep>>,
    /// Set while a write waits for the client to take bytes.
    write_timer: Option<Pin<Box<Sleep>>>,
}

impl Recorder {
    fn new(stream: tokio::net::TcpStream, log: Arc<Mutex<Log>>, limits: Limits) -> Self {
        Recorder {
            stream,
            log,
            limits,
            read_timer: Box::pin(tokio::time::sleep(limits.idle_timeout)),
            write_timer: None,
        }
    }

    /// After the connection ended with `error`: the request it refused, if one was being read.
    fn refused(&mut self, error: &hyper::Error, peer: SocketAddr) -> Option<Refused> {
        let mut log = lock(&self.log);
        let pending = log.phase == Phase::Head && !log.head.is_empty();
        if !pending && log.status.is_none() && log.cut.is_none() {
            return None;
        }
        let status = log.status;
        let why = match (log.cut.take(), status) {
            (Some(cut), _) => cut,
            (None, Some(431))
                if log.head.len() <= self.limits.max_head && parse_head(&log.head).is_some() =>
            {
                Refusal::LengthTooLarge
            }
            (None, Some(431)) => Refusal::HeadTooLarge(self.limits.max_head),
            (None, _) if log.head.starts_with(b"PRI * HTTP/2.0") => Refusal::Http2,
            // A TLS record of type handshake, version 3.x: a ClientHello.
            (None, _) if log.head.starts_with(&[0x16, 0x03]) => Refusal::Tls,
            (None, None) if error.is_incomplete_message() => Refusal::Incomplete,
            (None, _) => Refusal::Malformed(error.to_string()),
        };
        let bytes = std::mem::take(&mut log.head);
        let head = partial_head(&bytes, log.started.unwrap_or_else(Utc::now), peer);
        Some(Refused {
            head,
            bytes,
            status: status.unwrap_or(0),
            why,
        })
    }

    /// The longest a head is kept: past the limit hyper refuses it anyway.
    fn keep(&self) -> usize {
        self.limits.max_head + 1024
    }
}

impl AsyncRead for Recorder {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let read = &buf.filled()[before..];
                let mut log = lock(&this.log);
                if read.is_empty() {
                    return Poll::Ready(Ok(()));
                }
                if log.phase == Phase::Idle {
                    log.phase = Phase::Head;
                    log.started = Some(Utc::now());
                    log.rearm = true;
                }
                if log.phase == Phase::Dispatched {
                    log.pass(read, this.keep());
                }
                if log.phase == Phase::Head {
                    let room = this.keep().saturating_sub(log.head.len());
                    log.head.extend_from_slice(&read[..read.len().min(room)]);
                    let line = this.limits.max_request_line;
                    if log.head.len() > line && !log.head[..=line].contains(&b'\n') {
                        log.cut = Some(Refusal::RequestLineTooLong(line));
                        return Poll::Ready(Err(io::Error::other("request line too long")));
                    }
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                let mut log = lock(&this.log);
                let wait = match log.phase {
                    Phase::Idle => this.limits.idle_timeout,
                    Phase::Head => this.limits.read_timeout,
                    // The handler times the body itself.
                    Phase::Dispatched => return Poll::Pending,
                };
                if std::mem::take(&mut log.rearm) {
                    this.read_timer.as_mut().reset(Instant::now() + wait);
                }
                if this.read_timer.as_mut().poll(cx).is_pending() {
                    return Poll::Pending;
                }
                if log.phase == Phase::Idle {
                    // Quietly, as an end of stream: nothing was asked.
                    return Poll::Ready(Ok(()));
                }
                log.cut = Some(Refusal::HeadTimeout(wait));
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the head did not arrive in time",
                )))
            }
        }
    }
}

impl AsyncWrite for Recorder {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        {
            let mut log = lock(&this.log);
            if log.phase != Phase::Dispatched && buf.starts_with(b"HTTP/1.") {
                if log.awaiting > 0 {
                    // The start of an answer the handler gave.
                    log.awaiting -= 1;
                } else if log.status.is_none() {
                    // hyper answering a head it refused: `HTTP/1.1 NNN ...`.
                    log.status = buf
                        .get(9..12)
                        .and_then(|s| std::str::from_utf8(s).ok())
                        .and_then(|s| s.parse().ok());
                }
            }
        }
        match Pin::new(&mut this.stream).poll_write(cx, buf) {
            Poll::Pending => {
                let timeout = this.limits.read_timeout;
                let timer = this
                    .write_timer
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
                ready!(timer.as_mut().poll(cx));
                Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client did not take the answer in time",
                )))
            }
            done => {
                this.write_timer = None;
                done
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_headers_keep_case_order_and_repeats() {
        let raw = b"POST /x HTTP/1.1\r\nHost: a\r\nX-Dup: 1\r\nx-dup: 2\r\n\r\nbody";
        assert_eq!(
            raw_headers(parse_head(raw), "POST").unwrap(),
            vec![
                ("Host".to_string(), "a".to_string()),
                ("X-Dup".into(), "1".into()),
                ("x-dup".into(), "2".into())
            ]
        );
        // Another request's bytes are not taken for this one's.
        assert_eq!(raw_headers(parse_head(raw), "GET"), None);
        assert_eq!(
            raw_headers(parse_head(b"POST /x HTTP/1.1\r\nHost"), "POST"),
            None
        );
    }

    #[test]
    fn a_bad_head_is_read_as_far_as_it_goes() {
        let at = Utc::now();
        let peer: SocketAddr = "127.0.0.1:1".parse().unwrap();
        let head = partial_head(b"POST /a?b=1 HTTP/2.0\r\n\r\n", at, peer);
        assert_eq!((head.method.as_str(), head.path.as_str()), ("POST", "/a"));
        assert_eq!(head.query.as_deref(), Some("b=1"));
        assert!(head.headers.is_empty());
        assert_eq!((head.received_at, head.remote_addr), (at, peer));
    }

    #[test]
    fn a_status_only_answer_is_complete_http() {
        let text = String::from_utf8(status_only(408)).unwrap();
        assert!(text.starts_with("HTTP/1.1 408 Request Timeout\r\n"));
        assert!(text.ends_with("\r\n\r\nRequest Timeout\n"));
        assert!(text.contains("content-length: 16\r\n"));
    }
}
