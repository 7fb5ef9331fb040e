//! Header marks: disclosure, classification, issuer and the reply's own 文号.
//!
//! Disclosure and classification are read only from lines that are marks (a line of their own,
//! a labelled row, a 附注 in brackets), never from prose or breadcrumbs such as
//! `法定主动公开内容`.

mod agency;
mod doc_number;
mod issuer;
mod number_scan;

use std::sync::LazyLock;

use regex::Regex;

use super::{line_scan, Hints};
use crate::normalize::Normalized;
use crate::record::Fields;

/// The canonical disclosure vocabulary, longest first so 不同意公开 wins over 同意公开.
const DISCLOSURE: [&str; 5] = ["不同意公开", "依申请公开", "不予公开", "同意公开", "主动公开"];

/// `是否同意公开:是` · `是否公开:否` (opening a cell: prose such as 关于是否公开… is no mark)
static DISCLOSURE_YES_NO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^是否(?:同意)?公开[:：]?[(（]?(?P<v>不同意|同意|是|否)").expect("yes/no regex")
});

/// `公开方式:主动公开` · `公开属性：依申请公开` · `（此件主动公开）` · a line of its own.
static DISCLOSURE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[(（]?此件|(?P<label>[\p{Han}]{0,6}公开(?:方式|属性|类型|类别|选项|形式)[:：]))?[\[【(（]?(?P<v>不同意公开|依申请公开|不予公开|同意公开|主动公开)[\]】)）]?[。.]?$",
    )
    .expect("disclosure regex")
});

/// A layout gap between cells: two or more spaces (any width) or a tab.
static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s{2,}|\t").expect("gap regex"));

/// The standard 附注 wording: `（此件公开发布）` · `（此件不公开）`.
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（]?此件(?P<v>公开发布|不公开|不予公开发布)[)）]?[。.]?$").expect("note regex"));

/// `A1类` on its own line, or `(B类)`.
static CLASS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（\[【]?(?P<v>[A-Da-d][0-9]?|甲|乙|丙|丁)类[)）\]】]?(?:[(（][^()（）]{0,24}[)）])?$").expect("class line regex")
});

/// A class in brackets closing a title line: `…第151号建议的答复（A类）`.
static CLASS_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:答复|复函|的函|回复|答复函)[(（](?P<v>[A-Da-d][0-9]?|甲|乙|丙|丁)类[)）]$").expect("class end regex")
});

/// `类别:A类` · `类 别:B` · `办理结果:(C)` · `办复类别: B` · `答复类型：A`.
static CLASS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:类\s*别|办理结果|办复类别|答复类别|办理类别|结果类别|答复类型|办理类型|办复类型|办理结果类别)\s*[:：]\s*[(（\[【]?\s*(?P<v>[A-Da-d][0-9]?|甲|乙|丙|丁)\s*类?\s*[)）\]】]?(?:$|[\s，,。;；(（])",
    )
    .expect("class label regex")
});

/// The characters a mark needs: 公 (every disclosure mark says 公开), 类 or 果 (办理结果) for a
/// classification. Only the lines holding one are split into cells. (A narrower anchor,
/// 公开 or 办理 possibly spaced, visits fewer lines but its search costs more than it saves.)
static MARK_ANCHOR: LazyLock<Regex> = LazyLock::new(|| Regex::new("公|类|果").expect("mark anchor regex"));

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = hints;
    let text = doc.text.as_str();
    let (disclosure, classification) = marks(text);
    out.disclosure = disclosure;
    out.classification = classification;
    // the reply's own 文号 sits in its header; one standing alone lower down (a list of
    // attachments or cited documents) counts only when the header has none
    let ack = issuer::acknowledgement(text).unwrap_or(text.len());
    let (head, body) = (text.get(..ack).unwrap_or(text), text.get(ack..).unwrap_or(""));
    let found = doc_number::find_in(head).or_else(|| doc_number::find_in(body));
    if let Some(found) = found {
        if out.classification.is_none() {
            out.classification = found.glued_class.clone();
        }
        out.warnings.extend(found.number.warnings.iter().cloned());
        out.doc_number = Some(found.number);
    }
    out.issuer = issuer::find(text);
}

