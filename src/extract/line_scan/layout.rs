//! Layout characters (whitespace, and table pipes) squeezed out of a line or trimmed off its
//! start, by bytes, and a `contains` that sees through them: the header extractors read lines
//! whose words a scan or a table spaced apart.

use std::borrow::Cow;

use super::whitespace::{utf8_len, whitespace_len};

/// Whether `s` with the characters `drop` accepts removed contains `needle` (which holds none
/// of them), without building the squeezed string unless the line holds such a character.
pub(crate) fn squeezed_contains(s: &str, needle: &str, drop: impl Fn(char) -> bool + Copy) -> bool {
    if s.contains(needle) {
        return true;
    }
    // every character of the needle must be there, and some dropped character between them
    if needle.chars().last().is_some_and(|c| !s.contains(c)) || !s.contains(drop) {
        return false;
    }
    s.chars().filter(|&c| !drop(c)).collect::<String>().contains(needle)
}

/// `s` without its layout characters (whitespace, and table pipes when `pipes`), borrowed when
/// it has none. A walk over the characters by their lead bytes, without decoding them: only
/// ASCII and the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3 can start a whitespace character, so a
/// Han character (lead byte 0xE4–0xE9) is stepped over at once.
pub(crate) fn squeeze_layout(s: &str, pipes: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let mut out: Option<String> = None;
    let mut run = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let n = match b {
            0xE4.. => 0,
            b'|' => usize::from(pipes),
            _ => whitespace_len(bytes.get(i..).unwrap_or_default()),
        };
        if n == 0 {
            i += utf8_len(b);
            continue;
        }
        // copy the run before the layout character whole
        let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
        o.push_str(s.get(run..i).unwrap_or_default());
        i += n;
        run = i;
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(s.get(run..).unwrap_or_default());
            Cow::Owned(o)
        }
    }
}

/// `s` without its leading layout characters (whitespace, and table pipes when `pipes`): what
/// `s.trim_start_matches(|c| c.is_whitespace() || (pipes && c == '|'))` gives, by bytes.
#[inline]
pub(crate) fn trim_layout_start(s: &str, pipes: bool) -> &str {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let n = if b == b'|' { usize::from(pipes) } else { whitespace_len(bytes.get(i..).unwrap_or_default()) };
        if n == 0 {
            break;
        }
        i += n;
    }
    s.get(i..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_layout_start_same_as_trim_start_matches() {
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(["", " | 对", "|\u{3000}\u{a0}关于", "\u{2003}x", "无", " ", "|"].map(String::from));
        for l in &lines {
            for pipes in [false, true] {
                let want = l.trim_start_matches(|c: char| c.is_whitespace() || (pipes && c == '|'));
                assert_eq!(trim_layout_start(l, pipes), want, "{l:?}");
            }
        }
    }

    /// The byte scan drops exactly the characters a char-by-char filter drops, on every
    /// fixture line and on every whitespace character there is.
    #[test]
    fn squeeze_layout_same_as_filtering_chars() {
        let slow = |s: &str, pipes: bool| -> String { s.chars().filter(|&c| !(c.is_whitespace() || (pipes && c == '|'))).collect() };
        let mut lines = crate::extract::samples::fixture_lines();
        let all_ws: String = (0..=0x10FFFFu32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        assert!(all_ws.chars().count() >= 25);
        lines.push(format!("对{all_ws}市|十七届\u{3001}\u{2030}\u{1681}\u{a1}é。"));
        lines.extend(["", " ", "|", "无空格", "a b\tc", "\u{3000}\u{3000}", "——…“”"].map(String::from));
        let mut changed = 0;
        for l in &lines {
            for pipes in [false, true] {
                let fast = squeeze_layout(l, pipes);
                assert_eq!(fast, slow(l, pipes), "{l:?}");
                assert_eq!(matches!(fast, Cow::Borrowed(_)), fast.len() == l.len());
                changed += usize::from(fast.len() != l.len());
            }
        }
        assert!(changed > 100, "{changed}");
    }

    #[test]
    fn squeezed_contains_sees_through_layout_spaces() {
        let ws = char::is_whitespace;
        assert!(squeezed_contains("同 意 公 开", "公开", ws));
        assert!(squeezed_contains("公开方式：主动公开", "公开", ws));
        assert!(!squeezed_contains("办公室 开会", "公开", ws));
        assert!(!squeezed_contains("我局召开会议", "公开", ws));
        let ws_or_pipe = |c: char| c.is_whitespace() || c == '|';
        assert!(squeezed_contains("收 | 悉", "收悉", ws_or_pipe));
        assert!(!squeezed_contains("收 | 悉", "收悉", ws));
    }
}
