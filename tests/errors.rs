//! Every document in gives one record out, whatever is wrong with it.

mod common;
use common::*;

#[test]
fn every_kind_of_bad_document_is_one_error_record() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("dump");
    write(&root.join("01-good.txt"), REPLY.as_bytes());
    write(&root.join("02-zero.txt"), b"");
    write(&root.join("03-blank.txt"), b" \r\n\t\r\n");
    write(&root.join("04-bom-only.txt"), b"\xef\xbb\xbf");
    write(&root.join("05-binary.txt"), b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary zip");
    write(&root.join("06-big.txt"), REPLY.repeat(10).as_bytes());
    write(&root.join("07-utf16.txt"), &utf16(REPLY, false, false));
    let out = dafu(&["extract", "-q", "--no-segment", "--max-bytes", "1000", root.to_str().expect("utf8")], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let kinds: Vec<String> = recs.iter().map(kind).collect();
    assert_eq!(kinds, ["", "empty", "empty", "empty", "binary", "too_large", ""]);
    for r in &recs {
        if !kind(r).is_empty() {
            assert!(r["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
            assert_eq!(r["source"]["encoding"], serde_json::Value::Null);
            assert_eq!(r["schema_version"], 1);
        }
    }
    // Refused from its size, before reading.
    assert_eq!(recs[5]["source"]["bytes"], REPLY.len() as u64 * 10);
    // The UTF-16 file is full of NULs and is not binary.
    assert_eq!(recs[6]["source"]["encoding"], "UTF-16LE");
    let stderr = dafu(&["extract", "--no-segment", "--max-bytes", "1000", root.to_str().expect("utf8")], None).stderr;
    assert!(String::from_utf8_lossy(&stderr).contains("7 documents, 5 errors"));
}

#[test]
fn missing_files_are_io_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let gone = dir.path().join("gone.txt");
    let good = dir.path().join("good.txt");
    write(&good, REPLY.as_bytes());
    let out = dafu(&["extract", "-q", "--no-segment", p(&gone), p(&good)], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(kind(&recs[0]), "io");
    assert_eq!(recs[0]["id"], p(&gone));
    assert_eq!(kind(&recs[1]), "");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_io_records() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(&root.join("a/doc.txt"), REPLY.as_bytes());
    std::os::unix::fs::symlink(root.join("a"), root.join("a/loop")).expect("symlink");
    std::os::unix::fs::symlink(root.join("nowhere.txt"), root.join("a/dangling.txt")).expect("symlink");
    let out = dafu(&["extract", "-q", "--no-segment", p(root)], None);
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    let mut kinds: Vec<String> = recs.iter().map(kind).collect();
    kinds.sort();
    assert_eq!(kinds, ["", "io", "io"]);
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_io_records() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("locked.txt");
    write(&locked, REPLY.as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        // Running as root: permissions do not stop reads, nothing to test here.
        return;
    }
    let out = dafu(&["extract", "-q", "--no-segment", p(dir.path())], None);
    assert_eq!(kind(&records(&out)[0]), "io");
}

#[test]
fn records_out_equal_documents_in_for_a_mixed_stream() {
    let mut input = String::new();
    for i in 0..50 {
        match i % 5 {
            0 => input.push_str("{broken\n"),
            1 => input.push_str(&format!("{}\n", serde_json::json!({"id": i, "text": ""}))),
            2 => input.push_str(&format!("{}\n", serde_json::json!({"id": i, "base64": "AAAA"}))),
            _ => input.push_str(&format!("{}\n", serde_json::json!({"id": i, "text": REPLY}))),
        }
    }
    let out = dafu(&["extract", "-q", "--no-segment", "--stdin-jsonl", "--chunk", "7"], Some(input.as_bytes()));
    let recs = records(&out);
    assert_eq!(recs.len(), 50);
    let count = |k: &str| recs.iter().filter(|r| kind(r) == k).count();
    assert_eq!((count("bad_input"), count("empty"), count("binary"), count("")), (10, 10, 10, 20));
}
