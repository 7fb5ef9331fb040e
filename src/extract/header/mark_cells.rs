//! Hand-written readers of the two commonest mark cells, in place of their regexes:
//! a disclosure mark (`同意公开` · `公开方式：主动公开` · `（此件主动公开）`, what
//! [`DISCLOSURE_MARK`](super::DISCLOSURE_MARK) reads) and a class on its own (`A1类` · `(B类)` ·
//! `A类（所提问题已经解决）`, what [`CLASS_LINE`](super::CLASS_LINE) reads). Both regexes are
//! anchored at both ends, so a cell is read from its end inward; each reader gives exactly what
//! the regex captures (tested against it on every cell of every fixture and real-dev line).

use super::{DISCLOSURE, DISCLOSURE_MARK};

/// The disclosure a mark cell states and whether it carries a label (`公开方式：`): what
/// [`DISCLOSURE_MARK`](super::DISCLOSURE_MARK) captures as `v` and `label`.
///
/// The pattern is `prefix? open? value close? stop?` with the prefix `[(（]?此件` or a label
/// `Han{0,6}公开(方式|属性|类型|类别|选项|形式)[:：]`. From the end: the stop, the closing bracket,
/// then the value (the values end alike only as 同意公开 inside 不同意公开, and no prefix or
/// bracket ends with 不, so the longest value is the one), then an opening bracket (neither
/// prefix ends with one), and what is left must be nothing, 此件 or a label.
pub(super) fn disclosure_mark(cell: &str) -> Option<(bool, &'static str)> {
    let t = cell.strip_suffix(['。', '.']).unwrap_or(cell);
    let t = t.strip_suffix([']', '】', ')', '）']).unwrap_or(t);
    let (pre, value) = DISCLOSURE.iter().find_map(|v| t.strip_suffix(v).map(|pre| (pre, *v)))?;
    let pre = pre.strip_suffix(['[', '【', '(', '（']).unwrap_or(pre);
    if matches!(pre, "" | "此件" | "(此件" | "（此件") {
        return Some((false, value));
    }
    let head = pre
        .strip_suffix([':', '：'])
        .and_then(|p| LABEL_WORDS.iter().find_map(|w| p.strip_suffix(w)))
        .and_then(|p| p.strip_suffix("公开"))?;
    let mut n = 0;
    for c in head.chars() {
        n += 1;
        if n > 6 {
            return None;
        }
        if !is_common_han(c) {
            // a rarer character: the regex's Han class decides
            return DISCLOSURE_MARK.captures(cell).map(|c| (c.name("label").is_some(), value));
        }
    }
    Some((true, value))
}

/// The words a disclosure label ends with before its colon.
const LABEL_WORDS: [&str; 6] = ["方式", "属性", "类型", "类别", "选项", "形式"];

/// A character of the two main CJK blocks, all of them Han (rarer Han characters are left to the
/// regex).
fn is_common_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The class a cell of its own states (`A1类` · `（乙类）` · `B类(所提问题正在解决)`): what
/// [`CLASS_LINE`](super::CLASS_LINE) captures as `v`.
///
/// The pattern is `open? value 类 close? aside?` with the value `[A-Da-d][0-9]?` or 甲乙丙丁 and
/// the aside up to 24 characters other than round brackets, in round brackets. The value starts
/// with a letter, so an opening bracket before it is the optional one; a closing bracket after
/// 类 is the optional one (the aside opens with a bracket).
pub(super) fn class_line(cell: &str) -> Option<&str> {
    let s = cell.strip_prefix(['(', '（', '[', '【']).unwrap_or(cell);
    let first = s.chars().next()?;
    let len = match first {
        'A'..='D' | 'a'..='d' => 1 + usize::from(s.as_bytes().get(1).is_some_and(u8::is_ascii_digit)),
        '甲' | '乙' | '丙' | '丁' => first.len_utf8(),
        _ => return None,
    };
    let value = s.get(..len)?;
    let rest = s.get(len..)?.strip_prefix('类')?;
    let rest = rest.strip_prefix([')', '）', ']', '】']).unwrap_or(rest);
    if rest.is_empty() {
        return Some(value);
    }
    let inner = rest.strip_prefix(['(', '（'])?.strip_suffix([')', '）'])?;
    let mut n = 0;
    for c in inner.chars() {
        n += 1;
        if n > 24 || matches!(c, '(' | ')' | '（' | '）') {
            return None;
        }
    }
    Some(value)
}

