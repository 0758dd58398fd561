//! The client side of the wire: one request and its answer, the [`Transport`] that carries it,
//! and the binary's transport ([`Client`], hyper for plain HTTP, reqwest for TLS and proxies).

use std::time::Duration;

/// One HTTP request, as it goes on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// `POST` for every webhook; the listener forwards other methods as they came.
    pub method: http::Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    /// A POST of `body` to `url` with these headers.
    pub fn post(url: impl Into<String>, headers: Vec<(String, String)>, body: Vec<u8>) -> Self {
        Request {
            method: http::Method::POST,
            url: url.into(),
            headers,
            body,
        }
    }

    /// Set a header, replacing any of the same name (names compare case-insensitively).
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_string(), value.to_string()));
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        crate::http::header(&self.headers, name)
    }
}

/// The receiver's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        crate::http::header(&self.headers, name)
    }
}

/// Why no answer came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Nothing (or not all of it) within the timeout.
    Timeout,
    /// Could not connect, or the connection broke: the cause, in words.
    Network(String),
}

/// What carries a request: reqwest in the binary, a script in unit tests.
///
/// Both methods are futures, so one thread can keep many deliveries in flight (see
/// `delivery::schedule`).
pub trait Transport: Sync {
    fn send(
        &self,
        request: &Request,
        timeout: Duration,
    ) -> impl Future<Output = Result<Response, Failure>>;
    /// Wait between attempts.
    fn pause(&self, delay: Duration) -> impl Future<Output = ()> {
        tokio::time::sleep(delay)
    }
}

/// The transport of the binary. Follows no redirects (a 3xx is a failed delivery for both
/// providers) and honours the proxy environment variables.
///
/// Plain `http://` URLs that no proxy variable applies to (the usual local receiver) go over
/// hyper's client directly; `https://` URLs, and everything when a proxy variable is set, go
/// over reqwest (rustls, proxies). The direct path skips reqwest's per-request layers (URL
/// re-parsing, the redirect policy, header copies) and the TLS set-up of a client per thread:
/// measured in README "Performance".
///
/// Each thread that sends makes its own [`Connections`] (connection pools driven by that
/// thread's runtime) and passes them to the deliveries it runs: no hand-off to a background
/// thread per request, which is what `reqwest::blocking` costs, no shared registry to look the
/// pools up in, and one thread keeps several connections busy, as a load generator does.
#[derive(Debug, Clone)]
pub struct Client {
    insecure: bool,
    /// Ignore the proxy environment variables (the demo talks to its own loopback listener).
    direct: bool,
    /// A proxy variable is set: every request goes through reqwest, which applies it.
    proxied: bool,
}

type Plain = hyper_util::client::legacy::Client<
    hyper_util::client::legacy::connect::HttpConnector,
    http_body_util::Full<bytes::Bytes>,
>;

/// One thread's connection pools and URL cache: the [`Transport`] that thread's deliveries use.
/// Made on the thread (and runtime) that sends with it.
pub struct Connections {
    client: Client,
    plain: Plain,
    /// Made on first use (an `https://` URL, or a proxy), so a plain run never sets up TLS.
    tls: std::sync::OnceLock<reqwest::Client>,
    /// The last URL parsed (a run sends to one or two URLs; parsing, IDNA included, is not free).
    url: std::sync::Mutex<Option<(String, Target)>>,
}

#[derive(Clone)]
struct Target {
    url: reqwest::Url,
    /// Set when the request can go over the plain client.
    uri: Option<http::Uri>,
}

