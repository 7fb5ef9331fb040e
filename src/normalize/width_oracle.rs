//! Test oracle: the line cleaner as it was before the one-pass rewrite of [`super::width`], kept
//! verbatim (types renamed to nothing new) so that tests can check the new one gives the same
//! lines, counts and text on every fixture, real document and generated string.
#![allow(dead_code)]

/// One cleaned line: its bytes are `buf[start..end]` of [`Cleaned::buf`].
#[derive(Debug, Clone, Copy)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    /// 1-based line number in the original decoded text.
    pub orig: u32,
    /// Characters after cleaning.
    pub chars: u32,
    /// Printed width of the original line in half-width columns (CJK and full-width forms count
    /// 2), so that a scanned line full of half-width digits still measures as a full line.
    pub units: u32,
    /// Columns of leading indentation that were trimmed (ideographic space counts 2, tab 4).
    pub indent: u32,
}

/// The non-blank lines of a document, cleaned into one buffer. Blank lines are implicit (gaps in
/// `orig`), so a file of a million empty lines costs no memory.
#[derive(Debug, Default)]
pub struct Cleaned {
    pub buf: String,
    pub lines: Vec<Line>,
    /// Number of lines in the original text, blank ones included.
    pub total_lines: u32,
}

impl Cleaned {
    pub fn text(&self, line: &Line) -> &str {
        self.buf.get(line.start..line.end).unwrap_or("")
    }
}

/// Split `decoded` at LF, CRLF and lone CR and clean every line.
pub fn clean(decoded: &str) -> Cleaned {
    let decoded = decoded.strip_prefix('\u{FEFF}').unwrap_or(decoded);
    let bytes = decoded.as_bytes();
    let mut out = Cleaned { buf: String::with_capacity(decoded.len()), lines: Vec::new(), total_lines: 0 };
    let mut pos = 0usize;
    let mut orig = 0u32;
    loop {
        orig = orig.saturating_add(1);
        let rest = &bytes[pos..];
        let brk = find_eol(rest);
        let end = brk.map_or(bytes.len(), |k| pos + k);
        // Line breaks are ASCII, so `pos..end` lies on char boundaries.
        let line = decoded.get(pos..end).unwrap_or("");
        let rec = clean_line(line, orig, &mut out.buf);
        if rec.end > rec.start {
            out.lines.push(rec);
        }
        match brk {
            None => {
                out.total_lines = orig;
                break;
            }
            Some(_) => {
                pos = end + 1;
                if bytes[end] == b'\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
            }
        }
    }
    out
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Whether the word `w` holds the byte `byte` (SWAR zero-byte test: exact, no false positives).
#[inline]
fn has_byte(w: u64, byte: u8) -> bool {
    let x = w ^ (LO * u64::from(byte));
    x.wrapping_sub(LO) & !x & HI != 0
}

/// Position of the first byte for which `hit` holds, skipping eight bytes at a time while
/// `word_may_hit` says a word cannot contain one.
#[inline]
fn find_byte(b: &[u8], word_may_hit: impl Fn(u64) -> bool, hit: impl Fn(u8) -> bool) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= b.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[i..i + 8]);
        if word_may_hit(u64::from_le_bytes(word)) {
            break;
        }
        i += 8;
    }
    b[i..].iter().position(|&x| hit(x)).map(|k| i + k)
}

/// Position of the first `\n` or `\r`.
fn find_eol(b: &[u8]) -> Option<usize> {
    find_byte(b, |w| has_byte(w, b'\n') || has_byte(w, b'\r'), |x| x == b'\n' || x == b'\r')
}

/// Position of the first lead byte of a character that may need a repair (C2, E2, E3, EF).
fn find_repairable(b: &[u8]) -> Option<usize> {
    find_byte(
        b,
        |w| w & HI != 0 && (has_byte(w, 0xE3) || has_byte(w, 0xEF) || has_byte(w, 0xE2) || has_byte(w, 0xC2)),
        |x| matches!(x, 0xC2 | 0xE2 | 0xE3 | 0xEF),
    )
}

/// What a non-ASCII character at a lead byte becomes.
enum Repair {
    Keep,
    Drop,
    Byte(u8),
}

