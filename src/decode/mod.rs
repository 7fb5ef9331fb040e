//! Decode: raw bytes → text. Total: it never fails, it reports what it did.

use encoding_rs::Encoding;

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
pub fn decode(bytes: &[u8], forced: Option<&'static Encoding>) -> Decoded {
    // Placeholder until the decode stage lands.
    if let Some(enc) = forced {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Decoded { text: text.into_owned(), encoding: enc, method: Method::Forced, malformed: 0 };
    }
    if let Some((enc, n)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[n..]);
        return Decoded { text: text.into_owned(), encoding: enc, method: Method::Bom, malformed: 0 };
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Decoded { text: s.to_string(), encoding: encoding_rs::UTF_8, method: Method::Utf8, malformed: 0 },
        Err(_) => {
            let (text, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            Decoded { text: text.into_owned(), encoding: encoding_rs::GBK, method: Method::Detected, malformed: 0 }
        }
    }
}
