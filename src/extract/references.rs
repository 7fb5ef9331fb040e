//! References: cited 《titles》 paired with the 文号 that follows them.
//!
//! The title keeps any inner <…> or 〈…〉 as written. The 《》 of the suggestion being answered
//! (你提出的《关于…的建议》收悉) is the subject, not a reference, and so are 上一篇/下一篇 links.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Hints;
use crate::normalize::Normalized;
use crate::record::{Fields, Reference};

/// A 文号 right after a title: in parentheses with its agency code (（湘政办发〔2019〕58号）), or
/// a bare 〔year〕N号, or an order's number (（国务院令第198号）). Han text before a bare number is a new clause, not an agency code.
static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:[(（]\s*(?P<num>[\p{Han}A-Za-z]{0,15}?\s*[〔\[【﹝(（［]\s*(?:19|20)[0-9]{2}\s*[〕\]】﹞)）］]\s*字?\s*第?\s*[0-9]{1,5}\s*[号號])",
        r"|(?P<bare>[〔\[【﹝［]\s*(?:19|20)[0-9]{2}\s*[〕\]】﹞］]\s*字?\s*第?\s*[0-9]{1,5}\s*[号號])",
        // Orders are numbered without a year: （国务院令第198号）.
        r"|[(（]\s*(?P<order>\p{Han}{1,12}令\s*第\s*[0-9]{1,5}\s*[号號]))"
    ))
    .expect("doc number regex")
});
/// Brackets of a 文号 year, all read as 〔〕.
const OPEN: [char; 6] = ['〔', '[', '【', '﹝', '(', '（'];
const CLOSE: [char; 6] = ['〕', ']', '】', '﹞', ')', '）'];
const OPEN_FULL: char = '［';
const CLOSE_FULL: char = '］';

/// The kinds of document a deputy or member submits: a title ending so may be the subject.
const PROPOSAL_KINDS: [&str; 6] = ["建议", "提案", "议案", "建議", "議案", "意见建议"];
/// Words before a title that say it is the one being answered (你提出的《…》).
const ASKED_BEFORE: [&str; 5] = ["提出", "所提", "提交", "你", "您"];
/// What stands right before the answered proposal's title: 你提出的《…》.
const ASKED_RIGHT_BEFORE: [&str; 6] = ["提出的", "所提的", "所提", "提交的", "领衔的", "领衔提出的"];
/// Words right after a title that say so (《…》收悉, 《…》(72号)的答复).
const ASKED_AFTER: [&str; 7] = ["收悉", "答复", "答覆", "答復", "复函", "復函", "办理"];

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, _hints: &Hints, out: &mut Fields) {
    out.references = find_references(&doc.text, out.subject.as_deref());
}

/// The cited documents of a text in order, each once; `subject` (when known) is never one.
pub fn find_references(text: &str, subject: Option<&str>) -> Vec<Reference> {
    let mut refs: Vec<Reference> = Vec::new();
    // Title → index in `refs`, for lookups only (never iterated); built only once the list is
    // long (a letter cites a handful of documents: a look along the list is cheaper than
    // hashing, and the map keeps a page of thousands of titles linear).
    let mut seen: Option<HashMap<String, usize>> = None;
    for (open, close, line_start) in titles(text) {
        let Some(title) = text.get(open + '《'.len_utf8()..close).map(str::trim) else { continue };
        if title.is_empty() || subject.is_some_and(|s| s == title) {
            continue;
        }
        // The near context only: long flattened lines stay linear.
        let line_before = tail(text.get(line_start..open).unwrap_or(""), 300);
        if ["上一篇", "下一篇", "上一条", "下一条"].iter().any(|w| line_before.contains(w)) {
            continue;
        }
        // Only what follows closely can be this title's 文号 or acknowledgement.
        let after = head(text.get(close + '》'.len_utf8()..).unwrap_or(""), 200);
        if is_the_answered_proposal(title, line_before, after) {
            continue;
        }
        let doc_number = DOC_NUMBER
            .captures(after)
            .and_then(|c| c.name("num").or(c.name("bare")).or(c.name("order")))
            .map(|m| unify(m.as_str()));
        let earlier = match &seen {
            Some(map) => map.get(title).copied(),
            None => refs.iter().position(|r| r.title == title),
        };
        match earlier.and_then(|k| refs.get_mut(k)) {
            Some(earlier) => {
                if earlier.doc_number.is_none() {
                    earlier.doc_number = doc_number;
                }
            }
            None => {
                if let Some(map) = seen.as_mut() {
                    map.insert(title.to_string(), refs.len());
                } else if refs.len() >= LIST_LOOKUP_MAX {
                    // (every title listed so far is distinct: each is the first of its kind)
                    let listed = refs.iter().enumerate().map(|(k, r)| (r.title.clone(), k));
                    seen = Some(listed.chain([(title.to_string(), refs.len())]).collect());
                }
                refs.push(Reference { title: title.to_string(), doc_number });
            }
        }
    }
    refs
}

