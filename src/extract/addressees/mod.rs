//! Addressees: the salutation (陈业华代表： · 纪占斌等3名代表: · 尊敬的…委员 · `   王立超  委员`)
//! → names in order, role, and the count a group salutation states.
//!
//! The salutation is a line of its own ending in 代表/委员 (colon optional); a page flattened onto
//! one line is searched for `名字代表:` after a space or sentence end instead. This module holds
//! the flow and the inline search; [`salutation`] reads a salutation line, [`names`] splits and
//! checks the names, [`organisation`] finds a proposing organisation saluted instead.

mod names;
mod organisation;
mod salutation;
#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod tests;

use std::sync::LazyLock;

use regex::Regex;

use super::cn_num::{parse_int, NUMERAL_CLASS};
use super::relaxed::Relaxed;
use super::{line_scan, Hints};
use crate::normalize::Normalized;
use crate::record::{Addressee, Fields};
use names::names;
use organisation::organisation;
use salutation::{ends_like_salutation, line_salutation, may_be_line, Salutation};

/// A salutation inside a flattened line: after a space, pipe or sentence end, colon required
/// (at most 120 characters of names).
static INLINE: Relaxed = Relaxed::new(|| inline_regex("{2,}?"), || inline_regex("{2,120}?"), &[("names", 120)]);

fn inline_regex(names: &str) -> Regex {
    Regex::new(&format!(
        r"(?:^|[\s|。！!])(?:尊敬的)?(?P<names>[\p{{Han}}·、]{names})(?:等\s*(?P<n>[{n}]{{1,4}})?\s*[名位个]?)?(?P<role>代表|委员|委員)(?:们|們)?等?\s*[:：]",
        n = NUMERAL_CLASS
    ))
    .expect("salutation inline regex")
}

/// How far into the document a salutation may sit (bytes); past this it is body text.
const ZONE: usize = 6000;

/// What every salutation holds: the first character of its role word (代表 · 委员 · 委員).
static ROLE_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new("代|委").expect("role char regex"));

/// What every inline salutation ends with: the role word and its colon.
static INLINE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:代表|委员|委員)(?:们|們)?等?\s*[:：]").expect("inline end regex"));

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = hints;
    let text = doc.text.as_str();
    let zone_end = (ZONE..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    let zone = text.get(..zone_end).unwrap_or("");
    // only the lines holding a role word can be a salutation line
    // (the cheapest test first: the line's last character; a line of at most 420 bytes has at
    // most 420 characters, counted only when longer)
    let found = line_scan::lines_with(zone, &ROLE_CHAR)
        .filter(|(_, l)| ends_like_salutation(l) && may_be_line(l) && (l.len() <= 420 || l.chars().count() <= 420))
        .find_map(|(start, l)| {
        // the names are read once: kept with the salutation they come from
            line_salutation(l).and_then(|s| names(s.names).map(|n| (start, s, n)))
        });
    // a scan may wrap a long list of names: the line above ends in 、 and holds names only
    let wrapped: Vec<String> = found
        .as_ref()
        .and_then(|(start, _, _)| line_scan::lines_before(zone, *start).next())
        .map(|l| l.trim())
        .and_then(|l| l.strip_suffix('、'))
        .and_then(|l| names(l.trim_start_matches("尊敬的")))
        .unwrap_or_default();
    let caps = found.map(|(_, c, n)| (c, n)).or_else(|| {
        // (INLINE is costly: first make sure its ending is there at all)
        INLINE_END.is_match(zone)
            .then(|| INLINE.captures_iter(zone).find_map(|c| Salutation::of(&c).and_then(|s| names(s.names).map(|n| (s, n)))))
            .flatten()
    });
    let Some((s, listed)) = caps else {
        out.addressees = organisation(zone).into_iter().map(|name| Addressee { name, role: None }).collect();
        return;
    };
    let role: String = if s.role.contains(char::is_whitespace) {
        s.role.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        s.role.to_string()
    };
    let role = if role == "委員" { "委员".to_string() } else { role };
    out.addressees = wrapped
        .into_iter()
        .chain(listed)
        .map(|name| Addressee { name, role: Some(role.to_string()) })
        .collect();
    // A group of zero is not a count (an OCR slip such as 等0名): null rather than a false 0.
    out.addressee_count = s.count.and_then(parse_int).filter(|&n| n > 0);
}
