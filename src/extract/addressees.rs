//! Addressees: the salutation (陈业华代表： · 纪占斌等3名代表: · 尊敬的…委员 · `   王立超  委员`)
//! → names in order, role, and the count a group salutation states.
//!
//! The salutation is a line of its own ending in 代表/委员 (colon optional); a page flattened onto
//! one line is searched for `名字代表:` after a space or sentence end instead.

use std::sync::LazyLock;

use regex::Regex;

use super::cn_num::{parse_int, NUMERAL_CLASS};
use super::relaxed::Relaxed;
use super::{line_scan, Hints};
use crate::normalize::Normalized;
use crate::record::{Addressee, Fields};

/// A salutation line of its own (at most 400 characters of names, a 30-character aside).
static LINE: Relaxed = Relaxed::new(|| line_regex("{2,}?", "*"), || line_regex("{2,400}?", "{0,30}"), &[("names", 400), ("aside", 30)]);

fn line_regex(names: &str, aside: &str) -> Regex {
    Regex::new(&format!(
        r"^[\s|]*(?:尊敬的)?\s*(?P<names>[\p{{Han}}·•、，, ]{names})\s*(?:等\s*(?P<n>[{n}]{{1,4}})?\s*[名位个]?)?\s*(?P<role>代\s*表|委\s*员|委\s*員)(?:们|們)?\s*(?:等\s*(?P<n2>[{n}]{{1,4}})\s*[名位个人]|等|同志)?\s*(?:[(（](?P<aside>[^()（）]{aside})[)）])?\s*[:：]?\s*(?:(?:您|你)好\s*[!！,，]?)?\s*$",
        n = NUMERAL_CLASS
    ))
    .expect("salutation line regex")
}

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

/// A proposing organisation saluted on a line of its own (`九三学社长沙市委员会：` · `民盟县委：` ·
/// `市工商联：`): 政协 proposals come from parties, federations and 界别 as well as members.
static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?:尊敬的)?\s*(?P<org>[\p{{Han}}]{{1,28}}(?:{}))\s*[:：]\s*$", ORG_WORDS.join("|")))
        .expect("organisation salutation regex")
});

/// The words an organisation's name ends with.
const ORG_WORDS: [&str; 22] = [
    "委员会", "委員會", "委", "总会", "總會", "联合会", "聯合會", "工商联", "工商聯", "侨联", "僑聯", "妇联", "婦聯", "科协",
    "科協", "界别", "界別", "支部", "党组", "黨組", "小组", "小組",
];

/// What the line after an organisation's salutation opens with: the letter speaking to it.
static SPOKEN_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:贵|貴|你|您)").expect("spoken-to regex"));

/// Words that make a "name" a collective or an institution rather than a person.
const NOT_NAMES: [&str; 10] = ["各位", "全体", "人大", "政协", "有关", "广大", "尊敬", "亲爱", "提案", "建议"];

/// How far into the document a salutation may sit (bytes); past this it is body text.
const ZONE: usize = 6000;

/// What every salutation holds: the first character of its role word (代表 · 委员 · 委員).
static ROLE_CHAR: LazyLock<Regex> = LazyLock::new(|| Regex::new("代|委").expect("role char regex"));

/// What every inline salutation ends with: the role word and its colon.
static INLINE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:代表|委员|委員)(?:们|們)?等?\s*[:：]").expect("inline end regex"));

/// Where an organisation's salutation line may end: the colon.
static COLON: LazyLock<Regex> = LazyLock::new(|| Regex::new("[:：]").expect("colon regex"));

/// A necessary condition of [`LINE`], checked before it: the second character of a role word,
/// and no sentence punctuation unless the line has an aside in brackets (the only part of a
/// salutation line that may hold any character). Body lines naming 人大代表 fail it.
fn may_be_line(l: &str) -> bool {
    l.contains(['表', '员', '員']) && (l.contains(['(', '（']) || !l.contains(SENTENCE_MARKS))
}

/// A necessary condition of [`LINE`], checked before it: the last character before trailing
/// spaces is one its pattern can end with. After the role word everything is optional, so a
/// match ends with the role (表 员 員), 们/們, a group word (等, 名 位 个 人, 同志), the aside's
/// bracket, a colon, or 您好/你好 and its mark.
fn ends_like_salutation(l: &str) -> bool {
    l.trim_end().chars().next_back().is_some_and(|c| SALUTATION_ENDS.contains(&c))
}

