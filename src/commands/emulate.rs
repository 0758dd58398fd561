//! `telhook emulate`: a local Telnyx and Bandwidth messaging API whose webhooks follow from what
//! the app sends: point the app's API base URL here, and the webhooks about the ids the API
//! answered arrive at the app's webhook URL, signed (Telnyx) or after the Basic challenge
//! (Bandwidth) as `send` delivers them. Its subcommands (`client`) call a running emulator's
//! test-control API.

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use crate::bandwidth::auth::Credentials;
use crate::catalog::Provider;
use crate::commands::args::{self, check_url, parse_delay, parse_duration};
use crate::config::Defaults;
use crate::emulator::{self, Config, Emulator};
use crate::exit::ExitStatus;
use crate::output::Output;
use crate::ui::Ui;

pub mod client;

/// Without a subcommand, the emulator itself; with one, a call to a running emulator, which
/// takes none of the emulator's flags. (`telhook help emulate settle` is the calls' help; a
/// second `help` under `emulate` would only lengthen the completion scripts.)
#[derive(Debug, Clone, clap::Args)]
#[command(args_conflicts_with_subcommands = true, disable_help_subcommand = true)]
pub struct Args {
    #[command(subcommand)]
    pub client: Option<client::Client>,
    /// Serve only this provider's API.
    #[arg(long, short = 'p', value_enum, value_name = "PROVIDER")]
    pub provider: Option<Provider>,
    /// Port to listen on; 0 picks a free one (the first line says which).
    #[arg(long, default_value_t = emulator::DEFAULT_PORT, value_name = "PORT")]
    pub port: u16,
    /// Address to bind. The default keeps the emulator private to this machine.
    #[arg(long, default_value = crate::receiver::DEFAULT_HOST, value_name = "HOST")]
    pub host: String,
    /// Telnyx: requests must carry `Authorization: Bearer KEY` with exactly this key (default:
    /// any key).
    #[arg(long, value_name = "KEY")]
    pub api_key: Option<String>,
    /// Telnyx: the messaging profile's webhook URL, where a message's webhooks go after the
    /// URLs of its request [env: TELHOOK_TO]. Default: listen's address.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub webhook_url: Option<String>,
    /// Telnyx: the messaging profile's failover URL.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub webhook_failover_url: Option<String>,
    /// Bandwidth: requests must carry these Basic API credentials (default: any Basic ones).
    #[arg(long, value_name = "USER:PASS", value_parser = Credentials::parse)]
    pub api_auth: Option<Credentials>,
    /// Bandwidth: the Application's status callback URL [env: TELHOOK_TO]. Default: listen's
    /// address.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub callback_url: Option<String>,
    /// Bandwidth: the Application's inbound callback URL, where texts to the app's numbers go
    /// [env: TELHOOK_TO]. Default: listen's address.
    #[arg(long, value_name = "URL", value_hint = clap::ValueHint::Url)]
    pub inbound_callback_url: Option<String>,
    /// Bandwidth: one of the app's own numbers (repeatable): a group text gives a callback for
    /// each of them among its recipients.
    #[arg(long = "number", value_name = "NUMBER")]
    pub numbers: Vec<String>,
    /// Bandwidth: the Application's callback credentials: callbacks are sent without, and
    /// again with them after a 401 challenge [env: TELHOOK_BASIC_AUTH].
    #[arg(long, value_name = "USER:PASS", value_parser = Credentials::parse)]
    pub callback_auth: Option<Credentials>,
    /// Telnyx private key the webhooks are signed with (a key or a key file, as `sign`) [env:
    /// TELHOOK_PRIVATE_KEY]. Without one: as `send` finds it (your default key pair).
    #[arg(long, value_name = "KEY|FILE", allow_hyphen_values = true)]
    pub private_key: Option<String>,
    /// Time between the API's answer and a message's first webhook, and between its webhooks
    /// (e.g. 50ms, 2s). Default: 50ms; with --provider-timing, 1s and then 3s, as real
    /// delivery receipts take seconds.
    #[arg(long, value_name = "DURATION", value_parser = parse_delay)]
    pub latency: Option<Duration>,
    /// Webhook deliveries in flight at once; more wait their turn.
    #[arg(long, default_value_t = emulator::DEFAULT_CONCURRENCY as u64, value_name = "C", value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub concurrency: u64,
    /// Draw ids from this seed and times from a clock of its own (from 2026-01-01T00:00:00Z,
    /// a second per API call): the same requests give the same ids and times.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Append every API call and every webhook attempt to this file, one JSON line each (a
    /// timeline that validate, verify and replay read).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub capture: Option<std::path::PathBuf>,
    /// Keep Authorization values in the capture verbatim (by default only the scheme and a
    /// Basic user are kept: `Basic <redacted user=bw>`).
    #[arg(long, requires = "capture")]
    pub capture_credentials: bool,
    /// Messages kept for GET; older ones are forgotten.
    #[arg(long, default_value_t = emulator::DEFAULT_MAX_MESSAGES as u64, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub max_messages: u64,
    /// Calls whose webhooks are held at once; past it, a call waits (--pending-wait) for an
    /// earlier call's webhooks to finish, then is answered 429.
    #[arg(long, default_value_t = emulator::DEFAULT_MAX_PENDING as u64, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_pending: u64,
    /// How long a call past --max-pending waits for room before its 429 (e.g. 2s, 500ms).
    #[arg(long, default_value = "2s", value_name = "DURATION", value_parser = parse_duration)]
    pub pending_wait: Duration,
    #[command(flatten)]
    pub retry: args::RetryArgs,
    /// Exit after this long (e.g. 30s, 5m), once the webhooks due are delivered.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub exit_after: Option<Duration>,
}

