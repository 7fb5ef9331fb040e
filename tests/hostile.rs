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
    args.extend(extra.iter().map(std::ffi::OsStr::new));
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
fn nul_bytes_are_binary_near_the_start_and_kept_further_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "陈业华代表：\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0, 1, 2, 0, 0, 0, 7, 0, 0x89, b'P', b'N', b'G', 0, 0]);
    bytes.extend(std::iter::repeat_n(0u8, 300));
    let (r, code) = extract_one(&write(dir.path(), "bin.txt", &bytes), &[]);
    assert_eq!(error_kind(&r), Some("binary"), "{r}");
    assert_eq!(code, 1);
    // A stray NUL deep inside a long text document: a record with fields, the NUL escaped.
    let mut bytes = "对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n".as_bytes().to_vec();
    bytes.extend("你提出的建议收悉。现答复如下。\n".repeat(300).into_bytes());
    bytes.extend_from_slice(b"\x00\x00tail\n");
    let (r, _) = extract_one(&write(dir.path(), "stray.txt", &bytes), &["--no-segment"]);
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["addressees"][0]["name"], "陈业华", "{r}");
}

#[test]
fn invalid_utf8_in_the_middle_is_counted_and_the_text_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "对市十七届人大三次会议第151号建议的答复\n".as_bytes().to_vec();
    // Three malformed sequences: two bytes that never start one, and a lead byte cut short.
    bytes.extend_from_slice(b"\xff\xfe\xc3\n");
    bytes.extend_from_slice("陈业华代表：\n你提出的《关于建强特色小镇载体的建议》收悉。现答复如下。\n".as_bytes());
    bytes.extend("我委将积极争取项目资金。\n".repeat(20).into_bytes());
    let (r, code) = extract_one(&write(dir.path(), "bad.txt", &bytes), &["--no-segment"]);
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["source"]["encoding"], "UTF-8", "{r}");
    assert_eq!(r["source"]["malformed"], 3, "{r}");
    // The text on both sides of the damage is read.
    assert_eq!(r["title"], "对市十七届人大三次会议第151号建议的答复", "{r}");
    assert_eq!(r["addressees"][0]["name"], "陈业华", "{r}");
    // 24 lines, and the empty one after the final newline.
    assert_eq!(r["stats"]["lines"], 25, "{r}");
    assert_eq!(code, 0);
}

#[test]
fn truncated_multibyte_sequence_at_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "陈业华代表：\n你提出的建议收悉。现答复如下：\n".repeat(3).into_bytes();
    bytes.extend_from_slice(&"答".as_bytes()[..2]);
    let (r, code) = extract_one(&write(dir.path(), "trunc.txt", &bytes), &["--no-segment"]);
    assert!(r.get("error").is_none(), "{r}");
    assert_eq!(r["source"]["encoding"], "UTF-8", "{r}");
    assert_eq!(r["source"]["malformed"], 1, "{r}");
    assert_eq!(r["addressees"][0]["name"], "陈业华", "{r}");
    assert_eq!(code, 0);
}

/// Run dafu and sample its peak resident memory (VmHWM, a high-water mark) until it exits.
#[cfg(target_os = "linux")]
fn run_with_peak_kb(args: &[&std::ffi::OsStr]) -> (Output, u64) {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn dafu");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        stdout.read_to_end(&mut buf).map(|_| buf)
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        let hwm = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        });
        peak = peak.max(hwm.unwrap_or(0));
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let stdout = reader.join().unwrap().unwrap();
    (Output { status, stdout, stderr: Vec::new() }, peak)
}

