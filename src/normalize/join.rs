//! Rejoining lines that a printed line end or a page break split: `统筹产\n\n业发展基金`,
//! `…功能定位，\n\n牵头…`, paragraphs hard-wrapped at the printed width.
//!
//! Evidence for a wrap: the earlier line does not end a sentence (。！？；：…) and either ends with
//! a comma-like mark (，、) or is a full line at the document's wrap width (estimated from its
//! line lengths) or is a long prose line; and the later line does not start like something new
//! (list item, label, salutation, date, signature, indented paragraph). In a scan whose
//! paragraphs start indented, an unindented line after a full line carries on the paragraph even
//! after a 。. A reply title printed over two lines becomes one. Web text, whose paragraphs are
//! single long lines ending in 。, passes through unchanged.

use super::shapes::{
    end_class, is_agency_line, is_comma, is_date_line, is_label, is_salutation, is_title_like,
    is_title_split, item_start, start_class, End, Item, Start,
};

/// Estimated printed line width of a document, in characters and in half-width columns; `None`
/// when the document is not hard-wrapped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Wrap {
    pub chars: Option<u32>,
    pub units: Option<u32>,
    /// Whether indentation marks paragraph starts (most lines are not indented).
    pub indent_marks_paragraphs: bool,
}

/// Lines shorter than this say nothing about the wrap width (headers, dates, names).
const MIN_MEASURED: u32 = 6;
/// A wrap narrower than this is a table or a list, not printed prose.
const MIN_WRAP_CHARS: u32 = 15;

/// A line of the document as the estimator sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Measure {
    pub chars: u32,
    pub units: u32,
    pub indent: u32,
}

pub(super) fn estimate(lines: &[Measure]) -> Wrap {
    // the measured lines' two measures, gathered in one pass
    let mut chars: Vec<u32> = Vec::with_capacity(lines.len());
    let mut units: Vec<u32> = Vec::with_capacity(lines.len());
    let mut indented = 0usize;
    for m in lines.iter().filter(|m| m.chars >= MIN_MEASURED) {
        chars.push(m.chars);
        units.push(m.units);
        indented += usize::from(m.indent >= 2);
    }
    let measured = chars.len();
    Wrap {
        chars: estimate_one(&mut chars, MIN_WRAP_CHARS),
        units: estimate_one(&mut units, 2 * MIN_WRAP_CHARS),
        // Indentation tells paragraphs apart only when some lines have it and most do not.
        indent_marks_paragraphs: indented >= 2 && indented * 2 < measured,
    }
}

/// The window of widths near `w` that counts as "at the width": `lo..=hi`. Both bounds grow
/// with `w` (never shrink), which lets [`estimate_one`] count with cursors moving forward.
fn window(w: u32) -> (u32, u32) {
    (w.saturating_sub((w / 8).max(2)), w + (w / 10).max(1))
}

/// The wrap width of one measure: the value that a large share of lines reach and almost none
/// exceed. Sorted once, then one forward sweep over the distinct values: O(n log n).
fn estimate_one(vals: &mut [u32], min_w: u32) -> Option<u32> {
    let n = vals.len();
    if n < 4 {
        return None;
    }
    vals.sort_unstable();
    let mut best: Option<(usize, u32)> = None;
    let mut prev = None;
    // How many values lie below the window (`< lo`) and up to its top (`<= hi`): the window
    // moves up with `w`, so each cursor only moves forward.
    let (mut below, mut upto) = (0usize, 0usize);
    for &w in vals.iter() {
        if prev == Some(w) || w < min_w {
            prev = Some(w);
            continue;
        }
        prev = Some(w);
        let (lo, hi) = window(w);
        while vals.get(upto).is_some_and(|&y| y <= hi) {
            upto += 1;
        }
        while vals.get(below).is_some_and(|&y| y < lo) {
            below += 1;
        }
        let near = upto - below;
        let over = n - upto;
        // Printed prose: many lines at the width (five or more, 40%), hardly any beyond it (5%).
        // A web page whose few paragraphs happen to be alike in length is not wrapped.
        if near >= 5 && near * 10 >= n * 4 && over * 20 <= n && best.is_none_or(|(b, _)| near > b) {
            best = Some((near, w));
        }
    }
    let (_, w) = best?;
    // The typical full line: the median of the lines in the winning window (a run of the
    // sorted values).
    let (lo, hi) = window(w);
    let (start, end) = (vals.partition_point(|&y| y < lo), vals.partition_point(|&y| y <= hi));
    vals.get(start..end).and_then(|win| win.get(win.len() / 2)).copied()
}

