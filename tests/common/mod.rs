//! Shared helpers for the integration tests: run the built binary, parse its JSONL.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const REPLY: &str = "关于市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n    您提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉，现答复如下：\n一、强化规划引领和试点示范。\n联系人：曹权文，电话：15842986508\n";

/// Run `dafu ARGS` with `stdin` piped in (empty when None).
pub fn dafu(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dafu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dafu");
    let mut pipe = child.stdin.take().expect("stdin");
    let data = stdin.unwrap_or(b"").to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&data);
    });
    let out = child.wait_with_output().expect("wait dafu");
    writer.join().expect("stdin writer");
    out
}

/// The JSONL records on stdout.
pub fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// `error.kind` of a record, or "" for a record with fields.
pub fn kind(record: &serde_json::Value) -> String {
    record["error"]["kind"].as_str().unwrap_or("").to_string()
}

pub fn write(path: &Path, bytes: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

pub fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

pub fn p(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}
