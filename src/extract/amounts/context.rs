//! Context of a figure read from the words right around it: the qualifier (约 近 余 以上 …), the
//! unit it is counted per (500元/人, 每户, 人均), and the fund or item it counts (label).
//!
//! Every look is bounded to the figure's own clause and a few characters, so the cost per figure
//! is constant whatever the document's length.

use std::sync::LazyLock;

use super::words::WordSet;

static PREFIX_Q: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PREFIX_QUALIFIERS));
static NOT_Q: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_QUALIFIERS));
static HEADS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(FUND_HEADS));
static STOPS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(LABEL_STOPS));
static GAP_OR_Q: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(&[PREFIX_QUALIFIERS, GAP_WORDS].concat()));

/// Characters that end a clause when looking around a figure.
pub fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n' | '，' | ',' | '：' | ':' | '（' | '(' | '）' | ')' | '、' | '“' | '”' | '《' | '》'
    )
}

/// The clause before `pos`, at most `max` characters. Walked back by bytes: a character whose
/// lead byte is E4–E9 (U+4000–U+9FFF, the Han characters) is never a clause break and is
/// stepped over undecoded (such a lead byte three bytes back always opens the last character:
/// its two continuation bytes fill the rest); only the others are decoded and tested.
pub fn clause_before(text: &str, pos: usize, max: usize) -> &str {
    let Some(head) = text.get(..pos) else { return "" };
    let b = head.as_bytes();
    let mut start = pos;
    for _ in 0..max {
        let han = start.checked_sub(3).and_then(|s| b.get(s)).is_some_and(|x| (0xE4..=0xE9).contains(x));
        if han {
            start -= 3;
            continue;
        }
        match head.get(..start).and_then(|h| h.chars().next_back()) {
            Some(c) if !is_clause_break(c) => start -= c.len_utf8(),
            _ => break,
        }
    }
    text.get(start..pos).unwrap_or("")
}

/// The clause before `pos` like [`clause_before`], but a bracketed aside inside it does not end
/// it (每个村（社区）补助10万元 keeps 每个村).
fn clause_before_over_asides(text: &str, pos: usize, max: usize) -> &str {
    let head = text.get(..pos).unwrap_or("");
    let mut start = pos;
    let mut depth = 0usize;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if n >= max {
            break;
        }
        match c {
            '）' | ')' => depth += 1,
            '（' | '(' if depth > 0 => depth -= 1,
            _ if depth == 0 && is_clause_break(c) => break,
            _ => {}
        }
        start = i;
    }
    if depth > 0 {
        return clause_before(text, pos, max); // an unbalanced bracket: the plain clause
    }
    text.get(start..pos).unwrap_or("")
}

/// The clause after `pos`, at most `max` characters.
pub fn clause_after(text: &str, pos: usize, max: usize) -> &str {
    let tail = text.get(pos..).unwrap_or("");
    let mut end = 0;
    for (n, (i, c)) in tail.char_indices().enumerate() {
        if n >= max || is_clause_break(c) {
            break;
        }
        end = i + c.len_utf8();
    }
    tail.get(..end).unwrap_or("")
}

/// Qualifiers written before a figure, longest first.
const PREFIX_QUALIFIERS: &[&str] = &[
    "最高不超过", "不超过", "不少于", "不低于", "不高于", "超过", "不足", "不到", "将近", "接近", "大约", "约为", "最高",
    "最多", "至少", "高达", "约", "近", "超", "逾",
];

/// Words that end in a qualifier character without being one (节约5万元 saves 5万元).
const NOT_QUALIFIERS: &[&str] = &[
    "节约", "制约", "预约", "签约", "履约", "违约", "合约", "最近", "附近", "就近", "赶超",
];

/// Qualifiers that stand before a figure with no digit (上千万元, 数百万元, 几十万元).
const UNIT_ONLY_QUALIFIERS: &[&str] = &["上", "数", "几"];

/// Qualifiers written after the figure.
const SUFFIX_QUALIFIERS: &[&str] = &["以上", "以下", "以内", "左右", "上下"];

/// Qualifier written before the figure starting at `start`, with the offset where it starts.
pub fn prefix_qualifier(text: &str, start: usize, unit_only: bool) -> Option<(&'static str, usize)> {
    let head = text.get(..start)?;
    let head = head.strip_suffix("人民币").unwrap_or(head);
    let at = |q: &'static str| Some((q, head.len() - q.len()));
    if unit_only {
        if let Some(q) = UNIT_ONLY_QUALIFIERS.iter().find(|q| head.ends_with(*q)) {
            return at(q);
        }
    }
    let Some(q) = PREFIX_Q.suffix_of(head) else {
        // 最高奖励50万元, 最多补助2万元: a cap written before the verb that pays
        let verb = GRANT_VERBS.iter().find(|v| head.ends_with(*v))?;
        let head = head.get(..head.len() - verb.len())?;
        let q = CAPS.iter().find(|q| head.ends_with(*q))?;
        return Some((q, head.len() - q.len()));
    };
    if NOT_Q.suffix_of(head).is_some() && q.chars().count() == 1 {
        return None;
    }
    at(q)
}

