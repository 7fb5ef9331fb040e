//! Contacts: 联系人/承办人/经办人 … names and phone numbers, never 签发人, postcodes, fax or footers.
//!
//! A contact is read from a labelled value: `联系人及电话：曹权文 15842986508`, `联系人:布冉 电话:…`,
//! `（联系人：张  征 …，电话：…）`. A phone label on a line of its own (`联系电话:60307029`) belongs
//! to the name label just before or just after it. Numbers are only taken from label values, so
//! footers, postcodes and ID numbers elsewhere in the page never become phones.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::Hints;
use crate::normalize::Normalized;
use crate::record::{Contact, Fields};

/// Every label a contact line uses, plus the labels that end a value (fax, postcode, signer …).
/// Layout spaces inside labels are tolerated (`联 系 人`), and traditional forms (聯系人, 電話).
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<name>(?:联|聯)\s*(?:系|繫|络|絡)\s*人|(?:承|经|經)\s*(?:办|辦)\s*人)",
        r"(?P<suffix>\s*(?:及|和|/|、)?\s*(?:联系|聯系|聯繫)?\s*(?:电\s*话|電\s*話|方\s*式|手\s*机|手\s*機))?",
        r"(?P<c1>\s*[:：])?",
        r"|(?P<phone>(?:联|聯)\s*(?:系|繫)\s*(?:电\s*话|電\s*話|方\s*式)|(?:办公|辦公)?(?:电|電)\s*(?:话|話)|手\s*(?:机|機))",
        r"(?P<c2>\s*[:：])?",
        r"|(?P<stop>传\s*真|傳\s*真|邮\s*政\s*编\s*码|郵\s*政\s*編\s*碼|邮\s*编|郵\s*編|签\s*发\s*人|簽\s*發\s*人",
        r"|审\s*核\s*人|審\s*核\s*人|负\s*责\s*人|負\s*責\s*人|地\s*址|邮\s*箱|郵\s*箱|(?i:e-?mail))",
    ))
    .expect("contact label regex")
});

/// A label whose first characters were lost to layout (`  人:黎浩` from `联 系 人`), at line start.
static TRUNCATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:系\s*)?人\s*[:：]").expect("truncated label regex"));

/// Phone numbers: mobile (optionally +86, with separators), landline with the area code in
/// brackets or before a hyphen/dash, an 0-prefixed run, or a bare local number.
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<mobile>(?:\+\s*86[\s-]*)?1[3-9][0-9](?:[\s-]?[0-9]){8})",
        r"|[(（]\s*(?P<area1>0[0-9]{2,3})\s*[)）]\s*[-—–－]?\s*(?P<num1>[0-9]{7,8})",
        r"|(?P<area2>0[0-9]{2,3})(?:\s*[-—–－]+\s*|\s+)(?P<num2>[0-9]{7,8})",
        r"|(?P<run>0[0-9]{9,11})",
        r"|(?P<local>[0-9]{7,8})",
    ))
    .expect("phone regex")
});

/// An extension after a landline: `-8001`, `转8001`.
static EXTENSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-—–－]|转|轉)\s*([0-9]{1,5})").expect("extension regex"));

/// Words of a website footer: a phone label on such a line is the site's, not the letter's.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"版权|版權|ICP|备案|備案|主办|主辦|网站|網站|技术支持|Copyright|©|地址|邮箱")
        .expect("footer regex")
});

/// Which kind of label a value follows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum LabelKind {
    /// 联系人, 承办人 …: the value starts with a name.
    Name,
    /// 联系电话, 电话 …: the value holds phones; 联系方式 may start with a name.
    Phone { may_name: bool },
    /// 传真, 邮政编码, 签发人 …: ends the previous value, yields nothing.
    Stop,
}

/// One labelled value found on a line.
#[derive(Debug)]
struct Labelled {
    kind: LabelKind,
    /// The label as written, layout spaces removed, without 及电话.
    role: String,
    name: Option<String>,
    phones: Vec<String>,
}

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, _hints: &Hints, out: &mut Fields) {
    out.contacts = find_contacts(&doc.text);
}

