//! Output that fits: human lines within the terminal's width (`COLUMNS`, else the size of the
//! terminal), cut with `…`; whole when stdout is not a terminal and `COLUMNS` is unset, and
//! under `--json`; columns aligned for the longest event name; a progress bar that fits in 80
//! columns and leaves no stale frame.

use crate::support::term::{self, too_wide};
use crate::support::{Expect, Listener, Telhook};

/// The longest event name in the catalog.
const LONGEST: &str = "messaging_hosted_numbers_orders.internal_transfer_approval_requested";

/// How many events `telhook events` lists: the whole catalog of both providers.
fn catalog_size() -> usize {
    telhook::Provider::Telnyx.events().len() + telhook::Provider::Bandwidth.events().len()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

/// Where `needle` starts in `line`, in columns.
fn column_of(line: &str, needle: &str) -> usize {
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in {line:?}"));
    term::width(&line[..at])
}

#[test]
fn events_fit_a_100_column_terminal_with_long_names_cut_and_columns_aligned() {
    let t = Telhook::new();
    let ran = term::run(&t, 100, &[], &["events"]);
    assert_eq!(ran.code, Some(0));
    let screen = ran.screen();
    assert_eq!(too_wide(&screen, 100), Vec::<String>::new());
    assert!(screen[0].starts_with("PROVIDER"), "{screen:?}");
    // The long name is cut, and every row's DIRECTION starts where its header does.
    let long = screen
        .iter()
        .find(|l| l.contains("messaging_hosted_numbers"))
        .unwrap();
    assert!(!long.contains(LONGEST) && long.contains('…'), "{long}");
    let direction = column_of(&screen[0], "DIRECTION");
    for row in &screen[1..screen.len() - 1] {
        let there: String = row.chars().skip(direction).collect();
        assert!(
            ["inbound ", "outbound ", "either "]
                .iter()
                .any(|d| there.starts_with(d)),
            "DIRECTION is not at column {direction}: {row}"
        );
    }
    assert_eq!(
        screen.last().unwrap().as_str(),
        format!(
            "{} events. `telhook example PROVIDER EVENT [--variant V]` prints one.",
            catalog_size()
        )
    );
}

#[test]
fn lines_are_measured_from_the_terminal_or_columns_not_a_constant() {
    let t = Telhook::new();
    // A 60-column terminal: 60. (The count under the table is a note on stderr, never cut.)
    let mut narrow = term::run(&t, 60, &[], &["events"]).screen();
    assert!(
        narrow
            .pop()
            .unwrap()
            .starts_with(&format!("{} events.", catalog_size()))
    );
    assert_eq!(too_wide(&narrow, 60), Vec::<String>::new());
    assert!(narrow.iter().any(|l| term::width(l) == 60), "{narrow:?}");
    // COLUMNS wins over the terminal's size.
    let wide = term::run(&t, 80, &[("COLUMNS", "100")], &["events"]).screen();
    assert_eq!(too_wide(&wide, 100), Vec::<String>::new());
    assert!(wide.iter().any(|l| term::width(l) > 80), "{wide:?}");
}

#[test]
fn piped_output_without_columns_is_whole_and_json_is_whole_whatever_the_width() {
    let t = Telhook::new();
    let whole = t
        .run(&["events"])
        .stderr(Expect::pattern(&format!(
            "{} events.[..]\n",
            catalog_size()
        )))
        .check();
    let whole = lines(whole.text());
    assert!(whole.iter().any(|l| l.contains(LONGEST)), "not cut");
    assert!(whole.iter().all(|l| !l.contains('…')));
    assert!(
        whole.iter().any(|l| term::width(l) > 200),
        "nothing cut to a width"
    );
    // The EVENT column is as wide as the longest name: DIRECTION starts after it.
    assert!(column_of(&whole[0], "DIRECTION") > column_of(&whole[0], "EVENT") + LONGEST.len());

    let json = t.stdout(&["events", "--json", "-q"]);
    let json_at_100 = t
        .run(&["events", "--json", "-q"])
        .env("COLUMNS", "100")
        .check()
        .stdout;
    assert_eq!(json, json_at_100, "--json is never cut");
    assert!(String::from_utf8(json).unwrap().contains(LONGEST));
}

#[test]
fn events_with_columns_100_fit_when_piped() {
    let t = Telhook::new();
    let out = t
        .run(&["events"])
        .env("COLUMNS", "100")
        .stderr(Expect::pattern(&format!(
            "{} events.[..]\n",
            catalog_size()
        )))
        .check();
    let out = lines(out.text());
    assert_eq!(
        out.len(),
        catalog_size() + 1,
        "a header and one line per event"
    );
    assert_eq!(too_wide(&out, 100), Vec::<String>::new());
    assert!(out.iter().filter(|l| l.ends_with('…')).count() > 50);
}

#[test]
fn the_demo_fits_a_100_column_terminal() {
    let t = Telhook::new();
    let ran = term::run(&t, 100, &[], &["demo"]);
    let screen = ran.screen();
    assert_eq!(ran.code, Some(0), "{screen:#?}");
    assert_eq!(too_wide(&screen, 100), Vec::<String>::new());
    assert!(screen.len() > 200, "{screen:#?}");
    assert!(
        screen
            .last()
            .unwrap()
            .starts_with("         the listener saw ")
    );
}

#[test]
fn the_demo_with_columns_100_fits_when_piped() {
    let t = Telhook::new();
    let out = t.run(&["demo"]).env("COLUMNS", "100").check();
    let out = lines(out.text());
    assert_eq!(too_wide(&out, 100), Vec::<String>::new());
    // The verdicts at the ends of the lines survive the cut.
    assert!(out.iter().any(|l| l.ends_with("✓ verified → 200")));
    assert!(out.iter().any(|l| l.ends_with("→ 401")));
    assert!(out.iter().any(|l| l.ends_with("→ 200 [duplicate]")));
    assert!(
        out.iter()
            .any(|l| l.starts_with("summary: ") && l.ends_with("verdicts as expected"))
    );
}

/// Send a long-named and a short-named event to a listener; both with `env`. Returns the
/// sender's lines and the listener's event lines.
fn send_and_listen(env: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
    let t = Telhook::new();
    let l = Listener::start_env(&t, &["--max-events", "2", "--no-verify"], env);
    let mut run = t
        .run(&[
            "send",
            "telnyx",
            LONGEST,
            "message.received",
            "--no-signature",
            "--to",
            &l.url,
        ])
        .stdout(Expect::pattern(
            "telnyx [..]✓ acknowledged\ntelnyx [..]✓ acknowledged\nsummary: 2 events, 2 acknowledged, 0 not; 2 attempts\n",
        ));
    for (k, v) in env {
        run = run.env(k, v);
    }
    let sent = lines(run.check().text());
    let heard = vec![l.line(), l.line()];
    let (code, _) = l.wait();
    assert_eq!(code, Some(0));
    (sent, heard)
}

/// Where the column after the event name starts in a listener's line (past the time, the
/// provider, the name and its padding).
fn after_event(line: &str) -> usize {
    const EVENT: usize = "HH:MM:SS.mmm telnyx    ".len();
    let rest = &line[EVENT..];
    let name = rest.find(' ').unwrap();
    let pad = rest[name..].len() - rest[name..].trim_start().len();
    EVENT + term::width(&rest[..name]) + pad
}

#[test]
fn send_and_listen_lines_with_columns_100_fit_and_stay_aligned() {
    let (sent, heard) = send_and_listen(&[("COLUMNS", "100")]);
    assert_eq!(too_wide(&sent, 100), Vec::<String>::new());
    assert_eq!(too_wide(&heard, 100), Vec::<String>::new());
    // The long name is cut to the event column; what follows starts where it does after a
    // short name.
    let cut = |l: &str| l.contains("messaging_hosted_numbers") && !l.contains(LONGEST);
    assert!(cut(&sent[0]) && sent[0].contains('…'), "{sent:#?}");
    assert_eq!(column_of(&sent[0], "#1"), column_of(&sent[1], "#1"));
    assert!(cut(&heard[0]) && heard[0].contains("…"), "{heard:#?}");
    assert!(heard[1].contains(" message.received "), "{heard:#?}");
    assert_eq!(after_event(&heard[0]), after_event(&heard[1]), "{heard:#?}");
    for line in &heard {
        assert!(line.ends_with("→ 200"), "{line}");
    }
}

#[test]
fn send_and_listen_lines_piped_are_whole_and_aligned_for_the_longest_name() {
    let (sent, heard) = send_and_listen(&[]);
    assert!(sent[0].contains(&format!(" {LONGEST} ")), "{sent:#?}");
    assert_eq!(column_of(&sent[0], "#1"), column_of(&sent[1], "#1"));
    // The listener pads every name to the longest in the catalog.
    assert!(heard[0].contains(&format!(" {LONGEST} ")), "{heard:#?}");
    assert_eq!(
        after_event(&heard[0]),
        "HH:MM:SS.mmm telnyx    ".len() + LONGEST.len() + 1
    );
    assert_eq!(after_event(&heard[1]), after_event(&heard[0]), "{heard:#?}");
    assert!(heard[1].contains(" message.received "), "{heard:#?}");
    // Nothing cut: the whole reason is there.
    assert!(
        heard[1].ends_with("? unverified: --no-verify: signature not checked → 200"),
        "{heard:#?}"
    );
}

#[test]
fn the_progress_bar_fits_in_80_columns_with_a_whole_rate_and_leaves_no_stale_frame() {
    let t = Telhook::new();
    // Every event fails at once (nothing listens on port 1), so each prints a failure line
    // while the bar is up; --rate spreads the run so the bar is drawn between them.
    let ran = term::run(
        &t,
        80,
        &[],
        &[
            "send",
            "bandwidth",
            "message-delivered",
            "--count",
            "120",
            "--rate",
            "400",
            "--max-attempts",
            "1",
            "--to",
            "http://127.0.0.1:1/",
        ],
    );
    assert_eq!(ran.code, Some(1));
    let raw = String::from_utf8_lossy(&ran.bytes).into_owned();
    // The bar was drawn, and every rate it showed was a whole number.
    let rates: Vec<&str> = raw
        .match_indices("/s · eta")
        .map(|(at, _)| raw[..at].rsplit(' ').next().unwrap())
        .collect();
    assert!(!rates.is_empty(), "no frame of the bar: {raw:?}");
    for rate in &rates {
        assert!(
            !rate.is_empty() && rate.chars().all(|c| c.is_ascii_digit() || c == ','),
            "rate {rate:?}"
        );
    }
    let screen = ran.screen();
    assert_eq!(too_wide(&screen, 80), Vec::<String>::new());
    // No frame is left anywhere: above, between or below the failure lines.
    let stale: Vec<&String> = screen
        .iter()
        .filter(|l| l.contains(" events · ") || l.contains('░') || l.contains('█'))
        .collect();
    assert!(stale.is_empty(), "stale bar frames: {stale:#?}");
    let failures = screen
        .iter()
        .filter(|l| l.starts_with("bandwidth message-del") && l.contains("✗ unreachable: "))
        .count();
    assert_eq!(failures, 120, "{screen:#?}");
    assert!(
        screen.last().unwrap().contains(" events/s over "),
        "{screen:#?}"
    );
}