/// Verbs of paying that may stand between a cap and its figure (最高奖励50万元).
const GRANT_VERBS: &[&str] = &["奖励", "补助", "补贴", "奖补", "资助", "支持", "给予", "可获", "贴息", "獎勵", "補助", "補貼"];

/// Caps and floors that govern a figure across such a verb, longest first.
const CAPS: &[&str] = &["最高不超过", "不超过", "不低于", "不少于", "最高", "最多", "至少"];

/// Qualifier written after the figure ending at `end`: 以上, （含）以上 …
pub fn suffix_qualifier(text: &str, end: usize) -> Option<&'static str> {
    let tail = text.get(end..)?;
    let tail = tail.strip_prefix("人民币").unwrap_or(tail);
    let tail = ["（含）", "(含)"].iter().find_map(|p| tail.strip_prefix(p)).unwrap_or(tail);
    SUFFIX_QUALIFIERS.iter().find(|q| tail.starts_with(*q)).copied()
}

/// Units written after a slash or 每 that take more than one character.
const MULTI_CHAR_UNITS: &[&str] = &["项目", "平方米", "立方米", "平方公里", "平米", "人次", "公里", "公顷", "千米", "小时", "季度"];

/// Time units: a figure per person per month is counted per person.
const TIME_UNITS: &[&str] = &["年", "月", "日", "天", "周", "季度", "季", "小时"];

/// Classifiers between 每 and the counted thing (每个村 → 村).
const CLASSIFIERS: &[char] = &['个'];

/// Byte length of the unit at the start of `s`: a known multi-character unit, one Han
/// character, or a run of Latin letters (m², kW).
fn unit_len(s: &str) -> Option<usize> {
    if let Some(u) = MULTI_CHAR_UNITS.iter().find(|u| s.starts_with(*u)) {
        return Some(u.len());
    }
    let c = s.chars().next()?;
    // ㎡ ㎥ ㎏ ㎞: one CJK compatibility character stands for a whole Latin unit
    if is_han(c) || matches!(c, '\u{3380}'..='\u{33DF}') {
        return Some(c.len_utf8());
    }
    let n: usize = s.chars().take_while(|c| c.is_ascii_alphabetic() || matches!(c, '²' | '³')).map(char::len_utf8).sum();
    (n > 0).then_some(n)
}

pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// How far back the clause of a per-unit rule reaches, in characters.
const PER_CLAUSE_CHARS: usize = 16;

/// Whether 每 or 均 stands in the `max` characters before byte `pos` (looked for in the bytes
/// they can fill, 4 a character at most): a necessary condition for either to stand in the
/// clause before `pos`, found without walking back over the characters. A UTF-8 lead byte never
/// appears inside another character, so the byte patterns (E6 AF 8F, E5 9D 87) match only those
/// characters (one cut by the window's start lies outside the clause too).
fn each_or_average_before(text: &str, pos: usize, max: usize) -> bool {
    let bytes = text.as_bytes();
    let near = bytes.get(pos.saturating_sub(max * 4)..pos).unwrap_or_default();
    // searched by their last bytes: the lead bytes E5 and E6 open most Han characters
    memchr::memchr2_iter(0x8F, 0x87, near)
        .any(|i| matches!(i.checked_sub(2).and_then(|s| near.get(s..=i)), Some(b"\xE6\xAF\x8F" | b"\xE5\x9D\x87")))
}

