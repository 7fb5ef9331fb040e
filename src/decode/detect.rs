//! The detectors used when there is no BOM and the bytes are not valid UTF-8.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, BIG5, GBK, UTF_16BE, UTF_16LE};

/// chardetng runs at 1–10 MB/s: a prefix this long is plenty to tell GBK from Big5.
pub const GUESS_PREFIX: usize = 16 * 1024;
/// The UTF-16 heuristics look at this many bytes.
const UTF16_PREFIX: usize = 64 * 1024;

/// BOM-less UTF-16: decodes without error and reads as text. Two pieces of evidence, either
/// enough: ASCII characters put their NUL byte always on the same side (odd offsets for LE,
/// even for BE); and Chinese text gives code units that are almost all CJK, ASCII or CJK
/// punctuation, while GBK or Big5 bytes read as UTF-16 land in Hangul, private use or
/// surrogates. Returns `None` when neither byte order is convincing.
pub fn utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 {
        return None;
    }
    let prefix = &bytes[..bytes.len().min(UTF16_PREFIX) & !1];
    let (mut nul_even, mut nul_odd) = (0usize, 0usize);
    for (i, b) in prefix.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                nul_even += 1;
            } else {
                nul_odd += 1;
            }
        }
    }
    let units = prefix.len() / 2;
    let le = plausibility(prefix, false);
    let be = plausibility(prefix, true);
    // NUL pattern: at least one ASCII character in twenty, all on one side.
    let nul_le = nul_odd * 20 >= units && nul_even == 0;
    let nul_be = nul_even * 20 >= units && nul_odd == 0;
    // Without NULs, plausibility alone must not be fooled by ASCII: two ASCII letters read as
    // one code unit land in the CJK block (b"ab" is U+6261), so a GBK web page that is mostly
    // markup would look like UTF-16. Real UTF-16 Chinese has only ~20% such units.
    let ascii_pairs = prefix.chunks_exact(2).filter(|p| (0x20..0x7F).contains(&p[0]) && (0x20..0x7F).contains(&p[1])).count();
    let text_like = ascii_pairs * 2 < units;
    let candidate = if (nul_le && le >= 0.6) || (text_like && le >= 0.95 && le > be) {
        UTF_16LE
    } else if (nul_be && be >= 0.6) || (text_like && be >= 0.95 && be > le) {
        UTF_16BE
    } else {
        return None;
    };
    // A successful decode: no unpaired surrogates in the prefix (an odd tail byte of a
    // truncated prefix is not an error).
    let (_, had_errors) = candidate.decode_without_bom_handling(prefix);
    (!had_errors).then_some(candidate)
}

/// Share of UTF-16 code units in the ranges Chinese documents are written with.
fn plausibility(bytes: &[u8], big_endian: bool) -> f64 {
    let mut good = 0usize;
    let mut total = 0usize;
    for pair in bytes.chunks_exact(2) {
        let unit = if big_endian { u16::from_be_bytes([pair[0], pair[1]]) } else { u16::from_le_bytes([pair[0], pair[1]]) };
        total += 1;
        let ok = matches!(unit,
            0x0009 | 0x000A | 0x000D | 0x0020..=0x007E  // ASCII text
            | 0x00A0..=0x00FF                          // Latin-1 punctuation (·, ×)
            | 0x2000..=0x206F                          // general punctuation (“”…—)
            | 0x2100..=0x27BF                          // symbols, numbers (①, №)
            | 0x3000..=0x303F                          // CJK punctuation (，。〔〕)
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF        // CJK ideographs
            | 0xFF00..=0xFFEF                          // full-width forms (，：（）)
        );
        if ok {
            good += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        good as f64 / total as f64
    }
}

/// UTF-8 damaged by a few bad bytes (a truncated download, one corrupted sector): keep it as
/// UTF-8 and count the damage, rather than reading the whole file as GBK. GBK or Big5 bytes
/// read as UTF-8 are almost all malformed (a valid multi-byte UTF-8 sequence turns up by chance
/// in about one GBK character in ten), so at least four valid non-ASCII characters per
/// malformed sequence means UTF-8.
pub fn mostly_utf8(bytes: &[u8]) -> bool {
    let prefix = &bytes[..bytes.len().min(UTF16_PREFIX)];
    let mut valid_multibyte = 0usize;
    let mut malformed = 0usize;
    for chunk in prefix.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            malformed += 1;
        }
    }
    // A sequence cut at the prefix end is not damage.
    if prefix.len() < bytes.len() && malformed > 0 {
        malformed -= 1;
    }
    valid_multibyte >= 4 && malformed * 4 <= valid_multibyte
}

/// chardetng on a capped prefix: a generic guess, then, if it is neither GBK nor Big5, a
/// guess with the `.cn` top-level domain (right on GBK snippets of 16+ characters).
pub fn guess(bytes: &[u8]) -> &'static Encoding {
    let prefix = &bytes[..bytes.len().min(GUESS_PREFIX)];
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // `last=true` on a cut prefix would split its last character and tip the guess to
    // windows-1252: only the whole input is fed as last.
    detector.feed(prefix, prefix.len() == bytes.len());
    let generic = detector.guess(None, Utf8Detection::Deny);
    if generic == GBK || generic == BIG5 {
        return generic;
    }
    detector.guess(Some(b"cn"), Utf8Detection::Deny)
}

/// GB18030's four-byte form: a lead byte 0x81–0xFE followed by a digit 0x30–0x39 (two-byte
/// GBK trail bytes are never digits). Scans pairs so a trail byte is never taken for a lead.
pub fn has_gb18030_four_byte(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i + 3 < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
        } else if (0x30..=0x39).contains(&bytes[i + 1]) {
            if (0x81..=0xFE).contains(&b) && (0x81..=0xFE).contains(&bytes[i + 2]) && (0x30..=0x39).contains(&bytes[i + 3]) {
                return true;
            }
            i += 1;
        } else {
            i += 2;
        }
    }
    false
}
