//! Subject: the suggestion's title, read from the acknowledgement sentence (`你提出的《…》收悉`):
//! the content of 《》 or “” (nesting respected, an unclosed quote cut at its kind word), else the
//! bare `关于…的建议/提案` phrase.

use std::sync::LazyLock;

use regex::Regex;

use super::{line_scan, Hints};
use crate::normalize::Normalized;
use crate::record::Fields;

/// Where the letter acknowledges the suggestion.
static ACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"收悉|答复如下|答復如下|现答复|現答復|提出的|所提|交由|转交|已交").expect("ack regex")
});

/// A reply title line (it may say 提出的 too, but it is not the acknowledgement).
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:建议|提案|议案|意见|建議|議案|意見)[^，。！？,!?]{0,24}?(?:答复|复函|回复|的函|答復|復函|回覆|答覆|覆函)\s*[|]?\s*$")
        .expect("title regex")
});

/// A reply title anywhere in a line (page titles may carry chrome after them).
static TITLE_ANYWHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:建议|提案|议案|意见|建議|議案|意見)[^，。！？,!?]{0,24}?(?:答复|复函|回复|的函|答復|復函|回覆|答覆|覆函)")
        .expect("title anywhere regex")
});

/// A necessary condition of [`TITLE`], checked before it: the line ends with a reply word,
/// then at most spaces and one pipe (`\s*[|]?\s*$`).
fn ends_like_title(l: &str) -> bool {
    let t = l.trim_end();
    let t = t.strip_suffix('|').unwrap_or(t).trim_end();
    REPLY_WORDS.iter().any(|w| t.ends_with(w))
}

/// The words a reply title ends with (the closing group of [`TITLE`]).
const REPLY_WORDS: [&str; 9] = ["答复", "复函", "回复", "的函", "答復", "復函", "回覆", "答覆", "覆函"];

/// How many lines from the top may hold a title.
const TITLE_ZONE: usize = 60;

/// A bare subject: 关于 … 的建议, within one clause (at most [`BARE_MAX`] characters between,
/// checked in [`bare`]: a bounded repetition of this class makes a regex costly to build).
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:关于|關于|關於)[^。！？；;\n]+?的(?:建议|提案|议案|意见|建議|議案|意見)").expect("bare regex")
});

/// How many characters may sit between 关于 and 的建议 in a bare subject.
const BARE_MAX: usize = 150;

/// The first bare subject in `s`: what `(?:关于|…)[^。！？；;\n]{1,150}?的(?:建议|…)` finds.
/// At each start the lazy run is the shortest; when even that is longer than [`BARE_MAX`], the
/// bounded pattern has no match there, and the search goes on from the next character.
fn bare(s: &str) -> Option<&str> {
    let mut at = 0;
    while let Some(m) = BARE.find_at(s, at) {
        // the opener and 的 + kind word are five characters
        if m.as_str().chars().count().saturating_sub(5) <= BARE_MAX {
            return Some(m.as_str());
        }
        at = m.start() + m.as_str().chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Kind words: a quoted text naming one is a subject.
static KIND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"建议|提案|议案|意见|建議|議案|意見").expect("kind regex"));

/// What follows a quoted suggestion title: (的)建议 · 提案 …
static FRAMED_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*的?\s*(?:建议|提案|议案|意见|建議|議案|意見)").expect("framed regex"));

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = hints;
    let text = doc.text.as_str();
    // only the lines holding an acknowledgement word are tried (no such word spans a line end)
    let ack = line_scan::lines_with(text, &ACK).map(|(_, l)| l.trim()).find(|l| !(ends_like_title(l) && TITLE.is_match(l)));
    out.subject = ack.and_then(subject_of).or_else(|| {
        // no acknowledgement names it: a title quoting the suggestion (关于《…》的答复) may
        let zone_end = text.match_indices('\n').nth(TITLE_ZONE - 1).map_or(text.len(), |(i, _)| i);
        let zone = text.get(..zone_end).unwrap_or("");
        // every title names a kind (TITLE_ANYWHERE itself may run over a line end: not an anchor)
        line_scan::lines_with(zone, &KIND)
            .map(|(_, l)| l.trim())
            .filter(|l| TITLE_ANYWHERE.is_match(l))
            .find_map(quoted_subject)
    });
}

/// The subject named in one acknowledgement sentence.
fn subject_of(line: &str) -> Option<String> {
    // start where the letter says what was proposed, if it says so
    let start = PROPOSED.iter().filter_map(|w| w.find(line.as_bytes())).min().unwrap_or(0);
    let tail = line.get(start..).unwrap_or(line);
    quoted_subject(tail)
        .or_else(|| quoted_subject(line))
        .or_else(|| bare(tail).map(str::to_string))
}

/// 提出 · 所提, searched with finders built once (a `str::find` sets its searcher up per call).
/// A match of a whole encoding starts at a character boundary.
static PROPOSED: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ["提出", "所提"].map(|w| memchr::memmem::Finder::new(w.as_bytes())));