/// What the figure is counted per: 500元/人, 每户1.2万元, 人均2万元, 每人每月500元 → 人.
/// `text` is the folded window the rules read; the unit is returned as `written` has it.
pub fn per_unit(text: &str, written: &str, start: usize, end: usize) -> Option<String> {
    let as_written = |s: usize, len: usize| written.get(s..s + len).map(str::to_string);
    let tail = text.get(end..).unwrap_or("");
    let mut found: Vec<String> = Vec::new();
    if let Some(rest) = tail.strip_prefix('/').or_else(|| tail.strip_prefix('／')) {
        let mut at = end + (tail.len() - rest.len());
        // 10万元/个村: the classifier before the counted thing is not the unit
        let rest = match rest.strip_prefix(CLASSIFIERS) {
            Some(r) if r.chars().next().is_some_and(is_han) => {
                at += rest.len() - r.len();
                r
            }
            _ => rest,
        };
        let slash = unit_len(rest).and_then(|n| as_written(at, n));
        // 人均补助0.3万元/年: a time after the slash yields to a person or thing before
        let is_time = slash.as_deref().is_some_and(|u| TIME_UNITS.contains(&&*super::fold::window(u, 0, u.len()).0));
        if !is_time {
            return slash;
        }
        found.extend(slash);
    }
    // every rule below starts at a 每 or just before a 均: without one in the last 16
    // characters the clause (which lies inside them) need not be looked for
    let clause = if each_or_average_before(text, start, PER_CLAUSE_CHARS) {
        clause_before_over_asides(text, start, PER_CLAUSE_CHARS)
    } else {
        ""
    };
    let base = start - clause.len();
    let chars = if clause.contains(['每', '均']) { clause } else { "" };
    for (i, c) in chars.char_indices() {
        let after = i + c.len_utf8();
        let rest = clause.get(after..).unwrap_or("");
        if c == '每' && (rest.starts_with('位') || rest.starts_with('名')) {
            found.push("人".to_string()); // 每位教师, 每名学生: per person
        } else if c == '每' {
            let skip = match rest.chars().next() {
                Some(k) if CLASSIFIERS.contains(&k) && rest.chars().nth(1).is_some_and(is_han) => k.len_utf8(),
                _ => 0,
            };
            let rest = rest.get(skip..).unwrap_or("");
            let at = base + after + skip;
            // 每千元贷款贴息50元: per 千元, a sum as the unit
            let sum: usize = rest
                .chars()
                .take_while(|&c| super::numerals::parse(c.encode_utf8(&mut [0; 4])).is_some() || matches!(c, '.' | '元'))
                .take(8)
                .map(char::len_utf8)
                .sum();
            let sum_str = rest.get(..sum).unwrap_or("");
            if sum_str.ends_with('元') && sum_str.chars().count() > 1 {
                found.extend(as_written(at, sum));
            } else if let Some(n) = unit_len(rest).filter(|&n| rest.get(..n).is_some_and(|u| u.chars().all(is_han))) {
                found.extend(as_written(at, n));
            }
        } else if rest.starts_with('均') && is_han(c) && !matches!(c, '平' | '均') {
            found.extend(as_written(base + i, c.len_utf8()));
        }
    }
    let folded = |u: &String| super::fold::window(u, 0, u.len()).0.into_owned();
    let not_time = found.iter().find(|u| !TIME_UNITS.contains(&folded(u).as_str()));
    not_time.or(found.first()).cloned()
}

/// Heads of a fund or item name: the label ends with one of these.
const FUND_HEADS: &[&str] = &[
    "专项债券", "专项债", "一般债券", "债券", "预算内投资", "资金", "資金", "经费", "經費", "基金", "补助", "補助",
    "补贴", "補貼", "奖补", "奖励", "投资", "投資", "贷款", "貸款", "拨款", "撥款", "融资", "预算", "收入",
];

/// Heads too generic to be a label on their own (资金1200万 has no label).
const GENERIC_HEADS: &[&str] = &["资金", "資金", "经费", "經費", "投资", "投資", "预算", "收入", "补助", "補助", "补贴", "奖励"];

/// Words between a label and its figure (中央预算内资金共计7803万元, 专项债指标6.09亿元).
const GAP_WORDS: &[&str] = &[
    "共计", "累计", "合计", "总计", "总额", "金额", "规模", "指标", "额度", "人民币", "约为", "达到", "高达", "共",
    "计", "达", "约", "为", "了", "近", "超过", "超", "逾",
];

/// Where a label stops growing leftwards: verbs and function words before the fund's name.
/// Single characters only where they rarely start a word of a fund's name (国有资本 and 计划总投资
/// would be cut by 有 and 计); 对口 is the one such word kept whole (see [`grow_left`]).
const LABEL_STOPS: &[&str] = &[
    "争取", "安排", "下达", "发行", "获得", "投入", "拨付", "筹措", "筹集", "落实", "统筹", "整合", "使用", "申请",
    "申报", "给予", "支持", "用于", "其中", "累计", "合计", "总计", "共计", "完成", "项目", "新增", "发放", "兑现",
    "下拨", "计划", "规划", "达到", "将", "对", "共", "了", "已", "再", "和", "及", "与", "是", "在", "向", "从", "把", "由",
    "等", "的", "年", "月", "日", "该", "年度", "全县", "全市", "全省", "全区", "全州", "全国", "全旗",
];

const MAX_LABEL_CHARS: usize = 12;

/// Grow a label leftwards from the head ending at `head_start` of `s`.
fn grow_left(s: &str, head_start: usize) -> usize {
    let mut start = head_start;
    let mut n = 0;
    while n < MAX_LABEL_CHARS {
        let left = s.get(..start).unwrap_or("");
        // 我县/我市/我局…: the writer's own unit is not part of the fund's name
        let own_unit = left.chars().rev().nth(1) == Some('我');
        let duikou = left.ends_with('对') && s.get(start..).is_some_and(|l| l.starts_with('口'));
        if own_unit || (STOPS.suffix_of(left).is_some() && !duikou) {
            break;
        }
        match left.chars().next_back() {
            Some(c) if is_han(c) => start -= c.len_utf8(),
            _ => break,
        }
        n += 1;
    }
    start
}

