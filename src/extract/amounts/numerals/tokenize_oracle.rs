//! Oracle for [`super::tokenize`]: the char-vector tokenizer it replaced, kept here, must give
//! the same tokens on every string over the characters of a figure.

use rust_decimal::Decimal;
use std::str::FromStr;

use super::{arabic_digit, big_unit, cn_digit, small_unit, tokenize, Tok};

fn tokenize_old(s: &str) -> Option<Vec<Tok>> {
    let chars: Vec<char> = s.chars().collect();
    let mut toks = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if arabic_digit(c).is_some() {
            let mut lit = String::new();
            let mut seen_dot = false;
            while i < chars.len() {
                let c = chars[i];
                if let Some(d) = arabic_digit(c) {
                    lit.push(char::from_digit(d, 10)?);
                } else if matches!(c, ',' | '，') {
                    // grouping was validated by the scanner
                } else if matches!(c, '.' | '．') && !seen_dot {
                    seen_dot = true;
                    lit.push('.');
                } else {
                    break;
                }
                i += 1;
            }
            if lit.ends_with('.') {
                return None;
            }
            toks.push(Tok::Arabic(Decimal::from_str(&lit).ok()?));
            continue;
        }
        if let Some(d) = cn_digit(c) {
            // 三点五: a Chinese decimal
            if chars.get(i + 1) == Some(&'点') {
                let mut lit = format!("{d}.");
                let mut j = i + 2;
                while let Some(f) = chars.get(j).and_then(|&c| cn_digit(c)) {
                    lit.push(char::from_digit(f, 10)?);
                    j += 1;
                }
                if j == i + 2 {
                    return None;
                }
                toks.push(Tok::Chinese(Decimal::from_str(&lit).ok()?));
                i = j;
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
        i += 1;
    }
    Some(toks)
}


#[test]
fn same_tokens_as_the_char_vector_tokenizer() {
    const ALPHABET: &[char] = &['0', '1', '9', '５', '.', '．', ',', '，', '二', '〇', '十', '拾', '万', '亿', '点', '元', 'x'];
    let mut r: u64 = 0x2545_F491_4F6C_DD1D;
    for n in 0..60_000u32 {
        let len = (n % 30) as usize + 1;
        let mut s = String::new();
        for _ in 0..len {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            // long digit runs too: past 18 and 28 digits the slow path must agree
            let k = (r >> 40) as usize % (ALPHABET.len() + 4);
            s.push(*ALPHABET.get(k).unwrap_or(&'7'));
        }
        assert_eq!(tokenize(&s), tokenize_old(&s), "{s:?}");
    }
    for s in ["3541.07万", "1.2万亿", "82,225.00", "１５７９．２万", "三点五亿", "三点", "1.", "1..2", "0.000", "99999999999999999999", "1234567890123456789.5", "1234567890123456789012345678901234"] {
        assert_eq!(tokenize(s), tokenize_old(s), "{s:?}");
    }
}
