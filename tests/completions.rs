//! Committed completion scripts stay in step with the command line, and they complete: each
//! shell that is installed (.ci/run installs bash, zsh and fish) really runs the script on the
//! same lines.

use crate::support::{Telhook, repo_file};
use clap::ValueEnum;
use clap_complete::{Generator, Shell};
use std::path::Path;
use std::process::Command;
use telhook::Provider;
use telhook::catalog;

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
fn the_subcommand_prints_the_committed_scripts() {
    let t = Telhook::new();
    for shell in Shell::value_variants() {
        let out = t.stdout(&["completions", &shell.to_string()]);
        let path = repo_file("completions").join(shell.file_name("telhook"));
        assert!(
            out == std::fs::read(&path).unwrap(),
            "`telhook completions {shell}` is not {}",
            path.display()
        );
    }
}

/// The script for a shell, written to `dir`. It is what `completions/` holds (the test above
/// checks that), generated here so that regenerating `completions/` cannot race these tests.
fn script_file(dir: &Path, shell: Shell) -> std::path::PathBuf {
    let path = dir.join(shell.file_name("telhook"));
    std::fs::write(&path, telhook::commands::completions::script(shell)).unwrap();
    path
}

/// A line to complete (the cursor at its end) and what every shell must offer, in any order.
struct Case {
    line: &'static str,
    want: Vec<String>,
}

fn strings<S: ToString>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    items.into_iter().map(|s| s.to_string()).collect()
}

fn flows(p: Provider) -> Vec<String> {
    strings(catalog::flows(p).iter().map(|f| f.name))
}

fn variants(p: Provider, event: &str) -> Vec<String> {
    catalog::find(p, event)
        .unwrap()
        .event
        .variant_names()
        .iter()
        .map(|v| v.to_string())
        .collect()
}

fn names(p: Provider) -> Vec<String> {
    strings(p.events().iter().map(|e| e.name))
}

fn cases() -> Vec<Case> {
    let case = |line, want| Case { line, want };
    let telnyx_events = strings(catalog::typed_names(Provider::Telnyx));
    let bandwidth_events = strings(catalog::typed_names(Provider::Bandwidth));
    // The brief's own examples, so the catalog-derived lists cannot hide a mix-up.
    assert!(telnyx_events.contains(&"message.received".to_string()));
    assert!(!telnyx_events.contains(&"message-delivered".to_string()));
    assert!(bandwidth_events.contains(&"message-delivered".to_string()));
    assert!(!bandwidth_events.contains(&"message.received".to_string()));
    vec![
        // clap's part: subcommands and options.
        case("telhook se", strings(["send"])),
        case("telhook send telnyx --fl", strings(["--flow"])),
        // Providers, then only that provider's events.
        case("telhook send ", strings(["telnyx", "bandwidth"])),
        case("telhook example ", strings(["telnyx", "bandwidth"])),
        case("telhook schema ban", strings(["bandwidth"])),
        case("telhook send telnyx ", telnyx_events.clone()),
        case("telhook send bandwidth ", bandwidth_events.clone()),
        case("telhook example telnyx ", telnyx_events),
        case("telhook schema bandwidth message-", {
            let mut e = bandwidth_events;
            e.retain(|n| n.starts_with("message-"));
            e
        }),
        // send takes several events; example one.
        case(
            "telhook send telnyx message.sent message.f",
            strings(["message.finalized"]),
        ),
        case("telhook example telnyx message.received ", vec![]),
        // Options that take a value are not positionals: the URL (which bash splits at its
        // colons) and the global --color.
        case(
            "telhook --color never send --to http://127.0.0.1:5000/hooks bandwidth message-d",
            strings(["message-delivered"]),
        ),
        // --flow: the provider's flows.
        case("telhook send telnyx --flow ", flows(Provider::Telnyx)),
        case("telhook send bandwidth --flow ", flows(Provider::Bandwidth)),
        case(
            "telhook send telnyx --flow=outbound-message-",
            strings(["outbound-message-failed"]),
        ),
        // --variant: the variants of the event named (an alias has its event's).
        case(
            "telhook send telnyx message.finalized --variant ",
            variants(Provider::Telnyx, "message.finalized"),
        ),
        case(
            "telhook example bandwidth message-queued --variant ",
            variants(Provider::Bandwidth, "message-sending"),
        ),
        // --event: catalog names for replay (of --provider's events when given), PROVIDER/EVENT
        // for validate.
        case(
            "telhook replay --event call.h",
            strings(["call.hangup", "call.hold"]),
        ),
        case(
            "telhook replay --provider bandwidth --event ",
            names(Provider::Bandwidth),
        ),
        case(
            "telhook replay hooks.jsonl --provider=telnyx --event message.",
            strings([
                "message.received",
                "message.sent",
                "message.finalized",
                "message.read",
                "message.echo",
            ]),
        ),
        case(
            "telhook validate --event telnyx/message.f",
            strings(["telnyx/message.finalized"]),
        ),
        case(
            "telhook validate --event bandwidth/message-s",
            strings(["bandwidth/message-sending", "bandwidth/message-sent"]),
        ),
    ]
}

