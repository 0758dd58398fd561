//! `telhook send PROVIDER EVENT... --to URL`: deliver events exactly as the provider's platform
//! does (headers, signature or Basic challenge, timeouts, retries, failover) and report how the
//! receiver's answers would be treated. Scenarios: `--flow`, `--duplicate`, `--shuffle`, and load
//! mode (`--count`, `--concurrency`, `--rate`).

use anyhow::bail;
use chrono::{DateTime, Utc};
use std::path::PathBuf;

use crate::catalog::{self, Provider};
use crate::commands::args::{self, BASIC_AUTH_ENV, DeliveryArgs, shell_quote};
use crate::delivery::{self, Item, Lines, Run, Settings};
use crate::exit::ExitStatus;
use crate::http::Request;
use crate::output::{Output, PublicKey, RequestLine};
use crate::patch::Set;
use crate::signing::PrivateKey;
use crate::template::{Renderer, Seed};
use crate::ui::Ui;

/// How `--dry-run` prints each request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DryRunFormat {
    /// The HTTP request: request line, headers, blank line, body.
    Http,
    /// A curl command that sends the same bytes with the same headers.
    Curl,
}

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "telhook send [OPTIONS] <PROVIDER> <EVENT>...\n       telhook send [OPTIONS] <PROVIDER> (--all | --flow <NAME> | --data <FILE>)"
)]
#[command(group(
    clap::ArgGroup::new("what")
        .required(true)
        .multiple(true)
        .args(["events", "all", "data", "flow"])
))]
pub struct Args {
    /// The provider to play.
    #[arg(value_enum, value_name = "PROVIDER")]
    pub provider: Provider,
    /// Events to send, as `telhook events` lists them.
    #[arg(value_name = "EVENT", value_parser = crate::catalog::event_name_parser(), hide_possible_values = true)]
    pub events: Vec<String>,
    /// The URL to deliver to [env: TELHOOK_TO] (default: the config files' `to`, else
    /// http://127.0.0.1:5000/, where `telhook listen` listens); `http://` when it has no scheme.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub to: Option<String>,
    #[command(flatten)]
    pub delivery: DeliveryArgs,
    /// Every event of the provider (each in its default variant).
    #[arg(long, conflicts_with_all = ["events", "data", "flow"])]
    pub all: bool,
    /// Send this body byte for byte instead of a generated event; `-` reads stdin.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with_all = ["events", "flow", "count"])]
    pub data: Option<PathBuf>,
    /// A realistic sequence with shared ids (telnyx: outbound-message, outbound-message-failed,
    /// call; bandwidth: outbound-mms, outbound-mms-failed, inbound-group, call).
    #[arg(long, value_name = "NAME", conflicts_with_all = ["events", "count"])]
    pub flow: Option<String>,
    /// The variant of the event (with one EVENT).
    #[arg(long, value_name = "VARIANT")]
    pub variant: Option<String>,
    /// Override a field of every generated body (as `telhook example --set`). Repeatable.
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub sets: Vec<Set>,
    /// Seed the generated values and the --shuffle order.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// The time of the (first) event (RFC 3339 or Unix seconds), instead of now.
    #[arg(long, value_name = "TIME", value_parser = args::parse_at)]
    pub at: Option<DateTime<Utc>>,
    /// Deliver each event N more times with the same id (at-least-once delivery).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub duplicate: u32,
    /// Deliver in a random order (never the original one); --seed fixes it.
    #[arg(long)]
    pub shuffle: bool,
    /// Load mode: send N events with fresh ids (cycling through the EVENTs), show a progress bar
    /// on a terminal, print only failed attempts (under --json every attempt, unless -q), and end
    /// with throughput and latency figures.
    #[arg(long, value_name = "N", conflicts_with_all = ["duplicate", "shuffle"])]
    pub count: Option<u64>,
    /// Print the requests (first attempt) instead of sending them.
    #[arg(long)]
    pub dry_run: bool,
    /// How --dry-run prints requests.
    #[arg(long, value_enum, default_value_t = DryRunFormat::Http, requires = "dry_run")]
    pub format: DryRunFormat,
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    let ctx = crate::config::Defaults::load()?;
    let mut settings = args.delivery.settings(&ctx, args.to.as_deref())?;
    args.delivery.check_rate()?;
    if args.variant.is_some() && args.events.len() != 1 {
        bail!("--variant applies to one EVENT; name exactly one (or drop --variant)");
    }
    // Everything that can fail on bad input comes before the key is made and printed.
    let items = match args.count {
        Some(_) => {
            check_load_events(args)?;
            Vec::new()
        }
        None => plan(args)?,
    };
    settings.key = signing_key(args, &ctx, ui)?;
    for name in items.iter().filter_map(|i| i.event.map(|e| e.name)) {
        ui.widen_event_column(name);
    }
    if args.count.is_some() {
        for name in load_events(args) {
            ui.widen_event_column(&name);
        }
    }
    if args.provider == Provider::Telnyx && args.delivery.basic_auth.is_some() {
        ui.warn("--basic-auth is ignored for Telnyx, which signs instead")?;
    }
    match args.count {
        Some(n) => load_mode(args, ui, &ctx, &settings, n),
        None => {
            if args.dry_run {
                return dry_run(args, ui, &ctx, &settings, items);
            }
            let how = Run {
                concurrency: args.delivery.concurrency as usize,
                rate: args.delivery.rate,
                lines: Lines::Every,
                expected: Some(items.len() as u64),
                progress_from: 50,
                stop: Some(args::interrupt_flag()),
            };
            let summary = delivery::run_items(ui, &settings, how, items.into_iter())?;
            delivery::print_summary(ui, &summary, false)?;
            Ok(args::delivery_status(&summary))
        }
    }
}

