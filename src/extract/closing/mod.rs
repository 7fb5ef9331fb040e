//! Closing: cc (抄送/抄报), signer (签发人/领导签发) and the signing date ([`date`]).

mod calendar;
mod date;

use std::collections::HashSet;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

pub use date::{find_date, DateFinding};

/// The cc label; its value runs to the next label or the line end.
static CC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:抄\s*送|抄\s*报|抄\s*報)\s*(?:单位|單位|机关|機關|部门|部門)?\s*[:：]").expect("cc regex")
});
/// Where a cc value stops when other closing parts share its line.
static CC_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s{4,}|抄\s*送|抄\s*报|抄\s*報|(?:联|聯)\s*(?:系|繫)\s*人|(?:承|经|經)\s*(?:办|辦)\s*人|签\s*发\s*人|簽\s*發\s*人|领导签发|印\s*发|印\s*發|[0-9]{4}\s*年")
        .expect("cc end regex")
});
/// Copy counts after a recipient: (2份), （3 份）.
static COPIES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[(（]\s*[0-9]+\s*份\s*[)）]|[0-9]+\s*份").expect("copies regex"));
static CC_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[、，,;；\s]+").expect("cc separator regex"));
static SIGNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:签\s*发\s*人?|簽\s*發\s*人?|领\s*导\s*签\s*发|領\s*導\s*簽\s*發)\s*[:：]([^\n]{0,40})")
        .expect("signer regex")
});

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, _hints: &Hints, out: &mut Fields) {
    out.cc = find_cc(&doc.text);
    out.signer = find_signer(&doc.text);
    let found = find_date(&doc.text);
    out.date = found.date;
    out.warnings.extend(found.warnings);
}

/// The 抄送/抄报 recipients, in order, copy counts and final 。 removed.
pub fn find_cc(text: &str) -> Vec<String> {
    let mut cc = Vec::new();
    // Every label opens with 抄: a SIMD search tells the letters without one (most) at less
    // than a regex call's cost.
    if CHAO.find(text.as_bytes()).is_none() {
        return cc;
    }
    // Lookup only, never iterated: the order is the text's.
    let mut seen: HashSet<String> = HashSet::new();
    for label in CC.find_iter(text) {
        // A cc list is short: bounding the look-ahead keeps long flattened lines linear.
        let rest = head(text.get(label.end()..).unwrap_or(""), 1200);
        let mut lines = rest.split('\n');
        let mut value = lines.next().unwrap_or("").trim_start();
        // `抄送：` alone: the recipients are on the next line.
        if value.trim().is_empty() {
            value = lines.by_ref().find(|l| !l.trim().is_empty()).unwrap_or("").trim_start();
        }
        let value = match CC_END.find(value) {
            Some(end) => value.get(..end.start()).unwrap_or("").to_string(),
            None => continued(value, lines),
        };
        let value = COPIES.replace_all(&value, "");
        for part in CC_SEPARATOR.split(&value) {
            let part = part.trim_matches(|c: char| "。.．:：".contains(c) || c.is_whitespace());
            if !part.is_empty() && seen.insert(part.to_string()) {
                cc.push(part.to_string());
            }
        }
    }
    cc
}

/// Lines below the cc label's own that carry its list on (one recipient a line, or a list wrapped
/// at the printed width): lines of names only, up to a blank line, a 。, a label or a date.
/// A line break inside a list that uses separators is a wrap (joined as is); in a list without
/// them it separates two recipients.
fn continued<'a>(first: &str, lines: impl Iterator<Item = &'a str>) -> String {
    let mut value = first.trim_end().to_string();
    let mut breaks: Vec<usize> = Vec::new();
    for line in lines {
        let prev_open = value.ends_with(['，', '、', ',', ';', '；']);
        let t = line.trim();
        // Recipients only: Han names, separators and copy counts (normalisation drops indents).
        let names_only =
            t.chars().all(|c| is_han(c) || c.is_ascii_digit() || "，、,;；。()（）".contains(c));
        if t.is_empty()
            || value.ends_with(['。', '.'])
            || !names_only
            || t.starts_with(['(', '（'])
            || t.chars().count() > 40
            || t.contains([':', '：'])
            || CC_END.is_match(t)
        {
            break;
        }
        if !prev_open {
            breaks.push(value.len());
        }
        value.push_str(t);
    }
    let separators = value.contains(['，', '、', ',', ';', '；']);
    if !separators {
        for at in breaks.into_iter().rev() {
            if value.is_char_boundary(at) {
                value.insert(at, '、');
            }
        }
    }
    value
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The first `max` bytes of `s` at most, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut to = s.len().min(max);
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    s.get(..to).unwrap_or("")
}

/// What every CC label opens with.
static CHAO: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("抄"));
/// What every SIGNER label holds: 签 (签发, 领导签发) or 簽 (簽發, 領導簽發).
static QIAN: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [memmem::Finder::new("签"), memmem::Finder::new("簽")]);

/// The 签发人 / 领导签发 name, layout spaces removed.
pub fn find_signer(text: &str) -> Option<String> {
    // Most letters carry no signer: two SIMD searches tell them, where SIGNER's own search
    // stopped at every 领 of the text.
    if QIAN.iter().all(|q| q.find(text.as_bytes()).is_none()) {
        return None;
    }
    SIGNER.captures_iter(text).find_map(|caps| leading_name(caps.get(1)?.as_str()))
}