/// All contacts of a document, in order, without duplicates.
pub fn find_contacts(text: &str) -> Vec<Contact> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut contacts: Vec<Contact> = Vec::new();
    // Line index of the name label that made each contact.
    let mut contact_line: Vec<usize> = Vec::new();
    // Phones from a phone label that no name label claimed yet: (line index, role, phones).
    let mut pending: Option<(usize, String, Vec<String>)> = None;

    for (i, line) in lines.iter().enumerate() {
        let found = labelled_values(line);
        let mut current: Option<usize> = None;
        // Computed at most once per line: a long flattened line holds many labels.
        let mut footer_line: Option<bool> = None;
        for item in found {
            match item.kind {
                LabelKind::Stop => {}
                LabelKind::Name => {
                    if item.name.is_none() && item.phones.is_empty() {
                        continue;
                    }
                    let mut contact = Contact { role: Some(item.role), name: item.name, phones: item.phones };
                    if contact.phones.is_empty() {
                        if let Some((at, _, phones)) = pending.take() {
                            if i.saturating_sub(at) <= 2 {
                                contact.phones = phones;
                            }
                        }
                    }
                    contacts.push(contact);
                    contact_line.push(i);
                    current = Some(contacts.len() - 1);
                }
                LabelKind::Phone { .. } => {
                    if item.phones.is_empty() {
                        continue;
                    }
                    if let Some(c) = current {
                        if let Some(contact) = contacts.get_mut(c) {
                            push_phones(&mut contact.phones, item.phones);
                        }
                        continue;
                    }
                    if item.name.is_some() {
                        contacts.push(Contact { role: Some(item.role), name: item.name, phones: item.phones });
                        contact_line.push(i);
                        current = Some(contacts.len() - 1);
                        continue;
                    }
                    // A phone line after a name line belongs to that contact, unless it is the
                    // website's footer.
                    let near_prev = contact_line.last().is_some_and(|&at| i - at <= 2) && !*footer_line.get_or_insert_with(|| FOOTER.is_match(line));
                    if near_prev {
                        if let Some(contact) = contacts.last_mut() {
                            push_phones(&mut contact.phones, item.phones);
                        }
                    } else if let Some((_, _, phones)) = pending.as_mut() {
                        push_phones(phones, item.phones);
                    } else {
                        pending = Some((i, item.role, item.phones));
                    }
                }
            }
        }
        // A phone line no name label claimed within two lines stands alone, unless it is the
        // website's own footer.
        if let Some((at, _, _)) = &pending {
            if i >= at + 2 {
                flush_pending(&mut pending, &lines, &mut contacts, &mut contact_line);
            }
        }
    }
    flush_pending(&mut pending, &lines, &mut contacts, &mut contact_line);

    // Lookup only, never iterated: the order is the text's.
    let mut seen: HashSet<(Option<String>, Vec<String>)> = HashSet::new();
    contacts.into_iter().filter(|c| seen.insert((c.name.clone(), c.phones.clone()))).collect()
}

/// Turn unclaimed phones into a contact without a name, unless a footer surrounds them.
fn flush_pending(
    pending: &mut Option<(usize, String, Vec<String>)>,
    lines: &[&str],
    contacts: &mut Vec<Contact>,
    contact_line: &mut Vec<usize>,
) {
    let Some((at, role, phones)) = pending.take() else { return };
    let lo = at.saturating_sub(1);
    let hi = (at + 2).min(lines.len());
    let footer = lines.get(lo..hi).unwrap_or(&[]).iter().any(|l| FOOTER.is_match(l));
    if !footer {
        contacts.push(Contact { role: Some(role), name: None, phones });
        contact_line.push(at);
    }
}

/// More phones than this under one person is not a contact line but a table or a list: the
/// cap keeps duplicate checks cheap on such input.
const MAX_PHONES: usize = 16;

fn push_phones(into: &mut Vec<String>, phones: Vec<String>) {
    for p in phones {
        if into.len() < MAX_PHONES && !into.contains(&p) {
            into.push(p);
        }
    }
}

