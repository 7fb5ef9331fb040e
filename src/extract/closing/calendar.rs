//! Calendar arithmetic for signing dates: valid year-month-day triples, Chinese numerals
//! (二〇二四年五月二十日, with the OCR zero 二0二一) and digits run together (20211026, 2022711).

/// Digits of a date run together on the signature line: `20211026`, `2022711`, `2023927`.
/// Returns the date and whether another reading was also valid (then the first valid reading
/// among month-day splits, single-digit month first, is kept).
pub fn run_together(digits: &str) -> (Option<String>, bool) {
    let (Some(year), Some(rest)) = (digits.get(..4), digits.get(4..)) else { return (None, false) };
    // Without separators a phone number alone on a line can pass for a date: only years a
    // published reply can carry are read.
    let year: Option<i32> = year.parse().ok().filter(|y| (1990..=2039).contains(y));
    let splits: Vec<(usize, usize)> = match rest.len() {
        4 => vec![(2, 2)],
        3 => vec![(1, 2), (2, 1)],
        2 => vec![(1, 1)],
        _ => vec![],
    };
    let valid: Vec<String> = splits
        .iter()
        .filter_map(|&(m, _)| {
            let month = rest.get(..m)?.parse().ok();
            let day = rest.get(m..)?.parse().ok();
            iso(year, month, day)
        })
        .collect();
    (valid.first().cloned(), valid.len() > 1)
}

/// ISO date when year, month and day make a real date.
pub fn iso(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> Option<String> {
    let (y, m, d) = (year?, month?, day?);
    if !(1949..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A year written digit by digit in Chinese numerals: 二〇二四 → 2024.
pub fn cn_year(s: &str) -> Option<i32> {
    let mut y = 0i32;
    for c in s.chars() {
        y = y * 10 + cn_digit(c)? as i32;
    }
    Some(y)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '○' | '零' | 'O' | 'o' | 'Ｏ' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A month or day in Chinese numerals: 五 → 5, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31.
pub fn cn_small(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + cn_digit(*u)?),
        [t, '十'] => Some(cn_digit(*t)? * 10),
        [t, '十', u] => Some(cn_digit(*t)? * 10 + cn_digit(*u)?),
        [u] => cn_digit(*u),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(cn_year("二〇二四"), Some(2024));
        assert_eq!(cn_year("二0二一"), Some(2021));
        assert_eq!(cn_small("五"), Some(5));
        assert_eq!(cn_small("十"), Some(10));
        assert_eq!(cn_small("十二"), Some(12));
        assert_eq!(cn_small("二十"), Some(20));
        assert_eq!(cn_small("三十一"), Some(31));
        assert_eq!(cn_small("十十"), None);
    }

    #[test]
    fn run_together_readings() {
        assert_eq!(run_together("20211026"), (Some("2021-10-26".to_string()), false));
        assert_eq!(run_together("2023927"), (Some("2023-09-27".to_string()), false));
        assert_eq!(run_together("2021111"), (Some("2021-01-11".to_string()), true));
        assert_eq!(run_together("2024229"), (Some("2024-02-29".to_string()), false));
        assert_eq!(run_together("2023229").0, None);
    }

    #[test]
    fn only_real_dates() {
        assert_eq!(iso(Some(2024), Some(2), Some(29)).as_deref(), Some("2024-02-29"));
        assert_eq!(iso(Some(1900), Some(2), Some(29)), None);
        assert_eq!(iso(Some(2023), Some(4), Some(31)), None);
    }
}
