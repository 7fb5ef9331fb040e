//! Numerals: a written figure (Arabic, Chinese ordinary or financial, or a mix such as 1亿2千万)
//! turned into an exact [`Decimal`]. Never f64: users sum these figures into budgets.
//!
//! The input is the numeric part of a candidate only (no 元, no qualifiers); separators have been
//! checked by the scanner. Anything that is not a well-formed figure gives `None`, so a doubtful
//! span is dropped rather than read as a wrong value.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Value of one Chinese digit (ordinary or financial), or None.
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' | '貳' | '兩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// Multiplier of a unit below 万 (十 百 千 and their financial forms).
pub fn small_unit(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

/// Power of ten of a large unit (万 → 4, 亿 → 8), simplified or traditional.
pub fn big_unit(c: char) -> Option<u32> {
    match c {
        '万' | '萬' => Some(4),
        '亿' | '億' => Some(8),
        _ => None,
    }
}

/// Arabic digit, ASCII or full-width (normalisation folds full width, but not every caller
/// has gone through it).
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A number written with Arabic digits (may carry decimals).
    Arabic(Decimal),
    /// One Chinese digit, or a Chinese decimal such as 三点五.
    Chinese(Decimal),
    Zero,
    Small(u32),
    Big(u32),
}

fn tokenize(s: &str) -> Option<Vec<Tok>> {
    let mut toks = Vec::with_capacity(8);
    let mut it = s.char_indices().peekable();
    while let Some(&(at, c)) = it.peek() {
        if arabic_digit(c).is_some() {
            toks.push(Tok::Arabic(arabic_literal(s, at, &mut it)?));
            continue;
        }
        it.next();
        if let Some(d) = cn_digit(c) {
            // 三点五: a Chinese decimal
            if it.peek().is_some_and(|&(_, n)| n == '点') {
                it.next();
                let mut lit = format!("{d}.");
                while let Some(f) = it.peek().and_then(|&(_, c)| cn_digit(c)) {
                    lit.push(char::from_digit(f, 10)?);
                    it.next();
                }
                if lit.ends_with('.') {
                    return None;
                }
                toks.push(Tok::Chinese(Decimal::from_str(&lit).ok()?));
                continue;
            }
            toks.push(if d == 0 { Tok::Zero } else { Tok::Chinese(Decimal::from(d)) });
        } else if let Some(u) = small_unit(c) {
            toks.push(Tok::Small(u));
        } else if let Some(p) = big_unit(c) {
            toks.push(Tok::Big(p));
        } else {
            return None;
        }
    }
    Some(toks)
}

/// One Arabic literal starting at byte `start` of `s` (digits, grouping commas the scanner has
/// checked, one decimal point), consumed from `it`. Up to 18 digits the value is built from an
/// integer mantissa; longer ones go through the decimal string as written, like `from_str` always
/// did (same value, same rounding or refusal).
fn arabic_literal(
    s: &str,
    start: usize,
    it: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
) -> Option<Decimal> {
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut seen_dot = false;
    let mut ends_with_dot = false;
    let mut end = start;
    while let Some(&(i, c)) = it.peek() {
        if let Some(d) = arabic_digit(c) {
            digits += 1;
            if digits <= 18 {
                mantissa = mantissa * 10 + u64::from(d);
            }
            if seen_dot {
                scale += 1;
            }
            ends_with_dot = false;
        } else if matches!(c, ',' | '，') {
            // grouping was validated by the scanner
        } else if matches!(c, '.' | '．') && !seen_dot {
            seen_dot = true;
            ends_with_dot = true;
        } else {
            break;
        }
        end = i + c.len_utf8();
        it.next();
    }
    if ends_with_dot {
        return None;
    }
    if digits <= 18 {
        return Some(Decimal::new(i64::try_from(mantissa).ok()?, scale));
    }
    let mut lit = String::with_capacity(end - start);
    for c in s.get(start..end)?.chars() {
        if let Some(d) = arabic_digit(c) {
            lit.push(char::from_digit(d, 10)?);
        } else if matches!(c, '.' | '．') {
            lit.push('.');
        }
    }
    Decimal::from_str(&lit).ok()
}

fn pow10(p: u32) -> Decimal {
    Decimal::from(10u64.pow(p))
}