/// The pieces of a line between layout gaps, as `GAP.split` (`\s{2,}|\t`) gives them: a run of
/// two or more whitespace characters is one gap (the regex takes the run greedily), a lone tab
/// is one, a lone space is none.
pub(super) fn split_gaps(line: &str) -> impl Iterator<Item = &str> {
    let mut chars = line.char_indices().peekable();
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        while let Some((i, c)) = chars.next() {
            if !c.is_whitespace() {
                continue;
            }
            let (mut end, mut n) = (i + c.len_utf8(), 1);
            while let Some(&(j, d)) = chars.peek().filter(|(_, d)| d.is_whitespace()) {
                end = j + d.len_utf8();
                n += 1;
                chars.next();
            }
            if n >= 2 || c == '\t' {
                start = Some(end);
                return Some(line.get(from..i).unwrap_or(""));
            }
        }
        start = None;
        Some(line.get(from..).unwrap_or(""))
    })
}

#[cfg(test)]
mod tests {
    use super::super::{cells, CLASS_LINE, DISCLOSURE_MARK, GAP};
    use super::*;

    fn mark_by_regex(cell: &str) -> Option<(bool, String)> {
        DISCLOSURE_MARK.captures(cell).map(|c| (c.name("label").is_some(), c["v"].to_string()))
    }

    fn mark_by_hand(cell: &str) -> Option<(bool, String)> {
        disclosure_mark(cell).map(|(l, v)| (l, v.to_string()))
    }

    /// Mark cells and near misses: brackets, stops, labels of 0 to 7 characters, rarer Han.
    const TRICKY: [&str; 52] = [
        "同意公开", "不同意公开", "依申请公开", "不予公开", "主动公开", "（此件主动公开）", "(此件主动公开）.", "此件不同意公开",
        "【主动公开】。", "[依申请公开]", "（主动公开）。", "主动公开.", "主动公开。。", "主动公开)）", "主动公开.)", "((主动公开",
        "公开方式：主动公开", "公开方式:主动公开", "公开属性：依申请公开", "信息公开类型：不予公开", "政府信息公开选项：同意公开",
        "一二三四五六公开方式：主动公开", "一二三四五六七公开方式：主动公开", "〇公开方式：主动公开", "㐀公开形式：主动公开",
        "𠀀公开方式：主动公开", "々公开方式：主动公开", "A公开方式：主动公开", "公开方式：（主动公开）", "公开方式：：主动公开",
        "公开方式主动公开", "公开类别：不同意公开", "公开方式：此件主动公开", "此件（主动公开）", "（此件）主动公开",
        "此件", "公开", "公开方式：", "不不同意公开", "予公开", "x主动公开", " 主动公开", "主动公开 ", "公开公开方式：同意公开",
        "是否公开：同意公开", "公开方式：主动公开。", "公开方式：主动公开】", "公开方式｜主动公开", "公开方式：主动公开（）",
        "类别：A类", "A1类", "（乙类）",
    ];

    const CLASS_TRICKY: [&str; 30] = [
        "A类", "A1类", "a9类", "E类", "AA类", "A12类", "甲类", "丁类", "戊类", "(B类)", "（B类）", "[C类]", "【D类】", "((B类)",
        "B类）", "B类(所提问题正在解决)", "B类）（所提问题正在解决）", "B类（）", "B类（所提（问题）解决）", "B类（a]b】）",
        "B类（一二三四五六七八九十一二三四五六七八九十一二三四）", "B类（一二三四五六七八九十一二三四五六七八九十一二三四五）",
        "B类(x", "B类x", "B类 ", " B类", "类别：A类", "Ａ类", "B类)(x)", "B类))",
    ];