/// Disclosure and classification, read from the cells of the lines that can hold them (both
/// marks are looked for in the same cells: each candidate line is split and squeezed once).
#[inline(never)]
fn marks(text: &str) -> (Option<String>, Option<String>) {
    let mut disclosure = Disclosure::default();
    let mut class = None;
    for (_, line) in line_scan::lines_with(text, &MARK_ANCHOR) {
        // necessary conditions of the regexes, on the line (every cell is a part of it)
        let for_disclosure =
            disclosure.found.is_none() && line_scan::squeezed_contains(line, "公开", char::is_whitespace);
        let for_class = class.is_none()
            && (line.contains('类') || line_scan::squeezed_contains(line, "办理结果", char::is_whitespace))
            && has_class_value(line);
        if !for_disclosure && !for_class {
            continue;
        }
        let cells = cells(line);
        if for_disclosure {
            disclosure.read(&cells);
        }
        if for_class {
            class = classification(&cells);
        }
        if disclosure.found.is_some() && class.is_some() {
            break;
        }
    }
    (disclosure.found.unwrap_or(disclosure.labelled), class)
}

/// Whether a line holds a class value (A–D, a–d, 甲乙丙丁), which every classification pattern reads.
fn has_class_value(line: &str) -> bool {
    line.bytes().any(|b| matches!(b, b'A'..=b'D' | b'a'..=b'd')) || line.contains(['甲', '乙', '丙', '丁'])
}

/// The ways one line can hold a mark: the whole line without layout spaces, and, when wide
/// gaps split it into cells (`A1类      同意公开` at the top of a scan), each cell.
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![squeeze(line)];
    // Without whitespace there is no gap (most lines of Chinese prose): skip the regex.
    if !line.contains(char::is_whitespace) {
        return out;
    }
    let parts: Vec<&str> = GAP.split(line).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 {
        out.extend(parts.iter().map(|p| squeeze(p)));
    }
    out
}

/// The disclosure read so far: the letter's own mark ends the search; a labelled metadata row
/// (公开方式:…) counts only when the letter has no mark of its own.
#[derive(Default)]
struct Disclosure {
    /// The letter's own mark, once read.
    found: Option<Option<String>>,
    labelled: Option<String>,
}

impl Disclosure {
    fn read(&mut self, cells: &[String]) {
        for cell in cells {
            let cell = cell.as_str();
            if let Some(c) = cell.starts_with("是否").then(|| DISCLOSURE_YES_NO.captures(cell)).flatten() {
                let yes = matches!(&c["v"], "是" | "同意");
                self.found = Some(Some(if yes { "同意公开" } else { "不同意公开" }.to_string()));
                return;
            }
            if let Some(c) = cell.contains("此件").then(|| NOTE.captures(cell)).flatten() {
                // GB/T 9704 附注: (此件公开发布) releases the document, (此件不公开) withholds it
                self.found = Some(Some(if c["v"].starts_with('不') { "不予公开" } else { "主动公开" }.to_string()));
                return;
            }
            if let Some(c) = ends_with_a_value(cell).then(|| DISCLOSURE_MARK.captures(cell)).flatten() {
                let v = DISCLOSURE.iter().find(|d| **d == &c["v"]).map(|d| d.to_string());
                if c.name("label").is_none() {
                    self.found = Some(v);
                    return;
                }
                self.labelled = self.labelled.take().or(v);
            }
        }
    }
}

/// A line without layout spaces (scans space out short marks: `同 意 公 开`).
fn squeeze(s: &str) -> String {
    line_scan::squeeze_layout(s, false).into_owned()
}

/// What every match of [`DISCLOSURE_MARK`] ends with: a value (each ends in 公开), then at most
/// a closing bracket and a full stop.
fn ends_with_a_value(cell: &str) -> bool {
    let t = cell.strip_suffix(['。', '.']).unwrap_or(cell);
    let t = t.strip_suffix([']', '】', ')', '）']).unwrap_or(t);
    t.ends_with("公开")
}

