//! Shell completion scripts. clap_complete writes the script for the command line (subcommands,
//! options, the values clap knows); for bash, zsh and fish a block is added that completes what
//! only the catalog knows: after PROVIDER that provider's events, after `--variant` the variants
//! of the event named, after `--flow` the provider's flows, after `--event` event names.
//!
//! The block is static data written at generation time, so completing is offline and costs no
//! process per Tab. Both its parts are derived, never typed in: the values from the catalog, and
//! the shape of each command (which options take a value, where PROVIDER and EVENT stand, which
//! option picks the provider) from clap's `Command`, so a renamed flag or a new event reaches the
//! scripts when they are regenerated. The only names written here are the long names of the
//! three value-completing flags (`FLOW`, `VARIANT`, `EVENT`).

mod bash;
mod fish;
mod zsh;

use clap::{Arg, Command, CommandFactory};
use clap_complete::Shell;

use crate::catalog::{self, Provider};
use crate::cli::Cli;

/// The long names of the flags whose values come from the catalog.
const FLOW: &str = "flow";
const VARIANT: &str = "variant";
const EVENT: &str = "event";

/// The completion script for a shell, as bytes.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "telhook", &mut out);
    let clap = String::from_utf8_lossy(&out).into_owned();
    let model = Model::of(&cmd);
    match shell {
        Shell::Bash => bash::script(&clap, &model),
        Shell::Zsh => zsh::script(&clap, &model),
        Shell::Fish => fish::script(&clap, &model),
        _ => clap,
    }
    .into_bytes()
}

/// A value a shell offers, with the description zsh and fish show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Value {
    pub name: String,
    pub description: String,
}

impl Value {
    fn new(name: &str, description: &str) -> Value {
        Value {
            name: name.to_string(),
            // One line: the scripts keep a value and its description on one line.
            description: description.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

/// What a position or a flag completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The provider names.
    Providers,
    /// The names a user may type for the provider's events (catalog names and aliases).
    Events,
    /// The flows of the provider (`send --flow`).
    Flows,
    /// The variants of the events named on the line (`--variant`).
    Variants,
    /// The catalog names of the provider's events, or of both (`replay --event GLOB`).
    Names,
    /// `PROVIDER/EVENT` for every event (`validate --event`).
    Qualified,
}

impl Kind {
    /// The word the scripts use for it.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Providers => "providers",
            Kind::Events => "events",
            Kind::Flows => "flows",
            Kind::Variants => "variants",
            Kind::Names => "names",
            Kind::Qualified => "qualified",
        }
    }
}

/// One provider's values.
#[derive(Debug)]
pub(crate) struct ProviderValues {
    pub name: &'static str,
    pub events: Vec<Value>,
    pub names: Vec<Value>,
    pub flows: Vec<Value>,
    /// The variants of each name in `events` (an alias has its event's).
    pub variants: Vec<(String, Vec<Value>)>,
}

/// A subcommand with something to complete from the catalog, as clap's `Command` has it.
#[derive(Debug)]
pub(crate) struct CommandShape {
    /// Its name and aliases.
    pub names: Vec<String>,
    /// Every spelling of every option that takes a value (its next word is not a positional).
    pub value_options: Vec<String>,
    /// The index (from 0) of the PROVIDER and EVENT positionals.
    pub provider_position: Option<usize>,
    pub event_position: Option<usize>,
    /// How many positionals it has, and whether the last one repeats.
    pub positionals: usize,
    pub last_repeats: bool,
    /// Spellings of options that choose the provider (`--provider`, `-p`).
    pub provider_options: Vec<String>,
    /// The value-completing flags: what they complete to, every spelling (to recognise on the
    /// line), and the visible long ones and short (to declare to fish).
    pub flags: Vec<Flag>,
}

#[derive(Debug)]
pub(crate) struct Flag {
    pub kind: Kind,
    pub spellings: Vec<String>,
    pub visible_longs: Vec<String>,
    pub visible_shorts: Vec<char>,
    /// The option's help, as clap's fish script describes it.
    pub help: String,
}