    fn every_cell() -> Vec<String> {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.iter().flat_map(|l| cells(l)).collect()
    }

    /// The hand reader gives what the regex captures, on every cell of every fixture and
    /// real-dev line and on tricky cells.
    #[test]
    fn disclosure_mark_is_the_regex() {
        let mut cells = every_cell();
        cells.extend(TRICKY.map(String::from));
        let mut matched = 0;
        for c in &cells {
            assert_eq!(mark_by_hand(c), mark_by_regex(c), "{c}");
            matched += usize::from(mark_by_regex(c).is_some());
        }
        assert!(matched > 20, "{matched}");
        assert_eq!(mark_by_hand("公开方式：主动公开"), Some((true, "主动公开".to_string())));
        assert_eq!(mark_by_hand("（此件不同意公开）。"), Some((false, "不同意公开".to_string())));
        assert_eq!(mark_by_hand("一二三四五六七公开方式：主动公开"), None);
    }

    #[test]
    fn class_line_is_the_regex() {
        let mut cells = every_cell();
        cells.extend(CLASS_TRICKY.map(String::from));
        let mut matched = 0;
        for c in &cells {
            let exact = CLASS_LINE.captures(c).map(|m| m["v"].to_string());
            assert_eq!(class_line(c).map(str::to_string), exact, "{c}");
            matched += usize::from(exact.is_some());
        }
        assert!(matched > 10, "{matched}");
        assert_eq!(class_line("（乙类）"), Some("乙"));
        assert_eq!(class_line("A1类(所提问题已经解决)"), Some("A1"));
        assert_eq!(class_line("E类"), None);
    }

    /// The gaps split a line where the regex splits it: every fixture and real-dev line, tricky ones.
    #[test]
    fn split_gaps_is_the_regex_split() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(
            ["", " ", "\t", "  ", "a b", "a\tb", "a \tb", "A1类      同意公开", "\u{3000}\u{3000}主动公开", "a\u{3000}b", " a ", "a\t\t b  ", "\u{a0}\u{a0}x", "a\u{2028}\u{2029}b"]
                .map(String::from),
        );
        let mut split = 0;
        for l in &lines {
            let fast: Vec<&str> = split_gaps(l).collect();
            let slow: Vec<&str> = GAP.split(l).collect();
            assert_eq!(fast, slow, "{l:?}");
            split += usize::from(slow.len() > 1);
        }
        assert!(split > 20, "{split}");
    }

    proptest::proptest! {
        /// Any line of spaces, tabs and text splits as the regex splits it.
        #[test]
        fn generated_lines_split_as_the_regex(l in "[a公 \t\u{3000}\u{a0}]{0,12}") {
            let fast: Vec<&str> = split_gaps(&l).collect();
            let slow: Vec<&str> = GAP.split(&l).collect();
            proptest::prop_assert_eq!(fast, slow);
        }


        /// Cells near both shapes read as the regexes read them.
        #[test]
        fn generated_cells_read_as_the_regexes(
            c in "[(（\\[【此件]{0,2}([一公开方式类型：:]{0,9}|)[\\[【(（]?(不同意公开|依申请公开|不予公开|同意公开|主动公开|公开)[\\]】)）]?[。.]?",
            k in "[(（\\[【]?[A-Ea甲戊1]{1,2}[1]?类[)）\\]】]?([(（][一()（）\\]]{0,26}[)）]?)?",
        ) {
            proptest::prop_assert_eq!(mark_by_hand(&c), mark_by_regex(&c));
            let exact = CLASS_LINE.captures(&k).map(|m| m["v"].to_string());
            proptest::prop_assert_eq!(class_line(&k).map(str::to_string), exact);
        }
    }
}