/// Run every case through a shell's completion, and say which ones it got wrong.
fn check(shell: &str, complete: impl Fn(&str) -> Vec<String>) {
    let mut wrong = Vec::new();
    for case in cases() {
        let mut got = complete(case.line);
        // fish and zsh show `--flow=VALUE` for a word that started so.
        if let Some((flag, _)) = case.line.rsplit(' ').next().and_then(|w| w.split_once('=')) {
            let prefix = format!("{flag}=");
            for g in &mut got {
                if let Some(v) = g.strip_prefix(&prefix) {
                    *g = v.to_string();
                }
            }
        }
        got.sort();
        let mut want = case.want.clone();
        want.sort();
        if got != want {
            wrong.push(format!(
                "`{}`\n    want {want:?}\n    got  {got:?}",
                case.line
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{shell} completes these lines wrongly:\n{}",
        wrong.join("\n")
    );
}

/// Whether a shell is installed; when it is not, say that its test is skipped.
#[allow(clippy::print_stderr)] // the one note a skipped test leaves
fn installed(shell: &str) -> bool {
    let found = Command::new(shell)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!(
            "skipping the {shell} completion test: {shell} is not installed (.ci/run installs it; locally `apt-get install {shell}`)"
        );
    }
    found
}

/// The words bash hands a completion function for `line`: split at blanks, and at the word
/// break characters of its default COMP_WORDBREAKS that the cases use (`=`, `:`), which become
/// words of their own.
fn bash_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    for blank_separated in line.split(' ').filter(|w| !w.is_empty()) {
        let mut word = String::new();
        let mut breaks = false;
        for c in blank_separated.chars() {
            let is_break = c == '=' || c == ':';
            if is_break != breaks && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            breaks = is_break;
            word.push(c);
        }
        words.push(word);
    }
    if line.ends_with(' ') {
        words.push(String::new());
    }
    words
}

fn bash_complete(script_file: &Path, line: &str) -> Vec<String> {
    let words = bash_words(line);
    // As bash calls the function `complete -p telhook` names: COMP_* set, and the command,
    // the current and the previous word as arguments.
    let script = r#"
source "$SCRIPT"
COMP_WORDS=("$@")
COMP_CWORD=$(( $# - 1 ))
COMP_LINE="$LINE"
COMP_POINT=${#COMP_LINE}
registered=$(complete -p telhook)
function=${registered##*-F }
function=${function%% *}
"$function" telhook "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg("bash")
        .args(&words)
        .env("SCRIPT", script_file)
        .env("LINE", line)
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "bash on `{line}`: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_from_the_catalog() {
    if !installed("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = script_file(dir.path(), Shell::Bash);
    check("bash", |line| bash_complete(&script, line));
}

/// Runs an interactive zsh on a pseudo-terminal with the completion system and the committed
/// `_telhook` on its fpath, types the line and a Tab, and prints every match compadd is given
/// (the technique of Valodim's zsh-capture-completion). The shell exits once the completion has
/// run; had it failed, the `exit` typed after the Tab ends it.
const ZSH_CAPTURE: &str = r#"
zmodload zsh/zpty || exit 3
zpty z zsh -f -i
zpty -w z "fpath=(${(q)1} \$fpath); PROMPT=; autoload -U compinit; compinit -u -D; zmodload zsh/zutil"
zpty -w z 'bindkey "^I" complete-word'
zpty -w z 'zstyle ":completion:*" list-grouped false; zstyle ":completion:*" insert-tab false'
zpty -w z 'null-line () { echo -E - $'"'"'\0'"'"' }; compprefuncs=( null-line ); comppostfuncs=( null-line exit )'
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  setopt localoptions norcexpandparam extendedglob
  typeset -A apre hpre hsuf asuf
  zparseopts -E P:=apre p:=hpre S:=asuf s:=hsuf
  [[ -n $__hits ]] || return
  local i
  for i in {1..$#__hits}; do echo -E - $IPREFIX$apre$hpre$__hits[$i]$hsuf$asuf; done
}'
zpty -w z "$2"$'\t'
zpty -w z $'\C-uexit\n'
integer tog=0
while zpty -r z; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0\r' ]]; then (( tog++ )) && return 0 || continue; fi
  (( tog )) && echo -E - $line
done
"#;

fn zsh_complete(dir: &Path, line: &str) -> Vec<String> {
    let out = Command::new("zsh")
        .arg("-f")
        .arg(dir.join("capture.zsh"))
        .arg(dir.join("fpath"))
        .arg(line)
        .env("HOME", dir)
        .env_remove("ZDOTDIR")
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "zsh on `{line}`: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn zsh_completes_from_the_catalog() {
    if !installed("zsh") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("fpath")).unwrap();
    script_file(&dir.path().join("fpath"), Shell::Zsh);
    std::fs::write(dir.path().join("capture.zsh"), ZSH_CAPTURE).unwrap();
    check("zsh", |line| zsh_complete(dir.path(), line));
}

fn fish_complete(home: &Path, script: &Path, line: &str) -> Vec<String> {
    let out = Command::new("fish")
        .args([
            "--no-config",
            "-c",
            "source $argv[1]; and complete -C $argv[2]",
        ])
        .arg(script)
        .arg(line)
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "fish on `{line}`: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Each line is the match, a tab and its description.
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn fish_completes_from_the_catalog() {
    if !installed("fish") {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let script = script_file(home.path(), Shell::Fish);
    check("fish", |line| fish_complete(home.path(), &script, line));
    // clap's fish script completes no positional; these come from the added block, with the
    // catalog's descriptions.
    let flows = Command::new("fish")
        .args([
            "--no-config",
            "-c",
            "source $argv[1]; and complete -C $argv[2]",
        ])
        .arg(&script)
        .arg("telhook send bandwidth --flow out")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(flows.stdout).unwrap(),
        catalog::flows(Provider::Bandwidth)
            .iter()
            .filter(|f| f.name.starts_with("out"))
            .map(|f| format!("{}\t{}\n", f.name, f.description))
            .collect::<String>()
    );
}
