//! Scan: one regex pass over the whole text for figures followed by a money unit (元/圆/圓) or
//! ending in a large unit (万/亿, for 元 inferred later), then a local clean-up of each span:
//! glued-on names or item numbers are cut off, thousands separators checked, 角/分/整 read.
//!
//! Deciding whether a bare 万/亿 figure is money, ranges and context live elsewhere; this module
//! only says "here is a well-formed figure, with or without 元".

use regex::Regex;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::sync::LazyLock;

mod candidate;
#[cfg(test)]
mod candidate_oracle;
#[cfg(test)]
mod read_oracle;

use candidate::candidate_end;
use super::numerals::{arabic_digit, big_unit, cn_digit, parse, small_unit};
use super::written::{jiao_fen, separators_ok, strip_inner_qualifier};

/// The characters a figure can end on. Searching for these seven is a SIMD literal search;
/// the full pattern then runs only on the few characters around each hit.
static UNIT_HIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("[元圆圓万亿萬億]").expect("unit regex compiles"));


/// No figure is longer than this many characters (壹佰壹拾万贰仟陆佰壹拾肆 is 13).
const MAX_FIGURE_CHARS: usize = 40;

/// Leading characters of a figure: digits, Chinese digits and small units (never 万/亿 alone,
/// so 万元户, 亿万农民 start nothing).
fn is_lead(c: char) -> bool {
    arabic_digit(c).is_some() || cn_digit(c).is_some() || small_unit(c).is_some()
}

/// Characters inside a figure: its leading ones, separators, 余/多, large units.
fn is_body(c: char) -> bool {
    is_lead(c) || matches!(c, '.' | '．' | ',' | '，' | '点' | '余' | '餘' | '多' | '万' | '亿' | '萬' | '億')
}

/// One well-formed figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// Byte span of the figure as written (number, units, 角/分/整), in the scanned text.
    pub start: usize,
    pub end: usize,
    /// Exact value in yuan (for a bare 万/亿 figure, in yuan as if 元 followed).
    pub value: Decimal,
    /// 元/圆/圓 written.
    pub has_yuan: bool,
    /// 余/多 written inside the figure (3000余万元, 1亿多元).
    pub inner_qualifier: Option<String>,
    /// The figure has no digit before its units (千万, 上亿): only money after a qualifier.
    pub unit_only: bool,
    /// The numeric part is a single Chinese digit (一元, 二元 in 一元化, 城乡二元结构).
    pub lone_cn_digit: bool,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

fn is_sep(c: char) -> bool {
    matches!(c, '.' | '．' | ',' | '，' | '点')
}

fn is_yuan(c: char) -> bool {
    matches!(c, '元' | '圆' | '圓')
}

