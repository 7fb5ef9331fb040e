//! The parts of a line that opens with a 文号 (`建议字:邵市发改函〔2024〕77号B …`), read by a
//! hand-written scan instead of an anchored regex with captures over `\p{Han}` classes, which
//! cost thousands of instructions per line. The regex it replaces (kept in the oracle test):
//!
//! `^[\s|]*(?:(?P<label>[\p{Han} ]{1,8})[:：]\s*)?(?P<code>[\p{Han}A-Za-z]{1,14})?\s*(?P<open>[〔\[（(【﹝［〈<{])\s*(?P<year>\d{4})\s*(?P<close>[〕\]）)】﹞］〉>}])\s*(?P<zi>字)?\s*(?P<di>第)?\s*(?P<serial>\d{1,6})\s*(?P<hao>[号號])(?P<cls>[A-Da-d][0-9]?(?:类)?)?(?P<rest>.*)$`
//!
//! Why a left-to-right scan reads the same parts: each element is a run of one class followed by
//! a character outside it (a label ends at its colon, a code at a space or bracket, the year and
//! serial at a non-digit), so the greedy choice is the only one that can go on to match; the
//! one case where backtracking finds another match (fewer leading spaces, so that the label is
//! spaces only) yields an empty label, which the caller rejects like no match at all
//! ([`super::doc_number::parse_line`] drops labels not ending in 字/号).

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::cursor::Cursor;

/// The parts the regex captured.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Parts<'a> {
    pub label: Option<&'a str>,
    pub code: Option<&'a str>,
    pub open: &'a str,
    pub year: &'a str,
    pub close: &'a str,
    pub zi: bool,
    pub di: bool,
    pub serial: &'a str,
    pub hao: &'a str,
    pub cls: Option<&'a str>,
    pub rest: &'a str,
}

/// `\p{Han}` and `\d` for the characters outside the fast ranges (rare in this genre's lines).
static HAN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\p{Han}$").expect("han regex"));
static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d$").expect("digit regex"));

fn one_char_matches(re: &Regex, c: char) -> bool {
    let mut buf = [0u8; 4];
    re.is_match(c.encode_utf8(&mut buf))
}

/// `\p{Han}`: the CJK Unified Ideographs block is wholly Han, ASCII never is, nor are the
/// punctuation every 文号 line holds (General Punctuation, the brackets and marks of CJK
/// Symbols and Punctuation, Halfwidth and Fullwidth Forms: checked against the regex on every
/// character of these blocks).
pub(super) fn is_han(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        _ if c.is_ascii() => false,
        '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{FF00}'..='\u{FFEF}' => false,
        _ => one_char_matches(&HAN, c),
    }
}

/// `\d` (any Unicode decimal digit, as the regex reads it). Han characters and the punctuation
/// around a 文号 are none (checked against the regex on every character of those blocks).
fn is_digit(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_digit(),
        '\u{4E00}'..='\u{9FFF}' | '\u{2000}'..='\u{206F}' | '\u{3000}'..='\u{303F}' | '\u{FF20}'..='\u{FFEF}' => false,
        _ => one_char_matches(&DIGIT, c),
    }
}

/// The parts of `line`, if it opens with a 文号.
pub(super) fn scan(line: &str) -> Option<Parts<'_>> {
    let mut c = Cursor::new(line);
    c.run(|ch| ch.is_whitespace() || ch == '|');
    // the label: a run of Han and spaces closed by a colon
    let label_start = c.at;
    let label = match c.run_within(|ch| is_han(ch) || ch == ' ', 1..=8) {
        Some(l) if c.one(|ch| matches!(ch, ':' | '：')).is_some() => {
            c.run(char::is_whitespace);
            Some(l)
        }
        _ => {
            c.at = label_start;
            None
        }
    };
    let code_start = c.at;
    let code_len = c.run(|ch| is_han(ch) || ch.is_ascii_alphabetic());
    // a code longer than 14 cannot be cut shorter: a Han character or letter follows
    if code_len > 14 {
        return None;
    }
    let code = (code_len > 0).then(|| line.get(code_start..c.at)).flatten();
    c.run(char::is_whitespace);
    let open = c.one(|ch| matches!(ch, '〔' | '[' | '（' | '(' | '【' | '﹝' | '［' | '〈' | '<' | '{'))?;
    c.run(char::is_whitespace);
    let year = c.run_within(is_digit, 4..=4)?;
    c.run(char::is_whitespace);
    let close = c.one(|ch| matches!(ch, '〕' | ']' | '）' | ')' | '】' | '﹞' | '］' | '〉' | '>' | '}'))?;
    c.run(char::is_whitespace);
    let zi = c.one(|ch| ch == '字').is_some();
    c.run(char::is_whitespace);
    let di = c.one(|ch| ch == '第').is_some();
    c.run(char::is_whitespace);
    let serial = c.run_within(is_digit, 1..=6)?;
    c.run(char::is_whitespace);
    let hao = c.one(|ch| matches!(ch, '号' | '號'))?;
    let cls_start = c.at;
    let cls = c.one(|ch| matches!(ch, 'A'..='D' | 'a'..='d')).map(|_| {
        c.one(|ch| ch.is_ascii_digit());
        c.one(|ch| ch == '类');
        line.get(cls_start..c.at).unwrap_or_default()
    });
    // `.*$`: the rest of the text, on the same line
    let rest = line.get(c.at..)?;
    if rest.contains('\n') {
        return None;
    }
    Some(Parts { label, code, open, year, close, zi, di, serial, hao, cls, rest })
}

