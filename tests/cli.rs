//! The binary as users drive it: inputs, outputs, exit codes, help and schema.

mod common;
use common::*;

#[test]
fn help_has_examples() {
    let out = dafu(&["extract", "--help"], None);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Examples:"), "{help}");
    assert!(help.contains("--paths-from -"));
    assert!(help.contains("--stdin-jsonl"));
}

#[test]
fn schema_names_every_record_key() {
    let out = dafu(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    let mut names = std::collections::BTreeSet::new();
    collect_properties(&schema, &mut names);
    // Every key of ../shared/RECORD.md, read off the page.
    let keys = [
        "schema_version", "id", "source", "path", "bytes", "sha256", "encoding", "encoding_method", "malformed",
        "disclosure", "classification", "issuer", "doc_number", "text", "agency_code", "year", "serial", "warnings",
        "title", "proposal", "body", "level", "term", "session", "number", "kind", "addressees", "name", "role",
        "addressee_count", "subject", "measures", "index", "heading", "points", "line", "next_steps", "amounts",
        "yuan", "yuan_max", "qualifier", "inferred_unit", "per", "label", "measure", "contacts", "phones", "cc",
        "signer", "date", "references", "keywords", "stats", "chars", "lines", "tokens", "error", "message",
    ];
    let missing: Vec<_> = keys.iter().filter(|k| !names.contains(**k)).collect();
    assert!(missing.is_empty(), "keys missing from `dafu schema`: {missing:?}");
}

fn collect_properties(v: &serde_json::Value, names: &mut std::collections::BTreeSet<String>) {
    match v {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                names.extend(props.keys().cloned());
            }
            map.values().for_each(|x| collect_properties(x, names));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|x| collect_properties(x, names)),
        _ => {}
    }
}

#[test]
fn a_record_has_every_top_level_key() {
    let out = dafu(&["extract", "--stdin-jsonl", "--no-segment"], Some(format!("{}\n", serde_json::json!({"id": "r", "text": REPLY})).as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    let keys: Vec<&str> = recs[0].as_object().expect("object").keys().map(String::as_str).collect();
    for k in ["schema_version", "id", "source", "disclosure", "classification", "issuer", "doc_number", "title", "proposal",
        "addressees", "addressee_count", "subject", "measures", "next_steps", "amounts", "contacts", "cc", "signer", "date",
        "references", "keywords", "stats", "warnings"] {
        assert!(keys.contains(&k), "{k} missing from {keys:?}");
    }
    assert_eq!(recs[0]["source"]["path"], serde_json::Value::Null);
}

#[test]
fn folder_walk_sorted_with_hidden_files_and_ext() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for name in ["b.txt", "a/2.txt", ".hidden.txt", "skip.md", "c.htm"] {
        write(&root.join(name), REPLY.as_bytes());
    }
    let out = dafu(&["extract", "--quiet", "--no-segment", p(root)], None);
    assert_eq!(out.status.code(), Some(0));
    let ids: Vec<String> = records(&out).iter().map(|r| r["id"].as_str().expect("id").to_string()).collect();
    let want: Vec<String> = [".hidden.txt", "a/2.txt", "b.txt"].iter().map(|n| p(&root.join(n)).to_string()).collect();
    assert_eq!(ids, want);
    let out = dafu(&["extract", "--quiet", "--no-segment", "--ext", "htm,md", p(root)], None);
    assert_eq!(records(&out).len(), 2);
}

#[test]
fn output_file_and_summary_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = dir.path().join("a.txt");
    write(&a, REPLY.as_bytes());
    let dest = dir.path().join("out.jsonl");
    let out = dafu(&["extract", "--no-segment", p(&a), p(&a), "-o", p(&dest)], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&dest).expect("written").lines().count(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Not a terminal: no bar, only the one summary line.
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("2 documents, 0 errors") && stderr.contains("MB/s"), "{stderr}");
    let quiet = dafu(&["extract", "--quiet", "--no-segment", p(&a), "-o", p(&dest)], None);
    assert!(quiet.stderr.is_empty());
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.txt");
    let empty = dir.path().join("empty.txt");
    write(&good, REPLY.as_bytes());
    write(&empty, b"");
    assert_eq!(dafu(&["extract", "-q", "--no-segment", p(&good)], None).status.code(), Some(0));
    assert_eq!(dafu(&["extract", "-q", "--no-segment", p(&good), p(&empty)], None).status.code(), Some(1));
    // Usage errors.
    assert_eq!(dafu(&["extract"], None).status.code(), Some(2));
    assert_eq!(dafu(&["extract", "--bogus"], None).status.code(), Some(2));
    assert_eq!(dafu(&["extract", "--encoding", "no-such", p(&good)], None).status.code(), Some(2));
    assert_eq!(dafu(&["extract", "--threads", "0", p(&good)], None).status.code(), Some(2));
    assert_eq!(dafu(&["extract", "--stdin-jsonl", p(&good)], None).status.code(), Some(2), "conflicting inputs");
    // Output that cannot be written is fatal, and says so.
    let missing = dir.path().join("no/such/dir/out.jsonl");
    let out = dafu(&["extract", "-q", "--no-segment", p(&good), "-o", p(&missing)], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("creating"));
}

