//! Decode on the encodings reply documents arrive in. Inputs are built from known text (by
//! hand-written bytes or an encoder), expected values are that text.

use super::*;
use encoding_rs::{BIG5, UTF_16BE, UTF_16LE};

const REPLY: &str = "关于市十七届人大三次会议第151号建议的答复\n陈业华代表：\n您提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉，现答复如下。\n一、强化规划引领和试点示范。\n联系人：曹权文，电话：15842986508\n";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
    }
    out
}

#[test]
fn gbk_is_detected_and_decoded() {
    let (bytes, _, unmappable) = GBK.encode(REPLY);
    assert!(!unmappable);
    let d = decode(&bytes, None);
    assert_eq!(d.text, REPLY);
    assert_eq!(d.encoding.name(), "GBK");
    assert_eq!(d.method, Method::Detected);
    assert_eq!(d.malformed, 0);
}

#[test]
fn twenty_character_gbk_file() {
    // "陈业华代表：您提出的建议收悉，现答复如下。" — 20 characters, hand-encoded GBK.
    let text = "陈业华代表：您提出的建议收悉，现答复如下";
    assert_eq!(text.chars().count(), 20);
    let bytes: &[u8] = b"\xb3\xc2\xd2\xb5\xbb\xaa\xb4\xfa\xb1\xed\xa3\xba\xc4\xfa\xcc\xe1\xb3\xf6\xb5\xc4\xbd\xa8\xd2\xe9\xca\xd5\xcf\xa4\xa3\xac\xcf\xd6\xb4\xf0\xb8\xb4\xc8\xe7\xcf\xc2";
    let d = decode(bytes, None);
    assert_eq!(d.text, text);
    assert_eq!(d.encoding.name(), "GBK");
    assert_eq!(d.malformed, 0);
}

#[test]
fn gb18030_four_byte_sequences_are_named_gb18030() {
    // U+3400 (CJK extension A) and an emoji exist only as four-byte GB18030 sequences.
    let text = format!("{REPLY}附件：㐀字表😀\n");
    let (bytes, _, unmappable) = GB18030.encode(&text);
    assert!(!unmappable);
    assert!(detect::has_gb18030_four_byte(&bytes));
    let d = decode(&bytes, None);
    assert_eq!(d.text, text);
    assert_eq!(d.encoding.name(), "gb18030");
    assert_eq!(d.malformed, 0);
}

#[test]
fn plain_gbk_has_no_four_byte_sequences() {
    let (bytes, _, _) = GBK.encode(REPLY);
    assert!(!detect::has_gb18030_four_byte(&bytes));
    // Digits after a two-byte character are not a four-byte sequence.
    assert!(!detect::has_gb18030_four_byte(b"\xb5\xda151\xba\xc5"));
    assert!(detect::has_gb18030_four_byte(b"a\x81\x39\xee\x39b"));
}

#[test]
fn big5_is_detected() {
    let text = "關於市十七屆人大三次會議第151號建議的答覆\n陳業華代表：\n您提出的關於建強特色小鎮載體，加快推動城鎮化建設試點的建議收悉，現答覆如下。\n";
    let (bytes, _, unmappable) = BIG5.encode(text);
    assert!(!unmappable);
    let d = decode(&bytes, None);
    assert_eq!(d.encoding.name(), "Big5");
    assert_eq!(d.text, text);
    assert_eq!(d.method, Method::Detected);
}

#[test]
fn utf16_with_bom_both_orders() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let d = decode(&utf16(REPLY, big_endian, true), None);
        assert_eq!(d.text, REPLY, "{name}");
        assert_eq!(d.encoding.name(), name);
        assert_eq!(d.method, Method::Bom);
        assert_eq!(d.malformed, 0);
    }
}

#[test]
fn utf16_without_bom_both_orders() {
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let d = decode(&utf16(REPLY, big_endian, false), None);
        assert_eq!(d.text, REPLY, "{name}");
        assert_eq!(d.encoding.name(), name);
        assert_eq!(d.method, Method::Utf16Heuristic);
    }
}

#[test]
fn utf16_without_bom_and_without_ascii() {
    // No NUL bytes at all: only the plausibility of the code units tells.
    let text = "关于建强特色小镇载体加快推动城镇化建设试点的建议的答复";
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let bytes = utf16(text, big_endian, false);
        assert!(!bytes.contains(&0));
        let d = decode(&bytes, None);
        assert_eq!(d.text, text, "{name}");
        assert_eq!(d.encoding.name(), name);
    }
}

#[test]
fn utf8_with_bom() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(REPLY.as_bytes());
    let d = decode(&bytes, None);
    assert_eq!(d.text, REPLY);
    assert_eq!(d.encoding.name(), "UTF-8");
    assert_eq!(d.method, Method::Bom);
}

#[test]
fn plain_utf8() {
    let d = decode(REPLY.as_bytes(), None);
    assert_eq!(d.text, REPLY);
    assert_eq!((d.encoding.name(), d.method, d.malformed), ("UTF-8", Method::Utf8, 0));
}

#[test]
fn invalid_bytes_inside_utf8_stay_utf8_and_are_counted() {
    // Two stray bytes (a lone continuation byte and a truncated sequence) in a UTF-8 file.
    let mut bytes = Vec::new();
    bytes.extend_from_slice("陈业华代表：".as_bytes());
    bytes.push(0x80);
    bytes.extend_from_slice("您提出的建议收悉。".as_bytes());
    bytes.extend_from_slice(&[0xE5, 0x8F]);
    bytes.extend_from_slice("现答复如下。".as_bytes());
    let d = decode(&bytes, None);
    assert_eq!(d.encoding.name(), "UTF-8");
    assert_eq!(d.method, Method::Utf8);
    assert_eq!(d.malformed, 2);
    assert_eq!(d.text, "陈业华代表：\u{FFFD}您提出的建议收悉。\u{FFFD}现答复如下。");
}

