//! Line splitting and per-line character repair: CRLF/CR → LF, the full-width ASCII block folded
//! 1:1 (U+FF01–FF5E → U+0021–007E, U+3000 → space; not NFKC, so 。、《》“” stay as they are),
//! zero-width characters dropped, NBSP made a space, indentation and trailing blanks trimmed.
//!
//! One byte loop per line: untouched runs are copied as slices, only the few byte patterns that
//! need repair are looked at, so the stage runs at memory speed on long inputs.

/// One cleaned line: its bytes are `buf[start..end]` of [`Cleaned::buf`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
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
pub(super) struct Cleaned {
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
pub(super) fn clean(decoded: &str) -> Cleaned {
    let decoded = decoded.strip_prefix('\u{FEFF}').unwrap_or(decoded);
    let bytes = decoded.as_bytes();
    // (room for the lines of a typical document at once; longer ones grow as they go)
    let lines = Vec::with_capacity(decoded.len() / 64 + 8);
    let mut out = Cleaned { buf: String::with_capacity(decoded.len()), lines, total_lines: 0 };
    let mut pos = 0usize;
    let mut orig = 0u32;
    loop {
        orig = orig.saturating_add(1);
        // One pass per line finds its end, repairs it and measures it.
        let (rec, end) = clean_line(decoded, pos, orig, &mut out.buf);
        if rec.end > rec.start {
            out.lines.push(rec);
        }
        match bytes.get(end) {
            None => {
                out.total_lines = orig;
                break;
            }
            Some(&brk) => {
                pos = end + 1;
                if brk == b'\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
            }
        }
    }
    out
}

/// What the main loop of [`clean_line`] needs to know of a byte at a character start, from one
/// table look-up: the character's length in bytes (low bits), whether it needs a closer look (a
/// line break, or a lead byte of a character that may need a repair), and its printed width in
/// columns (high bits: 3- and 4-byte characters print wide).
const LEN_MASK: u8 = 0b0111;
const SPECIAL: u8 = 0b1000;
const UNITS_SHIFT: u32 = 4;
const NARROW: u8 = 1 << UNITS_SHIFT;
const WIDE: u8 = 2 << UNITS_SHIFT;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut x = 0;
    while x < 256 {
        t[x] = match x as u8 {
            b'\n' | b'\r' => SPECIAL,
            0x00..=0x7F => NARROW | 1,
            // A continuation byte never starts a character of a `str`; one byte, as a fallback.
            0x80..=0xBF => NARROW | 1,
            0xC2 => SPECIAL | NARROW | 2,
            0xC0..=0xDF => NARROW | 2,
            0xE2 | 0xE3 | 0xEF => SPECIAL | WIDE | 3,
            0xE0..=0xEF => WIDE | 3,
            _ => WIDE | 4,
        };
        x += 1;
    }
    t
};

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
            // (only the lead bytes C2, E2, E3 and EF start a blank or zero-width character)
            0x80.. if CLASS[usize::from(b[i])] & SPECIAL == 0 => break,
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

/// Cleans the line of `text` that starts at byte `from` into `buf`; returns it and the position
/// of its line break (the length of `text` for the last line).
fn clean_line(text: &str, from: usize, orig: u32, buf: &mut String) -> (Line, usize) {
    let b = text.as_bytes();
    let start = buf.len();
    let (lead, indent) = leading_blank(b.get(from..).unwrap_or(&[]));
    // Every character counts one, and one more column if it prints wide (3- and 4-byte
    // characters); dropped characters are not counted. (wrapping adds: no overflow check)
    let (mut chars, mut units) = (0u32, 0u32);
    let mut i = from + lead;
    let mut run = i; // start of the pending untouched run
    while let Some(&x) = b.get(i) {
        // The bulk of the text first: a Han character (lead byte E4–E9), never repaired.
        if (0xE4..=0xE9).contains(&x) {
            chars = chars.wrapping_add(1);
            units = units.wrapping_add(2);
            i += 3;
            continue;
        }
        let class = CLASS[usize::from(x)];
        let n = usize::from(class & LEN_MASK);
        if class & SPECIAL != 0 {
            if x == b'\n' || x == b'\r' {
                break;
            }
            // Only characters whose lead byte is C2, E2, E3 or EF can need a repair.
            match repair_at(b, i).0 {
                Repair::Keep => {}
                Repair::Drop => {
                    buf.push_str(text.get(run..i).unwrap_or(""));
                    i += n;
                    run = i;
                    continue;
                }
                Repair::Byte(y) => {
                    buf.push_str(text.get(run..i).unwrap_or(""));
                    buf.push(char::from(y));
                    run = i + n;
                }
            }
        }
        chars = chars.wrapping_add(1);
        units = units.wrapping_add(u32::from(class >> UNITS_SHIFT));
        i += n;
    }
    let end = i.min(b.len());
    buf.push_str(text.get(run..end).unwrap_or(""));
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
    (Line { start, end: buf.len(), orig, chars, units, indent }, end)
}

