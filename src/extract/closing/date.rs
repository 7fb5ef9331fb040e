//! The reply's signing date: `2024年6月12日`, `二〇二四年五月二十日`, `2021.11.19`, or digits run
//! together on the signature line (`20211026`, `2022711`).
//!
//! A date alone on its line, or after the signing agency's name, is a signing candidate; a date
//! after a label (发布时间, 日期:, 交办日期 …) is page metadata, and one inside a sentence is body
//! text. The last signing candidate wins; 成文日期 metadata is used only when there is none.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{cn_small, cn_year, iso, run_together};
use super::next::Next;

/// The date and the doubts about it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DateFinding {
    /// ISO YYYY-MM-DD.
    pub date: Option<String>,
    pub warnings: Vec<String>,
}

/// 年月日 dates, each part in Arabic digits or Chinese numerals (scans mix them: ２０２３年七月二十日).
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"([0-9]{4}|[〇○零OoＯ0一二三四五六七八九]{4})\s*年\s*",
        r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*日"
    ))
    .expect("date regex")
});
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
    let mut line_start = 0;
    for line in text.split('\n') {
        let offset = line_start;
        line_start += line.len() + 1;
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
        for all in may.ymd.then(|| YMD.find_iter(line)).into_iter().flatten() {
            let Some((y, m, d)) = ymd_parts(all.as_str()) else { continue };
            let year = y.parse().ok().or_else(|| cn_year(y));
            let month = m.parse().ok().or_else(|| cn_small(m));
            let day = d.parse().ok().or_else(|| cn_small(d));
            if let Some(iso) = iso(year, month, day) {
                found.push((all.start(), all.end(), iso, true));
            }
        }
        for all in may.separated.then(|| SEPARATED.find_iter(line)).into_iter().flatten() {
            let Some((y, m, d)) = digit_runs(all.as_str()) else { continue };
            // 2023-2025 spans and decimals are not dates: a digit may not touch either end.
            let touches =
                line.get(..all.start()).and_then(|s| s.chars().next_back()).is_some_and(|c| c.is_ascii_digit())
                    || line.get(all.end()..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_ascii_digit());
            if touches {
                continue;
            }
            if let Some(iso) = iso(y.parse().ok(), m.parse().ok(), d.parse().ok()) {
                found.push((all.start(), all.end(), iso, false));
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
    /// RUN_TOGETHER ends in a digit run followed only by whitespace and bars.
    run_together: bool,
    /// YMD needs 年, 月 and 日.
    ymd: bool,
    /// SEPARATED needs four digits, spaces maybe, then a -, . or /.
    separated: bool,
}

/// What YMD (日) and SEPARATED (- . /) cannot match without: lines with none are skipped.
static ANCHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"日|[-./]").expect("date anchor regex"));

/// [`MayHold`] for each line of a text in turn, with one anchor search over the text.
struct LineFilter {
    anchors: Next<'static>,
}

impl LineFilter {
    fn new(text: &str) -> Self {
        LineFilter { anchors: Next::new(text, &ANCHOR) }
    }

    /// `line` is the text's line at byte offset `start`; lines are asked about in text order.
    fn may_hold(&mut self, text: &str, start: usize, line: &str) -> MayHold {
        let run_together = line
            .trim_end_matches(|c: char| c.is_whitespace() || c == '|')
            .ends_with(|c: char| c.is_ascii_digit());
        let anchored = self.anchors.within(text, start, start + line.len());
        let ymd = anchored && line.contains('日') && line.contains('年') && line.contains('月');
        let separated = anchored && year_before_separator(line);
        MayHold { run_together, ymd, separated }
    }
}

