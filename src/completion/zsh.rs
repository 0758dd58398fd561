//! zsh: clap's function is renamed `_telhook_clap`, and `_telhook` (the function compinit
//! autoloads from this file, and the one compdef registers) completes the catalog's values and
//! hands every other word to it.

use super::{Kind, Model, Value};

/// The line clap's main function starts with, and the dispatch at the end of its script that
/// calls or registers `_telhook`: the block goes between the two.
const CLAP_MAIN: &str = "\n_telhook() {\n";
const CLAP_TAIL: &str = "\nif [ \"$funcstack[1]\" = \"_telhook\" ]; then\n";

pub(super) fn script(clap: &str, model: &Model) -> String {
    // clap_complete has written these two lines the same way since 4.0; a unit test fails the
    // day it does not.
    let (Some(main), Some(tail)) = (clap.find(CLAP_MAIN), clap.rfind(CLAP_TAIL)) else {
        return clap.to_string();
    };
    let mut s = String::new();
    s.push_str(&clap[..main]);
    s.push_str("\n_telhook_clap() {\n");
    s.push_str(&clap[main + CLAP_MAIN.len()..tail]);
    s.push_str(HEAD);
    s.push_str(&values(model));
    s.push_str(&commands(model));
    s.push_str(&MAIN.replace("@ROOT_VALUE_OPTS@", &model.root_value_options.join(" ")));
    s.push_str(&clap[tail..]);
    s
}

const HEAD: &str = r#"
# What clap cannot know, written by `telhook completions zsh` from telhook's catalog and its
# command line: after PROVIDER that provider's events, after --variant the variants of the event
# named, after --flow the provider's flows, after --event event names. Any other word goes to
# clap's function above, renamed _telhook_clap.
"#;

/// A zsh word in single quotes.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// An array's elements for `_describe`, one `'name:description'` a line.
fn described(values: &[Value], indent: &str) -> String {
    values
        .iter()
        .map(|v| {
            let entry = if v.description.is_empty() {
                v.name.clone()
            } else {
                format!("{}:{}", v.name, v.description)
            };
            format!("{indent}{}\n", quote(&entry))
        })
        .collect()
}

/// `__telhook_values KIND PROVIDER EVENT...`: the values of a kind, in `__tc_values`.
fn values(model: &Model) -> String {
    const IND: &str = "                        ";
    let per_provider = |kind: Kind, all: Option<&[Value]>| {
        let mut s = format!("        ({})\n            case $2 in\n", kind.word());
        for p in &model.providers {
            let vs = match kind {
                Kind::Events => &p.events,
                Kind::Names => &p.names,
                _ => &p.flows,
            };
            s.push_str(&format!(
                "                ({})\n                    __tc_values=(\n{}                    )\n                    ;;\n",
                p.name,
                described(vs, IND)
            ));
        }
        if let Some(all) = all {
            s.push_str(&format!(
                "                (*)\n                    __tc_values=(\n{}                    )\n                    ;;\n",
                described(all, IND)
            ));
        }
        s.push_str("            esac\n            ;;\n");
        s
    };
    let mut s = String::from(
        "\n# The values of a kind, for a provider (and the events named), as name:description in\n\
         # __tc_values.\n__telhook_values() {\n    \
         __tc_values=()\n    case $1 in\n",
    );
    let providers: Vec<String> = model.providers.iter().map(|p| p.name.to_string()).collect();
    s.push_str(&format!(
        "        ({})\n            __tc_values=({})\n            ;;\n",
        Kind::Providers.word(),
        providers.join(" ")
    ));
    s.push_str(&per_provider(Kind::Events, None));
    s.push_str(&per_provider(Kind::Names, Some(&model.all_names)));
    s.push_str(&per_provider(Kind::Flows, Some(&model.all_flows)));
    s.push_str(&format!(
        "        ({})\n            __tc_values=(\n{}            )\n            ;;\n",
        Kind::Qualified.word(),
        described(&model.qualified, "                ")
    ));
    s.push_str(&format!(
        "        ({})\n            local provider=$2 event\n            shift 2\n            \
         for event in \"$@\"; do\n                case $provider/$event in\n",
        Kind::Variants.word()
    ));
    for p in &model.providers {
        for (event, vs) in &p.variants {
            s.push_str(&format!(
                "                    ({}/{event})\n                        __tc_values+=(\n{}                        )\n                        ;;\n",
                p.name,
                described(vs, "                            ")
            ));
        }
    }
    s.push_str("                esac\n            done\n            ;;\n    esac\n}\n");
    s
}