impl Wrap {
    /// Whether a line reaches the printed width (a wrapped line, not a paragraph's last one).
    pub fn is_full(&self, chars: u32, units: u32) -> bool {
        let by_chars = self.chars.is_some_and(|w| chars.saturating_add((w / 12).max(2)) >= w);
        let by_units = self.units.is_some_and(|w| units.saturating_add((w / 12).max(3)) >= w);
        by_chars || by_units
    }
}

/// One side of a candidate join.
#[derive(Debug, Clone, Copy)]
pub(super) struct Side<'a> {
    pub text: &'a str,
    pub chars: u32,
    pub units: u32,
    pub indent: u32,
}

/// Prose lines are long and carry commas; titles and banners rarely carry two.
const LONG_PROSE_CHARS: u32 = 40;

fn is_long_prose(a: &Side) -> bool {
    a.chars >= LONG_PROSE_CHARS
        && a.text.chars().filter(|c| is_comma(*c) || *c == '。' || *c == ';').count() >= 2
        && !is_title_like(a.text)
}

/// Context of a candidate join beyond the two lines themselves.
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    /// The earlier line is itself the continuation of a joined sentence.
    pub a_continues: bool,
    /// Whether the later line is the last line of the document or is followed by a date line;
    /// asked only when the later line looks like an agency name.
    pub b_before_date_or_end: &'a dyn Fn() -> bool,
    /// Only blank lines (no page furniture) stand between the two lines.
    pub gap_is_blank: bool,
}

fn never() -> bool {
    false
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context { a_continues: false, b_before_date_or_end: &never, gap_is_blank: true }
    }
}