fn keep_label(label: &str, head: &str) -> bool {
    label != head || !GENERIC_HEADS.contains(&head)
}

/// The fund or item the figure counts, named in its clause just before it (争取中央预算内资金7803万元)
/// or just after it (5000万元省级财政资金, 51.6万城维资金).
pub fn label(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let mut before = clause_before(text, start, 30);
    let before_start = start - before.len();
    before = before.strip_suffix("人民币").unwrap_or(before);
    // drop qualifiers and gap words between the name and the figure
    before = GAP_OR_Q.strip_suffixes(before);
    if let Some(head) = HEADS.suffix_of(before) {
        let head_start = before.len() - head.len();
        let s = grow_left(before, head_start);
        if before.get(s..).is_some_and(|l| keep_label(l, head)) {
            return Some((before_start + s, before_start + before.len()));
        }
    }
    // after the figure: a short name ending in a fund head, with no verb in between
    let after = clause_after(text, end, 12);
    let skip = if after.starts_with('的') { '的'.len_utf8() } else { 0 };
    let after = after.get(skip..).unwrap_or("");
    for (i, _) in after.char_indices() {
        let here = after.get(i..).unwrap_or("");
        if let Some(head) = HEADS.prefix_of(here) {
            let label = after.get(..i + head.len())?;
            let prefix = after.get(..i)?;
            let clean = prefix.chars().all(is_han)
                && !STOPS.occurs_in(prefix)
                && !prefix.starts_with(super::infer::is_counted_start);
            return (clean && keep_label(label, head)).then_some((end + skip, end + skip + label.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause walk as it was, by characters.
    fn clause_before_by_chars(text: &str, pos: usize, max: usize) -> &str {
        let head = text.get(..pos).unwrap_or("");
        let mut start = pos;
        for (n, (i, c)) in head.char_indices().rev().enumerate() {
            if n >= max || is_clause_break(c) {
                break;
            }
            start = i;
        }
        text.get(start..pos).unwrap_or("")
    }

    /// The byte walk gives the character walk's clause at every byte of every fixture and
    /// real-dev text (inside a character too), for the lengths the rules ask.
    #[test]
    fn clause_before_same_as_walking_the_characters() {
        let mut texts = crate::extract::samples::genre_texts();
        let every_break = "。；;！!？?\n，,：:（(）)、“”《》";
        texts.push(format!("资金{every_break}补助10万元\u{3000}每户𠀀\u{4000}é2万元"));
        texts.extend(["", "。", "元", "a"].map(String::from));
        let mut long = 0;
        for text in &texts {
            for pos in 0..=text.len() + 1 {
                for max in [0, 1, 16, 20, 30] {
                    let want = clause_before_by_chars(text, pos, max);
                    assert_eq!(clause_before(text, pos, max), want, "{pos} {max}");
                    long += usize::from(want.chars().count() >= 10);
                }
            }
        }
        assert!(long > 1000, "{long}");
        assert_eq!(clause_before("今年，争取中央预算内资金", "今年，争取中央预算内资金".len(), 30), "争取中央预算内资金");
    }

    /// The byte look-up drops no clause holding 每 or 均, at any position of any fixture or
    /// real-dev text, and tells the characters apart from their neighbours in the code table.
    #[test]
    fn each_or_average_found_wherever_the_clause_holds_one() {
        let mut texts = crate::extract::samples::genre_texts();
        texts.push("每个村（社区）补助10万元，人均（含）2万元；毎枚5万元".to_string());
        let mut held = 0;
        for text in &texts {
            for (pos, _) in text.char_indices() {
                let clause = clause_before_over_asides(text, pos, PER_CLAUSE_CHARS);
                let has = each_or_average_before(text, pos, PER_CLAUSE_CHARS);
                if clause.contains(['每', '均']) {
                    assert!(has, "{clause:?}");
                    held += 1;
                }
            }
        }
        assert!(held > 100, "{held}");
        assert!(!each_or_average_before("毎枚补助坊5万元", "毎枚补助坊".len(), PER_CLAUSE_CHARS));
        assert_eq!(per_unit("每户补助1.2万元", "每户补助1.2万元", "每户补助".len(), "每户补助1.2万元".len()).as_deref(), Some("户"));
        assert_eq!(per_unit("人均补助2万元", "人均补助2万元", "人均补助".len(), "人均补助2万元".len()).as_deref(), Some("人"));
    }
}
