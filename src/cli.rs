//! The command line: global flags and the subcommands. Each command module owns its `Args`.

use clap::{Args, Parser, Subcommand};

use crate::commands::{
    completions, config, demo, emulate, events, example, keygen, listen, man, replay, schema, send,
    sign, text, validate, verify,
};
use crate::ui::ColorChoice;

/// Play Telnyx and Bandwidth for your webhook endpoints: realistic events, real signatures,
/// faithful delivery, and a receiver that verifies and captures.
#[derive(Debug, Parser)]
#[command(name = "telhook", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The rules clap's attributes cannot say: `--json` only where it changes the output.
    pub fn checked(self) -> Result<Cli, clap::Error> {
        if self.global.verbose > 1 {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            return Err(cmd.error(
                clap::error::ErrorKind::ArgumentConflict,
                "-v already shows every request and answer in full; there is no more to show with -vv",
            ));
        }
        if self.global.json
            && let Some(why) = self.command.without_json()
        {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.build();
            let name = self.command.name();
            let mut cmd = cmd.find_subcommand(name).cloned().unwrap_or(cmd);
            return Err(cmd.error(
                clap::error::ErrorKind::ArgumentConflict,
                format!("--json does not apply to `{}`: {why}", self.command.name()),
            ));
        }
        Ok(self)
    }
}

/// Flags renamed for one meaning each, whose old spelling is a hidden alias for one release
/// (CHANGELOG.md): command, old, new.
pub const RENAMED: &[(&str, &str, &str)] = &[
    ("listen", "--strict", "--reject-unknown"),
    ("listen", "--timeout", "--exit-after"),
    ("replay", "--strict", "--stop-on-malformed"),
    ("validate", "--strict", "--report-unlisted"),
];

impl Command {
    /// A warning for each old spelling among `args` (the command line), naming the new one.
    pub fn old_spellings(&self, args: &[String]) -> Vec<String> {
        RENAMED
            .iter()
            .filter(|(command, _, _)| *command == self.name())
            .filter(|(_, old, _)| {
                args.iter()
                    .any(|a| a == old || a.strip_prefix(old).is_some_and(|r| r.starts_with('=')))
            })
            .map(|(_, old, new)| {
                format!("{old} is now {new}; the old spelling goes in the next release")
            })
            .collect()
    }

    /// The subcommand's name, as typed.
    pub fn name(&self) -> &'static str {
        match self {
            Command::Demo(_) => "demo",
            Command::Events(_) => "events",
            Command::Example(_) => "example",
            Command::Keygen(_) => "keygen",
            Command::Sign(_) => "sign",
            Command::Verify(_) => "verify",
            Command::Send(_) => "send",
            Command::Listen(_) => "listen",
            Command::Replay(_) => "replay",
            Command::Validate(_) => "validate",
            Command::Schema(_) => "schema",
            Command::Config(_) => "config",
            Command::Emulate(_) => "emulate",
            Command::Text(_) => "text",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }

