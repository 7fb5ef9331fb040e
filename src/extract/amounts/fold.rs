//! Traditional characters of the words the context rules look for, folded to simplified, so
//! 約1.2億元, 補貼資金 and 每畝 read like 约, 补贴资金 and 每亩 (Taiwan/HK mirrors, Big5 dumps).
//!
//! Only the few characters around a figure are folded, and every pair is a 3-byte BMP character,
//! so byte offsets in the folded window are offsets in the original text.

use std::borrow::Cow;
use std::sync::LazyLock;

/// Traditional → simplified pairs for the characters of our word lists.
const PAIRS: &[(char, char)] = &[
    ('資', '资'), ('經', '经'), ('費', '费'), ('補', '补'), ('貼', '贴'), ('獎', '奖'), ('勵', '励'), ('貸', '贷'),
    ('撥', '拨'), ('預', '预'), ('債', '债'), ('專', '专'), ('項', '项'), ('發', '发'), ('財', '财'), ('稅', '税'),
    ('潤', '润'), ('產', '产'), ('營', '营'), ('銷', '销'), ('額', '额'), ('貿', '贸'), ('進', '进'), ('賠', '赔'),
    ('償', '偿'), ('罰', '罚'), ('總', '总'), ('計', '计'), ('達', '达'), ('約', '约'), ('為', '为'), ('過', '过'),
    ('餘', '余'), ('內', '内'), ('級', '级'), ('將', '将'), ('與', '与'), ('對', '对'), ('從', '从'), ('該', '该'),
    ('爭', '争'), ('獲', '获'), ('統', '统'), ('籌', '筹'), ('實', '实'), ('請', '请'), ('報', '报'), ('給', '给'),
    ('於', '于'), ('幣', '币'), ('數', '数'), ('幾', '几'), ('條', '条'), ('處', '处'), ('張', '张'), ('頭', '头'),
    ('隻', '只'), ('間', '间'), ('臺', '台'), ('輛', '辆'), ('畝', '亩'), ('戶', '户'), ('個', '个'), ('區', '区'),
    ('縣', '县'), ('國', '国'), ('噸', '吨'), ('層', '层'), ('棟', '栋'), ('樣', '样'), ('標', '标'), ('準', '准'),
    ('規', '规'), ('模', '模'), ('億', '亿'), ('萬', '万'), ('圓', '圆'), ('萬', '万'), ('員', '员'), ('農', '农'),
    ('學', '学'), ('業', '业'), ('職', '职'), ('務', '务'), ('訓', '训'), ('帶', '带'), ('動', '动'), ('蓋', '盖'),
    ('餘', '余'), ('結', '结'), ('節', '节'), ('剩', '剩'), ('還', '还'), ('壹', '壹'), ('貳', '贰'), ('陸', '陆'),
    ('參', '叁'), ('兩', '两'), ('並', '并'), ('設', '设'), ('築', '筑'), ('維', '维'), ('護', '护'), ('擔', '担'),
    ('險', '险'), ('億', '亿'), ('僅', '仅'), ('餘', '余'), ('門', '门'), ('戶', '户'), ('無', '无'), ('價', '价'),
    ('貨', '货'), ('幫', '帮'), ('扶', '扶'), ('勞', '劳'), ('聯', '联'), ('繫', '系'), ('電', '电'), ('話', '话'),
];

/// The pairs sorted by traditional character, for a binary search per character.
static SORTED: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let mut v = PAIRS.to_vec();
    v.sort_unstable();
    v.dedup_by_key(|p| p.0);
    v
});

const CJK_START: u32 = 0x4E00;
const CJK_END: u32 = 0xA000;

/// One bit per CJK character: is it a traditional character we fold? Almost none are, and the
/// bit test keeps the binary search for those few.
static TRADITIONAL: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; ((CJK_END - CJK_START) as usize).div_ceil(64)];
    for &(t, _) in PAIRS {
        let i = (t as u32).wrapping_sub(CJK_START) as usize;
        if let Some(w) = bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    bits
});