/// The bytes of 《 (searched for whole: `str::find('《')` stops at each byte 0x8A, its last,
/// which half the continuation bytes of Chinese text share). A match of the whole encoding
/// starts at a character boundary.
static OPEN_TITLE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("《".as_bytes()));

/// How many distinct titles are looked up along the list before a map is built.
const LIST_LOOKUP_MAX: usize = 16;

/// Byte offsets of each outer 《, its matching 》 and the start of its line; inner 《》 stay in
/// the title.
///
/// Only a 《 opens a title, and a 》 outside one does nothing: the text between titles is
/// skipped with a memchr-fast search for the next 《, and only the gap since the last title is
/// searched for its line start, so the whole text is still looked at once.
fn titles(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    // Everything before `from` is scanned, and `line_start` is right for it.
    let mut from = 0usize;
    while let Some(open) = text.as_bytes().get(from..).and_then(|t| OPEN_TITLE.find(t)).map(|i| from + i) {
        if let Some(nl) = text.get(from..open).and_then(|gap| gap.rfind('\n')) {
            line_start = from + nl + 1;
        }
        let mut depth = 0usize;
        // Where scanning goes on: after the closing 》, after the line end, or nowhere.
        let mut next = None;
        for (i, c) in text.get(open..).unwrap_or("").char_indices() {
            match c {
                '《' => depth += 1,
                '》' => {
                    depth -= 1;
                    if depth == 0 {
                        out.push((open, open + i, line_start));
                        next = Some(open + i + c.len_utf8());
                        break;
                    }
                }
                // An unclosed 《 does not run past its line.
                '\n' => {
                    line_start = open + i + 1;
                    next = Some(line_start);
                    break;
                }
                _ => {}
            }
        }
        match next {
            Some(n) => from = n,
            None => break,
        }
    }
    out
}

/// The first `max` bytes of `s` at most, cut at a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut to = s.len().min(max);
    while !s.is_char_boundary(to) {
        to -= 1;
    }
    s.get(..to).unwrap_or("")
}

/// The last `max` bytes of `s` at most, cut at a character boundary.
fn tail(s: &str, max: usize) -> &str {
    let mut from = s.len().saturating_sub(max);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s.get(from..).unwrap_or("")
}

/// The 《》 being answered: followed by 收悉, or right after 提出的/所提, whatever its ending;
/// a title ending in 建议/提案 also when the sentence addresses the deputy or the clause after it
/// says 答复/办理.
fn is_the_answered_proposal(title: &str, line_before: &str, after: &str) -> bool {
    let clause_after: String = after.chars().take_while(|c| !"，,。；;\n".contains(*c)).take(30).collect();
    if clause_after.contains("收悉") {
        return true;
    }
    let just_before = line_before.trim_end();
    if ASKED_RIGHT_BEFORE.iter().any(|w| just_before.ends_with(w)) {
        return true;
    }
    if !PROPOSAL_KINDS.iter().any(|k| title.ends_with(k)) {
        return false;
    }
    let sentence_before = line_before.rsplit(['。', '！', '？', '；']).next().unwrap_or("");
    ASKED_BEFORE.iter().any(|w| sentence_before.contains(w)) || ASKED_AFTER.iter().any(|w| clause_after.contains(w))
}

