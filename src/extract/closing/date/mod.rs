//! The reply's signing date: `2024年6月12日`, `二〇二四年五月二十日`, `2021.11.19`, or digits run
//! together on the signature line (`20211026`, `2022711`).
//!
//! A date alone on its line, or after the signing agency's name, is a signing candidate; a date
//! after a label (发布时间, 日期:, 交办日期 …) is page metadata, and one inside a sentence is body
//! text. The last signing candidate wins; 成文日期 metadata is used only when there is none.

use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::calendar::{cn_small, cn_year, iso, run_together};
use crate::extract::line_scan;

/// The date and the doubts about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateFinding {
    /// ISO YYYY-MM-DD.
    pub date: Option<String>,
    pub warnings: Vec<String>,
}

/// 年月日 dates, each part in Arabic digits or Chinese numerals (scans mix them: ２０２３年七月二十日).
/// Read by [`ymd_scan`]; the regex stays as its specification, for the tests.
#[cfg(test)]
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"([0-9]{4}|[〇○零OoＯ0一二三四五六七八九]{4})\s*年\s*",
        r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    ))
    .expect("date regex")
});
/// Read by [`separated_scan`]; the regex stays as its specification, for the tests.
#[cfg(test)]
static SEPARATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([0-9]{4})\s*([-./])\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})").expect("separated date regex")
});
static RUN_TOGETHER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\p{Han}{2,30}\s+)?([0-9]{6,8})[\s|]*$").expect("run-together date regex"));
/// A label just before a date: the date belongs to the page or the hand-off, not the signature.
static LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(时间|時間|日期|发布|發布|更新|交办|交辦|反馈|反饋|成文|发表|發表|浏览|瀏覽|点击|點擊|签收|答复期限|办结)[^:：]{0,4}[:：]?\s*$")
        .expect("date label regex")
});
static WRITTEN_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"成文(日期|时间|時間)[^:：]{0,2}[:：]?\s*$").expect("written label regex"));

/// A label naming the reply's own date: 答复日期, 签发日期, 办结时间.
static SIGNING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:答复|答覆|答復|回复|回覆|签发|簽發|办结|辦結|复函|復函)(?:日期|时间|時間)\s*[:：]?\s*$")
        .expect("signing label regex")
});

/// Closing labels that may follow the signing date on one flattened line.
static CLOSING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:联|聯)\s*(?:系|繫)\s*(?:人|电\s*话|電\s*話|方\s*式|单\s*位|單\s*位|科\s*室|部\s*门)|(?:承|经|經)\s*(?:办|辦)\s*人|抄\s*(?:送|报|報)|签\s*发|簽\s*發|领导签发)")
        .expect("closing label regex")
});

/// Where the letter proper begins: dates above it belong to the page header.
static BODY_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"收悉|答复如下|答覆如下|答復如下").expect("body start regex"));

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Alone on its line or after the agency's name: the signing date.
    Signature,
    /// Labelled 成文日期: used only when no signature date exists.
    Written,
    /// `…2024年6月5日印发`: the issue date of the printed copy, a last resort.
    Printed,
    /// Page, crawl or hand-off dates and dates inside sentences.
    Other,
}

/// A date found in the text and how much it says about the signing.
struct Candidate {
    offset: usize,
    iso: String,
    kind: Kind,
    /// Written with 年月日 or run together on its line, as letters are signed; a 2023-10-10 form
    /// alone on a line is more often page chrome.
    strong: bool,
}

/// Find the signing date of a normalized text.
///
/// Preference: a signature date after the letter's acknowledgement (年月日 forms before
/// 2023-10-10 forms), then one above it, then 成文日期 metadata, then the 印发 date. Within a tier
/// the last one wins and a different competitor is reported.
pub fn find_date(text: &str) -> DateFinding {
    let mut warnings = Vec::new();
    let candidates = candidates(text, &mut warnings);
    let body_start = BODY_START.find(text).map_or(0, |m| m.start());
    let tiers: [(&dyn Fn(&Candidate) -> bool, Option<&str>); 5] = [
        (&|c| c.kind == Kind::Signature && c.strong && c.offset >= body_start, None),
        (&|c| c.kind == Kind::Signature && c.offset >= body_start, None),
        (&|c| c.kind == Kind::Signature, Some("date taken from above the letter body")),
        (&|c| c.kind == Kind::Written, Some("date taken from page metadata 成文日期")),
        (&|c| c.kind == Kind::Printed, Some("date taken from the 印发 line")),
    ];
    for (accept, note) in tiers {
        let tier: Vec<&Candidate> = candidates.iter().filter(|c| accept(c)).collect();
        let Some(last) = tier.last() else { continue };
        let mut others: Vec<&str> = tier.iter().map(|c| c.iso.as_str()).filter(|d| *d != last.iso).collect();
        others.dedup();
        if !others.is_empty() {
            warnings.push(format!("two candidate dates: {} chosen over {}", last.iso, others.join(", ")));
        }
        if let Some(note) = note {
            warnings.push(note.to_string());
        }
        return DateFinding { date: Some(last.iso.clone()), warnings };
    }
    DateFinding { date: None, warnings }
}