/// The characters a match of [`LINE`] can end with (before trailing spaces).
const SALUTATION_ENDS: [char; 20] =
    ['表', '员', '員', '们', '們', '等', '名', '位', '个', '人', '志', ')', '）', ':', '：', '好', '!', '！', ',', '，'];

/// Marks of prose that [`LINE`] accepts nowhere outside the aside: none is Han, a space, a name
/// separator, a numeral, a colon or an exclamation mark.
const SENTENCE_MARKS: [char; 7] = ['。', '《', '》', '“', '”', '；', '？'];

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

/// What a salutation says: its names, its role word as written, and the count of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Salutation<'a> {
    names: &'a str,
    role: &'a str,
    count: Option<&'a str>,
}

impl<'a> Salutation<'a> {
    /// From the captures of [`LINE`] or [`INLINE`].
    fn of(c: &regex::Captures<'a>) -> Option<Self> {
        Some(Self {
            names: c.name("names")?.as_str(),
            role: c.name("role")?.as_str(),
            count: c.name("n").or_else(|| c.name("n2")).map(|m| m.as_str()),
        })
    }
}

/// The salutation a line of its own holds: what [`LINE`] captures.
fn line_salutation(l: &str) -> Option<Salutation<'_>> {
    plain_line(l).or_else(|| LINE.captures(l).and_then(|c| Salutation::of(&c)))
}

/// The commonest salutation lines (`陈业华代表:` · `尊敬的王红兰委员：` · `王建平、李晓艳代表:` ·
/// `孙晓梅等4名代表:` · `韩亮秀委员等:`) read without the regex: optional 尊敬的, 2 to 400 name
/// characters, optionally 等 with 1 to 4 numerals and 名/位/个, then 代表, 委员 or 委員, optionally
/// 等, and an optional colon; nothing else. `None` for any other line, which [`LINE`] then reads.
///
/// Why [`LINE`] captures exactly these names, the role and count: a name character here is a
/// character of its names class that is neither a space nor 等. The names group is lazy, so the
/// regex takes the shortest names after which the rest of its pattern matches the rest of the
/// line; that rest must start with a space, 等 or a role word (all else in it is optional or
/// comes after the role). A space or 等 is not in the names; a role word inside them (代表 in
/// `张代表李四代表`) is followed by name characters or by the final role word, and nothing the
/// pattern allows after a role (们, 等 and a count, 同志, an aside in brackets, a colon, 您好)
/// can take either. So the only split is at the first 等, or before the final role word when
/// there is none; the group after 等 is read greedily (its numerals, then 名/位/个), and a 等
/// after the role is the regex's bare 等 (no count follows it). The greedy 尊敬的 is taken when
/// two name characters follow it (else the regex backtracks: left to it).
fn plain_line(l: &str) -> Option<Salutation<'_>> {
    let body = l.strip_suffix([':', '：']).unwrap_or(l);
    let body = body.strip_suffix('等').unwrap_or(body);
    let (all, role) = if let Some(h) = body.strip_suffix("代表") {
        (h, "代表")
    } else if let Some(h) = body.strip_suffix("委员") {
        (h, "委员")
    } else {
        (body.strip_suffix("委員")?, "委員")
    };
    let all = all.strip_prefix("尊敬的").unwrap_or(all);
    let (names, count) = match all.split_once('等') {
        Some((names, group)) => {
            let numerals = group.strip_suffix(['名', '位', '个']).unwrap_or(group);
            let k = numerals.chars().count();
            if !(1..=4).contains(&k) || !numerals.chars().all(is_numeral) {
                return None;
            }
            (names, Some(numerals))
        }
        None => (all, None),
    };
    let mut n = 0usize;
    for c in names.chars() {
        if !is_plain_name_char(c) {
            return None;
        }
        n += 1;
    }
    // (past 400 characters the bounded regex decides)
    (2..=400).contains(&n).then_some(Salutation { names, role, count })
}

/// A character of [`NUMERAL_CLASS`].
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

