//! Step 3 of [`super::find`]: the signature, the agency line just before the signing date (or
//! before the date on the same line of a flattened page), with the prefilters that spare the date
//! regex on most lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;
use super::{is_agency, is_chrome, squeeze};

/// A signing date: 2021年11月19日 · 二〇二一年十月二十六日 · 20211026 · 2022711 on its own.
pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|^\d{7,8}$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$)")
        .expect("date regex")
});

/// A seal note under the signature: （盖章） · (印章) · （代章）.
static SEAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（](?:盖章|印章|公章|代章|章)[)）]$").expect("seal regex"));

/// A layout gap right after a date: the date is a cell of its own on a flattened line.
pub(super) static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s{2,}|\t)").expect("cell gap regex"));

/// 3. The signature: the nearest non-empty line before a date line, or the text before the date
/// when a flattened page put both on one line; looked for from byte `start` (a line start).
#[inline(never)]
pub(super) fn signature(text: &str, start: usize) -> Option<String> {
    let body = text.get(start..).unwrap_or("");
    // the lines holding 日, found by one search over the text rather than a test on each line
    let mut ri = line_scan::Next::new(body, &RI);
    let mut at = 0;
    for raw in body.split('\n') {
        let (line_start, line_end) = (start + at, at + raw.len());
        let in_body = at;
        at = line_end + 1;
        if !may_be_dated(raw, ri.within(body, in_body, line_end)) {
            continue;
        }
        let line = raw.trim().trim_matches('|').trim();
        // necessary for a DATE match: 年月日, or a line that opens with a digit
        let dated = (line.contains('日') && line.contains('年') && line.contains('月'))
            || line.starts_with(|c: char| c.is_numeric());
        if !dated || !may_close_a_date(line) {
            continue;
        }
        let Some(m) = DATE.find(line) else { continue };
        // the signing date stands alone (or ends a flattened page, or sits in a cell of its own
        // before the contact block); a dated sentence does not
        let after = line.get(m.end()..).unwrap_or("");
        let alone = after.trim().is_empty();
        if !alone && !CELL_GAP.is_match(after) {
            continue;
        }
        let before = line.get(..m.start()).unwrap_or("").trim();
        if !alone && before.is_empty() {
            continue;
        }
        if !before.is_empty() {
            // flattened page: "…的支持。 镇康县农业农村局 2021年7月2日"
            if let Some(last) = before.split_whitespace().last() {
                if is_agency(last) && !is_chrome(raw) {
                    return Some(last.to_string());
                }
            }
            continue;
        }
        // a seal note (（盖章）) may sit between the signature and the date
        let prev = line_scan::lines_before(text, line_start)
            .map(|p| (p, squeeze(p)))
            .find(|(_, p)| !p.is_empty() && !SEAL.is_match(p));
        if let Some((prev_raw, prev)) = prev {
            if !is_chrome(prev_raw) && is_agency(&prev) {
                return Some(prev.into_owned());
            }
        }
    }
    None
}

/// The 日 of a date written 年月日.
static RI: LazyLock<Regex> = LazyLock::new(|| Regex::new("日").expect("ri regex"));

/// A necessary condition of the `dated` test in [`signature`] on a raw line (`has_ri`: whether
/// it holds 日): that test reads the line trimmed of whitespace and pipes, which holds 日 when the
/// raw line does, and whose first character is the raw line's first one after layout.
pub(super) fn may_be_dated(raw: &str, has_ri: bool) -> bool {
    has_ri || line_scan::trim_layout_start(raw, true).starts_with(|c: char| c.is_numeric())
}

/// A necessary condition, on a trimmed line, of what [`signature`] asks of the first [`DATE`]
/// in it: that the date ends the line or is followed by a layout gap. Every date ends with 日 or
/// a digit (the digit forms are anchored at the line end), so the line ends with one of them or
/// holds 日 followed by whitespace. Most dated lines are sentences, ruled out before the regex.
pub(super) fn may_close_a_date(line: &str) -> bool {
    line.ends_with(|c: char| c == '日' || c.is_numeric())
        || line.match_indices('日').any(|(i, _)| line.get(i + '日'.len_utf8()..).is_some_and(|r| r.starts_with(char::is_whitespace)))
}
