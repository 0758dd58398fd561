//! `telhook config`: the settings `send`, `replay`, `sign`, `listen` and `verify` would use when
//! given no flags, and where each comes from (flag > environment > ./telnyx.* (keys) > project
//! file > user file > built-in). It never prints a secret and never makes the default key pair.

use crate::config::Defaults;
use crate::exit::ExitStatus;
use crate::output::{ConfigFileShown, ConfigShown, Output};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let defaults = Defaults::load()?;
    let settings = defaults.shown();
    let files: Vec<ConfigFileShown> = defaults
        .files_looked_at()
        .into_iter()
        .map(|(path, exists)| ConfigFileShown {
            path: path.display().to_string(),
            exists,
        })
        .collect();
    if ui.json {
        ui.emit(&Output::Config(ConfigShown {
            settings: &settings,
            files: &files,
        }))?;
        return Ok(ExitStatus::Success);
    }
    let width = settings.iter().map(|s| s.name.len()).max().unwrap_or(0);
    for s in &settings {
        let value = s.value.as_deref().unwrap_or("-");
        let from = s
            .source
            .as_ref()
            .map_or_else(String::new, |src| format!("  ({})", src.label()));
        ui.line(&format!("{:<width$}  {value}{from}", s.name))?;
        if let Some(n) = &s.note {
            ui.line(&format!("{:<width$}  {}", "", ui.dim(n)))?;
        }
    }
    for f in &files {
        let state = if f.exists { "read" } else { "not found" };
        ui.line(&format!("{:<width$}  {} ({state})", "file", f.path))?;
    }
    Ok(ExitStatus::Success)
}
