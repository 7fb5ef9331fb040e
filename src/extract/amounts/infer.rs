//! Inference: whether a bare 万/亿 figure (元 not written) is money.
//!
//! Only when its own clause makes it money: a money word right before it (资金1200万, 已发行1.4亿,
//! 专项债券资金2.3亿), a fund right after it (51.6万城维资金), or a 元 figure of the same scale
//! earlier in the sentence with nothing counted in between. A counted thing after the figure
//! (11.54万人, 2.1万亩, 210万m³) or any word we do not know there makes it not money: a missed
//! figure is a failure, but a wrong one is worse.

use super::context::{clause_after, clause_before, is_clause_break};
use super::numerals::big_unit;
use super::scan::Figure;
use super::words::WordSet;
use std::sync::LazyLock;

static BEFORE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONEY_BEFORE));
static GAP: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(GAP_WORDS));
static AFTER: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONEY_AFTER));
static FOLLOW: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(AFTER_OK));
static FLOW: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(MONEY_FLOW));
static QUALS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(&["约", "近", "超", "逾", "超过", "将近", "接近", "大约", "了"]));
static COUNTS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(COUNT_WORDS));

/// Words that make the figure right after them money.
const MONEY_BEFORE: &[&str] = &[
    "资金", "資金", "投资", "投資", "投入", "发行", "發行", "专项债", "债券", "預算", "预算", "经费", "經費", "补助",
    "補助", "补贴", "補貼", "奖补", "拨付", "拨款", "融资", "贷款", "金额", "总额", "收入", "支出", "资本", "基金",
    "人民币", "财政", "費用", "费用", "税收", "利润", "产值", "营收", "造价", "成本", "赔偿", "罚款", "债", "投资额",
    "营业额", "销售额", "交易额", "成交额", "贸易额", "进出口额", "生产总值", "GDP", "增加值", "额度",
    // what is paid or owed is money too (减免租金1200万, 拖欠工资2.3亿, 留抵退税2.1亿)
    "租金", "工资", "薪酬", "价款", "利息", "贴息", "税款", "税费", "退税", "保费", "债务", "存款", "补偿",
    "配套", "拿出", "出资", "捐款", "募集", "保证金", "公益金", "救助金", "抚恤金", "养老金", "补偿金", "赔偿金", "奖金", "助学金", "奖学金",
];

/// How a clause goes on about money already counted in 元 earlier in the sentence
/// (总投资5亿元，目前已到位3亿): the figure right after one of these is the same kind of sum.
const MONEY_FLOW: &[&str] = &[
    "到位", "发行", "完成", "拨付", "使用", "支付", "兑付", "下达", "落实", "发放", "剩余", "其中", "结余", "节余",
    "偿还", "筹集", "筹措", "争取", "获得", "安排",
];

/// Words allowed between such a money word and the figure (资金共计1200万, 投资约1.2亿).
const GAP_WORDS: &[&str] = &[
    "共计", "累计", "合计", "总计", "总额", "规模", "缺口", "需求", "余额", "结余", "总量", "已到位", "到位", "约为", "达到", "高达", "超过", "共", "计", "达",
    "约", "为", "了", "已", "近", "超", "逾", "是", "上", "数", "几",
];

/// Money nouns that may follow the figure (51.6万城维资金, 8亿人民币).
const MONEY_AFTER: &[&str] = &["资金", "資金", "经费", "經費", "人民币", "专项债", "债券", "基金", "贷款", "拨款"];

/// Foreign currencies: a figure in them is not yuan.
const FOREIGN: &[&str] = &["美元", "美金", "欧元", "日元", "港元", "港币", "英镑", "澳元", "韩元", "卢布", "台币", "新台币"];

/// What may follow a money figure directly (besides a clause break): its use, not a count.
const AFTER_OK: &[&str] = &[
    "用于", "用来", "支持", "建设", "实施", "投入", "到位", "左右", "以上", "以下", "以内", "上下", "已", "将", "和",
    "及", "与", "的资金", "资金", "元",
];

/// Characters that start a count, not money (人, 户, 亩, 个 …) and scale words of counts.
pub fn is_counted_start(c: char) -> bool {
    matches!(
        c,
        '人' | '户' | '戶' | '口' | '亩' | '畝' | '平' | '米' | '公' | '吨' | '噸' | '辆' | '輛' | '个' | '個' | '家'
            | '株' | '棵' | '头' | '只' | '套' | '台' | '间' | '座' | '所' | '条' | '名' | '次' | '件' | '册' | '份'
            | '张' | '处' | '床' | '位' | '栋' | '幢' | '层' | '斤' | '方' | '立' | '千' | '度' | '升' | '箱' | '项'
            | '批' | '场' | '例' | '篇' | '部' | '支' | '片' | '块' | '颗' | '根' | '架' | '艘' | '列' | '群' | '居'
            | '农' | '学' | '企' | '职' | '员' | '字' | '码' | '里' | '顷' | '羽' | '尾' | '匹'
    ) || c.is_ascii_alphabetic()
}

