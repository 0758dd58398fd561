//! A tiny_http listener: binds (port 0 picks a free port), hands out requests with their
//! arrival time, reads bodies with a size limit, and answers.

use std::io::Read;
use std::net::SocketAddr;
use std::time::Duration;

use chrono::{DateTime, Utc};

pub struct Listener {
    server: tiny_http::Server,
    addr: SocketAddr,
}

/// A request that has arrived (headers read; the body not yet).
pub struct Incoming {
    request: tiny_http::Request,
    pub received_at: DateTime<Utc>,
}

/// Why a body could not be read.
#[derive(Debug)]
pub enum BodyError {
    /// More than the limit; carries the bytes read so far (limit + 1 at most).
    TooLarge(Vec<u8>),
    Io(std::io::Error),
}

impl Listener {
    pub fn bind(host: &str, port: u16) -> anyhow::Result<Self> {
        let server = tiny_http::Server::http((host, port)).map_err(|e| {
            anyhow::anyhow!(
                "listening on {host}:{port}: {e} (is the port in use? --port 0 picks a free one)"
            )
        })?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| anyhow::anyhow!("listening on {host}:{port}: not an IP address"))?;
        Ok(Listener { server, addr })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Wait up to `timeout` for the next request.
    pub fn next(&self, timeout: Duration) -> std::io::Result<Option<Incoming>> {
        Ok(self.server.recv_timeout(timeout)?.map(|request| Incoming {
            request,
            received_at: Utc::now(),
        }))
    }
}

impl Incoming {
    pub fn method(&self) -> String {
        self.request.method().as_str().to_string()
    }

    /// Path and query, split.
    pub fn path_and_query(&self) -> (String, Option<String>) {
        let url = self.request.url();
        match url.split_once('?') {
            Some((p, q)) => (p.to_string(), Some(q.to_string())),
            None => (url.to_string(), None),
        }
    }

    /// Headers in arrival order, names as sent.
    pub fn headers(&self) -> Vec<(String, String)> {
        self.request
            .headers()
            .iter()
            .map(|h| {
                (
                    h.field.as_str().as_str().to_string(),
                    h.value.as_str().to_string(),
                )
            })
            .collect()
    }

    pub fn remote_addr(&self) -> Option<String> {
        self.request.remote_addr().map(|a| a.to_string())
    }

    /// The body, refusing more than `limit` bytes.
    pub fn read_body(&mut self, limit: usize) -> Result<Vec<u8>, BodyError> {
        if let Some(len) = self.request.body_length()
            && len > limit
        {
            return Err(BodyError::TooLarge(Vec::new()));
        }
        let mut body = Vec::new();
        self.request
            .as_reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(BodyError::Io)?;
        if body.len() > limit {
            return Err(BodyError::TooLarge(body));
        }
        Ok(body)
    }

    /// Answer with a status, headers and a body.
    pub fn respond(
        self,
        status: u16,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> std::io::Result<()> {
        let mut response = tiny_http::Response::from_data(body).with_status_code(status);
        for (name, value) in headers {
            if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
                response.add_header(h);
            }
        }
        self.request.respond(response)
    }
}