/// Look at the (multi-byte) character starting at `b[i]`; returns its repair and length.
#[inline]
fn repair_at(b: &[u8], i: usize) -> (Repair, usize) {
    let lead = b[i];
    let len = match lead {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    };
    let b1 = b.get(i + 1).copied().unwrap_or(0);
    let b2 = b.get(i + 2).copied().unwrap_or(0);
    let repair = match (lead, b1, b2) {
        // U+FF01..U+FF3F: EF BC 81..BF; U+FF40..U+FF5E: EF BD 80..9E.
        (0xEF, 0xBC, 0x81..=0xBF) => Repair::Byte(b2 - 0x81 + 0x21),
        (0xEF, 0xBD, 0x80..=0x9E) => Repair::Byte(b2 - 0x80 + 0x60),
        (0xEF, 0xBB, 0xBF) => Repair::Drop,                     // U+FEFF
        (0xE2, 0x80, 0x8B..=0x8D) => Repair::Drop,              // U+200B..U+200D
        (0xE2, 0x81, 0xA0) => Repair::Drop,                     // U+2060 word joiner
        (0xE3, 0x80, 0x80) => Repair::Byte(b' '),               // U+3000
        (0xC2, 0xA0, _) => Repair::Byte(b' '),                  // U+00A0
        (0xC2, 0xAD, _) => Repair::Drop,                        // soft hyphen
        _ => Repair::Keep,
    };
    (repair, len)
}

/// Leading whitespace: its byte length and indentation in columns. Zero-width characters there
/// are skipped too.
fn leading_blank(b: &[u8]) -> (usize, u32) {
    let mut i = 0;
    let mut cols = 0u32;
    while i < b.len() {
        match b[i] {
            b' ' => {
                cols += 1;
                i += 1;
            }
            b'\t' => {
                cols += 4;
                i += 1;
            }
            0x0C => i += 1, // form feed: a page break in text dumps
            0x80.. => match repair_at(b, i) {
                (Repair::Byte(b' '), n) => {
                    cols += if n == 3 { 2 } else { 1 };
                    i += n;
                }
                (Repair::Drop, n) => i += n,
                _ => break,
            },
            _ => break,
        }
    }
    (i, cols)
}

fn clean_line(line: &str, orig: u32, buf: &mut String) -> Line {
    let b = line.as_bytes();
    let start = buf.len();
    let (lead, indent) = leading_blank(b);
    let body = &b[lead..];
    let (mut chars, mut units);
    if body.is_ascii() {
        // Fast path: `lead` is a char boundary, so the slice is valid.
        buf.push_str(line.get(lead..).unwrap_or(""));
        chars = body.len() as u32;
        units = chars;
    } else {
        // Counting is branch-free over the bytes (the compiler vectorises it): a character per
        // non-continuation byte, one more column per lead byte of a 3- or 4-byte character.
        // (wrapping adds: no overflow check in the loop, so it vectorises in every profile)
        chars = body.iter().fold(0u32, |n, &x| n.wrapping_add(u32::from((x as i8) >= -0x40)));
        units = body.iter().fold(chars, |n, &x| n.wrapping_add(u32::from(x >= 0xE0)));
        // Only characters whose lead byte is C2, E2, E3 or EF can need a repair.
        let mut run = lead; // start of the pending untouched run, as an index into `b`
        let mut i = lead;
        while let Some(k) = find_repairable(&b[i..]) {
            i += k;
            let (repair, n) = repair_at(b, i);
            let n = n.min(b.len() - i);
            match repair {
                Repair::Keep => {}
                Repair::Drop => {
                    buf.push_str(line.get(run..i).unwrap_or(""));
                    chars = chars.saturating_sub(1);
                    units = units.saturating_sub(if n >= 3 { 2 } else { 1 });
                    run = i + n;
                }
                Repair::Byte(x) => {
                    buf.push_str(line.get(run..i).unwrap_or(""));
                    buf.push(x as char);
                    run = i + n;
                }
            }
            i += n;
        }
        buf.push_str(line.get(run..).unwrap_or(""));
    }
    // Trailing blanks (NBSP and U+3000 are spaces by now).
    let mut trailing = 0u32;
    while buf.len() > start {
        match buf.as_bytes()[buf.len() - 1] {
            b' ' | b'\t' | 0x0C => {
                buf.pop();
                trailing += 1;
            }
            _ => break,
        }
    }
    chars = chars.saturating_sub(trailing);
    units = units.saturating_sub(trailing);
    // Spaced-out labels: only lines whose second byte after a CJK character is a space qualify,
    // so the check costs nothing on ordinary lines.
    if maybe_spaced(buf.get(start..).unwrap_or("")) {
        if let Some(closed) = super::labels::close_up(buf.get(start..).unwrap_or("")) {
            let removed = buf.len().saturating_sub(start + closed.len()) as u32;
            buf.truncate(start);
            buf.push_str(&closed);
            chars = chars.saturating_sub(removed);
        }
    }
    Line { start, end: buf.len(), orig, chars, units, indent }
}