/// A character of the names class of [`LINE`] (`[\p{Han}·•、，, ]`) that the rest of the pattern
/// cannot start with: not a space, not 等. (Han is taken from the two main CJK blocks only; a
/// rarer character sends the line to the regex.)
fn is_plain_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '·' | '•' | '、' | '，' | ',') && c != '等'
}

/// An organisation saluted on its own line, the next non-empty line speaking to it (贵会/你们/您).
/// The bodies that receive the replies (人大, 政协 and their committees) are never proposers.
fn organisation(zone: &str) -> Option<String> {
    line_scan::lines_with(zone, &COLON).find_map(|(start, l)| {
        // necessary for ORG_LINE: an organisation word right before a colon closing the line
        let before_colon = l.trim_end().strip_suffix([':', '：'])?.trim_end();
        if !ORG_WORDS.iter().any(|w| before_colon.ends_with(w)) {
            return None;
        }
        let c = ORG_LINE.captures(l)?;
        let org: String = c["org"].chars().collect();
        if ["人大", "政协", "政協", "常委会"].iter().any(|w| org.contains(w)) {
            return None;
        }
        let below = zone.get(start + l.len() + 1..).unwrap_or("");
        let next = below.split('\n').find(|n| !n.trim().is_empty())?;
        SPOKEN_TO.is_match(next).then_some(org)
    })
}

/// One piece between separators: `张 雷` (single characters spaced out) is one name,
/// `王建平 李晓艳 代德忠` (whole names) is several.
fn split_spaced(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let whole_names = words.len() > 1 && words.iter().all(|w| (2..=4).contains(&w.chars().count()));
    if whole_names {
        words.iter().map(|w| w.to_string()).collect()
    } else {
        vec![words.concat()]
    }
}

/// The names of a salutation, layout spaces removed; `None` unless every one looks like a person.
fn names(s: &str) -> Option<Vec<String>> {
    let mut list = Vec::new();
    for piece in s.split(['、', '，', ',']) {
        // (a piece without a space is one name as it stands: no split, no copy to join)
        if piece.contains(char::is_whitespace) {
            for p in split_spaced(piece) {
                push_name(&mut list, &p)?;
            }
        } else {
            push_name(&mut list, piece)?;
        }
    }
    (!list.is_empty()).then_some(list)
}

/// Adds a name to `list` (empty ones are skipped); `None` when it does not look like a person.
fn push_name(list: &mut Vec<String>, p: &str) -> Option<()> {
    // 张三代表、李四代表: each name may carry the role itself
    let p = p.trim_end_matches('等');
    let p = p.strip_suffix("代表").or_else(|| p.strip_suffix("委员")).unwrap_or(p);
    if p.is_empty() {
        return Some(());
    }
    let len = p.chars().count();
    let dotted = p.contains(['·', '•']);
    // (the first characters of the collective words, looked for once before the words)
    let person = (2..=if dotted { 16 } else { 4 }).contains(&len)
        && !(p.contains(NOT_NAME_STARTS) && NOT_NAMES.iter().any(|w| p.contains(w)));
    person.then(|| list.push(p.to_string()))
}

