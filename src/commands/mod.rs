//! One module per subcommand; each owns its `Args` and a `run` that returns an exit status.

pub mod args;
pub mod completions;
pub mod config;
pub mod demo;
pub mod emulate;
pub mod events;
pub mod example;
pub mod keygen;
pub mod listen;
pub mod man;
pub mod replay;
pub mod schema;
pub mod send;
pub mod sign;
pub mod text;
pub mod validate;
pub mod verify;

use crate::cli::Command;
use crate::exit::ExitStatus;
use crate::ui::Ui;

pub fn run(command: &Command, ui: &Ui) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Events(args) => events::run(args, ui),
        Command::Example(args) => example::run(args, ui),
        Command::Keygen(args) => keygen::run(args, ui),
        Command::Sign(args) => sign::run(args, ui),
        Command::Listen(args) => listen::run(args, ui),
        Command::Verify(args) => verify::run(args, ui),
        Command::Send(args) => send::run(args, ui),
        Command::Replay(args) => replay::run(args, ui),
        Command::Schema(args) => schema::run(args, ui),
        Command::Validate(args) => validate::run(args, ui),
        Command::Completions(args) => completions::run(args, ui),
        Command::Demo(args) => demo::run(args, ui),
        Command::Man(args) => man::run(args, ui),
        Command::Config(args) => config::run(args, ui),
        Command::Emulate(args) => emulate::run(args, ui),
        Command::Text(args) => text::run(args, ui),
    }
}