#[test]
fn one_line_of_100_mb_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let unit = "积极争取项目资金，统筹产业发展基金，推进城乡融合发展。";
    let text = unit.repeat(100_000_000 / unit.len() + 1);
    let size = text.len() as u64;
    let p = write(dir.path(), "huge.txt", text.as_bytes());
    drop(text);
    // Over the cap: a too_large record, refused before reading.
    let (r, _) = extract_one(&p, &["--max-bytes", "1000000"]);
    assert_eq!(error_kind(&r), Some("too_large"), "{r}");
    assert_eq!(r["source"]["bytes"], size);
    // Raised cap: read and processed. Segmentation off: a 100 MB line through jieba in a
    // debug build is minutes of work that the pathological texts below already cover.
    let args: Vec<&std::ffi::OsStr> =
        vec!["extract".as_ref(), "--quiet".as_ref(), "--max-bytes".as_ref(), "200000000".as_ref(), "--no-segment".as_ref(), p.as_os_str()];
    #[cfg(target_os = "linux")]
    let (out, peak_kb) = run_with_peak_kb(&args);
    #[cfg(not(target_os = "linux"))]
    let (out, peak_kb) = (dafu(&args), 0);
    let recs = records(&out);
    assert_eq!(recs.len(), 1);
    let r = &recs[0];
    assert!(r.get("error").is_none(), "{}", &r.to_string()[..200.min(r.to_string().len())]);
    assert_eq!(r["stats"]["lines"], 1);
    assert_eq!(r["stats"]["chars"], size / 3, "every char of the line is kept");
    assert_eq!(out.status.code(), Some(0));
    // Memory in proportion to the document (bytes, decoded text, normalized text, a few
    // copies of the header lines), never per-line or per-match blow-up.
    eprintln!("100 MB line: peak RSS {} MB", peak_kb / 1024);
    assert!(peak_kb < 10 * size / 1024, "peak RSS {peak_kb} kB for a {size}-byte document");
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
    // a.txt, the odd name, the dangling link and the loop: each once (the loop is not followed).
    assert_eq!(recs.len(), 4, "{ids:?}");
    assert!(ids.iter().any(|i| i.ends_with("a.txt")), "{ids:?}");
    // The odd name is read through its real bytes; only the id is lossy.
    let odd = recs.iter().find(|r| r["id"].as_str().unwrap().ends_with("\u{FFFD}\u{FFFD}-name.txt"));
    let odd = odd.unwrap_or_else(|| panic!("non-UTF-8 name lost: {ids:?}"));
    assert!(odd.get("error").is_none(), "{odd}");
    assert_eq!(odd["addressees"][0]["name"], "李丽", "{odd}");
    let io: Vec<&Value> = recs.iter().filter(|r| error_kind(r) == Some("io")).collect();
    assert!(io.iter().any(|r| r["id"].as_str().unwrap().contains("dangling")), "{recs:?}");
    assert!(io.iter().any(|r| r["id"].as_str().unwrap().contains("loop")), "symlink loop not reported: {recs:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn unreadable_and_missing_files_are_io_records() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = write(dir.path(), "locked.txt", "李丽代表：\n".as_bytes());
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let missing = dir.path().join("missing.txt");
    let mut list = format!("{}\n{}\n", locked.display(), missing.display());
    // root reads a 0o000 file, so also name a file nobody can read: the kernel refuses to read
    // /proc/self/mem at offset 0 (EIO) whoever asks.
    let proc_mem = cfg!(target_os = "linux") && Path::new("/proc/self/mem").exists();
    if proc_mem {
        list.push_str("/proc/self/mem\n");
    }
    let list = write(dir.path(), "list", list.as_bytes());
    let out = dafu(&["extract".as_ref(), "--quiet".as_ref(), "--paths-from".as_ref(), list.as_os_str()]);
    let recs = records(&out);
    assert_eq!(recs.len(), if proc_mem { 3 } else { 2 });
    assert_eq!(error_kind(&recs[1]), Some("io"), "{}", recs[1]);
    if proc_mem {
        assert_eq!(error_kind(&recs[2]), Some("io"), "{}", recs[2]);
        assert_eq!(recs[2]["id"], "/proc/self/mem");
    }
    let root = std::fs::File::open(&locked).is_ok();
    if !root {
        assert_eq!(error_kind(&recs[0]), Some("io"), "{}", recs[0]);
    }
    assert_eq!(out.status.code(), Some(1));
}

/// A file listed with its folder and deleted before it is read: dafu lists a folder up front,
/// then writes records chunk by chunk. The test reads the first byte of output (so the listing
/// is done), deletes the last file, and only then drains stdout: until then dafu is stuck
/// writing the 400 records before it (far more than a pipe holds), so it cannot have read it.
#[test]
fn a_file_that_vanishes_mid_run_is_an_io_record() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("dump");
    std::fs::create_dir_all(&root).unwrap();
    for i in 0..400 {
        let text = format!("对县十八届人大一次会议第{i}号建议的答复\n王红兰代表：\n你提出的《关于加快推进农村公路建设的建议》收悉。现答复如下。\n");
        write(&root, &format!("{i:04}.txt"), text.as_bytes());
    }
    let doomed = write(&root, "9999-vanishes.txt", "李丽代表：\n".as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(["extract", "--quiet", "--no-segment", "--threads", "1", "--chunk", "1"])
        .arg(&root)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn dafu");
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("first byte of output");
    std::fs::remove_file(&doomed).unwrap();
    let mut rest = Vec::new();
    stdout.read_to_end(&mut rest).unwrap();
    let status = child.wait().unwrap();
    let mut all = first.to_vec();
    all.extend(rest);
    let out = Output { status, stdout: all, stderr: Vec::new() };
    let recs = records(&out);
    assert_eq!(recs.len(), 401);
    assert_eq!(recs.iter().filter(|r| r.get("error").is_some()).count(), 1);
    let last = &recs[400];
    assert!(last["id"].as_str().unwrap().ends_with("9999-vanishes.txt"), "{last}");
    assert_eq!(error_kind(last), Some("io"), "{last}");
    assert!(last["error"]["message"].as_str().unwrap().contains("vanished"), "{last}");
    assert_eq!(out.status.code(), Some(1));
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
    sorted.dedup();
    assert_eq!(sorted.len(), 1000, "each document exactly once");
    // The errors are the ten bad files, each with the right kind.
    for (i, r) in recs.iter().enumerate() {
        let want = match i {
            _ if i % 200 == 37 => Some("empty"),
            _ if i % 100 == 37 => Some("binary"),
            _ => None,
        };
        assert_eq!(error_kind(r), want, "{i}: {r}");
    }
    assert_eq!(out.status.code(), Some(1));
}

