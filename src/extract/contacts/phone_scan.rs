//! Where the phone numbers of a labelled value are: the matches of the phone pattern (kept as a
//! regex in the tests, [`tests::PHONE`]), found by a hand-written scanner. The regex's lazy DFA
//! kept building states on every short value (~3K instructions a search); each alternative of
//! the pattern is read here by bytes, in the order the regex prefers them.
//!
//! The pattern, leftmost-first like the regex crate (`\s` is `char::is_whitespace`):
//! 1. mobile   `(?:\+\s*86[\s-]*)?1[3-9][0-9](?:[\s-]?[0-9]){8}`
//! 2. landline `[(（]\s*0[0-9]{2,3}\s*[)）]\s*[-—–－]?\s*[0-9]{7,8}`
//! 3. landline `0[0-9]{2,3}(?:\s*[-—–－]+\s*|\s+)[0-9]{7,8}`
//! 4. run      `0[0-9]{9,11}`
//! 5. local    `[0-9]{7,8}`
//!
//! None of them needs backtracking beyond a choice between alternatives: every repeated piece
//! is followed by a piece its class cannot hold (spaces before a digit, an area code before a
//! separator), so taking the whole run is the only way on; each reader below says why.

use crate::extract::line_scan::space_at;

/// The next phone match at or after byte `from` of `value`: (start, end), what
/// `PHONE.find_at(value, from)` gives.
pub fn next_phone(value: &str, from: usize) -> Option<(usize, usize)> {
    let b = value.as_bytes();
    let mut i = from;
    while let Some(&c) = b.get(i) {
        // a match opens with a digit, `+`, `(` or `（` (EF BC 88): other bytes are stepped over
        let end = match c {
            b'0'..=b'9' | b'+' | b'(' | 0xEF => at(b, i),
            _ => None,
        };
        if let Some(end) = end {
            return Some((i, end));
        }
        i += 1;
    }
    None
}

/// Every phone match of `value`, in order: what `PHONE.find_iter(value)` gives.
pub fn phones(value: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, end) = next_phone(value, from)?;
        // matches are never empty: the search goes on after this one
        from = end;
        Some((start, end))
    })
}

/// The end of the match starting at byte `i`, the alternatives tried in the regex's order.
fn at(b: &[u8], i: usize) -> Option<usize> {
    mobile(b, i).or_else(|| bracketed(b, i)).or_else(|| area_first(b, i)).or_else(|| run(b, i)).or_else(|| local(b, i))
}

