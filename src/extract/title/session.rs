//! The session phrase of a proposal (`第十七届…第三次会议`), found by a hand-written scan that
//! returns exactly what the regex
//! `第?(?P<term>[N]{1,4})[届屆](?P<mid>[^，。,;；:：“”《》\n]{0,14}?)第?(?P<sess>[N]{1,3})次(?:全体|全體)?(?:会议|會議)`
//! (N: [`crate::extract::cn_num::NUMERAL_CLASS`]) finds, without running a regex with captures over every title and
//! acknowledgement (the oracle test below keeps the regex and checks the scan against it).
//!
//! Why the scan is exact: every part of the pattern is decided by the next characters alone.
//! - `第?` then a numeral run: 第 is no numeral, so the run starts right after it (or at the
//!   start); a run longer than the bound cannot be followed by 届/次, so the run is the whole run.
//! - the lazy `mid` tries lengths 0, 1, 2 … 14 in that order and stops at a character it may not
//!   hold; at each length the rest (`第?` numerals 次 …会议) either matches or not.
//! - leftmost-first: starts are tried left to right, the first start with a match wins.

use std::ops::Range;

#[cfg(test)]
use crate::extract::cn_num::NUMERAL_CLASS;

/// What the session regex captures: the whole match, the term, the text between, the session.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Session {
    pub all: Range<usize>,
    pub term: Range<usize>,
    pub mid: Range<usize>,
    pub sess: Range<usize>,
}

/// At most this many characters between 届 and the session's numerals.
const MID_MAX: usize = 14;

fn is_numeral(c: char) -> bool {
    // the class is `0-9` followed by single characters (a test checks this list against it);
    // tried on every character of a phrase, so a `match` rather than a search of the class text
    matches!(
        c,
        '0'..='9'
            | '〇' | '零' | '○' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '壹' | '贰'
            | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟'
    )
}

/// A character `mid` may hold.
fn is_mid(c: char) -> bool {
    !matches!(c, '，' | '。' | ',' | ';' | '；' | ':' | '：' | '“' | '”' | '《' | '》' | '\n')
}

/// The end of the run of numerals starting at `at`, if it holds 1..=`max` of them.
fn numerals(s: &str, at: usize, max: usize) -> Option<usize> {
    let rest = s.get(at..)?;
    let mut count = 0;
    let mut end = at;
    for c in rest.chars() {
        if !is_numeral(c) {
            break;
        }
        count += 1;
        end += c.len_utf8();
    }
    (1..=max).contains(&count).then_some(end)
}

/// `第?[N]{1,3}次(?:全体|全體)?(?:会议|會議)` anchored at `at`: the session's range and the end.
fn session_at(s: &str, at: usize) -> Option<(Range<usize>, usize)> {
    let rest = s.get(at..)?;
    // with 第 taken first; without it the numerals would have to start at 第, which is none
    let start = if rest.starts_with('第') { at + '第'.len_utf8() } else { at };
    let end = numerals(s, start, 3)?;
    let mut after = s.get(end..)?.strip_prefix('次')?;
    if let Some(r) = after.strip_prefix("全体").or_else(|| after.strip_prefix("全體")) {
        // the optional group taken; leaving it out would need 会议 at 全, which cannot be
        after = r;
    }
    let after = after.strip_prefix("会议").or_else(|| after.strip_prefix("會議"))?;
    Some((start..end, s.len() - after.len()))
}

