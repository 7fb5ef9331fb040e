//! Section numbering at the start of a line (一、 一. （一） 1. 1、 （1）) and the choice of the
//! top-level run: the highest-ranked style whose numbers run 1, 2, 3 … in the reply's body.

use std::sync::LazyLock;

use regex::Regex;

use super::marker_scan::{self, is_chinese_numeral};
use super::breaks::Breaks;
use crate::extract::line_scan;

/// Numbering styles, highest rank first: when 一、 and 1. both occur, 一、 is the top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Chinese,
    ParenChinese,
    Arabic,
    ParenArabic,
}

/// A numbering marker opening a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub level: Level,
    pub index: u32,
    /// Byte offset of the marker's first character in the text.
    pub start: usize,
    /// Byte offset just after the marker: where the heading begins.
    pub body_start: usize,
    /// Byte offset of the end of the marker's line.
    pub line_end: usize,
}

/// A sentence end (or a table-cell bar) and whitespace inside a line: a paragraph break of a
/// flattened page.
static INLINE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。！？!?：:；;|]\s+").expect("inline break regex"));
/// After `1.`, a year opening the item (`1.2017-2021年安排…`): a glued item number, not a decimal.
static GLUED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:19|20)[0-9]{2}\s*(?:年|[-—–~～至])").expect("glued year regex"));

/// Every numbering marker that opens a line, in text order.
pub fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut breaks = Breaks::new(text);
    for (line_start, line) in line_scan::lines(text) {
        // (by bytes: a Han character is stepped over without a Unicode table look-up)
        let trimmed = line_scan::trim_layout_start(line, false);
        let lead = line.len() - trimmed.len();
        if let Some((level, index, len)) = marker_at(trimmed) {
            out.push(Marker {
                level,
                index,
                start: line_start + lead,
                body_start: line_start + lead + len,
                line_end: line_start + line.len(),
            });
        }
        // A page flattened onto one line joins paragraphs with spaces: a marker after a
        // sentence end and a space opens a paragraph too.
        if !breaks.within(line_start, line_start + line.len()) {
            continue;
        }
        for brk in INLINE_BREAK.find_iter(line) {
            let Some(rest) = line.get(brk.end()..) else { continue };
            if let Some((level, index, len)) = marker_at(rest) {
                out.push(Marker {
                    level,
                    index,
                    start: line_start + brk.end(),
                    body_start: line_start + brk.end() + len,
                    line_end: line_start + line.len(),
                });
            }
        }
    }
    out
}

/// The marker a trimmed line opens with: (level, index, byte length of the marker).
#[inline(always)]
fn marker_at(line: &str) -> Option<(Level, u32, usize)> {
    // Each pattern is anchored and can open only with certain characters: most lines open with
    // other text and need no regex at all. Leading whitespace can precede any of them.
    // By the first byte: an ASCII character other than a digit, a bracket or a space, or a
    // Han character of U+6000–U+9FFF (lead bytes E6–E9; the numerals' are E4 and E5), opens no
    // marker, and most lines are dropped here, inline, without decoding a character.
    let lead = *line.as_bytes().first()?;
    let ascii_other = lead.is_ascii() && !matches!(lead, b'0'..=b'9' | b'(' | b'\t'..=b'\r' | b' ');
    if ascii_other || (0xE6..=0xE9).contains(&lead) {
        return None;
    }
    // lead bytes E4 and E5 open no space, bracket or digit: only a numeral can open a marker
    if matches!(lead, 0xE4 | 0xE5) && !line.starts_with(is_chinese_numeral) {
        return None;
    }
    marker_from(line, lead)
}

/// [`marker_at`] for a line whose first byte `lead` may open a marker.
fn marker_from(line: &str, lead: u8) -> Option<(Level, u32, usize)> {
    let first = line.chars().next()?;
    let numeral = is_chinese_numeral(first);
    let paren = matches!(first, '（' | '(');
    let digit = first.is_ascii_digit();
    // (the classes are disjoint: the Unicode look-up only for what is none of the others and
    // opens with a byte a whitespace character can open with)
    let space = !(numeral || paren || digit)
        && matches!(lead, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3)
        && first.is_whitespace();
    if !(space || numeral || paren || digit) {
        return None;
    }
    // 一是…, 2024年…: a number opening a line is a marker only when at most three numerals
    // (two digits) and whitespace lead to its punctuation.
    if numeral && !punctuation_after(line, is_chinese_numeral, 3, &['、', '.', '．']) {
        return None;
    }
    if digit && !punctuation_after(line, |c| c.is_ascii_digit(), 2, &['、', '.', '．', '）', ')']) {
        return None;
    }
    if space || numeral {
        if let Some(r) = marker_scan::chinese(line) {
            return Some((Level::Chinese, chinese_number(r.number)?, r.len));
        }
    }
    if space || paren {
        if let Some(r) = marker_scan::paren_chinese(line) {
            return Some((Level::ParenChinese, chinese_number(r.number)?, r.len));
        }
    }
    if space || paren || digit {
        if let Some(r) = marker_scan::paren_arabic(line) {
            return Some((Level::ParenArabic, r.number.parse().ok()?, r.len));
        }
    }
    if !(space || digit) {
        return None;
    }
    if let Some(r) = marker_scan::arabic(line) {
        let end = r.len;
        let rest = line.get(end..)?;
        // `1.5亿元` at a line start is a wrapped decimal, `1.1` a sub-section; a year right
        // after the point is an item number glued to its text.
        let is_point = matches!(r.mark, "." | "．");
        if is_point && rest.starts_with(|ch: char| ch.is_ascii_digit()) && !GLUED_YEAR.is_match(rest) {
            return None;
        }
        let index: u32 = r.number.parse().ok()?;
        return (index > 0).then_some((Level::Arabic, index, end));
    }
    None
}

