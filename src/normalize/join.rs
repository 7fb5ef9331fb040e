//! Rejoining lines that a printed line end or a page break split: `统筹产\n\n业发展基金`,
//! `…功能定位，\n\n牵头…`, paragraphs hard-wrapped at the printed width.
//!
//! Evidence for a wrap: the earlier line does not end a sentence (。！？；：…) and either ends with
//! a comma-like mark (，、) or is a full line at the document's wrap width (estimated from its
//! line lengths) or is a long prose line; and the later line does not start like something new
//! (list item, label, salutation, date, signature, indented paragraph). Web text, whose
//! paragraphs are single long lines ending in 。, passes through unchanged.

use std::sync::LazyLock;

use regex::Regex;

use super::labels::is_han;

/// How the earlier line of a candidate pair ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// 。！？；：… (also behind a closing quote): the sentence is over.
    Final,
    /// ，、 or an opening bracket: the sentence goes on.
    Comma,
    /// A character, digit or closing bracket: open, needs width evidence.
    Word,
    /// Anything else (table pipes, symbols): never joined.
    Other,
}

/// How the later line of a candidate pair starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Start {
    /// Punctuation that never starts a line of its own (，。、）” …): always part of the line before.
    Continue,
    /// A character, digit or opening bracket.
    Word,
    /// A bullet, table pipe or other symbol: never joined.
    Other,
}

fn is_final(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '…' | '.' | '︰' | '﹔' | '﹕' | '﹖' | '﹗' | '｡')
}

fn is_comma(c: char) -> bool {
    matches!(c, ',' | '、' | '﹐' | '﹑' | '､')
}

fn is_closing(c: char) -> bool {
    // `>` closes the inner title of `《关于印发<…>的通知》`.
    matches!(c, '”' | '’' | '》' | ')' | '」' | '』' | '〕' | '〉' | ']' | '"' | '\'' | '】' | '〗' | '﹞' | '>')
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '《' | '(' | '「' | '『' | '〔' | '〈' | '[' | '〖' | '﹝' | '<')
}

fn is_wordish(c: char) -> bool {
    // Han and ASCII first: the general Unicode table lookup is slow.
    c.is_ascii_alphanumeric() || is_han(c) || c == '%' || c == '‰' || (!c.is_ascii() && c.is_alphanumeric())
}

pub(super) fn end_class(s: &str) -> End {
    let mut rev = s.chars().rev();
    let Some(last) = rev.next() else { return End::Other };
    if is_closing(last) {
        // `…的建议。”` ends the sentence; `…的建议》` does not.
        return match rev.find(|c| !is_closing(*c)) {
            Some(c) if is_final(c) => End::Final,
            _ => End::Word,
        };
    }
    if is_final(last) {
        End::Final
    } else if is_comma(last) || is_opening(last) || matches!(last, '-' | '~' | '—' | '–') {
        // A range or a dash cut at the line end (`2019-` / `2021年`) goes on too.
        End::Comma
    } else if is_wordish(last) {
        End::Word
    } else {
        End::Other
    }
}

pub(super) fn start_class(s: &str) -> Start {
    match s.chars().next() {
        Some(c) if is_closing(c) || is_comma(c) || is_final(c) => Start::Continue,
        Some(c) if is_wordish(c) || is_opening(c) => Start::Word,
        _ => Start::Other,
    }
}

/// How strongly a line's start reads as a new list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Item {
    None,
    /// 1. · 1、 · 1) · (一) · 一、 · 第一条 · ①
    Strong,
    /// 一是 / 二是: a new item after a sentence end, inline after a comma.
    Weak,
}

/// Numerals that count list items (一、 … 十二、); 零 and 〇 never start one.
fn is_cn_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

pub(super) fn item_start(s: &str) -> Item {
    let mut buf = ['\0'; 8];
    let mut len = 0;
    for (slot, c) in buf.iter_mut().zip(s.chars()) {
        *slot = c;
        len += 1;
    }
    let cs = &buf[..len];
    let first = match cs.first() {
        Some(c) => *c,
        None => return Item::None,
    };
    if ('\u{2460}'..='\u{249B}').contains(&first) || ('\u{2776}'..='\u{2793}').contains(&first) {
        return Item::Strong; // ① ⑴ ⒈ ❶
    }
    let digits = cs.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        // Item numbers have one or two digits and no leading zero: `025)》` is the tail of a
        // year cut by the line end, `2023、2024年` a list of years.
        if digits > 2 || first == '0' {
            return Item::None;
        }
        return match (cs.get(digits), cs.get(digits + 1)) {
            (Some('、' | ')'), _) => Item::Strong,
            // `1. 强化…` / `1.强化…`, but not `1.4亿` or `2.2本计划` (a decimal or sub-section).
            (Some('.'), next) if !next.is_some_and(|c| c.is_ascii_digit()) => Item::Strong,
            _ => Item::None,
        };
    }
    if first == '(' {
        let n = cs[1..].iter().take_while(|c| c.is_ascii_digit() || is_cn_numeral(**c)).count();
        if (1..=3).contains(&n) && cs.get(1 + n) == Some(&')') {
            return Item::Strong;
        }
        return Item::None;
    }
    if first == '第' {
        let n = cs[1..].iter().take_while(|c| c.is_ascii_digit() || is_cn_numeral(**c)).count();
        if (1..=4).contains(&n) && matches!(cs.get(1 + n), Some('条' | '章' | '节' | '部' | '项' | ',' | '、')) {
            return Item::Strong;
        }
        return Item::None;
    }
    let n = cs.iter().take_while(|c| is_cn_numeral(**c)).count();
    if (1..=3).contains(&n) {
        return match cs.get(n) {
            Some('、' | '.' | ',') => Item::Strong,
            Some('是') => Item::Weak,
            _ => Item::None,
        };
    }
    Item::None
}