/// Whether a -, . or / of `line` follows four ASCII digits and spaces maybe (`[0-9]{4}\s*[-./]`,
/// where SEPARATED's matches start): `1.加快`, `37.61万元` and `http://` need no date search.
fn year_before_separator(line: &str) -> bool {
    line.bytes().enumerate().any(|(i, b)| {
        matches!(b, b'-' | b'.' | b'/')
            && line.get(..i).is_some_and(|before| {
                let before = before.trim_end().as_bytes();
                before.len() >= 4 && before.get(before.len() - 4..).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            })
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_date(text).date
    }

    #[test]
    fn groups_read_from_the_match_as_the_captures_read_them() {
        let mut lines: Vec<String> = crate::extract::measures::samples::fixture_texts()
            .into_iter()
            .chain(crate::extract::measures::samples::real_dev_texts())
            .flat_map(|t| t.split('\n').map(String::from).collect::<Vec<_>>())
            .collect();
        lines.extend(
            [
                "2024 年 6 月 12 日", "二〇二四年五月二十日", "２０２３年七月二十日", "2023年十月 1日", "OO二一年一月一日",
                "2021 . 11 . 19", "2021/1/9", "2021-01-05 2022.3.4", "20211026  | ", "某某局 2022711\u{3000}",
                "镇坪县文化和旅游广电局\u{2003}20211026", "20211026", "2024年6月5日至2024年7月1日",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            for c in YMD.captures_iter(line) {
                let want = (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str());
                assert_eq!(ymd_parts(c.get(0).unwrap().as_str()), Some(want), "{line:?}");
                found += 1;
            }
            for c in SEPARATED.captures_iter(line) {
                let want = (c.get(1).unwrap().as_str(), c.get(3).unwrap().as_str(), c.get(4).unwrap().as_str());
                assert_eq!(digit_runs(c.get(0).unwrap().as_str()), Some(want), "{line:?}");
                found += 1;
            }
            if let Some(c) = RUN_TOGETHER.captures(line) {
                assert_eq!(run_digits(c.get(0).unwrap().as_str()), c.get(1).unwrap().as_str(), "{line:?}");
                found += 1;
            }
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn line_filter_is_implied_by_every_date_pattern() {
        let mut texts = crate::extract::measures::samples::fixture_texts();
        texts.extend(crate::extract::measures::samples::real_dev_texts());
        texts.push("1.加快\n37.61万元\n2021\u{3000}-1-5\n x2021 . 1 . 5\nhttp://a.cn 2024-01-05".to_string());
        texts.push(
            "2024年6月12日\n二〇二四年五月二十日\n2021.11.19\n2021 / 1 / 9\n20211026  | \n某某局 2022711\u{3000}\n2024-01-05"
                .to_string(),
        );
        let mut hits = 0;
        for text in &texts {
            let mut filter = LineFilter::new(text);
            let mut start = 0;
            for line in text.split('\n') {
                let may = filter.may_hold(text, start, line);
                start += line.len() + 1;
                let run = RUN_TOGETHER.is_match(line);
                let ymd = YMD.is_match(line);
                let sep = SEPARATED.is_match(line);
                assert!(!run || may.run_together, "run-together {line:?}");
                assert!(!ymd || may.ymd, "ymd {line:?}");
                assert!(!sep || may.separated, "separated {line:?}");
                hits += usize::from(run) + usize::from(ymd) + usize::from(sep);
            }
        }
        assert!(hits > 50, "{hits}");
        let mut filter = LineFilter::new("正文。");
        assert_eq!(filter.may_hold("正文。", 0, "正文。"), MayHold { run_together: false, ymd: false, separated: false });
    }

    #[test]
    fn arabic_and_chinese_numeral_dates() {
        assert_eq!(date("博乐市财政局\n2024年6月12日").as_deref(), Some("2024-06-12"));
        assert_eq!(date("某某局\n二〇二四年五月二十日").as_deref(), Some("2024-05-20"));
        assert_eq!(date("某某局\n二○二一年十月二十六日").as_deref(), Some("2021-10-26"));
    }

    #[test]
    fn digits_run_together_on_the_signature_line() {
        assert_eq!(date("              镇坪县文化和旅游广电局\n\n20211026").as_deref(), Some("2021-10-26"));
        assert_eq!(date("某某局\n2022711").as_deref(), Some("2022-07-11"));
        let f = find_date("日期:2023-10-10\n重庆市北碚区城市管理局\n\n        2023927        \n");
        assert_eq!(f.date.as_deref(), Some("2023-09-27"));
    }

    #[test]
    fn run_together_digits_after_the_agency_on_one_line() {
        assert_eq!(date("感谢支持。\n交警潘集大队      20241018").as_deref(), Some("2024-10-18"));
        assert_eq!(date("感谢支持。\n联系电话 20231015"), None);
    }

    #[test]
    fn ambiguous_run_together_digits_warn() {
        let f = find_date("某某局\n2021111");
        assert_eq!(f.date.as_deref(), Some("2021-01-11"));
        assert!(f.warnings.iter().any(|w| w.contains("ambiguous")), "{:?}", f.warnings);
    }

    #[test]
    fn signing_date_wins_over_page_and_handoff_dates() {
        let text =
            "发布时间:2023-07-21    来源:交通局 打印\n交办日期:2015年2月9日\n正文。\n2023年7月18日\n领导签发:刘民华";
        assert_eq!(date(text).as_deref(), Some("2023-07-18"));
        let text = "2023年11月5日 星期天\n发布时间:2018-08-04 14:49:15\n感谢。\n砚山县交通运输局\n\n2018年6月4日\n\n<!--EndFragment-->";
        assert_eq!(date(text).as_deref(), Some("2018-06-04"));
    }

    #[test]
    fn date_after_the_agency_on_a_flattened_line() {
        let text = "来源: 作者:镇康县农业局 时间:2021-08-25 点击率:\n感谢你们的支持。 镇康县农业农村局 2021年7月2日 |";
        assert_eq!(date(text).as_deref(), Some("2021-07-02"));
    }

    #[test]
    fn written_date_metadata_only_when_the_letter_has_none() {
        let text = "发布机构: 铁岭县管理员 成文日期: 2021-11-01\n发文字号: 发布日期: 2021-11-01\n何秋兰代表:\n正文。";
        assert_eq!(date(text).as_deref(), Some("2021-11-01"));
        assert_eq!(date("发布时间:2022-08-10 来源: 农业农村部网站\n余维祥代表:\n正文。"), None);
    }

    #[test]
    fn years_in_doc_numbers_spans_and_sentences_are_not_dates() {
        assert_eq!(date("邵市发改函〔2024〕77号\n2024年1-5月共争取资金。\n《方案（2023-2025）》"), None);
        assert_eq!(date("我局于2023年5月10日召开会议。\n截至2023年6月1日"), None);
        assert_eq!(date("浏览:740次'时间:2024年1月5日\n                       0二十六日"), None);
    }

    #[test]
    fn two_signature_dates_warn() {
        let f = find_date("某某局\n2024年6月5日\n正文。\n某某局\n2024年6月8日");
        assert_eq!(f.date.as_deref(), Some("2024-06-08"));
        assert!(f.warnings.iter().any(|w| w.contains("two candidate dates")), "{:?}", f.warnings);
    }

    #[test]
    fn arabic_year_with_chinese_month_and_day() {
        assert_eq!(date("某某局\n2023年七月二十日").as_deref(), Some("2023-07-20"));
    }

    #[test]
    fn ocr_zero_in_a_chinese_year() {
        assert_eq!(date("某某局\n二0二一年十月二十六日").as_deref(), Some("2021-10-26"));
    }

    #[test]
    fn page_dates_above_the_letter_lose_to_the_signature() {
        let text = "2023-10-10\n李丽代表:\n您提出的建议收悉。\n正文。\n某某局\n2023年9月27日";
        let f = find_date(text);
        assert_eq!(f.date.as_deref(), Some("2023-09-27"));
        assert!(f.warnings.is_empty(), "{:?}", f.warnings);
        let text = "某某局\n2024.06.05\n正文收悉。\n某某局\n2024年6月8日";
        assert_eq!(date(text).as_deref(), Some("2024-06-08"));
    }

    #[test]
    fn dated_links_below_the_letter_are_not_signatures() {
        let text = "您提出的建议收悉。\n正文。\n相关文章\n关于第12号建议的答复 2024-01-05\n关于第13号建议的答复 2024-01-06";
        assert_eq!(date(text), None);
        assert_eq!(date("您提出的建议收悉。\n正文。\n某某局\n2021.11.19").as_deref(), Some("2021-11-19"));
        let text = "您提出的建议收悉。\n某某局\n2023年12月1日\n相关文章\n关于第12号建议的答复 2024年1月5日";
        assert_eq!(date(text).as_deref(), Some("2023-12-01"));
    }

    #[test]
    fn a_labelled_reply_date_signs() {
        let text = "发布时间:2024-07-01\n您提出的建议收悉。\n正文。\n答复日期：2024年6月5日";
        assert_eq!(date(text).as_deref(), Some("2024-06-05"));
    }

    #[test]
    fn printed_date_is_a_last_resort() {
        let text = "感谢支持。\n抄送：市政协提案委。\n市交通局办公室        2024年6月5日印发";
        let f = find_date(text);
        assert_eq!(f.date.as_deref(), Some("2024-06-05"));
        assert!(!f.warnings.is_empty());
        assert_eq!(date("某某局\n2024年6月3日\n市交通局办公室 2024年6月5日印发").as_deref(), Some("2024-06-03"));
    }

    #[test]
    fn a_long_flattened_line_is_handled() {
        let line = "某某局 2024年6月5日 ".repeat(20000);
        assert_eq!(date(&line).as_deref(), None);
        assert_eq!(tail("一二三", 4), "三");
    }

    #[test]
    fn full_width_date_after_normalisation() {
        let doc = crate::normalize::normalize("　　恩施州交通运输局\n　　２０２３年７月２０日\n");
        assert_eq!(date(&doc.text).as_deref(), Some("2023-07-20"));
    }

    #[test]
    fn closing_labels_after_the_date_on_a_flattened_line() {
        assert_eq!(date("感谢您对我局工作的支持 某某局 2021年7月2日").as_deref(), Some("2021-07-02"));
        let text = "感谢支持。 某某局 2021年7月2日 联系人:张三 电话:13800000000 |";
        assert_eq!(date(text).as_deref(), Some("2021-07-02"));
        assert_eq!(date("某某局 2021年7月2日 召开会议"), None);
    }

    #[test]
    fn seal_mark_or_contact_note_after_the_date() {
        assert_eq!(date("某某局\n2024年6月5日（盖章）").as_deref(), Some("2024-06-05"));
        assert_eq!(date("某某局 2020年6月19日 (联系人及电话:叶贞京 020-37288750)").as_deref(), Some("2020-06-19"));
        assert_eq!(date("某某部 2023年7月3日 联系单位：某某司 联系人：吴昊").as_deref(), Some("2023-07-03"));
        assert_eq!(date("某某局 2023年7月3日 联系科室：办公室").as_deref(), Some("2023-07-03"));
        assert_eq!(date("2023年11月5日（星期日）"), None);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(date("某某局\n2023年2月30日"), None);
        assert_eq!(date("某某局\n20231345"), None);
        assert_eq!(date("联系电话：\n87881012"), None);
    }
}