fn digit(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

/// How many ASCII digits stand at `i`, counting no further than `max`.
fn digits(b: &[u8], i: usize, max: usize) -> usize {
    (0..max).take_while(|&k| digit(b, i + k)).count()
}

/// Past the whitespace at `i` (`\s*`).
fn spaces(b: &[u8], mut i: usize) -> usize {
    loop {
        match space_at(b, i) {
            0 => return i,
            n => i += n,
        }
    }
}

/// The length of the dash `[-—–－]` at `i` (- U+2014 U+2013 U+FF0D), 0 when none.
fn dash(b: &[u8], i: usize) -> usize {
    match b.get(i..) {
        Some([b'-', ..]) => 1,
        Some([0xE2, 0x80, 0x93 | 0x94, ..] | [0xEF, 0xBC, 0x8D, ..]) => 3,
        _ => 0,
    }
}

/// The length of `[\s-]` at `i`, 0 when none.
fn space_or_hyphen(b: &[u8], i: usize) -> usize {
    if b.get(i) == Some(&b'-') {
        1
    } else {
        space_at(b, i)
    }
}

/// `[0-9]{7,8}` at `i`, greedy: its end.
fn number(b: &[u8], i: usize) -> Option<usize> {
    let n = digits(b, i, 8);
    (n >= 7).then_some(i + n)
}

/// Alternative 1. The spaces before 86 and the `[\s-]*` before the 1 are followed by a digit
/// they cannot hold; in `(?:[\s-]?[0-9]){8}` a separator taken must be followed by a digit, and
/// leaving it untaken puts a separator where a digit must be. Without the +86 prefix the match
/// must open with the 1 at `i`.
fn mobile(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    if b.get(j) == Some(&b'+') {
        j = spaces(b, j + 1);
        if b.get(j..j + 2) != Some(b"86") {
            return None;
        }
        j += 2;
        loop {
            match space_or_hyphen(b, j) {
                0 => break,
                n => j += n,
            }
        }
    }
    if b.get(j) != Some(&b'1') || !b.get(j + 1).is_some_and(|d| (b'3'..=b'9').contains(d)) || !digit(b, j + 2) {
        return None;
    }
    j += 3;
    for _ in 0..8 {
        let sep = space_or_hyphen(b, j);
        if sep > 0 && digit(b, j + sep) {
            j += sep + 1;
        } else if digit(b, j) {
            j += 1;
        } else {
            return None;
        }
    }
    Some(j)
}

/// Alternative 2. The area's `[0-9]{2,3}` must be followed by a space or a closing bracket, so
/// with a fourth digit there neither 3 nor 2 digits do; the spaces and the optional dash before
/// the number are followed by a digit they cannot hold.
fn bracketed(b: &[u8], i: usize) -> Option<usize> {
    let open = match b.get(i..) {
        Some([b'(', ..]) => 1,
        Some([0xEF, 0xBC, 0x88, ..]) => 3,
        _ => return None,
    };
    let mut j = spaces(b, i + open);
    if b.get(j) != Some(&b'0') {
        return None;
    }
    let area = digits(b, j + 1, 3);
    if area < 2 {
        return None;
    }
    j = spaces(b, j + 1 + area);
    j += match b.get(j..) {
        Some([b')', ..]) => 1,
        Some([0xEF, 0xBC, 0x89, ..]) => 3,
        _ => return None,
    };
    j = spaces(b, j);
    j = spaces(b, j + dash(b, j));
    number(b, j)
}

/// Alternative 3. The area's digits must be followed by a space or a dash (see
/// [`bracketed`]). Of the separators, `\s*[-—–－]+\s*` is tried first and takes the whole
/// run of spaces, dashes and spaces; when a dash follows the spaces and no number follows the
/// run, `\s+` cannot do better (the dash stands where a digit must be).
fn area_first(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'0') {
        return None;
    }
    let area = digits(b, i + 1, 3);
    if area < 2 {
        return None;
    }
    let after_area = i + 1 + area;
    let mut j = spaces(b, after_area);
    if dash(b, j) > 0 {
        loop {
            match dash(b, j) {
                0 => break,
                n => j += n,
            }
        }
        j = spaces(b, j);
    } else if j == after_area {
        return None;
    }
    number(b, j)
}

/// Alternative 4: `0[0-9]{9,11}`, greedy.
fn run(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'0') {
        return None;
    }
    let n = digits(b, i + 1, 11);
    (n >= 9).then_some(i + 1 + n)
}