/// A line that starts with a CJK character followed by a space.
fn maybe_spaced(s: &str) -> bool {
    let mut it = s.chars();
    matches!((it.next(), it.next()), (Some(c), Some(' ')) if super::labels::is_han(c))
}


#[cfg(test)]
mod tests {
    use super::clean;
    use crate::normalize::width;

    /// The two cleaners agree on the text, the lines and every count of `s`.
    fn same(s: &str) {
        let (o, n) = (clean(s), width::clean(s));
        assert_eq!(o.buf, n.buf, "{s:?}");
        assert_eq!(o.total_lines, n.total_lines, "{s:?}");
        let ol: Vec<_> = o.lines.iter().map(|l| (l.start, l.end, l.orig, l.chars, l.units, l.indent)).collect();
        let nl: Vec<_> = n.lines.iter().map(|l| (l.start, l.end, l.orig, l.chars, l.units, l.indent)).collect();
        assert_eq!(ol, nl, "{s:?}");
    }

    /// Decoded (not normalized) text of every fixture input.
    fn fixture_raw() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures dir")
            .filter_map(|e| e.ok().map(|e| e.path().join("input.txt")))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        assert!(paths.len() > 20);
        paths.iter().map(|p| crate::decode::decode(&std::fs::read(p).expect("fixture"), None).text).collect()
    }

    #[test]
    fn same_as_the_old_cleaner_on_every_fixture_and_real_document() {
        let mut texts = fixture_raw();
        texts.extend(crate::extract::samples::real_dev_raw());
        for t in &texts {
            same(t);
            // each line alone, and with the line ends of other systems
            for line in t.lines() {
                same(line);
                same(&format!("\u{FEFF}\u{3000}\u{3000}{line}\u{3000}\r"));
            }
            same(&t.replace('\n', "\r\n"));
            same(&t.replace('\n', "\r"));
        }
    }

    #[test]
    fn same_as_the_old_cleaner_on_edge_input() {
        for s in [
            "",
            "\r",
            "\n",
            "\r\r\n\n\r",
            "\u{FEFF}",
            "\u{FEFF}\u{FEFF}陈业华",
            "陈\u{FEFF}业华\u{200B}\u{200C}\u{200D}\u{2060}代表：",
            "\u{3000}\u{3000}\u{3000}",
            "a\u{3000}\u{3000}\u{3000}b\u{3000}\u{3000}",
            "\u{A0}\u{AD}\u{A0}x\u{AD}",
            "\t\u{C}  \u{3000}\u{200B}\u{A0}正文\t\u{C} \u{3000}",
            "😀𠀀\u{FF01}\u{FF5E}\u{FF5F}\u{FF00}\u{FF3F}\u{FF40}\u{FF60}",
            "联 系 人：张 雷",
            "答\u{3000}\u{3000}复",
            "é—“”、。《》〔〕",
            "lone\rcr\rlines\r",
        ] {
            same(s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Strings of the characters the cleaner looks at, and their neighbours in each table.
        #[test]
        fn same_as_the_old_cleaner_on_hostile_strings(
            s in "[\r\n \t\u{C}\u{3000}\u{3001}\u{3002}\u{FEFF}\u{FEFE}\u{200A}-\u{200E}\u{205F}-\u{2061}\u{A0}\u{A1}\u{AD}\u{AC}\u{FF00}-\u{FF02}\u{FF3E}-\u{FF41}\u{FF5D}-\u{FF61}：，（）陈业 华代表字😀𠀀aé0]{0,60}"
        ) {
            same(&s);
        }

        #[test]
        fn same_as_the_old_cleaner_on_any_text(s in "\\PC{0,200}") {
            same(&s);
        }
    }
}