/// Every valid date of the text with its kind, in text order.
fn candidates(text: &str, warnings: &mut Vec<String>) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut filter = LineFilter::new(text);
    for (offset, line) in line_scan::lines(text) {
        let may = filter.may_hold(text, offset, line);
        let run = may.run_together.then(|| RUN_TOGETHER.find(line)).flatten();
        if let Some(digits) = run.map(|m| run_digits(m.as_str())) {
            // After a label (电话 20231015) the digits are that label's number.
            let labelled = ["电话", "電話", "编码", "編碼", "邮编", "号码", "號碼", "传真", "手机", "号", "號"]
                .iter()
                .any(|w| line.contains(w));
            if !labelled {
                let (date, ambiguous) = run_together(digits);
                if let Some(d) = date {
                    if ambiguous {
                        warnings.push(format!("ambiguous run-together date {digits}: read as {d}"));
                    }
                    out.push(Candidate { offset, iso: d, kind: Kind::Signature, strong: true });
                }
            }
            continue;
        }
        // (start, end, iso, strong)
        let mut found: Vec<(usize, usize, String, bool)> = Vec::new();
        // Matches only: the groups are read from the matched text ([`ymd_parts`], [`digit_runs`]).
        if !(may.ymd || may.separated) {
            continue;
        }
        // YMD's matches, read by hand ([`ymd_scan`]).
        for (start, end) in if may.ymd { ymd_scan::ymd_matches(line) } else { Vec::new() } {
            let Some((y, m, d)) = line.get(start..end).and_then(ymd_parts) else { continue };
            let year = y.parse().ok().or_else(|| cn_year(y));
            let month = m.parse().ok().or_else(|| cn_small(m));
            let day = d.parse().ok().or_else(|| cn_small(d));
            if let Some(iso) = iso(year, month, day) {
                found.push((start, end, iso, true));
            }
        }
        // SEPARATED's matches, read by hand ([`separated_scan`]).
        for (start, end) in if may.separated { separated_scan::separated_matches(line) } else { Vec::new() } {
            let Some((y, m, d)) = line.get(start..end).and_then(digit_runs) else { continue };
            // 2023-2025 spans and decimals are not dates: a digit may not touch either end.
            let touches = line.get(..start).and_then(|s| s.chars().next_back()).is_some_and(|c| c.is_ascii_digit())
                || line.get(end..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_ascii_digit());
            if touches {
                continue;
            }
            if let Some(iso) = iso(y.parse().ok(), m.parse().ok(), d.parse().ok()) {
                found.push((start, end, iso, false));
            }
        }
        found.sort_by_key(|f| f.0);
        for (start, end, iso, strong) in found {
            let mut kind = classify(line, start, end);
            // A 2024-01-05 form after text is a list entry's date (相关文章 … 2024-01-05), not a
            // signature: only alone on its line does it sign.
            let alone = line.get(..start).is_some_and(|b| b.trim().is_empty());
            if kind == Kind::Signature && !strong && !alone {
                kind = Kind::Other;
            }
            if kind != Kind::Other {
                out.push(Candidate { offset: offset + start, iso, kind, strong });
            }
        }
    }
    out
}

/// YMD's three groups, read from a match: each part is what stands before its 年, 月 or 日 (none
/// of the parts can hold those characters), layout spaces removed.
fn ymd_parts(m: &str) -> Option<(&str, &str, &str)> {
    let (y, rest) = m.split_once('年')?;
    let (mo, rest) = rest.split_once('月')?;
    let (d, _) = rest.split_once('日')?;
    Some((y.trim(), mo.trim(), d.trim()))
}

/// SEPARATED's year, month and day groups, read from a match: its three runs of digits (the
/// separators and spaces between them hold none).
fn digit_runs(m: &str) -> Option<(&str, &str, &str)> {
    let mut runs = m.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty());
    Some((runs.next()?, runs.next()?, runs.next()?))
}

/// RUN_TOGETHER's group, read from a match: its only run of ASCII digits (\p{Han}, spaces and
/// bars hold none), the last thing before the trailing spaces and bars.
fn run_digits(m: &str) -> &str {
    let t = m.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    t.get(t.len() - digits..).unwrap_or("")
}

/// Which date patterns a line can hold at all: necessary conditions of the regexes, cheap
/// enough to run on every line so that the regexes run only on the few lines that pass.
#[derive(Debug, PartialEq)]
struct MayHold {
    /// RUN_TOGETHER ends in a run of 6 to 8 digits followed only by whitespace and bars, and
    /// before the run stand only spaces, or a name and spaces.
    run_together: bool,
    /// YMD needs 年, 月 and 日.
    ymd: bool,
    /// SEPARATED needs four digits, spaces maybe, then a -, . or /.
    separated: bool,
}

