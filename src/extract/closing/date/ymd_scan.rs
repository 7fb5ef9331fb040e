//! A hand-written reader of YMD's matches on a line (`2024年6月12日`, `二〇二四年五月二十日`):
//! what `YMD.find_iter(line)` gives (the regex is kept in the tests), without a regex call per
//! dated line.
//!
//! Every match holds one 年, and the four year characters stand right before it (spaces maybe
//! between): a match can only start four characters before the spaces before a 年, and the
//! parts after 年 (a run of digits or of numerals, spaces, 月 …) leave no choice to backtrack
//! over. Parts hold no 年, so matches read 年 by 年 come in text order and never overlap.
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

use crate::extract::cursor::Cursor;

/// The (start, end) byte offsets of YMD's matches in `line`, in order.
pub fn ymd_matches(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(nian) = line.get(from..).and_then(|t| t.find('年')).map(|p| from + p) {
        from = nian + '年'.len_utf8();
        if let Some((start, end)) = ymd_at(line, nian) {
            out.push((start, end));
            from = end;
        }
    }
    out
}

/// The match around the 年 at byte `nian`, if there is one.
fn ymd_at(line: &str, nian: usize) -> Option<(usize, usize)> {
    // `([0-9]{4}|[〇○零OoＯ0一二三四五六七八九]{4})\s*年`
    let before = line.get(..nian)?.trim_end();
    let mut chars = before.char_indices().rev();
    let (mut digits, mut numerals) = (true, true);
    let mut start = before.len();
    for _ in 0..4 {
        let (i, c) = chars.next()?;
        digits &= c.is_ascii_digit();
        numerals &= is_year_numeral(c);
        start = i;
    }
    if !(digits || numerals) {
        return None;
    }
    // `\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(…)\s*日`
    let mut c = Cursor::new(line);
    c.at = nian + '年'.len_utf8();
    for mark in ['月', '日'] {
        c.spaces();
        let at = c.at;
        if c.run_within(|ch| ch.is_ascii_digit(), 1..=2).is_none() {
            c.at = at;
            c.run_within(is_small_numeral, 1..=3)?;
        }
        c.spaces();
        c.one(|ch| ch == mark)?;
    }
    Some((start, c.at))
}

fn is_year_numeral(c: char) -> bool {
    matches!(c, '〇' | '○' | '零' | 'O' | 'o' | 'Ｏ' | '0' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九')
}

fn is_small_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

#[cfg(test)]
mod tests {
    use super::super::YMD;
    use super::*;

    #[test]
    fn same_matches_as_the_regex() {
        let mut lines = crate::extract::samples::all_lines();
        lines.extend(
            [
                "2024 年 6 月 12 日", "二〇二四年五月二十日", "２０２３年七月二十日", "2023年十月 1日", "OO二一年一月一日",
                "二0二一年十月二十六日", "12024年1月1日", "2024年2024年5月1日", "2024年123月1日", "2024年1月十十十十日",
                "2024年6月5日至2024年7月1日", "年月日", "2024年", "2024年6月", "1二〇二四年五月一日", "2024\u{3000}年\u{2003}6\t月 5 日",
                "0二二二年1月1日", "二〇二四年05月09日印发", "2024年6月5日2024年6月6日", "x2024年1月一日y", "2O24年1月1日",
                "二〇二四年十一月三十一日", "年2024年1月1日", "2024年1 1月1日", "〇〇〇〇年〇月〇日", "2024年6月5 日",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            let want: Vec<(usize, usize)> = YMD.find_iter(line).map(|m| (m.start(), m.end())).collect();
            assert_eq!(ymd_matches(line), want, "{line:?}");
            found += want.len();
        }
        assert!(found > 50, "{found}");
    }
}