/// A command's shape as the scripts spell it, one word list each (see [`CommandShape::fields`]).
pub(crate) struct Fields {
    pub value_options: String,
    pub provider_options: String,
    /// `spelling:kind` for every spelling of the value-completing flags.
    pub flags: String,
    /// What each positional completes to.
    pub positions: String,
    /// What comes after the last positional.
    pub beyond: &'static str,
    pub provider_at: Option<usize>,
    pub event_at: usize,
}

/// The `case` arms of the sh-like scripts' `__telhook_command` (bash, zsh): one per command,
/// setting its shape in the caller's `__tc_*` variables, with the shell's `pattern` syntax
/// (`x)` or `(x)`) and quote character; then the arm that fails for any other word.
pub(crate) fn sh_command_arms(model: &Model, pattern: impl Fn(&str) -> String, q: char) -> String {
    let mut s = String::new();
    for c in &model.commands {
        let f = c.fields();
        s.push_str(&format!(
            "        {}\n            __tc_value_opts={q} {} {q}\n            \
             __tc_provider_opts={q} {} {q}\n            __tc_flags={q} {} {q}\n            \
             __tc_positions={q}{}{q}\n            __tc_beyond={}\n            \
             __tc_provider_at={}\n            __tc_event_at={}\n            ;;\n",
            pattern(&c.names.join("|")),
            f.value_options,
            f.provider_options,
            f.flags,
            f.positions,
            f.beyond,
            f.provider_at.map(|p| p.to_string()).unwrap_or_default(),
            f.event_at,
        ));
    }
    s.push_str(&format!(
        "        {}\n            return 1\n            ;;\n",
        pattern("*")
    ));
    s
}

impl CommandShape {
    /// The shape in the words every script uses.
    pub fn fields(&self) -> Fields {
        let positions: Vec<&str> = (0..self.positionals)
            .map(|i| self.position(i).word())
            .collect();
        let flags: Vec<String> = self
            .flags
            .iter()
            .flat_map(|f| f.spellings.iter().map(|s| format!("{s}:{}", f.kind.word())))
            .collect();
        Fields {
            value_options: self.value_options.join(" "),
            provider_options: self.provider_options.join(" "),
            flags: flags.join(" "),
            positions: positions.join(" "),
            beyond: self.position(self.positionals).word(),
            provider_at: self.provider_position,
            event_at: self.event_position.unwrap_or(self.positionals),
        }
    }

    /// What the positional at `index` completes to: the catalog's values, nothing (past the
    /// last positional), or what clap's script completes.
    pub fn position(&self, index: usize) -> Position {
        if self.provider_position == Some(index) {
            return Position::Values(Kind::Providers);
        }
        if let Some(e) = self.event_position
            && (index == e || (index > e && self.last_repeats && e + 1 == self.positionals))
        {
            return Position::Values(Kind::Events);
        }
        if index >= self.positionals && !self.last_repeats {
            return Position::Nothing;
        }
        Position::Clap
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Values(Kind),
    Nothing,
    Clap,
}

impl Position {
    /// The word the scripts use for it.
    pub fn word(self) -> &'static str {
        match self {
            Position::Values(kind) => kind.word(),
            Position::Nothing => "nothing",
            Position::Clap => "clap",
        }
    }
}

/// Everything the scripts' added blocks need.
#[derive(Debug)]
pub(crate) struct Model {
    /// Spellings of the top level's options that take a value (before the subcommand).
    pub root_value_options: Vec<String>,
    pub commands: Vec<CommandShape>,
    pub providers: Vec<ProviderValues>,
    /// The catalog names of both providers, each once (`replay --event` without `--provider`).
    pub all_names: Vec<Value>,
    /// Both providers' flows, each name once (`send --flow` before PROVIDER).
    pub all_flows: Vec<Value>,
    pub qualified: Vec<Value>,
}

