//! Contact labels on a line (联系人, 承办人及联系电话, 联系电话, truncated `  人:`) and the values
//! they open: a name with layout spaces closed up, and the phones ([`super::phones`]).

use std::sync::LazyLock;

use regex::Regex;

use super::label_scan;
use super::phones::{phones_in, push_phones};
use crate::extract::line_scan::{squeeze_layout, trim_layout_start, Next};

/// The name and phone labels of [`LABEL`], its first alternatives (one text for both regexes).
macro_rules! contact_labels {
    () => {
        concat!(
            r"(?P<name>(?:联|聯)\s*(?:系|繫|络|絡)\s*人|(?:承|经|經)\s*(?:办|辦)\s*人)",
            r"(?P<suffix>\s*(?:及|和|/|、)?\s*(?:联系|聯系|聯繫)?\s*(?:电\s*话|電\s*話|方\s*式|手\s*机|手\s*機))?",
            r"(?P<c1>\s*[:：])?",
            r"|(?P<phone>(?:联|聯)\s*(?:系|繫)\s*(?:电\s*话|電\s*話|方\s*式)|(?:办公|辦公)?(?:电|電)\s*(?:话|話)|手\s*(?:机|機))",
            r"(?P<c2>\s*[:：])?",
        )
    };
}

/// Every label a contact line uses, plus the labels that end a value (fax, postcode, signer …).
/// Layout spaces inside labels are tolerated (`联 系 人`), and traditional forms (聯系人, 電話).
/// Searched by hand ([`label_scan`]); the regex stays as the scanner's oracle in the tests.
#[cfg(test)]
pub(super) static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        contact_labels!(),
        r"|(?P<stop>传\s*真|傳\s*真|邮\s*政\s*编\s*码|郵\s*政\s*編\s*碼|邮\s*编|郵\s*編|签\s*发\s*人|簽\s*發\s*人",
        r"|领\s*导\s*签\s*发|領\s*導\s*簽\s*發|审\s*核\s*人?|審\s*核\s*人?|核\s*稿\s*人?|负\s*责\s*人|負\s*責\s*人",
        r"|地\s*址|邮\s*箱|郵\s*箱|(?i:e-?mail))",
    ))
    .expect("contact label regex")
});

/// The name and phone labels alone: where the whole text is searched for lines to read. A line
/// whose labels all end values (地址, 传真, 审核 …) yields nothing a contact is made of, and the
/// first characters of those labels (地, 领, 核, 负, 传 …) open common words: dropping them
/// halves the places the search stops at. Every name or phone match of LABEL is a match of
/// this regex at the same place (LABEL tries these alternatives first).
static CONTACT_LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(contact_labels!()).expect("contact label regex"));

/// A label whose first characters were lost to layout (`  人:黎浩` from `联 系 人`), at line
/// start: `^\s*(?:系\s*)?人\s*[:：]`, read by hand (`\s` is what `char::is_whitespace` tests).
/// Gives where the value begins.
fn truncated(line: &str) -> Option<usize> {
    let mut rest = line.trim_start();
    // 系 not followed by 人 cannot open the label without it either: no backtracking is needed.
    if let Some(r) = rest.strip_prefix('系') {
        rest = r.trim_start();
    }
    let rest = rest.strip_prefix('人')?.trim_start().strip_prefix([':', '：'])?;
    Some(line.len() - rest.len())
}

/// Which alternative of LABEL a match is, told from its text: a name label's letters open with
/// 联系人/联络人/承办人/经办人 (a phone label's 联系 goes on with 电话 or 方式), a phone label's
/// end with 话/話/式/机/機 and no stop label's do; only the name and phone alternatives end with
/// their optional colon.
#[derive(Debug, PartialEq)]
enum Found {
    /// The label's letters up to 人 (the `name` group, spaces removed), and the `c1` colon.
    Name { role: String, colon: bool },
    /// The label without its colon (the `phone` group, spaces removed), and the `c2` colon.
    Phone { role: String, colon: bool },
    Stop,
}

