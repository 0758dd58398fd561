//! `telhook example PROVIDER EVENT`: a realistic payload, exactly as the provider sends it.

use anyhow::Context;
use chrono::{DateTime, Utc};

use crate::catalog::Provider;
use crate::exit::ExitStatus;
use crate::patch::Set;
use crate::template::Seed;
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The provider whose payload to print.
    #[arg(value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    /// The event, as `telhook events` lists it.
    #[arg(value_name = "EVENT", value_parser = crate::catalog::event_name_parser(), hide_possible_values = true)]
    pub event: String,
    /// A variant of the event (`telhook events` lists them); the first one is the default.
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    /// Override a field: a dotted path or JSON pointer, `=`, and a JSON value
    /// (--set data.payload.text='"hi"'). Fails if the path does not exist. Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<Set>,
    /// Seed every random choice (ids, numbers, texts, gaps); with --at the output is
    /// byte-for-byte reproducible.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// The time of the event (RFC 3339 or Unix seconds), instead of now.
    #[arg(long, value_name = "TIME", value_parser = crate::commands::args::parse_at)]
    pub at: Option<DateTime<Utc>>,
    /// Pretty-print (Bandwidth sends compact JSON; Telnyx bodies are already indented).
    #[arg(long)]
    pub pretty: bool,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let example = crate::example::build_once(
        args.provider,
        &args.event,
        args.variant.as_deref(),
        &args.sets,
        Seed {
            seed: args.seed,
            at: args.at,
        },
    )?;
    let bodies: Vec<Vec<u8>> = if args.pretty {
        example
            .values
            .iter()
            .map(serde_json::to_vec_pretty)
            .collect::<Result<_, _>>()
            .context("formatting the payload")?
    } else {
        example.wire_bodies()
    };
    if bodies.len() > 1 {
        ui.note(&format!(
            "{} callbacks: Bandwidth sends one per number you own among the recipients, one per line below",
            bodies.len()
        ))?;
    }
    // The bytes are exactly the provider's (no trailing newline, as Telnyx sends them). Between
    // several bodies, and after the last on a terminal, a newline keeps them readable.
    for (i, body) in bodies.iter().enumerate() {
        ui.bytes(body)?;
        if i + 1 < bodies.len() || ui.stdout_is_tty() {
            ui.bytes(b"\n")?;
        }
    }
    Ok(ExitStatus::Success)
}