impl Model {
    pub fn of(cmd: &Command) -> Model {
        let mut cmd = cmd.clone();
        // Propagates the global options into each subcommand.
        cmd.build();
        let commands = cmd.get_subcommands().filter_map(CommandShape::of).collect();
        let providers: Vec<ProviderValues> = Provider::ALL.iter().map(|p| values(*p)).collect();
        let mut all_names: Vec<Value> = Vec::new();
        let mut all_flows: Vec<Value> = Vec::new();
        for p in &providers {
            for n in &p.names {
                if !all_names.iter().any(|v| v.name == n.name) {
                    all_names.push(n.clone());
                }
            }
            for f in &p.flows {
                let description = format!("{}: {}", p.name, f.description);
                match all_flows.iter_mut().find(|v| v.name == f.name) {
                    Some(v) => v.description = format!("{}; {description}", v.description),
                    None => all_flows.push(Value::new(&f.name, &description)),
                }
            }
        }
        let qualified = providers
            .iter()
            .flat_map(|p| {
                p.events
                    .iter()
                    .map(|e| Value::new(&format!("{}/{}", p.name, e.name), &e.description))
            })
            .collect();
        Model {
            root_value_options: value_options(&cmd),
            commands,
            providers,
            all_names,
            all_flows,
            qualified,
        }
    }
}

fn values(provider: Provider) -> ProviderValues {
    let events = provider.events();
    let mut typed: Vec<Value> = events
        .iter()
        .map(|e| Value::new(e.name, e.description))
        .collect();
    let mut variants: Vec<(String, Vec<Value>)> = events
        .iter()
        .map(|e| {
            let vs = e
                .variants
                .iter()
                .map(|v| Value::new(v.name, v.description))
                .collect();
            (e.name.to_string(), vs)
        })
        .collect();
    for alias in catalog::aliases(provider) {
        let Some(event) = events.iter().find(|e| e.name == alias.event) else {
            continue;
        };
        let also = match alias.variant {
            Some(v) => format!("{} ({v})", event.name),
            None => event.name.to_string(),
        };
        typed.push(Value::new(
            alias.alias,
            &format!("the earlier name of {also}"),
        ));
        let vs = event
            .variants
            .iter()
            .map(|v| Value::new(v.name, v.description))
            .collect();
        variants.push((alias.alias.to_string(), vs));
    }
    ProviderValues {
        name: provider.name(),
        events: typed,
        names: events
            .iter()
            .map(|e| Value::new(e.name, e.description))
            .collect(),
        flows: catalog::flows(provider)
            .iter()
            .map(|f| Value::new(f.name, f.description))
            .collect(),
        variants,
    }
}

/// Whether an argument's values are exactly the provider names.
fn is_provider(arg: &Arg) -> bool {
    let mut values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    let mut names: Vec<String> = Provider::ALL.iter().map(|p| p.name().to_string()).collect();
    values.sort();
    names.sort();
    !values.is_empty() && values == names
}

/// Whether an argument's values are the event names (every name of both catalogs).
fn is_event(arg: &Arg) -> bool {
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    !values.is_empty()
        && Provider::ALL
            .iter()
            .flat_map(|p| catalog::typed_names(*p))
            .all(|n| values.iter().any(|v| v == n))
}

/// Every spelling of an option: its long name and aliases, its short name and aliases.
fn spellings(arg: &Arg) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(long) = arg.get_long() {
        out.push(format!("--{long}"));
    }
    for alias in arg.get_all_aliases().unwrap_or_default() {
        out.push(format!("--{alias}"));
    }
    if let Some(short) = arg.get_short() {
        out.push(format!("-{short}"));
    }
    for alias in arg.get_all_short_aliases().unwrap_or_default() {
        out.push(format!("-{alias}"));
    }
    out
}

fn takes_value(arg: &Arg) -> bool {
    !arg.is_positional() && arg.get_action().takes_values()
}

fn value_options(cmd: &Command) -> Vec<String> {
    cmd.get_arguments()
        .filter(|a| takes_value(a))
        .flat_map(spellings)
        .collect()
}