/// Suffixes that make a short `X:` prefix a field label (联系人:, 联系电话:, 抄送:, 发布时间: …).
const LABEL_ENDS: &[&str] = &[
    "人", "电话", "手机", "送", "报", "附件", "地址", "邮编", "编码", "传真", "来源", "时间", "日期", "文号",
    "字号", "类别", "结果", "方式", "属性", "主题词", "关键词", "单位", "内容", "标题", "分类", "作者", "浏览",
    "次数", "编号", "索引号", "号",
];
/// Labels recognised by their start, whatever follows (`联系人及电话:`, `抄送 市人大…`).
const LABEL_STARTS: &[&str] = &["联系", "抄送", "抄报", "附件", "签发", "审核", "承办", "经办", "主题词"];

/// A field label line: `联系人:…`, `抄送:…`, `承办单位:…`, `发布时间:…`.
pub(super) fn is_label(s: &str) -> bool {
    if LABEL_STARTS.iter().any(|p| s.starts_with(p)) {
        return true;
    }
    let Some(colon) = s.char_indices().take(12).find(|(_, c)| *c == ':').map(|(i, _)| i) else {
        return false;
    };
    let prefix = s.get(..colon).unwrap_or("").trim_end();
    let n = prefix.chars().count();
    (1..=8).contains(&n)
        && prefix.chars().all(|c| is_han(c) || c == ' ')
        && LABEL_ENDS.iter().any(|e| prefix.ends_with(e))
}

const ROLES: &[&str] = &["代表", "委员", "同志", "先生", "女士", "们", "主任", "主席"];

/// A salutation: `陈业华代表:`, `王立超  委员`, `尊敬的…代表,`.
pub(super) fn is_salutation(s: &str) -> bool {
    if s.chars().count() > 40 {
        return false;
    }
    if s.starts_with("尊敬的") {
        return true;
    }
    let core = s.trim_end_matches([':', ',', ' ']);
    ROLES.iter().any(|r| core.ends_with(r))
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?:[0-9]{4}|[〇○零一二三四五六七八九O]{4})年(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月",
        r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})日$",
        r"|^[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}$|^[0-9]{7,8}$",
    ))
    .expect("date regex")
});

/// A line that is only a date: the signing date under a signature.
pub(super) fn is_date_line(s: &str) -> bool {
    if s.len() > 60 {
        return false;
    }
    if s.contains(' ') {
        DATE_LINE.is_match(&s.replace(' ', ""))
    } else {
        DATE_LINE.is_match(s)
    }
}

const AGENCY_ENDS: &[&str] = &[
    "局", "委员会", "委", "政府", "办公室", "办", "厅", "部", "院", "中心", "公司", "所", "站", "队", "处", "署",
    "馆", "社", "集团", "行", "司", "科", "室", "会",
];

/// A short line naming an agency, as a signature does (`重庆市北碚区城市管理局`).
pub(super) fn is_agency_line(s: &str) -> bool {
    s.chars().count() <= 30
        && !s.chars().any(|c| is_final(c) || is_comma(c))
        && AGENCY_ENDS.iter().any(|e| s.ends_with(e))
}

const TITLE_ENDS: &[&str] = &[
    "答复", "复函", "的函", "建议", "提案", "议案", "通知", "意见", "报告", "摘要", "决定", "办法", "方案", "文件",
];

/// A long line that ends without punctuation because it is a title or banner, not a broken sentence.
fn is_title_like(s: &str) -> bool {
    TITLE_ENDS.iter().any(|e| s.ends_with(e))
}

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
    let measured: Vec<&Measure> = lines.iter().filter(|m| m.chars >= MIN_MEASURED).collect();
    let indented = measured.iter().filter(|m| m.indent >= 2).count();
    let mut chars: Vec<u32> = measured.iter().map(|m| m.chars).collect();
    let mut units: Vec<u32> = measured.iter().map(|m| m.units).collect();
    Wrap {
        chars: estimate_one(&mut chars, MIN_WRAP_CHARS),
        units: estimate_one(&mut units, 2 * MIN_WRAP_CHARS),
        // Indentation tells paragraphs apart only when some lines have it and most do not.
        indent_marks_paragraphs: indented >= 2 && indented * 2 < measured.len(),
    }
}

