//! `telhook emulate messages|reset|settle`: a test suite's calls to a running emulator's
//! test-control API, from the shell: list what the app sent, forget it, wait for the webhooks.

use std::time::Duration;

use crate::catalog::Provider;
use crate::commands::args::{EmulatorArgs, parse_duration};
use crate::emulator::client::{self, SETTLE_MAX, Settle};
use crate::exit::ExitStatus;
use crate::output::{self, Output};
use crate::ui::{self, Part, Ui};

/// The calls to a running emulator.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum Client {
    /// List the messages a running emulator keeps (sent through its API or texted in), oldest
    /// first: provider, id, status, sender and recipients.
    Messages(MessagesArgs),
    /// Make a running emulator forget every message it keeps.
    Reset(ResetArgs),
    /// Wait until every webhook a running emulator has due is delivered or given up; exit 1 if
    /// some are still in flight after --timeout.
    Settle(SettleArgs),
}

#[derive(Debug, Clone, clap::Args)]
pub struct MessagesArgs {
    /// Only this provider's messages.
    #[arg(long, short = 'p', value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
    #[command(flatten)]
    pub emulator: EmulatorArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct ResetArgs {
    #[command(flatten)]
    pub emulator: EmulatorArgs,
}

#[derive(Debug, Clone, clap::Args)]
pub struct SettleArgs {
    /// How long to wait for the webhooks (at most 5m).
    #[arg(long, default_value = "10s", value_name = "DURATION", value_parser = settle_timeout)]
    pub timeout: Duration,
    #[command(flatten)]
    pub emulator: EmulatorArgs,
}

/// A settle `--timeout`: a duration the emulator will wait for (it waits at most
/// [`SETTLE_MAX`]).
fn settle_timeout(s: &str) -> Result<Duration, String> {
    let d = parse_duration(s)?;
    if d > SETTLE_MAX {
        return Err(format!(
            "`{s}`: the emulator waits at most {}m",
            SETTLE_MAX.as_secs() / 60
        ));
    }
    Ok(d)
}

pub fn run(call: &Client, ui: &Ui) -> anyhow::Result<ExitStatus> {
    match call {
        Client::Messages(args) => messages(args, ui),
        Client::Reset(args) => {
            let forgotten = client::reset(&args.emulator.url)?;
            ui.show(Output::Reset(output::Reset { forgotten }), || {
                format!(
                    "reset: {forgotten} message{} forgotten",
                    if forgotten == 1 { "" } else { "s" }
                )
            })?;
            Ok(ExitStatus::Success)
        }
        Client::Settle(args) => settle(args, ui),
    }
}

fn messages(args: &MessagesArgs, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let kept = client::messages(&args.emulator.url, args.provider)?;
    if ui.json {
        for k in &kept {
            ui.emit(&Output::Message(k))?;
        }
        return Ok(ExitStatus::Success);
    }
    // provider, id, status, then from → to (cut first when the line is too wide).
    let rows: Vec<[String; 4]> = kept
        .iter()
        .map(|k| {
            let g = k.glance();
            [
                k.provider.to_string(),
                k.id.clone(),
                g.status,
                format!("{} → {}", g.from, g.to.join(", ")),
            ]
            .map(|cell| ui::sanitize(&cell).into_owned())
        })
        .collect();
    let mut widths = [0; 3];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(ui::display_width(cell));
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (cell, w) in row.iter().zip(widths) {
            line.push_str(&ui::column(cell, w));
            line.push_str("  ");
        }
        ui.line(&ui.fit(&[Part::fixed(line), Part::free(&row[3], 12)]))?;
    }
    ui.note(&match kept.len() {
        0 => "no messages kept: none was sent or texted in since the start or the last reset"
            .to_string(),
        1 => "1 message kept. `telhook emulate reset` forgets it.".to_string(),
        n => format!("{n} messages kept. `telhook emulate reset` forgets them."),
    })?;
    Ok(ExitStatus::Success)
}

/// Settled: exit 0. Still in flight at the timeout: the emulator answered and the webhooks are
/// not done, a verdict that failed (exit 1, as `send` whose target does not answer in time), not
/// a telhook that could not do the job (exit 2: an emulator it cannot reach, a bad flag).
fn settle(args: &SettleArgs, ui: &Ui) -> anyhow::Result<ExitStatus> {
    match client::settle(&args.emulator.url, args.timeout)? {
        Settle::Settled => {
            ui.show(
                Output::Settle(output::Settle {
                    settled: true,
                    error: None,
                }),
                || {
                    format!(
                        "{}: every webhook due has been delivered or given up",
                        ui.pass("settled")
                    )
                },
            )?;
            Ok(ExitStatus::Success)
        }
        Settle::InFlight(why) => {
            ui.show(
                Output::Settle(output::Settle {
                    settled: false,
                    error: Some(&why),
                }),
                || {
                    format!(
                        "{}: {} (wait longer with --timeout)",
                        ui.fail("not settled"),
                        ui::sanitize(&why)
                    )
                },
            )?;
            Ok(ExitStatus::Failure)
        }
    }
}
