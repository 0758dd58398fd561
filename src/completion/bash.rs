//! bash: clap's `_telhook`, then `_telhook_catalog`, which completes the catalog's values and
//! hands every other word to `_telhook`, and is what `complete` registers.

use super::{Kind, Model, Value, wrap};

pub(super) fn script(clap: &str, model: &Model) -> String {
    let mut s = clap.to_string();
    s.push_str(HEAD);
    s.push_str(&values(model));
    s.push_str(&commands(model));
    s.push_str(&MAIN.replace("@ROOT_VALUE_OPTS@", &model.root_value_options.join(" ")));
    s
}

const HEAD: &str = r#"
# What clap cannot know, written by `telhook completions bash` from telhook's catalog and its
# command line: after PROVIDER that provider's events, after --variant the variants of the event
# named, after --flow the provider's flows, after --event event names. Any other word goes to
# clap's _telhook above.
"#;

fn names(values: &[Value]) -> Vec<String> {
    values.iter().map(|v| v.name.clone()).collect()
}

/// `__telhook_values KIND PROVIDER EVENT...`: the words of a kind, in `__tc_words`.
fn values(model: &Model) -> String {
    const IND: &str = "                    ";
    let per_provider = |kind: Kind, all: Option<&[Value]>| {
        let mut s = format!("        {})\n            case \"$2\" in\n", kind.word());
        for p in &model.providers {
            let vs = match kind {
                Kind::Events => &p.events,
                Kind::Names => &p.names,
                _ => &p.flows,
            };
            s.push_str(&format!(
                "                {})\n                    __tc_words=\"{}\"\n                    ;;\n",
                p.name,
                wrap(&names(vs), IND)
            ));
        }
        if let Some(all) = all {
            s.push_str(&format!(
                "                *)\n                    __tc_words=\"{}\"\n                    ;;\n",
                wrap(&names(all), IND)
            ));
        }
        s.push_str("            esac\n            ;;\n");
        s
    };
    let mut s = String::from(
        "\n# The values of a kind, for a provider (and the events named): the words in __tc_words.\n\
         __telhook_values() {\n    __tc_words=\"\"\n    case \"$1\" in\n",
    );
    let providers: Vec<String> = model.providers.iter().map(|p| p.name.to_string()).collect();
    s.push_str(&format!(
        "        {})\n            __tc_words=\"{}\"\n            ;;\n",
        Kind::Providers.word(),
        providers.join(" ")
    ));
    s.push_str(&per_provider(Kind::Events, None));
    s.push_str(&per_provider(Kind::Names, Some(&model.all_names)));
    s.push_str(&per_provider(Kind::Flows, Some(&model.all_flows)));
    s.push_str(&format!(
        "        {})\n            __tc_words=\"{}\"\n            ;;\n",
        Kind::Qualified.word(),
        wrap(&names(&model.qualified), "                ")
    ));
    s.push_str(&format!(
        "        {})\n            local provider=\"$2\" event\n            shift 2\n            \
         for event in \"$@\"; do\n                case \"$provider/$event\" in\n",
        Kind::Variants.word()
    ));
    for p in &model.providers {
        for (event, vs) in &p.variants {
            s.push_str(&format!(
                "                    {}/{event}) __tc_words+=\" {}\" ;;\n",
                p.name,
                names(vs).join(" ")
            ));
        }
    }
    s.push_str("                esac\n            done\n            ;;\n    esac\n}\n");
    s
}

/// `__telhook_command WORD`: the shape of a command that completes from the catalog, in the
/// caller's `__tc_*` variables; fails for any other word.
fn commands(model: &Model) -> String {
    let mut s = String::from(
        "\n# The commands that complete from the catalog, as the command line has them: options \
         that\n# take a value, which option picks the provider, where PROVIDER and EVENT stand, \
         what each\n# positional and the value-completing flags complete to.\n\
         __telhook_command() {\n    case \"$1\" in\n",
    );
    s.push_str(&super::sh_command_arms(
        model,
        |p: &str| format!("{p})"),
        '"',
    ));
    s.push_str("    esac\n}\n");
    s
}

