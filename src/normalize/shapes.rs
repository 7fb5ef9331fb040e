//! Line shapes the joiner weighs: how a line ends and starts, and whether it reads as a list
//! item, a field label, a salutation, a date, an agency name (a signature) or part of a title.
//!
//! The word lists are the genre's vocabulary (GB/T 9704 document elements), not any document's.

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

pub(super) fn is_final(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | ':' | '…' | '.' | '︰' | '﹔' | '﹕' | '﹖' | '﹗' | '｡')
}

pub(super) fn is_comma(c: char) -> bool {
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
    if last == '.' && rev.next().is_some_and(|c| c.is_ascii_digit()) {
        // `１.` + `１亿元`: a decimal point cut by the line end, not a full stop.
        End::Word
    } else if is_final(last) {
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

/// A salutation: `陈业华代表:`, `王立超  委员`, `尊敬的…代表,`. A wrapped body line that merely
/// ends with 代表 (`…感谢各位代表`) is not one: without a colon or comma the line must be short.
pub(super) fn is_salutation(s: &str) -> bool {
    let core = s.trim_end_matches([':', ',', ' ']);
    if !s.starts_with("尊敬的") && !ROLES.iter().any(|r| core.ends_with(r)) {
        return false;
    }
    // (counting stops past the limit: a 100 MB line costs nothing here)
    let n = s.chars().take(41).count();
    let marked = core.len() < s.len();
    n <= 40 && (s.starts_with("尊敬的") || marked || n <= 15)
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
    // Cheap shape test before the regex: a date line starts with a digit and ends with 日 or a
    // digit.
    let digitish = |c: char| c.is_ascii_digit() || matches!(c, '〇' | '○' | '零' | '一' | '二' | 'O');
    if s.len() > 60
        || !s.chars().next().is_some_and(digitish)
        || !s.chars().next_back().is_some_and(|c| c == '日' || c.is_ascii_digit())
    {
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
    AGENCY_ENDS.iter().any(|e| s.ends_with(e))
        && s.chars().take(31).count() <= 30
        && !s.chars().any(|c| is_final(c) || is_comma(c))
}

const TITLE_ENDS: &[&str] = &[
    "答复", "复函", "的函", "建议", "提案", "议案", "通知", "意见", "报告", "摘要", "决定", "办法", "方案", "文件",
];

/// A long line that ends without punctuation because it is a title or banner, not a broken sentence.
pub(super) fn is_title_like(s: &str) -> bool {
    TITLE_ENDS.iter().any(|e| s.ends_with(e))
}

/// Ends of a reply's title (`…建议的答复`, `…提案的复函`, `…答复的函`).
const REPLY_TITLE_ENDS: &[&str] = &["答复", "复函", "的函", "答复函", "答复意见"];

/// A title printed over two lines: `关于对政协子洲县第十届委员会第二次会议` + `第14号提案的复函`,
/// `关于州八届人大二次会议第105号建议` + `答复的函`. The first part opens like a title (关于/对)
/// and has not reached a reply-title ending; the second is short and ends like one.
pub(super) fn is_title_split(a: &str, b: &str) -> bool {
    let plain = |s: &str| !s.chars().any(|c| is_final(c) || is_comma(c) || c == ' ');
    // Cheapest tests first: this runs for every pair of neighbouring lines.
    (a.starts_with("关于") || a.starts_with('对'))
        && REPLY_TITLE_ENDS.iter().any(|e| b.ends_with(e))
        && !REPLY_TITLE_ENDS.iter().any(|e| a.ends_with(e))
        && !(b.starts_with("关于") || b.starts_with('对'))
        && (6..=40).contains(&a.chars().take(41).count())
        && (2..=24).contains(&b.chars().take(25).count())
        && plain(a)
        && plain(b)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(end_class("污水处理厂及配套设施改造项目1."), End::Word);
        assert_eq!(end_class("Modeling."), End::Final);
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
        assert!(!is_salutation("我们办理人员在与代表面商的过程中,认真听取了各位代表"));
        for s in ["2024年6月12日", "二〇二四年五月二十日", "20211026", "2022711", "2023 年 7 月 18 日", "2021-11-01"] {
            assert!(is_date_line(s), "{s}");
        }
        assert!(!is_date_line("2024年已安排10万元"));
        assert!(is_agency_line("重庆市北碚区城市管理局"));
        assert!(is_agency_line("邵阳市发展和改革委员会"));
        assert!(!is_agency_line("业发展基金,2024年已安排10万元用于邵东市农业农村局"));
    }

    #[test]
    fn title_printed_over_two_lines() {
        // real-dev 039, 045 and the zhou-scan fixture.
        assert!(is_title_split("关于对政协子洲县第十届委员会第二次会议", "第14号提案的复函"));
        assert!(is_title_split("对县八届人大二次会议", "第72号建议答复"));
        assert!(is_title_split("关于州八届人大二次会议第105号建议", "答复的函"));
        // A whole title followed by the next line, a banner followed by a title.
        assert!(!is_title_split("对市十七届人大三次会议第151号建议的答复", "陈业华代表:"));
        assert!(!is_title_split("石林彝族自治县卫生健康局", "关于县第十八届人大第一次会议第122号建议答复的函"));
        assert!(!is_title_split("对市十七届人大三次会议第151号建议的答复", "关于县第十八届人大第一次会议第122号建议答复的函"));
        assert!(!is_title_split("对此,我局高度重视", "现答复"));
    }
}
