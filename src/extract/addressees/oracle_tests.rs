//! Oracle tests: the hand-written salutation reader, its prefilters and the names splitting
//! checked against the exact regex and the earlier code they replace, on every line of every
//! fixture and real-dev text, tricky snippets and generated lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::cn_num::NUMERAL_CLASS;
use super::names::{names, split_spaced, NOT_NAMES, NOT_NAME_STARTS};
use super::salutation::{ends_like_salutation, is_numeral, is_plain_name_char, line_regex, line_salutation, may_be_line, plain_line};

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

proptest::proptest! {
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
}