const MAIN: &str = r#"
_telhook_catalog() {
    local w i j=-1 before rest="${COMP_LINE:0:COMP_POINT}" raw="${COMP_WORDS[COMP_CWORD]}"
    local -a words=()
    # bash splits words at the characters of COMP_WORDBREAKS too (--to http://h:1/x is five
    # words, --flow=x three): glue back what no blank separates, to see the words as telhook will.
    for (( i = 0; i <= COMP_CWORD; i++ )); do
        w="${COMP_WORDS[i]}"
        if [[ -z $w ]]; then
            before="$rest"
        else
            before="${rest%%"$w"*}"
            rest="${rest#*"$w"}"
        fi
        if (( j >= 1 )) && [[ -z $before ]]; then
            words[j]+="$w"
        else
            words[++j]="$w"
        fi
    done
    local cur="${words[j]}" pending="" cmd="" end=0 kind="" provider=""
    # Until the command: the options of the top level that take a value.
    local __tc_value_opts=" @ROOT_VALUE_OPTS@ " __tc_provider_opts=" " __tc_flags=" "
    local __tc_positions="" __tc_beyond="" __tc_provider_at="" __tc_event_at=0 __tc_words=""
    local -a positionals=()
    for (( i = 1; i < j; i++ )); do
        w="${words[i]}"
        if [[ -n $pending ]]; then
            [[ $__tc_provider_opts == *" $pending "* ]] && provider="$w"
            pending=""
            continue
        fi
        if (( !end )) && [[ $w == -?* ]]; then
            if [[ $w == -- ]]; then
                [[ -n $cmd ]] && end=1
            elif [[ $w == --*=* ]]; then
                [[ $__tc_provider_opts == *" ${w%%=*} "* ]] && provider="${w#*=}"
            elif [[ $__tc_value_opts == *" $w "* ]]; then
                pending="$w"
            elif [[ $w != --* && $__tc_value_opts == *" ${w:0:2} "* ]]; then
                # A short option with its value attached (-pbandwidth).
                [[ $__tc_provider_opts == *" ${w:0:2} "* ]] && provider="${w:2}"
            fi
            continue
        fi
        if [[ -z $cmd ]]; then
            if ! __telhook_command "$w"; then
                _telhook "$@"
                return
            fi
            cmd="$w"
            continue
        fi
        positionals+=("$w")
    done
    if [[ -z $cmd ]]; then
        _telhook "$@"
        return
    fi
    if [[ -n $__tc_provider_at ]] && (( __tc_provider_at < ${#positionals[@]} )); then
        provider="${positionals[__tc_provider_at]}"
    fi
    if (( !end )) && [[ -z $pending && $cur == --*=* ]]; then
        pending="${cur%%=*}"
    fi
    if [[ -n $pending ]]; then
        if [[ $__tc_flags != *" $pending:"* ]]; then
            _telhook "$@"
            return
        fi
        kind="${__tc_flags#* $pending:}"
        kind="${kind%% *}"
    elif (( !end )) && [[ $cur == -* ]]; then
        _telhook "$@"
        return
    else
        local -a positions=($__tc_positions)
        if (( ${#positionals[@]} < ${#positions[@]} )); then
            kind="${positions[${#positionals[@]}]}"
        else
            kind="$__tc_beyond"
        fi
        if [[ $kind == clap ]]; then
            _telhook "$@"
            return
        fi
    fi
    __telhook_values "$kind" "$provider" "${positionals[@]:__tc_event_at}"
    # readline completes the text after the last word break (after the '=' of --flow=).
    [[ -n $COMP_WORDBREAKS && -z ${raw//[$COMP_WORDBREAKS]/} ]] && raw=""
    COMPREPLY=($(compgen -W "$__tc_words" -- "$raw"))
    # These values are never file names.
    compopt +o default +o bashdefault 2>/dev/null
    return 0
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _telhook_catalog -o nosort -o bashdefault -o default telhook
else
    complete -F _telhook_catalog -o bashdefault -o default telhook
fi
"#;
