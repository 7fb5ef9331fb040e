//! Encodings through the binary: what the record says about how a file was decoded.

mod common;
use common::*;

fn decode_one(bytes: &[u8], extra: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("doc.txt");
    write(&file, bytes);
    let mut args = vec!["extract", "-q", "--no-segment"];
    args.extend_from_slice(extra);
    args.push(p(&file));
    let out = dafu(&args, None);
    let mut recs = records(&out);
    assert_eq!(recs.len(), 1);
    recs.remove(0)
}

fn source(rec: &serde_json::Value) -> (String, String, u64) {
    let s = &rec["source"];
    (
        s["encoding"].as_str().unwrap_or("null").to_string(),
        s["encoding_method"].as_str().unwrap_or("null").to_string(),
        s["malformed"].as_u64().unwrap_or(u64::MAX),
    )
}

fn want(enc: &str, method: &str, malformed: u64) -> (String, String, u64) {
    (enc.to_string(), method.to_string(), malformed)
}

#[test]
fn utf8_plain_and_with_bom() {
    assert_eq!(source(&decode_one(REPLY.as_bytes(), &[])), want("UTF-8", "utf8", 0));
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(REPLY.as_bytes());
    let rec = decode_one(&bom, &[]);
    assert_eq!(source(&rec), want("UTF-8", "bom", 0));
    assert_eq!(rec["source"]["bytes"], REPLY.len() as u64 + 3);
}

#[test]
fn gbk_twenty_characters() {
    // 陈业华代表：您提出的建议收悉，现答复如下 (20 characters), hand-encoded in GBK.
    let bytes = b"\xb3\xc2\xd2\xb5\xbb\xaa\xb4\xfa\xb1\xed\xa3\xba\xc4\xfa\xcc\xe1\xb3\xf6\xb5\xc4\xbd\xa8\xd2\xe9\xca\xd5\xcf\xa4\xa3\xac\xcf\xd6\xb4\xf0\xb8\xb4\xc8\xe7\xcf\xc2";
    let rec = decode_one(bytes, &[]);
    assert_eq!(source(&rec), want("GBK", "detected", 0));
    assert_eq!(rec["stats"]["chars"], 20);
}

#[test]
fn gb18030_four_byte() {
    let text = format!("{REPLY}附件：㐀字表\n");
    let (bytes, _, _) = encoding_rs::GB18030.encode(&text);
    assert_eq!(source(&decode_one(&bytes, &[])), want("gb18030", "detected", 0));
}

#[test]
fn big5() {
    let (bytes, _, _) = encoding_rs::BIG5.encode("關於市十七屆人大三次會議第151號建議的答覆\n陳業華代表：\n您提出的建議收悉，現答覆如下。\n");
    assert_eq!(source(&decode_one(&bytes, &[])), want("Big5", "detected", 0));
}

#[test]
fn utf16_with_and_without_bom() {
    assert_eq!(source(&decode_one(&utf16(REPLY, false, true), &[])), want("UTF-16LE", "bom", 0));
    assert_eq!(source(&decode_one(&utf16(REPLY, true, true), &[])), want("UTF-16BE", "bom", 0));
    assert_eq!(source(&decode_one(&utf16(REPLY, false, false), &[])), want("UTF-16LE", "utf16-heuristic", 0));
    assert_eq!(source(&decode_one(&utf16(REPLY, true, false), &[])), want("UTF-16BE", "utf16-heuristic", 0));
}

#[test]
fn invalid_bytes_inside_utf8() {
    let mut bytes = REPLY.as_bytes().to_vec();
    bytes.insert(30, 0xFF);
    assert_eq!(source(&decode_one(&bytes, &[])), want("UTF-8", "utf8", 1));
}

#[test]
fn forced_encoding() {
    let (bytes, _, _) = encoding_rs::GBK.encode(REPLY);
    assert_eq!(source(&decode_one(&bytes, &["--encoding", "gbk"])), want("GBK", "forced", 0));
    // Forcing the wrong one is obeyed, and the damage counted.
    let rec = decode_one(&bytes, &["--encoding", "utf-8"]);
    let (enc, method, malformed) = source(&rec);
    assert_eq!((enc.as_str(), method.as_str()), ("UTF-8", "forced"));
    assert!(malformed > 10, "{malformed}");
}
