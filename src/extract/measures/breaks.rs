//! Which lines hold a paragraph break of a flattened page (`[。！？!?：:；;|]\s+` inside a line),
//! found from SIMD searches for the whitespace over the whole text: nearly every line has
//! punctuation (the regex's own prefilter stopped at every 。 and :, ~5,000 instructions a
//! document) but few have a space inside, and the lines without a break cost no regex call.
//!
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests. Every
//! whitespace character opens with one of the bytes 09–0D, 20, C2, E1, E2, E3, and the only one
//! opening with E3 (the lead byte of 。、《》) is U+3000: searching those bytes (and U+3000 whole)
//! meets every whitespace character of the text.

use std::sync::LazyLock;

use memchr::memmem;

/// The two last bytes of U+3000 (E3 80 80). Searched without the lead byte: E3 80 opens most
/// CJK punctuation, which the searcher would stop at, while 80 80 ends only U+3000, U+4000,
/// U+5000 … in Chinese text.
static IDEOGRAPHIC_SPACE_TAIL: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new(b"\x80\x80"));

/// The byte offsets of the break punctuation followed by whitespace, asked about line by line.
pub struct Breaks {
    /// Sorted; nearly always empty outside flattened pages.
    at: Vec<usize>,
    next: usize,
}

impl Breaks {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut at = Vec::new();
        let mut push = |w: usize| {
            if let Some(p) = break_before(text, w) {
                at.push(p);
            }
        };
        // (the line end 0A is the one whitespace byte not searched: it ends lines, not sentences)
        memchr::memchr3_iter(b' ', b'\t', b'\r', bytes).for_each(&mut push);
        memchr::memchr3_iter(0x0B, 0x0C, 0xC2, bytes).for_each(&mut push);
        memchr::memchr2_iter(0xE1, 0xE2, bytes).for_each(&mut push);
        for tail in IDEOGRAPHIC_SPACE_TAIL.find_iter(bytes) {
            if let Some(w) = tail.checked_sub(1).filter(|&w| bytes.get(w) == Some(&0xE3)) {
                push(w);
            }
        }
        at.sort_unstable();
        Breaks { at, next: 0 }
    }

    /// Whether a break starts in `[start, end)`, a line; calls come with increasing `start`.
    pub fn within(&mut self, start: usize, end: usize) -> bool {
        while self.at.get(self.next).is_some_and(|&p| p < start) {
            self.next += 1;
        }
        self.at.get(self.next).is_some_and(|&p| p < end)
    }
}

/// When a whitespace character other than the line end starts at byte `w` right after break
/// punctuation: the punctuation's offset.
fn break_before(text: &str, w: usize) -> Option<usize> {
    let space = text.get(w..)?.chars().next()?;
    if space == '\n' || !space.is_whitespace() {
        return None;
    }
    let mark = text.get(..w)?.chars().next_back()?;
    matches!(mark, '。' | '！' | '？' | '!' | '?' | '：' | ':' | '；' | ';' | '|').then(|| w - mark.len_utf8())
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// The pattern the scanner stands in for, as it was.
    static INLINE_BREAK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[。！？!?：:；;|]\s+").unwrap());

    #[test]
    fn same_lines_as_the_regex() {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(crate::extract::samples::real_dev_texts());
        texts.push(
            "感谢。\n答复如下: 一、关于资金。正文。\u{3000}二、其他\n完。\n|  |\n！ x\n？\u{2003}\n；\t\n：\u{a0}y\n;\n。\n"
                .to_string(),
        );
        texts.push("一。\n\n二!\u{85}\n三?\u{205f}\n四，\u{3000}\n五） \n六| 七\n：".to_string());
        texts.push("五:\u{1680}x\n六;\u{b}y\n七。\u{c}z\n八:\u{2028}w\n九|\r\n十“ ”\u{3000}\n”：\u{3000}".to_string());
        texts.push(String::new());
        let mut with_break = 0;
        for text in &texts {
            let mut breaks = Breaks::new(text);
            for (start, line) in crate::extract::line_scan::lines(text) {
                let want = INLINE_BREAK.is_match(line);
                assert_eq!(breaks.within(start, start + line.len()), want, "{line:?}");
                with_break += usize::from(want);
            }
        }
        assert!(with_break > 15, "{with_break}");
    }
}
