//! The project's own golden cases: every fixtures/<case>/input.txt against its expected.json,
//! with the same comparison `dafu check` uses (dafu::sink::golden).
//!
//! Before the fixtures/ folder exists (a fresh branch) there is nothing to check and the test
//! says so; once it exists it must hold cases, each with an expected.json, and all must pass.

use std::path::Path;

use dafu::sink::golden;

#[test]
fn every_fixture_case_matches_its_expected_json() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    if !dir.is_dir() {
        eprintln!("no fixtures/ folder yet: no golden cases to check");
        return;
    }
    let cases = golden::cases(&dir).expect("reading fixtures/");
    assert!(!cases.is_empty(), "fixtures/ exists but holds no <case>/input.txt");
    let pipeline = dafu::Pipeline::new(dafu::Config::default()).expect("segmenter loads");
    let mut report = Vec::new();
    let mut failed = Vec::new();
    for case in &cases {
        let lines: Vec<String> = if !case.expected.is_file() {
            vec!["no expected.json".to_string()]
        } else {
            match golden::check_case(&pipeline, case) {
                Ok(mismatches) => mismatches.iter().map(|m| m.to_string()).collect(),
                Err(e) => vec![format!("error: {e}")],
            }
        };
        if !lines.is_empty() {
            failed.push(case.name.clone());
            report.extend(lines.into_iter().map(|l| format!("{}: {l}", case.name)));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} golden cases failed: {}\n{}",
        failed.len(),
        cases.len(),
        failed.join(", "),
        report.join("\n")
    );
}
