//! Small integers written in Chinese or Arabic numerals, as they occur in session phrases
//! (十七届, 第三次会议, 17届) and counts (3名代表, 三名代表). Shared by the header-side extractors.

/// Value of one Chinese digit character, if it is one.
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'Ｏ' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Multiplier of a unit character (十 百 千), if it is one.
fn unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Parse a whole string as a non-negative integer below 10 000: Arabic digits (`17`), Chinese
/// positional numerals (`十七`, `一百零二`, `二十`) or digit-by-digit forms (`一二〇`).
/// `None` when the string is empty, mixes in anything else, or overflows.
pub fn parse_int(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return if s.len() <= 9 { s.parse().ok() } else { None };
    }
    if !s.chars().all(|c| digit(c).is_some() || unit(c).is_some()) {
        return None;
    }
    if s.chars().all(|c| digit(c).is_some()) {
        // 一二〇 style: positional without units.
        if s.chars().count() > 6 {
            return None;
        }
        return s.chars().try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            if pending.is_some() && d != 0 {
                return None; // two digits in a row inside a unit numeral: 十七七
            }
            pending = if d == 0 { None } else { Some(d) };
        } else if let Some(u) = unit(c) {
            // a bare 十 at the start means 一十
            total = total.checked_add(pending.unwrap_or(1).checked_mul(u)?)?;
            pending = None;
        }
    }
    total.checked_add(pending.unwrap_or(0))
}

/// The characters that may make up a numeral accepted by [`parse_int`], for building regexes.
pub const NUMERAL_CLASS: &str = "0-9〇零○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟";

#[cfg(test)]
mod tests {
    use super::parse_int;

    #[test]
    fn term_and_session_numerals() {
        assert_eq!(parse_int("十七"), Some(17)); // 市十七届人大
        assert_eq!(parse_int("三"), Some(3)); // 三次会议
        assert_eq!(parse_int("十"), Some(10)); // 区第十届政协
        assert_eq!(parse_int("十一"), Some(11)); // 第十一届委员会
        assert_eq!(parse_int("二十"), Some(20));
        assert_eq!(parse_int("二十三"), Some(23));
        assert_eq!(parse_int("17"), Some(17)); // 17届
    }

    #[test]
    fn larger_and_zero_forms() {
        assert_eq!(parse_int("一百零二"), Some(102));
        assert_eq!(parse_int("一千二百"), Some(1200));
        assert_eq!(parse_int("一二〇"), Some(120));
        assert_eq!(parse_int("两"), Some(2));
    }

    #[test]
    fn rejects_non_numerals() {
        assert_eq!(parse_int(""), None);
        assert_eq!(parse_int("届"), None);
        assert_eq!(parse_int("十七届"), None);
        assert_eq!(parse_int("十七七"), None);
        assert_eq!(parse_int("99999999999"), None);
    }
}