/// What YMD cannot match without: 日 (a SIMD search over the whole text).
static DAY: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("日"));

/// [`MayHold`] for each line of a text in turn, from two SIMD searches over the text, one for
/// 日 (YMD's anchor) and one for -, . and / (SEPARATED's): a line's flags come from the anchors
/// inside it, so a line without any costs no search, and one with some is not walked byte by
/// byte.
struct LineFilter<'t> {
    days: std::iter::Peekable<memmem::FindIter<'t, 'static>>,
    separators: std::iter::Peekable<memchr::Memchr3<'t>>,
}

impl<'t> LineFilter<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        LineFilter {
            days: DAY.find_iter(bytes).peekable(),
            separators: memchr::memchr3_iter(b'-', b'.', b'/', bytes).peekable(),
        }
    }

    /// `line` is the text's line at byte offset `start`; lines are asked about in text order.
    fn may_hold(&mut self, text: &str, start: usize, line: &str) -> MayHold {
        // RUN_TOGETHER's digits: the last run of 6 to 8 digits before the spaces and bars at
        // the end, with nothing but spaces before them or a space right before them.
        let t = line.trim_end_matches(|c: char| c.is_whitespace() || c == '|');
        let before_digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
        let run_together = (6..=8).contains(&(t.len() - before_digits.len()))
            && (before_digits.ends_with(char::is_whitespace) || before_digits.trim_start().is_empty());
        let end = start + line.len();
        // anchors of lines never asked about (none in text order) are passed over
        let mut day = false;
        while let Some(at) = self.days.next_if(|&at| at < end) {
            day |= at >= start;
        }
        let mut separated = false;
        while let Some(at) = self.separators.next_if(|&at| at < end) {
            if at >= start && !separated {
                separated = year_before(text.get(start..at).unwrap_or(""));
            }
        }
        let ymd = day && line.contains('年') && line.contains('月');
        MayHold { run_together, ymd, separated }
    }
}

/// Whether `before` (the line up to a -, . or /) ends in four ASCII digits and spaces maybe
/// (`[0-9]{4}\s*[-./]`, where SEPARATED's matches start): `1.加快`, `37.61万元` and `http://`
/// need no date search.
fn year_before(before: &str) -> bool {
    let before = before.trim_end().as_bytes();
    before.len() >= 4 && before.get(before.len() - 4..).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
}

/// Where a date on a line stands: alone or after the agency name, after a label, or in a sentence.
fn classify(line: &str, start: usize, end: usize) -> Kind {
    // Only the near context matters; bounding it keeps long flattened lines linear.
    let before = tail(line.get(..start).unwrap_or(""), 160);
    let after = line.get(end..).unwrap_or("");
    let after =
        after.get(..after.len().min(after.char_indices().nth(40).map_or(after.len(), |(i, _)| i))).unwrap_or("");
    if WRITTEN_LABEL.is_match(before) {
        return Kind::Written;
    }
    if SIGNING_LABEL.is_match(before) {
        return Kind::Signature;
    }
    if LABEL_BEFORE.is_match(before) {
        return Kind::Other;
    }
    let after_clean = after.trim_matches(|c: char| c.is_whitespace() || "|)）".contains(c));
    if after_clean.starts_with("印发") || after_clean.starts_with("印發") {
        return Kind::Printed;
    }
    // A seal mark or a contact note in brackets may follow the signing date on its line.
    let after_clean = match after_clean.strip_prefix(['(', '（']) {
        Some(note) if ["章", "联系", "聯系", "公开", "公開"].iter().any(|w| note.contains(w)) => "",
        _ => after_clean,
    };
    // On a flattened page the contact, cc or signer label follows the date on the same line.
    let after_clean = if CLOSING_LABEL.is_match(after_clean) { "" } else { after_clean };
    if !after_clean.is_empty() {
        return Kind::Other;
    }
    // Text since the last sentence break must be an agency name (or nothing), not a sentence.
    let segment = before
        .rsplit(|c: char| "。！!？?；;：:".contains(c))
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| c.is_whitespace() || c == '|');
    if segment.chars().count() > 40 || segment.contains(['，', ',']) {
        return Kind::Other;
    }
    if segment.ends_with(|c: char| "于至到从自在止起截".contains(c)) {
        return Kind::Other;
    }
    // An agency signs; a title before a date is a dated link (关于…的答复 2024年1月5日). On a
    // flattened page the agency is the last space-separated chunk.
    let chunk = segment.split_whitespace().last().unwrap_or("");
    if ["的", "关于", "關於", "答复", "答覆", "答復"].iter().any(|w| chunk.contains(w)) {
        return Kind::Other;
    }
    Kind::Signature
}

/// The last `max` bytes of `s` at most, cut at a character boundary.
fn tail(s: &str, max: usize) -> &str {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s.get(from..).unwrap_or("")
}

mod separated_scan;
mod ymd_scan;

#[cfg(test)]
mod tests;
