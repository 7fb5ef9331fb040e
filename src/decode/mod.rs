//! Decode: raw bytes → text. Total: it never fails, it reports what it did.
//!
//! The order of evidence, strongest first:
//! 1. `--encoding LABEL` (forced);
//! 2. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//! 3. strict UTF-8 (the whole input is valid);
//! 4. BOM-less UTF-16 (see [`detect::utf16`]);
//! 5. UTF-8 with a few bad bytes (a damaged UTF-8 file stays UTF-8, see [`detect::mostly_utf8`]);
//! 6. GBK or Big5 by character frequencies when the evidence is clear ([`hanzi`]), else
//!    chardetng on a capped prefix (GBK, Big5, …).
//!
//! GBK is decoded with the GB18030 decoder (encoding_rs's GBK decoder *is* gb18030's), and
//! reported as `gb18030` when the bytes hold four-byte GB18030 sequences.

pub mod detect;
pub mod hanzi;
#[cfg(test)]
mod tests;

use encoding_rs::{DecoderResult, Encoding, GB18030, GBK, UTF_8};

/// How the encoding was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Bom,
    Utf8,
    Utf16Heuristic,
    Detected,
    Forced,
}

impl Method {
    /// The name written in `source.encoding_method`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Bom => "bom",
            Method::Utf8 => "utf8",
            Method::Utf16Heuristic => "utf16-heuristic",
            Method::Detected => "detected",
            Method::Forced => "forced",
        }
    }
}

/// The encoding chosen for a document, before any text is produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detection {
    /// The encoding reported in the record (GBK or gb18030 both decode with the GB18030 decoder).
    pub encoding: &'static Encoding,
    pub method: Method,
    /// Bytes of byte-order mark to skip.
    pub bom_len: usize,
}

impl Detection {
    /// True when the text is UTF-16, whose bytes are legitimately full of NULs.
    pub fn is_utf16(&self) -> bool {
        self.encoding == encoding_rs::UTF_16LE || self.encoding == encoding_rs::UTF_16BE
    }
}

/// Decoded text and what was done to get it.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub method: Method,
    /// Byte sequences replaced by U+FFFD.
    pub malformed: u64,
}

/// Decode bytes, with `forced` overriding detection.
///
/// ```
/// // "答复" in GBK: not UTF-8, detected by chardetng, decoded with the GB18030 decoder.
/// let d = dafu::decode::decode(b"\xb4\xf0\xb8\xb4\xa3\xba\xc4\xfa\xcc\xe1\xb3\xf6\xb5\xc4\xbd\xa8\xd2\xe9\xca\xd5\xcf\xa4", None);
/// assert_eq!(d.text, "答复：您提出的建议收悉");
/// assert_eq!(d.encoding.name(), "GBK");
/// assert_eq!(d.method.as_str(), "detected");
/// assert_eq!(d.malformed, 0);
/// ```
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    decode_as(bytes, detect(bytes, forced))
}

/// Choose the encoding of `bytes` without decoding all of them.
pub fn detect(bytes: &[u8], forced: Option<&'static Encoding>) -> Detection {
    if let Some(enc) = forced {
        // A BOM that agrees with the forced encoding is still not text.
        let bom_len = match Encoding::for_bom(bytes) {
            Some((bom_enc, n)) if bom_enc == enc => n,
            _ => 0,
        };
        return Detection { encoding: enc, method: Method::Forced, bom_len };
    }
    if let Some((enc, n)) = Encoding::for_bom(bytes) {
        return Detection { encoding: enc, method: Method::Bom, bom_len: n };
    }
    if Encoding::utf8_valid_up_to(bytes) == bytes.len() {
        // NUL is valid UTF-8, and BOM-less UTF-16 of mostly ASCII text is valid UTF-8 too:
        // with NULs present, UTF-16 gets a say before the text is called binary.
        let prefix = &bytes[..bytes.len().min(4096)];
        if prefix.contains(&0) {
            if let Some(enc) = detect::utf16(bytes) {
                return Detection { encoding: enc, method: Method::Utf16Heuristic, bom_len: 0 };
            }
        }
        return Detection { encoding: UTF_8, method: Method::Utf8, bom_len: 0 };
    }
    if let Some(enc) = detect::utf16(bytes) {
        return Detection { encoding: enc, method: Method::Utf16Heuristic, bom_len: 0 };
    }
    if detect::mostly_utf8(bytes) {
        return Detection { encoding: UTF_8, method: Method::Utf8, bom_len: 0 };
    }
    let encoding = hanzi::gbk_or_big5(bytes).unwrap_or_else(|| detect::guess(bytes));
    Detection { encoding, method: Method::Detected, bom_len: 0 }
}

/// Decode `bytes` as `detection` says; never fails, counts what had to be replaced.
pub fn decode_as(bytes: &[u8], detection: Detection) -> Decoded {
    let body = bytes.get(detection.bom_len..).unwrap_or(&[]);
    let mut encoding = detection.encoding;
    // GBK and gb18030 share one decoder; name the superset when its four-byte form is used.
    if encoding == GBK && detect::has_gb18030_four_byte(body) {
        encoding = GB18030;
    }
    let (text, malformed) = match std::str::from_utf8(body) {
        Ok(s) if encoding == UTF_8 => (s.to_string(), 0),
        _ => decode_counting(encoding, body),
    };
    Decoded { text, encoding, method: detection.method, malformed }
}

/// Decode without BOM handling, replacing each malformed sequence by U+FFFD and counting them
/// (a count of U+FFFD in the output would also count the ones the document really contains).
pub fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, u64) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len() * 3);
    let mut out = String::with_capacity(capacity);
    let mut malformed = 0u64;
    let mut rest = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        rest = rest.get(read..).unwrap_or(&[]);
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                malformed += 1;
                out.push('\u{FFFD}');
            }
            DecoderResult::OutputFull => {
                let more = decoder.max_utf8_buffer_length_without_replacement(rest.len()).unwrap_or(rest.len() * 3);
                out.reserve(more.max(16));
            }
        }
    }
    (out, malformed)
}