/// The labelled values of one line, in order; a value runs to the next label or the line end.
fn labelled_values(line: &str) -> Vec<Labelled> {
    // (label start, value start, kind, role)
    let mut labels: Vec<(usize, usize, LabelKind, String)> = Vec::new();
    if let Some(m) = TRUNCATED.find(line) {
        labels.push((m.start(), m.end(), LabelKind::Name, "联系人".to_string()));
    }
    for caps in LABEL.captures_iter(line) {
        let Some(all) = caps.get(0) else { continue };
        // Matches of one regex never overlap: only the truncated label can.
        if labels.first().is_some_and(|&(_, end, _, _)| all.start() < end) {
            continue;
        }
        let before = line.get(..all.start()).unwrap_or("");
        let after = line.get(all.end()..).unwrap_or("");
        if let Some(name) = caps.name("name") {
            let colon = caps.name("c1").is_some();
            // Without a colon the label must open the line (or a parenthesis) and a value follow.
            let opens = before.trim_end().is_empty() || before.trim_end().ends_with(['(', '（']);
            if !colon && !(opens && after.starts_with(char::is_whitespace)) {
                continue;
            }
            let role: String = name.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            labels.push((all.start(), all.end(), LabelKind::Name, role));
        } else if let Some(phone) = caps.name("phone") {
            let colon = caps.name("c2").is_some();
            let digit_follows = after.trim_start().starts_with(|c: char| c.is_ascii_digit() || "(（+".contains(c));
            if !colon && !digit_follows {
                continue;
            }
            // 传真电话, 监督电话 …: not a contact phone.
            let tail: String = before.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
            if ["传真", "傳真", "监督", "監督", "举报", "舉報", "投诉", "投訴"].contains(&tail.as_str()) {
                labels.push((all.start(), all.end(), LabelKind::Stop, String::new()));
                continue;
            }
            let role: String = phone.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            let may_name = role.ends_with("方式");
            labels.push((all.start(), all.end(), LabelKind::Phone { may_name }, role));
        } else {
            labels.push((all.start(), all.end(), LabelKind::Stop, String::new()));
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
                out.push(Labelled { kind: *kind, role: role.clone(), name: None, phones: phones_in(value) })
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

/// The name a value starts with, layout spaces removed: `张 雷` → 张雷, `张  征 市公安局…` → 张征.
fn leading_name(value: &str) -> Option<String> {
    let mut chunks: Vec<String> = Vec::new();
    let mut chunk = String::new();
    for c in value.trim_start().chars() {
        if c.is_whitespace() {
            if !chunk.is_empty() {
                chunks.push(std::mem::take(&mut chunk));
            }
        } else if is_name_char(c) {
            chunk.push(c);
        } else {
            break;
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    // `市住建局 张三`: the unit comes first, the person after it.
    if chunks.len() > 1 && chunks.first().is_some_and(|c| c.chars().count() > 3 && ORG_SUFFIXES.iter().any(|s| c.ends_with(s))) {
        chunks.remove(0);
    }
    let mut iter = chunks.into_iter();
    let mut name = iter.next()?;
    // A single character is a name spread by layout spaces: close it up with the short
    // chunks that follow, up to three characters.
    if name.chars().count() == 1 {
        for next in iter {
            let n = next.chars().count();
            if n > 2 || name.chars().count() + n > 3 {
                break;
            }
            name.push_str(&next);
        }
    }
    let n = name.chars().count();
    (2..=6).contains(&n).then_some(name)
}

/// Endings of a unit's name, which a contact value may give before the person's.
const ORG_SUFFIXES: [&str; 10] = ["局", "委", "办", "科", "室", "处", "中心", "公司", "站", "所"];

fn is_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '·' | '•')
}

/// Phones in a labelled value, normalised: mobiles as 11 digits, landlines as area-number(-ext).
fn phones_in(value: &str) -> Vec<String> {
    let mut phones = Vec::new();
    for caps in PHONE.captures_iter(value) {
        if phones.len() >= MAX_PHONES {
            break;
        }
        let Some(all) = caps.get(0) else { continue };
        let digit_before = value.get(..all.start()).and_then(|s| s.chars().next_back()).is_some_and(|c| c.is_ascii_digit());
        let rest = value.get(all.end()..).unwrap_or("");
        if digit_before {
            continue;
        }
        let phone = if let Some(m) = caps.name("mobile") {
            let digits: String = m.as_str().chars().filter(char::is_ascii_digit).collect();
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            digits.strip_prefix("86").filter(|d| d.len() == 11).map(str::to_string).unwrap_or(digits)
        } else if let (Some(area), Some(num)) = (
            caps.name("area1").or(caps.name("area2")),
            caps.name("num1").or(caps.name("num2")),
        ) {
            let mut p = format!("{}-{}", area.as_str(), num.as_str());
            if let Some(ext) = EXTENSION.captures(rest) {
                let ext_end = ext.get(0).map_or(0, |m| m.end());
                let after_ext = rest.get(ext_end..).unwrap_or("");
                if !after_ext.starts_with(|c: char| c.is_ascii_digit()) {
                    if let Some(e) = ext.get(1) {
                        p.push('-');
                        p.push_str(e.as_str());
                    }
                }
            } else if rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            p
        } else {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            all.as_str().to_string()
        };
        if !phones.contains(&phone) {
            phones.push(phone);
        }
    }
    phones
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (Option<String>, Option<String>, Vec<String>) {
        let cs = find_contacts(text);
        assert_eq!(cs.len(), 1, "{cs:?}");
        let c = cs.into_iter().next().unwrap();
        (c.role, c.name, c.phones)
    }

    #[test]
    fn name_and_mobile_after_combined_label() {
        let (role, name, phones) = one("抄送：市人大联工委、市政府办公室\n\n联系人及电话：曹权文 15842986508");
        assert_eq!(role.as_deref(), Some("联系人"));
        assert_eq!(name.as_deref(), Some("曹权文"));
        assert_eq!(phones, ["15842986508"]);
    }

    #[test]
    fn name_and_phone_labels_on_one_line() {
        let (_, name, phones) = one("联系人:布冉 电话:09092288759\n博乐市财政局\n2021年11月19日\n审核人:黎华");
        assert_eq!(name.as_deref(), Some("布冉"));
        assert_eq!(phones, ["09092288759"]);
    }

    #[test]
    fn spaced_label_and_spaced_name() {
        let (role, name, phones) = one("联 系 人：张 雷 联系电话：56155520");
        assert_eq!(role.as_deref(), Some("联系人"));
        assert_eq!(name.as_deref(), Some("张雷"));
        assert_eq!(phones, ["56155520"]);
    }

    #[test]
    fn contact_in_parentheses_with_a_title_after_the_name() {
        let (_, name, phones) = one("（联系人：张  征 市公安局东区分局纪委书记，电话：13982369552）");
        assert_eq!(name.as_deref(), Some("张征"));
        assert_eq!(phones, ["13982369552"]);
    }

    #[test]
    fn landline_with_area_code_dash_and_extension() {
        let (role, name, phones) = one("承办人及联系电话：邓俊杰 0730-6231642");
        assert_eq!(role.as_deref(), Some("承办人"));
        assert_eq!(name.as_deref(), Some("邓俊杰"));
        assert_eq!(phones, ["0730-6231642"]);
        assert_eq!(one("联系电话：0876—7122073").2, ["0876-7122073"]);
        assert_eq!(one("经办人：王敏 0739-5362000-8001").2, ["0739-5362000-8001"]);
    }

    #[test]
    fn unit_before_the_name_and_area_code_before_a_space() {
        let (_, name, phones) = one("联系人：市住建局城建科 张三 0731 84567890");
        assert_eq!(name.as_deref(), Some("张三"));
        assert_eq!(phones, ["0731-84567890"]);
    }

    #[test]
    fn two_mobiles_and_country_code() {
        assert_eq!(one("联系人：钱进 13912345678/13812345678").2, ["13912345678", "13812345678"]);
        assert_eq!(one("联系人：曹权文 +86 158-4298-6508").2, ["15842986508"]);
    }

    #[test]
    fn area_code_in_brackets() {
        assert_eq!(one("联系人：李四\n电话：(010)37283893").2, ["010-37283893"]);
        assert_eq!(one("联系人：王五 联系电话：（0351）89082910").2, ["0351-89082910"]);
    }

    #[test]
    fn truncated_label_then_phone_line_and_postcode() {
        let text = "重庆市北碚区城市管理局\n\n   2023927  \n\n  人:黎浩\n\n联系电话:60307029\n\n邮政编码:400711\n";
        let (_, name, phones) = one(text);
        assert_eq!(name.as_deref(), Some("黎浩"));
        assert_eq!(phones, ["60307029"]);
    }

    #[test]
    fn phone_line_before_the_name_line() {
        let text = "办复类别: B\n\n联系电话:18855455006\n\n联系人:许浩浩\n\n交警潘集大队\n  • 联系方式:\n";
        let (_, name, phones) = one(text);
        assert_eq!(name.as_deref(), Some("许浩浩"));
        assert_eq!(phones, ["18855455006"]);
    }

    #[test]
    fn traditional_labels() {
        let (role, name, phones) = one("抄送:市人大,市府辦建議提案科。\n聯系人:張運毅 聯系電話:7721810\n");
        assert_eq!(role.as_deref(), Some("聯系人"));
        assert_eq!(name.as_deref(), Some("張運毅"));
        assert_eq!(phones, ["7721810"]);
    }

    #[test]
    fn signers_reviewers_fax_postcode_and_ids_are_not_contacts() {
        let text = "签发人:龙英\n领导签发:刘民华\n审核人:黎华\n承办负责人：赵六\n邮政编码：405900\n传真：0731-5555555\n身份证号：110101199003071234";
        assert!(find_contacts(text).is_empty());
        let (_, _, phones) = one("联系人：孙七 电话：0731-1234567 传真：0731-7654321");
        assert_eq!(phones, ["0731-1234567"]);
    }

    #[test]
    fn footer_phone_and_id_number_inside_a_value_are_not_taken() {
        let text = "网站主办：某市人民政府办公室 联系电话：0731-88888888 湘ICP备05001234号";
        assert!(find_contacts(text).is_empty());
        assert!(one("联系人：周八 110101199003071234 13912345678").2 == ["13912345678"]);
    }

    #[test]
    fn several_people_under_one_label() {
        let cs = find_contacts("联系人：张三 13800000001；李四 0731-2345678");
        let got: Vec<(Option<&str>, Vec<&str>)> =
            cs.iter().map(|c| (c.name.as_deref(), c.phones.iter().map(String::as_str).collect())).collect();
        assert_eq!(got, [(Some("张三"), vec!["13800000001"]), (Some("李四"), vec!["0731-2345678"])]);
        let got: Vec<Option<String>> = find_contacts("联系人：张三 13800000001，李四 13900000002").into_iter().map(|c| c.name).collect();
        assert_eq!(got, [Some("张三".to_string()), Some("李四".to_string())]);
        let (_, name, phones) = one("联系人：张三，市交通局科员，13800000003");
        assert_eq!((name.as_deref(), phones), (Some("张三"), vec!["13800000003".to_string()]));
        let (_, name, phones) = one("联系人：王五；13800000002");
        assert_eq!((name.as_deref(), phones), (Some("王五"), vec!["13800000002".to_string()]));
    }

    #[test]
    fn name_in_a_contact_method_label() {
        let (role, name, phones) = one("联系方式：赵敏 13912345678");
        assert_eq!(role.as_deref(), Some("联系方式"));
        assert_eq!(name.as_deref(), Some("赵敏"));
        assert_eq!(phones, ["13912345678"]);
    }

    #[test]
    fn a_footer_phone_below_the_contact_is_not_attached() {
        let (_, name, phones) = one("联系人：钱进 13912345678\n主办单位：某市人民政府 电话：0731-88888888");
        assert_eq!(name.as_deref(), Some("钱进"));
        assert_eq!(phones, ["13912345678"]);
    }

    #[test]
    fn full_width_digits_are_not_read_before_normalisation() {
        // ASCII digits only: a raw full-width number must not come out half-read.
        assert!(phones_in("０８７６－３１２２０００－８０１６").is_empty());
    }

    #[test]
    fn full_width_phone_after_normalisation() {
        let doc = crate::normalize::normalize("联 系 人：张 雷 联系电话：５６１５５５２０");
        let (_, name, phones) = one(&doc.text);
        assert_eq!(name.as_deref(), Some("张雷"));
        assert_eq!(phones, ["56155520"]);
    }

    #[test]
    fn contact_words_in_a_sentence_are_not_labels() {
        assert!(find_contacts("我局将密切联系人民群众，加强沟通。").is_empty());
    }

    #[test]
    fn empty_form_fields_give_nothing() {
        assert!(find_contacts("  • 姓  名:\n\n  • 联系方式:\n\n  • *内  容:").is_empty());
    }
}
