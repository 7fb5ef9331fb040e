//! Which lines hold a paragraph break of a flattened page (`[。！？!?：:；;|]\s+` inside a line),
//! found from SIMD searches for the whitespace over the whole text: nearly every line has
//! punctuation (the regex's own prefilter stopped at every 。 and :, ~5,000 instructions a
//! document) but few have a space inside, and the lines without a break cost no regex call.
//!
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests: the
//! whitespace is found by [`line_scan::for_each_space`].

use crate::extract::line_scan;

/// The byte offsets of the break punctuation followed by whitespace, asked about line by line.
pub struct Breaks {
    /// Sorted; nearly always empty outside flattened pages.
    at: Vec<usize>,
    next: usize,
}

impl Breaks {
    pub fn new(text: &str) -> Self {
        // (the line end is the one whitespace not looked at: it ends lines, not sentences)
        let mut at = Vec::new();
        line_scan::for_each_space(text, |w| at.extend(break_before(text, w)));
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
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    /// The pattern the scanner stands in for, as it was.
    static INLINE_BREAK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[。！？!?：:；;|]\s+").unwrap());

    #[test]
    fn same_lines_as_the_regex() {
        let mut texts = crate::extract::samples::genre_texts();
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