/// A 文号 with its year brackets unified to 〔〕 and layout spaces removed.
fn unify(num: &str) -> String {
    num.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if OPEN.contains(&c) || c == OPEN_FULL {
                '〔'
            } else if CLOSE.contains(&c) || c == CLOSE_FULL {
                '〕'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// Past the list look-up's length the map finds repeated titles just the same: each title
    /// once, in order, with the first 文号 given to it.
    #[test]
    fn many_repeated_titles_each_once_with_its_first_number() {
        let mut text = String::new();
        for round in 0..2 {
            for k in 0..40 {
                let num = if round == 1 && k % 2 == 0 { format!("（湘政发〔2020〕{k}号）") } else { String::new() };
                text.push_str(&format!("依据《第{k}号办法》{num}，"));
            }
        }
        let got = super::find_references(&text, None);
        assert_eq!(got.len(), 40);
        for (k, r) in got.iter().enumerate() {
            assert_eq!(r.title, format!("第{k}号办法"));
            let want = (k % 2 == 0).then(|| format!("湘政发〔2020〕{k}号"));
            assert_eq!(r.doc_number, want, "{k}");
        }
    }

    use super::*;

    fn refs(text: &str) -> Vec<(String, Option<String>)> {
        find_references(text, None).into_iter().map(|r| (r.title, r.doc_number)).collect()
    }

    #[test]
    fn nested_title_paired_with_its_doc_number() {
        let text = "2. 积极争取项目资金。自《关于印发<湖南省支持省级特色产业小镇发展的政策意见（2019-2021年）>的通知》（湘政办发〔2019〕58号）后，省级层面未继续出台政策。";
        assert_eq!(
            refs(text),
            [(
                "关于印发<湖南省支持省级特色产业小镇发展的政策意见（2019-2021年）>的通知".to_string(),
                Some("湘政办发〔2019〕58号".to_string())
            )]
        );
    }

    #[test]
    fn the_acknowledged_suggestion_is_not_a_reference() {
        let text = "你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉。现答复如下：\n2022年印发的《关于推进以县城为重要载体的城镇化建设的意见》文件。";
        assert_eq!(refs(text), [("关于推进以县城为重要载体的城镇化建设的意见".to_string(), None)]);
        let text = "您在县政协九届六次会议提出的《关于完善镇坪县巴山腊味小镇基础设施配套的建议》提案已收悉";
        assert!(refs(text).is_empty());
        let text = "2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复";
        assert!(refs(text).is_empty());
    }

    #[test]
    fn an_answered_title_without_a_kind_word() {
        assert!(refs("您提出的《关于解决羊肝石村人畜饮水困难问题》收悉，现答复如下").is_empty());
        assert!(refs("对你们所提《加快老旧小区改造》，我局高度重视。").is_empty());
    }

    #[test]
    fn a_cited_central_suggestion_is_a_reference() {
        let text = "根据《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》精神，我局制定了方案。";
        assert_eq!(refs(text).len(), 1);
    }

    #[test]
    fn bracket_variants_of_the_doc_number_are_unified() {
        let text = "根据博乐市人民政府《关于做好博乐市人大代表建议和政协委员提案办理工作的通知》(博市政办发〔2021〕69号)文件要求";
        assert_eq!(refs(text)[0].1.as_deref(), Some("博市政办发〔2021〕69号"));
        let text = "按照《某某实施方案》（湘财农［2020］ 12号）和《另一个办法》【2019】3号执行。";
        assert_eq!(
            refs(text),
            [
                ("某某实施方案".to_string(), Some("湘财农〔2020〕12号".to_string())),
                ("另一个办法".to_string(), Some("〔2019〕3号".to_string()))
            ]
        );
    }

    #[test]
    fn traditional_doc_number() {
        assert_eq!(
            refs("按照《關於加強水利建設的通知》（粵水農〔2016〕12號）執行。")[0].1.as_deref(),
            Some("粵水農〔2016〕12號")
        );
    }

    #[test]
    fn an_order_number() {
        assert_eq!(
            refs("依据《城市道路管理条例》（国务院令第198号）加强管理。")[0].1.as_deref(),
            Some("国务院令第198号")
        );
    }

    #[test]
    fn a_doc_number_after_other_words_is_not_paired() {
        assert_eq!(refs("依据《某某条例》和湘财发〔2020〕1号文件。"), [("某某条例".to_string(), None)]);
    }

    #[test]
    fn repeated_titles_once_and_navigation_links_never() {
        let text =
            "执行《重庆市城市园林绿化条例》规定。\n依据《重庆市城市园林绿化条例》。\n上一篇：《关于第12号建议的答复》";
        assert_eq!(refs(text), [("重庆市城市园林绿化条例".to_string(), None)]);
    }

    /// The title scan as it was: every character of the text in turn.
    fn titles_plain(text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut depth = 0usize;
        let mut open = 0usize;
        let mut line_start = 0usize;
        for (i, c) in text.char_indices() {
            match c {
                '《' => {
                    if depth == 0 {
                        open = i;
                    }
                    depth += 1;
                }
                '》' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        out.push((open, i, line_start));
                    }
                }
                '\n' => {
                    depth = 0;
                    line_start = i + 1;
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn skipping_to_the_next_title_finds_every_title() {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(
            [
                "》《甲》》\n《乙《丙》丁》\n《未闭合\n》《戊》",
                "《《《嵌套》》》后\n\n\n 《己",
                "无标题\n》",
                "",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            assert_eq!(titles(text), titles_plain(text), "{text:?}");
            found += titles(text).len();
        }
        assert!(found > 50, "{found}");
    }

    #[test]
    fn many_titles_on_one_long_line() {
        let line = "依据《某某条例》（湘财发〔2020〕1号）执行，".repeat(20000);
        assert_eq!(refs(&line).len(), 1);
    }

    #[test]
    fn the_known_subject_is_excluded_and_unclosed_titles_ignored() {
        let found = find_references(
            "关于《加强学校周边交通管理的意见》的办理。\n《未闭合的标题\n下一行",
            Some("加强学校周边交通管理的意见"),
        );
        assert!(found.is_empty());
    }
}