fn read_label(m: &str) -> Found {
    // (borrowed when the label has no layout space, as almost every one)
    let letters = squeeze_layout(m, false);
    let (letters, colon) = match letters.strip_suffix([':', '：']) {
        Some(l) => (l, true),
        None => (&*letters, false),
    };
    let mut cs = letters.chars();
    let name = matches!(
        (cs.next(), cs.next(), cs.next()),
        (Some('联' | '聯'), Some('系' | '繫' | '络' | '絡'), Some('人')) | (Some('承' | '经' | '經'), Some('办' | '辦'), Some('人'))
    );
    if name {
        return Found::Name { role: letters.chars().take(3).collect(), colon };
    }
    if letters.ends_with(['话', '話', '式', '机', '機']) {
        return Found::Phone { role: letters.to_string(), colon };
    }
    Found::Stop
}

/// Which kind of label a value follows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabelKind {
    /// 联系人, 承办人 …: the value starts with a name.
    Name,
    /// 联系电话, 电话 …: the value holds phones; 联系方式 may start with a name.
    Phone { may_name: bool },
    /// 传真, 邮政编码, 签发人 …: ends the previous value, yields nothing.
    Stop,
}

/// One labelled value found on a line.
#[derive(Debug)]
pub struct Labelled {
    pub kind: LabelKind,
    /// The label as written, layout spaces removed, without 及电话.
    pub role: String,
    pub name: Option<String>,
    pub phones: Vec<String>,
}

/// Which lines of a text can hold a name or phone label, asked line by line in text order: on
/// any other line [`labelled_values`] finds nothing but value-ending labels. One search for
/// CONTACT_LABEL over the whole text serves every line (a match inside a line is a match of
/// the text starting no earlier than the line); the truncated label ([`truncated`]) is
/// anchored at the line start and needs 系 or 人 there.
pub struct LabelLines {
    labels: Next<'static>,
}

impl LabelLines {
    pub fn new(text: &str) -> Self {
        LabelLines { labels: Next::new(text, &CONTACT_LABEL) }
    }

    /// Whether `line`, the line of `text` at byte offset `start`, may hold a name or phone label.
    pub fn may_have(&mut self, text: &str, start: usize, line: &str) -> bool {
        // (by bytes: a Han character is stepped over without a Unicode table look-up)
        trim_layout_start(line, false).starts_with(['系', '人']) || self.labels.within(text, start, start + line.len())
    }
}