/// The proxy variables reqwest reads for `http://` URLs.
const PROXY_VARS: &[&str] = &["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];

impl Client {
    pub fn new(insecure: bool) -> anyhow::Result<Self> {
        Self::build(insecure, false)
    }

    /// A client that connects straight to the URL, whatever the proxy variables say.
    pub fn direct() -> anyhow::Result<Self> {
        Self::build(false, true)
    }

    fn build(insecure: bool, direct: bool) -> anyhow::Result<Self> {
        let proxied = !direct
            && PROXY_VARS
                .iter()
                .any(|v| std::env::var_os(v).is_some_and(|x| !x.is_empty()));
        let client = Client {
            insecure,
            direct,
            proxied,
        };
        // Set up a TLS client once now, so a TLS or resolver set-up failure is reported before
        // any delivery.
        client
            .tls_client()
            .map_err(|e| anyhow::anyhow!("building the HTTP client: {e}"))?;
        Ok(client)
    }

    fn tls_client(&self) -> Result<reqwest::Client, String> {
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .danger_accept_invalid_certs(self.insecure);
        if self.direct {
            builder = builder.no_proxy();
        }
        builder.build().map_err(|e| e.to_string())
    }

    /// Connection pools for the calling thread; use them on that thread's runtime only.
    pub fn connections(&self) -> Connections {
        let mut connector = hyper_util::client::legacy::connect::HttpConnector::new();
        connector.set_nodelay(true);
        let plain =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                .build(connector);
        Connections {
            client: self.clone(),
            plain,
            tls: std::sync::OnceLock::new(),
            url: std::sync::Mutex::new(None),
        }
    }
}

impl Connections {
    fn target(&self, text: &str) -> Result<Target, Failure> {
        let mut last = self
            .url
            .lock()
            .map_err(|_| Failure::Network("URL cache lock poisoned".into()))?;
        if let Some((t, target)) = last.as_ref()
            && t == text
        {
            return Ok(target.clone());
        }
        let url = reqwest::Url::parse(text)
            .map_err(|e| Failure::Network(format!("`{text}` is not a URL: {e}")))?;
        let uri = if !self.client.proxied && url.scheme() == "http" {
            url.as_str().parse::<http::Uri>().ok()
        } else {
            None
        };
        let target = Target { url, uri };
        *last = Some((text.to_string(), target.clone()));
        Ok(target)
    }

    fn tls(&self) -> Result<&reqwest::Client, String> {
        if let Some(c) = self.tls.get() {
            return Ok(c);
        }
        let client = self.client.tls_client()?;
        Ok(self.tls.get_or_init(|| client))
    }
}

impl Transport for Connections {
    async fn send(&self, request: &Request, timeout: Duration) -> Result<Response, Failure> {
        let target = self.target(&request.url)?;
        match target.uri {
            Some(uri) => send_plain(&self.plain, uri, request, timeout).await,
            None => {
                let client = self
                    .tls()
                    .map_err(|e| Failure::Network(format!("building the HTTP client: {e}")))?;
                send_reqwest(client, target.url, request, timeout).await
            }
        }
    }
}

/// POST over hyper's client: plain HTTP/1.1, keep-alive, `Host` and `Content-Length` set by
/// hyper.
async fn send_plain(
    client: &Plain,
    uri: http::Uri,
    request: &Request,
    timeout: Duration,
) -> Result<Response, Failure> {
    use http_body_util::BodyExt;
    let mut builder = http::Request::builder()
        .method(request.method.clone())
        .uri(uri);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let outgoing = builder
        .body(http_body_util::Full::new(bytes::Bytes::from(
            request.body.clone(),
        )))
        .map_err(|e| Failure::Network(format!("building the request: {e}")))?;
    let exchange = async {
        let response = client.request(outgoing).await.map_err(deepest)?;
        let status = response.status().as_u16();
        let headers = header_pairs(response.headers());
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(deepest)?
            .to_bytes()
            .to_vec();
        Ok(Response {
            status,
            headers,
            body,
        })
    };
    tokio::time::timeout(timeout, exchange)
        .await
        .unwrap_or(Err(Failure::Timeout))
}

async fn send_reqwest(
    client: &reqwest::Client,
    url: reqwest::Url,
    request: &Request,
    timeout: Duration,
) -> Result<Response, Failure> {
    let mut builder = client
        .request(request.method.clone(), url)
        .timeout(timeout)
        .body(request.body.clone());
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    let response = builder.send().await.map_err(failure)?;
    let status = response.status().as_u16();
    let headers = header_pairs(response.headers());
    let body = response.bytes().await.map_err(failure)?.to_vec();
    Ok(Response {
        status,
        headers,
        body,
    })
}

fn header_pairs(headers: &http::HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// An error in the words a user needs: its deepest cause, and what it means where the cause's
/// own words do not say (a refused connection, a plain-HTTP answer to a TLS handshake).
fn deepest(err: impl std::error::Error + 'static) -> Failure {
    let mut cause: &(dyn std::error::Error + 'static) = &err;
    let mut refused = false;
    loop {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            refused |= io.kind() == std::io::ErrorKind::ConnectionRefused;
        }
        match cause.source() {
            Some(next) => cause = next,
            None => break,
        }
    }
    let text = cause.to_string();
    let text = if text.is_empty() {
        err.to_string()
    } else {
        text
    };
    Failure::Network(explained(&text, refused))
}

/// What a refused connection means, the start of its [`Failure::Network`] words (a caller that
/// knows what should be listening gives its own hint after it).
pub const REFUSED: &str = "connection refused: nothing is listening at that address and port";

/// The words of a network error, with the hint it needs.
fn explained(text: &str, refused: bool) -> String {
    if refused || text.contains("Connection refused") {
        return format!("{REFUSED} (is the receiver running?)");
    }
    // rustls, reading an HTTP answer (no TLS record type) where the ServerHello belongs.
    if text.contains("InvalidContentType") {
        return format!(
            "{text}: the receiver answered the TLS handshake in plain HTTP, so it serves http://, not https://"
        );
    }
    text.to_string()
}

/// A reqwest error in the words a user needs: the deepest cause, without the URL (every line
/// already shows it).
fn failure(err: reqwest::Error) -> Failure {
    if err.is_timeout() {
        return Failure::Timeout;
    }
    deepest(err)
}

#[cfg(test)]
mod tests {
    use super::explained;

    #[test]
    fn network_errors_say_what_they_mean() {
        assert!(
            explained("Connection refused (os error 111)", false)
                .starts_with("connection refused: nothing is listening")
        );
        assert!(explained("x", true).starts_with("connection refused"));
        assert!(
            explained("received corrupt message of type InvalidContentType", false)
                .contains("serves http://, not https://")
        );
        assert_eq!(explained("dns error", false), "dns error");
    }
}