/// The wrap width of one measure: the value that a large share of lines reach and almost none
/// exceed. Sorted once, then a binary search per distinct value: O(n log n).
fn estimate_one(vals: &mut [u32], min_w: u32) -> Option<u32> {
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
        if near >= 3 && near * 10 >= n * 3 && over * 10 <= n && best.is_none_or(|(b, _)| near > b) {
            best = Some((near, w));
        }
    }
    let (_, w) = best?;
    // The typical full line: the median of the lines in the winning window.
    let hi = w + (w / 10).max(1);
    let lo = w.saturating_sub((w / 8).max(2));
    let window: Vec<u32> = vals.iter().copied().filter(|v| (lo..=hi).contains(v)).collect();
    window.get(window.len() / 2).copied()
}

impl Wrap {
    /// Whether a line reaches the printed width (a wrapped line, not a paragraph's last one).
    pub fn is_full(&self, chars: u32, units: u32) -> bool {
        let by_chars = self.chars.is_some_and(|w| chars + (w / 12).max(2) >= w);
        let by_units = self.units.is_some_and(|w| units + (w / 12).max(3) >= w);
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
}

fn never() -> bool {
    false
}

impl Default for Context<'_> {
    fn default() -> Self {
        Context { a_continues: false, b_before_date_or_end: &never }
    }
}

/// Whether `b` continues the sentence of `a` (only blank lines and page furniture between them).
/// The cheap evidence is weighed first, so most line pairs cost a look at two line ends.
pub(super) fn should_join(wrap: &Wrap, a: &Side, b: &Side, ctx: Context) -> bool {
    if a.text.is_empty() || b.text.is_empty() {
        return false;
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
    let evidence = match end {
        End::Final | End::Other => carries_on,
        End::Comma => true,
        End::Word => ctx.a_continues || carries_on || (!indented && (full || is_long_prose(a))),
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
    fn ends_and_starts() {
        assert_eq!(end_class("现答复如下:"), End::Final);
        assert_eq!(end_class("…的建议。”"), End::Final);
        assert_eq!(end_class("你提出的《关于…的建议》"), End::Word);
        assert_eq!(end_class("我委紧扣各县市功能定位,"), End::Comma);
        assert_eq!(end_class("市人大联工委、"), End::Comma);
        assert_eq!(end_class("二是市财政部门积极统筹产"), End::Word);
        assert_eq!(end_class("【关闭窗口】 |"), End::Other);
        assert_eq!(end_class("特色产业小镇发展的政策意见(2019-2021年)>"), End::Word);
        assert_eq!(end_class("邵东2023-"), End::Comma);
        assert_eq!(start_class(",加快推动"), Start::Continue);
        assert_eq!(start_class("”收悉。"), Start::Continue);
        assert_eq!(start_class("《关于"), Start::Word);
        assert_eq!(start_class("• 姓  名:"), Start::Other);
    }

    #[test]
    fn list_items() {
        for s in ["1. 强化规划引领", "1.强化", "2、进一步提升", "(一)基本情况", "一、基本情况", "一.承办具体过程", "第一条", "①加强"] {
            assert_eq!(item_start(s), Item::Strong, "{s}");
        }
        assert_eq!(item_start("二是市财政部门"), Item::Weak);
        // `零、供应链…`: a wrapped line of `企业破零、供应链…` (seed).
        for s in ["1.4亿", "2024年已安排", "10万元用于", "一定程度", "第14号提案的复函", "(2019-2021年)", "零、供应链平台建设", "025)》,并积极", "2023、2024年"] {
            assert_eq!(item_start(s), Item::None, "{s}");
        }
    }

    #[test]
    fn labels_salutations_dates_signatures() {
        for s in ["联系人及电话:曹权文 15842986508", "抄送:市人大联工委", "承办单位:教育局", "发布时间:2023-07-21", "联系电话:60307029", "邮政编码:400711", "类别:B", "附件:1."] {
            assert!(is_label(s), "{s}");
        }
        for s in ["如下:", "现将办理情况答复如下:", "经研究办理,现答复如下:", "重点开展了:"] {
            assert!(!is_label(s), "{s}");
        }
        for s in ["陈业华代表:", "冬花委员:", "王立超  委员", "纪占斌等3名代表:", "尊敬的王代表,"] {
            assert!(is_salutation(s), "{s}");
        }
        assert!(!is_salutation("县城地处“城尾乡头”,是农村居民进城的第一站"));
        for s in ["2024年6月12日", "二〇二四年五月二十日", "20211026", "2022711", "2023 年 7 月 18 日", "2021-11-01"] {
            assert!(is_date_line(s), "{s}");
        }
        assert!(!is_date_line("2024年已安排10万元"));
        assert!(is_agency_line("重庆市北碚区城市管理局"));
        assert!(is_agency_line("邵阳市发展和改革委员会"));
        assert!(!is_agency_line("业发展基金,2024年已安排10万元用于邵东市农业农村局"));
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
}