/// The Telnyx signing key (none with `--no-signature`), found as `args::signing_key` says; under
/// `--json` a found key's public half is printed too, so the receiver can be configured.
fn signing_key(
    args: &Args,
    ctx: &crate::config::Defaults,
    ui: &Ui,
) -> anyhow::Result<Option<PrivateKey>> {
    if args.provider != Provider::Telnyx || args.delivery.no_signature {
        return Ok(None);
    }
    let key = args::signing_key(ctx, args.delivery.private_key.as_deref(), ui)?;
    if ui.json && !key.source.given() {
        ui.emit(&Output::PublicKey(PublicKey {
            public_key: key.value.public().to_base64(),
        }))?;
    }
    Ok(Some(key.value))
}

/// The items to deliver, in order, with duplicates and shuffling applied.
fn plan(args: &Args) -> anyhow::Result<Vec<Item>> {
    let provider = args.provider;
    let mut renderer = Renderer::new(Seed {
        seed: args.seed,
        at: args.at,
    });
    let mut items: Vec<Item> = Vec::new();
    if let Some(path) = &args.data {
        let bytes = args::read_body(path)?;
        items.push(Item::raw(provider, bytes));
    } else if let Some(name) = &args.flow {
        let flow = catalog::find_flow(provider, name)?;
        for example in crate::example::build_flow(flow, &args.sets, &mut renderer)? {
            items.extend(Item::from_example(example));
        }
    } else {
        let names: Vec<&str> = if args.all {
            provider.events().iter().map(|e| e.name).collect()
        } else {
            args.events.iter().map(String::as_str).collect()
        };
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                renderer.forget();
            }
            let example = crate::example::build(
                provider,
                name,
                args.variant.as_deref(),
                &args.sets,
                &mut renderer,
            )?;
            items.extend(Item::from_example(example));
        }
    }
    if args.duplicate > 0 {
        items = items
            .into_iter()
            .flat_map(|item| std::iter::repeat_n(item, args.duplicate as usize + 1))
            .collect();
    }
    if args.shuffle {
        delivery::shuffle(&mut items, args.seed);
    }
    Ok(items)
}

/// The events load mode cycles through.
fn load_events(args: &Args) -> Vec<String> {
    if args.all {
        args.provider
            .events()
            .iter()
            .map(|e| e.name.to_string())
            .collect()
    } else {
        args.events.clone()
    }
}

/// Render each load-mode event once, so a bad name or `--set` stops the run before it starts.
fn check_load_events(args: &Args) -> anyhow::Result<()> {
    let names = load_events(args);
    if names.is_empty() {
        bail!("--count needs EVENTs (or --all) to cycle through");
    }
    for name in &names {
        crate::example::build_once(
            args.provider,
            name,
            args.variant.as_deref(),
            &args.sets,
            Seed::default(),
        )?;
    }
    Ok(())
}

/// `--count N`: fresh ids for every event, rendered by the worker that delivers it.
fn load_mode(
    args: &Args,
    ui: &Ui,
    ctx: &crate::config::Defaults,
    settings: &Settings,
    count: u64,
) -> anyhow::Result<ExitStatus> {
    let provider = args.provider;
    let names = load_events(args);
    let render = |i: u64| -> Vec<Item> {
        let name = &names[(i % names.len() as u64) as usize];
        let seed = Seed {
            seed: args.seed.map(|s| s.wrapping_add(i)),
            at: args.at,
        };
        match crate::example::build_once(provider, name, args.variant.as_deref(), &args.sets, seed)
        {
            Ok(example) => Item::from_example(example),
            // Rendered successfully above with the same inputs; a failure here is a broken
            // template that the unit tests would catch.
            Err(_) => Vec::new(),
        }
    };
    if args.dry_run {
        let items: Vec<Item> = (0..count).flat_map(render).collect();
        return dry_run(args, ui, ctx, settings, items);
    }
    // Text keeps to the failed attempts so the summary stays readable. `--json` is read by
    // programs, which need every attempt to tell per event whether it was acknowledged (as
    // benches/lossless.sh does against a capture); `-q` keeps only the failures there too.
    let lines = if ui.json {
        Lines::Every
    } else {
        Lines::Failures
    };
    let how = Run {
        concurrency: args.delivery.concurrency as usize,
        rate: args.delivery.rate,
        lines,
        expected: Some(count),
        progress_from: 1,
        stop: Some(args::interrupt_flag()),
    };
    // Each rendered by the thread that delivers it.
    let items = |i: u64| render(i).into_iter().map(|item| (item, ()));
    let summary = delivery::run(ui, settings, how, 0..count, items, |_, (), _| {})?;
    delivery::print_summary(ui, &summary, true)?;
    Ok(args::delivery_status(&summary))
}

