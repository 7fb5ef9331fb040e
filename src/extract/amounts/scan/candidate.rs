//! The shape of one whole figure, read by hand at the start of a window: what the regex
//!
//! ```text
//! ^(?:[LEAD][BODY]*[ws]{0,2}[元圆圓]
//!    |[LEAD][BODY]*(?:[万亿萬億]|[ws]{1,2}[十百千万亿萬億]*[万亿萬億])(?:[ws]{0,2}[元圆圓])?)
//! ```
//!
//! matches (ws = space, tab, U+3000), with its leftmost-first preferences. It is tried at many
//! starts around every unit hit, so a regex call there (setup, cache) cost more than the figure.
//!
//! Why the hand reading is the regex: BODY holds neither spaces nor 元, so in the first branch
//! the greedy BODY run can only stop at its natural end and then needs at most two spaces and
//! 元. In the second, the longest BODY run is tried first, where only the spaced-unit form can
//! follow (the character after the run is not BODY, so not 万); shorter runs then end on the
//! last 万/亿 inside the run, after which the optional 元 cannot follow (the next character is
//! BODY, or at the run end the first branch would already have matched).
//! `candidate_oracle` checks this against the regex itself.

use super::super::numerals::big_unit;
use super::{is_body, is_lead, is_space, is_yuan};

/// Byte length of the figure the pattern above matches at the start of `s`, if any.
pub(super) fn candidate_end(s: &str) -> Option<usize> {
    let c0 = s.chars().next()?;
    if !is_lead(c0) {
        return None;
    }
    let first = c0.len_utf8();
    let mut run_end = first;
    let mut last_big = None; // end of the last 万/亿 of the run after its first character
    for (i, c) in s.get(first..)?.char_indices() {
        if !is_body(c) {
            break;
        }
        run_end = first + i + c.len_utf8();
        if big_unit(c).is_some() {
            last_big = Some(run_end);
        }
    }
    let after = s.get(run_end..)?;
    let (spaces, space_bytes) = leading_spaces(after);
    let next = after.get(space_bytes..)?;
    // first branch: the run, at most two spaces, 元
    if spaces <= 2 {
        if let Some(y) = next.chars().next().filter(|&c| is_yuan(c)) {
            return Some(run_end + space_bytes + y.len_utf8());
        }
    }
    // second branch, whole run: 3.5 亿元, 20 千万元
    if (1..=2).contains(&spaces) {
        let mut unit_end = None;
        for (i, c) in next.char_indices() {
            if !matches!(c, '十' | '百' | '千' | '万' | '亿' | '萬' | '億') {
                break;
            }
            if big_unit(c).is_some() {
                unit_end = Some(i + c.len_utf8());
            }
        }
        if let Some(u) = unit_end {
            let e = run_end + space_bytes + u;
            return Some(e + yuan_tail(s.get(e..)?));
        }
    }
    // second branch, shorter run ending on its last large unit
    last_big
}

/// Number of spaces at the start of `s`, and their byte length.
fn leading_spaces(s: &str) -> (usize, usize) {
    let mut n = 0;
    let mut bytes = 0;
    for c in s.chars() {
        if !is_space(c) {
            break;
        }
        n += 1;
        bytes += c.len_utf8();
    }
    (n, bytes)
}

/// Byte length of `[ws]{0,2}[元圆圓]` at the start of `s`, or 0.
fn yuan_tail(s: &str) -> usize {
    let (spaces, bytes) = leading_spaces(s);
    match s.get(bytes..).and_then(|t| t.chars().next()) {
        Some(y) if spaces <= 2 && is_yuan(y) => bytes + y.len_utf8(),
        _ => 0,
    }
}
