//! Oracle for [`super::plain_value`]: wherever the direct reading of a plain figure applies, the
//! general reader ([`super::read_general`]) must give the same reading, on every run of figure
//! characters of every fixture and real-dev text, on tricky snippets and on generated strings.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{is_body, plain_value, read_from, read_general};

/// The reading from every start of `run` agrees with the general reader's where it differs in
/// path; gives how many plain readings were checked.
fn check(run: &str) -> usize {
    let mut plain = 0;
    for (s, _) in run.char_indices() {
        let fast = read_from(run, s);
        let general = read_general(run, s);
        if plain_value(&run[s..]).is_some() {
            plain += 1;
            let (f, g) = (fast.as_ref().unwrap(), general.as_ref().expect(run));
            assert_eq!(f, g, "{run:?} from {s}");
            assert_eq!(f.value.normalize().to_string(), g.value.normalize().to_string());
        } else {
            assert_eq!(fast, general, "{run:?} from {s}");
        }
    }
    plain
}

/// Every run of figure characters (and the runs up to each 万/亿 in it) of a text.
fn runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if is_body(c) {
            cur.push(c);
            if matches!(c, '万' | '亿' | '萬' | '億') {
                out.push(cur.clone());
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    out
}

#[test]
fn plain_reading_same_as_general_on_genre_text() {
    let texts = crate::extract::samples::genre_texts();
    let mut plain = 0;
    for text in &texts {
        for run in runs(text) {
            plain += check(&run);
        }
    }
    assert!(plain > 200, "{plain}");
}

#[test]
fn plain_reading_of_tricky_runs() {
    for run in [
        "500万", "3541.07万", "47.264287亿", "82225", "0万", "0.0万", "00.5万", "1.", "1.万", ".5万", "1..5万", "1.2.3万",
        "1.2万亿", "5萬", "3億", "１５万", "123456789012345678万", "1234567890123456789亿", "000000000000000000001",
        "99999999999999999.9亿", "5万余", "5余万", "1,500万", "5 万", "5万元", "2024", "0", "0.5",
    ] {
        check(run);
    }
    assert_eq!(plain_value("3541.07万"), Some(Decimal::new(35_410_700, 0)));
    assert_eq!(plain_value("47.264287亿"), Some(Decimal::new(4_726_428_700, 0)));
    assert_eq!(plain_value("5萬"), Some(Decimal::new(50_000, 0)));
    assert_eq!(plain_value("5億"), Some(Decimal::new(500_000_000, 0)));
    // left to the general reader: zero, a separator out of place, 余, full width, a space
    let long = "9".repeat(100_000);
    for run in ["0万", "1.", ".5万", "1,500万", "5余万", "１５万", "5 万", "1.2万亿", "1234567890123456789亿", &long] {
        assert_eq!(plain_value(run), None, "{run}");
    }
}

const ALPHABET: &[char] = &['0', '1', '5', '9', '.', '．', ',', '万', '亿', '萬', '億', '余', '多', '十', '一', '０', ' ', '点'];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn plain_reading_same_as_general_on_generated_runs(
        run in prop::collection::vec(prop::sample::select(ALPHABET), 1..24).prop_map(|v| v.into_iter().collect::<String>())
    ) {
        check(&run);
    }
}
