//! Whole-stage tests: the seed, its hard-wrapped scan variant, the offset map, real documents.

use super::*;

const SEED: &str = include_str!("testdata/seed.txt");

#[test]
fn seed_smoke() {
    let n = normalize(SEED);
    assert!(n.text.contains("统筹产业发展基金"));
}

/// Debug aid: `DAFU_NORM_DUMP=file.txt cargo test --lib normalize::tests::dump -- --ignored --nocapture`
/// prints each normalized line with its original line number.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DAFU_NORM_DUMP") else { return };
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let n = normalize(&text);
    for (off, line) in n.lines() {
        println!("{:>4} | {}", n.line_at(off), line);
    }
}