/// Whether `b` continues the sentence of `a` (only blank lines and page furniture between them).
/// The cheap evidence is weighed first, so most line pairs cost a look at two line ends.
pub(super) fn should_join(wrap: &Wrap, a: &Side, b: &Side, ctx: Context) -> bool {
    if a.text.is_empty() || b.text.is_empty() {
        return false;
    }
    if ctx.gap_is_blank && is_title_split(a.text, b.text) {
        return true;
    }
    let end = end_class(a.text);
    match start_class(b.text) {
        Start::Continue => return end != End::Other,
        Start::Other => return false,
        Start::Word => {}
    }
    let full = wrap.is_full(a.chars, a.units);
    // In a scan whose paragraphs start indented, an unindented line after a full line carries on
    // the paragraph even when the line before happens to end with a sentence.
    let indented = wrap.indent_marks_paragraphs && b.indent >= 2;
    let carries_on = full && wrap.indent_marks_paragraphs && !indented;
    // Cells of a table laid out with runs of spaces can fill the width too: no width evidence.
    let laid_out = || [a.text, b.text].iter().any(|s| s.contains("  ") || s.contains('\t') || s.contains('|'));
    let evidence = match end {
        End::Final | End::Other => carries_on && !laid_out(),
        End::Comma => true,
        End::Word => {
            ctx.a_continues
                || (carries_on && !laid_out())
                || (!indented && ((full && !laid_out()) || is_long_prose(a)))
        }
    };
    if !evidence || is_salutation(a.text) {
        return false;
    }
    match item_start(b.text) {
        Item::Strong => return false,
        Item::Weak if end == End::Word && !carries_on => return false,
        _ => {}
    }
    if is_label(b.text) || is_salutation(b.text) || is_date_line(b.text) {
        return false;
    }
    !(is_agency_line(b.text) && (ctx.b_before_date_or_end)())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(text: &str) -> Side<'_> {
        let chars = text.chars().count() as u32;
        let units = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        Side { text, chars, units, indent: 0 }
    }

    fn web() -> Wrap {
        Wrap { chars: None, units: None, indent_marks_paragraphs: false }
    }

    #[test]
    fn seed_page_break_inside_a_word_is_joined() {
        let a = "2. 积极争取项目资金。…省级层面未继续出台支持特色小镇发展的专项政策和特色小镇建设资金专项,主要是通过统筹各部门相关资金专项支持特色小镇建设。…二是市财政部门积极统筹产";
        let b = "业发展基金,2024年已安排10万元用于邵东市农业农村局茶叶复兴出海工程。";
        assert!(should_join(&web(), &side(a), &side(b), Context::default()));
    }

    #[test]
    fn seed_page_break_after_a_comma_is_joined() {
        let a = "1. 强化规划引领和试点示范。一是在全市推进新型城镇化工作领导小组的统筹协调下,我委紧扣各县市功能定位,";
        let b = "牵头组织和指导邵东、新邵等9县市制订出台了《县城城镇化实施方案(2023-2025)》";
        assert!(should_join(&web(), &side(a), &side(b), Context::default()));
    }

    #[test]
    fn real_ends_are_kept() {
        let w = web();
        let c = Context::default();
        // Sentence end, heading, salutation, label, date, signature, title.
        assert!(!should_join(&w, &side("预计6月底前可开业运营。"), &side("下一步,我委将协同财政"), c));
        assert!(!should_join(&w, &side("对市十七届人大三次会议第151号建议的答复"), &side("陈业华代表:"), c));
        assert!(!should_join(&w, &side("陈业华代表,"), &side("你提出的《关于建强特色小镇载体》收悉。"), c));
        assert!(!should_join(&w, &side("抄送:市人大联工委、市政府办公室"), &side("联系人及电话:曹权文 15842986508"), c));
        assert!(!should_join(&w, &side("二、意见建议办理情况"), &side("针对您所提建议即:水塘铺村委会"), c));
        assert!(!should_join(&w, &side("我局将积极协调,"), &side("2. 积极争取项目资金。"), c));
        fn always() -> bool {
            true
        }
        let end = Context { b_before_date_or_end: &always, ..c };
        assert!(!should_join(&w, &side("谨此回复,感谢支持,"), &side("博乐市财政局"), end));
        assert!(!should_join(&w, &side("感谢您对我局工作的关心,理解和支持,"), &side("2023年7月18日"), c));
        // A long title without punctuation is not prose.
        let title = "2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复";
        assert!(!should_join(&w, &side(title), &side("浏览量很高"), c));
    }

    #[test]
    fn estimate_finds_the_wrap_width_of_a_scan() {
        let mut lines = vec![Measure { chars: 30, units: 60, indent: 0 }; 20];
        lines.push(Measure { chars: 12, units: 24, indent: 4 });
        lines.push(Measure { chars: 30, units: 60, indent: 4 });
        lines.push(Measure { chars: 33, units: 60, indent: 0 }); // digits make it longer in chars
        lines.push(Measure { chars: 8, units: 16, indent: 0 });
        let w = estimate(&lines);
        assert_eq!(w.chars, Some(30));
        assert_eq!(w.units, Some(60));
        assert!(w.indent_marks_paragraphs);
        assert!(w.is_full(29, 58));
        assert!(!w.is_full(20, 40));
    }

    /// The estimate as it was written before the forward sweep (a binary search per value).
    fn estimate_one_before(vals: &mut [u32], min_w: u32) -> Option<u32> {
        let n = vals.len();
        if n < 4 {
            return None;
        }
        vals.sort_unstable();
        let count_le = |v: &[u32], x: u32| v.partition_point(|&y| y <= x);
        let mut best: Option<(usize, u32)> = None;
        let mut prev = None;
        for &w in vals.iter() {
            if prev == Some(w) || w < min_w {
                prev = Some(w);
                continue;
            }
            prev = Some(w);
            let hi = w + (w / 10).max(1);
            let lo = w.saturating_sub((w / 8).max(2));
            let near = count_le(vals, hi) - count_le(vals, lo.saturating_sub(1));
            let over = n - count_le(vals, hi);
            if near >= 5 && near * 10 >= n * 4 && over * 20 <= n && best.is_none_or(|(b, _)| near > b) {
                best = Some((near, w));
            }
        }
        let (_, w) = best?;
        let hi = w + (w / 10).max(1);
        let lo = w.saturating_sub((w / 8).max(2));
        let window: Vec<u32> = vals.iter().copied().filter(|v| (lo..=hi).contains(v)).collect();
        window.get(window.len() / 2).copied()
    }

    #[test]
    fn window_bounds_never_shrink() {
        for w in 0..100_000u32 {
            let (a, b) = (window(w), window(w + 1));
            assert!(b.0 >= a.0 && b.1 >= a.1, "{w}");
        }
    }

    use proptest::strategy::Strategy;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// Same estimate as before on any line lengths, wrapped-looking (most around one width,
        /// at the very edges of its window too) or not.
        #[test]
        fn estimate_one_as_before(
            vals in (10u32..90).prop_flat_map(|w| proptest::collection::vec(
                proptest::prop_oneof![4 => w.saturating_sub(w / 8 + 3)..=w + w / 10 + 3, 1 => 0u32..200],
                0..50,
            )),
            min_w in proptest::prop_oneof![proptest::strategy::Just(15u32), proptest::strategy::Just(30u32), 0u32..50],
        ) {
            let (mut a, mut b) = (vals.clone(), vals);
            proptest::prop_assert_eq!(estimate_one(&mut a, min_w), estimate_one_before(&mut b, min_w));
        }
    }

    #[test]
    fn web_text_has_no_wrap_width() {
        // real-dev 003: a few lines of 28 characters, but paragraphs of 48–116 characters.
        let lens = [13, 28, 28, 9, 14, 28, 8, 48, 116, 53, 9, 8, 20, 29];
        let lines: Vec<Measure> = lens.iter().map(|&c| Measure { chars: c, units: 2 * c, indent: 0 }).collect();
        assert_eq!(estimate(&lines), Wrap { chars: None, units: None, indent_marks_paragraphs: false });
    }

    #[test]
    fn wrapped_full_line_ending_in_a_word_is_joined() {
        let w = Wrap { chars: Some(30), units: Some(60), indent_marks_paragraphs: true };
        // 31 characters: a full line at the printed width of 30 (a quote pair squeezed in).
        let a = "县城地处“城尾乡头”,是农村居民进城的第一站,是连接城市和服务";
        assert_eq!(a.chars().count(), 31);
        let b = "乡村的重要节点。";
        assert!(should_join(&w, &side(a), &side(b), Context::default()));
        // The same line as a paragraph of its own in web text: no width evidence.
        assert!(!should_join(&web(), &side(a), &side(b), Context::default()));
        // An indented new paragraph is not a continuation.
        let b2 = Side { indent: 4, ..side(b) };
        assert!(!should_join(&w, &side(a), &b2, Context::default()));
        // ... unless the line before is itself the continuation of a paragraph that has not ended.
        let cont = Context { a_continues: true, ..Context::default() };
        assert!(should_join(&w, &side(a), &b2, cont));
    }

    #[test]
    fn table_rows_at_the_width_are_not_joined() {
        let w = Wrap { chars: Some(20), units: Some(40), indent_marks_paragraphs: false };
        let a = "邵东市仙槎桥五金小镇  基础设施配套";
        let b = "邵东市廉桥药材小镇  污水处理厂";
        assert!(w.is_full(side(a).chars, side(a).units));
        assert!(!should_join(&w, &side(a), &side(b), Context::default()));
        let a = "邵东市仙槎桥五金小镇|基础设施配套项目";
        assert!(!should_join(&w, &side(a), &side(b), Context::default()));
    }

    #[test]
    fn unindented_line_after_a_full_line_carries_on_the_paragraph() {
        let w = Wrap { chars: Some(30), units: Some(60), indent_marks_paragraphs: true };
        // The printed line happens to end with a sentence; the next line is not indented.
        let a = "1. 强化规划引领和试点示范。一是在全市推进新型城镇化工作。";
        let b = "二是牵头组织和指导邵东、新邵等9县市制订出台了方案。";
        assert!(should_join(&w, &side(a), &side(b), Context::default()));
        let b_indented = Side { indent: 4, ..side(b) };
        assert!(!should_join(&w, &side(a), &b_indented, Context::default()));
        // Without indentation as evidence, a sentence end stays a line end.
        let plain = Wrap { indent_marks_paragraphs: false, ..w };
        assert!(!should_join(&plain, &side(a), &side(b), Context::default()));
    }
    #[test]
    fn title_printed_over_two_lines_is_joined_but_not_across_a_page_number() {
        assert!(should_join(&web(), &side("对县八届人大二次会议"), &side("第72号建议答复"), Context::default()));
        let paged = Context { gap_is_blank: false, ..Context::default() };
        assert!(!should_join(&web(), &side("对县八届人大二次会议"), &side("第72号建议答复"), paged));
    }
}
