//! Amounts through the whole pipeline: JSON shape of exact values, original line numbers, the
//! page-break repair done by the normalizer, and (ignored by default) the stage's throughput.
//!
//! Throughput, with the crate optimised:
//!     CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --test amounts_cases -- --ignored --nocapture

use dafu::extract::amounts::find_amounts;
use dafu::{Config, Pipeline};

fn pipeline() -> Pipeline {
    Pipeline::new(Config { segment: false, ..Config::default() }).expect("pipeline builds")
}

fn amounts_json(text: &str) -> Vec<serde_json::Value> {
    let record = pipeline().process_text("t", text);
    let line = serde_json::to_string(&record).expect("record serialises");
    let v: serde_json::Value = serde_json::from_str(&line).expect("record parses");
    v["amounts"].as_array().cloned().unwrap_or_default()
}

#[test]
fn yuan_is_a_plain_json_number() {
    let record = pipeline().process_text("t", "争取资金7803万元，合同金额壹佰壹拾万贰仟陆佰壹拾肆元陆角。");
    let line = serde_json::to_string(&record).expect("record serialises");
    assert!(line.contains("\"yuan\":78030000,"), "{line}");
    assert!(line.contains("\"yuan\":1102614.6,"), "{line}");
    assert!(!line.contains("78030000.0"), "{line}");
}

#[test]
fn range_serialises_both_ends() {
    let a = amounts_json("博乐市每年预算安排5-10万元专项用于文物保护工作经费");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0]["text"], "5-10万元");
    assert_eq!(a[0]["yuan"].to_string(), "50000");
    assert_eq!(a[0]["yuan_max"].to_string(), "100000");
}

#[test]
fn line_is_the_original_line() {
    let text = "陈业华代表：\n\n你提出的建议收悉。\n\n一是争取中央预算内资金7803万元，\n二是安排10万元用于茶叶复兴。\n";
    let a = amounts_json(text);
    let lines: Vec<u64> = a.iter().map(|x| x["line"].as_u64().unwrap_or(0)).collect();
    assert_eq!(lines, vec![5, 6]);
}

/// The normalizer rejoins a figure split by a page footer; amounts only sees the whole figure.
#[test]
fn figure_split_by_page_break_is_found_whole() {
    let a = amounts_json("一是争取中央预算内资金7803万\n\n— 2 —\n\n元，发行地方专项债7.7亿元。");
    let values: Vec<String> = a.iter().map(|x| x["yuan"].to_string()).collect();
    assert_eq!(values, vec!["78030000", "770000000"]);
}

/// MB/s of the amounts stage alone over the real-dev texts repeated to about 20 MB.
#[test]
#[ignore = "benchmark: run with --ignored --nocapture"]
fn amounts_stage_throughput() {
    let dir = std::path::Path::new("/work/shared/corpus/real-dev");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("real-dev readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let docs: Vec<String> = paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    let one_pass: usize = docs.iter().map(String::len).sum();
    let rounds = (20 << 20) / one_pass.max(1) + 1;
    let start = std::time::Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            found += find_amounts(d).len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (one_pass * rounds) as f64 / 1e6;
    println!("amounts stage: {mb:.1} MB in {secs:.3} s = {:.0} MB/s ({found} amounts)", mb / secs);
    assert!(found > 0);

    // money-dense text: only the lines that carry a figure, as in a budget-heavy reply
    let dense: String = docs
        .iter()
        .flat_map(|d| d.lines())
        .filter(|l| l.contains(['元', '萬']) || l.contains("万"))
        .map(|l| format!("{l}\n"))
        .collect();
    let rounds = (20 << 20) / dense.len().max(1) + 1;
    let start = std::time::Instant::now();
    let mut found = 0usize;
    for _ in 0..rounds {
        found += find_amounts(&dense).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (dense.len() * rounds) as f64 / 1e6;
    println!("amounts stage, money-dense lines: {mb:.1} MB in {secs:.3} s = {:.0} MB/s ({found} amounts)", mb / secs);
}