impl Args {
    /// When a provider's webhooks go: `--latency`, else the provider's seconds with
    /// `--provider-timing`, else the short default.
    fn latency(&self, provider: Provider) -> emulator::Latency {
        match self.latency {
            Some(delay) => emulator::Latency::uniform(delay),
            None if self.retry.provider_timing => emulator::Latency::provider(provider),
            None => emulator::DEFAULT_LATENCY,
        }
    }

    fn config(&self, ui: &Ui) -> anyhow::Result<Config> {
        let defaults = Defaults::load()?;
        let mut urls = vec![args::webhook_url(
            &defaults,
            "--webhook-url",
            self.webhook_url.as_deref(),
        )?];
        if let Some(u) = &self.webhook_failover_url {
            urls.push(check_url("--webhook-failover-url", u)?);
        }
        let serves_telnyx = self.provider.is_none_or(|p| p == Provider::Telnyx);
        let key = if serves_telnyx {
            args::signing_key(&defaults, self.private_key.as_deref(), ui)?.value
        } else {
            crate::signing::PrivateKey::generate()
        };
        let callback_urls = vec![args::webhook_url(
            &defaults,
            "--callback-url",
            self.callback_url.as_deref(),
        )?];
        let mut config = Config::new(key, urls);
        config.bandwidth.callback_urls = callback_urls;
        config.bandwidth.inbound_callback_urls = vec![args::webhook_url(
            &defaults,
            "--inbound-callback-url",
            self.inbound_callback_url.as_deref(),
        )?];
        for n in &self.numbers {
            if !crate::sms::e164(n) {
                anyhow::bail!("--number {n}: not a +E.164 number (e.g. +13125550100)");
            }
        }
        config.bandwidth.numbers = self.numbers.clone();
        config.bandwidth.api_auth = self.api_auth.clone();
        config.delivery.credentials = defaults
            .basic_auth(self.callback_auth.as_ref())?
            .map(|c| c.value);
        config.host = self.host.clone();
        config.port = self.port;
        config.provider = self.provider;
        config.telnyx.api_key = self.api_key.clone();
        config.telnyx.latency = self.latency(Provider::Telnyx);
        config.bandwidth.latency = self.latency(Provider::Bandwidth);
        config.seed = self.seed;
        config.capture = self.capture.clone();
        config.capture_credentials = self.capture_credentials;
        config.concurrency = self.concurrency as usize;
        config.max_messages = self.max_messages as usize;
        config.max_pending = self.max_pending as usize;
        config.pending_wait = self.pending_wait;
        self.retry.apply(&mut config.delivery);
        Ok(config)
    }
}