/// The first character of each of [`NOT_NAMES`].
const NOT_NAME_STARTS: [char; 10] = ['各', '全', '人', '政', '有', '广', '尊', '亲', '提', '建'];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn run(text: &str) -> (Vec<(String, Option<String>)>, Option<u32>) {
        let mut out = Fields::default();
        extract(&normalize(text), &Hints::default(), &mut out);
        (out.addressees.into_iter().map(|a| (a.name, a.role)).collect(), out.addressee_count)
    }

    fn one(name: &str, role: &str) -> Vec<(String, Option<String>)> {
        vec![(name.to_string(), Some(role.to_string()))]
    }

    #[test]
    fn single_name() {
        assert_eq!(run("对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n\n你提出的").0, one("陈业华", "代表"));
        assert_eq!(run("冬花委员:\n您在博乐市政协十届一次会议上提出的").0, one("冬花", "委员"));
    }

    #[test]
    fn group_with_count() {
        assert_eq!(run("纪占斌等3名代表:\n\n您提出的").0, one("纪占斌", "代表"));
        assert_eq!(run("纪占斌等3名代表:\n").1, Some(3));
        assert_eq!(run("张三等五位委员：\n").1, Some(5));
        let (a, n) = run("| 罗捧军等委员: 你们在政协镇康县第十一届委员会第五次会议期间提出");
        assert_eq!((a, n), (one("罗捧军", "委员"), None));
    }

    /// Found by fuzzing: 等0名 gave addressee_count 0, which the contract reserves for null.
    #[test]
    fn zero_count_is_no_count() {
        assert_eq!(run("孙晓梅等0名代表：\n你们提出的").1, None);
        assert_eq!(run("孙晓梅等〇名代表：\n你们提出的").1, None);
        assert_eq!(run("孙晓梅等10名代表：\n你们提出的").1, Some(10));
    }

    #[test]
    fn list_separated_by_dun_hao() {
        let (a, _) = run("王建平、李晓艳、代德忠、刘姣艳、陈忠丽、孟德云、普翠珍、希琼芬、晋波、杨鑫代表:\n您 们在县十八届人大二次会议上");
        let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["王建平", "李晓艳", "代德忠", "刘姣艳", "陈忠丽", "孟德云", "普翠珍", "希琼芬", "晋波", "杨鑫"]);
        assert!(a.iter().all(|(_, r)| r.as_deref() == Some("代表")));
    }

    #[test]
    fn no_colon_and_layout_spaces() {
        assert_eq!(run("发布时间:2024-10-25\n\n   王立超  委员\n\n您在区第十届政协").0, one("王立超", "委员"));
        assert_eq!(run("高松代表\n\n您提出的").0, one("高松", "代表"));
        assert_eq!(run("张 雷代表：\n").0, one("张雷", "代表"));
        assert_eq!(run("  何秋兰代表:\n").0, one("何秋兰", "代表"));
        assert_eq!(run("陈 业 华 代 表 ：\n").0, one("陈业华", "代表"));
        let (a, _) = run("张三代表、李四代表：\n");
        assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["张三", "李四"]);
    }

    #[test]
    fn salutation_running_into_the_acknowledgement() {
        assert_eq!(run("陈业华代表：你提出的《关于建强特色小镇载体的建议》收悉。").0, one("陈业华", "代表"));
    }

    #[test]
    fn names_separated_by_spaces_only() {
        let (a, _) = run("王建平 李晓艳 代德忠代表：\n");
        assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建平", "李晓艳", "代德忠"]);
        assert_eq!(run("陈 业 华代表：\n").0, one("陈业华", "代表"));
    }

    #[test]
    fn aside_after_the_role() {
        assert_eq!(run("李明委员（第56号提案）：\n").0, one("李明", "委员"));
    }

    #[test]
    fn respectful_forms() {
        assert_eq!(run("尊敬的王红兰代表：\n").0, one("王红兰", "代表"));
        assert_eq!(run("尊敬的王红兰代表：您好！\n").0, one("王红兰", "代表"));
    }

    #[test]
    fn role_before_deng() {
        // 郑晓峰委员等： (the group word after the role, no count)
        assert_eq!(run("郑晓峰委员等：\n    你们领衔提出的关于提高城乡居民医保待遇的提案收悉").0, one("郑晓峰", "委员"));
        assert_eq!(run("郑晓峰委员等：\n").1, None);
        assert_eq!(run("王建国代表等5人：\n您们提出的建议收悉").0, one("王建国", "代表"));
        assert_eq!(run("王建国代表等5人：\n").1, Some(5));
    }

    #[test]
    fn list_wrapped_over_two_lines() {
        let (a, _) = run("王建国、李华、张三丰、\n李四代表：\n你们提出的建议收悉");
        assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建国", "李华", "张三丰", "李四"]);
        // a sentence above the salutation is not part of it
        assert_eq!(run("我局高度重视、\n李四代表：\n").0, one("李四", "代表"));
    }

    #[test]
    fn proposing_organisations() {
        let org = |n: &str| vec![(n.to_string(), None)];
        assert_eq!(run("九三学社长沙市委员会：\n    贵会提出的《关于优化营商环境的提案》收悉。").0, org("九三学社长沙市委员会"));
        assert_eq!(run("民盟县委:\n您们提出的关于加强乡村教师队伍建设的提案收悉").0, org("民盟县委"));
        assert_eq!(run("市工商联：\n\n    你单位提出的提案收悉").0, org("市工商联"));
        // the body the reply reports to is no proposer; a colon line not followed by a second person is none either
        assert_eq!(run("市人大常委会：\n    你们交办的建议已办理完毕").0, vec![]);
        assert_eq!(run("市发展和改革委员会：\n    现将有关情况报告如下").0, vec![]);
    }

    /// The colon and ending checks before ORG_LINE let every organisation word through.
    #[test]
    fn every_organisation_word_passes_the_prefilter() {
        for w in ORG_WORDS {
            let text = format!("九三学社长沙市{w} ： \n    贵会提出的《关于优化营商环境的提案》收悉。");
            let (a, _) = run(&text);
            assert_eq!(a, vec![(format!("九三学社长沙市{w}"), None)], "{w}");
        }
    }

    /// A flattened page's salutation is read only where a role word and a colon meet.
    #[test]
    fn inline_salutation_after_a_sentence_end() {
        let (a, n) = run("关于第5号建议的答复。王建国、李华代表：你们提出的建议收悉。");
        assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建国", "李华"]);
        assert_eq!(n, None);
        assert_eq!(run("感谢王建国代表的关心。李华代表提出的建议收悉。").0, vec![]);
    }

    /// Past the bounds of the salutation patterns the bounded regexes decide, as before.
    #[test]
    fn bounds_of_names_and_aside() {
        let aside = "第".repeat(30);
        assert_eq!(run(&format!("李明委员（{aside}）：\n")).0, one("李明", "委员"));
        let (a, _) = run(&format!("李明委员（{aside}号）：\n"));
        assert_eq!(a, vec![]);
        let long = ["王建平"; 101].join("、");
        let (a, _) = run(&format!("{long}代表：\n"));
        assert_eq!(a, vec![]);
        let (a, _) = run(&format!("{}代表：\n", ["王建平"; 100].join("、")));
        assert_eq!(a.len(), 100);
        for text in [format!("{long}代表：\n"), format!("李明委员（{aside}号）：\n"), format!("感谢。{long}代表：你们好")] {
            assert_eq!(LINE.captures(&text).is_some(), line_regex("{2,400}?", "{0,30}").is_match(&text));
            let slow: Vec<String> = inline_regex("{2,120}?").captures_iter(&text).map(|c| c["names"].to_string()).collect();
            let fast: Vec<String> = INLINE.captures_iter(&text).map(|c| c["names"].to_string()).collect();
            assert_eq!(fast, slow);
        }
    }

    /// Every line the salutation regex matches passes [`may_be_line`]: every line of every
    /// fixture and real-dev text, and tricky snippets (the regex itself decides, as before).
    #[test]
    fn line_prefilter_keeps_every_salutation() {
        let exact = line_regex("{2,400}?", "{0,30}");
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(
            [
                "李明委员（第56号提案。“关于”《》；？）：",
                "李明委员(见《通知》)：",
                "尊敬的王红兰代表：您好！",
                "张三等五位委员：",
                "王建国代表等5人：",
                "陈 业 华 代 表 ：",
                "| 罗捧军等委员:",
                "人大代表提出的《建议》收悉。",
                "感谢王建国代表的关心。",
            ]
            .map(String::from),
        );
        lines.extend(TRICKY_LINES.map(String::from));
        let (mut kept, mut matched) = (0, 0);
        for l in &lines {
            if exact.is_match(l) {
                matched += 1;
                assert!(may_be_line(l), "{l}");
                assert!(ends_like_salutation(l), "{l}");
            }
            kept += usize::from(may_be_line(l));
        }
        assert!(matched > 20 && kept < lines.len(), "{matched} {kept}");
        assert!(!may_be_line("人大代表提出的《建议》收悉。"));
        assert!(may_be_line("李明委员（第56号提案。）："));
    }

    /// What the exact salutation regex captures of `l`: names, role, count.
    fn by_regex(re: &Regex, l: &str) -> Option<(String, String, Option<String>)> {
        let c = re.captures(l)?;
        let count = c.name("n").or_else(|| c.name("n2")).map(|m| m.as_str().to_string());
        Some((c["names"].to_string(), c["role"].to_string(), count))
    }

    fn by_scan(l: &str) -> Option<(String, String, Option<String>)> {
        line_salutation(l).map(|s| (s.names.to_string(), s.role.to_string(), s.count.map(str::to_string)))
    }

    /// Salutation lines and near misses around the plain shape: 尊敬的, role words inside the
    /// names, 等, spaces, numerals, asides, 您好, traditional 委員, rarer Han characters.
    const TRICKY_LINES: [&str; 71] = [
        "陈业华代表:",
        "陈业华代表：",
        "陈业华代表",
        "尊敬的王红兰代表：",
        "尊敬的王代表：",
        "尊敬的代表：",
        "尊敬的尊敬的王红兰代表:",
        "尊敬的委员:",
        "王建平、李晓艳、代德忠代表:",
        "张三代表、李四代表：",
        "张代表李四代表:",
        "张三代表代表:",
        "代表代表:",
        "委员委员:",
        "代表:",
        "华代表:",
        "张三等代表:",
        "张三等五位委员：",
        "纪占斌等3名代表:",
        "王建国代表等5人：",
        "郑晓峰委员等：",
        "郑晓峰委员们：",
        "郑晓峰同志委员:",
        "张三委员同志:",
        "张 三代表:",
        " 张三代表:",
        "张三 代表:",
        "张三代表: ",
        "| 张三代表:",
        "李明委员（第56号提案）：",
        "尊敬的王红兰代表：您好！",
        "张三委員：",
        "张三代表：：",
        "张㛃代表:",
        "买买提·吐尔逊、阿依古丽•买买提代表：",
        "王建平，李晓艳,代德忠委员:",
        "、张三代表:",
        "张三、代表:",
        "您好张三代表:",
        "一二三代表：",
        "张三代表们：",
        "张三委员同志",
        "张三代表等3人 ",
        "张三代表等 三 名",
        "张三委员（第5号提案）",
        "张三代表：你好，",
        "张三代表 您好 ！ ",
        "张三代表您好",
        "张三代表:你好!",
        "张三代表:您好,",
        "劉志強委員:",
        "李㛃代表:",
        "孙晓梅等4名代表:",
        "陈晓东等82位代表：",
        "孙晓梅等十二名委员",
        "孙晓梅等12345名代表:",
        "孙晓梅等名代表:",
        "孙晓梅等三人代表:",
        "孙晓梅等4个代表:",
        "孙晓梅等4名代表等:",
        "孙晓梅等4名等代表:",
        "尊敬的孙晓梅等4名代表:",
        "尊敬的孙等4名代表:",
        "张三代表等4名代表:",
        "张代表李四等3名代表:",
        "韩亮秀委员等:",
        "韩亮秀委员等等:",
        "韩亮秀等委员等:",
        "韩亮秀委員等",
        "劉志強委員們:",
        "孙晓梅等4名 代表:",
    ];

    /// Every line the scan reads it reads as the exact regex does (the plain shape by hand, the
    /// rest by the regex itself): every line of every fixture and real-dev text, and tricky ones.
    #[test]
    fn line_salutation_is_the_regex_on_every_line() {
        let exact = line_regex("{2,400}?", "{0,30}");
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw().into_iter().chain(crate::extract::samples::real_dev_texts()) {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(TRICKY_LINES.map(String::from));
        lines.push(format!("{}代表:", "王".repeat(400)));
        lines.push(format!("{}代表:", "王".repeat(401)));
        let (mut plain, mut matched) = (0, 0);
        for l in &lines {
            assert_eq!(by_scan(l), by_regex(&exact, l), "{l}");
            plain += usize::from(plain_line(l).is_some());
            matched += usize::from(by_regex(&exact, l).is_some());
        }
        // the plain shape is most salutations, not all
        assert!(plain > 10 && plain < matched, "{plain} {matched}");
    }

    /// The plain-name characters are Han to the regex as well.
    #[test]
    fn plain_name_characters_are_in_the_names_class() {
        let class = Regex::new(r"^[\p{Han}·•、，, ]$").expect("class");
        for c in ('\u{3400}'..='\u{9FFF}').chain(['·', '•', '、', '，', ',', '等', ' ', '\u{3000}', '㛃']) {
            if is_plain_name_char(c) {
                assert!(class.is_match(&c.to_string()), "{c:?}");
            }
        }
        assert!(!is_plain_name_char('等') && !is_plain_name_char(' ') && !is_plain_name_char('\u{3000}'));
        assert!(is_plain_name_char('㛃'));
        let numeral = Regex::new(&format!("^[{NUMERAL_CLASS}]$")).expect("numeral class");
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| numeral.is_match(&c.to_string())) {
            assert!(is_numeral(c), "{c:?}");
        }
        for c in NUMERAL_CLASS.chars().filter(|c| *c != '-') {
            assert!(is_numeral(c) && numeral.is_match(&c.to_string()), "{c:?}");
        }
        assert!(!is_numeral('-') && !is_numeral('名') && !is_numeral('人'));
        let firsts: Vec<char> = NOT_NAMES.iter().filter_map(|w| w.chars().next()).collect();
        assert_eq!(firsts, NOT_NAME_STARTS);
    }

    /// The names as they were read before (collect every piece, then check every name).
    fn names_before(s: &str) -> Option<Vec<String>> {
        let list: Vec<String> = s
            .split(['、', '，', ','])
            .flat_map(split_spaced)
            .map(|p| {
                let p = p.trim_end_matches('等');
                p.strip_suffix("代表").or_else(|| p.strip_suffix("委员")).unwrap_or(p).to_string()
            })
            .filter(|p| !p.is_empty())
            .collect();
        let person = |n: &String| {
            let len = n.chars().count();
            let dotted = n.contains(['·', '•']);
            (2..=if dotted { 16 } else { 4 }).contains(&len) && !NOT_NAMES.iter().any(|w| n.contains(w))
        };
        (!list.is_empty() && list.iter().all(person)).then_some(list)
    }

    #[test]
    fn names_as_before_on_tricky_lists() {
        for s in [
            "王建平、李晓艳、代德忠",
            "王建平 李晓艳 代德忠",
            "张 雷",
            "陈 业 华",
            "张三代表、李四代表",
            "张三等",
            "各位",
            "人大代表",
            "王全体",
            "买买提·吐尔逊",
            "、、",
            "",
            " ",
            "张三,李四，王五",
            "张三、尊敬",
            "张三、提案人",
            "张三、李",
        ] {
            assert_eq!(names(s), names_before(s), "{s}");
        }
    }

    #[test]
    fn chrome_and_collectives_are_not_addressees() {
        assert_eq!(run("政协委员提案\n人大代表建议\n各位代表：\n").0, vec![]);
        assert_eq!(run("当前位置:首页 > 人大代表").0, vec![]);
    }

    proptest::proptest! {
        /// Total on any input made of the characters this extractor keys on.
        #[test]
        fn never_panics(s in "[关于对第届次会议号建议提案代表委员等名、:：《》“”〔〕()（）\\[\\]0-9A-C类公开同意局文件年月日十七三 \n]{0,200}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }

        /// Lines near the salutation shapes read as the exact regex reads them, names as before.
        #[test]
        fn line_salutation_is_the_regex_on_generated_lines(
            l in "(尊敬的|\\|| |)[陈业华王代表委员員等们同志您好尊敬的、·，, 三5名位人（）()]{0,10}(等[三5十]{0,5}[名位个人]?|)(代表|委员|委員|代 表|)[等们]?(同志|等5人|等 三 名|（第5号）|)[:：]?( |您好！|你好,| 您好 ！ )?"
        ) {
            static EXACT: LazyLock<Regex> = LazyLock::new(|| line_regex("{2,400}?", "{0,30}"));
            proptest::prop_assert_eq!(by_scan(&l), by_regex(&EXACT, &l));
            if EXACT.is_match(&l) {
                proptest::prop_assert!(ends_like_salutation(&l), "{}", l);
            }
            if let Some(s) = by_scan(&l) {
                proptest::prop_assert_eq!(names(&s.0), names_before(&s.0));
            }
            proptest::prop_assert_eq!(names(&l), names_before(&l));
        }

        /// Total on any text at all.
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,300}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }
    }
}
