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
    fn find_eol_finds_the_first_break_at_any_position() {
        for n in 0..20 {
            let mut v = vec![b'a'; n];
            assert_eq!(find_eol(&v), None);
            v.push(b'\r');
            v.extend_from_slice(b"xx\n");
            assert_eq!(find_eol(&v), Some(n));
        }
        assert_eq!(find_eol("陈业华代表：\n".as_bytes()), Some(18));
    }

    #[test]
    fn find_repairable_finds_full_width_and_ideographic_space_leads() {
        let s = "邵阳市发展和改革委员会文件邵阳市发展和改革委员会文件：";
        assert_eq!(find_repairable(s.as_bytes()), Some(s.len() - 3));
        let s = "邵阳市发展和改革委员会文件\u{3000}";
        assert_eq!(find_repairable(s.as_bytes()), Some(s.len() - 3));
        assert_eq!(find_repairable("邵阳市发展和改革委员会文件abcdefgh".as_bytes()), None);
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
