//! `telhook completions SHELL`: the completion script, generated from the real command line and
//! the catalog (see `completion`).

use clap_complete::Shell;

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
    crate::completion::script(shell)
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    ui.bytes(&script(args.shell))?;
    Ok(ExitStatus::Success)
}
