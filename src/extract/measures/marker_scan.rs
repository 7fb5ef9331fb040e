//! Hand-written readers of the section-number patterns at the start of a line, each giving what
//! its regex (kept in the tests) captures: the number as written and the marker's byte length.
//! A line of every document goes through them, and a capture search per line cost far more.
//!
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

use crate::extract::cursor::Cursor;

/// What a marker pattern captures: the number as written, the mark after it (ARABIC's second
/// group, else empty), and the byte length of the whole match.
#[derive(Debug, PartialEq)]
pub struct Read<'a> {
    pub number: &'a str,
    pub mark: &'a str,
    pub len: usize,
}

/// The characters a Chinese section number is written with (一 … 十).
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn is_mark(c: char) -> bool {
    matches!(c, '、' | '.' | '．')
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')')
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// `^([一二三四五六七八九十]{1,3})\s*[、.．]`
pub fn chinese(line: &str) -> Option<Read<'_>> {
    let mut c = Cursor::new(line);
    let number = c.run_within(is_chinese_numeral, 1..=3)?;
    c.spaces();
    c.one(is_mark)?;
    Some(Read {
        number,
        mark: "",
        len: c.at,
    })
}

/// `^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?`
pub fn paren_chinese(line: &str) -> Option<Read<'_>> {
    in_brackets(line, true, is_chinese_numeral, 3)
}

/// `^[（(]?\s*([0-9]{1,2})\s*[）)]\s*[、.．]?` (without the bracket nothing else could open the
/// match: a bracket is neither a space nor a digit).
pub fn paren_arabic(line: &str) -> Option<Read<'_>> {
    in_brackets(line, false, is_digit, 2)
}

/// A number of 1..=`max` characters of `numeral` closed by a bracket (opened by one, which
/// `open_required` says whether the pattern needs), then an optional mark.
fn in_brackets(line: &str, open_required: bool, numeral: fn(char) -> bool, max: usize) -> Option<Read<'_>> {
    let mut c = Cursor::new(line);
    let opened = c.one(is_open).is_some();
    if open_required && !opened {
        return None;
    }
    c.spaces();
    let number = c.run_within(numeral, 1..=max)?;
    c.spaces();
    c.one(is_close)?;
    c.spaces();
    c.one(is_mark);
    Some(Read {
        number,
        mark: "",
        len: c.at,
    })
}

/// `^([0-9]{1,2})\s*([、.．])`
pub fn arabic(line: &str) -> Option<Read<'_>> {
    let mut c = Cursor::new(line);
    let number = c.run_within(is_digit, 1..=2)?;
    c.spaces();
    let mark = c.one(is_mark)?;
    Some(Read {
        number,
        mark,
        len: c.at,
    })
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::{Captures, Regex};

    use super::*;

    /// The patterns as they were.
    static CHINESE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([一二三四五六七八九十]{1,3})\s*[、.．]").unwrap());
    static PAREN_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*[、.．]?").unwrap()
    });
    static ARABIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([0-9]{1,2})\s*([、.．])").unwrap());
    static PAREN_ARABIC: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[（(]?\s*([0-9]{1,2})\s*[）)]\s*[、.．]?").unwrap());

    fn read<'a>(c: Captures<'a>) -> Read<'a> {
        Read {
            number: c.get(1).unwrap().as_str(),
            mark: c.get(2).map_or("", |m| m.as_str()),
            len: c.get(0).unwrap().end(),
        }
    }

    #[test]
    fn every_reader_captures_what_its_regex_captures() {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(
            [
                "一、",
                "十十、",
                "（十十）",
                "( 3 )、",
                " (一)",
                "\u{3000}1.",
                "12）",
                "0、",
                "1.5亿元",
                "（1",
                "（一",
                "",
                "一二三四、",
                "一二三 、",
                "123、",
                "12 ）",
                "12\u{3000}．",
                "1 2、",
                "一是",
                "2024年",
                "（ 一 ） \u{2003}、正文",
                "(12) 正文",
                "（三）\n、",
                "1\n.",
                "３．",
                "(1)(2)",
                "（一二三四）",
                "十\u{205f}．",
                "(",
                "1",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            let pairs: [(Option<Read>, &Regex); 4] = [
                (chinese(line), &CHINESE),
                (paren_chinese(line), &PAREN_CHINESE),
                (paren_arabic(line), &PAREN_ARABIC),
                (arabic(line), &ARABIC),
            ];
            for (got, re) in pairs {
                let want = re.captures(line).map(read);
                found += usize::from(want.is_some());
                assert_eq!(got, want, "{re} on {line:?}");
            }
        }
        // The fixture lines alone hold ~195 section numbers; real-dev adds more when present.
        assert!(found > 150, "{found}");
    }
}
