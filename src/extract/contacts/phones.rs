//! Phone numbers in a labelled value: mobiles (+86, separators), landlines with the area code in
//! brackets or before a hyphen, dash or space, extensions, 0-prefixed runs and local numbers.

use super::phone_scan;
use crate::extract::cursor::Cursor;

/// Which alternative of the phone pattern ([`phone_scan`]) a match is, with the groups a landline's number is built from.
#[derive(Debug, PartialEq)]
enum Kind<'a> {
    Mobile,
    /// `area1`/`area2` and `num1`/`num2`.
    Landline { area: &'a str, num: &'a str },
    /// `run` or `local`: taken as written.
    Other,
}

/// The alternative of a phone match, told from its text: +86 or a separator in a number opening
/// with 1 is a mobile, as are 11 bare digits opening with 1 (a local number has 7 or 8); a
/// bracket or a separator after an 0 is a landline, whose area and number are the first and
/// last digit runs; other bare digits are a run or a local number.
fn kind(m: &str) -> Kind<'_> {
    let bare = m.bytes().all(|b| b.is_ascii_digit());
    if m.starts_with('+') || (m.starts_with('1') && (!bare || m.len() == 11)) {
        return Kind::Mobile;
    }
    if bare {
        return Kind::Other;
    }
    let mut runs = m.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty());
    match (runs.next(), runs.last()) {
        (Some(area), Some(num)) => Kind::Landline { area, num },
        _ => Kind::Other,
    }
}

/// The fewest ASCII digits a phone match holds: `[0-9]{7,8}`; the others hold 10 or more.
const MIN_PHONE_DIGITS: usize = 7;

/// An extension after a landline (`-8001`, `转8001`): what
/// `^\s*(?:[-—–－]|转|轉)\s*([0-9]{1,5})` captures (the regex is kept in the tests), read by hand:
/// the extension's digits and the end of the match.
fn extension(rest: &str) -> Option<(&str, usize)> {
    let mut c = Cursor::new(rest);
    c.spaces();
    c.one(|ch| matches!(ch, '-' | '—' | '–' | '－' | '转' | '轉'))?;
    c.spaces();
    let start = c.at;
    c.one(|ch| ch.is_ascii_digit())?;
    for _ in 1..5 {
        if c.one(|ch| ch.is_ascii_digit()).is_none() {
            break;
        }
    }
    Some((rest.get(start..c.at)?, c.at))
}

/// More phones than this under one person is not a contact line but a table or a list: the
/// cap keeps duplicate checks cheap on such input.
const MAX_PHONES: usize = 16;

pub fn push_phones(into: &mut Vec<String>, phones: Vec<String>) {
    for p in phones {
        if into.len() < MAX_PHONES && !into.contains(&p) {
            into.push(p);
        }
    }
}

/// Phones in a labelled value, normalised: mobiles as 11 digits, landlines as area-number(-ext).
pub fn phones_in(value: &str) -> Vec<String> {
    let mut phones = Vec::new();
    // Every alternative of the phone pattern holds at least 7 ASCII digits (a local number): values with
    // fewer (names, units) are told by a byte count instead of a regex search.
    if value.bytes().filter(u8::is_ascii_digit).count() < MIN_PHONE_DIGITS {
        return phones;
    }
    // Matches only: which alternative matched is read from the matched text ([`kind`]).
    for (start, end) in phone_scan::phones(value) {
        let matched = value.get(start..end).unwrap_or("");
        if phones.len() >= MAX_PHONES {
            break;
        }
        let digit_before =
            value.get(..start).and_then(|s| s.chars().next_back()).is_some_and(|c| c.is_ascii_digit());
        let rest = value.get(end..).unwrap_or("");
        if digit_before {
            continue;
        }
        let digit_next = rest.starts_with(|c: char| c.is_ascii_digit());
        // (strings built by pushes: `format!` and `collect` cost several times more)
        let phone = match kind(matched) {
            Kind::Mobile => {
                if digit_next {
                    continue;
                }
                let mut digits = String::with_capacity(matched.len());
                digits.extend(matched.bytes().filter(u8::is_ascii_digit).map(char::from));
                digits.strip_prefix("86").filter(|d| d.len() == 11).map(str::to_string).unwrap_or(digits)
            }
            Kind::Landline { area, num } => {
                let mut p = String::with_capacity(area.len() + num.len() + 7);
                p.push_str(area);
                p.push('-');
                p.push_str(num);
                if let Some((ext, ext_end)) = extension(rest) {
                    if !rest.get(ext_end..).unwrap_or("").starts_with(|c: char| c.is_ascii_digit()) {
                        p.push('-');
                        p.push_str(ext);
                    }
                } else if digit_next {
                    continue;
                }
                p
            }
            Kind::Other => {
                if digit_next {
                    continue;
                }
                matched.to_string()
            }
        };
        if !phones.contains(&phone) {
            phones.push(phone);
        }
    }
    phones
}