/// The labelled values of one line, in order; a value runs to the next label or the line end.
pub fn labelled_values(line: &str) -> Vec<Labelled> {
    // (label start, value start, kind, role)
    let mut labels: Vec<(usize, usize, LabelKind, String)> = Vec::new();
    if let Some(end) = truncated(line) {
        labels.push((0, end, LabelKind::Name, "联系人".to_string()));
    }
    // Matches only, by a hand-written scanner ([`label_scan`], LABEL's oracle): which
    // alternative matched is read from the matched text ([`read_label`]).
    for (start, end) in label_scan::labels(line) {
        let label = line.get(start..end).unwrap_or("");
        // Matches of one regex never overlap: only the truncated label can.
        if labels.first().is_some_and(|&(_, end, _, _)| start < end) {
            continue;
        }
        let before = line.get(..start).unwrap_or("");
        let after = line.get(end..).unwrap_or("");
        let read = read_label(label);
        if let Found::Name { role, colon } = read {
            // Without a colon the label must open the line (or a parenthesis) and a value follow.
            let opens = before.trim_end().is_empty() || before.trim_end().ends_with(['(', '（']);
            if !colon && !(opens && after.starts_with(char::is_whitespace)) {
                continue;
            }
            labels.push((start, end, LabelKind::Name, role));
        } else if let Found::Phone { role, colon } = read {
            let digit_follows = after.trim_start().starts_with(|c: char| c.is_ascii_digit() || "(（+".contains(c));
            if !colon && !digit_follows {
                continue;
            }
            // 传真电话, 监督电话 …: not a contact phone.
            if NOT_CONTACT_PHONES.contains(&last_two_chars(before)) {
                labels.push((start, end, LabelKind::Stop, String::new()));
                continue;
            }
            let may_name = role.ends_with("方式");
            labels.push((start, end, LabelKind::Phone { may_name }, role));
        } else {
            labels.push((start, end, LabelKind::Stop, String::new()));
        }
    }
    labels.sort_by_key(|l| l.0);

    let mut out = Vec::with_capacity(labels.len());
    for (k, (_, value_start, kind, role)) in labels.iter().enumerate() {
        let value_end = labels.get(k + 1).map_or(line.len(), |l| l.0);
        let value = line.get(*value_start..value_end).unwrap_or("");
        match kind {
            LabelKind::Stop => out.push(Labelled { kind: *kind, role: role.clone(), name: None, phones: Vec::new() }),
            LabelKind::Phone { may_name: false } => {
                // `电话：027-1；社会救助处 冯军，电话：027-2`: after a ； a person of the name label
                // before starts anew, and the phones after belong to them.
                let person_role = out.iter().rev().find(|l| l.kind == LabelKind::Name).map(|l| l.role.clone());
                for (k, (part, by_comma)) in split_people(value).into_iter().enumerate() {
                    let person = if k == 0 || by_comma { None } else { person_role.as_ref().zip(leading_name(part)) };
                    let person = person.filter(|(_, name)| {
                        name.chars().count() <= 4 && !ORG_SUFFIXES.iter().any(|s| name.ends_with(s))
                    });
                    match person {
                        Some((r, name)) => out.push(Labelled {
                            kind: LabelKind::Name,
                            role: r.clone(),
                            name: Some(name),
                            phones: phones_in(part),
                        }),
                        None if k == 0 => {
                            out.push(Labelled { kind: *kind, role: role.clone(), name: None, phones: phones_in(part) })
                        }
                        None => {
                            if let Some(last) = out.last_mut() {
                                push_phones(&mut last.phones, phones_in(part));
                            }
                        }
                    }
                }
            }
            LabelKind::Name | LabelKind::Phone { may_name: true } => {
                // `张三 138…；李四 139…`, `张三、李四` or `张三 138…，李四 139…`: one contact per
                // name, phones with the name before them. After a comma only a name with its own
                // phone starts a new contact (`张三，市交通局科员` is one person).
                let first = out.len();
                for (k, (part, by_comma)) in split_people(value).into_iter().enumerate() {
                    let (name, phones) = (leading_name(part), phones_in(part));
                    let new_person = k == 0 || (name.is_some() && (!by_comma || !phones.is_empty()));
                    let continues = !new_person && out.len() > first;
                    match out.last_mut() {
                        Some(last) if continues => push_phones(&mut last.phones, phones),
                        _ => out.push(Labelled { kind: *kind, role: role.clone(), name, phones }),
                    }
                }
            }
        }
    }
    out
}

/// A value cut at list separators: each part and whether a comma (not ；/、) opened it.
fn split_people(value: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut by_comma = false;
    for (i, c) in value.char_indices() {
        if matches!(c, '；' | ';' | '、' | '，' | ',') {
            parts.push((value.get(start..i).unwrap_or(""), by_comma));
            start = i + c.len_utf8();
            by_comma = matches!(c, '，' | ',');
        }
    }
    parts.push((value.get(start..).unwrap_or(""), by_comma));
    parts
}

/// The last two characters of `s` (all of it when shorter), borrowed.
fn last_two_chars(s: &str) -> &str {
    s.char_indices().rev().nth(1).map_or(s, |(i, _)| s.get(i..).unwrap_or(""))
}

/// What a phone label names when it is not the reply's contact: 传真电话, 服务热线电话 ….
const NOT_CONTACT_PHONES: [&str; 16] = [
    "传真", "傳真", "监督", "監督", "举报", "舉報", "投诉", "投訴", "热线", "熱線", "服务", "服務", "值班", "咨询",
    "諮詢", "求助",
];

/// The name a value starts with, layout spaces removed: `张 雷` → 张雷, `张  征 市公安局…` → 张征.
pub fn leading_name(value: &str) -> Option<String> {
    let mut chunks = crate::extract::names::leading_chunks(value, is_name_char);
    // `市住建局 张三`: the unit comes first, the person after it.
    if chunks.len() > 1
        && chunks.first().is_some_and(|c| c.chars().count() > 3 && ORG_SUFFIXES.iter().any(|s| c.ends_with(s)))
    {
        chunks.remove(0);
    }
    let mut name = crate::extract::names::close_up(chunks)?;
    // 张三同志: the form of address is not part of the name.
    if let Some(stripped) = name.strip_suffix("同志") {
        name = stripped.to_string();
    }
    let n = name.chars().count();
    (2..=6).contains(&n).then_some(name)
}

