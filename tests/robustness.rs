//! Property tests: any bytes, any Unicode, and real fixtures with random damage all give exactly
//! one record that passes `dafu::robustness::check_record` — no panic, valid JSON, line numbers
//! inside the document — and damaged fixtures give the same record on a second run.

use std::sync::LazyLock;

use proptest::prelude::*;

static PIPELINE: LazyLock<dafu::Pipeline> =
    LazyLock::new(|| dafu::Pipeline::new(dafu::Config::default()).expect("pipeline"));

/// The seed plus every fixture text that is UTF-8, as damage templates.
static TEXTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut out = Vec::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    if let Ok(entries) = std::fs::read_dir(&root) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path().join("input.txt")).collect();
        paths.sort();
        for p in paths {
            if let Ok(s) = std::fs::read_to_string(&p) {
                out.push(s);
            }
        }
    }
    out.push(SEED_SNIPPET.to_string());
    out
});

const SEED_SNIPPET: &str = "同意公开\n\n邵阳市发展和改革委员会文件\n\n邵市发改函〔2024〕77号\n\nA1类\n\n\
对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n\n你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉。\n\n\
1. 强化规划引领和试点示范。一是在全市推进新型城镇化工作，\n\n牵头组织9县市制订出台了《县城城镇化实施方案（2023-2025）》。\n\n\
2. 积极争取项目资金。一是邵东2023年共争取中央预算内资金7803万元，下达专项债指标6.09亿元（已发行1.4亿）。二是统筹产\n\n业发展基金10万元。\n\n\
下一步，我委将协同财政部门。\n\n抄送：市人大联工委、市政府办公室\n\n联系人及电话：曹权文 15842986508\n";

fn check(record: &dafu::Record) -> Result<(), TestCaseError> {
    dafu::robustness::check_record(record).map_err(TestCaseError::fail)
}

/// A damage operation applied at a char boundary of a template.
#[derive(Debug, Clone)]
enum Damage {
    Insert(usize, String),
    Delete(usize, usize),
    PageBreak(usize, u8),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), "[\\PC\n]{0,8}").prop_map(|(at, s)| Damage::Insert(at, s)),
        (any::<usize>(), 0usize..40).prop_map(|(at, n)| Damage::Delete(at, n)),
        (any::<usize>(), 2u8..30).prop_map(|(at, n)| Damage::PageBreak(at, n)),
    ]
}

fn apply(text: &str, ops: &[Damage]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for op in ops {
        let len = chars.len().max(1);
        match op {
            Damage::Insert(at, s) => {
                let at = at % len;
                let at = at.min(chars.len());
                chars.splice(at..at, s.chars());
            }
            Damage::Delete(at, n) => {
                let at = (at % len).min(chars.len());
                let end = (at + n).min(chars.len());
                chars.drain(at..end);
            }
            Damage::PageBreak(at, n) => {
                let at = (at % len).min(chars.len());
                let brk = format!("\n\n— {n} —\n\n");
                chars.splice(at..at, brk.chars());
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_one_valid_record(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check(&PIPELINE.process_bytes("p", Some("p"), &bytes))?;
    }

    #[test]
    fn any_unicode_gives_one_valid_record(text in "\\PC{0,600}") {
        check(&PIPELINE.process_text("p", &text))?;
        check(&PIPELINE.process_bytes("p", Some("p"), text.as_bytes()))?;
    }

    #[test]
    fn genre_like_unicode_gives_one_valid_record(text in "[0-9一二三四五六七八九十百千万亿元年月日号〔〕《》“”（）、，。：:\n 代表委员抄送联系人电话第届次会议建议提案是下一步]{0,400}") {
        check(&PIPELINE.process_text("p", &text))?;
    }

    #[test]
    fn damaged_fixtures_give_one_valid_record(which in any::<usize>(), ops in proptest::collection::vec(damage(), 0..12)) {
        let base = &TEXTS[which % TEXTS.len()];
        let text = apply(base, &ops);
        let record = PIPELINE.process_text("p", &text);
        check(&record)?;
        // Same input, same bytes out: nothing order- or state-dependent leaks into a record.
        dafu::robustness::check_deterministic(&record, &PIPELINE.process_text("p", &text)).map_err(TestCaseError::fail)?;
        // The same damage in GBK bytes goes through detection too.
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        check(&PIPELINE.process_bytes("p", Some("p"), &gbk))?;
        // And as UTF-16LE without a BOM, which only the heuristic recognises.
        let utf16: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        check(&PIPELINE.process_bytes("p", Some("p"), &utf16))?;
    }
}
