//! Page furniture: page-number lines (`— 2 —`, `-3-`, `- 4 -`, `第 5 页`, `第5页 共8页`,
//! `第5页/共8页`), bare page numbers and running headers.
//!
//! A line that is only a small number could be content (a table cell, a count), so it is not a
//! page number by itself: it is removed only when it sits inside a page break that splits a
//! sentence (decided by the joiner) or when bare numbers run up page by page through the document.

/// Dash-like characters that frame a page number (after the width fold `－` is `-`).
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '―' | '‒' | '−' | '﹣' | '~' | '·' | '•' | '一')
}

/// Page numbers are short: a line longer than this is never one.
const MAX_PAGE_LINE_BYTES: usize = 48;

/// A line that is only a page number in one of the printed forms.
pub(super) fn is_page_number(line: &str) -> bool {
    if line.is_empty() || line.len() > MAX_PAGE_LINE_BYTES {
        return false;
    }
    // Every form starts with a dash, 第 or 共: most lines are rejected without allocating.
    if !line.chars().next().is_some_and(|c| is_dash(c) || c == '第' || c == '共') {
        return false;
    }
    // At most 48 bytes, so at most 48 characters: no allocation.
    let mut buf = ['\0'; MAX_PAGE_LINE_BYTES];
    let mut n = 0;
    for c in line.chars().filter(|c| *c != ' ' && *c != '\t') {
        buf[n] = c;
        n += 1;
    }
    let compact = &buf[..n];
    framed_number(compact) || page_of(compact)
}

fn digits_len(s: &[char]) -> usize {
    s.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// `—2—`, `-3-`, `- 4 -`, `－12－` (spaces already removed). A single `一` is a dash only when
/// it frames digits on both sides, so a text line is never taken for one.
fn framed_number(s: &[char]) -> bool {
    let lead = s.iter().take_while(|c| is_dash(**c)).count();
    let trail = s.iter().rev().take_while(|c| is_dash(**c)).count();
    if lead == 0 || trail == 0 || lead + trail >= s.len() {
        return false;
    }
    let mid = &s[lead..s.len() - trail];
    (1..=4).contains(&mid.len()) && digits_len(mid) == mid.len()
}

/// `第5页`, `第5页共8页`, `第5页,共8页`, `第5页/共8页`, `共8页第5页`.
fn page_of(s: &[char]) -> bool {
    fn one(s: &[char], first: char) -> Option<usize> {
        if s.first() != Some(&first) {
            return None;
        }
        let d = digits_len(&s[1..]);
        if d == 0 || d > 4 || s.get(1 + d) != Some(&'页') {
            return None;
        }
        Some(2 + d)
    }
    let seps = |c: &char| matches!(c, ',' | '/' | '、' | '|' | ';');
    let (a, b) = match (one(s, '第'), one(s, '共')) {
        (Some(n), _) => (n, '共'),
        (None, Some(n)) => (n, '第'),
        (None, None) => return false,
    };
    let mut rest = &s[a..];
    if rest.is_empty() {
        return b == '共'; // `共8页` alone is not a page number
    }
    if rest.first().is_some_and(seps) {
        rest = &rest[1..];
    }
    one(rest, b) == Some(rest.len())
}

/// A line that is only a number from 1 to 999: maybe a page number, maybe content.
pub(super) fn bare_number(line: &str) -> Option<u32> {
    if line.is_empty() || line.len() > 3 || !line.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    line.parse().ok().filter(|n| *n > 0)
}

/// Bare numbers that count up through the document one page apart are page numbers: for each
/// consecutive pair of bare-number lines `(orig line, value)` whose values go up by one and that
/// lie at least `MIN_PAGE_LINES` lines apart, both are marked.
pub(super) fn bare_page_sequence(bare: &[(usize, u32, u32)]) -> Vec<usize> {
    const MIN_PAGE_LINES: u32 = 8;
    let mut marked = Vec::new();
    for w in bare.windows(2) {
        let (i, line_a, a) = w[0];
        let (j, line_b, b) = w[1];
        if b == a + 1 && line_b >= line_a + MIN_PAGE_LINES {
            if marked.last() != Some(&i) {
                marked.push(i);
            }
            marked.push(j);
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_framed_page_numbers() {
        for s in ["— 2 —", "-3-", "- 4 -", "—12—", "-- 7 --", "– 9 –", "―10―", "~ 3 ~", "·2·", "一 2 一"] {
            assert!(is_page_number(s), "{s}");
        }
    }

    #[test]
    fn page_of_forms() {
        for s in ["第 5 页", "第5页", "第5页 共8页", "第5页/共8页", "第5页,共8页", "共8页 第5页", "第 12 页 共 30 页"] {
            assert!(is_page_number(s), "{s}");
        }
    }

    #[test]
    fn content_is_not_a_page_number() {
        for s in [
            "2023-2025",
            "-",
            "——",
            "2024年1-5月",
            "第5页的表格",
            "共8页",
            "第151号建议",
            "5-10万元",
            "一、基本情况",
            "—2024—年",
            "- 12345 -",
            "12",
            "",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn bare_numbers() {
        assert_eq!(bare_number("12"), Some(12));
        assert_eq!(bare_number("0"), None);
        assert_eq!(bare_number("2024"), None);
        assert_eq!(bare_number("12个"), None);
    }

    #[test]
    fn bare_numbers_count_up_page_by_page() {
        // (index, original line, value): 2 and 3 lie a page apart; the 7 near line 50 is content.
        let bare = [(3, 20, 2), (9, 45, 3), (10, 50, 7)];
        assert_eq!(bare_page_sequence(&bare), vec![3, 9]);
        // Values one apart but on neighbouring lines: a list, not pages.
        assert!(bare_page_sequence(&[(1, 4, 1), (2, 5, 2)]).is_empty());
    }
}