/// Endings of a unit's name, which a contact value may give before the person's.
const ORG_SUFFIXES: [&str; 10] = ["局", "委", "办", "科", "室", "处", "中心", "公司", "站", "所"];

fn is_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '·' | '•')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LABEL's alternative and groups as the capture search read them.
    fn read_label_plain(caps: &regex::Captures) -> Found {
        let letters = |m: regex::Match| m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(name) = caps.name("name") {
            Found::Name { role: letters(name), colon: caps.name("c1").is_some() }
        } else if let Some(phone) = caps.name("phone") {
            Found::Phone { role: letters(phone), colon: caps.name("c2").is_some() }
        } else {
            Found::Stop
        }
    }

    static TRUNCATED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*(?:系\s*)?人\s*[:：]").unwrap());

    #[test]
    fn last_two_chars_same_as_collecting_them() {
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(["", "话", "传真", "x传真", "\u{3000}监督"].map(String::from));
        for l in &lines {
            for (i, _) in l.char_indices().chain(std::iter::once((l.len(), ' '))) {
                let s = &l[..i];
                let want: String = s.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
                assert_eq!(last_two_chars(s), want, "{s:?}");
            }
        }
        let kinds = |l: &str| labelled_values(l).iter().map(|v| v.kind).collect::<Vec<_>>();
        assert_eq!(kinds("监督电话：0731-1234567"), [LabelKind::Stop]);
        assert_eq!(kinds("传真电话：0731-1234567"), [LabelKind::Stop, LabelKind::Stop]);
        assert_eq!(kinds("电话：0731-1234567"), [LabelKind::Phone { may_name: false }]);
    }

    #[test]
    fn labels_read_from_the_match_as_the_captures_read_them() {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(
            [
                "联 系 人 ：张三 联系电话 ：1", "聯繫人及電話：李", "经\u{2003}办 人", "承办人/联系方式", "联络人", "联系方式 :",
                "办公电话", "辦公電話：", "手 機", "传 真：", "邮政编码", "签 发 人", "领导签发：", "审核", "核稿人", "负责人",
                "地 址", "E-MAIL:", "email", "联系电话联系人", "人：张三", " 系 人 ：李", "系人", "人", "  人 :", "系 系人：",
                "\u{205f}人：", "联系人\n：",
            ]
            .map(String::from),
        );
        let (mut labels, mut cut) = (0, 0);
        for line in &lines {
            let plain: Vec<(usize, usize, Found)> =
                LABEL.captures_iter(line).map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end(), read_label_plain(&c))).collect();
            let fast: Vec<(usize, usize, Found)> =
                LABEL.find_iter(line).map(|m| (m.start(), m.end(), read_label(m.as_str()))).collect();
            labels += plain.len();
            assert_eq!(fast, plain, "{line:?}");
            let want = TRUNCATED.find(line).map(|m| m.end());
            cut += usize::from(want.is_some());
            assert_eq!(truncated(line), want, "{line:?}");
        }
        assert!(labels > 50 && cut >= 4, "{labels} {cut}");
    }

    /// What [`LabelLines`] may skip: a line whose labelled values are all value-ending labels.
    fn has_contact_label(line: &str) -> bool {
        labelled_values(line).iter().any(|l| l.kind != LabelKind::Stop)
    }

    #[test]
    fn label_lines_keep_every_line_with_a_name_or_phone_label() {
        let mut texts = crate::extract::samples::genre_texts();
        texts.push("  人:黎浩\n 系 人：李\n联\n系人：张三\n联 系 人：张 雷 联系电话：56155520\nE-mail：a@b.cn\n正文。".to_string());
        texts.push("地址：长沙市 电话：0731-1\n传真：0731-2\n地 址：x 手机13800000000\n审核人：李 联系人 张三".to_string());
        let (mut labelled, mut stops_only) = (0, 0);
        for text in &texts {
            let mut lines = LabelLines::new(text);
            for line in text.lines() {
                let start = line.as_ptr() as usize - text.as_ptr() as usize;
                let may = lines.may_have(text, start, line);
                assert!(may || !CONTACT_LABEL.is_match(line), "{line:?}");
                if has_contact_label(line) {
                    assert!(may, "{line:?}");
                    labelled += 1;
                } else if !may {
                    assert!(labelled_values(line).iter().all(|l| l.kind == LabelKind::Stop), "{line:?}");
                    stops_only += usize::from(LABEL.is_match(line));
                }
            }
        }
        assert!(labelled > 30 && stops_only >= 3, "{labelled} {stops_only}");
        // A line without a label is skipped even when one follows further down.
        let text = "正文。\n联系人：张三";
        let mut lines = LabelLines::new(text);
        assert!(!lines.may_have(text, 0, "正文。"));
        assert!(lines.may_have(text, "正文。\n".len(), "联系人：张三"));
        // A line of value-ending labels only is skipped.
        let text = "地址：长沙市 传真：0731-2\n联系人：张三";
        let mut lines = LabelLines::new(text);
        assert!(!lines.may_have(text, 0, "地址：长沙市 传真：0731-2"));
    }

    proptest::proptest! {
        /// Generated label-like lines: every one holding a name or phone label is kept.
        #[test]
        fn label_lines_keep_generated_contact_lines(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "联", "聯", "系", "繫", "络", "人", "承", "经", "經", "办", "辦", "及", "和", "/", "、", "电", "電",
                "话", "話", "方", "式", "手", "机", "機", "公", "传", "真", "邮", "政", "编", "码", "签", "发", "领",
                "导", "审", "核", "稿", "负", "责", "地", "址", "箱", "e-mail", "E", "MAIL", ":", "：", " ", "\u{3000}",
                "\t", "张三", "（", "(", "13800000000", "0731-1234567", "；", "，", "。",
            ]), 0..14),
        ) {
            let line: String = parts.concat();
            let text = format!("正文。\n{line}\n结尾");
            let mut lines = LabelLines::new(&text);
            let may = lines.may_have(&text, "正文。\n".len(), &line);
            proptest::prop_assert!(may || !has_contact_label(&line), "{:?}", line);
            proptest::prop_assert!(may || !CONTACT_LABEL.is_match(&line), "{:?}", line);
        }
    }

    #[test]
    fn names_lose_layout_spaces_and_stop_before_titles() {
        assert_eq!(leading_name(" 张 雷 ").as_deref(), Some("张雷"));
        assert_eq!(leading_name("王 小 明 13800000000").as_deref(), Some("王小明"));
        assert_eq!(leading_name("张  征 市公安局东区分局纪委书记").as_deref(), Some("张征"));
        assert_eq!(leading_name("曹权文15842986508").as_deref(), Some("曹权文"));
        assert_eq!(leading_name("13800000000"), None);
        assert_eq!(leading_name("张三同志 13800000000").as_deref(), Some("张三"));
    }

    #[test]
    fn a_second_person_after_a_semicolon_in_a_phone_value() {
        let people: Vec<(Option<String>, Vec<String>)> = labelled_values(
            "（联系人：养老服务处　孙  俪，电话：027-87231456；社会救助处　冯  军，电话：027-87231478）",
        )
        .into_iter()
        .filter(|l| l.kind == LabelKind::Name)
        .map(|l| (l.name, l.phones))
        .collect();
        assert_eq!(people.len(), 2, "{people:?}");
        assert_eq!(people[0].0.as_deref(), Some("孙俪"));
        assert_eq!(people[1].0.as_deref(), Some("冯军"));
        // A unit after the ； is not a person.
        let names =
            labelled_values("联系人：张三 电话：0731-1234567；办公室").into_iter().filter(|l| l.kind == LabelKind::Name).count();
        assert_eq!(names, 1);
    }

    #[test]
    fn roles_as_written_without_the_phone_suffix() {
        let roles: Vec<String> =
            labelled_values("承办人及联系电话：邓俊杰 0730-6231642").into_iter().map(|l| l.role).collect();
        assert_eq!(roles, ["承办人"]);
        let kinds: Vec<LabelKind> =
            labelled_values("联系人:布冉 电话:09092288759 传真:0909228").into_iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LabelKind::Name, LabelKind::Phone { may_name: false }, LabelKind::Stop]);
        let kinds: Vec<LabelKind> =
            labelled_values("开通服务热线电话：0731-12345678").into_iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LabelKind::Stop]);
        let kinds: Vec<LabelKind> =
            labelled_values("联系人：李伟 领导签发：刘民华 审核：黎华").into_iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LabelKind::Name, LabelKind::Stop, LabelKind::Stop]);
    }
}
