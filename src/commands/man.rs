//! `telhook man`: the manual page (roff, section 1), generated from the real command line: the
//! top-level page, then a section per subcommand with its synopsis, description and options.

use clap::CommandFactory;
use std::io::Write;

use crate::cli::Cli;
use crate::exit::ExitStatus;
use crate::ui::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {}

/// The whole page, as bytes.
pub fn page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = sub.get_bin_name().unwrap_or(sub.get_name()).to_string();
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let man = clap_mangen::Man::new(sub.clone());
        let mut part = Vec::new();
        man.render_synopsis_section(&mut part)?;
        man.render_description_section(&mut part)?;
        man.render_options_section(&mut part)?;
        // Inside a command's section its parts are subsections.
        let text = String::from_utf8_lossy(&part).replace("\n.SH ", "\n.SS ");
        let text = text
            .strip_prefix(".SH ")
            .map_or(text.clone(), |t| format!(".SS {t}"));
        out.extend_from_slice(text.as_bytes());
    }
    man.render_version_section(&mut out)?;
    Ok(out)
}

pub fn run(_args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    ui.bytes(&page()?)?;
    Ok(ExitStatus::Success)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_a_section_for_every_subcommand() {
        let page = String::from_utf8(page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.starts_with(".TH"),
            "{}",
            &page[..80]
        );
        for sub in Cli::command().get_subcommands() {
            let heading = format!(".SH \"TELHOOK {}\"", sub.get_name().to_uppercase());
            assert!(page.contains(&heading), "no section for {}", sub.get_name());
        }
        assert!(page.contains("\\-\\-to"), "options are listed");
    }
}
