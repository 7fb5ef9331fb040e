//! The written details of one figure: thousands separators, 余/多 written inside it, and the
//! 角/分/整 that may follow its 元. Each check is local to the figure's own characters.

use rust_decimal::Decimal;

use super::numerals::{arabic_digit, big_unit, cn_digit, small_unit};

fn is_sep(c: char) -> bool {
    matches!(c, '.' | '．' | ',' | '，' | '点')
}

/// Thousands separators in strict groups of three, at most one decimal point, and 点 only
/// between Chinese digits.
pub fn separators_ok(s: &str) -> bool {
    // only a separator can fail the checks below
    if !s.contains(['.', '．', ',', '，', '点']) {
        return true;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if arabic_digit(chars[i]).is_none() {
            if chars[i] == '点' {
                let ok = i > 0
                    && cn_digit(chars[i - 1]).is_some()
                    && chars.get(i + 1).is_some_and(|&c| cn_digit(c).is_some());
                if !ok {
                    return false;
                }
            } else if is_sep(chars[i]) {
                return false;
            }
            i += 1;
            continue;
        }
        // one Arabic literal
        let mut groups: Vec<usize> = vec![0];
        let mut dots = 0;
        let mut frac = false;
        while i < chars.len() {
            let c = chars[i];
            if arabic_digit(c).is_some() {
                if let Some(g) = groups.last_mut() {
                    if !frac {
                        *g += 1;
                    }
                }
            } else if matches!(c, ',' | '，') && !frac {
                groups.push(0);
            } else if matches!(c, '.' | '．') {
                dots += 1;
                frac = true;
                if dots > 1 || chars.get(i + 1).is_none_or(|&c| arabic_digit(c).is_none()) {
                    return false;
                }
            } else {
                break;
            }
            i += 1;
        }
        if groups.len() > 1 {
            let first = groups[0];
            if !(1..=3).contains(&first) || groups[1..].iter().any(|&g| g != 3) {
                return false;
            }
        }
    }
    true
}

/// 3000余万 → (3000万, 余); 1亿多 → (1亿, 多). 余/多 only right before a unit or at the end.
pub fn strip_inner_qualifier(s: &str) -> Option<(String, Option<String>)> {
    if !s.contains(['余', '餘', '多']) {
        return Some((s.to_string(), None));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut qual = None;
    for (i, &c) in chars.iter().enumerate() {
        if matches!(c, '余' | '餘' | '多') {
            let prev_ok = i > 0 && (arabic_digit(chars[i - 1]).is_some() || cn_digit(chars[i - 1]).is_some() || small_unit(chars[i - 1]).is_some() || big_unit(chars[i - 1]).is_some());
            let next_ok = chars.get(i + 1).is_none_or(|&n| small_unit(n).is_some() || big_unit(n).is_some());
            if !prev_ok || !next_ok || qual.is_some() {
                return None;
            }
            qual = Some(c.to_string());
        } else {
            out.push(c);
        }
    }
    Some((out, qual))
}

/// After 元: 角 and 分 (陆角, 一角七分, 零五分) and 整, as (value, byte length).
pub fn jiao_fen(after: &str) -> (Decimal, usize) {
    // every reading below starts on a digit or 整
    if after.chars().next().is_none_or(|c| cn_digit(c).is_none() && arabic_digit(c).is_none() && c != '整') {
        return (Decimal::ZERO, 0);
    }
    let chars: Vec<char> = after.chars().take(6).collect();
    let mut value = Decimal::ZERO;
    let mut i = 0;
    let mut len = 0;
    let digit = |c: char| cn_digit(c).or_else(|| arabic_digit(c));
    if chars.first().is_some_and(|&c| c == '零' || c == '〇') && chars.get(2) == Some(&'分') {
        i = 1;
    }
    if let (Some(d), Some('角')) = (chars.get(i).and_then(|&c| digit(c)), chars.get(i + 1)) {
        value += Decimal::new(d as i64, 1);
        i += 2;
        len = chars[..i].iter().map(|c| c.len_utf8()).sum();
    }
    if let (Some(d), Some('分')) = (chars.get(i).and_then(|&c| digit(c)), chars.get(i + 1)) {
        value += Decimal::new(d as i64, 2);
        i += 2;
        len = chars[..i].iter().map(|c| c.len_utf8()).sum();
    }
    if len == 0 {
        i = 0;
    }
    if chars.get(i).is_some_and(|&c| c == '整') {
        len += chars[i].len_utf8();
    }
    (value, len)
}


#[cfg(test)]
mod tests {
    use super::{jiao_fen, separators_ok, strip_inner_qualifier};
    use rust_decimal::Decimal;

    #[test]
    fn jiao_fen_after_yuan() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(jiao_fen("陆角，"), (d("0.6"), 6));
        assert_eq!(jiao_fen("一角七分"), (d("0.17"), 12));
        assert_eq!(jiao_fen("零五分整"), (d("0.05"), 12));
        assert_eq!(jiao_fen("整，"), (d("0"), 3));
        assert_eq!(jiao_fen("5角"), (d("0.5"), 4));
        assert_eq!(jiao_fen("用于"), (d("0"), 0));
        assert_eq!(jiao_fen("三年"), (d("0"), 0));
        assert_eq!(jiao_fen(""), (d("0"), 0));
    }

    /// The no-separator and no-余/多 shortcuts must leave every written case to the full checks.
    #[test]
    fn shortcuts_keep_the_checks() {
        assert!(separators_ok("3000万"));
        assert!(separators_ok("壹佰壹拾万"));
        assert!(separators_ok("1,200.5万"));
        assert!(separators_ok("三点五亿"));
        assert!(!separators_ok("1,20万"));
        assert!(!separators_ok("1.2.3万"));
        assert!(!separators_ok("5点"));
        assert!(!separators_ok("3点5万"));
        assert!(!separators_ok("，5万"));
        assert_eq!(strip_inner_qualifier("3000万"), Some(("3000万".to_string(), None)));
        assert_eq!(strip_inner_qualifier("3000余万"), Some(("3000万".to_string(), Some("余".to_string()))));
        assert_eq!(strip_inner_qualifier("1亿多"), Some(("1亿".to_string(), Some("多".to_string()))));
        assert_eq!(strip_inner_qualifier("余万"), None);
        assert_eq!(strip_inner_qualifier("3余5万"), None);
    }
}