    /// Why `--json` would change nothing, for the commands whose output has one form.
    fn without_json(&self) -> Option<&'static str> {
        match self {
            Command::Example(_) => Some("it prints the payload itself (use --pretty to indent it)"),
            Command::Schema(_) => Some("it prints the JSON Schema itself"),
            Command::Completions(_) => Some("it prints a shell script"),
            Command::Man(_) => Some("it prints a roff manual page"),
            _ => None,
        }
    }
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// When to colour output: auto (a terminal, and NO_COLOR unset), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print JSON Lines on stdout instead of text (one object per line, each with a "type").
    #[arg(long, global = true)]
    pub json: bool,
    /// Show each request and answer in full: headers and body (credentials redacted).
    #[arg(short = 'v', long, action = clap::ArgAction::Count, global = true, conflicts_with = "quiet")]
    pub verbose: u8,
    /// Print only data and errors: no notes, progress or summaries, and of send's and replay's
    /// attempts only those that failed.
    #[arg(short = 'q', long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole tool once, nothing to configure: a local listener receives every event of
    /// both providers, signed and authenticated, plus the failures to recognise.
    Demo(demo::Args),
    /// List every event telhook knows, for both providers.
    Events(events::Args),
    /// Print a realistic payload for an event, exactly as the provider would send it.
    Example(example::Args),
    /// Make an Ed25519 key pair for signing Telnyx webhooks.
    Keygen(keygen::Args),
    /// Sign a body the way Telnyx does and print the two signature headers.
    Sign(sign::Args),
    /// Check a Telnyx signature offline and say exactly why it fails.
    Verify(verify::Args),
    /// Deliver events to a URL exactly as Telnyx or Bandwidth would: signed, retried, judged.
    Send(send::Args),
    /// Receive webhooks locally: verify, print and capture every request.
    Listen(listen::Args),
    /// Run a local Telnyx and Bandwidth messaging API: point your app's API base URL at it, and
    /// the webhooks about each message it sends arrive at your app, signed or authenticated.
    Emulate(emulate::Args),
    /// Make a person text one of your app's numbers, through a running `telhook emulate`.
    Text(text::Args),
    /// Re-deliver captured or stored webhooks to a URL, with a verdict (and reports) CI can trust.
    Replay(replay::Args),
    /// Check payloads against the documented schema of their event.
    Validate(validate::Args),
    /// Print the JSON Schema of an event.
    Schema(schema::Args),
    /// Show the settings send, listen and the rest use when not given flags, and where each
    /// comes from (flag > environment > ./telnyx.* (keys) > project file > user file >
    /// built-in).
    Config(config::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
    /// Print the manual page (roff; e.g. `telhook man > telhook.1`, `man ./telhook.1`).
    Man(man::Args),
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;
    use clap::error::ErrorKind;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("telhook").chain(args.iter().copied()))
    }

    /// The defaults `--help` shows with their units are the ones the engines use.
    #[test]
    fn defaults_written_with_units_are_the_engines_own() {
        let Ok(Cli {
            command: Command::Listen(listen),
            ..
        }) = parse(&["listen"])
        else {
            panic!("listen parses");
        };
        assert_eq!(listen.tolerance, crate::telnyx::TOLERANCE_SECS);
        assert_eq!(
            listen.read_timeout,
            crate::receiver::Limits::DEFAULT.read_timeout
        );
        assert_eq!(
            listen.idle_timeout,
            crate::receiver::Limits::DEFAULT.idle_timeout
        );
        assert_eq!(listen.delay, std::time::Duration::ZERO);
        let Ok(Cli {
            command: Command::Verify(verify),
            ..
        }) = parse(&["verify", "--capture", "c.jsonl"])
        else {
            panic!("verify parses");
        };
        assert_eq!(verify.tolerance, crate::telnyx::TOLERANCE_SECS);
    }

    #[test]
    fn parses_the_documented_forms() {
        assert!(parse(&["events"]).is_ok());
        assert!(parse(&["events", "--provider", "bandwidth", "--json"]).is_ok());
        assert!(parse(&["example", "telnyx", "message.received", "--seed", "1"]).is_ok());
        assert!(
            parse(&[
                "example",
                "telnyx",
                "message.finalized",
                "--variant",
                "delivery_failed",
                "--set",
                "data.payload.text=\"hi\"",
                "--at",
                "2026-01-01T00:00:00Z"
            ])
            .is_ok()
        );
        assert!(parse(&["keygen", "--out-dir", "keys"]).is_ok());
        assert!(
            parse(&[
                "sign",
                "--private-key",
                "k",
                "body.json",
                "--format",
                "curl"
            ])
            .is_ok()
        );
        assert!(
            parse(&[
                "verify",
                "--public-key",
                "k",
                "--signature",
                "s",
                "--timestamp",
                "1",
                "b.json"
            ])
            .is_ok()
        );
        assert!(
            parse(&[
                "verify",
                "--public-key",
                "k",
                "--headers",
                "h.txt",
                "b.json"
            ])
            .is_ok()
        );
        assert!(parse(&["completions", "bash"]).is_ok());
        assert!(parse(&["-q", "--color", "never", "events"]).is_ok());
    }

    /// `emulate` alone is the emulator with its flags; its subcommands call a running one.
    #[test]
    fn emulate_serves_without_a_subcommand_and_calls_with_one() {
        use crate::commands::emulate::client::Client;
        let emulate = |args: &[&str]| match parse(args) {
            Ok(Cli {
                command: Command::Emulate(e),
                ..
            }) => e,
            other => panic!("{args:?}: {other:?}"),
        };
        let served = emulate(&["emulate", "--port", "0", "-p", "telnyx", "--timeout", "1s"]);
        assert!(served.client.is_none());
        assert_eq!(served.port, 0);
        let Some(Client::Messages(m)) = emulate(&["emulate", "messages", "-p", "bandwidth"]).client
        else {
            panic!("messages");
        };
        assert_eq!(m.provider, Some(crate::catalog::Provider::Bandwidth));
        assert_eq!(m.emulator.url, crate::emulator::client::DEFAULT_URL);
        let Some(Client::Reset(r)) =
            emulate(&["--json", "emulate", "reset", "--emulator", "http://h:1"]).client
        else {
            panic!("reset");
        };
        assert_eq!(r.emulator.url, "http://h:1");
        let Some(Client::Settle(s)) = emulate(&["emulate", "settle"]).client else {
            panic!("settle");
        };
        assert_eq!(s.timeout, std::time::Duration::from_secs(10));
        let Some(Client::Settle(s)) = emulate(&["emulate", "settle", "--timeout", "5m"]).client
        else {
            panic!("settle");
        };
        assert_eq!(s.timeout, crate::emulator::client::SETTLE_MAX);
        let Ok(Cli {
            command: Command::Text(t),
            ..
        }) = parse(&["text", "--from", "+13125550140", "--to", "+13125550100"])
        else {
            panic!("text parses");
        };
        assert_eq!(t.emulator.url, crate::emulator::client::DEFAULT_URL);
    }

    /// The kind of error clap gives for `args`, which must not parse.
    #[track_caller]
    fn rejected(args: &[&str]) -> ErrorKind {
        match parse(args) {
            Ok(cli) => panic!("{args:?} parsed: {cli:?}"),
            Err(e) => e.kind(),
        }
    }

    #[test]
    fn rejects_what_it_should() {
        let cases: &[(&[&str], ErrorKind)] = &[
            (
                &["example", "twilio", "message.received"],
                ErrorKind::InvalidValue,
            ),
            (
                &["example", "telnyx", "message.received", "--at", "yesterday"],
                ErrorKind::ValueValidation,
            ),
            (
                &["example", "telnyx", "message.received", "--set", "novalue"],
                ErrorKind::ValueValidation,
            ),
            (&["sign", "--format", "xml"], ErrorKind::InvalidValue),
            (
                &["verify", "--public-key", "k", "b.json"],
                ErrorKind::MissingRequiredArgument,
            ),
            (
                &[
                    "verify",
                    "--public-key",
                    "k",
                    "--headers",
                    "h",
                    "--signature",
                    "s",
                    "b",
                ],
                ErrorKind::ArgumentConflict,
            ),
            (
                &[
                    "verify",
                    "--public-key",
                    "k",
                    "--signature",
                    "s",
                    "--timestamp",
                    "1",
                    "--tolerance",
                    "5",
                    "--no-tolerance",
                    "b",
                ],
                ErrorKind::ArgumentConflict,
            ),
            (&["--color", "sometimes", "events"], ErrorKind::InvalidValue),
            // The emulator's flags are not the calls' (and would be silently ignored).
            (
                &["emulate", "--port", "0", "settle"],
                ErrorKind::ArgumentConflict,
            ),
            (
                &["emulate", "reset", "--port", "0"],
                ErrorKind::UnknownArgument,
            ),
            (
                &["emulate", "settle", "--timeout", "6m"],
                ErrorKind::ValueValidation,
            ),
            (
                &["emulate", "settle", "--timeout", "0s"],
                ErrorKind::ValueValidation,
            ),
        ];
        for (args, kind) in cases {
            assert_eq!(rejected(args), *kind, "{args:?}");
        }
    }
}
