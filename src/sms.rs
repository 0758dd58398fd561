//! SMS facts shared by both providers: which encoding a text needs, how many segments (Telnyx
//! `parts`, Bandwidth `segmentCount`) it is split into, and what a phone number looks like.

/// A +E.164 number: `+`, then 7 to 15 digits, the first not 0 (as both messaging APIs take it).
pub fn e164(s: &str) -> bool {
    s.strip_prefix('+').is_some_and(|digits| {
        (7..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

/// The character set a text is sent in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    /// The spelling Telnyx uses in `payload.encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Gsm7 => "GSM-7",
            Encoding::Ucs2 => "UCS-2",
        }
    }
}

/// GSM 03.38 basic character set (one septet each).
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?\
¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// GSM 03.38 extension table (escape + septet: two each).
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{000C}";

/// The ASCII characters of a table, for a lookup instead of a scan.
const fn ascii_of(table: &str) -> [bool; 128] {
    let bytes = table.as_bytes();
    let mut out = [false; 128];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < 128 {
            out[bytes[i] as usize] = true;
        }
        i += 1;
    }
    out
}

const GSM_ASCII: [bool; 128] = {
    let basic = ascii_of(GSM_BASIC);
    let extended = ascii_of(GSM_EXTENDED);
    let mut out = [false; 128];
    let mut i = 0;
    while i < 128 {
        out[i] = basic[i] || extended[i];
        i += 1;
    }
    out
};

fn is_gsm(c: char) -> bool {
    if c.is_ascii() {
        GSM_ASCII[c as usize]
    } else {
        GSM_BASIC.contains(c) || GSM_EXTENDED.contains(c)
    }
}

pub fn encoding(text: &str) -> Encoding {
    if text.chars().all(is_gsm) {
        Encoding::Gsm7
    } else {
        Encoding::Ucs2
    }
}

/// Length in the units the encoding counts: septets for GSM-7 (extension characters count
/// two), UTF-16 code units for UCS-2 (an emoji outside the BMP counts two).
pub fn units(text: &str) -> usize {
    match encoding(text) {
        Encoding::Gsm7 => text
            .chars()
            .map(|c| if GSM_EXTENDED.contains(c) { 2 } else { 1 })
            .sum(),
        Encoding::Ucs2 => text.encode_utf16().count(),
    }
}

/// Number of SMS segments: 160/153 septets (GSM-7) or 70/67 code units (UCS-2) per segment,
/// single/concatenated. An empty text still takes one segment.
pub fn segments(text: &str) -> usize {
    let units = units(text);
    let (single, multi) = match encoding(text) {
        Encoding::Gsm7 => (160, 153),
        Encoding::Ucs2 => (70, 67),
    };
    if units <= single {
        1
    } else {
        units.div_ceil(multi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_e164_number_is_a_plus_and_7_to_15_digits_not_starting_with_0() {
        for good in ["+13125550123", "+4420794600", "+1234567"] {
            assert!(e164(good), "{good}");
        }
        for bad in [
            "13125550123",
            "+1invalid",
            "+0123456789",
            "+123456",
            "+1234567890123456",
            "+",
            "+١٢٣٤٥٦٧٨",
        ] {
            assert!(!e164(bad), "{bad}");
        }
    }

    #[test]
    fn gsm_text_fits_160_septets_in_one_segment() {
        assert_eq!(encoding("Hello there!"), Encoding::Gsm7);
        assert_eq!(segments(&"a".repeat(160)), 1);
        assert_eq!(segments(&"a".repeat(161)), 2);
        assert_eq!(segments(&"a".repeat(306)), 2);
        assert_eq!(segments(&"a".repeat(307)), 3);
    }

    #[test]
    fn extension_characters_count_twice() {
        assert_eq!(units("{}"), 4);
        assert_eq!(segments(&"€".repeat(80)), 1);
        assert_eq!(segments(&"€".repeat(81)), 2);
    }

    #[test]
    fn non_gsm_text_switches_to_ucs2_and_70_unit_segments() {
        assert_eq!(encoding("See you soon 🙂"), Encoding::Ucs2);
        assert_eq!(units("🙂"), 2);
        assert_eq!(segments(&"ж".repeat(70)), 1);
        assert_eq!(segments(&"ж".repeat(71)), 2);
        assert_eq!(segments(&"ж".repeat(135)), 3);
    }

    #[test]
    fn the_ascii_lookup_agrees_with_the_tables() {
        for b in 0u8..128 {
            let c = char::from(b);
            let scanned = GSM_BASIC.contains(c) || GSM_EXTENDED.contains(c);
            assert_eq!(is_gsm(c), scanned, "{b:#04x}");
        }
        assert!(!is_gsm('`'));
        assert!(is_gsm('é') && is_gsm('€') && !is_gsm('ж'));
    }

    #[test]
    fn empty_text_is_one_segment() {
        assert_eq!(segments(""), 1);
    }
}
