//! Contacts: 联系人/承办人/经办人 … names and phone numbers, never 签发人, postcodes, fax or footers.
//!
//! A contact is read from a labelled value: `联系人及电话：曹权文 15842986508`, `联系人:布冉 电话:…`,
//! `（联系人：张  征 …，电话：…）`. A phone label on a line of its own (`联系电话:60307029`) belongs
//! to the name label just before or just after it. Numbers are only taken from label values, so
//! footers, postcodes and ID numbers elsewhere in the page never become phones.

mod label_scan;
mod labels;
mod phone_scan;
mod phones;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::Hints;
use crate::extract::line_scan;
use crate::normalize::Normalized;
use crate::record::{Contact, Fields};

use labels::{labelled_values, leading_name, LabelKind, LabelLines, Labelled};
use phones::{phones_in, push_phones};

/// Words of a website footer: a phone label on such a line is the site's, not the letter's.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"版权|版權|ICP|备案|備案|主办|主辦|网站|網站|技术支持|Copyright|©|地址|邮箱").expect("footer regex")
});

/// The acknowledgement that opens the reply proper.
static BODY_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"收悉|答复如下").expect("body start regex"));

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, _hints: &Hints, out: &mut Fields) {
    out.contacts = find_contacts(&doc.text);
}

/// All contacts of a document, in order, without duplicates.
pub fn find_contacts(text: &str) -> Vec<Contact> {
    let lines = content_lines(text);
    // The line the reply proper starts on ([`body_line`]), found only when a nameless phone
    // asks for it: most documents have none.
    let mut body_line: Option<usize> = None;
    let mut label_lines = LabelLines::new(text);
    let mut contacts: Vec<Contact> = Vec::new();
    // Line index of the name label that made each contact.
    let mut contact_line: Vec<usize> = Vec::new();
    // Phones from a phone label that no name label claimed yet: (line index, role, phones).
    let mut pending: Option<(usize, String, Vec<String>)> = None;

    // A label ending its line with nothing after it (`联系人：`): its value is the next line.
    let mut awaiting: Option<(LabelKind, String)> = None;

    for (i, line) in lines.iter().enumerate() {
        // A line with value-ending labels only (地址：…, 传真：…) yields nothing but stops, which
        // matter only to a value awaited from the line before: only then is every line read.
        let mut found = if awaiting.is_some() || label_lines.may_have(text, offset_in(text, line), line) {
            labelled_values(line)
        } else {
            Vec::new()
        };
        match awaiting.take() {
            Some((kind, role)) if found.is_empty() => {
                let name = if kind == LabelKind::Name { leading_name(line) } else { None };
                found.push(Labelled { kind, role, name, phones: phones_in(line) });
            }
            _ => {}
        }
        if let Some(last) = found.last() {
            if last.kind != LabelKind::Stop && last.name.is_none() && last.phones.is_empty() {
                awaiting = Some((last.kind, last.role.clone()));
            }
        }
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
                    let near_prev = contact_line.last().is_some_and(|&at| i - at <= 2)
                        && !*footer_line.get_or_insert_with(|| FOOTER.is_match(line));
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
                flush_pending(&mut pending, text, &lines, &mut body_line, &mut contacts, &mut contact_line);
            }
        }
    }
    flush_pending(&mut pending, text, &lines, &mut body_line, &mut contacts, &mut contact_line);

    // One contact or none has no duplicate: no set to build.
    if contacts.len() < 2 {
        return contacts;
    }
    // Lookup only, never iterated: the order is the text's.
    let mut seen: HashSet<(Option<String>, Vec<String>)> = HashSet::new();
    contacts.into_iter().filter(|c| seen.insert((c.name.clone(), c.phones.clone()))).collect()
}

/// The non-blank lines of `text` as `str::lines` gives them (a `\r` before a `\n` dropped):
/// `text.lines().filter(|l| !l.trim().is_empty())`, with the line ends found by a SIMD search
/// and blanks told by bytes (that iterator cost ~7,000 instructions a document).
fn content_lines(text: &str) -> Vec<&str> {
    // sized once by a SIMD count of the line ends: growing it line by line copied it ~5 times
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    for (start, line) in line_scan::lines(text) {
        // only a line that a \n ends loses its \r
        let ended = start + line.len() < text.len();
        let line = if ended { line.strip_suffix('\r').unwrap_or(line) } else { line };
        if !line_scan::trim_layout_start(line, false).is_empty() {
            out.push(line);
        }
    }
    out
}