fn classification(cells: &[String]) -> Option<String> {
    for cell in cells {
        let cell = cell.as_str();
        // what each pattern needs: 类 (its line), a colon (its label), 类 and a bracket ending it
        let line = || cell.contains('类').then(|| CLASS_LINE.captures(cell)).flatten();
        let label = || cell.contains([':', '：']).then(|| CLASS_LABEL.captures(cell)).flatten();
        let end = || (cell.ends_with("类)") || cell.ends_with("类）")).then(|| CLASS_END.captures(cell)).flatten();
        let found = line().or_else(label).or_else(end);
        if let Some(c) = found {
            return Some(c["v"].to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn run(text: &str) -> Fields {
        let mut out = Fields::default();
        extract(&normalize(text), &Hints::default(), &mut out);
        out
    }

    #[test]
    fn seed_header() {
        let f = run("\n\n同意公开\n\n邵阳市发展和改革委员会文件\n\n邵市发改函〔2024〕77号\n\nA1类\n\n对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n");
        assert_eq!(f.disclosure.as_deref(), Some("同意公开"));
        assert_eq!(f.classification.as_deref(), Some("A1"));
        assert_eq!(f.issuer.as_deref(), Some("邵阳市发展和改革委员会"));
        let dn = f.doc_number.unwrap();
        assert_eq!(dn.agency_code.as_deref(), Some("邵市发改函"));
        assert_eq!((dn.year, dn.serial), (Some(2024), Some(77)));
    }

    #[test]
    fn labelled_marks() {
        let f = run("发布时间:2023-07-21    来源:交通局 打印\n\n是否同意公开:是\n\n办理结果:(C)\n\n建议字:〔2023〕8号\n");
        assert_eq!(f.disclosure.as_deref(), Some("同意公开"));
        assert_eq!(f.classification.as_deref(), Some("C"));
        assert_eq!(f.issuer, None);
        let dn = f.doc_number.unwrap();
        assert_eq!((dn.agency_code, dn.year, dn.serial), (None, Some(2023), Some(8)));
        assert!(f.warnings.iter().any(|w| w.contains("agency code")));
    }

    #[test]
    fn disclosure_variants() {
        assert_eq!(run("（此件主动公开）").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("（此件公开发布）").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("（此件不公开）").disclosure.as_deref(), Some("不予公开"));
        // the 附注 without its brackets
        assert_eq!(run("此件依申请公开\n国家税务总局长沙市税务局").disclosure.as_deref(), Some("依申请公开"));
        assert_eq!(run("此件公开发布。").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("此件不予公开").disclosure.as_deref(), Some("不予公开"));
        assert_eq!(run("公开方式:主动公开").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("是否同意公开：否").disclosure.as_deref(), Some("不同意公开"));
        assert_eq!(run("是否同意公开：不同意").disclosure.as_deref(), Some("不同意公开"));
        assert_eq!(run("是否同意公开  是").disclosure.as_deref(), Some("同意公开"));
        assert_eq!(run("关于是否公开是由承办单位决定的。").disclosure, None);
        assert_eq!(run("依申请公开").disclosure.as_deref(), Some("依申请公开"));
        assert_eq!(run("同 意 公 开").disclosure.as_deref(), Some("同意公开"));
        assert_eq!(run("公开类别：主动公开").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("公开类别：主动公开").classification, None);
        assert_eq!(run("信息公开选项：依申请公开").disclosure.as_deref(), Some("依申请公开"));
        // the letter's own mark beats a page metadata row
        assert_eq!(run("公开方式:主动公开\n\n不予公开\n").disclosure.as_deref(), Some("不予公开"));
        assert_eq!(run("不同意公开").disclosure.as_deref(), Some("不同意公开"));
        // breadcrumbs and prose are not marks
        assert_eq!(run("当前位置:首页 > 政府信息公开 > 法定主动公开内容 > 建议提案办理").disclosure, None);
        assert_eq!(run("我局将按规定主动公开办理结果。").disclosure, None);
    }

    #[test]
    fn classification_variants() {
        assert_eq!(run("类别:A类").classification.as_deref(), Some("A"));
        assert_eq!(run("类 别:B").classification.as_deref(), Some("B"));
        assert_eq!(run("办复类别: B").classification.as_deref(), Some("B"));
        assert_eq!(run("甲类").classification.as_deref(), Some("甲"));
        assert_eq!(run("B类").classification.as_deref(), Some("B"));
        assert_eq!(run("A 1 类").classification.as_deref(), Some("A1"));
        assert_eq!(run("A类（所提问题已经解决）").classification.as_deref(), Some("A"));
        assert_eq!(run("办理结果:A类(已经解决或采纳)").classification.as_deref(), Some("A"));
        assert_eq!(run("邵市发改函〔2024〕77号（A类）").classification.as_deref(), Some("A"));
        assert_eq!(run("邵市发改函〔2024〕77号B").classification.as_deref(), Some("B"));
        assert_eq!(run("A1类        同意公开").classification.as_deref(), Some("A1"));
        assert_eq!(run("A1类        同意公开").disclosure.as_deref(), Some("同意公开"));
        assert_eq!(run("同意公开　　B类").classification.as_deref(), Some("B"));
        assert_eq!(run("同意公开　　B类").disclosure.as_deref(), Some("同意公开"));
        assert_eq!(run("中旗教发【2022】11号　　　　　　甲类").classification.as_deref(), Some("甲"));
        assert_eq!(run("公开方式：主动公开\t主题词：").disclosure.as_deref(), Some("主动公开"));
        assert_eq!(run("邵市发改函〔2024〕77号          A1类").classification.as_deref(), Some("A1"));
        assert_eq!(run("对市十七届人大三次会议第151号建议的答复（A类）").classification.as_deref(), Some("A"));
        // a topic row is not a result class
        assert_eq!(run("索 引 号 : 主题分类: 科技、教育").classification, None);
        assert_eq!(run("我市A类企业达到12家。").classification, None);
    }

    /// The literal checks before the cell regexes pass every cell a regex matches: the cells of
    /// every line of every fixture and real-dev text, and tricky snippets.
    #[test]
    fn cell_prefilters_keep_every_mark() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(
            [
                "是否同意公开:是", "（此件公开发布）", "此件不予公开发布。", "【主动公开】。", "[依申请公开]", "(此件主动公开）.", "公开方式：主动公开",
                "类别:A类", "办理结果:(C)", "(B类)", "A类（所提问题已经解决）", "…建议的答复（A类）", "…的函(甲类)", "答复类型：A",
            ]
            .map(String::from),
        );
        let (mut marks, mut classes) = (0, 0);
        for l in &lines {
            for cell in cells(l) {
                let c = cell.as_str();
                if DISCLOSURE_YES_NO.is_match(c) {
                    assert!(c.starts_with("是否"), "{c}");
                }
                if NOTE.is_match(c) {
                    assert!(c.contains("此件"), "{c}");
                }
                if DISCLOSURE_MARK.is_match(c) {
                    marks += 1;
                    assert!(ends_with_a_value(c), "{c}");
                }
                if CLASS_LINE.is_match(c) {
                    classes += 1;
                    assert!(c.contains('类'), "{c}");
                }
                if CLASS_LABEL.is_match(c) {
                    classes += 1;
                    assert!(c.contains([':', '：']), "{c}");
                }
                if CLASS_END.is_match(c) {
                    classes += 1;
                    assert!(c.ends_with("类)") || c.ends_with("类）"), "{c}");
                }
            }
        }
        assert!(marks > 10 && classes > 10, "{marks} {classes}");
    }

    /// Every line [`marks`] reads holds the anchor: every line of every fixture and real-dev
    /// text, and tricky snippets.
    #[test]
    fn mark_anchor_keeps_every_mark_line() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(["同 意 公 开", "公\u{3000}开", "办 理 结 果：A", "办理结果:(C)", "A类", "公司", "办公室"].map(String::from));
        let ws = char::is_whitespace;
        let (mut read, mut anchored) = (0, 0);
        for l in &lines {
            let needed = line_scan::squeezed_contains(l, "公开", ws)
                || l.contains('类')
                || line_scan::squeezed_contains(l, "办理结果", ws);
            anchored += usize::from(MARK_ANCHOR.is_match(l));
            if needed {
                read += 1;
                assert!(MARK_ANCHOR.is_match(l), "{l}");
                assert_eq!(line_scan::lines_with(l, &MARK_ANCHOR).map(|(_, x)| x).collect::<Vec<_>>(), [l.as_str()]);
            }
        }
        assert!(read > 50 && anchored < lines.len(), "{read} {anchored}");
    }

    #[test]
    fn header_number_beats_a_listed_one_below() {
        let f = run("邵市发改函〔2024〕77号\n陈业华代表：\n你提出的建议收悉。\n湘政办发〔2019〕58号\n");
        assert_eq!(f.doc_number.and_then(|d| d.agency_code).as_deref(), Some("邵市发改函"));
        let f = run("发文字号：邵市发改函〔2024〕77号\n陈业华代表：\n你提出的建议收悉。\n湘政办发〔2019〕58号\n");
        assert_eq!(f.doc_number.and_then(|d| d.agency_code).as_deref(), Some("邵市发改函"));
    }

    #[test]
    fn cited_number_is_not_the_reply() {
        let f = run("冬花委员:\n根据博乐市人民政府《关于做好建议办理工作的通知》(博市政办发〔2021〕69号)文件要求,我局召开专题会。\n博乐市财政局\n2021年11月19日");
        assert_eq!(f.doc_number, None);
        assert_eq!(f.issuer.as_deref(), Some("博乐市财政局"));
    }

    proptest::proptest! {
        /// Total on any input made of the characters this extractor keys on.
        #[test]
        fn never_panics(s in "[关于对第届次会议号建议提案代表委员等名、:：《》“”〔〕()（）\\[\\]0-9A-C类公开同意局文件年月日十七三 \n]{0,200}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }

        /// Total on any text at all.
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,300}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }
    }
}
