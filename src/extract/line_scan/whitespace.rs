//! Whitespace found by its UTF-8 bytes, without decoding characters: every whitespace
//! offset of a text from SIMD searches, and the whitespace character at a byte offset.

/// The two last bytes of U+3000 (E3 80 80). Searched without the lead byte: E3 80 opens most
/// CJK punctuation, which the searcher would stop at, while 80 80 ends only U+3000, U+4000,
/// U+5000 … in Chinese text.
static IDEOGRAPHIC_SPACE_TAIL: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"\x80\x80"));

/// Call `found` with the byte offset of every whitespace character of `text` other than the
/// line end, in no set order: what `text.char_indices()` gives for `c != '\n' &&
/// c.is_whitespace()`, from SIMD searches. Every whitespace character opens with one of the
/// bytes 09–0D, 20, C2, E1, E2, E3, and the only one opening with E3 (the lead byte of 。、《》)
/// is U+3000; in genre text they are few, where a walk over the characters costs several
/// instructions a byte. Each hit is told by its byte pattern ([`whitespace_len`]), undecoded.
pub(crate) fn for_each_space(text: &str, mut found: impl FnMut(usize)) {
    let bytes = text.as_bytes();
    let mut hit = |w: usize| {
        if whitespace_len(bytes.get(w..).unwrap_or_default()) > 0 {
            found(w);
        }
    };
    memchr::memchr3_iter(b' ', b'\t', b'\r', bytes).for_each(&mut hit);
    memchr::memchr3_iter(0x0B, 0x0C, 0xC2, bytes).for_each(&mut hit);
    memchr::memchr2_iter(0xE1, 0xE2, bytes).for_each(&mut hit);
    for tail in IDEOGRAPHIC_SPACE_TAIL.find_iter(bytes) {
        if let Some(w) = tail.checked_sub(1).filter(|&w| bytes.get(w) == Some(&0xE3)) {
            hit(w);
        }
    }
}

/// [`for_each_space`]'s offsets in text order.
#[cfg(test)]
pub(crate) fn spaces(text: &str) -> Vec<usize> {
    let mut at = Vec::new();
    for_each_space(text, |w| at.push(w));
    at.sort_unstable();
    at
}

/// The length of the whitespace character (`char::is_whitespace`, the regex crate's `\s`)
/// at byte `at` of `bytes`, 0 when there is none there (or `at` is past the end).
#[inline]
pub(crate) fn space_at(bytes: &[u8], at: usize) -> usize {
    whitespace_len(bytes.get(at..).unwrap_or_default())
}

/// The length in bytes of the UTF-8 character whose first byte is `lead`.
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        ..0x80 => 1,
        ..0xE0 => 2,
        ..0xF0 => 3,
        _ => 4,
    }
}

/// The length of the whitespace character (`char::is_whitespace`) `b` opens with, 0 when it
/// opens with none: U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
/// U+2029, U+202F, U+205F, U+3000.
pub(super) fn whitespace_len(b: &[u8]) -> usize {
    match b {
        [b'\t'..=b'\r' | b' ', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] => 3,
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] => 3,
        [0xE2, 0x81, 0x9F, ..] => 3,
        [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte patterns of whitespace are exactly `char::is_whitespace`, on every character.
    #[test]
    fn whitespace_bytes_same_as_is_whitespace() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let enc = c.encode_utf8(&mut buf).as_bytes();
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_len(enc), want, "{c:?}");
            assert_eq!(utf8_len(enc[0]), c.len_utf8(), "{c:?}");
            // a whitespace character never starts at or above the lead byte stepped over whole
            assert!(want == 0 || enc[0] < 0xE4, "{c:?}");
        }
    }

    #[test]
    fn spaces_same_as_walking_the_characters() {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(crate::extract::samples::real_dev_raw());
        let all_ws: String = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        texts.push(format!("对{all_ws}市|十七届\u{3001}\u{2030}\u{1681}\u{a1}é。“”—…\u{4000}\u{3000}"));
        texts.extend(["", "\n", " ", "\u{3000}"].map(String::from));
        let mut found = 0;
        for text in &texts {
            let slow: Vec<usize> = text.char_indices().filter(|&(_, c)| c != '\n' && c.is_whitespace()).map(|(i, _)| i).collect();
            assert_eq!(spaces(text), slow, "{text:?}");
            found += slow.len();
        }
        assert!(found > 100, "{found}");
    }

}
