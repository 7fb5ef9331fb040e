//! Oracle for [`super::candidate::candidate_end`]: the regex it replaced, kept here, must give
//! the same match at every figure start of every fixture and real-dev line, of tricky snippets
//! and of many generated strings over the characters that matter.

use regex::Regex;
use std::sync::LazyLock;

use super::candidate::candidate_end;
use super::{is_body, is_lead};

const LEAD: &str = "0-9０-９零〇一二三四五六七八九十百千两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟";
const BODY_EXTRA: &str = ".．,，点余餘多万亿萬億";

static CANDIDATE: LazyLock<Regex> = LazyLock::new(|| {
    let body = format!("{LEAD}{BODY_EXTRA}");
    let pattern = format!(
        r"^(?:[{LEAD}][{body}]*[ \t\u{{3000}}]{{0,2}}[元圆圓]|[{LEAD}][{body}]*(?:[万亿萬億]|[ \t\u{{3000}}]{{1,2}}[十百千万亿萬億]*[万亿萬億])(?:[ \t\u{{3000}}]{{0,2}}[元圆圓])?)"
    );
    Regex::new(&pattern).expect("amount candidate regex compiles")
});

fn check(line: &str) {
    for (i, _) in line.char_indices() {
        let s = &line[i..];
        let want = CANDIDATE.find(s).map(|m| m.end());
        assert_eq!(candidate_end(s), want, "at {i} of {line:?}");
    }
}

#[test]
fn character_classes_are_the_regex_classes() {
    let lead = Regex::new(&format!("^[{LEAD}]$")).unwrap();
    let body = Regex::new(&format!("^[{LEAD}{BODY_EXTRA}]$")).unwrap();
    for c in (0..0x30000u32).filter_map(char::from_u32) {
        let s = c.to_string();
        assert_eq!(is_lead(c), lead.is_match(&s), "{c:?}");
        assert_eq!(is_body(c), body.is_match(&s), "{c:?}");
    }
}

#[test]
fn same_as_regex_on_snippets() {
    for line in [
        "投入资金3000万元，其中",
        "壹佰壹拾万贰仟陆佰壹拾肆元整",
        "共计3.5 亿元用于",
        "共计3.5  亿元用于",
        "共计3.5   亿元用于",
        "20 千万元",
        "5 十万",
        "5 万千元",
        "1亿2千万 元",
        "1亿2千万   元",
        "10万-20万元",
        "3000余万元",
        "1,200.5万元",
        "5,元",
        "万元户",
        "亿万农民",
        "二元结构",
        "1.500万元用于",
        "１２万元",
        "三点五亿\u{3000}元",
        "3\t亿\t元",
        "12万亿",
        "",
        "元",
        "1",
    ] {
        check(line);
    }
}

#[test]
fn same_as_regex_on_fixtures_and_real_dev() {
    let mut lines = crate::extract::samples::fixture_lines();
    for text in crate::extract::samples::real_dev_texts() {
        lines.extend(text.lines().map(str::to_string));
    }
    assert!(lines.len() > 100, "samples found");
    for line in &lines {
        check(line);
    }
}

#[test]
fn same_as_regex_on_generated_strings() {
    const ALPHABET: &[char] = &['1', '二', '十', '拾', '万', '亿', '億', '元', '圆', ' ', '\u{3000}', '.', ',', '余', '多', '点', '的', '\t'];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..20_000 {
        let mut s = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 10) as usize + 1;
        let mut r = seed;
        for _ in 0..len {
            r = r.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push(ALPHABET[(r >> 33) as usize % ALPHABET.len()]);
        }
        check(&s);
    }
}
