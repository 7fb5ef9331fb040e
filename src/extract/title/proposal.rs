//! The proposal a reply answers, read from one phrase such as `市十七届人大三次会议第151号建议`,
//! `政协子洲县第十届委员会第二次会议第14号提案` or `十三届全国人大五次会议第4711号建议`.
//!
//! Level comes only from the words of the phrase (`市十七届`, `全国人大`, `政协子洲县`), never
//! from the addressee or the issuer.

use std::sync::LazyLock;

use regex::Regex;

use super::{number, session};
use crate::extract::cn_num::parse_int;
use crate::record::Proposal;

/// Text ending in the year bracket of a 文号: 〔2024〕 · (2024).
static YEAR_BRACKET_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{4}\s*[〕\]】﹞）)]\s*第?\s*$").expect("year bracket regex"));

/// A meeting named without term or session: 市人代会上 · 县政协会议 · 全国人大会议期间.
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<pre>全国|[\p{Han}]{0,1})(?P<b>人民代表大会|人民代表大會|人代会|人代會|人大|政治协商会议|政协|政協)(?:常委会|常委會)?(?:全体|全體)?(?:会议|會議|会上|會上|会期间|上)")
        .expect("meeting regex")
});

/// A kind word anywhere.
static KIND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"建议|提案|议案|意见|建議|議案|意見").expect("kind regex"));

/// Body words, longest first.
const BODIES: [(&str, &str); 12] = [
    ("中国人民政治协商会议", "政协"),
    ("政治协商会议", "政协"),
    ("政治協商會議", "政协"),
    ("人民代表大会", "人大"),
    ("人民代表大會", "人大"),
    ("人大常委会", "人大"),
    ("人大常委會", "人大"),
    ("人大", "人大"),
    ("政协", "政协"),
    ("政協", "政协"),
    ("人代会", "人大"),
    ("人代會", "人大"),
];

/// Characters that end a place name and give the level.
/// Traditional forms (區 縣 鎮 鄉) are read as their simplified level.
const LEVELS: [char; 9] = ['省', '市', '州', '区', '县', '旗', '盟', '镇', '乡'];
const LEVELS_TRAD: [(char, char); 4] = [('區', '区'), ('縣', '县'), ('鎮', '镇'), ('鄉', '乡')];

/// The canonical (simplified) kind for a kind word as written.
pub fn canonical_kind(word: &str) -> Option<&'static str> {
    Some(match word {
        "建议" | "建議" => "建议",
        "提案" => "提案",
        "议案" | "議案" => "议案",
        "意见" | "意見" => "意见",
        _ => return None,
    })
}

/// The last kind word in `s` (the kind of a quoted suggestion title ends it).
pub fn last_kind(s: &str) -> Option<&'static str> {
    KIND.find_iter(s).last().and_then(|m| canonical_kind(m.as_str()))
}

/// The first kind word in `s`.
pub fn first_kind(s: &str) -> Option<&'static str> {
    KIND.find(s).and_then(|m| canonical_kind(m.as_str()))
}

fn body_in(s: &str) -> Option<&'static str> {
    // the rightmost body word is the one that qualifies the session (the first listed of those
    // starting at the same place); every body word opens with 中, 政 or 人, so only the places
    // holding one of them are tried, from the right
    let mut places = s.char_indices().rev().filter(|(_, c)| matches!(c, '中' | '政' | '人'));
    places.find_map(|(i, _)| {
        let rest = s.get(i..)?;
        BODIES.iter().find(|(word, _)| rest.starts_with(word)).map(|(_, body)| *body)
    })
}

/// The level a place name ends with, once trailing body words are stripped: 博乐市政协 → 市.
fn level_at_end(s: &str) -> Option<String> {
    let mut place = s;
    while let Some(stripped) = BODIES.iter().find_map(|(w, _)| place.strip_suffix(w)) {
        place = stripped;
    }
    if place.ends_with("全国") {
        return Some("全国".to_string());
    }
    let last = place.chars().last()?;
    let last = LEVELS_TRAD.iter().find(|(t, _)| *t == last).map_or(last, |(_, s)| *s);
    LEVELS.contains(&last).then(|| last.to_string())
}

/// `s` without any number of trailing `suffix`es (`trim_end_matches` without its searcher setup).
fn trim_end_all<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// What one phrase says: the session part, then number and kind after it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Phrase {
    pub proposal: Proposal,
    /// Kind read right after the number (`第151号建议`), as opposed to elsewhere.
    pub kind_after_number: Option<&'static str>,
    /// Whether a session phrase (届 … 次会议) was found.
    pub has_session: bool,
}

/// The last `n` characters of `s` (all of it when shorter).
fn last_chars(s: &str, n: usize) -> &str {
    // (what collecting the characters into a vector and keeping the last `n` gave, unallocated)
    let cut = match n.checked_sub(1) {
        None => s.len(),
        Some(k) => s.char_indices().rev().nth(k).map_or(0, |(i, _)| i),
    };
    s.get(cut..).unwrap_or("")
}

