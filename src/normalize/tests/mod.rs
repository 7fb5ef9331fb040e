//! Whole-stage tests, by subject: the offset map and page furniture ([`pages`]), hard-wrapped
//! scans of the seed ([`scans`]), real documents ([`real_docs`]); here the shared fixtures and
//! the property tests that any text comes out total.

mod pages;
mod real_docs;
mod scans;

use super::*;

const SEED: &str = include_str!("../testdata/seed.txt");

fn para_texts(n: &Normalized) -> Vec<&str> {
    n.paragraphs().map(|(_, l)| l).collect()
}

/// The normalized line that contains `needle`, with its offset.
fn find_line<'a>(n: &'a Normalized, needle: &str) -> (usize, &'a str) {
    n.lines().find(|(_, l)| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle}"))
}

/// The seed as a scan would give it: paragraphs indented and hard-wrapped at `width`
/// characters, digits full-width, a page-number line (and blank lines) every `page` lines, in
/// the middle of sentences and words.
fn scan_variant(seed: &str, width: usize, page: usize) -> String {
    let mut printed: Vec<String> = Vec::new();
    for line in seed.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let wide: Vec<char> =
            t.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect();
        for (k, chunk) in wide.chunks(width).enumerate() {
            let s: String = chunk.iter().collect();
            printed.push(if k == 0 { format!("\u{3000}\u{3000}{s}") } else { s });
        }
    }
    let mut out = String::new();
    for (i, l) in printed.iter().enumerate() {
        if i > 0 && i % page == 0 {
            out.push_str(&format!("\r\n\r\n— {} —\r\n\r\n", i / page + 1));
        }
        out.push_str(l);
        out.push_str("\r\n");
    }
    out
}

/// The same scan without indentation (OCR often drops it) and with a running header under every
/// page number.
fn scan_variant_plain(seed: &str, width: usize, page: usize, header: &str) -> String {
    let mut out = String::new();
    for (i, l) in scan_variant(seed, width, usize::MAX).lines().enumerate() {
        if i > 0 && i % page == 0 {
            out.push_str(&format!("\n- {} -\n{header}\n", i / page + 1));
        }
        out.push_str(l.trim_start_matches('\u{3000}'));
        out.push('\n');
    }
    out
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let n = normalize(text);
        let breaks = text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
        assert_eq!(n.original_lines as usize, breaks + 1);
        let mut prev = 1;
        for (off, _) in n.text.char_indices() {
            let l = n.line_at(off);
            assert!(l >= prev, "map goes backwards");
            assert!(l >= 1 && l <= n.original_lines);
            prev = l;
        }
        // Every normalized line is trimmed, page numbers are gone.
        for (_, line) in n.lines() {
            assert_eq!(line, line.trim_matches([' ', '\t']));
            assert_ne!(line, "— 2 —");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_is_total_and_the_map_monotonic(s in "\\PC{0,200}") {
            check(&s);
        }

        #[test]
        fn genre_shaped_text_is_total(parts in proptest::collection::vec(prop_oneof![
            Just("\n"), Just("\r\n"), Just("\r"), Just("　"), Just(" "), Just("— 2 —"), Just("第3页"),
            Just("12"), Just("，"), Just("。"), Just("："), Just("联 系 人"), Just("统筹产"), Just("业发展基金"),
            Just("１．"), Just("一、"), Just("（一）"), Just("陈业华代表"), Just("2024年6月12日"), Just("\u{FEFF}"),
            Just("\u{200B}"), Just("\u{A0}"), Just("重庆市北碚区城市管理局"), Just("ABC"), Just("》"), Just("“"),
        ], 0..60)) {
            check(&parts.concat());
        }
    }
}
