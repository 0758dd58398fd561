//! `telhook events`: the catalog as a table or JSON Lines.

use crate::catalog::{self, Event, Provider};
use crate::exit::ExitStatus;
use crate::output::{CatalogEntry, Output};
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this provider's events.
    #[arg(short = 'p', long, value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
}

/// One catalog entry as `--json` prints it.
fn entry(e: &'static Event) -> CatalogEntry {
    CatalogEntry {
        provider: e.provider,
        family: e.family,
        name: e.name,
        wire_name: e.wire_name,
        direction: e.direction,
        reply: e.reply,
        bxml: e.reply.expects_bxml(),
        description: e.description,
        variants: e.variant_names(),
        aliases: catalog::aliases(e.provider)
            .iter()
            .filter(|a| a.event == e.name)
            .map(|a| a.alias)
            .collect(),
    }
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let providers: Vec<Provider> = match args.provider {
        Some(p) => vec![p],
        None => Provider::ALL.to_vec(),
    };
    let entries: Vec<CatalogEntry> = providers
        .iter()
        .flat_map(|p| p.events().iter().map(entry))
        .collect();
    if ui.json {
        for e in &entries {
            ui.emit(&Output::CatalogEntry(e))?;
        }
        return Ok(ExitStatus::Success);
    }
    let rows: Vec<[String; 6]> = entries
        .iter()
        .map(|e| {
            let mut name = e.name.to_string();
            if e.wire_name != e.name {
                name.push_str(&format!(" ({})", e.wire_name));
            }
            let mut variants = e.variants.join(",");
            if variants == "default" {
                variants.clear();
            }
            if !e.aliases.is_empty() {
                name.push_str(&format!(" aka {}", e.aliases.join(", ")));
            }
            [
                e.provider.to_string(),
                e.family.to_string(),
                name,
                e.direction.name().to_string(),
                e.reply.name().to_string(),
                if variants.is_empty() {
                    e.description.to_string()
                } else {
                    format!("{} [variants: {variants}]", e.description)
                },
            ]
        })
        .collect();
    let header = [
        "PROVIDER",
        "FAMILY",
        "EVENT",
        "DIRECTION",
        "REPLY",
        "DESCRIPTION",
    ];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let fmt = |cells: [&str; 6]| {
        let mut line = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == 5 {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<w$}  ", w = widths[i]));
            }
        }
        line
    };
    ui.line(&ui.bold(&fmt(header)))?;
    for row in &rows {
        ui.line(&fmt(row.each_ref().map(String::as_str)))?;
    }
    ui.note(&format!(
        "{} events. `telhook example PROVIDER EVENT [--variant V]` prints one.",
        rows.len()
    ))?;
    Ok(ExitStatus::Success)
}
