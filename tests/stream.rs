//! `dafu extract --stdin-jsonl`: the streaming contract Spark's RDD.pipe, Hadoop Streaming and
//! GNU parallel rely on — one record per input line, in order, ids kept, malformed lines turned
//! into bad_input error records, output flushed per chunk, memory constant in the stream length.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use base64::Engine;
use serde_json::Value;

fn spawn(extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(["extract", "--stdin-jsonl", "--quiet", "--no-segment"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Line `n` (1-based) of the test stream and the id its record must carry.
fn line(n: usize) -> (String, String, bool) {
    let text = format!("陈业华代表：\n您提出的第{n}号建议收悉。我委安排资金{n}万元。\n");
    match n {
        2500 => ("{\"id\": \"broken\", \"text\": ".to_string(), format!("stdin:{n}"), true),
        5000 => (format!("{{\"text\": {}}}", serde_json::to_string(&text).unwrap()), format!("stdin:{n}"), true),
        7500 => (format!("{{\"id\": \"doc-{n}\", \"base64\": \"@@not base64@@\"}}"), format!("doc-{n}"), true),
        9000 => (format!("{{\"id\": \"doc-{n}\", \"text\": 17}}"), format!("doc-{n}"), true),
        _ if n.is_multiple_of(3) => {
            // raw GBK bytes, as a cluster job reading binary files would send them
            let gbk = encoding_rs::GBK.encode(&text).0.into_owned();
            (format!("{{\"id\": \"doc-{n}\", \"base64\": \"{}\"}}", b64(&gbk)), format!("doc-{n}"), false)
        }
        _ => (format!("{{\"id\": \"doc-{n}\", \"text\": {}}}", serde_json::to_string(&text).unwrap()), format!("doc-{n}"), false),
    }
}

#[test]
fn ten_thousand_records_come_out_in_order_with_their_ids() {
    const N: usize = 10_000;
    let mut child = spawn(&["--chunk", "64"]);
    let mut stdin = child.stdin.take().unwrap();
    // Write from another thread: dafu writes while it reads, so one thread doing both could block.
    let writer = std::thread::spawn(move || {
        for n in 1..=N {
            writeln!(stdin, "{}", line(n).0).unwrap();
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1), "4 error records: exit 1");
    let text = String::from_utf8(out.stdout).unwrap();
    let records: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(records.len(), N);
    let mut errors = 0;
    for (i, rec) in records.iter().enumerate() {
        let n = i + 1;
        let (_, id, bad) = line(n);
        assert_eq!(rec["id"], id.as_str(), "record {n} out of order or lost its id");
        assert!(rec["source"]["path"].is_null());
        if bad {
            errors += 1;
            assert_eq!(rec["error"]["kind"], "bad_input", "line {n}");
            assert!(rec["error"]["message"].as_str().unwrap().starts_with(&format!("line {n}: ")), "{}", rec["error"]);
        } else {
            assert!(rec.get("error").is_none(), "line {n}: {}", rec["error"]);
            let expected_encoding = if n % 3 == 0 { "GBK" } else { "UTF-8" };
            assert_eq!(rec["source"]["encoding"], expected_encoding, "line {n}");
        }
    }
    assert_eq!(errors, 4);
    // The sha256 of a base64 record is that of the raw bytes sent, as `sha256sum` would say.
    let gbk = encoding_rs::GBK.encode("陈业华代表：\n您提出的第3号建议收悉。我委安排资金3万元。\n").0.into_owned();
    assert_eq!(records[2]["source"]["sha256"], dafu::pipeline::sha256_hex(&gbk).as_str());
    assert_eq!(records[2]["source"]["bytes"], gbk.len());
}

/// A chunk's records reach stdout while stdin is still open: dafu neither waits for the end of
/// the stream nor holds it in memory.
#[test]
fn records_are_flushed_per_chunk_before_the_input_ends() {
    let mut child = spawn(&["--chunk", "8"]);
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for l in BufReader::new(stdout).lines() {
            if tx.send(l.unwrap()).is_err() {
                break;
            }
        }
    });
    for n in 1..=9 {
        writeln!(stdin, "{}", line(n).0).unwrap();
    }
    stdin.flush().unwrap();
    for n in 1..=8 {
        let got = rx.recv_timeout(Duration::from_secs(60)).expect("the first chunk was not flushed while stdin is open");
        assert!(got.contains(&format!("\"id\":\"doc-{n}\"")), "{got}");
    }
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "the 9th record waits for its chunk to fill or the input to end");
    drop(stdin);
    let last = rx.recv_timeout(Duration::from_secs(60)).unwrap();
    assert!(last.contains("\"id\":\"doc-9\""), "{last}");
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}

/// Peak memory after 22 MB of stream is about what it was after 4 MB (holding the stream would
/// add ~18 MB between the two readings; the bound is 8 MB).
#[cfg(target_os = "linux")]
#[test]
fn memory_is_constant_in_the_stream_length() {
    fn peak_kb(pid: u32) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let l = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
        l.split_whitespace().nth(1).unwrap().parse().unwrap()
    }
    let mut child = spawn(&["--chunk", "64"]);
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<usize>();
    let reader = std::thread::spawn(move || {
        let mut n = 0;
        for l in BufReader::new(stdout).lines() {
            l.unwrap();
            n += 1;
            if n % 100 == 0 {
                let _ = tx.send(n);
            }
        }
        n
    });
    // ~2 KB of text per record, 10,000 records: 20 MB in, more than that out.
    let para = "我委将积极争取中央预算内资金和地方政府专项债券支持，统筹推进特色小镇建设。".repeat(20);
    let mut peaks = Vec::new();
    for n in 1..=10_000 {
        writeln!(stdin, "{{\"id\": \"doc-{n}\", \"text\": \"{para}{n}\"}}").unwrap();
        if n % 1000 == 0 {
            // Wait until most of what was sent came out, then read the high-water mark.
            while rx.recv_timeout(Duration::from_secs(120)).expect("output stalled") + 200 < n {}
            peaks.push(peak_kb(pid));
        }
    }
    drop(stdin);
    assert_eq!(reader.join().unwrap(), 10_000);
    assert!(child.wait().unwrap().success());
    eprintln!("peak RSS (kB) every 1,000 records: {peaks:?}");
    let (early, late) = (peaks[1], peaks[9]);
    assert!(late < early + 8 * 1024, "peak RSS grew from {early} kB at 2,000 records to {late} kB at 10,000");
}
