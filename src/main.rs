use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use telhook::cli::Cli;
use telhook::exit::ExitStatus;
use telhook::ui::{self, Ui};

fn main() -> ExitCode {
    let cli = match Cli::try_parse().and_then(Cli::checked) {
        Ok(cli) => cli,
        Err(e) => return ui::report_usage_error(&e),
    };
    let g = &cli.global;
    let ui = Ui::new(g.color, g.json, g.verbose, g.quiet);
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for warning in cli.command.old_spellings(&args) {
        let _ = ui.warn(&warning);
    }
    match telhook::commands::run(&cli.command, &ui) {
        Ok(status) => status.into(),
        Err(err) if ui::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            ui::report_error(&err);
            ExitStatus::Error.into()
        }
    }
}