/// The first session phrase of `s`, as the regex finds it.
pub(super) fn find(s: &str) -> Option<Session> {
    // every match holds 届/屆 and 次: most lines hold neither
    if !s.contains(['届', '屆']) || !s.contains('次') {
        return None;
    }
    for (p, c) in s.char_indices() {
        let term_start = if c == '第' { p + c.len_utf8() } else { p };
        let Some(term_end) = numerals(s, term_start, 4) else { continue };
        let Some(mid_start) = s.get(term_end..).and_then(|r| r.strip_prefix(['届', '屆'])).map(|r| s.len() - r.len()) else {
            continue;
        };
        let mut q = mid_start;
        for k in 0..=MID_MAX {
            if let Some((sess, end)) = session_at(s, q) {
                return Some(Session { all: p..end, term: term_start..term_end, mid: mid_start..q, sess });
            }
            if k == MID_MAX {
                break;
            }
            match s.get(q..).and_then(|r| r.chars().next()) {
                Some(ch) if is_mid(ch) => q += ch.len_utf8(),
                _ => break,
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The regex this scan replaces.
    static ORACLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"第?(?P<term>[{n}]{{1,4}})[届屆](?P<mid>[^，。,;；:：“”《》\n]{{0,14}}?)第?(?P<sess>[{n}]{{1,3}})次(?:全体|全體)?(?:会议|會議)",
            n = NUMERAL_CLASS
        ))
        .unwrap()
    });

    fn by_regex(re: &Regex, s: &str) -> Option<Session> {
        let c = re.captures(s)?;
        Some(Session { all: c.get(0)?.range(), term: c.name("term")?.range(), mid: c.name("mid")?.range(), sess: c.name("sess")?.range() })
    }

    fn squeeze(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace() && *c != '|').collect()
    }

    /// [`is_numeral`] is the class [`NUMERAL_CLASS`] spells, on every character.
    #[test]
    fn numeral_list_is_the_class() {
        let class = Regex::new(&format!("^[{NUMERAL_CLASS}]$")).unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_numeral(c), class.is_match(c.encode_utf8(&mut buf)), "{c:?}");
        }
    }

    #[test]
    fn genre_phrases() {
        let s = "对市十七届人大三次会议第151号建议的答复";
        let f = find(s).unwrap();
        assert_eq!((&s[f.term.clone()], &s[f.mid.clone()], &s[f.sess.clone()]), ("十七", "人大", "三"));
        let s = "关于对政协子洲县第十届委员会第二次会议第14号提案的复函";
        let f = find(s).unwrap();
        assert_eq!((&s[f.term.clone()], &s[f.mid.clone()], &s[f.sess.clone()]), ("十", "委员会", "二"));
        assert_eq!(&s[f.all], "第十届委员会第二次会议");
        assert_eq!(find("感谢您对人大工作的支持"), None);
    }

    /// The scan finds what the regex finds on every line of every fixture (as is and squeezed),
    /// on the real-dev texts when present, and on tricky snippets.
    #[test]
    fn same_as_the_regex() {
        let re = &*ORACLE;
        let mut lines: Vec<String> = Vec::new();
        let mut texts = crate::extract::samples::fixture_texts();
        texts.extend(crate::extract::samples::real_dev_raw());
        for t in &texts {
            lines.push(t.clone());
            for l in t.split('\n') {
                lines.push(l.to_string());
                lines.push(squeeze(l));
            }
        }
        for s in [
            "一二三四五届人大三次会议",
            "第一二三四五届人大三次会议",
            "十七届一二十三次会议",
            "十七届第十三次全体会议",
            "十七届三次全体大会三次会议",
            "十七届人大，三次会议十八届四次会议",
            "十七届一二三四五六七八九十一二三四第三次会议",
            "十七届一二三四五六七八九十一二三四五第三次会议第十届第二次会议",
            "第第十届第第二次会议",
            "届三次会议十届三次會議",
            "十届十届三次会议",
            "十七屆人大三次全體會議",
            "17届3次会议",
            "第十七届三次会议三次会议",
            "",
        ] {
            lines.push(s.to_string());
        }
        assert!(lines.len() > 1000);
        let mut found = 0;
        for s in &lines {
            let want = by_regex(re, s);
            found += usize::from(want.is_some());
            assert_eq!(find(s), want, "{s}");
        }
        assert!(found > 50, "{found}");
    }

    proptest::proptest! {
        #[test]
        fn same_as_the_regex_on_any_mix(s in "[第十七三二届屆次会议會全体人大，《1-3 ]{0,40}") {
            proptest::prop_assert_eq!(find(&s), by_regex(&ORACLE, &s));
        }
    }
}
