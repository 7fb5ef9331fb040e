//! The reply's own 发文字号 (邵市发改函〔2024〕77号): agency code, year, serial, with warnings for
//! forms that bend GB/T 9704 (other brackets, leading zeros, 字第).
//!
//! A 文号 counts only when it opens its line (optionally after a label such as `建议字:`): a
//! 文号 inside a sentence or after a cited 《title》 belongs to the document cited.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;
use crate::extract::relaxed::Relaxed;
use crate::record::DocNumber;

/// A class in brackets right after the 文号: `…77号（A类）`.
static BRACKETED_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（]\s*(?P<v>[A-Da-d][0-9]?|甲|乙|丙|丁)\s*类?\s*[)）]").expect("bracketed class regex")
});

/// A title line ending with its own 文号 in brackets (its code at most 14 characters).
static TITLE_SUFFIX: Relaxed =
    Relaxed::new(|| title_suffix_regex("+"), || title_suffix_regex("{1,14}"), &[("code", 14)]);

fn title_suffix_regex(code: &str) -> Regex {
    Regex::new(&format!(
        r"(?:答复|复函|的函|回复|答复函)\s*[(（]\s*(?P<n>(?P<code>[\p{{Han}}A-Za-z]{code})\s*[〔\[（(【﹝]\s*\d{{4}}\s*[〕\]）)】﹞]\s*\d{{1,6}}\s*号)\s*[)）]\s*$"
    ))
    .expect("title suffix regex")
}

/// The cells of one row, split at layout gaps (two or more spaces of any width, or a tab).
use super::mark_cells::split_gaps;

/// Labels of page metadata tables: their 文号 is used only when the letter itself has none.
const METADATA_LABELS: [&str; 4] = ["文号", "发文字号", "发文号", "字号"];

/// A 文号 found in the text, with the classification letter glued after it (〔2024〕77号B).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub number: DocNumber,
    pub glued_class: Option<String>,
    /// From a labelled metadata row rather than the letter.
    pub metadata: bool,
}

/// Parse one line, if it opens with a 文号.
pub fn parse_line(line: &str) -> Option<Found> {
    let c = super::number_scan::scan(line)?;
    let label = c.label.map(|l| l.replace(' ', ""));
    // 建议字: 提案字: 文号: 发文字号: name this number; 附件: 依据: point to another document
    if label.as_deref().is_some_and(|l| !l.ends_with(['字', '号', '號'])) {
        return None;
    }
    let metadata = label.as_deref().is_some_and(|l| METADATA_LABELS.iter().any(|m| l.ends_with(m)));
    // Trailing text must not continue a sentence: a 文号 followed by prose is a citation.
    let raw_rest = c.rest;
    let rest = raw_rest.trim();
    let separated = raw_rest.starts_with(char::is_whitespace);
    if !(rest.is_empty() || separated || rest.starts_with(['(', '（', '签', '类', '|'])) {
        return None;
    }
    let year: i32 = c.year.parse().ok()?;
    let serial_text = c.serial;
    let serial: u32 = serial_text.parse().ok()?;
    let code = c.code.map(str::to_string);
    let mut warnings = Vec::new();
    let (open, close) = (c.open, c.close);
    if open != "〔" || close != "〕" {
        warnings.push(format!("non-standard brackets {open}{close} in 文号"));
    }
    if serial_text.len() > 1 && serial_text.starts_with('0') {
        warnings.push("leading zero in serial".to_string());
    }
    let (zi, di) = (c.zi, c.di);
    if zi || di {
        warnings.push("non-standard 文号 form (字/第 before the serial)".to_string());
    }
    if code.is_none() {
        warnings.push("文号 without agency code".to_string());
    }
    // `{code}〔{year}〕{字}{第}{serial}{号}` pushed piece by piece (format! costs more)
    // (the year as the number it parses to, as before: leading zeros dropped)
    let year_text = year.to_string();
    let mut text = String::with_capacity(32);
    for piece in [code.as_deref().unwrap_or(""), "〔", year_text.as_str(), "〕", if zi { "字" } else { "" }, if di { "第" } else { "" }, serial_text, c.hao] {
        text.push_str(piece);
    }
    let glued_class = c
        .cls
        .map(|m| m.trim_end_matches('类').to_string())
        // (the bracketed class opens the rest)
        .or_else(|| rest.starts_with(['(', '（']).then(|| BRACKETED_CLASS.captures(rest)).flatten().map(|b| b["v"].to_string()))
        .filter(|s| !s.is_empty());
    Some(Found {
        number: DocNumber { text, agency_code: code, year: Some(year), serial: Some(serial), warnings },
        glued_class,
        metadata,
    })
}