#[test]
fn closed_stdout_exits_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..600 {
        write(&dir.path().join(format!("{i:04}.txt")), REPLY.as_bytes());
    }
    // `dafu extract dir | head -1`: the shell closes the pipe after one line.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(["extract", "--no-segment", "--chunk", "16", p(dir.path())])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).expect("some output");
    drop(stdout);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("error"), "{stderr}");
}

#[test]
fn paths_from_file_and_stdin_keep_the_given_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    write(&a, REPLY.as_bytes());
    write(&b, REPLY.as_bytes());
    let list = format!("{}\n\n{}\r\n", p(&b), p(&a));
    let out = dafu(&["extract", "-q", "--no-segment", "--paths-from", "-"], Some(list.as_bytes()));
    let ids: Vec<_> = records(&out).iter().map(|r| r["id"].as_str().expect("id").to_string()).collect();
    assert_eq!(ids, [p(&b), p(&a)]);
    let list_file = dir.path().join("list");
    write(&list_file, list.as_bytes());
    let out = dafu(&["extract", "-q", "--no-segment", "--paths-from", p(&list_file)], None);
    assert_eq!(records(&out).len(), 2);
}

#[cfg(unix)]
#[test]
fn paths_from_with_a_non_utf8_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let name = std::ffi::OsStr::from_bytes(b"\xb4\xf0\xb8\xb4.txt");
    let file = dir.path().join(name);
    write(&file, REPLY.as_bytes());
    let mut list = file.as_os_str().as_bytes().to_vec();
    list.push(b'\n');
    let out = dafu(&["extract", "-q", "--no-segment", "--paths-from", "-"], Some(&list));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    assert_eq!(kind(&recs[0]), "", "the file was read through its raw-bytes name");
    assert!(recs[0]["id"].as_str().expect("id").ends_with("\u{FFFD}\u{FFFD}.txt"));
}

#[test]
fn stdin_jsonl_text_base64_and_malformed_lines() {
    let input = concat!(
        "{\"id\":\"one\",\"text\":\"陈业华代表：\\n你提出的建议收悉。\"}\n",
        "this is not json\n",
        "{\"id\":\"two\",\"base64\":\"tPC4tKO6xPrM4bP2tcS9qNLpytXPpKOsz9a08Li0yOfPwg==\"}\n",
    );
    let out = dafu(&["extract", "-q", "--no-segment", "--stdin-jsonl"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(1));
    let recs = records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["id"], "one");
    assert_eq!(kind(&recs[0]), "");
    assert_eq!(kind(&recs[1]), "bad_input");
    assert_eq!(recs[1]["id"], "stdin:2");
    assert_eq!(recs[2]["id"], "two");
    // 答复：您提出的建议收悉，现答复如下 in GBK
    assert_eq!(recs[2]["source"]["encoding"], "GBK");
    assert_eq!(recs[2]["source"]["bytes"], 34);
}
