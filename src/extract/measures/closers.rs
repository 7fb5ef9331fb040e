//! Hand-written scanners for the lines that end the letter body (attachments, cc, contacts,
//! feedback forms) and the closing formulae (感谢…, 特此函告). They find exactly what the
//! regexes kept in the tests find, on any text: the regexes ran once over the whole body and
//! again on every line after the last section, and their Unicode `\s` made each call costly.
//!
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

use crate::extract::line_scan;

/// Where the letter ends in `hay`: the start of the first match of
/// `(?m)^\s*(?:附\s*件\s*[:：0-9一]|抄\s*送|抄\s*报|抄\s*報|(?:联|聯)\s*(?:系|繫)\s*人\s*[:：及]|[^\n。]{0,12}(?:征询|征求|反馈|反饋)?意见(?:表|单)\s*$)`.
///
/// A match starts at a line start `s` exactly when, at `q` (the first non-space character at
/// or after `s`), one of the alternatives reads: the first three open with a non-space
/// character, so `\s*` must reach `q`; the last one is best tried from `q` too (its
/// `[^\n。]{0,12}` then has the fewest characters to cover). Every line start of a run of blank
/// lines before `q`'s line shares that `q`, so the leftmost match starts at the first of them.
pub fn letter_end(hay: &str) -> Option<usize> {
    // Start of the current run of blank (whitespace-only) lines.
    let mut blank_run: Option<usize> = None;
    for (start, line) in line_scan::lines(hay) {
        // (by bytes: a Han character is stepped over without a Unicode table look-up)
        let content = line_scan::trim_layout_start(line, false);
        if content.is_empty() {
            blank_run.get_or_insert(start);
            continue;
        }
        let run = blank_run.take().unwrap_or(start);
        let q = start + (line.len() - content.len());
        let opens = content.starts_with(['附', '抄', '联', '聯']);
        // The others open with their first character; the form alternative ends its line with
        // 表 or 单 and spaces (few lines do, and looking at the end costs no search).
        if !opens && !content.trim_end().ends_with(['表', '单']) {
            continue;
        }
        if (opens && opens_label(hay.get(q..).unwrap_or(""))) || form_title(content) {
            return Some(run);
        }
    }
    None
}

/// Whether `hay` opens a line of the letter's end: `LETTER_END.is_match(hay)`.
pub fn is_letter_end(hay: &str) -> bool {
    letter_end(hay).is_some()
}

/// `附\s*件\s*[:：0-9一]`, `抄\s*(?:送|报|報)` or `(?:联|聯)\s*(?:系|繫)\s*人\s*[:：及]` at the start
/// of `s` (the spaces may run over line breaks, as `\s` does).
fn opens_label(s: &str) -> bool {
    let mut rest = s.chars();
    let Some(first) = rest.next() else { return false };
    let mut after = rest.as_str();
    let mut next = |allowed: &dyn Fn(char) -> bool| -> bool {
        let t = after.trim_start();
        match t.chars().next() {
            Some(c) if allowed(c) => {
                after = t.get(c.len_utf8()..).unwrap_or("");
                true
            }
            _ => false,
        }
    };
    match first {
        '附' => next(&|c| c == '件') && next(&|c| matches!(c, ':' | '：' | '0'..='9' | '一')),
        '抄' => next(&|c| matches!(c, '送' | '报' | '報')),
        '联' | '聯' => {
            next(&|c| matches!(c, '系' | '繫')) && next(&|c| c == '人') && next(&|c| matches!(c, ':' | '：' | '及'))
        }
        _ => false,
    }
}

/// `[^\n。]{0,12}(?:征询|征求|反馈|反饋)?意见(?:表|单)\s*$` at the start of `s` (a line from its
/// first non-space character on; `$` is the line's end).
fn form_title(s: &str) -> bool {
    let line = s.split('\n').next().unwrap_or("");
    let mut from = 0;
    while let Some(at) = line.get(from..).and_then(|t| t.find("意见")) {
        let e = from + at;
        from = e + "意见".len();
        let tail = line.get(from..).unwrap_or("");
        let Some(tail) = tail.strip_prefix(['表', '单']) else { continue };
        if !tail.chars().all(char::is_whitespace) {
            continue;
        }
        let before = line.get(..e).unwrap_or("");
        if before.contains('。') {
            // Every later 意见 has this 。 before it too.
            return false;
        }
        let n = before.chars().count();
        if n <= 12 || (n <= 14 && ["征询", "征求", "反馈", "反饋"].iter().any(|w| before.ends_with(w))) {
            return true;
        }
    }
    false
}