#[cfg(test)]
mod tests {
    use super::phone_scan::tests::PHONE;
    use super::*;
    use regex::Regex;

    /// The alternative and groups as the capture search read them.
    fn kind_plain<'a>(caps: &regex::Captures<'a>) -> Kind<'a> {
        if caps.name("mobile").is_some() {
            return Kind::Mobile;
        }
        match (caps.name("area1").or(caps.name("area2")), caps.name("num1").or(caps.name("num2"))) {
            (Some(area), Some(num)) => Kind::Landline { area: area.as_str(), num: num.as_str() },
            _ => Kind::Other,
        }
    }

    #[test]
    fn kinds_read_from_the_match_as_the_captures_read_them() {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(
            [
                "+86 158-4298-6508", "+ 8615842986508", "158 4298 6508", "15842986508", "1584298650", "12345678", "1234567",
                "（0731） － 12345678", "(010)37283893", "0730-6231642", "0876—7122073", "0731  1234567", "0731－－1234567",
                "09092288759", "0909228875", "01234567", "0123456789012", "1\u{2003}5842986508", "１５８",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            for caps in PHONE.captures_iter(line) {
                let all = caps.get(0).unwrap();
                assert_eq!(kind(all.as_str()), kind_plain(&caps), "{line:?}");
                found += 1;
            }
        }
        assert!(found > 50, "{found}");
    }

    /// The digit count before the search drops no phone: every match holds 7 digits or more.
    #[test]
    fn every_phone_match_holds_seven_digits() {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(["1234567", "(010)1234567", "0731 1234567", "+86 158-4298-6508", "123456", "0731-123456"].map(String::from));
        let mut found = 0;
        for line in &lines {
            for m in PHONE.find_iter(line) {
                assert!(m.as_str().bytes().filter(u8::is_ascii_digit).count() >= MIN_PHONE_DIGITS, "{line:?}");
                found += 1;
            }
        }
        assert!(found > 50, "{found}");
        assert!(phones_in("123456").is_empty());
        assert_eq!(phones_in("电话1234567"), ["1234567"]);
    }

    #[test]
    fn extension_read_as_the_regex_captures_it() {
        let extension_re = Regex::new(r"^\s*(?:[-—–－]|转|轉)\s*([0-9]{1,5})").unwrap();
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        // every suffix after a digit, where an extension is looked for
        let mut hays: Vec<String> = lines
            .iter()
            .flat_map(|l| l.char_indices().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| l[i + 1..].to_string()).collect::<Vec<_>>())
            .collect();
        hays.extend(
            ["-8001", "转8001", "轉 12", " — 123456", "\u{3000}－\u{2003}1", "-", "转", "- x", "—", "8001", "--1", "–12345", "－123456789", ""]
                .map(String::from),
        );
        let mut found = 0;
        for h in &hays {
            let want = extension_re.captures(h).map(|c| (c.get(1).unwrap().as_str(), c.get(0).unwrap().end()));
            assert_eq!(extension(h), want, "{h:?}");
            found += usize::from(want.is_some());
        }
        assert!(found > 20, "{found}");
    }

    #[test]
    fn each_phone_form_normalised() {
        assert_eq!(phones_in(" 0730-6231642"), ["0730-6231642"]);
        assert_eq!(phones_in("0876—7122073"), ["0876-7122073"]);
        assert_eq!(phones_in("0739-5362000-8001"), ["0739-5362000-8001"]);
        assert_eq!(phones_in("0739-5362000转8001"), ["0739-5362000-8001"]);
        assert_eq!(phones_in("(010)37283893"), ["010-37283893"]);
        assert_eq!(phones_in("+86 158-4298-6508"), ["15842986508"]);
        assert_eq!(phones_in("09092288759"), ["09092288759"]);
        assert_eq!(phones_in("8788586"), ["8788586"]);
    }

    #[test]
    fn digit_runs_that_are_not_phones() {
        assert!(phones_in("400711").is_empty());
        assert!(phones_in("110101199003071234").is_empty());
        assert!(phones_in("湘ICP备1234567890号").is_empty());
    }
}