/// Whether `c` is one of the traditional characters folded, by the bit table `bits`.
fn is_traditional(bits: &[u64], c: char) -> bool {
    let code = c as u32;
    if !(CJK_START..CJK_END).contains(&code) {
        return false;
    }
    let i = (code - CJK_START) as usize;
    bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

fn fold_char(c: char) -> char {
    if !is_traditional(&TRADITIONAL, c) {
        return c;
    }
    SORTED.binary_search_by_key(&c, |p| p.0).ok().and_then(|i| SORTED.get(i)).map_or(c, |p| p.1)
}

/// Byte offset of the first traditional character folded in `s`. Every one of them is a
/// three-byte character with a lead byte E4..E9 (U+4000..U+9FFF): only those lead bytes are
/// decoded, the rest is skipped by its lead byte's length, which is several times cheaper than
/// `chars()`. The bit table starts at U+4E00, a multiple of 64: a character's word of the table is told by
/// its first two bytes and its bit by the last one's six low bits, without a decode check.
fn first_traditional(bits: &[u64], s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if !(0xE4..=0xE9).contains(&x) {
            // `i` is always at a character start: step over the whole character
            i += match x {
                ..0x80 => 1,
                ..0xE0 => 2,
                ..0xF0 => 3,
                _ => 4,
            };
            continue;
        }
        let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) else { return None };
        // the code point without its six low bits (below U+A000 whatever the lead byte)
        let high = ((u32::from(x) & 0x0F) << 12) | ((u32::from(b1) & 0x3F) << 6);
        if let Some(word) = high.checked_sub(CJK_START).and_then(|d| bits.get((d >> 6) as usize)) {
            if word & (1 << (b2 & 0x3F)) != 0 {
                return Some(i);
            }
        }
        i += 3;
    }
    None
}

/// `from..to` widened to char boundaries of `text` (clamped to its length).
fn widen(text: &str, from: usize, to: usize) -> (usize, usize) {
    let mut start = from.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = to.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    (start, end)
}

/// The text between two byte offsets, folded to simplified, starting at a char boundary at or
/// before `from` and ending at one at or after `to`; with the byte offset where it starts.
/// Borrowed when there is nothing to fold, as in almost every window.
pub fn window(text: &str, from: usize, to: usize) -> (Cow<'_, str>, usize) {
    let (start, end) = widen(text, from, to);
    let src = text.get(start..end).unwrap_or("");
    // Most windows hold no traditional character at all: they are copied whole, and only the
    // rest from the first traditional one is folded character by character.
    let bits: &[u64] = &TRADITIONAL;
    let Some(first) = first_traditional(bits, src) else {
        return (Cow::Borrowed(src), start);
    };
    // Every pair is three bytes on both sides: the folded text is the same bytes with each
    // traditional character overwritten in place.
    let mut bytes = src.as_bytes().to_vec();
    let mut at = first;
    while let Some(i) = src.get(at..).and_then(|rest| first_traditional(bits, rest)).map(|r| at + r) {
        let Some(c) = src.get(i..).and_then(|r| r.chars().next()) else { break };
        let mut buf = [0u8; 4];
        let simple = fold_char(c).encode_utf8(&mut buf).as_bytes();
        if let (Some(dst), 3) = (bytes.get_mut(i..i + 3), simple.len()) {
            dst.copy_from_slice(simple);
        }
        at = i + c.len_utf8();
    }
    match String::from_utf8(bytes) {
        Ok(folded) => (Cow::Owned(folded), start),
        Err(_) => (Cow::Owned(src.chars().map(fold_char).collect()), start),
    }
}

/// The windows of one text, remembering the span last found free of traditional characters:
/// the windows of neighbouring figures (and the two of one figure) overlap, and the overlap
/// need not be scanned again. Gives what [`window`] gives.
pub struct Windows<'t> {
    text: &'t str,
    /// A byte span of `text`, at character boundaries, without a traditional character.
    clean: (usize, usize),
}

impl<'t> Windows<'t> {
    pub fn new(text: &'t str) -> Self {
        Windows { text, clean: (0, 0) }
    }

