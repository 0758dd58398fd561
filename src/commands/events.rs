//! `telhook events`: the catalog as a table or JSON Lines.

use crate::catalog::{self, Event, Provider};
use crate::exit::ExitStatus;
use crate::output::{CatalogEntry, Output};
use crate::ui::{self, Part, Ui};

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
    let mut widths = header.map(ui::display_width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(ui::display_width(cell));
        }
    }
    // On a width, the EVENT column (names, wire names, aliases) gives way so at least
    // DESCRIPTION columns of the description show; the description is cut to the rest.
    const DESCRIPTION: usize = 16;
    if let Some(width) = ui.width() {
        let others: usize = widths[..5].iter().sum::<usize>() - widths[2] + 2 * 5;
        let room = width.saturating_sub(others + DESCRIPTION);
        widths[2] = widths[2].min(room.max(header[2].len()));
    }
    let fmt = |cells: [&str; 6]| {
        let mut line = String::new();
        for (cell, w) in cells[..5].iter().zip(widths) {
            line.push_str(&ui::column(cell, w));
            line.push_str("  ");
        }
        ui.fit(&[Part::fixed(line), Part::free(cells[5], 0)])
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