/// Parse a figure such as `3541.07万`, `1亿2千万`, `壹佰壹拾万贰仟陆佰壹拾肆`, `1.2万亿`.
/// Returns None for anything malformed (two numbers side by side, units out of order, a lone
/// unit), never a guess.
pub fn parse(s: &str) -> Option<Decimal> {
    let toks = tokenize(s)?;
    if toks.is_empty() {
        return None;
    }
    let mut yi_groups = Decimal::ZERO; // completed 亿 groups
    let mut wan = Decimal::ZERO; // the 万 part of the current 亿 group
    let mut sec = Decimal::ZERO; // below 万
    let mut cur: Option<Decimal> = None;
    let mut last_small: Option<u32> = None;
    // The unit written just before a trailing Chinese digit: 一万五 = 15000.
    let mut prev_unit: Option<Decimal> = None;
    let mut after_zero = false;
    let mut cur_is_chinese = false;
    for tok in toks {
        match tok {
            Tok::Arabic(n) | Tok::Chinese(n) => {
                if cur.is_some() {
                    return None;
                }
                cur = Some(n);
                cur_is_chinese = matches!(tok, Tok::Chinese(_));
            }
            Tok::Zero => {
                if cur.is_some() {
                    return None;
                }
                after_zero = true;
                continue;
            }
            Tok::Small(u) => {
                if last_small.is_some_and(|l| u >= l) {
                    return None;
                }
                let n = cur.take().unwrap_or(Decimal::ONE);
                sec += n * Decimal::from(u);
                last_small = Some(u);
                prev_unit = Some(Decimal::from(u));
            }
            Tok::Big(4) => {
                let v = sec + cur.take().unwrap_or(Decimal::ZERO);
                if v.is_zero() || !wan.is_zero() {
                    return None;
                }
                wan = v * pow10(4);
                sec = Decimal::ZERO;
                last_small = None;
                prev_unit = Some(pow10(4));
            }
            Tok::Big(_) => {
                let v = wan + sec + cur.take().unwrap_or(Decimal::ZERO);
                if v.is_zero() || !yi_groups.is_zero() {
                    return None;
                }
                yi_groups = v * pow10(8);
                wan = Decimal::ZERO;
                sec = Decimal::ZERO;
                last_small = None;
                prev_unit = Some(pow10(8));
            }
        }
        if !matches!(tok, Tok::Arabic(_) | Tok::Chinese(_)) {
            after_zero = false;
        }
    }
    if let Some(n) = cur {
        // 一万五 / 三千五: a bare Chinese digit right after a unit counts in the next unit down.
        if let (Some(u), true, false) = (prev_unit, cur_is_chinese, after_zero) {
            if n.fract().is_zero() && n < Decimal::TEN {
                sec += n * u / Decimal::TEN;
            } else {
                return None;
            }
        } else if prev_unit.is_some() && !cur_is_chinese {
            // 1万5: unclear in Arabic, not guessed
            return None;
        } else {
            sec += n;
        }
    }
    Some((yi_groups + wan + sec).normalize())
}

#[cfg(test)]
mod tokenize_oracle;

#[cfg(test)]
mod tests {
    use super::parse;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    fn d(s: &str) -> Option<Decimal> {
        Some(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn arabic_with_units() {
        assert_eq!(parse("7803万"), d("78030000"));
        assert_eq!(parse("3541.07万"), d("35410700"));
        assert_eq!(parse("47.264287亿"), d("4726428700"));
        assert_eq!(parse("1.2万亿"), d("1200000000000"));
        assert_eq!(parse("1.5千万"), d("15000000"));
        assert_eq!(parse("82,225.00"), d("82225"));
        assert_eq!(parse("１５７９．２万"), d("15792000"));
        assert_eq!(parse("１千２百"), d("1200"));
    }

    #[test]
    fn chinese_ordinary_and_financial() {
        assert_eq!(parse("三千万"), d("30000000"));
        assert_eq!(parse("两千万"), d("20000000"));
        assert_eq!(parse("1亿2千万"), d("120000000"));
        assert_eq!(parse("壹亿贰仟万"), d("120000000"));
        assert_eq!(parse("壹佰壹拾万贰仟陆佰壹拾肆"), d("1102614"));
        assert_eq!(parse("六十四万零一百四十三"), d("640143"));
        assert_eq!(parse("肆佰叁拾萬"), d("4300000"));
        assert_eq!(parse("十万"), d("100000"));
        assert_eq!(parse("一千零五十"), d("1050"));
        assert_eq!(parse("一万五"), d("15000"));
        assert_eq!(parse("三点五亿"), d("350000000"));
    }

    #[test]
    fn malformed_is_none() {
        assert_eq!(parse("二〇二四"), None);
        assert_eq!(parse("三五万"), None);
        assert_eq!(parse("四5万"), None);
        assert_eq!(parse("百千"), None);
        assert_eq!(parse("万"), None);
        assert_eq!(parse("1万5"), None);
        assert_eq!(parse("5万3万"), None);
        assert_eq!(parse("1."), None);
        assert_eq!(parse(""), None);
    }
}
