//! Hostile input: the bad-input suite (driving the binary), pathological texts (through the
//! library; each must finish — a quadratic rule would hang this test, not a timing assertion),
//! and replays of what the fuzzer found (tests/regressions/).

use std::path::Path;
use std::process::{Command, Output};
use std::sync::LazyLock;

use serde_json::Value;

static PIPELINE: LazyLock<dafu::Pipeline> =
    LazyLock::new(|| dafu::Pipeline::new(dafu::Config::default()).expect("pipeline"));

fn dafu(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafu")).args(args).output().expect("run dafu")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn extract_one(path: &Path, extra: &[&str]) -> (Value, i32) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["extract".as_ref(), "--quiet".as_ref()];
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(s)));
    args.push(path.as_os_str());
    let out = dafu(&args);
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "one record for {}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    (recs.into_iter().next().unwrap(), out.status.code().unwrap_or(-1))
}

fn error_kind(r: &Value) -> Option<&str> {
    r.get("error").and_then(|e| e.get("kind")).and_then(|k| k.as_str())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn zero_bytes_whitespace_and_bom_only_are_empty() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("zero.txt", &b""[..]),
        ("ws.txt", &b" \r\n\t\n\xe3\x80\x80\n"[..]),
        ("bom.txt", &b"\xef\xbb\xbf"[..]),
        ("bom16.txt", &b"\xff\xfe"[..]),
    ] {
        let (r, code) = extract_one(&write(dir.path(), name, bytes), &[]);
        assert_eq!(error_kind(&r), Some("empty"), "{name}: {r}");
        assert_eq!(code, 1, "{name}");
    }
}

#[test]
fn nul_bytes_are_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "陈业华代表：\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0, 1, 2, 0, 0, 0, 7, 0, 0x89, b'P', b'N', b'G', 0, 0]);
    bytes.extend(std::iter::repeat(0u8).take(300));
    let (r, _) = extract_one(&write(dir.path(), "bin.txt", &bytes), &[]);
    assert_eq!(error_kind(&r), Some("binary"), "{r}");
}

#[test]
fn invalid_utf8_in_the_middle_is_counted_and_the_text_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n".repeat(5).into_bytes();
    bytes.extend_from_slice(b"\xff\xfe\xc3");
    bytes.extend_from_slice("\n联系人及电话：曹权文 15842986508\n".as_bytes());
    let (r, code) = extract_one(&write(dir.path(), "bad.txt", &bytes), &[]);
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["source"]["encoding"], "UTF-8", "{r}");
    assert!(r["source"]["malformed"].as_u64().unwrap() >= 1, "{r}");
    assert_eq!(code, 0);
}

#[test]
fn truncated_multibyte_sequence_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "陈业华代表：\n你提出的建议收悉。现答复如下：\n".repeat(3).into_bytes();
    bytes.extend_from_slice(&"答".as_bytes()[..2]);
    let (r, _) = extract_one(&write(dir.path(), "trunc.txt", &bytes), &[]);
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["source"]["malformed"], 1, "{r}");
}

#[test]
fn one_line_of_100_mb_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "积极争取项目资金，统筹产业发展基金，推进城乡融合发展。";
    let text = unit.repeat(100_000_000 / unit.len() + 1);
    let p = write(dir.path(), "huge.txt", text.as_bytes());
    // Over the default cap: a too_large record, not an attempt to read it.
    let (r, _) = extract_one(&p, &["--max-bytes", "1000000"]);
    assert_eq!(error_kind(&r), Some("too_large"), "{r}");
    let (r, code) = extract_one(&p, &["--max-bytes", "200000000", "--no-segment"]);
    assert!(r.get("error").is_none(), "{}", &r.to_string()[..200.min(r.to_string().len())]);
    assert_eq!(r["stats"]["lines"], 1);
    assert_eq!(code, 0);
}

