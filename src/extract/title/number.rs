//! The proposal numbers of a sentence (第151号建议 · (72号) · 第 4 号), found by a hand-written
//! scan that yields what `captures_iter` of the regex
//! `(?:^|[^\d])第?\s*(?P<n>\d{1,10})\s*[号號]\s*(?:代表|委员|委員)?\s*(?P<kind>建议|提案|议案|意见|建議|議案|意見)?`
//! yields, in order (the oracle test keeps the regex).
//!
//! Why the scan is exact: a match starts at the text start (`^`) or on one non-digit; what
//! follows is decided by the next characters alone (第 is no space or digit, the digit run ends
//! at a non-digit so it is the whole run, the optional words are taken whenever present since
//! nothing after them can fail). Starts are tried left to right from where the last match
//! ended, `^` before `[^\d]` at the text start, as the regex engine does.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A number and the kind word right after it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Number<'a> {
    pub n: Range<usize>,
    pub kind: Option<&'a str>,
}

/// `\d` for characters outside ASCII (rare).
static DIGIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\d$").expect("digit regex"));

/// `\d`: any Unicode decimal digit, as the regex reads it.
fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        let mut buf = [0u8; 4];
        DIGIT.is_match(c.encode_utf8(&mut buf))
    }
}

const KINDS: [&str; 7] = ["建议", "提案", "议案", "意见", "建議", "議案", "意見"];
const ROLES: [&str; 3] = ["代表", "委员", "委員"];

/// `s[at..]` without its leading whitespace (`\s*`).
fn skip_ws(s: &str, at: usize) -> usize {
    s.get(at..).map_or(at, |r| at + (r.len() - r.trim_start().len()))
}

/// `第?\s*(?P<n>\d{1,10})\s*[号號]\s*(?:代表|委员|委員)?\s*(?P<kind>…)?` anchored at `at`.
fn number_at(s: &str, at: usize) -> Option<(Number<'_>, usize)> {
    let rest = s.get(at..)?;
    let at = if rest.starts_with('第') { at + '第'.len_utf8() } else { at };
    let start = skip_ws(s, at);
    let digits = s.get(start..)?;
    let len: usize = digits.chars().take_while(|&c| is_digit(c)).map(char::len_utf8).sum();
    let count = digits.get(..len)?.chars().count();
    if !(1..=10).contains(&count) {
        return None;
    }
    let end = skip_ws(s, start + len);
    let after = s.get(end..)?.strip_prefix(['号', '號'])?;
    let mut at = skip_ws(s, s.len() - after.len());
    if let Some(role) = ROLES.iter().find(|r| s.get(at..).is_some_and(|t| t.starts_with(*r))) {
        at += role.len();
    }
    let at = skip_ws(s, at);
    let kind = KINDS.iter().find(|k| s.get(at..).is_some_and(|t| t.starts_with(*k))).copied();
    let end = at + kind.map_or(0, str::len);
    Some((Number { n: start..start + len, kind: kind.and_then(|k| s.get(at..at + k.len())) }, end))
}

/// Every number of `s`, in order, as the regex's `captures_iter` finds them.
pub(super) fn numbers(s: &str) -> impl Iterator<Item = Number<'_>> {
    // every match holds 号/號
    let mut from = if s.contains(['号', '號']) { Some(0) } else { None };
    std::iter::from_fn(move || {
        let at = from?;
        let rest = s.get(at..)?;
        let found = (at == 0).then(|| number_at(s, 0)).flatten().or_else(|| {
            rest.char_indices().filter(|&(_, c)| !is_digit(c)).find_map(|(i, c)| number_at(s, at + i + c.len_utf8()))
        });
        match found {
            Some((n, end)) => {
                from = Some(end);
                Some(n)
            }
            None => {
                from = None;
                None
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d])第?\s*(?P<n>\d{1,10})\s*[号號]\s*(?:代表|委员|委員)?\s*(?P<kind>建议|提案|议案|意见|建議|議案|意見)?").unwrap()
    });

    fn by_regex(s: &str) -> Vec<Number<'_>> {
        ORACLE
            .captures_iter(s)
            .filter_map(|c| Some(Number { n: c.name("n")?.range(), kind: c.name("kind").map(|k| k.as_str()) }))
            .collect()
    }

    #[test]
    fn genre_numbers() {
        let s = "第151号建议的答复";
        let got: Vec<Number> = numbers(s).collect();
        assert_eq!(got, [Number { n: 3..6, kind: Some("建议") }]);
        let s = "建议(邵人建〔2024〕5号)第12号代表建议";
        let got: Vec<&str> = numbers(s).map(|n| &s[n.n]).collect();
        assert_eq!(got, ["5", "12"]);
        // a run right after a match's end has no non-digit before it: the regex skips it
        assert_eq!(numbers("1号2号").count(), 1);
        assert_eq!(numbers("没有").count(), 0);
    }

    /// The scan yields what the regex yields on every line of every fixture and real-dev text,
    /// and on tricky snippets.
    #[test]
    fn same_as_the_regex() {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
            lines.push(t);
        }
        for s in ["第 4 号", "12345678901号", "第1号第2号", "1号2号", "(72号)的答复", "第151号 委员 提案", "第１５号建议", "第\n5号", "号", ""] {
            lines.push(s.to_string());
        }
        let mut found = 0;
        for s in &lines {
            let want = by_regex(s);
            found += want.len();
            assert_eq!(numbers(s).collect::<Vec<_>>(), want, "{s:?}");
        }
        assert!(found > 100, "{found}");
    }

    proptest::proptest! {
        #[test]
        fn same_as_the_regex_on_any_mix(s in "[第号號1-3１ \n代表委员建议提案x]{0,30}") {
            proptest::prop_assert_eq!(numbers(&s).collect::<Vec<_>>(), by_regex(&s));
        }
    }
}
