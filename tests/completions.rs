//! Committed completion scripts stay in step with the command line, and they complete.

use crate::support::{Telhook, repo_file};
use clap::ValueEnum;
use clap_complete::{Generator, Shell};

#[test]
fn committed_completion_files_are_current() {
    let mut stale = Vec::new();
    for shell in Shell::value_variants() {
        let generated = telhook::commands::completions::script(*shell);
        let path = repo_file("completions").join(shell.file_name("telhook"));
        if std::env::var_os("TELHOOK_UPDATE_COMPLETIONS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &generated).unwrap();
        }
        if std::fs::read(&path).ok().as_deref() != Some(&generated[..]) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale completion files: {}\nregenerate with: TELHOOK_UPDATE_COMPLETIONS=1 cargo test --test integration completions",
        stale.join(", ")
    );
}

#[test]
fn the_subcommand_prints_the_committed_bash_script() {
    let t = Telhook::new();
    let out = t.stdout(&["completions", "bash"]);
    assert_eq!(
        out,
        std::fs::read(repo_file("completions/telhook.bash")).unwrap()
    );
}

fn complete(words: &str, cword: usize) -> String {
    let script = format!(
        "source {}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_LINE='{words}'\nCOMP_POINT=${{#COMP_LINE}}\n_telhook telhook \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        repo_file("completions/telhook.bash").display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completes_subcommands_providers_and_event_names() {
    assert_eq!(
        complete("telhook si", 1).lines().collect::<Vec<_>>(),
        ["sign"]
    );
    assert_eq!(
        complete("telhook ex", 1).lines().collect::<Vec<_>>(),
        ["example"]
    );
    assert_eq!(
        complete("telhook se", 1).lines().collect::<Vec<_>>(),
        ["send"]
    );
    assert_eq!(
        complete("telhook send ban", 2).lines().collect::<Vec<_>>(),
        ["bandwidth"]
    );
    // clap's static bash script offers every positional's values at each position, so check the
    // provider names by prefix.
    assert_eq!(
        complete("telhook example tel", 2)
            .lines()
            .collect::<Vec<_>>(),
        ["telnyx"]
    );
    assert_eq!(
        complete("telhook example ban", 2)
            .lines()
            .collect::<Vec<_>>(),
        ["bandwidth"]
    );
    assert_eq!(
        complete("telhook events --provider ", 3)
            .lines()
            .collect::<Vec<_>>(),
        ["telnyx", "bandwidth"]
    );
    let events = complete("telhook example telnyx message.f", 3);
    assert_eq!(events.lines().collect::<Vec<_>>(), ["message.finalized"]);
    let events = complete("telhook example bandwidth message-q", 3);
    assert_eq!(events.lines().collect::<Vec<_>>(), ["message-queued"]);
}
