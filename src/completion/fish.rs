//! fish: clap's `complete` lines, then functions that read the line and `complete` lines of
//! their own: PROVIDER and EVENT positionals (clap's fish script completes no positional), and
//! the value-completing flags, declared again with the same description and their values.

use super::{Kind, Model, Value};

pub(super) fn script(clap: &str, model: &Model) -> String {
    let mut s = clap.to_string();
    s.push_str(HEAD);
    s.push_str(&values(model));
    s.push_str(&commands(model));
    s.push_str(&MAIN.replace("@ROOT_VALUE_OPTS@", &model.root_value_options.join(" ")));
    s.push_str(&completes(model));
    s
}

const HEAD: &str = r#"
# What clap cannot know, written by `telhook completions fish` from telhook's catalog and its
# command line: providers, and after PROVIDER that provider's events; after --variant the
# variants of the event named, after --flow the provider's flows, after --event event names.
"#;

/// A fish word in single quotes.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"))
}

/// `printf` of values, one `name<TAB>description` a line.
fn printf(values: &[Value], indent: &str) -> String {
    if values.is_empty() {
        return format!("{indent}true\n");
    }
    let mut s = format!("{indent}printf '%s\\t%s\\n' \\\n");
    let last = values.len() - 1;
    for (i, v) in values.iter().enumerate() {
        let end = if i == last { "\n" } else { " \\\n" };
        s.push_str(&format!(
            "{indent}    {} {}{end}",
            v.name,
            quote(&v.description)
        ));
    }
    s
}

/// `__telhook_values KIND PROVIDER EVENT...`: the values of a kind, with descriptions.
fn values(model: &Model) -> String {
    let per_provider = |kind: Kind, all: Option<&[Value]>| {
        let mut s = format!(
            "        case {}\n            switch $provider\n",
            kind.word()
        );
        for p in &model.providers {
            let vs = match kind {
                Kind::Events => &p.events,
                Kind::Names => &p.names,
                _ => &p.flows,
            };
            s.push_str(&format!(
                "                case {}\n{}",
                p.name,
                printf(vs, "                    ")
            ));
        }
        if let Some(all) = all {
            s.push_str(&format!(
                "                case '*'\n{}",
                printf(all, "                    ")
            ));
        }
        s.push_str("            end\n");
        s
    };
    let mut s = String::from(
        "\n# The values of a kind, for a provider (and the events named), with their descriptions.\n\
         function __telhook_values --argument-names kind provider\n    switch $kind\n",
    );
    let providers: Vec<String> = model.providers.iter().map(|p| p.name.to_string()).collect();
    s.push_str(&format!(
        "        case {}\n            printf '%s\\n' {}\n",
        Kind::Providers.word(),
        providers.join(" ")
    ));
    s.push_str(&per_provider(Kind::Events, None));
    s.push_str(&per_provider(Kind::Names, Some(&model.all_names)));
    s.push_str(&per_provider(Kind::Flows, Some(&model.all_flows)));
    s.push_str(&format!(
        "        case {}\n{}",
        Kind::Qualified.word(),
        printf(&model.qualified, "            ")
    ));
    s.push_str(&format!(
        "        case {}\n            for event in $argv[3..-1]\n                switch $provider/$event\n",
        Kind::Variants.word()
    ));
    for p in &model.providers {
        for (event, vs) in &p.variants {
            s.push_str(&format!(
                "                    case {}/{event}\n{}",
                p.name,
                printf(vs, "                        ")
            ));
        }
    }
    s.push_str("                end\n            end\n    end\nend\n");
    s
}

/// `__telhook_command WORD`: the shape of a command that completes from the catalog, a line
/// each: options that take a value, options that pick the provider, the value-completing flags
/// (`spelling:kind`), what each positional completes to, what comes after the last one, the
/// positions (from 0) of PROVIDER and EVENT. Fails for any other word.
fn commands(model: &Model) -> String {
    let mut s = String::from(
        "\n# The commands that complete from the catalog, as the command line has them.\n\
         function __telhook_command --argument-names name\n    switch $name\n",
    );
    for c in &model.commands {
        let f = c.fields();
        let lines = [
            f.value_options,
            f.provider_options,
            f.flags,
            f.positions,
            f.beyond.to_string(),
            f.provider_at.map_or_else(|| "-".into(), |p| p.to_string()),
            f.event_at.to_string(),
        ];
        s.push_str(&format!("        case {}\n", c.names.join(" ")));
        for l in lines {
            s.push_str(&format!("            echo {}\n", quote(&l)));
        }
    }
    s.push_str("        case '*'\n            return 1\n    end\nend\n");
    s
}

