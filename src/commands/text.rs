//! `telhook text`: a person texts one of the app's numbers, through a running `telhook
//! emulate`: the emulator delivers the provider's inbound webhook (`message.received`,
//! `message-received`) to the app.

use crate::catalog::Provider;
use crate::commands::args::EmulatorArgs;
use crate::emulator::{self, Text};
use crate::exit::ExitStatus;
use crate::ui::Ui;

#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// The text (none: an MMS with only --media).
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
    /// The person's number (+E.164).
    #[arg(long, value_name = "NUMBER")]
    pub from: String,
    /// The app's number the text goes to; repeat for a group text.
    #[arg(long, value_name = "NUMBER", required = true)]
    pub to: Vec<String>,
    /// A media URL (an MMS); repeatable.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub media: Vec<String>,
    /// Which provider the text comes through (needed when the emulator serves both).
    #[arg(long, short = 'p', value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
    #[command(flatten)]
    pub emulator: EmulatorArgs,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let text = Text {
        from: args.from.clone(),
        to: args.to.clone(),
        text: args.text.clone().unwrap_or_default(),
        media: args.media.clone(),
    };
    let texted = emulator::client::text(&args.emulator.url, args.provider, &text)?;
    ui.show(crate::output::Output::Texted(&texted), || {
        format!(
            "texted {} from {}: {} webhook(s) to follow, message id {}",
            args.to.join(", "),
            args.from,
            texted.webhooks,
            texted.ids.join(", ")
        )
    })?;
    Ok(ExitStatus::Success)
}