pub fn run(args: &Args, ui: &Ui) -> anyhow::Result<ExitStatus> {
    if let Some(call) = &args.client {
        return client::run(call, ui);
    }
    let config = args.config(ui)?;
    let emulator = Emulator::bind(config, ui)?;
    let listening = emulator.listening();
    ui.show(Output::Emulating(&listening), || {
        let mut lines = vec![format!("emulating on {}", emulator.base_url())];
        if let Some(telnyx) = &listening.telnyx {
            lines.push(format!(
                "telnyx: TELNYX_BASE_URL={} (any TELNYX_API_KEY{}); webhooks to {}, signed with public key {}",
                telnyx.base_url,
                if args.api_key.is_some() { " is refused but --api-key" } else { "" },
                telnyx.webhook_urls.join(" then "),
                telnyx.public_key
            ));
        }
        if let Some(bandwidth) = &listening.bandwidth {
            lines.push(format!(
                "bandwidth: Configuration(host=\"{}\", ignore_operation_servers=True) ({} Basic credentials); callbacks to {}{}",
                bandwidth.base_url,
                if args.api_auth.is_some() { "the --api-auth" } else { "any" },
                bandwidth.callback_urls.join(" then "),
                if args.callback_auth.is_some() { ", after a 401 challenge" } else { "" },
            ));
        }
        lines.join("\n")
    })?;
    args::warn_if_exposed(
        ui,
        &args.host,
        &listening.addr,
        "can call its APIs (which send webhooks to your app) and read what it keeps (GET /_telhook/messages)",
    )?;
    let stop = args::interrupt_flag();
    let started = Instant::now();
    let exit_after = args.exit_after;
    emulator.serve(|| {
        stop.load(Ordering::SeqCst) || exit_after.is_some_and(|d| started.elapsed() >= d)
    })?;
    // Ctrl-C cuts the webhooks still to go (counted as interrupted); --exit-after lets them
    // finish.
    let summary = emulator.close(stop.load(Ordering::SeqCst))?;
    crate::delivery::print_summary(ui, &summary, false)?;
    Ok(if stop.load(Ordering::SeqCst) {
        ExitStatus::Interrupted
    } else if emulator.capture_failed() {
        // A timeline with holes is not a run to trust (as `listen` fails for its capture).
        ui.warn("the capture file could not take every record (see above): the run fails")?;
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn latency(flags: &[&str], provider: Provider) -> emulator::Latency {
        let cli =
            Cli::try_parse_from(std::iter::once("emulate").chain(flags.iter().copied())).unwrap();
        cli.args.latency(provider)
    }

    #[test]
    fn provider_timing_means_seconds_unless_latency_says_otherwise() {
        assert_eq!(latency(&[], Provider::Telnyx), emulator::DEFAULT_LATENCY);
        let real = latency(&["--provider-timing"], Provider::Telnyx);
        assert_eq!(real, emulator::Latency::provider(Provider::Telnyx));
        assert!(real.first >= Duration::from_secs(1) && real.between >= Duration::from_secs(1));
        assert_eq!(
            latency(&["--provider-timing"], Provider::Bandwidth),
            emulator::Latency::provider(Provider::Bandwidth)
        );
        assert_eq!(
            latency(&["--provider-timing", "--latency", "5ms"], Provider::Telnyx),
            emulator::Latency::uniform(Duration::from_millis(5))
        );
    }
}
