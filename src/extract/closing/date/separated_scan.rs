//! A hand-written reader of SEPARATED's matches on a line (`2021.11.19`, `2024 - 1 - 5`): what
//! `SEPARATED.find_iter(line)` gives (the regex is kept in the tests), without a regex call per
//! line holding a year before a separator.
//!
//! After its four-digit year (spaces maybe) a match goes on with a -, . or /: for each separator
//! the only start is the four digits before the spaces before it, so separators read in order
//! give the starts in order. The month's digit run must end at spaces and a separator (no
//! backtracking finds another), the day takes up to two digits. The next search starts at the
//! end of a match, so the year of the next one lies after it.
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

use crate::extract::cursor::Cursor;

/// The (start, end) byte offsets of SEPARATED's matches in `line`, in order.
pub fn separated_matches(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    // where the regex's search starts, and where the next separator is looked for
    let (mut from, mut look) = (0, 0);
    while let Some(sep) = bytes.get(look..).and_then(|t| memchr::memchr3(b'-', b'.', b'/', t)).map(|k| look + k) {
        look = sep + 1;
        if let Some((start, end)) = match_at(line, from, sep) {
            out.push((start, end));
            (from, look) = (end, end);
        }
    }
    out
}

/// The match whose year stands before the separator at byte `sep`, no earlier than `from`.
fn match_at(line: &str, from: usize, sep: usize) -> Option<(usize, usize)> {
    // `([0-9]{4})\s*([-./])`
    let year_end = from + line.get(from..sep)?.trim_end().len();
    let start = year_end.checked_sub(4).filter(|&s| s >= from)?;
    if !line.get(start..year_end)?.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // `\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})`
    let mut c = Cursor::new(line);
    c.at = sep + 1;
    c.spaces();
    c.run_within(|ch| ch.is_ascii_digit(), 1..=2)?;
    c.spaces();
    c.one(|ch| matches!(ch, '-' | '.' | '/'))?;
    c.spaces();
    c.one(|ch| ch.is_ascii_digit())?;
    c.one(|ch| ch.is_ascii_digit());
    Some((start, c.at))
}

#[cfg(test)]
mod tests {
    use super::super::SEPARATED;
    use super::*;

    #[test]
    fn same_matches_as_the_regex() {
        let mut lines = crate::extract::samples::all_lines();
        lines.extend(
            [
                "2021.11.19", "2021 . 11 . 19", "2021/1/9", "2021-01-05 2022.3.4", "12024-1-5", "2021.111.5",
                "2021.1.123", "2021.1.12345-1-1", "2021.1.1.2022.2.2", "2021\u{3000}-\u{2003}1 /\t5", "2021-1-", "2021-1",
                "202-1-1", "x2021.1.1y", "2021.1.1/2021.2.2", "1.加快", "37.61万元", "http://a.cn/2024/01/05",
                "(2023-2025)", "20211.1.1", "2021..1.1", "2021.1..1", "2021.12.31-2022.1.1", "--2021-1-1", "",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            let want: Vec<(usize, usize)> = SEPARATED.find_iter(line).map(|m| (m.start(), m.end())).collect();
            assert_eq!(separated_matches(line), want, "{line:?}");
            found += want.len();
        }
        assert!(found > 40, "{found}");
    }
}