/// Alternative 5: `[0-9]{7,8}`, greedy.
fn local(b: &[u8], i: usize) -> Option<usize> {
    number(b, i)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regex::Regex;

    use super::*;

    /// The pattern the scanner stands in for, as the extractor had it.
    pub(crate) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?P<mobile>(?:\+\s*86[\s-]*)?1[3-9][0-9](?:[\s-]?[0-9]){8})",
            r"|[(（]\s*(?P<area1>0[0-9]{2,3})\s*[)）]\s*[-—–－]?\s*(?P<num1>[0-9]{7,8})",
            r"|(?P<area2>0[0-9]{2,3})(?:\s*[-—–－]+\s*|\s+)(?P<num2>[0-9]{7,8})",
            r"|(?P<run>0[0-9]{9,11})",
            r"|(?P<local>[0-9]{7,8})",
        ))
        .unwrap()
    });

    fn by_regex(s: &str) -> Vec<(usize, usize)> {
        PHONE.find_iter(s).map(|m| (m.start(), m.end())).collect()
    }

    /// Every fixture and real-dev line, each prefix and suffix of them (a labelled value is a
    /// piece of a line, cut at a label or a list separator), and tricky snippets.
    fn haystacks() -> Vec<String> {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(TRICKY.map(String::from));
        let mut hays = Vec::new();
        for l in lines.iter().filter(|l| l.bytes().any(|b| b.is_ascii_digit())) {
            for (i, _) in l.char_indices() {
                hays.push(l[i..].to_string());
                hays.push(l[..i].to_string());
            }
        }
        hays.extend(lines);
        hays
    }

    const TRICKY: [&str; 40] = [
        "+86 158-4298-6508",
        "+ 8615842986508",
        "+86--  158 4298 6508",
        "+8612345678901",
        "+86 1584298650",
        "+15842986508",
        "158 4298 6508",
        "158--42986508",
        "1584298650 8",
        "15842986508",
        "12345678",
        "1234567",
        "（0731） － 12345678",
        "( 0731 )12345678",
        "(07311)12345678",
        "(07)12345678",
        "（0731）——12345678",
        "(010)37283893",
        "(010)3728389",
        "0730-6231642",
        "0876—7122073",
        "0731  1234567",
        "0731－－1234567",
        "0731 - - 1234567",
        "0731 -x 1234567",
        "07311-1234567",
        "073 12345678",
        "09092288759",
        "0909228875",
        "0123456789012",
        "1\u{2003}5842986508",
        "１５８４２９８６５０８",
        "０８７６－３１２２０００－８０１６",
        "电话：0739-5362000转8001；13912345678",
        "联系人：张三 0731-88888888、0731-88888889，13912345678",
        "\u{3000}0731\u{3000}\u{3000}1234567",
        "0731\u{a0}-\u{2028}1234567",
        "(0731)\u{3000}—\u{3000}123456789",
        "传真：(0731)8888888 邮编：410000",
        "0731-（8888888）",
    ];

    #[test]
    fn same_matches_as_the_regex_on_genre_text() {
        let mut found = 0;
        for h in &haystacks() {
            let want = by_regex(h);
            assert_eq!(phones(h).collect::<Vec<_>>(), want, "{h:?}");
            found += want.len();
        }
        assert!(found > 1000, "{found}");
    }

    /// Pieces phone-like text is made of: ASCII and full-width digits, dashes, brackets,
    /// spaces, +86, extensions.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "[0-9]{1,12}",
            1 => "[０-９]{1,4}",
            1 => prop::sample::select(vec![
                "-", "—", "–", "－", "--", "(", ")", "（", "）", " ", "  ", "\u{3000}", "\u{a0}", "\t", "+", "+86",
                "+ 86 ", "86", "转", "轉", "ext", "x", "电话：", "、", "，", "；", "01", "0731", "1", "13", "0",
            ])
            .prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn same_matches_as_the_regex_on_phone_like_strings(pieces in prop::collection::vec(piece(), 1..10)) {
            let s: String = pieces.concat();
            prop_assert_eq!(phones(&s).collect::<Vec<_>>(), by_regex(&s));
        }
    }

    #[test]
    fn each_alternative_found_where_the_regex_finds_it() {
        assert_eq!(phones("电话：+86 158-4298-6508").collect::<Vec<_>>(), [(9, 26)]);
        assert_eq!(phones("（0731） － 12345678").collect::<Vec<_>>(), [(0, 23)]);
        assert_eq!(phones("0731  1234567").collect::<Vec<_>>(), [(0, 13)]);
        assert_eq!(phones("09092288759").collect::<Vec<_>>(), [(0, 11)]);
        assert_eq!(phones("x8788586y").collect::<Vec<_>>(), [(1, 8)]);
        // a fourth area digit: no landline, the run is read as a local number
        assert_eq!(phones("07311-1234567").collect::<Vec<_>>(), [(6, 13)]);
        assert!(phones("123456 ０８７６－３１２２０００").next().is_none());
    }
}