/// A line that starts with a CJK character followed by a space.
fn maybe_spaced(s: &str) -> bool {
    let mut it = s.chars();
    matches!((it.next(), it.next()), (Some(c), Some(' ')) if super::labels::is_han(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let c = clean(s);
        c.lines.iter().map(|l| c.text(l).to_string()).collect()
    }

    #[test]
    fn crlf_cr_and_lf_all_end_lines() {
        let c = clean("同意公开\r\nA1类\r抄送：市人大\n联系人");
        let origs: Vec<u32> = c.lines.iter().map(|l| l.orig).collect();
        assert_eq!(origs, vec![1, 2, 3, 4]);
        assert_eq!(c.total_lines, 4);
        // Blank lines are gaps in the numbering.
        let c = clean("同意公开\r\n\r\n\u{3000}\r\nA1类\n");
        let origs: Vec<u32> = c.lines.iter().map(|l| l.orig).collect();
        assert_eq!(origs, vec![1, 4]);
        assert_eq!(c.total_lines, 5);
        assert_eq!(texts("同意公开\r\nA1类\r抄送:市人大\n联系人"), vec!["同意公开", "A1类", "抄送:市人大", "联系人"]);
    }

    #[test]
    fn full_width_block_folds_one_to_one_not_nfkc() {
        // Full-width digits, letters, comma, colon and brackets fold; 。、《》“”〔〕 stay.
        assert_eq!(
            texts("联系电话：５６１５５５２０，（０３５１）ＡＢ。《通知》“关于”〔２０２４〕、")[0],
            "联系电话:56155520,(0351)AB。《通知》“关于”〔2024〕、"
        );
        assert_eq!(texts("～！＠＃")[0], "~!@#");
    }

    #[test]
    fn bom_zero_width_and_nbsp() {
        assert_eq!(texts("\u{FEFF}陈业华\u{200B}代表\u{200D}：")[0], "陈业华代表:");
        assert_eq!(texts("曹权文\u{A0}15842986508")[0], "曹权文 15842986508");
        assert_eq!(texts("邵阳\u{FEFF}市")[0], "邵阳市");
    }

    #[test]
    fn indentation_and_trailing_blanks_trimmed() {
        let c = clean("            重庆市北碚区城市管理局    \n\u{3000}\u{3000}您提出的建议收悉。\u{3000}\n单位负责人:   \n   \u{3000}\u{A0}\t");
        let t: Vec<&str> = c.lines.iter().map(|l| c.text(l)).collect();
        assert_eq!(t, vec!["重庆市北碚区城市管理局", "您提出的建议收悉。", "单位负责人:"]);
        assert_eq!(c.lines[0].indent, 12);
        assert_eq!(c.lines[1].indent, 4);
        assert_eq!(c.lines[2].indent, 0);
    }

    #[test]
    fn class_table_gives_lengths_widths_and_the_bytes_to_look_at() {
        // Every character of a sample covering each UTF-8 length: length and width from its lead.
        for c in ['a', ' ', '\u{A0}', '\u{AD}', 'é', 'Ω', '—', '“', '、', '\u{3000}', '陈', '：', '\u{FEFF}', '😀', '𠀀'] {
            let mut enc = [0u8; 4];
            let lead = c.encode_utf8(&mut enc).as_bytes()[0];
            let class = CLASS[usize::from(lead)];
            assert_eq!(usize::from(class & LEN_MASK), c.len_utf8(), "{c:?}");
            assert_eq!(class >> UNITS_SHIFT, if c.len_utf8() >= 3 { 2 } else { 1 }, "{c:?}");
            assert_eq!(class & SPECIAL != 0, matches!(lead, 0xC2 | 0xE2 | 0xE3 | 0xEF), "{c:?}");
        }
        assert!(CLASS[usize::from(b'\n')] & SPECIAL != 0 && CLASS[usize::from(b'\r')] & SPECIAL != 0);
        assert_eq!(CLASS[usize::from(b'\t')], NARROW | 1);
    }

    #[test]
    fn width_counts_cjk_double_and_digits_single() {
        let c = clean("2024年已安排10万元");
        assert_eq!(c.lines[0].chars, 12);
        assert_eq!(c.lines[0].units, 6 + 2 * 6);
        // Full-width digits print full width, although they fold to ASCII.
        let c = clean("２０２４年");
        assert_eq!(c.text(&c.lines[0]), "2024年");
        assert_eq!(c.lines[0].units, 10);
    }

    #[test]
    fn trailing_newline_counts_an_empty_last_line() {
        assert_eq!(clean("a\n").total_lines, 2);
        assert_eq!(clean("").total_lines, 1);
        assert_eq!(clean("a\r\n\r\nb").total_lines, 3);
        assert_eq!(texts("a\r\n\r\nb"), vec!["a", "b"]);
    }

    #[test]
    fn truncated_multibyte_at_line_end_does_not_panic() {
        // A lead byte can only be followed by its continuation in valid UTF-8, but check the
        // decoder-side helpers on odd input anyway.
        let s = "\u{FF01}\n\u{3000}\n\u{A0}";
        assert_eq!(texts(s), vec!["!"]);
    }
}