/// Byte offset of `line`, a slice of `text` (as `str::lines` gives), in `text`.
fn offset_in(text: &str, line: &str) -> usize {
    (line.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// The index in `lines` (the content lines of `text`) of the first line of the reply proper:
/// the line holding the first acknowledgement, 0 without one. A phone without a name above it
/// (a deputy's number in the quoted suggestion record) is not the reply's contact.
fn body_line(text: &str, lines: &[&str]) -> usize {
    // The first line holding the first match: one search of the text, not one per line.
    BODY_START
        .find(text)
        .and_then(|m| lines.iter().position(|l| offset_in(text, l) + l.len() > m.start()))
        .unwrap_or(0)
}

/// Turn unclaimed phones into a contact without a name, unless a footer surrounds them or
/// they sit above the reply proper (`body`, [`body_line`] computed on first use).
fn flush_pending(
    pending: &mut Option<(usize, String, Vec<String>)>,
    text: &str,
    lines: &[&str],
    body: &mut Option<usize>,
    contacts: &mut Vec<Contact>,
    contact_line: &mut Vec<usize>,
) {
    let Some((at, role, phones)) = pending.take() else { return };
    let lo = at.saturating_sub(1);
    let hi = (at + 2).min(lines.len());
    let footer = lines.get(lo..hi).unwrap_or(&[]).iter().any(|l| FOOTER.is_match(l));
    if !footer && at >= *body.get_or_insert_with(|| body_line(text, lines)) {
        contacts.push(Contact { role: Some(role), name: None, phones });
        contact_line.push(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_lines_same_as_the_lines_iterator() {
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(crate::extract::samples::real_dev_raw());
        texts.extend(
            ["", "\n", "a\r\nb", "a\r", "\r\n", " \u{3000}\nx", "x\n\r\ny\n", "a\rb\n\n", "\u{2003}\r\n联系人\r\n\r"]
                .map(String::from),
        );
        for text in &texts {
            let want: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let got = content_lines(text);
            assert_eq!(got, want, "{text:?}");
            // the same slices of the text, not copies: offsets are read from them
            assert!(got.iter().zip(&want).all(|(g, w)| g.as_ptr() == w.as_ptr()));
        }
    }

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
        let got: Vec<Option<String>> =
            find_contacts("联系人：张三 13800000001，李四 13900000002").into_iter().map(|c| c.name).collect();
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
        assert!(phones::phones_in("０８７６－３１２２０００－８０１６").is_empty());
    }

    #[test]
    fn full_width_phone_after_normalisation() {
        let doc = crate::normalize::normalize("联 系 人：张 雷 联系电话：５６１５５５２０");
        let (_, name, phones) = one(&doc.text);
        assert_eq!(name.as_deref(), Some("张雷"));
        assert_eq!(phones, ["56155520"]);
    }

    #[test]
    fn value_on_the_line_after_its_label() {
        let (role, name, phones) = one("联系人：\n    张  华   0731-5223344\n");
        assert_eq!((role.as_deref(), name.as_deref()), (Some("联系人"), Some("张华")));
        assert_eq!(phones, ["0731-5223344"]);
        let (_, name, phones) = one("联系人：李娜\n联系电话：\n13912345678");
        assert_eq!((name.as_deref(), phones), (Some("李娜"), vec!["13912345678".to_string()]));
    }

    #[test]
    fn a_nameless_phone_above_the_reply_is_not_a_contact() {
        let text = "建议号:201号\n领衔代表:伏正洪\n联系电话:13987654321\n内容:修路。\n伏正洪代表:\n你们提出的建议收悉,现答复如下:\n正文。\n联系电话:0876-7122804";
        let cs = find_contacts(text);
        assert_eq!(cs.len(), 1, "{cs:?}");
        assert_eq!(cs[0].phones, ["0876-7122804"]);
        assert_eq!(cs[0].role.as_deref(), Some("联系电话"));
    }

    #[test]
    fn contact_words_in_a_sentence_are_not_labels() {
        assert!(find_contacts("我局将密切联系人民群众，加强沟通。").is_empty());
    }

    /// A value awaited from a bare label is not taken from a line of value-ending labels (the
    /// line is read for its labels though no name or phone label is on it).
    #[test]
    fn an_awaited_value_is_not_read_from_an_address_line() {
        assert_eq!(find_contacts("联系人：\n地址：长沙市 13800000000\n正文。"), []);
        assert_eq!(find_contacts("联系人：\n传真 0731-1234567\n正文。"), []);
        let (_, name, phones) = one("联系人：\n张三 13800000000\n地址：长沙市");
        assert_eq!((name.as_deref(), phones), (Some("张三"), vec!["13800000000".to_string()]));
    }

    #[test]
    fn the_reply_starts_on_the_line_of_the_first_acknowledgement() {
        let text = "建议号:1\n\n电话:139\n现答复如下:\n来信收悉。";
        let lines = content_lines(text);
        assert_eq!(body_line(text, &lines), 2);
        let text = "你们的建议收悉,\n现答复如下:";
        assert_eq!(body_line(text, &content_lines(text)), 0);
        let text = "标题\n联系电话:139\n正文。";
        assert_eq!(body_line(text, &content_lines(text)), 0);
        // a nameless phone below the acknowledgement stays, one above it goes
        assert_eq!(find_contacts("电话:0731-1234567\n标题\n来信收悉。\n正文。\n电话:0731-7654321").len(), 1);
    }

    #[test]
    fn empty_form_fields_give_nothing() {
        assert!(find_contacts("  • 姓  名:\n\n  • 联系方式:\n\n  • *内  容:").is_empty());
    }
}
