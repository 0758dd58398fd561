//! Renders the embedded event templates (`fixtures/*/events/*.json`) into fresh, coherent
//! payloads. The placeholder language is documented in `fixtures/README.md`.

use crate::{bandwidth, telnyx};
use base64::Engine as _;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rand::{Rng, SeedableRng, seq::IndexedRandom};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;
use std::collections::HashSet;

use crate::sms;

/// Where the randomness and the clock of a render come from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Seed {
    /// `--seed`: the same seed gives the same ids, numbers, texts and gaps.
    pub seed: Option<u64>,
    /// `--at`: the instant of the event (offset 0); `None` is now.
    pub at: Option<DateTime<Utc>>,
}

/// The state shared by one document (or a sequence of related documents, such as a flow):
/// the random source, the clock and the memo of named values.
pub struct Renderer {
    rng: ChaCha8Rng,
    at: DateTime<Utc>,
    tempo: f64,
    /// Named values: (kind, name, value). A document has a few dozen at most, so a scan beats
    /// hashing (and a look-up allocates nothing).
    memo: Vec<(&'static str, String, Value)>,
    numbers: HashSet<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("template is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("placeholder `{{{{{0}}}}}` is not closed")]
    Unclosed(String),
    #[error("unknown placeholder kind `{kind}` in `{{{{{text}}}}}`")]
    UnknownKind { kind: String, text: String },
    #[error("placeholder `{{{{{text}}}}}`: {why}")]
    BadArgs { text: String, why: String },
}

/// SMS texts people really send: short and long, plain GSM-7, GSM-7 with extension characters,
/// and UCS-2 (accents outside GSM, emoji), so `parts` and `encoding` vary from run to run.
const TEXTS: &[&str] = &[
    "Running 10 min late, save me a seat",
    "Your table for 4 is ready. Please check in at the host stand.",
    "Can you pick up milk on the way home?",
    "Confirmed: appointment Tue 3:30pm with Dr. Alvarez. Reply C to cancel.",
    "ok sounds good",
    "Your verification code is 482913. It expires in 10 minutes.",
    "Happy birthday!! 🎉🎂 Have a great one",
    "Reply STOP to unsubscribe, HELP for help.",
    "Is the 2br on Elm St still available? Could I see it this weekend?",
    "On my way 🚗",
    "Thanks! Got the package, everything looks great.",
    "Reminder: your order #A1932 ships today. Track it at https://example.com/t/A1932",
    "Can we move our call to 4pm? Something came up at work and I won't be back at my desk until then. Sorry for the short notice, let me know if that works for you or suggest another time tomorrow morning.",
    "Price check: {item: 'lamp', price: 25€} - still interested?",
    "Llego en 5 minutos, ¿me esperas en la entrada?",
    "Merci beaucoup, à demain !",
    "Привет! Как дела?",
    "Dinner at 7? I'll book the usual place 🍝",
    "YES",
    "Your ride is arriving in 2 minutes: grey Toyota Corolla, plate 7XYZ123.",
];

/// Real US area codes; the 555-01xx exchange under each is reserved for fiction.
const AREA_CODES: &[&str] = &[
    "212", "213", "305", "312", "404", "415", "503", "512", "617", "702", "720", "919", "206",
    "303", "608", "646",
];
const TOLL_FREE_CODES: &[&str] = &["800", "833", "844", "855", "866", "877", "888"];

/// A template parsed once per process, with the places that hold placeholders listed in
/// document order (load mode renders the same few templates thousands of times; this keeps
/// each render to a copy and the placeholders, with the random draws in the same order as a
/// walk of the document, so seeded output does not change).
struct Compiled {
    base: Value,
    /// Paths of the strings that contain `{{`.
    slots: Vec<Vec<Seg>>,
}

enum Seg {
    Key(String),
    Index(usize),
}

fn compiled(template: &str) -> Result<std::sync::Arc<Compiled>, TemplateError> {
    use std::sync::{Arc, Mutex, OnceLock};
    // Keyed by address and length (templates are embedded `'static` strings), confirmed by
    // content, so a look-up costs no hashing of the whole template.
    type Entry = (usize, String, Arc<Compiled>);
    static CACHE: OnceLock<Mutex<Vec<Entry>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let address = template.as_ptr() as usize;
    if let Some(hit) = cache.lock().ok().and_then(|c| {
        c.iter()
            .find(|(a, text, _)| *a == address && text == template)
            .map(|(_, _, compiled)| compiled.clone())
    }) {
        return Ok(hit);
    }
    let base: Value = serde_json::from_str(template)?;
    let mut slots = Vec::new();
    collect_slots(&base, &mut Vec::new(), &mut slots);
    let compiled = Arc::new(Compiled { base, slots });
    if let Ok(mut c) = cache.lock() {
        c.push((address, template.to_string(), compiled.clone()));
    }
    Ok(compiled)
}

fn collect_slots(value: &Value, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    let copy = |path: &[Seg]| -> Vec<Seg> {
        path.iter()
            .map(|s| match s {
                Seg::Key(k) => Seg::Key(k.clone()),
                Seg::Index(i) => Seg::Index(*i),
            })
            .collect()
    };
    match value {
        Value::String(s) if s.contains("{{") => out.push(copy(path)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                collect_slots(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                path.push(Seg::Key(k.clone()));
                collect_slots(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn slot<'v>(value: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    path.iter().try_fold(value, |v, seg| match seg {
        Seg::Key(k) => v.get_mut(k.as_str()),
        Seg::Index(i) => v.get_mut(*i),
    })
}

impl Renderer {
    pub fn new(seed: Seed) -> Self {
        let mut rng = match seed.seed {
            Some(s) => ChaCha8Rng::seed_from_u64(s),
            // Seeded from the thread's generator (itself seeded by the OS once): no system call
            // per render, which load mode does thousands of times a second.
            None => ChaCha8Rng::from_rng(&mut rand::rng()),
        };
        let tempo = rng.random_range(0.6..=1.4);
        let at = seed.at.unwrap_or_else(Utc::now);
        // Provider timestamps carry at most microseconds.
        let at = DateTime::from_timestamp_micros(at.timestamp_micros()).unwrap_or(at);
        Renderer {
            rng,
            at,
            tempo,
            memo: Vec::new(),
            numbers: HashSet::new(),
        }
    }

    /// The instant of offset 0.
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Move offset 0 (for the next document of a sequence).
    pub fn set_at(&mut self, at: DateTime<Utc>) {
        self.at = at;
    }

    /// Forget named values so the next document gets fresh ids; keeps the clock and the rng.
    pub fn forget(&mut self) {
        self.memo.clear();
        self.numbers.clear();
    }

    /// Forget the values of these NAMEs (of any kind), so the next document gets fresh ones
    /// while sharing the rest: the next event of a sequence gets its own event id.
    pub fn forget_names(&mut self, names: &[&str]) {
        self.memo
            .retain(|(_, name, _)| !names.contains(&name.as_str()));
    }

    /// Move offset 0 later by `offset_ms` template milliseconds (scaled by the tempo, like
    /// every offset), for the next event of a sequence.
    pub fn advance(&mut self, offset_ms: i64) {
        self.at += chrono::Duration::milliseconds(self.scaled(offset_ms));
    }

    pub fn rng(&mut self) -> &mut ChaCha8Rng {
        &mut self.rng
    }

    /// Render a template into a JSON value.
    pub fn render(&mut self, template: &str) -> Result<Value, TemplateError> {
        let compiled = compiled(template)?;
        let mut value = compiled.base.clone();
        for path in &compiled.slots {
            if let Some(place) = slot(&mut value, path)
                && let Value::String(s) = place
            {
                let expanded = self.expand(s)?;
                *place = expanded;
            }
        }
        Ok(value)
    }

    /// Expand every placeholder in a string; a string that is exactly one placeholder keeps the
    /// placeholder's JSON type (numbers stay numbers).
    fn expand(&mut self, s: &str) -> Result<Value, TemplateError> {
        let trimmed = s.trim();
        if trimmed.starts_with("{{")
            && trimmed.ends_with("}}")
            && trimmed.matches("{{").count() == 1
            && trimmed.len() == s.len()
        {
            return self.placeholder(&s[2..s.len() - 2]);
        }
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(start) = rest.find("{{") {
            out.push_str(&rest[..start]);
            let after = &rest[start + 2..];
            let end = after
                .find("}}")
                .ok_or_else(|| TemplateError::Unclosed(after.to_string()))?;
            match self.placeholder(&after[..end])? {
                Value::String(v) => out.push_str(&v),
                other => out.push_str(&other.to_string()),
            }
            rest = &after[end + 2..];
        }
        out.push_str(rest);
        Ok(Value::String(out))
    }

    fn placeholder(&mut self, text: &str) -> Result<Value, TemplateError> {
        let text = text.trim();
        let mut words = text.split_whitespace();
        let kind = words.next().unwrap_or_default();
        // At most a few arguments (`choice` reads its options from `text`): no allocation.
        let mut slots = [""; 8];
        let mut count = 0;
        for word in words {
            if let Some(slot) = slots.get_mut(count) {
                *slot = word;
            }
            count += 1;
        }
        let args = &slots[..count.min(slots.len())];
        let bad = |why: &str| TemplateError::BadArgs {
            text: text.to_string(),
            why: why.to_string(),
        };
        let need = |n: usize| {
            if count == n {
                Ok(())
            } else {
                Err(bad(&format!("takes {n} argument(s), found {count}")))
            }
        };
        let offset = |s: &str| {
            s.parse::<i64>()
                .map_err(|_| bad("offset is not an integer"))
        };
        let len = |s: &str| {
            s.parse::<usize>()
                .map_err(|_| bad("length is not an integer"))
        };
        Ok(match kind {
            "uuid" => {
                need(1)?;
                self.memo_with("uuid", args[0], |r| Value::String(r.uuid()))
            }
            "phone" | "tollfree" => {
                need(1)?;
                let toll_free = kind == "tollfree";
                self.memo_with("phone", args[0], |r| Value::String(r.phone(toll_free)))
            }
            "time" => {
                if !(2..=3).contains(&count) {
                    return Err(bad("takes OFFSET_MS FORMAT [FIXED_MS]"));
                }
                let fixed = args.get(2).map(|f| offset(f)).transpose()?.unwrap_or(0);
                let at = self.offset(offset(args[0])?) + Duration::milliseconds(fixed);
                Value::String(format_time(at, args[1]).ok_or_else(|| bad("unknown time format"))?)
            }
            "duration" => {
                need(2)?;
                let ms = self.scaled(offset(args[1])?) - self.scaled(offset(args[0])?);
                Value::String(format!("PT{}.{:03}S", ms / 1000, (ms % 1000).abs()))
            }
            "secs" => {
                need(2)?;
                let ms = self.scaled(offset(args[1])?) - self.scaled(offset(args[0])?);
                Value::from(ms / 1000)
            }
            "epoch" => match args {
                [at] => Value::from(self.offset(offset(at)?).timestamp()),
                // Some payloads carry the Unix time as a string (Telnyx 10DLC `createDate`).
                [at, "string"] => Value::from(self.offset(offset(at)?).timestamp().to_string()),
                [_, _] => return Err(bad("the second argument can only be `string`")),
                _ => return Err(bad("takes OFFSET_MS [string]")),
            },
            "int" => {
                need(3)?;
                let min = offset(args[0])?;
                let max = offset(args[1])?;
                if min > max {
                    return Err(bad("MIN is larger than MAX"));
                }
                self.memo_with("int", args[2], |r| {
                    Value::from(r.rng.random_range(min..=max))
                })
            }
            "digits" => {
                need(2)?;
                let n = len(args[0])?;
                self.memo_with("digits", args[1], |r| Value::String(r.digits(n)))
            }
            "alnum" => {
                need(2)?;
                let n = len(args[0])?;
                self.memo_with("alnum", args[1], |r| {
                    Value::String(r.pick_from(b"abcdefghijklmnopqrstuvwxyz0123456789", n))
                })
            }
            "hex" => {
                need(2)?;
                let n = len(args[0])?;
                self.memo_with("hex", args[1], |r| {
                    Value::String(r.pick_from(b"0123456789abcdef", n))
                })
            }
            "bw_message_id" => {
                need(2)?;
                let ms = self.offset(offset(args[1])?).timestamp_millis();
                self.memo_with("bw_message_id", args[0], |r| {
                    let tail = r.pick_from(b"abcdefghijklmnopqrstuvwxyz0123456789", 16);
                    Value::String(format!("{ms}{tail}"))
                })
            }
            "bw_call_id" => {
                need(1)?;
                self.memo_with("bw_call_id", args[0], |r| {
                    Value::String(format!("c-{}", r.bw_id_body()))
                })
            }
            "bw_conference_id" => {
                need(1)?;
                self.memo_with("bw_conference_id", args[0], |r| {
                    Value::String(format!("conf-{}", r.bw_id_body()))
                })
            }
            "call_control_id" => {
                need(1)?;
                self.memo_with("call_control_id", args[0], |r| {
                    let mut bytes = [0u8; 40];
                    r.rng.fill(&mut bytes);
                    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
                    Value::String(format!("v3:{token}"))
                })
            }
            "text" | "parts" | "segments" | "encoding" | "num_chars" => {
                need(1)?;
                let text = self.text(args[0]);
                match kind {
                    "text" => Value::String(text),
                    "parts" | "segments" => Value::from(sms::segments(&text)),
                    "encoding" => Value::String(sms::encoding(&text).name().to_string()),
                    _ => Value::from(sms::units(&text)),
                }
            }
            "choice" => {
                let name = args.first().ok_or_else(|| bad("takes NAME and options"))?;
                let options = text
                    .split_once(name)
                    .map(|(_, rest)| rest.trim())
                    .unwrap_or_default();
                let options: Vec<String> = options.split('|').map(|o| o.to_string()).collect();
                if options.len() < 2 {
                    return Err(bad("needs at least two `|`-separated options"));
                }
                self.memo_with("choice", name, |r| {
                    Value::String(options.choose(&mut r.rng).cloned().unwrap_or_default())
                })
            }
            "telnyx_error_code" | "telnyx_error_title" | "telnyx_error_detail" => {
                need(1)?;
                let i = self.memo_index("telnyx_error", args[0], telnyx::MESSAGING_ERRORS.len());
                let (code, title, detail) = telnyx::MESSAGING_ERRORS[i];
                Value::String(
                    match kind {
                        "telnyx_error_code" => code,
                        "telnyx_error_title" => title,
                        _ => detail,
                    }
                    .to_string(),
                )
            }
            "bw_error_code" | "bw_error_description" => {
                need(1)?;
                let codes = bandwidth::error_codes();
                if codes.is_empty() {
                    return Err(bad("the embedded Bandwidth error-code table is empty"));
                }
                let i = self.memo_index("bw_error", args[0], codes.len());
                match kind {
                    "bw_error_code" => Value::from(codes[i].code),
                    _ => Value::String(codes[i].description.clone()),
                }
            }
            _ => {
                return Err(TemplateError::UnknownKind {
                    kind: kind.to_string(),
                    text: text.to_string(),
                });
            }
        })
    }

    fn memo_with(
        &mut self,
        kind: &'static str,
        name: &str,
        make: impl FnOnce(&mut Self) -> Value,
    ) -> Value {
        if let Some((_, _, v)) = self.memo.iter().find(|(k, n, _)| *k == kind && n == name) {
            return v.clone();
        }
        let v = make(self);
        self.memo.push((kind, name.to_string(), v.clone()));
        v
    }

    fn memo_index(&mut self, kind: &'static str, name: &str, len: usize) -> usize {
        let v = self.memo_with(kind, name, |r| Value::from(r.rng.random_range(0..len)));
        v.as_u64().map(|i| i as usize).unwrap_or(0) % len.max(1)
    }

    fn text(&mut self, name: &str) -> String {
        self.memo_with("text", name, |r| {
            Value::String(
                TEXTS
                    .choose(&mut r.rng)
                    .copied()
                    .unwrap_or("ok")
                    .to_string(),
            )
        })
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    fn scaled(&self, offset_ms: i64) -> i64 {
        (offset_ms as f64 * self.tempo).round() as i64
    }

    fn offset(&self, offset_ms: i64) -> DateTime<Utc> {
        self.at + Duration::milliseconds(self.scaled(offset_ms))
    }

    fn uuid(&mut self) -> String {
        let mut b = [0u8; 16];
        self.rng.fill(&mut b);
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = String::with_capacity(36);
        for (i, x) in b.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                out.push('-');
            }
            out.push(char::from(HEX[usize::from(x >> 4)]));
            out.push(char::from(HEX[usize::from(x & 0x0f)]));
        }
        out
    }

    fn phone(&mut self, toll_free: bool) -> String {
        let codes = if toll_free {
            TOLL_FREE_CODES
        } else {
            AREA_CODES
        };
        // 16 area codes x 100 numbers: far more than any document uses, so this ends quickly.
        loop {
            let npa = codes.choose(&mut self.rng).copied().unwrap_or("312");
            let line: u32 = self.rng.random_range(0..100);
            let number = format!("+1{npa}55501{line:02}");
            if self.numbers.insert(number.clone()) {
                return number;
            }
        }
    }

    fn digits(&mut self, n: usize) -> String {
        let mut s = String::with_capacity(n);
        for i in 0..n {
            let d = if i == 0 {
                self.rng.random_range(1..10)
            } else {
                self.rng.random_range(0..10)
            };
            s.push(char::from(b'0' + d as u8));
        }
        s
    }

    fn pick_from(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n)
            .map(|_| char::from(*alphabet.choose(&mut self.rng).unwrap_or(&b'0')))
            .collect()
    }

    fn bw_id_body(&mut self) -> String {
        let hex = b"0123456789abcdef";
        format!(
            "{}-{}-{}-{}-{}-{}",
            self.pick_from(hex, 8),
            self.pick_from(hex, 8),
            self.pick_from(hex, 4),
            self.pick_from(hex, 4),
            self.pick_from(hex, 4),
            self.pick_from(hex, 12)
        )
    }
}

/// Format an instant the way a provider writes it (see `fixtures/README.md`).
pub fn format_time(at: DateTime<Utc>, format: &str) -> Option<String> {
    Some(match format {
        "ms" => at.to_rfc3339_opts(SecondsFormat::Millis, true),
        "us" => at.to_rfc3339_opts(SecondsFormat::Micros, true),
        "s" => at.to_rfc3339_opts(SecondsFormat::Secs, true),
        "ms+00" => at.to_rfc3339_opts(SecondsFormat::Millis, false),
        "us+00" => at.to_rfc3339_opts(SecondsFormat::Micros, false),
        // A card's expiry (Telnyx Pay `expiration_date`).
        "mmyy" => at.format("%m%y").to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(seed: u64) -> Renderer {
        Renderer::new(Seed {
            seed: Some(seed),
            at: DateTime::parse_from_rfc3339("2026-01-02T03:04:05.678Z")
                .ok()
                .map(|d| d.with_timezone(&Utc)),
        })
    }

    #[test]
    fn same_name_same_value_different_name_different_value() {
        let v = fixed(1)
            .render(r#"{"a":"{{uuid x}}","b":"{{uuid x}}","c":"{{uuid y}}","p":"{{phone a}}","q":"{{phone b}}"}"#)
            .unwrap();
        assert_eq!(v["a"], v["b"]);
        assert_ne!(v["a"], v["c"]);
        assert_ne!(v["p"], v["q"]);
    }

    #[test]
    fn whole_string_numeric_placeholders_become_numbers_and_splices_stay_strings() {
        let v = fixed(2)
            .render(r#"{"n":"{{int 3 3 n}}","s":"n={{int 3 3 n}}","e":"{{epoch 0}}","es":"{{epoch 0 string}}"}"#)
            .unwrap();
        assert_eq!(v["n"], Value::from(3));
        assert_eq!(v["s"], Value::from("n=3"));
        assert_eq!(v["e"], Value::from(1_767_323_045_i64));
        assert_eq!(v["es"], Value::from("1767323045"));
        for bad in [
            r#""{{epoch 0 number}}""#,
            r#""{{epoch}}""#,
            r#""{{epoch 0 string x}}""#,
        ] {
            assert!(
                matches!(fixed(2).render(bad), Err(TemplateError::BadArgs { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn ids_have_the_documented_shapes() {
        let v = fixed(3)
            .render(
                r#"{"u":"{{uuid a}}","c":"{{bw_call_id c}}","m":"{{bw_message_id m 0}}","cc":"{{call_control_id x}}","p":"{{phone p}}"}"#,
            )
            .unwrap();
        let u = v["u"].as_str().unwrap();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        let c = v["c"].as_str().unwrap();
        assert!(c.starts_with("c-") && c.len() == 47, "{c}");
        let m = v["m"].as_str().unwrap();
        assert_eq!(&m[..13], "1767323045678");
        assert_eq!(m.len(), 29);
        let cc = v["cc"].as_str().unwrap();
        assert!(cc.starts_with("v3:") && cc.len() == 57, "{cc}");
        let p = v["p"].as_str().unwrap();
        assert!(
            p.starts_with("+1") && &p[5..10] == "55501" && p.len() == 12,
            "{p}"
        );
    }

    #[test]
    fn times_keep_their_order_and_format() {
        let v = fixed(4)
            .render(r#"["{{time -2000 ms+00}}","{{time -1000 us}}","{{time 0 ms}}","{{duration -2000 0}}"]"#)
            .unwrap();
        let a = v[0].as_str().unwrap();
        let b = v[1].as_str().unwrap();
        assert!(a.ends_with("+00:00") && a.len() == 29, "{a}");
        assert!(b.ends_with('Z') && b.len() == 27, "{b}");
        assert_eq!(v[2], Value::from("2026-01-02T03:04:05.678Z"));
        let parse = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        assert!(parse(a) < parse(b));
        assert!(v[3].as_str().unwrap().starts_with("PT"));
    }

    #[test]
    fn same_seed_and_time_render_identically() {
        let t = r#"{"a":"{{uuid x}}","t":"{{text m}}","n":"{{parts m}}","at":"{{time -500 ms}}"}"#;
        assert_eq!(fixed(9).render(t).unwrap(), fixed(9).render(t).unwrap());
        assert_ne!(fixed(9).render(t).unwrap(), fixed(10).render(t).unwrap());
    }

    #[test]
    fn unknown_kind_and_bad_arguments_are_errors() {
        assert!(matches!(
            fixed(1).render(r#""{{nope x}}""#),
            Err(TemplateError::UnknownKind { .. })
        ));
        assert!(matches!(
            fixed(1).render(r#""{{uuid}}""#),
            Err(TemplateError::BadArgs { .. })
        ));
        assert!(matches!(
            fixed(1).render(r#""x {{uuid a""#),
            Err(TemplateError::Unclosed(_))
        ));
    }

    #[test]
    fn choice_options_may_contain_spaces() {
        let v = fixed(5)
            .render(r#""{{choice carrier T-MOBILE USA, INC.|AT&T}}""#)
            .unwrap();
        assert!(["T-MOBILE USA, INC.", "AT&T"].contains(&v.as_str().unwrap()));
    }

    #[test]
    fn text_derived_values_agree_with_the_text() {
        for seed in 0..50 {
            let v = fixed(seed)
                .render(r#"{"t":"{{text m}}","p":"{{parts m}}","e":"{{encoding m}}"}"#)
                .unwrap();
            let t = v["t"].as_str().unwrap();
            assert_eq!(v["p"], Value::from(sms::segments(t)));
            assert_eq!(v["e"], Value::from(sms::encoding(t).name()));
        }
    }

    #[test]
    fn the_bandwidth_error_table_is_embedded() {
        assert_eq!(bandwidth::error_codes().len(), 68);
    }
}