/// The first 《…》 or “…” in `s` that reads like a suggestion's title.
fn quoted_subject(s: &str) -> Option<String> {
    let mut from = 0;
    while let Some((open_at, open, close)) = s.get(from..)?.char_indices().find_map(|(i, c)| match c {
        '《' => Some((from + i, '《', '》')),
        '“' => Some((from + i, '“', '”')),
        '"' => Some((from + i, '"', '"')),
        '「' => Some((from + i, '「', '」')),
        '『' => Some((from + i, '『', '』')),
        // single quotes and angle brackets stand in for “” and 《》 in some typesetting
        '‘' => Some((from + i, '‘', '’')),
        '〈' => Some((from + i, '〈', '〉')),
        _ => None,
    }) {
        let inner = open_at + open.len_utf8();
        let (content, next) = balanced(s, inner, open, close);
        let content = content.trim();
        // a quote framed as the suggestion (关于“…”的建议) is its title even without a kind word
        let framed = s.get(..open_at).is_some_and(|b| b.ends_with("关于") || b.ends_with("關于") || b.ends_with("關於"))
            || s.get(next..).is_some_and(|a| FRAMED_AFTER.is_match(a));
        let looks_like_subject = framed
            || content.starts_with("关于")
            || content.starts_with("關于")
            || content.starts_with("關於")
            || KIND.is_match(content);
        if looks_like_subject && content.chars().count() >= 4 {
            return Some(content.to_string());
        }
        from = next;
    }
    None
}

