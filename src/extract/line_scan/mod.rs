//! Visiting only the lines that can matter: the lines holding an anchor (a literal every
//! match of a costlier rule must contain), found by one search over the whole text instead of
//! a test on every line (literal anchors run on the regex crate's SIMD prefilters, where a
//! `line.contains` per line pays a search set-up on each line). The small helpers on layout
//! spaces shared by the header extractors live in [`layout`] (squeezing and trimming) and
//! [`whitespace`] (finding whitespace by its bytes), re-exported here.

mod layout;
mod whitespace;

pub(crate) use layout::{squeeze_layout, squeezed_contains, trim_layout_start};
pub(crate) use whitespace::{for_each_space, space_at};

use regex::Regex;

/// The lines of `text` (split on `\n`, like [`crate::normalize::Normalized::lines`]) holding a
/// match of `anchor`, in text order, each once, with the byte offset where each starts.
/// `anchor` must not match across a line end.
pub(crate) fn lines_with<'t>(text: &'t str, anchor: &'t Regex) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        if from > text.len() {
            return None;
        }
        let m = anchor.find_at(text, from)?;
        let start = line_start(text, m.start());
        let end = text.get(m.end()..).and_then(|t| t.find('\n')).map_or(text.len(), |i| m.end() + i);
        // past the line end: the next line (or the end of the text, which ends the scan)
        from = end + 1;
        text.get(start..end).map(|line| (start, line))
    })
}

/// The lines of `text` with the byte offset where each starts: what `text.split('\n')` gives
/// (an empty last line after a final line end included), the line ends found by a SIMD search
/// (`str::split` looks for them a byte at a time on short lines: ~170 instructions a line).
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        let to = match ends.next() {
            Some(end) => {
                start = Some(end + 1);
                end
            }
            None => {
                start = None;
                text.len()
            }
        };
        text.get(from..to).map(|line| (from, line))
    })
}

/// The lines of `text` holding `needle`, in text order, each once, with the byte offset where
/// each starts: [`lines_with`] for a literal, found by a SIMD search. `needle` must not hold a
/// line end.
pub(crate) fn lines_holding<'t>(
    text: &'t str,
    needle: &'t memchr::memmem::Finder<'_>,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + needle.find(text.as_bytes().get(from..)?)?;
        let start = line_start(text, at);
        let end = memchr::memchr(b'\n', text.as_bytes().get(at..)?).map_or(text.len(), |i| at + i);
        // past the line end: the next line (or the end of the text, which ends the scan)
        from = end + 1;
        text.get(start..end).map(|line| (start, line))
    })
}

/// Where the line holding byte `at` starts.
pub(crate) fn line_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1)
}

/// The lines before byte `at` (which starts a line), nearest first.
pub(crate) fn lines_before(text: &str, at: usize) -> impl Iterator<Item = &str> {
    let mut rest = text.get(..at).and_then(|t| t.strip_suffix('\n'));
    std::iter::from_fn(move || {
        let r = rest?;
        match r.rfind('\n') {
            Some(i) => {
                rest = r.get(..i);
                r.get(i + 1..)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

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
    fn lines_holding_the_anchor_once_each_in_order() {
        let anchor = Regex::new("号|號").unwrap();
        let text = "邵阳市财政局\n邵市财函〔2024〕7号 第8号\n\n陈业华代表：\n廈文旅函〔2023〕88號";
        let got: Vec<(usize, &str)> = lines_with(text, &anchor).collect();
        assert_eq!(got, [(19, "邵市财函〔2024〕7号 第8号"), (74, "廈文旅函〔2023〕88號")]);
        assert_eq!(text.get(74..), Some("廈文旅函〔2023〕88號"));
        // the anchor on the first and on a last line without a line end
        let got: Vec<&str> = lines_with("7号\nx\n8号", &anchor).map(|(_, l)| l).collect();
        assert_eq!(got, ["7号", "8号"]);
        assert_eq!(lines_with("没有", &anchor).count(), 0);
        assert_eq!(lines_with("", &anchor).count(), 0);
        // a text ending in a line end after an anchored line
        assert_eq!(lines_with("7号\n", &anchor).map(|(_, l)| l).collect::<Vec<_>>(), ["7号"]);
    }

    #[test]
    fn same_lines_as_filtering_every_line() {
        let anchor = Regex::new("公|类").unwrap();
        let text = "同意公开\n\n邵阳市发展和改革委员会文件\nA1类\n各类企业\n公\n\n类";
        let slow: Vec<&str> = text.split('\n').filter(|l| l.contains('公') || l.contains('类')).collect();
        let fast: Vec<&str> = lines_with(text, &anchor).map(|(_, l)| l).collect();
        assert_eq!(fast, slow);
        for (start, line) in lines_with(text, &anchor) {
            assert_eq!(text.get(start..start + line.len()), Some(line));
        }
    }

    #[test]
    fn lines_same_as_split_on_line_ends() {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(["", "\n", "\n\n", "一", "一\n", "\n一", "一\n\n二\r\n三"].map(String::from));
        for text in &texts {
            let mut offset = 0;
            let slow: Vec<(usize, &str)> = text
                .split('\n')
                .map(|l| {
                    let at = offset;
                    offset += l.len() + 1;
                    (at, l)
                })
                .collect();
            assert_eq!(lines(text).collect::<Vec<_>>(), slow, "{text:?}");
        }
    }

    #[test]
    fn lines_holding_a_literal_same_as_filtering_every_line() {
        let needle = memchr::memmem::Finder::new("步");
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(["", "步", "步\n", "\n步", "下步\n\n下一步 步\n无\n步"].map(String::from));
        let mut found = 0;
        for text in &texts {
            let slow: Vec<(usize, &str)> = lines(text).filter(|(_, l)| l.contains('步')).collect();
            let fast: Vec<(usize, &str)> = lines_holding(text, &needle).collect();
            assert_eq!(fast, slow, "{text:?}");
            found += fast.len();
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn lines_before_nearest_first() {
        let text = "甲\n\n乙\n丙";
        let at = text.find('丙').unwrap();
        assert_eq!(lines_before(text, at).collect::<Vec<_>>(), ["乙", "", "甲"]);
        assert_eq!(lines_before(text, 0).count(), 0);
    }

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