/// [`YEAR_BRACKET_END`] on `tail`, tried only when it holds a closing bracket (every match does).
fn after_year_bracket(tail: &str) -> bool {
    tail.contains(['〕', ']', '】', '﹞', '）', ')']) && YEAR_BRACKET_END.is_match(tail)
}

/// Read a title or acknowledgement sentence (spaces already removed).
pub fn read(s: &str) -> Phrase {
    let mut out = Phrase::default();
    let mut rest = s;
    if let Some(found) = session::find(s) {
        let (Some(mid), Some(term), Some(sess)) = (s.get(found.mid.clone()), s.get(found.term.clone()), s.get(found.sess.clone())) else {
            return out;
        };
        out.has_session = true;
        let p = &mut out.proposal;
        p.term = parse_int(term);
        p.session = parse_int(sess);
        // up to 16 characters before the phrase hold the place and maybe the body
        let tail = last_chars(s.get(..found.all.start).unwrap_or(""), 16);
        p.body = body_in(mid).or_else(|| body_in(tail)).map(str::to_string);
        p.level = if mid.contains("全国") || tail.ends_with("全国") {
            Some("全国".to_string())
        } else {
            // the place may sit inside (第十七届市人大常委会) or before (市十七届人大) the phrase
            level_at_end(trim_end_all(trim_end_all(mid, "常务委员会"), "常委会")).or_else(|| level_at_end(tail))
        };
        rest = s.get(found.all.end..).unwrap_or("");
    } else if let Some(c) = s.contains(['人', '政']).then(|| MEETING.captures(s)).flatten() {
        // no 届/次: `您在市人代会上提出的` still names the body and its level
        // (every body word holds 人 or 政)
        let p = &mut out.proposal;
        p.body = c.name("b").and_then(|b| body_in(b.as_str())).map(str::to_string);
        p.level = c.name("pre").and_then(|pre| level_at_end(pre.as_str()));
    }
    // the number and kind follow within the same sentence
    let sentence = rest.split(['。', '\n']).next().unwrap_or("");
    // a serial right after a closing bracket is a 文号's (〔2024〕5号), not the proposal's
    // (every number ends in 号/號)
    let own = number::numbers(sentence).find(|c| !after_year_bracket(last_chars(sentence.get(..c.n.start).unwrap_or(""), 12)));
    if let Some(c) = own {
        out.proposal.number = sentence.get(c.n).map(str::to_string);
        out.kind_after_number = c.kind.and_then(canonical_kind);
    }
    out.proposal.kind = out.kind_after_number.or_else(|| first_kind(sentence)).map(str::to_string);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type Tuple = (Option<String>, Option<String>, Option<u32>, Option<u32>, Option<String>, Option<String>);

    fn p(s: &str) -> Tuple {
        let p = read(s).proposal;
        (p.body, p.level, p.term, p.session, p.number, p.kind)
    }

    fn t(body: &str, level: &str, term: u32, session: u32, number: &str, kind: &str) -> Tuple {
        let o = |s: &str| Some(s.to_string());
        (o(body), o(level), Some(term), Some(session), o(number), o(kind))
    }

    #[test]
    fn testcases_titles() {
        assert_eq!(
            p("对市十七届人大三次会议第151号建议的答复"),
            t("人大", "市", 17, 3, "151", "建议")
        );
        assert_eq!(
            p("关于县政协九届六次会议第86号提案办理情况的复函"),
            t("政协", "县", 9, 6, "86", "提案")
        );
        assert_eq!(
            p("对沙河市第九届人民代表大会第三次会议第31号建议的答复"),
            t("人大", "市", 9, 3, "31", "建议")
        );
    }

    #[test]
    fn body_before_or_after_the_place() {
        assert_eq!(
            p("关于对政协子洲县第十届委员会第二次会议第14号提案的复函"),
            t("政协", "县", 10, 2, "14", "提案")
        );
        assert_eq!(
            p("关于区第十届政协第三次会议第54号提案的答复函"),
            t("政协", "区", 10, 3, "54", "提案")
        );
        assert_eq!(
            p("对十三届全国人大五次会议第4711号建议的答复摘要"),
            t("人大", "全国", 13, 5, "4711", "建议")
        );
        assert_eq!(
            p("广东省农业农村厅关于广东省十三届人大三次会议第1238号代表建议答复的函"),
            t("人大", "省", 13, 3, "1238", "建议")
        );
    }

    #[test]
    fn arabic_numerals_and_level_never_from_issuer() {
        assert_eq!(p("关于市17届人大3次会议第5号建议的答复"), t("人大", "市", 17, 3, "5", "建议"));
        // the issuer's 局 is not a level, and 于 is no place
        assert_eq!(p("重庆市北碚区城市管理局关于十九届人大三次会议第145号建议的复函").1, None);
        assert_eq!(p("您在第十七届人大三次会议上提出的建议").1, None);
        assert_eq!(p("关于第十七届市人大常委会第三次会议第5号议案的答复"), t("人大", "市", 17, 3, "5", "议案"));
        assert_eq!(p("关于全国政协十三届一次会议第0123号提案的答复"), t("政协", "全国", 13, 1, "0123", "提案"));
        assert_eq!(p("对州十一届人大二次会议第8号建议的答复").1.as_deref(), Some("州"));
    }

    #[test]
    fn number_in_brackets_after_a_quoted_title() {
        let r = read("2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复");
        assert_eq!(r.proposal.level.as_deref(), Some("县"));
        assert_eq!(r.proposal.number.as_deref(), Some("72"));
        assert_eq!(r.proposal.term, Some(8));
    }

    #[test]
    fn a_cited_wenhao_serial_is_not_the_number() {
        let r = read("您在市十七届人大三次会议上提出的建议(邵人建〔2024〕5号)第12号建议收悉");
        assert_eq!(r.proposal.number.as_deref(), Some("12"));
    }

    #[test]
    fn traditional_mirror() {
        assert_eq!(p("關於市政協十四屆二次會議第215號提案的答覆"), t("政协", "市", 14, 2, "215", "提案"));
        assert_eq!(p("對縣十八屆人民代表大會第一次會議第3號建議的答覆"), t("人大", "县", 18, 1, "3", "建议"));
    }

    #[test]
    fn long_numbers_whole() {
        let r = read("关于省政协十二届一次会议第20230123号提案答复的函");
        assert_eq!(r.proposal.number.as_deref(), Some("20230123"));
        assert_eq!(read("关于市政协十届二次会议第0068号提案的答复").proposal.number.as_deref(), Some("0068"));
    }

    #[test]
    fn meeting_without_term_or_session() {
        let r = read("您在市人代会上提出的第5号建议收悉");
        assert_eq!((r.proposal.body.as_deref(), r.proposal.level.as_deref()), (Some("人大"), Some("市")));
        assert!(!r.has_session);
        assert_eq!(r.proposal.number.as_deref(), Some("5"));
        let r = read("你在县政协会议期间提出的关于修路的提案收悉");
        assert_eq!((r.proposal.body.as_deref(), r.proposal.level.as_deref()), (Some("政协"), Some("县")));
        // a mention of the body without a meeting is no proposal phrase
        assert_eq!(read("感谢您对人大工作的支持").proposal.body, None);
    }

    /// The rightmost body word wins, the first listed when two start at the same place.
    #[test]
    fn body_word_rightmost_first_listed() {
        assert_eq!(body_in("政协人民代表大会"), Some("人大"));
        assert_eq!(body_in("人大常委会与政协"), Some("政协"));
        assert_eq!(body_in("中国人民政治协商会议"), Some("政协"));
        assert_eq!(body_in("人大常委会"), Some("人大"));
        assert_eq!(body_in("人民政府"), None);
        assert_eq!(body_in(""), None);
        // the same answer as trying every word with rfind
        for s in ["县人代会政協", "第十届委员会", "政治协商会议人大", "人大人代會"] {
            let slow = BODIES
                .iter()
                .filter_map(|(w, b)| s.rfind(w).map(|i| (i, *b)))
                .fold(None, |best: Option<(usize, &str)>, (i, b)| if best.is_none_or(|(j, _)| i > j) { Some((i, b)) } else { best });
            assert_eq!(body_in(s), slow.map(|(_, b)| b), "{s}");
        }
        assert_eq!(trim_end_all("市人大常委会常委会", "常委会"), "市人大");
    }

    /// Past 14 characters between 届 and 次会议 there is no session phrase.
    #[test]
    fn session_mid_bound() {
        assert!(read("第十七届一二三四五六七八九十一二三四第三次会议").has_session);
        assert!(!read("第十七届一二三四五六七八九十一二三四五第三次会议").has_session);
        assert_eq!(read("第十七届一二三四五六七八九十一二三四五第三次会议第十届第二次会议").proposal.term, Some(10));
    }

    #[test]
    fn last_chars_counts_characters() {
        assert_eq!(last_chars("市十七届人大", 3), "届人大");
        assert_eq!(last_chars("市十七届人大", 16), "市十七届人大");
        assert_eq!(last_chars("", 12), "");
        assert_eq!(last_chars("abc", 0), "");
        assert!(after_year_bracket("邵人建〔2024〕"));
        assert!(!after_year_bracket("邵人建2024"));
    }

    #[test]
    fn kind_words() {
        assert_eq!(canonical_kind("建議"), Some("建议"));
        assert_eq!(last_kind("关于完善镇坪县巴山腊味小镇基础设施配套的建议"), Some("建议"));
        assert_eq!(first_kind("没有"), None);
        assert_eq!(last_kind("关于加强社区养老服务的意见"), Some("意见"));
    }
}