/// `__telhook_command WORD`: the shape of a command that completes from the catalog, in the
/// caller's `__tc_*` parameters; fails for any other word.
fn commands(model: &Model) -> String {
    let mut s = String::from(
        "\n# The commands that complete from the catalog, as the command line has them: options \
         that\n# take a value, which option picks the provider, where PROVIDER and EVENT stand, \
         what each\n# positional and the value-completing flags complete to (positions from 0).\n\
         __telhook_command() {\n    case $1 in\n",
    );
    s.push_str(&super::sh_command_arms(
        model,
        |p: &str| format!("({p})"),
        '\'',
    ));
    s.push_str("    esac\n}\n");
    s
}

const MAIN: &str = r#"
_telhook() {
    local cur=$words[CURRENT] w pending= cmd= kind= provider= eq=
    integer i end=0
    # Until the command: the options of the top level that take a value.
    local __tc_value_opts=' @ROOT_VALUE_OPTS@ ' __tc_provider_opts=' ' __tc_flags=' '
    local __tc_positions= __tc_beyond= __tc_provider_at= __tc_event_at=0
    local -a positionals positions __tc_values
    # The words before the current one but the positionals after the command.
    local -a options=($words[1])
    for (( i = 2; i < CURRENT; i++ )); do
        w=$words[i]
        options+=("$w")
        if [[ -n $pending ]]; then
            [[ $__tc_provider_opts == *" $pending "* ]] && provider=$w
            pending=
            continue
        fi
        if (( !end )) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                [[ -n $cmd ]] && end=1
            elif [[ $w == --*=* ]]; then
                [[ $__tc_provider_opts == *" ${w%%=*} "* ]] && provider=${w#*=}
            elif [[ $__tc_value_opts == *" $w "* ]]; then
                pending=$w
            elif [[ $w != --* && $__tc_value_opts == *" ${w[1,2]} "* ]]; then
                # A short option with its value attached (-pbandwidth).
                [[ $__tc_provider_opts == *" ${w[1,2]} "* ]] && provider=${w[3,-1]}
            fi
            continue
        fi
        if [[ -z $cmd ]]; then
            if ! __telhook_command $w; then
                _telhook_clap "$@"
                return
            fi
            cmd=$w
            continue
        fi
        positionals+=("$w")
        options[-1]=()
    done
    if [[ -z $cmd ]]; then
        _telhook_clap "$@"
        return
    fi
    if [[ -n $__tc_provider_at ]] && (( __tc_provider_at < $#positionals )); then
        provider=$positionals[__tc_provider_at+1]
    fi
    if (( !end )) && [[ -z $pending && $cur == --*=* ]]; then
        pending=${cur%%=*}
        eq=1
    fi
    if [[ -n $pending ]]; then
        if [[ $__tc_flags != *" $pending:"* ]]; then
            _telhook_clap "$@"
            return
        fi
        kind=${__tc_flags#* $pending:}
        kind=${kind%% *}
    elif (( !end )) && [[ $cur == -* ]]; then
        # clap's _arguments offers no option after a positional: show it the line without them.
        if (( $#positionals )); then
            words=("${(@)options}" "${(@)words[CURRENT,-1]}")
            CURRENT=$(( $#options + 1 ))
        fi
        _telhook_clap "$@"
        return
    else
        positions=(${=__tc_positions})
        if (( $#positionals < $#positions )); then
            kind=$positions[$#positionals+1]
        else
            kind=$__tc_beyond
        fi
        if [[ $kind == clap ]]; then
            _telhook_clap "$@"
            return
        fi
    fi
    if [[ $kind == nothing ]]; then
        _message 'no more arguments'
        return 1
    fi
    __telhook_values $kind "$provider" "${(@)positionals[__tc_event_at+1,-1]}"
    [[ -n $eq ]] && compset -P '*='
    local title
    case $kind in
        (providers) title=provider ;;
        (events) title="$provider event" ;;
        (flows) title="${provider:+$provider }flow" ;;
        (variants) title=variant ;;
        (names) title="${provider:+$provider }event" ;;
        (*) title=PROVIDER/EVENT ;;
    esac
    _describe -t $kind $title __tc_values
}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_s_function_is_renamed_and_ours_is_the_one_called() {
        let s = String::from_utf8(super::super::script(clap_complete::Shell::Zsh)).unwrap();
        assert_eq!(s.matches("\n_telhook_clap() {\n").count(), 1, "renamed");
        assert_eq!(s.matches("\n_telhook() {\n").count(), 1, "ours");
        let ours = s.find("\n_telhook() {\n").unwrap();
        let tail = s.rfind(CLAP_TAIL).unwrap();
        assert!(ours < tail, "defined before the dispatch calls it");
        assert!(s[tail..].contains("compdef _telhook telhook"));
    }
}