/// Each pathological text gives one valid record, with segmentation on; a quadratic rule
/// would make this test hang (no timing assertion: the times are printed for the record).
#[test]
fn pathological_texts_finish() {
    let cases: Vec<(&str, String)> = vec![
        ("20,000 nested 《 》", "《".repeat(20_000) + "关于加快推进农村公路建设的建议" + &"》".repeat(20_000)),
        ("20,000 unclosed 《", "你提出的".to_string() + &"《".repeat(20_000) + "关于" + &"》".repeat(10) + "收悉"),
        ("100,000 digits", "资金".to_string() + &"7".repeat(100_000) + "万元"),
        ("100,000 digits as a number", "第".to_string() + &"1".repeat(100_000) + "号建议的答复\n邵市发改函〔" + &"2".repeat(100_000) + "〕77号"),
        ("20,000 一是 clauses", "1. 强化规划引领。".to_string() + &"一是推进，".repeat(20_000)),
        ("20,000 sections", "一、强化规划引领。一是推进试点。\n".repeat(20_000)),
        ("200,000 cc entries", "抄送：".to_string() + &"市政府办公室、".repeat(200_000)),
        ("500,000 lines of one word", "答复\n".repeat(500_000)),
        ("50,000 salutations", "陈业华代表：\n".repeat(50_000)),
        ("100,000 文号", "邵市发改函〔2024〕77号".repeat(100_000)),
        ("100,000 amounts", "争取资金1.4亿元、".repeat(100_000)),
        ("50,000 contacts", "联系人及电话：曹权文 15842986508，".repeat(50_000)),
        ("20,000 references", "《关于印发<实施方案>的通知》（湘政办发〔2019〕58号）".repeat(20_000)),
        ("wrapped lines without end", "积极争取项目资金统筹产业发展基金推进城乡融\n".repeat(100_000)),
        ("100,000 page breaks", "统筹产\n\n— 3 —\n\n业发展基金".repeat(100_000)),
        ("1,000,000 layout spaces", "陈　".repeat(1_000_000)),
    ];
    // Load the dictionaries before the clock starts.
    assert!(PIPELINE.process_text("warm-up", "陈业华代表：\n").fields().is_some());
    let mut slowest = ("", std::time::Duration::ZERO);
    for (what, text) in &cases {
        let start = std::time::Instant::now();
        let r = PIPELINE.process_text(what, text);
        let took = start.elapsed();
        eprintln!("{what}: {} kB in {took:.2?}", text.len() / 1024);
        if took > slowest.1 {
            slowest = (what, took);
        }
        dafu::robustness::check_record(&r).unwrap_or_else(|e| panic!("{what}: {e}"));
        let fields = r.fields().unwrap_or_else(|| panic!("{what}: {:?}", r.error()));
        assert_eq!(fields.stats.lines, text.split('\n').count() as u64, "{what}");
    }
    eprintln!("slowest pathological case: {} in {:.2?}", slowest.0, slowest.1);
}

/// Inputs the fuzzer found (one file each in tests/regressions/) stay fixed; the fuzz seeds
/// (fuzz/seeds/) are replayed too, so the same checks see a whole reply in each encoding.
#[test]
fn fuzz_regressions_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in [root.join("tests").join("regressions"), root.join("fuzz").join("seeds")] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("folder exists").map(|e| e.unwrap().path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().and_then(|e| e.to_str()) == Some("md") {
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            let r = PIPELINE.process_bytes("r", Some("r"), &bytes);
            dafu::robustness::check_record(&r).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let again = PIPELINE.process_bytes("r", Some("r"), &bytes);
            dafu::robustness::check_deterministic(&r, &again).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let r = PIPELINE.process_text("r", text);
                dafu::robustness::check_record(&r).unwrap_or_else(|e| panic!("{} as text: {e}", p.display()));
            }
            n += 1;
        }
    }
    assert!(n > 5, "only {n} regression inputs and seeds");
}
