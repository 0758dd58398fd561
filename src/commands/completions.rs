//! `telhook completions SHELL`: the completion script, generated from the real command line.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The completion script for a shell, as bytes.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "telhook", &mut out);
    out
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    ui.bytes(&script(args.shell))?;
    Ok(ExitStatus::Success)
}