impl CommandShape {
    fn of(cmd: &Command) -> Option<CommandShape> {
        let positionals: Vec<&Arg> = cmd.get_positionals().collect();
        let provider_position = positionals.iter().position(|a| is_provider(a));
        let event_position = positionals.iter().position(|a| is_event(a));
        let flags: Vec<Flag> = cmd
            .get_arguments()
            .filter(|a| takes_value(a))
            .filter_map(|a| {
                let kind = match a.get_long()? {
                    FLOW => Kind::Flows,
                    VARIANT => Kind::Variants,
                    // `validate --event PROVIDER/EVENT` against `replay --event GLOB`.
                    EVENT
                        if a.get_value_names()
                            .is_some_and(|n| n.iter().any(|n| n.contains('/'))) =>
                    {
                        Kind::Qualified
                    }
                    EVENT => Kind::Names,
                    _ => return None,
                };
                Some(Flag {
                    kind,
                    spellings: spellings(a),
                    visible_longs: a
                        .get_long_and_visible_aliases()
                        .unwrap_or_default()
                        .into_iter()
                        .map(str::to_string)
                        .collect(),
                    visible_shorts: a.get_short_and_visible_aliases().unwrap_or_default(),
                    help: a
                        .get_help()
                        .map(|h| h.to_string().replace('\n', " "))
                        .unwrap_or_default(),
                })
            })
            .collect();
        if provider_position.is_none() && event_position.is_none() && flags.is_empty() {
            return None;
        }
        let last_repeats = positionals.last().is_some_and(|a| {
            a.get_num_args().is_some_and(|n| n.max_values() > 1)
                || matches!(a.get_action(), clap::ArgAction::Append)
        });
        Some(CommandShape {
            names: std::iter::once(cmd.get_name())
                .chain(cmd.get_all_aliases())
                .map(str::to_string)
                .collect(),
            value_options: value_options(cmd),
            provider_position,
            event_position,
            positionals: positionals.len(),
            last_repeats,
            provider_options: cmd
                .get_arguments()
                .filter(|a| takes_value(a) && is_provider(a))
                .flat_map(spellings)
                .collect(),
            flags,
        })
    }
}