/// Whether `hay` opens with a closing formula or a cc/contact label:
/// `^\s*(?:衷心|非常|再次|诚挚|誠摯)?(?:感谢|感謝|谨此|謹此|特此|此复|此復|专此|專此|以上答复|以上答覆|联系人|聯系人|抄送|抄报)`.
pub fn is_closing(hay: &str) -> bool {
    const OPENERS: [&str; 14] =
        ["感谢", "感謝", "谨此", "謹此", "特此", "此复", "此復", "专此", "專此", "以上答复", "以上答覆", "联系人", "聯系人", "抄送"];
    let opens = |s: &str| OPENERS.iter().any(|w| s.starts_with(w)) || s.starts_with("抄报");
    let t = hay.trim_start();
    // The adverbs and the formulae open with different characters: no backtracking is needed.
    if opens(t) {
        return true;
    }
    ["衷心", "非常", "再次", "诚挚", "誠摯"].iter().any(|a| t.strip_prefix(a).is_some_and(opens))
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    /// The regexes these scanners replace, as they were.
    static LETTER_END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?m)^\s*(?:附\s*件\s*[:：0-9一]|抄\s*送|抄\s*报|抄\s*報|(?:联|聯)\s*(?:系|繫)\s*人\s*[:：及]",
            r"|[^\n。]{0,12}(?:征询|征求|反馈|反饋)?意见(?:表|单)\s*$)"
        ))
        .unwrap()
    });
    static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:衷心|非常|再次|诚挚|誠摯)?(?:感谢|感謝|谨此|謹此|特此|此复|此復|专此|專此|以上答复|以上答覆|联系人|聯系人|抄送|抄报)")
            .unwrap()
    });

    const TRICKY: [&str; 24] = [
        "附件：清单",
        "附 件1",
        "附\n\n件\u{2003}一",
        "附件二",
        "附件说明",
        "  \n \n抄 送：市人大",
        "抄\u{3000}報",
        "正文。\n联 系 人 ：张三",
        "聯繫人及電話",
        "联系人张三",
        "代表建议办理情况征询意见表",
        "代表建议办理情况征询意见表  \n下一行",
        "一二三四五六七八九十一二征询意见表",
        "一二三四五六七八九十一二三征询意见表",
        "一二三四五六七八九十一二三意见表",
        "一二三四五六七八九十一二意见单\u{205f}",
        "办理。意见表",
        "意见表意见表",
        "反馈意见表后文",
        "意见表后文意见单",
        "正文\n\n  \n\t意见表\n",
        "\n\n",
        "衷心感谢您的关心",
        "\u{2009}再次诚挚感谢",
    ];

    fn samples() -> Vec<String> {
        let mut texts = crate::extract::samples::genre_texts();
        texts.extend(TRICKY.map(String::from));
        texts
    }

    #[test]
    fn letter_end_finds_what_the_regex_finds() {
        let mut found = 0;
        for text in samples() {
            // From every line start on, as the body start may fall anywhere.
            let starts: Vec<usize> =
                std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
            for &s in starts.iter().step_by(3) {
                let hay = &text[s..];
                assert_eq!(letter_end(hay), LETTER_END.find(hay).map(|m| m.start()), "{hay:?}");
            }
            for line in text.split('\n') {
                for hay in [line.to_string(), format!("  {line}"), format!("\u{3000}{line}")] {
                    let want = LETTER_END.is_match(&hay);
                    assert_eq!(is_letter_end(&hay), want, "{hay:?}");
                    found += usize::from(want);
                }
            }
        }
        assert!(found > 40, "{found}");
    }

    #[test]
    fn closing_finds_what_the_regex_finds() {
        let mut found = 0;
        for text in samples() {
            for line in std::iter::once(text.as_str()).chain(text.split('\n')) {
                let want = CLOSING.is_match(line);
                assert_eq!(is_closing(line), want, "{line:?}");
                found += usize::from(want);
            }
        }
        assert!(found > 40, "{found}");
    }

    #[test]
    fn blank_lines_before_the_end_belong_to_it() {
        let text = "正文。\n\n  \n附件：清单";
        assert_eq!(letter_end(text), Some("正文。\n".len()));
        assert_eq!(letter_end("感谢。\n附件说明如下"), None);
        assert!(is_closing("  衷心感谢"));
        assert!(!is_closing("衷心"));
    }
}