#[test]
fn a_million_short_lines_are_processed() {
    let dir = tempfile::tempdir().unwrap();
    let text = "答复\n".repeat(1_000_000);
    let (r, code) = extract_one(&write(dir.path(), "lines.txt", text.as_bytes()), &["--no-segment"]);
    assert!(r.get("error").is_none());
    assert_eq!(r["stats"]["lines"].as_u64().unwrap(), 1_000_001);
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn symlink_loop_unreadable_and_odd_names_each_give_one_record() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dump");
    std::fs::create_dir_all(root.join("sub")).unwrap();
    write(&root, "a.txt", "陈业华代表：\n你提出的建议收悉。\n".as_bytes());
    std::os::unix::fs::symlink(&root, root.join("sub").join("loop")).unwrap();
    // A dangling link cannot be read: an io record, not a silent skip.
    std::os::unix::fs::symlink(root.join("gone.txt"), root.join("dangling.txt")).unwrap();
    let odd = std::ffi::OsStr::from_bytes(b"\xff\xfe-name.txt");
    std::fs::write(root.join(odd), "李丽代表：\n".as_bytes()).unwrap();
    let out = dafu(&["extract".as_ref(), "--quiet".as_ref(), root.as_os_str()]);
    let recs = records(&out);
    let ids: Vec<String> = recs.iter().map(|r| r["id"].as_str().unwrap().to_string()).collect();
    assert!(ids.iter().any(|i| i.ends_with("a.txt")), "{ids:?}");
    assert!(ids.iter().any(|i| i.contains("-name.txt")), "non-UTF-8 name lost: {ids:?}");
    let io: Vec<&Value> = recs.iter().filter(|r| error_kind(r) == Some("io")).collect();
    assert!(io.iter().any(|r| r["id"].as_str().unwrap().contains("dangling")), "{recs:?}");
    assert!(io.iter().any(|r| r["id"].as_str().unwrap().contains("loop")), "symlink loop not reported: {recs:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn unreadable_and_vanished_files_are_io_records() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", "李丽代表：\n".as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let vanished = dir.path().join("vanished.txt");
    let list = write(
        dir.path(),
        "list",
        format!("{}\n{}\n", locked.display(), vanished.display()).as_bytes(),
    );
    let out = dafu(&["extract".as_ref(), "--quiet".as_ref(), "--paths-from".as_ref(), list.as_os_str()]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2);
    assert_eq!(error_kind(&recs[1]), Some("io"), "{}", recs[1]);
    // root reads anything: the permission half only holds for ordinary users.
    let root = std::fs::File::open(&locked).is_ok();
    if !root {
        assert_eq!(error_kind(&recs[0]), Some("io"), "{}", recs[0]);
    }
}

#[test]
fn a_thousand_documents_with_ten_bad_give_a_thousand_records() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..1000 {
        let bytes: Vec<u8> = if i % 100 == 37 {
            if i % 200 == 37 { Vec::new() } else { vec![0u8; 64] }
        } else {
            format!("对县十八届人大一次会议第{i}号建议的答复\n王红兰代表：\n现答复如下。\n").into_bytes()
        };
        write(dir.path(), &format!("{i:04}.txt"), &bytes);
    }
    let out = dafu(&["extract".as_ref(), "--quiet".as_ref(), "--threads".as_ref(), "2".as_ref(), dir.path().as_os_str()]);
    let recs = records(&out);
    assert_eq!(recs.len(), 1000);
    assert_eq!(recs.iter().filter(|r| r.get("error").is_some()).count(), 10);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "records in input order");
    assert_eq!(out.status.code(), Some(1));
}

/// Each pathological text gives one valid record; a quadratic rule would make this test hang.
#[test]
fn pathological_texts_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("20,000 nested 《", "《".repeat(20_000) + "关于" + &"》".repeat(10)),
        ("100,000 digits", "资金".to_string() + &"7".repeat(100_000) + "万元"),
        ("20,000 一是 clauses", "1. 强化规划引领。".to_string() + &"一是推进，".repeat(20_000)),
        ("200,000 cc entries", "抄送：".to_string() + &"市政府办公室、".repeat(200_000)),
        ("500,000 lines of one word", "答复\n".repeat(500_000)),
        ("50,000 salutations", "陈业华代表：\n".repeat(50_000)),
        ("100,000 文号", "邵市发改函〔2024〕77号".repeat(100_000)),
        ("wrapped lines without end", "积极争取项目资金统筹产业发展基金推进城乡融\n".repeat(100_000)),
    ];
    for (what, text) in cases {
        let r = PIPELINE.process_text(what, &text);
        dafu::robustness::check_record(&r).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(r.fields().is_some(), "{what}: {:?}", r.error());
    }
}

/// Inputs the fuzzer found (one file each in tests/regressions/) stay fixed.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/regressions exists") {
        let p = entry.unwrap().path();
        if p.extension().and_then(|e| e.to_str()) == Some("md") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let r = PIPELINE.process_bytes("r", Some("r"), &bytes);
        dafu::robustness::check_record(&r).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}