/// Words of `items` joined by spaces, wrapped at about 100 columns, each further line indented
/// by `indent`.
pub(crate) fn wrap(items: &[String], indent: &str) -> String {
    let mut out = String::new();
    let mut width = indent.len();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            if width + 1 + item.len() > 100 {
                out.push('\n');
                out.push_str(indent);
                width = indent.len();
            } else {
                out.push(' ');
                width += 1;
            }
        }
        out.push_str(item);
        width += item.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    impl CommandShape {
        /// The spellings of the flags of a kind.
        fn spellings(&self, kind: Kind) -> Vec<String> {
            self.flags
                .iter()
                .filter(|f| f.kind == kind)
                .flat_map(|f| f.spellings.iter().cloned())
                .collect()
        }
    }

    /// Whether a word can go into a script unquoted (every catalog name, flag and command can; a
    /// unit test checks it).
    fn is_plain(word: &str) -> bool {
        !word.is_empty()
            && word
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"._-/".contains(&b))
    }

    fn model() -> Model {
        Model::of(&Cli::command())
    }

    fn shape<'a>(model: &'a Model, name: &str) -> &'a CommandShape {
        model
            .commands
            .iter()
            .find(|c| c.names[0] == name)
            .unwrap_or_else(|| panic!("no shape for {name}"))
    }

    #[test]
    fn every_word_in_the_scripts_is_plain() {
        let m = model();
        let mut words: Vec<&str> = m.root_value_options.iter().map(String::as_str).collect();
        for c in &m.commands {
            words.extend(c.names.iter().map(String::as_str));
            words.extend(c.value_options.iter().map(String::as_str));
            words.extend(c.provider_options.iter().map(String::as_str));
            for f in &c.flags {
                words.extend(f.spellings.iter().map(String::as_str));
            }
        }
        for p in &m.providers {
            words.push(p.name);
            words.extend(p.events.iter().map(|v| v.name.as_str()));
            words.extend(p.flows.iter().map(|v| v.name.as_str()));
            for (_, vs) in &p.variants {
                words.extend(vs.iter().map(|v| v.name.as_str()));
            }
        }
        words.extend(m.qualified.iter().map(|v| v.name.as_str()));
        for w in words {
            assert!(is_plain(w), "`{w}` would need quoting in a script");
        }
    }

    #[test]
    fn the_shapes_come_from_the_command_line() {
        let m = model();
        let send = shape(&m, "send");
        assert_eq!(send.provider_position, Some(0));
        assert_eq!(send.event_position, Some(1));
        assert!(send.last_repeats);
        assert!(send.value_options.contains(&"--to".to_string()));
        assert!(send.value_options.contains(&"-H".to_string()));
        assert!(
            send.value_options.contains(&"--color".to_string()),
            "globals"
        );
        assert!(!send.value_options.contains(&"--all".to_string()));
        assert_eq!(send.spellings(Kind::Flows), ["--flow"]);
        assert_eq!(send.spellings(Kind::Variants), ["--variant"]);
        let example = shape(&m, "example");
        assert!(!example.last_repeats);
        assert_eq!(example.position(2), Position::Nothing);
        assert_eq!(example.position(1), Position::Values(Kind::Events));
        assert_eq!(shape(&m, "replay").spellings(Kind::Names), ["--event"]);
        assert_eq!(shape(&m, "replay").provider_options, ["--provider", "-p"]);
        assert_eq!(
            shape(&m, "validate").spellings(Kind::Qualified),
            ["--event"]
        );
        assert_eq!(shape(&m, "validate").position(0), Position::Clap);
        assert!(m.commands.iter().all(|c| c.names[0] != "listen"));
        assert_eq!(m.root_value_options, ["--color"]);
    }

    #[test]
    fn renamed_and_aliased_flags_are_followed() {
        // A command line as another engineer might reshape it: `--to` renamed `--url` with a
        // hidden alias, the flow flag given a short name and an alias.
        let cmd = Command::new("telhook").subcommand(
            Command::new("send")
                .arg(
                    Arg::new("url")
                        .long("url")
                        .alias("to")
                        .action(clap::ArgAction::Set),
                )
                .arg(
                    Arg::new("flow")
                        .long("flow")
                        .short('f')
                        .visible_alias("scenario")
                        .action(clap::ArgAction::Set),
                )
                .arg(
                    Arg::new("provider")
                        .value_parser(clap::value_parser!(Provider))
                        .required(true),
                )
                .arg(
                    Arg::new("events")
                        .value_parser(catalog::event_name_parser())
                        .num_args(0..),
                ),
        );
        let m = Model::of(&cmd);
        let send = shape(&m, "send");
        assert_eq!(send.provider_position, Some(0));
        assert_eq!(send.event_position, Some(1));
        for o in ["--url", "--to", "--flow", "--scenario", "-f"] {
            assert!(send.value_options.contains(&o.to_string()), "{o}");
        }
        assert_eq!(send.spellings(Kind::Flows), ["--flow", "--scenario", "-f"]);
        assert_eq!(send.flags[0].visible_longs, ["flow", "scenario"]);
    }

    #[test]
    fn values_come_from_the_catalog() {
        let m = model();
        let telnyx = &m.providers[0];
        assert!(telnyx.events.iter().any(|v| v.name == "message.received"));
        assert!(!telnyx.events.iter().any(|v| v.name == "message-delivered"));
        let bandwidth = &m.providers[1];
        assert!(
            bandwidth.events.iter().any(|v| v.name == "message-queued"),
            "aliases"
        );
        assert!(!bandwidth.names.iter().any(|v| v.name == "message-queued"));
        let (_, variants) = bandwidth
            .variants
            .iter()
            .find(|(e, _)| e == "message-queued")
            .unwrap();
        assert!(!variants.is_empty());
        assert_eq!(
            telnyx
                .flows
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>(),
            catalog::flows(Provider::Telnyx)
                .iter()
                .map(|f| f.name)
                .collect::<Vec<_>>()
        );
        assert!(
            m.qualified
                .iter()
                .any(|v| v.name == "bandwidth/message-delivered")
        );
        assert!(m.all_flows.iter().filter(|f| f.name == "call").count() == 1);
    }
}
