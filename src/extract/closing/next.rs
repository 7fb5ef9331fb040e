//! The next match of a cheap anchor regex in a text, asked line by line in text order: one
//! search over the whole text (literal anchors run on the regex crate's SIMD prefilters) serves
//! every line, where a `line.contains` per line pays a search set-up on each of them. Lines
//! holding no anchor are then skipped before any costly regex runs.

use regex::Regex;

/// The next match of an anchor at or after the last line start asked about.
pub struct Next<'r> {
    anchor: &'r Regex,
    /// Byte offset of the next match, `None` when there is no more.
    at: Option<usize>,
}

impl<'r> Next<'r> {
    /// Start at the top of `text`.
    pub fn new(text: &str, anchor: &'r Regex) -> Self {
        Next { anchor, at: anchor.find(text).map(|m| m.start()) }
    }

    /// Whether an anchor starts in `text[start..end]`. Calls must come with non-decreasing `start`.
    pub fn within(&mut self, text: &str, start: usize, end: usize) -> bool {
        if let Some(at) = self.at {
            if at < start {
                self.at = self.anchor.find_at(text, start).map(|m| m.start());
            }
        }
        self.at.is_some_and(|at| at >= start && at < end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_contains_line_by_line() {
        let anchor = Regex::new("日|[.]").unwrap();
        let text = "某某局\n2024年6月5日\n\n正文。日期\n2021.11.19\n日\n.";
        let mut next = Next::new(text, &anchor);
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            assert_eq!(next.within(text, start, end), line.contains(['日', '.']), "{line:?}");
            start = end + 1;
        }
        assert!(!Next::new("", &anchor).within("", 0, 0));
    }
}