#[test]
fn malformed_count_excludes_real_replacement_characters() {
    // A U+FFFD written in the document is not damage.
    let text = "答复\u{FFFD}如下";
    let (bytes, _, _) = GB18030.encode(text);
    let (decoded, malformed) = decode_counting(GB18030, &bytes);
    assert_eq!(decoded, text);
    assert_eq!(malformed, 0);
    // A GBK lead byte followed by a newline is one malformed sequence.
    let (decoded, malformed) = decode_counting(GBK, b"\xb4\xf0\xb8\n");
    assert_eq!(malformed, 1);
    assert!(decoded.starts_with('答'));
}

#[test]
fn forced_encoding_wins() {
    let (bytes, _, _) = GBK.encode(REPLY);
    let d = decode(&bytes, Some(BIG5));
    assert_eq!(d.encoding.name(), "Big5");
    assert_eq!(d.method, Method::Forced);
    let d = decode(&utf16(REPLY, false, true), Some(UTF_16LE));
    assert_eq!(d.text, REPLY, "a BOM matching the forced encoding is skipped");
    let d = decode(&utf16(REPLY, true, false), Some(UTF_16BE));
    assert_eq!(d.text, REPLY);
}

#[test]
fn gbk_is_not_taken_for_utf16() {
    let (bytes, _, _) = GBK.encode(REPLY);
    assert_eq!(detect::utf16(&bytes), None);
    let (bytes, _, _) = BIG5.encode("關於建議的答覆，現答覆如下。");
    assert_eq!(detect::utf16(&bytes), None);
}

#[test]
fn never_panics_on_odd_inputs() {
    for bytes in [&b""[..], b"\xff", b"\xfe\xff", b"\xff\xfe\x00", b"\x00\x00\x00", b"\xe5", b"\x81\x30", b"a\xff\xfeb"] {
        let _ = decode(bytes, None);
        let _ = decode(bytes, Some(UTF_16BE));
    }
}

#[test]
fn gbk_with_chance_utf8_sequences_is_still_gbk() {
    // Long GBK text contains byte runs that happen to be valid UTF-8; it must not be kept as
    // damaged UTF-8.
    let text = REPLY.repeat(20);
    let (bytes, _, _) = GBK.encode(&text);
    assert!(!detect::mostly_utf8(&bytes));
    assert_eq!(decode(&bytes, None).encoding.name(), "GBK");
}

#[test]
fn a_gbk_page_with_an_inline_image_is_not_utf16() {
    // Letters pair up into CJK-looking code units (b"ab" read as UTF-16LE is U+6261): a page
    // with an inline image is mostly such pairs.
    let page = format!("<p>关于建议的答复</p><img src=\"data:image/png;base64,{}\">", "iVBORwKGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVRmNkYPhfDwAChwGAeKkgAAAABJRUErkJggg".repeat(20));
    let (bytes, _, _) = GBK.encode(&page);
    assert_eq!(detect::utf16(&bytes), None);
    let d = decode(&bytes, None);
    assert_eq!(d.text, page);
}

#[test]
fn chardetng_alone_tells_gbk_from_big5() {
    // The fallback when character frequencies are unsure.
    let (gbk, _, _) = GBK.encode("陈业华代表：您提出的建议收悉，现答复如下");
    assert_eq!(detect::guess(&gbk), GBK);
    let (big5, _, _) = BIG5.encode("陳業華代表：您提出的建議收悉，現答覆如下");
    assert_eq!(detect::guess(&big5), BIG5);
}

#[test]
fn ascii_utf16_without_bom_is_utf16_although_it_is_valid_utf8() {
    let text = "Reply No. 151 (2024)\r\nContact: 15842986508\r\n";
    for (big_endian, name) in [(false, "UTF-16LE"), (true, "UTF-16BE")] {
        let bytes = utf16(text, big_endian, false);
        assert!(std::str::from_utf8(&bytes).is_ok());
        let d = decode(&bytes, None);
        assert_eq!(d.encoding.name(), name);
        assert_eq!(d.text, text);
    }
    // UTF-8 with a stray NUL is still UTF-8 (and the pipeline calls it binary).
    assert_eq!(decode("答复\0如下，现答复如下".as_bytes(), None).encoding, UTF_8);
}

proptest::proptest! {
    #[test]
    fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..600)) {
        let d = decode(&bytes, None);
        // Valid UTF-8 without a BOM (or NULs, which may make it UTF-16) is never re-read as
        // something else.
        if std::str::from_utf8(&bytes).is_ok() && encoding_rs::Encoding::for_bom(&bytes).is_none() && !bytes.contains(&0) {
            proptest::prop_assert_eq!(d.encoding, UTF_8);
            proptest::prop_assert_eq!(d.text.as_bytes(), &bytes[..]);
        }
        proptest::prop_assert!(d.malformed as usize <= bytes.len());
    }

    #[test]
    fn chinese_text_round_trips_through_every_encoding(text in "[关于建议的答复市人大代表提出收悉现如下一二三、，。0-9\\n]{16,80}") {
        let (gbk, _, _) = GBK.encode(&text);
        proptest::prop_assert_eq!(decode(&gbk, None).text, text.clone());
        let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        proptest::prop_assert_eq!(decode(&le, None).text, text.clone());
        proptest::prop_assert_eq!(decode(text.as_bytes(), None).text, text);
    }
}