/// `--dry-run`: print each item's first request instead of sending it.
fn dry_run(
    args: &Args,
    ui: &Ui,
    ctx: &crate::config::Defaults,
    settings: &Settings,
    items: Vec<Item>,
) -> anyhow::Result<ExitStatus> {
    let url = settings.urls[0].clone();
    let with_credentials = args.provider == Provider::Bandwidth && settings.credentials.is_some();
    // The variable the credentials came from (a file's basic_auth_env names its own), or
    // TELHOOK_BASIC_AUTH, which must then be exported for the commands to run.
    let var = match ctx
        .basic_auth(args.delivery.basic_auth.as_ref())?
        .map(|c| c.source)
    {
        Some(crate::config::Source::Env { var }) => var,
        _ => BASIC_AUTH_ENV.to_string(),
    };
    if with_credentials && args.format == DryRunFormat::Curl && !ui.json {
        let export = if args.delivery.basic_auth.is_some() {
            format!(" (export {var}=USER:PASS before running them)")
        } else {
            String::new()
        };
        ui.note(&format!(
            "telhook: the curl commands read the credentials from ${var}{export} (telhook never prints a password); --anyauth makes curl wait for the 401 challenge as Bandwidth does"
        ))?;
    }
    for (i, mut item) in items.into_iter().enumerate() {
        let request = settings.request(&mut item, 1, &url);
        if ui.json {
            ui.emit(&Output::Request(RequestLine {
                provider: item.provider,
                event: item.event.map(|e| e.name),
                id: item.id.as_deref(),
                method: request.method.as_str(),
                url: &crate::ui::redact_url(&request.url),
                headers: &request.headers,
                body: String::from_utf8_lossy(&request.body).into_owned(),
            }))?;
            continue;
        }
        if i > 0 {
            ui.line("")?;
        }
        match args.format {
            DryRunFormat::Http => {
                ui.line(&format!(
                    "POST {} HTTP/1.1",
                    crate::ui::redact_url(&request.url)
                ))?;
                for (name, value) in &request.headers {
                    ui.line(&format!("{name}: {value}"))?;
                }
                ui.line("")?;
                // A body that repeats a URL's password (`meta.delivered_to`) is shown without it.
                match std::str::from_utf8(&request.body) {
                    Ok(text) => ui.line(text)?,
                    Err(_) => {
                        ui.bytes(&request.body)?;
                        ui.bytes(b"\n")?;
                    }
                }
            }
            DryRunFormat::Curl => ui.line(&curl_command(
                &request,
                with_credentials.then_some(var.as_str()),
            ))?,
        }
    }
    Ok(ExitStatus::Success)
}

/// A curl command that sends exactly this request; with a credentials variable, curl answers
/// the challenge (`--anyauth`) with its value.
fn curl_command(request: &Request, credentials_var: Option<&str>) -> String {
    let mut parts = vec![format!(
        "curl -sS -X POST {}",
        shell_quote(&crate::ui::redact_url(&request.url))
    )];
    for (name, value) in &request.headers {
        parts.push(format!("-H {}", shell_quote(&format!("{name}: {value}"))));
    }
    if let Some(var) = credentials_var {
        parts.push(format!("--anyauth --user \"${var}\""));
    }
    parts.push(format!(
        "--data-binary {}",
        shell_quote(&String::from_utf8_lossy(&request.body))
    ));
    parts.join(" \\\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telnyx;

    #[test]
    fn curl_command_never_holds_the_password() {
        let r = Request::post(
            "http://a/",
            vec![("content-type".into(), telnyx::CONTENT_TYPE.into())],
            b"[1]".to_vec(),
        );
        let c = curl_command(&r, Some(BASIC_AUTH_ENV));
        assert!(c.contains("--anyauth --user \"$TELHOOK_BASIC_AUTH\""));
        assert!(c.ends_with("--data-binary '[1]'"));
    }
}
