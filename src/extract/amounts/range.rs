//! Ranges: 5-10万元, 1万-5万元, 10万元至20万元, 一千到两千万元 are one amount with a lower and an
//! upper end. The lower end borrows the upper end's unit only when it has none of its own, and a
//! range whose lower end is not below its upper end is no range (2021-10万元 is a year and a sum).

use rust_decimal::Decimal;

use super::context::is_han;
use super::numerals::{arabic_digit, big_unit, cn_digit, parse, small_unit};
use super::scan::Figure;

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '~' | '～' | '〜' | '―' | '‐' | '−' | '－' | '至' | '到')
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}')
}

/// Is the text between two figures only a range dash (with optional spaces)?
pub fn joined(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else { return false };
    let core = between.trim_matches(is_space);
    let n = core.chars().count();
    (1..=2).contains(&n) && core.chars().all(is_dash) && !(n == 2 && core.contains(['至', '到']))
}

/// The unit suffix of a figure's number: 两千万 → 千万, 10万 → 万, 10 → "".
fn unit_suffix(fig_text: &str) -> String {
    let num: String = fig_text
        .chars()
        .filter(|&c| !matches!(c, '元' | '圆' | '圓' | '余' | '餘' | '多' | '整' | '角' | '分' | ' ' | '\t' | '\u{3000}'))
        .collect();
    let rev: String = num.chars().rev().take_while(|&c| small_unit(c).is_some() || big_unit(c).is_some()).collect();
    rev.chars().rev().collect()
}

fn multiplier(suffix: &str) -> Decimal {
    parse(&format!("1{suffix}")).unwrap_or(Decimal::ONE)
}

/// Is the comma at byte `at` of `s` a thousands separator: a digit before it, then exactly
/// three digits before anything that is not a digit?
fn thousands_group(s: &str, at: usize) -> bool {
    let before = s.get(..at).and_then(|h| h.chars().next_back());
    let after = s.get(at + 1..).unwrap_or("");
    let digits = after.chars().take_while(char::is_ascii_digit).count();
    before.is_some_and(|c| c.is_ascii_digit()) && digits == 3
}

/// A bare lower end written before `fig` (5-10万元): its start and value.
pub fn bare_lower(text: &str, fig: &Figure, floor: usize) -> Option<(usize, Decimal)> {
    let head = text.get(floor..fig.start)?;
    let head = head.trim_end_matches(is_space);
    let dash_len = head.chars().rev().take_while(|&c| is_dash(c)).count();
    if !(1..=2).contains(&dash_len) {
        return None;
    }
    let dash_start = head.char_indices().rev().nth(dash_len - 1)?.0;
    let head = head.get(..dash_start)?.trim_end_matches(is_space);
    let mut lo_start = head.len();
    let mut arabic = false;
    let mut chinese = false;
    for (i, c) in head.char_indices().rev() {
        // 1,200—1,500元: a thousands separator inside the lower end, between a digit and
        // exactly three digits, is part of it (a list comma has no such neighbours)
        let separator = c == ',' && thousands_group(head, i);
        let is_ar = arabic_digit(c).is_some() || matches!(c, '.' | '．') || separator;
        let is_cn = cn_digit(c).is_some() || small_unit(c).is_some();
        // 5千 mixes Arabic digits with a Chinese unit; parse() rejects what does not read
        if is_ar || is_cn {
            arabic |= is_ar;
            chinese |= is_cn;
            lo_start = i;
        } else {
            break;
        }
    }
    let lo_text = head.get(lo_start..)?;
    if lo_text.is_empty() || lo_text.starts_with(['.', '．']) {
        return None;
    }
    let before = head.get(..lo_start)?.chars().next_back();
    if before.is_some_and(|c| c == '第' || is_dash(c) || arabic_digit(c).is_some() || matches!(c, ',' | '，')) {
        return None;
    }
    if chinese && !arabic && lo_text.chars().count() < 2 && before.is_some_and(is_han) {
        return None; // the 一 of 统一 is not a lower end
    }
    let lo = parse(&lo_text.replace(',', ""))?;
    let suffix = unit_suffix(text.get(fig.start..fig.end)?);
    let big: String = suffix.chars().skip_while(|&c| small_unit(c).is_some()).collect();
    let ends_small = lo_text.chars().next_back().is_some_and(|c| small_unit(c).is_some());
    let candidates: Vec<Decimal> =
        if ends_small { vec![multiplier(&big), Decimal::ONE] } else { vec![multiplier(&suffix)] };
    let value = candidates.into_iter().map(|m| lo * m).find(|v| !v.is_zero() && *v < fig.value)?;
    Some((floor + lo_start, value.normalize()))
}
