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