/// The content after an opening delimiter at `inner`, up to its matching close (nesting
/// respected), and where scanning should resume. An unclosed quote ends at its first
/// `…的建议` (or the clause end).
fn balanced(s: &str, inner: usize, open: char, close: char) -> (&str, usize) {
    let body = s.get(inner..).unwrap_or("");
    let mut depth = 1;
    for (i, c) in body.char_indices() {
        if c == close && (open != close || depth == 1) {
            depth -= 1;
            if depth == 0 {
                return (body.get(..i).unwrap_or(""), inner + i + c.len_utf8());
            }
        } else if c == open {
            depth += 1;
        }
    }
    // unclosed
    let cut = KIND
        .find_iter(body)
        .next()
        .map(|m| m.end())
        .or_else(|| ["收悉", "。", "，现", ",现"].iter().filter_map(|w| body.find(w)).min())
        .unwrap_or(body.len());
    (body.get(..cut).unwrap_or(""), s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn run(text: &str) -> Option<String> {
        let mut out = Fields::default();
        extract(&normalize(text), &Hints::default(), &mut out);
        out.subject
    }

    #[test]
    fn from_book_title_marks() {
        assert_eq!(
            run("陈业华代表：\n\n你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉。现答复如下：").as_deref(),
            // the record holds the subject as normalised (full-width punctuation folded)
            Some(normalize("关于建强特色小镇载体，加快推动城镇化建设试点的建议").text.as_str())
        );
        assert_eq!(
            run("您在县政协九届六次会议提出的《关于完善镇坪县巴山腊味小镇基础设施配套的建议》提案已收悉").as_deref(),
            Some("关于完善镇坪县巴山腊味小镇基础设施配套的建议")
        );
    }

    #[test]
    fn from_quotes_with_number_after() {
        assert_eq!(
            run("您在博乐市政协十届一次会议上提出的“关于合理拨付文物保护专项经费的提案”(第10号建议)收悉").as_deref(),
            Some("关于合理拨付文物保护专项经费的提案")
        );
        assert_eq!(
            run("您在砚山县第十六届人民代表大会第二次会议上提出的第4号“关于批准将黑山至黑巴草场段到山里红苹果基地2.3公里道路纳入农村道路建设项目工程的建议”,已转交我局办理").as_deref(),
            Some("关于批准将黑山至黑巴草场段到山里红苹果基地2.3公里道路纳入农村道路建设项目工程的建议")
        );
    }

    #[test]
    fn quoted_inside_a_bare_frame() {
        assert_eq!(
            run("您提出的关于“关于老邢峰线(群英路)进行改造”的建议收悉。").as_deref(),
            Some("关于老邢峰线(群英路)进行改造")
        );
        assert_eq!(
            run("您提出的关于“缓解乾塔路清和路拥堵状况的建议”的建议已收悉,现答复如下:").as_deref(),
            Some("缓解乾塔路清和路拥堵状况的建议")
        );
    }

    #[test]
    fn quoted_without_kind_word_when_framed() {
        assert_eq!(
            run("你提出的关于“加强农民工工资支付保障”的建议收悉。").as_deref(),
            Some("加强农民工工资支付保障")
        );
        // a quoted slogan is not the subject
        assert_eq!(
            run("你提出的发展“夜间经济”的有关问题收悉。").as_deref(),
            None
        );
    }

    #[test]
    fn nested_and_unbalanced() {
        assert_eq!(
            run("你提出的《关于落实《乡村振兴促进法》加快发展的建议》收悉。").as_deref(),
            Some("关于落实《乡村振兴促进法》加快发展的建议")
        );
        assert_eq!(
            run("你提出的“关于加强农村道路养护的建议收悉，现答复如下：").as_deref(),
            Some("关于加强农村道路养护的建议")
        );
    }

    #[test]
    fn corner_brackets_of_traditional_mirrors() {
        assert_eq!(run("你提出的「關于完善三甲鎮排灌渠水利工程的建議」收悉。").as_deref(), Some("關于完善三甲鎮排灌渠水利工程的建議"));
        assert_eq!(run("您领衔提出的‘关于加强校园安全’的建议收悉。").as_deref(), Some("关于加强校园安全"));
        assert_eq!(run("你提出的〈关于加强校园安全的建议〉收悉。").as_deref(), Some("关于加强校园安全的建议"));
    }

    #[test]
    fn unclosed_without_kind_word_keeps_its_commas() {
        assert_eq!(
            run("你提出的“关于建强特色小镇载体,加快推动城镇化建设试点 收悉,现答复如下:").as_deref(),
            Some("关于建强特色小镇载体,加快推动城镇化建设试点")
        );
    }

    #[test]
    fn bare_phrase() {
        assert_eq!(
            run("现将您提出的关于加快建设乡村道路维修及维护的提案办理情况答复如下:").as_deref(),
            Some("关于加快建设乡村道路维修及维护的提案")
        );
        assert_eq!(
            run("您在区第十届政协第三次会议期间提出的关于加强泥河镇中心小学上、放学高峰期间交通疏导的提案,经认真办理").as_deref(),
            Some("关于加强泥河镇中心小学上、放学高峰期间交通疏导的提案")
        );
        assert_eq!(
            run("您提出的关于建议加快老旧小区改造的提案收悉。").as_deref(),
            Some("关于建议加快老旧小区改造的提案")
        );
    }

    /// `bare` finds what the bounded pattern found, past a run that is too long.
    #[test]
    fn bare_subject_at_most_150_characters_between() {
        let bounded = Regex::new(r"(?:关于|關于|關於)[^。！？；;\n]{1,150}?的(?:建议|提案|议案|意见|建議|議案|意見)").unwrap();
        let long = "甲".repeat(151);
        let cases = [
            format!("您提出的关于{long}关于乙的建议收悉"),
            format!("您提出的关于{long}的建议收悉"),
            format!("您提出的关于{}的建议收悉", "甲".repeat(150)),
            format!("您提出的關於{}的提案。关于丙的意见", "甲".repeat(149)),
            "关于的的建议".to_string(),
            "关于建议加快老旧小区改造的提案收悉".to_string(),
            "关于；的建议".to_string(),
        ];
        for s in &cases {
            assert_eq!(bare(s), bounded.find(s).map(|m| m.as_str()), "{s}");
        }
        assert_eq!(bare(&cases[0]), Some("关于乙的建议"));
        assert_eq!(bare(&cases[1]), None);
    }

    #[test]
    fn from_the_title_when_no_acknowledgement_names_it() {
        let t = "关于《关于加强县城小区基础设施建设的建议》(72号)的答复\n高松代表:\n感谢您的关心。";
        assert_eq!(run(t).as_deref(), Some("关于加强县城小区基础设施建设的建议"));
        let t = "对市七届人大五次会议第6号建议的答复\n华奕鑫代表:\n感谢您的关心。";
        assert_eq!(run(t), None);
    }

    #[test]
    fn title_lines_are_not_the_acknowledgement() {
        let t = "关于对张三代表提出的乡村道路问题的建议的复函\n张三代表:\n你提出的《关于修缮乡村道路的建议》收悉。";
        assert_eq!(run(t).as_deref(), Some("关于修缮乡村道路的建议"));
        assert_eq!(run("感谢您的关心。").as_deref(), None);
    }

    /// Every line [`TITLE`] matches passes [`ends_like_title`]: every line of every fixture and
    /// real-dev text, and tricky lines (the regex itself decides, as before).
    #[test]
    fn title_prefilter_keeps_every_title_line() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw().into_iter().chain(crate::extract::samples::real_dev_texts()) {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(
            [
                "关于第5号建议的答复", "关于第5号建议的答复 |", "关于第5号建议的答复| ", "关于第5号建议的答复 | \u{3000}", "提案的复函",
                "建议答覆", "意見的回覆  ", "关于建议的答复||", "关于建议的答复。", "您提出的建议收悉", "建议的函|",
            ]
            .map(String::from),
        );
        let (mut matched, mut kept) = (0, 0);
        for l in &lines {
            if TITLE.is_match(l) {
                matched += 1;
                assert!(ends_like_title(l), "{l:?}");
            }
            kept += usize::from(ends_like_title(l));
        }
        assert!(matched > 10 && kept < lines.len() / 2, "{matched} {kept}");
        assert!(!ends_like_title("您提出的《关于建议的答复》收悉"));
    }

    proptest::proptest! {
        /// Lines near a title's ending: the regex matches only those the prefilter keeps.
        #[test]
        fn title_prefilter_on_generated_lines(l in "[建议的答复回覆函| \u{3000}。]{0,12}") {
            if TITLE.is_match(&l) {
                proptest::prop_assert!(ends_like_title(&l), "{:?}", l);
            }
        }


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
