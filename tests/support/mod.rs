//! Helpers shared by the integration tests.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// A `telhook` command in a scrubbed environment: no colour or telhook variables inherited, a
/// fresh HOME, and a temporary working directory (kept alive by the returned guard).
pub struct Telhook {
    pub dir: TempDir,
}

impl Telhook {
    pub fn new() -> Self {
        Telhook {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_telhook"));
        for var in [
            "NO_COLOR",
            "CLICOLOR",
            "CLICOLOR_FORCE",
            "TERM",
            "TELNYX_PUBLIC_KEY",
            "TELHOOK_PRIVATE_KEY",
        ] {
            cmd.env_remove(var);
        }
        for (k, _) in std::env::vars() {
            if k.starts_with("TELHOOK_") {
                cmd.env_remove(k);
            }
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

    /// Run and return stdout, asserting success and an empty stderr.
    #[track_caller]
    pub fn stdout(&self, args: &[&str]) -> Vec<u8> {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "telhook {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "telhook {args:?}");
        out.stdout
    }

    /// A key pair made by `telhook keygen` in the working directory: (private file, public b64).
    pub fn keygen(&self) -> (PathBuf, String) {
        let out = self.cmd().args(["keygen", "-q"]).output().unwrap();
        assert!(out.status.success());
        let public = String::from_utf8(out.stdout).unwrap().trim().to_string();
        (self.path("telnyx.key"), public)
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

pub const AT: &str = "2026-03-04T05:06:07.123Z";

/// A `telhook listen --port 0` child process: the address comes from its first line; stdout
/// lines arrive on a channel; `Drop` kills and reaps it.
pub struct Listener {
    child: std::process::Child,
    pub url: String,
    lines: std::sync::mpsc::Receiver<String>,
    pub stderr: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Listener {
    pub fn start(t: &Telhook, args: &[&str]) -> Self {
        use std::io::{BufRead, Read};
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_telhook"));
        cmd.args(["listen", "--port", "0"]).args(args);
        for var in [
            "NO_COLOR",
            "TERM",
            "TELNYX_PUBLIC_KEY",
            "TELHOOK_PRIVATE_KEY",
            "TELHOOK_BASIC_AUTH",
        ] {
            cmd.env_remove(var);
        }
        cmd.current_dir(t.dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut stderr_pipe = child.stderr.take().unwrap();
        let stderr = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
        let err_sink = stderr.clone();
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = stderr_pipe.read_to_string(&mut s);
            err_sink.lock().unwrap().push_str(&s);
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
        let url = if first.starts_with('{') {
            serde_json::from_str::<serde_json::Value>(&first).unwrap()["url"]
                .as_str()
                .unwrap()
                .to_string()
        } else {
            first
                .strip_prefix("listening on ")
                .expect(&first)
                .to_string()
        };
        Listener {
            child,
            url,
            lines: rx,
            stderr,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
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
            if let Some(status) = self.child.try_wait().unwrap() {
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

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking HTTP client for tests.
pub fn http() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .build()
        .unwrap()
}