/// All well-formed figures of `text`, in order.
pub fn figures(text: &str) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut done = 0; // figures never overlap: hits before this offset are inside the last one
    for hit in UNIT_HIT.find_iter(text) {
        if hit.start() < done {
            continue;
        }
        let Some((start, end)) = window(text, hit.start(), hit.end(), done) else {
            if let Some(f) = unit_alone(text, hit.start(), hit.end()) {
                done = f.end;
                out.push(f);
            }
            continue;
        };
        let Some(window) = text.get(start..end) else { continue };
        // leftmost start inside the window from which a whole figure reads
        let found = window
            .char_indices()
            .filter(|&(_, c)| is_lead(c))
            .find_map(|(i, _)| candidate_end(window.get(i..)?).map(|e| (start + i, start + i + e)));
        if let Some((ms, me)) = found {
            if me > hit.start() {
                done = me;
                if let Some(f) = figure_at(text, ms, me, false) {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// 上亿元, 数万元, 几万: a large unit with no digit after 上/数/几 reads as one of that unit,
/// the qualifier saying how rough it is.
fn unit_alone(text: &str, hit_start: usize, hit_end: usize) -> Option<Figure> {
    let unit = text.get(hit_start..hit_end)?.chars().next()?;
    let power = big_unit(unit)?;
    let before = text.get(..hit_start)?.chars().next_back()?;
    if !matches!(before, '上' | '数' | '几') {
        return None;
    }
    let tail = text.get(hit_end..)?;
    let has_yuan = tail.chars().next().is_some_and(is_yuan);
    let end = if has_yuan { hit_end + tail.chars().next()?.len_utf8() } else { hit_end };
    // 上万元户, 亿万: a unit followed by another unit is a word, not a sum
    if tail.chars().next().is_some_and(|c| big_unit(c).is_some()) {
        return None;
    }
    Some(Figure {
        start: hit_start,
        end,
        value: Decimal::from(10u64.pow(power)),
        has_yuan,
        inner_qualifier: None,
        unit_only: true,
        lone_cn_digit: false,
    })
}

/// The characters around a unit hit that can belong to one figure: back over spaces and
/// figure characters, forward over figure characters, spaces and 元.
fn window(text: &str, hit_start: usize, hit_end: usize, floor: usize) -> Option<(usize, usize)> {
    let head = text.get(floor..hit_start)?;
    let mut start = hit_start;
    let mut spaces = 0;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if n >= MAX_FIGURE_CHARS {
            break;
        }
        // spaces only between the number and its unit (3.5 亿元)
        if is_space(c) && spaces < 2 && start == hit_start {
            spaces += 1;
            continue;
        }
        if !is_body(c) {
            break;
        }
        start = floor + i;
    }
    if start == hit_start {
        return None;
    }
    let tail = text.get(hit_end..)?;
    let mut end = hit_end;
    for (n, (i, c)) in tail.char_indices().enumerate() {
        if n >= MAX_FIGURE_CHARS || !(is_body(c) || is_space(c) || is_yuan(c)) {
            break;
        }
        end = hit_end + i + c.len_utf8();
    }
    Some((start, end))
}

/// Clean one regex match into a figure, or drop it.
fn figure_at(text: &str, start: usize, end: usize, after_item: bool) -> Option<Figure> {
    let raw = text.get(start..end)?;
    let has_yuan = raw.chars().next_back().is_some_and(is_yuan);
    let num_raw = if has_yuan {
        raw.trim_end_matches(is_yuan).trim_end_matches(is_space)
    } else {
        raw
    };
    // Trailing separators belong to the sentence (10万. / 5万,), not the figure; between a
    // number and 元 (5,元) they mean there is no figure.
    let untrimmed = num_raw;
    let num_raw = num_raw.trim_end_matches(is_sep);
    if has_yuan && num_raw.len() != untrimmed.len() {
        return None;
    }
    if !has_yuan && num_raw.chars().next_back().is_none_or(|c| big_unit(c).is_none()) {
        return None;
    }
    let Reading { offset, num, stripped, value, inner_qualifier } = best_start(num_raw)?;
    let mut value = value;
    let fig_start = start + offset;
    if value.is_zero() {
        return None;
    }
    // a figure glued after a digit, a decimal point (the tail of a number broken by a line
    // end) or an ordinal is an index or a fragment, not money
    let before = text.get(..fig_start).and_then(|s| s.chars().next_back());
    if !after_item && before.is_some_and(|c| matches!(c, '第' | '.' | '．') || arabic_digit(c).is_some()) {
        return None;
    }
    // 15\n79.2万元, 1 579.2万元: a broken number is no figure
    if !after_item && broken_by_line_end(text, fig_start) {
        return None;
    }
    // "1.500万元用于…" at the start of a line: item 1, then 500万元
    if let Some(skip) = item_number_len(text, fig_start, &stripped).filter(|_| !after_item) {
        return figure_at(text, fig_start + skip, end, true);
    }
    let mut fig_end = end;
    if has_yuan {
        let (extra, len) = jiao_fen(text.get(end..).unwrap_or(""));
        value += extra;
        fig_end += len;
    } else {
        fig_end = start + offset + num.len();
    }
    let unit_only = !stripped.chars().any(|c| arabic_digit(c).is_some() || cn_digit(c).is_some_and(|d| d > 0));
    let lone_cn_digit = stripped.chars().count() == 1 && cn_digit(stripped.chars().next()?).is_some();
    Some(Figure {
        start: fig_start,
        end: fig_end,
        value: value.normalize(),
        has_yuan,
        inner_qualifier,
        unit_only,
        lone_cn_digit,
    })
}

/// Is there a digit just before this figure, across spaces or a line end? Then the figure is
/// the tail of a number broken by OCR spacing or a wrap (1 579.2万元, 15\n79.2万元), and
/// reading the tail alone would give a wrong value.
fn broken_by_line_end(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let trimmed = head.trim_end_matches([' ', '\t', '\r', '\n', '\u{3000}']);
    trimmed.len() < head.len()
        && trimmed.chars().next_back().is_some_and(|c| arabic_digit(c).is_some() || matches!(c, '.' | '．' | ','))
}

/// Length of an item number glued to a figure at the start of a line: `N.` before a fraction
/// of three or more digits ending in 00 with 万/亿 (1.500万元), which no one writes for 1.5万元.
fn item_number_len(text: &str, start: usize, number: &str) -> Option<usize> {
    let line_start = text.get(..start)?.trim_end_matches([' ', '\t']).chars().next_back().is_none_or(|c| c == '\n');
    if !line_start || number.chars().next_back().is_none_or(|c| big_unit(c).is_none()) {
        return None;
    }
    let (int, rest) = number.split_once('.')?;
    let frac: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    let item = (1..=2).contains(&int.len()) && int.chars().all(|c| c.is_ascii_digit());
    (item && frac.len() >= 3 && frac.ends_with("00") && frac.len() < rest.len()).then_some(int.len() + 1)
}

/// The first start inside the run from which it reads as one well-formed figure: the run as a
/// whole, else after a bad separator (5,10万 → 10万), else at the first Arabic digit after
/// Chinese ones (李四5万 → 5万, never 四…).
fn best_start(run: &str) -> Option<Reading<'_>> {
    let mut prev: Option<char> = None;
    let mut starts = std::iter::once(0).chain(run.char_indices().filter_map(|(i, c)| {
        let p = prev.replace(c);
        if is_sep(c) {
            Some(i + c.len_utf8())
        } else if arabic_digit(c).is_some() && p.is_some_and(|p| cn_digit(p).is_some() || small_unit(p).is_some()) {
            Some(i)
        } else {
            None
        }
    }));
    starts.find_map(|s| read_from(run, s))
}

/// A run read from one start: the figure's offset in the run, its text, its number without
/// spaces and 余/多, its value and the 余/多 written.
#[derive(Debug, PartialEq)]
struct Reading<'a> {
    offset: usize,
    num: &'a str,
    stripped: Cow<'a, str>,
    value: Decimal,
    inner_qualifier: Option<String>,
}

fn read_from(run: &str, s: usize) -> Option<Reading<'_>> {
    let cand = run.get(s..)?;
    if let Some(value) = plain_value(cand) {
        return Some(Reading { offset: s, num: cand, stripped: Cow::Borrowed(cand), value, inner_qualifier: None });
    }
    read_general(run, s)
}