/// Words in the gap to an earlier 元 figure that mean the figure counts something else.
const COUNT_WORDS: &[&str] = &[
    "人", "户", "亩", "面积", "企业", "群众", "惠及", "覆盖", "带动", "就业", "吸纳", "服务", "培训", "受益", "游客",
    "产量", "数量", "总数", "个", "家", "吨", "项目", "处", "所", "座", "套", "辆",
];

fn last_big_unit(s: &str) -> Option<u32> {
    s.chars().rev().find_map(big_unit)
}

/// Is the bare figure `fig` money? `prev_yuan` is the nearest earlier figure with 元 written.
pub fn bare_is_money(text: &str, fig: &Figure, prev_yuan: Option<&Figure>, qualified: bool) -> bool {
    if fig.unit_only && !qualified {
        return false; // 千万不要, 百万亩: no digit, no qualifier
    }
    let after = text.get(fig.end..).unwrap_or("");
    if FOREIGN.iter().any(|f| after.starts_with(f)) {
        return false;
    }
    let after_ok = match after.chars().next() {
        None => true,
        Some(c) if is_clause_break(c) || c.is_whitespace() || c == '。' => true,
        Some(_) => FOLLOW.prefix_of(after).is_some(),
    };
    // a fund named right after: 51.6万城维资金, 8亿人民币
    let clause = clause_after(text, fig.end, 8);
    let names_money = |i: usize| clause.get(i..).is_some_and(|r| AFTER.prefix_of(r).is_some());
    if names_money(0) {
        return true;
    }
    if clause.chars().next().is_some_and(|c| !is_counted_start(c)) && clause.char_indices().any(|(i, _)| names_money(i)) {
        return true;
    }
    if !after_ok {
        return false;
    }
    let clause = clause_before(text, fig.start, 20);
    if BEFORE.suffix_of(GAP.strip_suffixes(clause)).is_some() {
        return true;
    }
    // 6.09亿元……已完成1.4亿: same scale as a 元 figure earlier in the sentence
    if let Some(p) = prev_yuan {
        let between = text.get(p.end..fig.start).unwrap_or("");
        let same_sentence = !between.contains(['。', '；', ';', '\n', '!', '?', '！', '？']);
        let short = between.chars().count() <= 30;
        let counted = COUNTS.occurs_in(between);
        let fig_text = text.get(fig.start..fig.end).unwrap_or("");
        let prev_text = text.get(p.start..p.end).unwrap_or("");
        let same_scale = last_big_unit(fig_text).is_some() && last_big_unit(fig_text) == last_big_unit(prev_text);
        let flows = FLOW.suffix_of(QUALS.strip_suffixes(clause)).is_some();
        if same_sentence && short && !counted && same_scale && flows {
            return true;
        }
    }
    false
}

/// How far a breakdown item's name may run: 省级, 市级, 企业自筹, 银行贷款 …
const MAX_ITEM_CHARS: usize = 6;

/// Is the bare figure `fig` one item of a breakdown of the money figure `prev` just before it
/// (投入资金10.5亿，其中：省级3.2亿、市级4.1亿)? `prev_in_list` says `prev` was itself such an
/// item, so the list may go on after 、 without repeating 其中. Only a short name, of the same
/// scale and with nothing counted in it, continues a breakdown.
pub fn breakdown_item(text: &str, fig: &Figure, prev: &Figure, prev_in_list: bool) -> bool {
    // a breakdown sits right after its total: a short look, whatever the document's length
    if fig.start.saturating_sub(prev.end) > 16 * 3 {
        return false;
    }
    let Some(between) = text.get(prev.end..fig.start) else { return false };
    let fig_text = text.get(fig.start..fig.end).unwrap_or("");
    let prev_text = text.get(prev.start..prev.end).unwrap_or("");
    let same_scale = last_big_unit(fig_text).is_some() && last_big_unit(fig_text) == last_big_unit(prev_text);
    let after_ok = match text.get(fig.end..).and_then(|a| a.chars().next()) {
        None => true,
        Some(c) => is_clause_break(c) || c == '。',
    };
    if !same_scale || !after_ok || COUNTS.occurs_in(between) {
        return false;
    }
    let name = if let Some((_, rest)) = between.split_once("其中") {
        rest.trim_start_matches(['：', ':', '，', ','])
    } else if prev_in_list {
        match between.strip_prefix('、') {
            Some(rest) => rest,
            None => return false,
        }
    } else {
        return false;
    };
    let n = name.chars().count();
    (1..=MAX_ITEM_CHARS).contains(&n) && name.chars().all(super::context::is_han)
}

/// Does the figure at `start` sit in a breakdown: 其中 shortly before it, in the same sentence?
pub fn opens_breakdown(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let from = head.char_indices().rev().nth(MAX_ITEM_CHARS + 8).map_or(0, |(i, _)| i);
    let near = head.get(from..).unwrap_or("");
    let sentence = near.rsplit(['。', '；', ';', '\n']).next().unwrap_or("");
    sentence.contains("其中")
}

