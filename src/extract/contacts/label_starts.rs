//! Where LABEL matches start, found without running LABEL over the whole text: LABEL's own
//! search stopped at every 办, 地, 经, 电, 手 … of a letter (each a possible first character)
//! and cost ~5,000 instructions a document.
//!
//! Every alternative of LABEL opens with a first character followed, after `\s*`, by a second
//! one. So a match starts either where one of the two-character pairs below is written, or
//! where a first character stands before a whitespace character: [`candidates`] finds both
//! (a literal search and [`line_scan::spaces`]), and the leftmost candidate at which LABEL
//! matches, anchored, is the leftmost match.
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;

/// Every first-and-second-character pair a LABEL match can open with, written together.
static PAIRS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        "联系|联繫|联络|联絡|聯系|聯繫|聯络|聯絡|承办|承辦|经办|经辦|經办|經辦|办公|辦公|电话|电話|電话|電話|",
        "手机|手機|传真|傳真|邮政|郵政|邮编|郵編|签发|簽發|领导|領導|审核|審核|核稿|负责|負責|地址|邮箱|郵箱|",
        "e-|E-|em|eM|Em|EM",
    ))
    .expect("label pair regex")
});

/// The first characters LABEL allows spaces after (办公 and e-mail are written together).
fn spaced_first(c: char) -> bool {
    matches!(
        c,
        '联' | '聯' | '承' | '经' | '經' | '电' | '電' | '手' | '传' | '傳' | '邮' | '郵' | '签' | '簽' | '领' | '領' | '审' | '審' | '核' | '负' | '負' | '地'
    )
}

/// The byte offsets where a LABEL match may start, in text order, each once.
pub fn candidates(text: &str) -> Vec<usize> {
    // Overlapping pairs (经办公, 审核稿) each start a candidate: the search goes on one
    // character after each pair's start, not after its end.
    let mut at: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(m) = PAIRS.find_at(text, from) {
        at.push(m.start());
        from = m.start() + text.get(m.start()..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
    }
    // (`\s` takes the line end too, which [`line_scan::spaces`] leaves out)
    let line_ends = memchr::memchr_iter(b'\n', text.as_bytes());
    for w in line_scan::spaces(text).into_iter().chain(line_ends) {
        if let Some(c) = text.get(..w).and_then(|h| h.chars().next_back()).filter(|&c| spaced_first(c)) {
            at.push(w - c.len_utf8());
        }
    }
    at.sort_unstable();
    at.dedup();
    at
}

/// The start of the leftmost match of `label` at or after each offset asked about (asked in
/// non-decreasing order): `label.find_at(text, from)`'s start, by anchored tries at the
/// candidates. `anchored` is `label` with `^` before it.
pub struct Starts<'t> {
    text: &'t str,
    anchored: &'static Regex,
    candidates: Vec<usize>,
    next: usize,
    /// The last answer and the offset it was asked for.
    last: Option<(usize, Option<usize>)>,
}

impl<'t> Starts<'t> {
    pub fn new(text: &'t str, anchored: &'static Regex) -> Self {
        Starts { text, anchored, candidates: candidates(text), next: 0, last: None }
    }

    /// Where the leftmost match starting at or after `from` starts.
    pub fn first_from(&mut self, from: usize) -> Option<usize> {
        if let Some((asked, found)) = self.last {
            // the same answer serves until the search passes it
            if asked <= from && found.is_none_or(|f| f >= from) {
                return found;
            }
        }
        while self.candidates.get(self.next).is_some_and(|&c| c < from) {
            self.next += 1;
        }
        let text = self.text;
        let found = self.candidates.get(self.next..).unwrap_or(&[]).iter().copied().find(|&c| {
            text.get(c..).is_some_and(|rest| self.anchored.is_match(rest))
        });
        self.last = Some((from, found));
        found
    }

    /// Whether a match starts in `[start, end)`; calls come with non-decreasing `start`.
    pub fn within(&mut self, start: usize, end: usize) -> bool {
        self.first_from(start).is_some_and(|at| at < end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::labels::{LABEL, LABEL_AT};
    use super::*;

    const TRICKY: [&str; 16] = [
        "经办公电话：0731-1234567", "审核稿人：张三", "联 系 人：张三", "電\u{3000}話:1234567", "E-Mail:a@b.cn EMAIL eMail",
        "邮\n箱：a@b.cn", "地 址：某路", "核\u{2003}稿", "手\t機13800000000", "密切联系群众，领导干部负责", "办公 电话：1234567",
        "承\n\n办\n人", "聯 繫 人", "传 真：1234567", "签 发 人：李四", "e-mail e- mail",
    ];

    fn texts() -> Vec<String> {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(crate::extract::samples::real_dev_texts());
        texts.extend(crate::extract::samples::real_dev_raw());
        texts.extend(TRICKY.map(String::from));
        texts.push(TRICKY.join("\n"));
        texts
    }

    fn line_starts(text: &str) -> Vec<usize> {
        std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
    }

    /// Every match, from any line start on, starts at a candidate.
    #[test]
    fn every_match_starts_at_a_candidate() {
        let mut found = 0;
        for text in texts() {
            let cands = candidates(&text);
            for s in line_starts(&text) {
                if let Some(m) = LABEL.find_at(&text, s) {
                    assert!(cands.binary_search(&m.start()).is_ok(), "{:?} in {text:?}", m.as_str());
                    found += 1;
                }
            }
        }
        assert!(found > 500, "{found}");
    }

    /// The starts asked line by line are those of the plain whole-text search.
    #[test]
    fn starts_same_as_find_at() {
        let mut found = 0;
        for text in texts() {
            let mut starts = Starts::new(&text, &LABEL_AT);
            for s in line_starts(&text) {
                let want = LABEL.find_at(&text, s).map(|m| m.start());
                assert_eq!(starts.first_from(s), want, "from {s} in {text:?}");
                found += usize::from(want.is_some());
            }
        }
        assert!(found > 500, "{found}");
    }
}