/// What every 文号 and every title ending in one holds: only the lines with it are read.
static HAO: LazyLock<Regex> = LazyLock::new(|| Regex::new("号|號").expect("hao regex"));

/// [`find`] over the lines of `text` that can hold a 文号 (the others cannot change its result).
pub fn find_in(text: &str) -> Option<Found> {
    find(line_scan::lines_with(text, &HAO).map(|(_, line)| line))
}

/// The reply's own 文号: the first one of the letter, else the first from page metadata.
pub fn find<'a>(lines: impl Iterator<Item = &'a str>) -> Option<Found> {
    let mut fallback = None;
    let mut in_title = None;
    for line in lines {
        // a header row may hold several cells: 签发人：张三      邵市发改函〔2024〕77号
        // (without whitespace there is no gap, and no second cell)
        let found = parse_line(line)
            .or_else(|| line.contains(char::is_whitespace).then(|| split_gaps(line).skip(1).find_map(parse_line)).flatten());
        if let Some(f) = found {
            if !f.metadata {
                return Some(f);
            }
            fallback.get_or_insert(f);
        } else if in_title.is_none() && line.trim_end().ends_with([')', '）']) {
            // (the title's number sits in brackets closing the line)
            in_title = TITLE_SUFFIX.captures(line).and_then(|c| parse_line(c.name("n")?.as_str()));
        }
    }
    // the letter's title may carry its number: …的答复（邵市发改函〔2024〕77号）
    in_title.or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical text: code, the year as a number, 字/第 kept, the serial as written.
    #[test]
    fn canonical_text_of_the_number() {
        let text = |l: &str| parse_line(l).map(|f| f.number.text);
        assert_eq!(text("X市财发 ( 0992 ) 字 第 036 號").as_deref(), Some("X市财发〔992〕字第036號"));
        assert_eq!(text("〔2024〕7号").as_deref(), Some("〔2024〕7号"));
        assert_eq!(text("邵市发改函【2024】77号").as_deref(), Some("邵市发改函〔2024〕77号"));
    }

    fn parts(line: &str) -> (Option<String>, Option<i32>, Option<u32>, Vec<String>) {
        let f = parse_line(line).expect("a 文号");
        (f.number.agency_code, f.number.year, f.number.serial, f.number.warnings)
    }

    #[test]
    fn standard_form() {
        let f = parse_line("邵市发改函〔2024〕77号").unwrap();
        assert_eq!(f.number.text, "邵市发改函〔2024〕77号");
        assert_eq!(f.number.agency_code.as_deref(), Some("邵市发改函"));
        assert_eq!((f.number.year, f.number.serial), (Some(2024), Some(77)));
        assert!(f.number.warnings.is_empty());
        assert_eq!(parts("子交函〔2023〕34号").0.as_deref(), Some("子交函"));
        assert_eq!(parts("粤农农函〔2020〕557号").2, Some(557));
    }

    #[test]
    fn every_bracket_variant_with_spaces_unified() {
        for line in [
            "邵市发改函[2024]77号",
            "邵市发改函（2024）77号",
            "邵市发改函(2024)77号",
            "邵市发改函【2024】77号",
            "邵市发改函﹝2024﹞77号",
            "邵市发改函〔 2024 〕77号",
            "邵市发改函 [ 2024 ] 77 号",
        ] {
            let f = parse_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(f.number.text, "邵市发改函〔2024〕77号", "{line}");
            assert_eq!(f.number.serial, Some(77), "{line}");
        }
        assert!(parts("邵市发改函[2024]77号").3.iter().any(|w| w.contains("brackets")));
        assert!(parts("邵市发改函〔 2024 〕77号").3.is_empty());
    }

    #[test]
    fn class_after_a_wide_gap() {
        let f = parse_line("中旗教发【2022】11号　　　　　　甲类").unwrap();
        assert_eq!(f.number.agency_code.as_deref(), Some("中旗教发"));
        assert_eq!(f.number.serial, Some(11));
    }

    #[test]
    fn leading_zero_warns() {
        let (code, year, serial, w) = parts("邵市发改函〔2024〕077号");
        assert_eq!((code.as_deref(), year, serial), (Some("邵市发改函"), Some(2024), Some(77)));
        assert!(w.iter().any(|w| w.contains("leading zero")));
    }

    #[test]
    fn leading_zero_without_code() {
        let (code, year, serial, w) = parts("〔2024〕077号");
        assert_eq!((code, year, serial), (None, Some(2024), Some(77)));
        assert!(w.iter().any(|w| w.contains("leading zero")));
    }

    #[test]
    fn label_without_code() {
        let (code, year, serial, w) = parts("建议字:〔2023〕8号");
        assert_eq!((code, year, serial), (None, Some(2023), Some(8)));
        assert!(w.iter().any(|w| w.contains("without agency code")));
    }

    #[test]
    fn zi_di_form_parsed_with_warning() {
        let f = parse_line("X市财发〔1992〕字第36号").unwrap();
        assert_eq!(f.number.agency_code.as_deref(), Some("X市财发"));
        assert_eq!((f.number.year, f.number.serial), (Some(1992), Some(36)));
        assert!(!f.number.warnings.is_empty());
    }

    #[test]
    fn glued_classification_letter() {
        let f = parse_line("邵市发改函〔2024〕77号B").unwrap();
        assert_eq!(f.glued_class.as_deref(), Some("B"));
        assert_eq!(f.number.serial, Some(77));
    }

    #[test]
    fn citations_are_not_the_replys_number() {
        // a 文号 in （） after a cited 《title》, or inside a sentence
        assert!(parse_line("根据《关于做好建议办理工作的通知》(博市政办发〔2021〕69号)文件要求").is_none());
        assert!(parse_line("自《关于印发<湖南省支持省级特色产业小镇发展的政策意见（2019-2021年）>的通知》（湘政办发〔2019〕58号）后，省级层面").is_none());
        assert!(parse_line("湘政办发〔2019〕58号文件要求各地").is_none());
    }

    #[test]
    fn number_at_the_end_of_the_title() {
        let f = find(["邵阳市发展和改革委员会关于市十七届人大三次会议第151号建议的答复（邵市发改函〔2024〕77号）"].into_iter()).unwrap();
        assert_eq!(f.number.agency_code.as_deref(), Some("邵市发改函"));
        assert_eq!(f.number.serial, Some(77));
    }

    #[test]
    fn traditional_and_second_cell() {
        let f = find(["廈文旅函〔2023〕88號"].into_iter()).unwrap();
        assert_eq!(f.number.text, "廈文旅函〔2023〕88號");
        assert_eq!(f.number.serial, Some(88));
        let f = find(["签发人：张三      邵市发改函〔2024〕77号"].into_iter()).unwrap();
        assert_eq!(f.number.agency_code.as_deref(), Some("邵市发改函"));
    }

    #[test]
    fn other_labels_point_to_other_documents() {
        assert!(parse_line("附件：邵市财发〔2024〕3号").is_none());
        assert!(parse_line("提案字:〔2023〕8号").is_some());
    }

    #[test]
    fn only_lines_with_hao_are_read_and_none_is_missed() {
        let text = "同意公开\n签发人：张三      邵市发改函〔2024〕77号\n邵阳市财政局关于市十七届人大三次会议第151号建议的答复";
        assert_eq!(find_in(text), find(text.split('\n')));
        assert_eq!(find_in(text).unwrap().number.agency_code.as_deref(), Some("邵市发改函"));
        let text = "关于市十七届人大三次会议第151号建议的答复（邵市发改函〔2024〕77号）\n\n陈业华代表：";
        assert_eq!(find_in(text).unwrap().number.serial, Some(77));
        assert_eq!(find_in("廈文旅函〔2023〕88號").unwrap().number.serial, Some(88));
        assert_eq!(find_in(""), None);
    }

    /// A label of at most 8 characters, a code of at most 14.
    #[test]
    fn label_and_code_bounds() {
        assert!(parse_line("关于加强基础设施建设的建议字:〔2023〕8号").is_none());
        assert!(parse_line("关于提案建议字:〔2023〕8号").is_some());
        assert!(parse_line("一二三四五六七八九十一二三四五〔2024〕7号").is_none());
        assert_eq!(parse_line("一二三四五六七八九十一二三四〔2024〕7号").and_then(|f| f.number.agency_code).map(|c| c.chars().count()), Some(14));
        assert!(find(["关于第5号建议的答复（一二三四五六七八九十一二三四五〔2024〕7号）"].into_iter()).is_none());
        assert!(find(["关于第5号建议的答复（一二三四五六七八九十一二三四〔2024〕7号）"].into_iter()).is_some());
    }

    #[test]
    fn metadata_row_only_as_fallback() {
        let lines = ["发文字号: 铁政发〔2021〕3号", "", "铁教函〔2021〕12号"];
        let f = find(lines.into_iter()).unwrap();
        assert_eq!(f.number.agency_code.as_deref(), Some("铁教函"));
        let f = find(["发文字号: 铁政发〔2021〕3号"].into_iter()).unwrap();
        assert!(f.metadata);
        assert_eq!(f.number.serial, Some(3));
        assert!(find(["发文字号: 发布日期: 2021-11-01"].into_iter()).is_none());
    }
}
