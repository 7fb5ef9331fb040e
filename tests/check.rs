//! `dafu check`: the output lines and exit codes users' CI relies on (README, "Golden checks").
//! Expected values are facts of the input bytes (length, encoding), true at any extractor quality.

use std::path::Path;
use std::process::Command;

const REPLY: &str = "陈业华代表：\n您提出的建议收悉。\n"; // 15 full-width characters and 2 newlines

fn case(dir: &Path, name: &str, input: &[u8], expected: Option<&str>) {
    let d = dir.join(name);
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("input.txt"), input).unwrap();
    if let Some(e) = expected {
        std::fs::write(d.join("expected.json"), e).unwrap();
    }
}

fn check(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dafu")).arg("check").args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

#[test]
fn all_cases_matching_exit_0_with_the_summary_line() {
    let tmp = tempfile::tempdir().unwrap();
    case(tmp.path(), "utf8", REPLY.as_bytes(), Some(r#"{"schema_version": 1, "source": {"bytes": 47, "encoding": "UTF-8"}}"#));
    // UTF-8: 15 × 3 + 2 = 47 bytes; GBK: 15 × 2 + 2 = 32 bytes.
    case(tmp.path(), "gbk", &gbk(REPLY), Some(r#"{"source": {"bytes": 32.0, "encoding": "GBK"}}"#));
    let (code, out, _) = check(&[tmp.path().to_str().unwrap()]);
    assert_eq!(out, "2 cases, 2 passed, 0 failed\n");
    assert_eq!(code, 0);
}

#[test]
fn a_mismatch_prints_case_path_expected_and_got_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    case(tmp.path(), "a-good", REPLY.as_bytes(), Some(r#"{"source": {"bytes": 47}}"#));
    case(tmp.path(), "b-bad", REPLY.as_bytes(), Some(r#"{"source": {"bytes": 37, "encoding": "GBK"}, "cc": [], "nosuch": 1}"#));
    case(tmp.path(), "c-missing", REPLY.as_bytes(), None);
    case(tmp.path(), "d-broken", REPLY.as_bytes(), Some("{\"source\": "));
    let (code, out, _) = check(&[tmp.path().to_str().unwrap()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "b-bad: $.source.bytes: expected 37, got 47",
            "b-bad: $.source.encoding: expected \"GBK\", got \"UTF-8\"",
            "b-bad: $.nosuch: expected 1, got no such key",
            "c-missing: no expected.json (write one, or run --bless c-missing)",
        ]
    );
    assert!(lines[4].starts_with("d-broken: error: ") && lines[4].contains("not valid JSON"), "{}", lines[4]);
    assert_eq!(lines[5], "4 cases, 1 passed, 3 failed");
    assert_eq!(lines.len(), 6);
    assert_eq!(code, 1);
}

#[test]
fn usage_errors_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    let (code, _, err) = check(&[tmp.path().join("nope").to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = check(&[tmp.path().to_str().unwrap()]);
    assert_eq!(code, 2, "an empty folder is a usage error, not a pass: {err}");
    assert!(err.contains("no cases"), "{err}");
    case(tmp.path(), "one", REPLY.as_bytes(), Some("{}"));
    let (code, _, err) = check(&[tmp.path().to_str().unwrap(), "--bless", "two"]);
    assert_eq!(code, 2);
    assert!(err.contains("no such case") && err.contains("two"), "{err}");
    assert_eq!(std::fs::read_to_string(tmp.path().join("one/expected.json")).unwrap(), "{}");
    let (code, _, _) = check(&[]);
    assert_eq!(code, 2, "missing DIR");
}

#[test]
fn bless_rewrites_only_the_named_cases_and_prints_what_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let stale = r#"{"source": {"bytes": 37}, "note": "hand written"}"#;
    case(tmp.path(), "blessme", REPLY.as_bytes(), Some(stale));
    case(tmp.path(), "leave", REPLY.as_bytes(), Some(stale));
    case(tmp.path(), "fresh", &gbk(REPLY), None);
    let dir = tmp.path().to_str().unwrap();
    let (code, out, _) = check(&[dir, "--bless", "blessme", "fresh"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("blessme: ~ $.source.bytes: 37 -> 47\n"), "{out}");
    assert!(out.contains("blessme: - $.note: \"hand written\"\n"), "{out}");
    assert!(out.contains("fresh: wrote "), "{out}");
    assert_eq!(std::fs::read_to_string(tmp.path().join("leave/expected.json")).unwrap(), stale);

    let text = std::fs::read_to_string(tmp.path().join("blessme/expected.json")).unwrap();
    assert!(text.starts_with("{\n  \"schema_version\": 1,\n"), "pretty-printed: {text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(v.get("id").is_none() && v["source"].get("path").is_none(), "location-dependent keys dropped");
    assert_eq!(v["source"]["bytes"], 47);
    assert!(v.get("title").is_some(), "the full record: every other key is kept");
    let fresh: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(tmp.path().join("fresh/expected.json")).unwrap()).unwrap();
    assert_eq!(fresh["source"]["encoding"], "GBK");

    // The blessed cases now pass wherever the folder is moved; the stale one still fails.
    let moved = tmp.path().join("moved");
    std::fs::create_dir_all(&moved).unwrap();
    std::fs::rename(tmp.path().join("blessme"), moved.join("blessme")).unwrap();
    std::fs::rename(tmp.path().join("fresh"), moved.join("fresh")).unwrap();
    let (code, out, _) = check(&[moved.to_str().unwrap()]);
    assert_eq!((code, out.as_str()), (0, "2 cases, 2 passed, 0 failed\n"));
    let (code, out, _) = check(&[dir]);
    assert_eq!(code, 1);
    assert!(out.ends_with("1 cases, 0 passed, 1 failed\n"), "{out}");
}
