//! Visiting only the lines that can matter: the lines holding an anchor (a literal every
//! match of a costlier rule must contain), found by one search over the whole text instead of
//! a test on every line (literal anchors run on the regex crate's SIMD prefilters, where a
//! `line.contains` per line pays a search set-up on each line); and a few small helpers on
//! layout spaces shared by the header extractors.

use std::borrow::Cow;

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

/// Whether `s` with the characters `drop` accepts removed contains `needle` (which holds none
/// of them), without building the squeezed string unless the line holds such a character.
pub(crate) fn squeezed_contains(s: &str, needle: &str, drop: impl Fn(char) -> bool + Copy) -> bool {
    if s.contains(needle) {
        return true;
    }
    // every character of the needle must be there, and some dropped character between them
    if needle.chars().last().is_some_and(|c| !s.contains(c)) || !s.contains(drop) {
        return false;
    }
    s.chars().filter(|&c| !drop(c)).collect::<String>().contains(needle)
}

/// `s` without its layout characters (whitespace, and table pipes when `pipes`), borrowed when
/// it has none. A walk over the characters by their lead bytes, without decoding them: only
/// ASCII and the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 can start a whitespace character, so a
/// Han character (lead byte 0xE4–0xE9) is stepped over at once.
pub(crate) fn squeeze_layout(s: &str, pipes: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let n = match b {
            0xE4.. => 0,
            b'|' => usize::from(pipes),
            _ => whitespace_len(bytes.get(i..).unwrap_or_default()),
        };
        if n == 0 {
            i += utf8_len(b);
            continue;
        }
        // copy the run before the layout character whole
        let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
        o.push_str(s.get(run..i).unwrap_or_default());
        i += n;
        run = i;
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(s.get(run..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// `s` without its leading layout characters (whitespace, and table pipes when `pipes`): what
/// `s.trim_start_matches(|c| c.is_whitespace() || (pipes && c == '|'))` gives, by bytes.
#[inline]
pub(crate) fn trim_layout_start(s: &str, pipes: bool) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let n = if b == b'|' { usize::from(pipes) } else { whitespace_len(bytes.get(i..).unwrap_or_default()) };
        if n == 0 {
            break;
        }
        i += n;
    }
    s.get(i..).unwrap_or_default()
}

/// The length of the whitespace character (`char::is_whitespace`, the regex crate's `\s`)
/// at byte `at` of `bytes`, 0 when there is none there (or `at` is past the end).
#[inline]
pub(crate) fn space_at(bytes: &[u8], at: usize) -> usize {
    whitespace_len(bytes.get(at..).unwrap_or_default())
}

/// The length in bytes of the UTF-8 character whose first byte is `lead`.
fn utf8_len(lead: u8) -> usize {
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
fn whitespace_len(b: &[u8]) -> usize {
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
    fn trim_layout_start_same_as_trim_start_matches() {
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(["", " | 对", "|\u{3000}\u{a0}关于", "\u{2003}x", "无", " ", "|"].map(String::from));
        for l in &lines {
            for pipes in [false, true] {
                let want = l.trim_start_matches(|c: char| c.is_whitespace() || (pipes && c == '|'));
                assert_eq!(trim_layout_start(l, pipes), want, "{l:?}");
            }
        }
    }

    /// The byte scan drops exactly the characters a char-by-char filter drops, on every
    /// fixture line and on every whitespace character there is.
    #[test]
    fn squeeze_layout_same_as_filtering_chars() {
        let slow = |s: &str, pipes: bool| -> String { s.chars().filter(|&c| !(c.is_whitespace() || (pipes && c == '|'))).collect() };
        let mut lines = crate::extract::samples::fixture_lines();
        let all_ws: String = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert!(all_ws.chars().count() >= 25);
        lines.push(format!("对{all_ws}市|十七届\u{3001}\u{2030}\u{1681}\u{a1}é。"));
        lines.extend(["", " ", "|", "无空格", "a b\tc", "\u{3000}\u{3000}", "——…“”"].map(String::from));
        let mut changed = 0;
        for l in &lines {
            for pipes in [false, true] {
                let fast = squeeze_layout(l, pipes);
                assert_eq!(fast, slow(l, pipes), "{l:?}");
                assert_eq!(matches!(fast, Cow::Borrowed(_)), fast.len() == l.len());
                changed += usize::from(fast.len() != l.len());
            }
        }
        assert!(changed > 100, "{changed}");
    }

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

    #[test]
    fn lines_before_nearest_first() {
        let text = "甲\n\n乙\n丙";
        let at = text.find('丙').unwrap();
        assert_eq!(lines_before(text, at).collect::<Vec<_>>(), ["乙", "", "甲"]);
        assert_eq!(lines_before(text, 0).count(), 0);
    }

    #[test]
    fn squeezed_contains_sees_through_layout_spaces() {
        let ws = char::is_whitespace;
        assert!(squeezed_contains("同 意 公 开", "公开", ws));
        assert!(squeezed_contains("公开方式：主动公开", "公开", ws));
        assert!(!squeezed_contains("办公室 开会", "公开", ws));
        assert!(!squeezed_contains("我局召开会议", "公开", ws));
        let ws_or_pipe = |c: char| c.is_whitespace() || c == '|';
        assert!(squeezed_contains("收 | 悉", "收悉", ws_or_pipe));
        assert!(!squeezed_contains("收 | 悉", "收悉", ws));
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