#[cfg(test)]
mod tests {
    use super::*;

    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s|]*(?:(?P<label>[\p{Han} ]{1,8})[:：]\s*)?(?P<code>[\p{Han}A-Za-z]{1,14})?\s*(?P<open>[〔\[（(【﹝［〈<{])\s*(?P<year>\d{4})\s*(?P<close>[〕\]）)】﹞］〉>}])\s*(?P<zi>字)?\s*(?P<di>第)?\s*(?P<serial>\d{1,6})\s*(?P<hao>[号號])(?P<cls>[A-Da-d][0-9]?(?:类)?)?(?P<rest>.*)$").unwrap()
    });

    /// What the regex captured, with a label of spaces only read as no match (the caller
    /// rejects such a label, see the module comment).
    fn by_regex(s: &str) -> Option<Parts<'_>> {
        let c = ORACLE.captures(s)?;
        let label = c.name("label").map(|m| m.as_str());
        if label.is_some_and(|l| l.trim_matches(' ').is_empty()) {
            return None;
        }
        Some(Parts {
            label,
            code: c.name("code").map(|m| m.as_str()),
            open: c.name("open")?.as_str(),
            year: c.name("year")?.as_str(),
            close: c.name("close")?.as_str(),
            zi: c.name("zi").is_some(),
            di: c.name("di").is_some(),
            serial: c.name("serial")?.as_str(),
            hao: c.name("hao")?.as_str(),
            cls: c.name("cls").map(|m| m.as_str()),
            rest: c.name("rest")?.as_str(),
        })
    }

    #[test]
    fn genre_lines() {
        let p = scan("建议字:邵市发改函〔2024〕77号B 签发人").unwrap();
        assert_eq!((p.label, p.code, p.year, p.serial, p.cls, p.rest), (Some("建议字"), Some("邵市发改函"), "2024", "77", Some("B"), " 签发人"));
        let p = scan("  X市财发 ( 1992 ) 字 第 36 號").unwrap();
        assert_eq!((p.code, p.open, p.close, p.zi, p.di, p.serial, p.hao), (Some("X市财发"), "(", ")", true, true, "36", "號"));
        assert_eq!(scan("对市十七届人大三次会议第18号建议的答复"), None);
        assert_eq!(scan("一二三四五六七八九十一二三四五〔2024〕7号"), None);
        assert!(scan("一二三四五六七八九十一二三四〔2024〕7号").is_some());
        // a label of spaces only: the regex matches, the caller would reject it
        assert_eq!(scan("   ：〔2024〕7号"), None);
        assert!(ORACLE.is_match("   ：〔2024〕7号"));
    }

    /// The scan reads what the regex reads on every line of every fixture (and each line with
    /// leading layout), on every cell after a layout gap, on real-dev texts when present, and on
    /// tricky snippets.
    #[test]
    fn same_as_the_regex() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        let cells: Vec<String> = lines.iter().flat_map(|l| l.split("  ").map(str::to_string).collect::<Vec<_>>()).collect();
        lines.extend(cells);
        for s in [
            "邵市发改函〔2024〕77号",
            "发 文 字 号 ：邵市发改函〔2024〕77号",
            "|  文号：〔2024〕077号（A类）",
            "发文字号：一二三四五六七八九〔2024〕7号",
            "一二三四五六七八九：〔2024〕7号",
            "邵市发改函〔２０２４〕７７号",
            "邵市发改函〔2024〕77号c1类其他",
            "邵市发改函〔20245〕77号",
            "邵市发改函〔2024〕1234567号",
            "邵市发改函〔2024〕77号\n下一行",
            "邵市发改函\n〔2024〕77号",
            "ABC〔2024〕7号",
            "〆々〇〔2024〕7号",
            "㐀㐁〔2024〕7号",
            " | : 〔2024〕7号",
            "",
        ] {
            lines.push(s.to_string());
        }
        let mut found = 0;
        for s in &lines {
            let want = by_regex(s);
            found += usize::from(want.is_some());
            assert_eq!(scan(s), want, "{s:?}");
        }
        assert!(found > 30, "{found}");
    }

    /// The fast answers of [`is_han`] and [`is_digit`] are the regex's, on every character of
    /// the blocks they answer for without it (and the rest of the Basic Multilingual Plane).
    #[test]
    fn han_and_digit_as_the_regex_on_every_bmp_character() {
        let han = Regex::new(r"^\p{Han}$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let (mut hans, mut digits) = (0, 0);
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| !c.is_control() || c.is_ascii()) {
            let s = c.to_string();
            assert_eq!(is_han(c), han.is_match(&s), "{c:?}");
            assert_eq!(is_digit(c), digit.is_match(&s), "{c:?}");
            hans += usize::from(is_han(c));
            digits += usize::from(is_digit(c));
        }
        assert!(hans > 20_000 && digits > 100, "{hans} {digits}");
        assert!(is_han('々') && is_han('〇') && !is_han('〔') && !is_han('：') && is_digit('２') && !is_digit('〇'));
    }

    proptest::proptest! {
        #[test]
        fn same_as_the_regex_on_any_mix(s in "[ |:：建议字文号邵市A-Da-z〔〕()（）【】0-9２第號类\t\u{3000}\n]{0,30}") {
            proptest::prop_assert_eq!(scan(&s), by_regex(&s));
        }
    }
}