const MAIN: &str = r#"
# The line before the cursor, read as the command line reads it. Prints the command, the
# provider, what the current word completes to (a kind, `nothing`, `clap`, or `pending` when it
# is the value of an option), then the events named. Fails for a command without catalog values.
function __telhook_parse
    set -l tokens (commandline -opc)
    set -e tokens[1]
    # Until the command: the options of the top level that take a value.
    set -l value_opts (string split -n ' ' -- '@ROOT_VALUE_OPTS@')
    set -l provider_opts
    set -l positions
    set -l beyond
    set -l provider_at -
    set -l event_at 0
    set -l cmd
    set -l provider
    set -l pending
    set -l end 0
    set -l positionals
    for w in $tokens
        if test -n "$pending"
            contains -- $pending $provider_opts; and set provider $w
            set pending
            continue
        end
        if test $end = 0; and string match -q -- '-?*' $w
            if test $w = --
                test -n "$cmd"; and set end 1
            else if string match -q -- '--*=*' $w
                set -l parts (string split -m 1 = -- $w)
                contains -- $parts[1] $provider_opts; and set provider $parts[2]
            else if contains -- $w $value_opts
                set pending $w
            else if not string match -q -- '--*' $w; and contains -- (string sub -l 2 -- $w) $value_opts
                # A short option with its value attached (-pbandwidth).
                contains -- (string sub -l 2 -- $w) $provider_opts
                and set provider (string sub -s 3 -- $w)
            end
            continue
        end
        if test -z "$cmd"
            set -l shape (__telhook_command $w)
            or return 1
            set cmd $w
            set value_opts (string split -n ' ' -- $shape[1])
            set provider_opts (string split -n ' ' -- $shape[2])
            set positions (string split -n ' ' -- $shape[4])
            set beyond $shape[5]
            set provider_at $shape[6]
            set event_at $shape[7]
            continue
        end
        set -a positionals $w
    end
    test -n "$cmd"
    or return 1
    if test $provider_at != -; and test $provider_at -lt (count $positionals)
        set provider $positionals[(math $provider_at + 1)]
    end
    set -l kind $beyond
    if test -n "$pending"
        set kind pending
    else if test (count $positionals) -lt (count $positions)
        set kind $positions[(math (count $positionals) + 1)]
    end
    if test $end = 0; and string match -q -- '-*' (commandline -ct)
        set kind clap
    end
    echo $cmd
    echo $provider
    echo $kind
    printf '%s\n' $positionals[(math $event_at + 1)..-1]
end

# Whether the command is one of the arguments.
function __telhook_in
    set -l state (__telhook_parse)
    and contains -- $state[1] $argv
end

# Whether the current word is a positional these functions complete.
function __telhook_positional
    set -l state (__telhook_parse)
    and contains -- $state[3] providers events nothing
end

# The values for the current word: a positional's (`positional`), or a flag's kind.
function __telhook_complete --argument-names kind
    set -l state (__telhook_parse)
    or return
    test $kind = positional
    and set kind $state[3]
    __telhook_values $kind $state[2] $state[4..-1]
end

complete -c telhook -n __telhook_positional -f -a '(__telhook_complete positional)'
"#;

/// The value-completing flags, declared again for their commands with clap's description, no
/// file names, and their values.
fn completes(model: &Model) -> String {
    let mut s = String::new();
    for c in &model.commands {
        for f in &c.flags {
            let mut names = String::new();
            for short in &f.visible_shorts {
                names.push_str(&format!(" -s {short}"));
            }
            for long in &f.visible_longs {
                names.push_str(&format!(" -l {long}"));
            }
            s.push_str(&format!(
                "complete -c telhook -n '__telhook_in {}'{names} -d {} -x -a '(__telhook_complete {})'\n",
                c.names.join(" "),
                quote(&f.help),
                f.kind.word()
            ));
        }
    }
    s
}
