//! `telhook schema PROVIDER EVENT`: print the JSON Schema an event is validated against.

use anyhow::Context;

use crate::catalog::{self, Provider};
use crate::exit::ExitStatus;
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The provider.
    #[arg(value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    /// The event, as `telhook events` lists it.
    #[arg(value_name = "EVENT", value_parser = crate::catalog::event_name_parser(), hide_possible_values = true)]
    pub event: String,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let found = catalog::find(args.provider, &args.event)?;
    let text = crate::schema::text(found.event).with_context(|| {
        format!(
            "no schema embedded for {} {}",
            args.provider, found.event.name
        )
    })?;
    ui.bytes(text.as_bytes())?;
    if !text.ends_with('\n') {
        ui.bytes(b"\n")?;
    }
    Ok(ExitStatus::Success)
}