/// The name a value starts with: Han characters, single characters spread by layout spaces
/// closed up (`龙 英` → 龙英).
fn leading_name(value: &str) -> Option<String> {
    let is_name_char = |c| matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '·');
    let name = super::names::close_up(super::names::leading_chunks(value, is_name_char))?;
    (2..=6).contains(&name.chars().count()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cc_separated_by_dunhao() {
        assert_eq!(
            find_cc("抄送：市人大联工委、市政府办公室\n\n联系人及电话：曹权文 15842986508"),
            ["市人大联工委", "市政府办公室"]
        );
    }

    #[test]
    fn cc_with_commas_and_final_full_stop() {
        assert_eq!(
            find_cc("抄送:市人大常委会选举任免代表工作委员会,市政府办公室。"),
            ["市人大常委会选举任免代表工作委员会", "市政府办公室"]
        );
        assert_eq!(find_cc("抄送:市人大,市府辦建議提案科。\n聯系人:張運毅"), ["市人大", "市府辦建議提案科"]);
    }

    #[test]
    fn cc_with_copy_counts_semicolons_and_spaces() {
        assert_eq!(find_cc("抄送：市人大代表工委（2份）；市政府督查室(1份)。"), ["市人大代表工委", "市政府督查室"]);
        assert_eq!(find_cc("抄报：县人大人事委 县政府办公室"), ["县人大人事委", "县政府办公室"]);
        assert_eq!(
            find_cc("抄 送：县人大人事委、县政府办公室\n抄报：市交通局"),
            ["县人大人事委", "县政府办公室", "市交通局"]
        );
    }

    #[test]
    fn cc_one_recipient_a_line_under_the_label() {
        assert_eq!(
            find_cc("抄送：省人大常委会选举任免联络工作委员会\n      省人民政府办公厅建议提案处\n      省老龄工作委员会办公室\n"),
            ["省人大常委会选举任免联络工作委员会", "省人民政府办公厅建议提案处", "省老龄工作委员会办公室"]
        );
    }

    #[test]
    fn cc_wrapped_inside_a_name_or_after_a_separator() {
        assert_eq!(
            find_cc("抄送：市人大常委会代表工作室，市政府办\n      公室，省林业和草原局。\n"),
            ["市人大常委会代表工作室", "市政府办公室", "省林业和草原局"]
        );
        assert_eq!(find_cc("抄送：市人大代表工委，\n市政府督查室。"), ["市人大代表工委", "市政府督查室"]);
    }

    #[test]
    fn cc_does_not_take_the_print_line_or_the_next_paragraph() {
        assert_eq!(find_cc("抄送：市政协提案委\n  市交通局办公室     2024年6月5日印发"), ["市政协提案委"]);
        assert_eq!(find_cc("抄送：市政协提案委。\n  市交通局办公室"), ["市政协提案委"]);
        assert_eq!(find_cc("抄送：市政协提案委\n联系人：张三"), ["市政协提案委"]);
        assert_eq!(find_cc("抄送：市政协提案委\n(此件公开发布)"), ["市政协提案委"]);
    }

    #[test]
    fn cc_unit_label() {
        assert_eq!(find_cc("抄送单位：市人大代表工委"), ["市人大代表工委"]);
    }

    #[test]
    fn cc_and_report_labels_on_one_line() {
        assert_eq!(
            find_cc("抄报：市政府；抄送：市人大代表工委、市政协提案委。"),
            ["市政府", "市人大代表工委", "市政协提案委"]
        );
    }

    #[test]
    fn cc_label_alone_on_its_line() {
        assert_eq!(find_cc("抄送：\n\n市人大代表工委，市政府督查室。\n"), ["市人大代表工委", "市政府督查室"]);
    }

    #[test]
    fn cc_stops_at_the_print_line() {
        assert_eq!(find_cc("抄送：市政协提案委。        市交通局办公室   2024年6月5日印发"), ["市政协提案委"]);
    }

    /// The 抄 pre-check is implied by the label: every text with a CC match holds 抄.
    #[test]
    fn cc_precheck_keeps_every_label() {
        let texts = crate::extract::samples::genre_texts();
        let mut with_cc = 0;
        for t in &texts {
            if CC.is_match(t) {
                assert!(CHAO.find(t.as_bytes()).is_some(), "{t}");
                assert!(!find_cc(t).is_empty(), "{t}");
                with_cc += 1;
            }
        }
        assert!(with_cc > 5, "{with_cc}");
        assert!(find_cc("主送：市人大\n送：市政府").is_empty());
    }

    /// The 签/簽 pre-check drops no signer: the same names as the plain regex scan.
    #[test]
    fn signer_precheck_keeps_every_signer() {
        let plain = |t: &str| SIGNER.captures_iter(t).find_map(|caps| leading_name(caps.get(1)?.as_str()));
        let mut texts = crate::extract::samples::genre_texts();
        texts.extend(["领导签发:刘民华", "領導簽發：劉民華", "簽發人:龍英", "签 发 人：马 文 忠", "领导审核:张三"].map(String::from));
        let mut found = 0;
        for t in &texts {
            assert_eq!(find_signer(t), plain(t), "{t}");
            found += usize::from(plain(t).is_some());
        }
        assert!(found > 8, "{found}");
    }

    #[test]
    fn signer_from_both_labels() {
        assert_eq!(find_signer("签发人:龙英\n\n冯万玖委员:").as_deref(), Some("龙英"));
        assert_eq!(find_signer("2023年7月18日\n\n领导签发:刘民华\n\n联系人及电话:李伟").as_deref(), Some("刘民华"));
        assert_eq!(find_signer("签 发 人：马 文 忠").as_deref(), Some("马文忠"));
        assert_eq!(find_signer("审核人:黎华"), None);
        assert_eq!(find_signer("签发：周  伟").as_deref(), Some("周伟"));
    }
}