/// [`read_from`] for any run: the checks of the first character and the separators, 余/多
/// taken out, then the general numeral reader.
fn read_general(run: &str, s: usize) -> Option<Reading<'_>> {
    let cand = run.get(s..)?;
    let first = cand.chars().next()?;
    if is_sep(first) || big_unit(first).is_some() || matches!(first, '余' | '餘' | '多') || !separators_ok(cand) {
        return None;
    }
    let (stripped, inner_qualifier) = if cand.contains(is_space) {
        let compact: String = cand.chars().filter(|c| !is_space(*c)).collect();
        strip_inner_qualifier(&compact)?
    } else {
        strip_inner_qualifier(cand)?
    };
    let value = parse(&stripped)?;
    Some(Reading { offset: s, num: cand, stripped: Cow::Owned(stripped), value, inner_qualifier })
}

/// The most common figure, read directly: ASCII digits (18 at most, not all zeros), at most one
/// decimal point between digits, then at most one 万/亿 (500万, 3541.07万, 82225). Such a run
/// passes every check of [`read_general`] (its first character is a digit, its one separator
/// is a point between digits, it holds no space and no 余/多) and the numeral reader gives it
/// the literal's exact value times 10^4 or 10^8: the same value, computed without the checks'
/// and the reader's allocations. `None` for any other run (the general reader then decides).
fn plain_value(cand: &str) -> Option<Decimal> {
    let b = cand.as_bytes();
    let mut mantissa: i128 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut point = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                digits += 1;
                // longer literals are left to the general reader (and would overflow here)
                if digits > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + i128::from(c - b'0');
                scale += u32::from(point);
            }
            // a point needs a digit before it (the first byte) and one after it
            b'.' if !point && i > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit) => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 || mantissa == 0 {
        return None;
    }
    let power = match b.get(i..)? {
        [] => 0,
        [0xE4, 0xB8, 0x87] | [0xE8, 0x90, 0xAC] => 4, // 万 萬
        [0xE4, 0xBA, 0xBF] | [0xE5, 0x84, 0x84] => 8, // 亿 億
        _ => return None,
    };
    Decimal::try_from_i128_with_scale(mantissa * 10i128.pow(power), scale).ok()
}