    /// [`window`] of the text between `from` and `to`.
    pub fn window(&mut self, from: usize, to: usize) -> (Cow<'t, str>, usize) {
        let text = self.text;
        let (start, end) = widen(text, from, to);
        let (a, b) = self.clean;
        // the window's head inside the clean span is not scanned again
        let joined = a <= start && start <= b;
        let unknown = if joined { b.max(start) } else { start };
        let clean = unknown >= end
            || text.get(unknown..end).is_some_and(|rest| first_traditional(&TRADITIONAL, rest).is_none());
        if !clean {
            return window(text, from, to);
        }
        self.clean = if joined { (a, b.max(end)) } else { (start, end) };
        (Cow::Borrowed(text.get(start..end).unwrap_or("")), start)
    }
}

#[cfg(test)]
mod tests {
    use super::{window, PAIRS};

    /// The byte scan finds the same first traditional character as a char-by-char search, on
    /// every character of the CJK block and around other multi-byte characters.
    #[test]
    fn byte_scan_is_the_char_search() {
        let bits: &[u64] = &super::TRADITIONAL;
        let by_chars = |s: &str| s.char_indices().find(|&(_, c)| super::is_traditional(bits, c)).map(|(i, _)| i);
        for code in 0x3000..0xB000u32 {
            let Some(c) = char::from_u32(code) else { continue };
            for s in [format!("{c}"), format!("a{c}b"), format!("资金{c}萬"), format!("é😀{c}")] {
                assert_eq!(super::first_traditional(bits, &s), by_chars(&s), "{s:?}");
            }
        }
        for s in ["", "补贴资金3000万元", "約1.2億元", "😀億", "ＡＢＣ每畝"] {
            assert_eq!(super::first_traditional(bits, s), by_chars(s), "{s:?}");
        }
    }

    /// Overlapping, nested, backward and far windows give what `window` gives, on every
    /// fixture text and on texts with traditional characters here and there.
    #[test]
    fn remembered_windows_are_the_windows() {
        let mut texts = crate::extract::samples::genre_texts();
        texts.push("補貼資金3000萬元，其中省級1.2億元。共計5萬元；約1.2億元".repeat(3));
        texts.push("资金3000万元，其中省级1.2亿元。".repeat(5) + "補貼" + &"共计5万元，".repeat(5));
        let mut checked = 0;
        for text in &texts {
            let mut ws = super::Windows::new(text);
            let n = text.len();
            let spans = (0..n).step_by(37).flat_map(|at| [(at, at + 60), (at.saturating_sub(108), at + 20), (at / 2, at / 2 + 7)]);
            for (from, to) in spans {
                assert_eq!(ws.window(from, to), window(text, from, to), "{from}..{to}");
                checked += 1;
            }
        }
        assert!(checked > 1000, "{checked}");
    }

    #[test]
    fn folding_keeps_byte_offsets() {
        for (t, s) in PAIRS {
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t} → {s}");
        }
        let text = "投入資金約1.2億元";
        let (w, start) = window(text, 0, text.len());
        assert_eq!(start, 0);
        assert_eq!(w, "投入资金约1.2亿元");
        assert_eq!(w.len(), text.len());
    }

    #[test]
    fn windows_with_and_without_traditional_characters() {
        let plain: fn(&str) -> String = |s| s.chars().map(super::fold_char).collect();
        let every: String = PAIRS.iter().map(|p| format!("{}a{}", p.0, p.1)).collect();
        for text in ["补贴资金3000万元", "約1.2億元，補貼", "共計5萬元", "", "ABC每畝", "億億萬", "é億😀萬x", every.as_str()] {
            assert_eq!(window(text, 0, text.len()).0, plain(text), "{text}");
        }
        // Mid-character offsets widen to the character boundaries.
        let text = "資金約1.2億元";
        assert_eq!(window(text, 1, 7), ("资金约".into(), 0));
        assert!(super::is_traditional(&super::TRADITIONAL, '億') && !super::is_traditional(&super::TRADITIONAL, '亿'));
    }
}