/// Whether `line` opens with at most `max` characters of `number`, then whitespace, then one of
/// `marks`: what CHINESE needs after a numeral, and ARABIC or PAREN_ARABIC after a digit.
fn punctuation_after(line: &str, number: fn(char) -> bool, max: usize, marks: &[char]) -> bool {
    let digits = line.chars().take_while(|&c| number(c)).count();
    let rest = line.trim_start_matches(number).trim_start();
    digits <= max && rest.starts_with(marks)
}

/// 一 … 九十九 as used in section numbers.
pub fn chinese_number(s: &str) -> Option<u32> {
    fn digit(c: char) -> Option<u32> {
        "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1)
    }
    // (up to four characters read, without collecting them)
    let mut cs = s.chars();
    match (cs.next(), cs.next(), cs.next(), cs.next()) {
        (Some(u), None, _, _) if u != '十' => digit(u),
        (Some('十'), None, _, _) => Some(10),
        (Some('十'), Some(u), None, _) => Some(10 + digit(u)?),
        (Some(t), Some('十'), None, _) => Some(digit(t)? * 10),
        (Some(t), Some('十'), Some(u), None) => Some(digit(t)? * 10 + digit(u)?),
        _ => None,
    }
}

/// The top-level run among markers that start at or after `body_start`: for the highest-ranked
/// level that has one, the longest run 1, 2, 3 … (the later one on a tie: a reply follows the
/// text it quotes).
pub fn top_level_run(markers: &[Marker], body_start: usize) -> Vec<Marker> {
    for level in [Level::Chinese, Level::ParenChinese, Level::Arabic, Level::ParenArabic] {
        let mut best: Vec<Marker> = Vec::new();
        let mut current: Vec<Marker> = Vec::new();
        for m in markers.iter().filter(|m| m.level == level && m.start >= body_start) {
            if m.index == 1 {
                if current.len() >= best.len() && !current.is_empty() {
                    best = std::mem::take(&mut current);
                }
                current = vec![m.clone()];
            } else if current.last().is_some_and(|last| last.index + 1 == m.index) {
                current.push(m.clone());
            }
        }
        if current.len() >= best.len() && !current.is_empty() {
            best = current;
        }
        if !best.is_empty() {
            return best;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    // The marker patterns the readers of [`marker_scan`] replace.
    static CHINESE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十]{1,3})\s*[、.．]").expect("chinese marker regex"));
    static PAREN_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?").expect("paren chinese marker regex")
    });
    static ARABIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,2})\s*([、.．])").expect("arabic marker regex"));
    static PAREN_ARABIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[（(]?\s*([0-9]{1,2})\s*[）)]\s*[、.．]?").expect("paren arabic marker regex"));

    /// The marker test as it was before the first-character filter: every pattern in turn.
    fn marker_at_plain(line: &str) -> Option<(Level, u32, usize)> {
        if let Some(c) = CHINESE.captures(line) {
            return Some((Level::Chinese, chinese_number(c.get(1)?.as_str())?, c.get(0)?.end()));
        }
        if let Some(c) = PAREN_CHINESE.captures(line) {
            return Some((Level::ParenChinese, chinese_number(c.get(1)?.as_str())?, c.get(0)?.end()));
        }
        if let Some(c) = PAREN_ARABIC.captures(line) {
            return Some((Level::ParenArabic, c.get(1)?.as_str().parse().ok()?, c.get(0)?.end()));
        }
        if let Some(c) = ARABIC.captures(line) {
            let end = c.get(0)?.end();
            let rest = line.get(end..)?;
            let is_point = matches!(c.get(2)?.as_str(), "." | "．");
            if is_point && rest.starts_with(|ch: char| ch.is_ascii_digit()) && !GLUED_YEAR.is_match(rest) {
                return None;
            }
            let index: u32 = c.get(1)?.as_str().parse().ok()?;
            return (index > 0).then_some((Level::Arabic, index, end));
        }
        None
    }

    #[test]
    fn first_character_filter_keeps_every_marker() {
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(
            ["一、", "十十、", "（十十）", "( 3 )、", " (一)", "\u{3000}1.", "12）", "0、", "1.5亿元", "1.2020年", "（1", "（一", "", "一二三四、", "一二三 、", "123、", "12 ）", "12\u{3000}．", "1 2、", "一是", "2024年", "\u{b}1、", "\u{b}1）", "\u{c}2)", "\u{c}（一）", "鉴于", "收悉", "A1、", "|1、", "\u{85}1、", "\u{2003}二、", "九、", "十、", "四、", "八．"]
                .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            assert_eq!(marker_at(line), marker_at_plain(line), "{line:?}");
            found += usize::from(marker_at(line).is_some());
        }
        assert!(found > 100, "{found}");
    }

    fn levels(text: &str) -> Vec<(Level, u32)> {
        markers(text).iter().map(|m| (m.level, m.index)).collect()
    }

    #[test]
    fn every_numbering_style() {
        let text = "一、基本情况\n二.建议办理情况\n（一）关于资金\n(二)关于项目\n1. 强化规划\n2、积极争取\n（3）其他\n4）再一项";
        assert_eq!(
            levels(text),
            [
                (Level::Chinese, 1),
                (Level::Chinese, 2),
                (Level::ParenChinese, 1),
                (Level::ParenChinese, 2),
                (Level::Arabic, 1),
                (Level::Arabic, 2),
                (Level::ParenArabic, 3),
                (Level::ParenArabic, 4)
            ]
        );
    }

    #[test]
    fn item_numbers_glued_to_years_but_not_decimals() {
        let text = "1.2017-2021年安排上级专项资金共计454万元;\n2.2020-2021年本级财力安排资金37.61万元;\n1.5亿元用于\n1.1 总体要求";
        assert_eq!(levels(text), [(Level::Arabic, 1), (Level::Arabic, 2)]);
    }

    #[test]
    fn paragraphs_of_a_flattened_page() {
        let text = "现将办理情况答复如下: 一、关于资金。正文。 二、关于项目。正文。 感谢支持。";
        assert_eq!(levels(text), [(Level::Chinese, 1), (Level::Chinese, 2)]);
        assert!(markers("主要有:一、修路;二、建桥。").is_empty());
    }

    #[test]
    fn sub_points_and_sentences_are_not_markers() {
        assert!(markers("一是加强项目支持。二是开展示范认定。\n统一是前提\n我局于1.5日").is_empty());
    }

    /// The same numbers as the slice match over collected characters, on every string of up
    /// to four numerals (and a non-numeral).
    #[test]
    fn chinese_numbers_as_the_collected_match_read_them() {
        fn plain(s: &str) -> Option<u32> {
            let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32 + 1);
            let chars: Vec<char> = s.chars().collect();
            match chars.as_slice() {
                [u] if *u != '十' => digit(*u),
                ['十'] => Some(10),
                ['十', u] => Some(10 + digit(*u)?),
                [t, '十'] => Some(digit(*t)? * 10),
                [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
                _ => None,
            }
        }
        let alphabet: Vec<String> = "一二三四五六七八九十是".chars().map(String::from).collect();
        let mut strings = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..4 {
            level = level.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            strings.extend(level.iter().cloned());
        }
        assert!(strings.len() > 10_000, "{}", strings.len());
        for s in &strings {
            assert_eq!(chinese_number(s), plain(s), "{s}");
        }
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("一"), Some(1));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十一"), Some(21));
        assert_eq!(chinese_number("十十"), None);
        assert_eq!(chinese_number("九十九"), Some(99));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("十二三"), None);
        assert_eq!(chinese_number("一二"), None);
        assert_eq!(chinese_number("二十一二"), None);
        assert_eq!(chinese_number(""), None);
        assert_eq!(chinese_number("是"), None);
    }

    #[test]
    fn chinese_sections_outrank_arabic_items() {
        let text =
            "一.承办具体过程\n正文。\n二.建议办理情况\n1.2017-2021年安排资金;\n2.2020-2021年安排资金;\n3.2017年之前";
        let run = top_level_run(&markers(text), 0);
        assert_eq!(
            run.iter().map(|m| (m.level, m.index)).collect::<Vec<_>>(),
            [(Level::Chinese, 1), (Level::Chinese, 2)]
        );
    }

    #[test]
    fn a_run_must_start_at_one_and_increase() {
        let text = "3、第三项\n1、第一项\n2、第二项\n4、跳号\n3、第三项";
        let run = top_level_run(&markers(text), 0);
        assert_eq!(run.iter().map(|m| m.index).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(top_level_run(&markers("2、没有第一项\n3、也没有"), 0).is_empty());
    }

    #[test]
    fn quoted_text_before_the_body_is_skipped() {
        let text = "建议内容：\n一、修路\n二、建桥\n三、通水\n现答复如下：\n一、关于修路\n二、关于建桥";
        let body = text.find("现答复如下").unwrap();
        let run = top_level_run(&markers(text), body);
        assert_eq!(run.len(), 2);
        assert!(run[0].start > body);
    }
}
