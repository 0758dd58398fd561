//! Captures that never lie (issue 18): a write the disk cannot take leaves no fragment behind,
//! the request is answered 500 (so the sender retries), and the next record starts whole on a
//! line of its own. On a small tmpfs, mounted here when the tests run as root.

use std::path::{Path, PathBuf};

use crate::support::json::Capture;
use crate::support::{Listener, Telhook, http};

/// A tmpfs of `size` mounted at a directory, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// `None` (and a line saying why the test is skipped) when it cannot be mounted: not
    /// root, or no permission to mount.
    #[allow(clippy::print_stderr)] // the one note a skipped test leaves
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !mounted {
            eprintln!(
                "skipped: mounting a {size} tmpfs needs root (or the right to mount); the full-disk capture test did not run"
            );
            return None;
        }
        Some(Tmpfs(dir.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Every line of the capture, each a whole record (the test fails on a fragment).
fn records(path: &Path) -> Vec<Capture> {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "the capture ends inside a line"
    );
    Capture::read(path)
}

fn number(record: &Capture) -> u64 {
    let body: serde_json::Value = serde_json::from_str(&record.body).unwrap();
    body["n"].as_u64().unwrap()
}

#[test]
fn a_full_disk_leaves_no_torn_line_and_the_next_record_starts_whole() {
    let t = Telhook::new();
    let dir = t.path("small");
    let Some(_disk) = Tmpfs::mount(&dir, "256k") else {
        return;
    };
    // Leave about 24 KiB: a few 3 KiB requests fit, then the disk is full.
    let filler = dir.join("filler");
    std::fs::write(&filler, vec![0u8; 232 * 1024]).unwrap();
    let capture = dir.join("c.jsonl");
    let listener = Listener::start(&t, &["-q", "--capture", capture.to_str().unwrap()]);
    let body = |n: u64| format!("{{\"n\": {n}, \"pad\": \"{}\"}}", "x".repeat(3000));
    let client = http();
    let (mut acknowledged, mut refused) = (Vec::new(), 0);
    for n in 0..40 {
        let status = client
            .post(&listener.url)
            .header("content-type", "application/json")
            .body(body(n))
            .send()
            .unwrap()
            .status()
            .as_u16();
        match status {
            200 => acknowledged.push(n),
            500 => refused += 1,
            other => panic!("request {n} answered {other}"),
        }
    }
    assert!(
        !acknowledged.is_empty() && refused > 0,
        "{} acknowledged, {refused} refused: the disk should have filled",
        acknowledged.len()
    );
    // Exactly the acknowledged requests, each whole: nothing torn, nothing lost.
    let kept: Vec<u64> = records(&capture).iter().map(number).collect();
    assert_eq!(kept, acknowledged);

    // Room again: the next request is captured whole, on a line of its own.
    std::fs::remove_file(&filler).unwrap();
    let status = client
        .post(&listener.url)
        .header("content-type", "application/json")
        .body(body(99))
        .send()
        .unwrap()
        .status();
    assert_eq!(status, 200);
    let kept: Vec<u64> = records(&capture).iter().map(number).collect();
    assert_eq!(kept.last(), Some(&99));
    assert_eq!(kept.len(), acknowledged.len() + 1);
    drop(listener);
}
