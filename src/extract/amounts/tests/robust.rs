//! Any text, however broken: no panic, and every amount is a real span with a sane value.

use super::find_amounts;
use proptest::prelude::*;

/// Characters that make the scanner work hard: digits, numerals, units, separators, dashes.
const ALPHABET: &[char] = &[
    '0', '1', '5', '9', '０', '３', '.', '．', ',', '，', '-', '—', '~', '至', '到', '一', '二', '两', '三', '十', '百',
    '千', '万', '亿', '萬', '億', '元', '圆', '角', '分', '整', '零', '壹', '佰', '仟', '余', '多', '约', '近', '以',
    '上', '每', '人', '均', '/', '资', '金', '投', '第', ' ', '\n', '（', '）', '。', '点', '年', 'a', '\u{3000}',
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..80).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #[test]
    fn amounts_are_real_spans(text in text_strategy()) {
        for a in find_amounts(&text) {
            prop_assert_eq!(text.get(a.offset..a.offset + a.text.len()), Some(a.text.as_str()));
            prop_assert!(a.yuan > rust_decimal::Decimal::ZERO);
            if let Some(max) = a.yuan_max {
                prop_assert!(max > a.yuan);
            }
        }
    }
}

/// Long runs of figure characters: every hit looks at a bounded window, so these stay linear
/// (a quadratic scan would take minutes here, not milliseconds).
#[test]
fn long_runs_stay_linear() {
    let patterns = ["1", "一", "1万", "1,", "元", "1-", "壹佰", "万元", "1.", "五万", "资金1万，"];
    for p in patterns {
        let text = p.repeat(200_000 / p.len());
        let t = std::time::Instant::now();
        let found = find_amounts(&text);
        let ms = t.elapsed().as_millis();
        assert!(ms < 5_000, "{p:?} × {}: {ms} ms", text.len());
        for a in &found {
            assert!(a.yuan > rust_decimal::Decimal::ZERO);
        }
    }
}
