//! Agency names in the header and signature lines, read by hand-written scans instead of
//! anchored regexes over `[\p{Han}（）()]` runs (a captures call on those cost thousands of
//! instructions per line). Each scan gives exactly what its regex gives; the oracle tests below
//! keep the regexes (`N` the bound of the name, in characters):
//!
//! - agency: `^[\p{Han}（）()]{2,30}?(?:局|厅|…|海关)$`
//! - banner: `^(?P<name>[\p{Han}]{2,30})文件$`
//! - title prefix: `^(?P<name>[\p{Han}（）()]{2,30}?)\s*(?:关于|關於|關于).{0,80}(?:建议|…).{0,30}(?:答复|…)`
//!   (on squeezed lines, which hold no whitespace)
//! - handler: `^(?:承办单位|答复单位|办理单位|主办单位)[:：]\s*(?P<name>[\p{Han}（）()]{2,40})$`
//!
//! Why the scans are exact: each pattern is anchored at the start and reads a run of one class,
//! so the name is a prefix of the line whose characters are all in the class; the lazy names
//! try the lengths in increasing order and the first length where the rest matches wins, which
//! is what the scans do.

use super::number_scan::is_han;

/// The endings of agency names.
const AGENCY_ENDINGS: [&str; 30] = [
    "局", "厅", "委员会", "委", "部", "办公室", "办", "院", "政府", "中心", "站", "所", "队", "会", "处", "署", "馆", "公司", "集团",
    "社", "行", "街道办事处", "联合会", "协会", "学校", "大学", "医院", "管委会", "指挥部", "海关",
];

/// The openers of a title after the agency's name.
const OPENERS: [&str; 3] = ["关于", "關於", "關于"];
/// Kind words of a title.
const KINDS: [&str; 7] = ["建议", "提案", "议案", "意见", "建議", "議案", "意見"];
/// Reply words closing a title.
const REPLIES: [&str; 10] = ["答复", "复函", "回复", "回函", "的函", "办理情况的报告", "答復", "復函", "答覆", "覆函"];
/// The labels of a handler line.
const HANDLER_LABELS: [&str; 4] = ["承办单位", "答复单位", "办理单位", "主办单位"];

/// `[\p{Han}（）()]`.
fn is_name_char(c: char) -> bool {
    matches!(c, '（' | '）' | '(' | ')') || is_han(c)
}

/// Whether `s` is an agency name: 2 to 30 name characters, then an agency ending.
pub(super) fn is_agency(s: &str) -> bool {
    if !s.chars().all(is_name_char) {
        return false;
    }
    let len = s.chars().count();
    // (every ending is Han: the place before it holds name characters only)
    AGENCY_ENDINGS.iter().any(|e| s.ends_with(e) && (2..=30).contains(&(len - e.chars().count())))
}

/// The agency of a banner line (`XX文件`, squeezed).
pub(super) fn banner_name(l: &str) -> Option<&str> {
    let name = l.strip_suffix("文件")?;
    ((2..=30).contains(&name.chars().count()) && name.chars().all(is_han)).then_some(name)
}

/// The agency opening a title line (squeezed): the shortest run of 2 to 30 name characters
/// followed by an opener whose rest names a kind (within 80 characters) and then a reply word
/// (within 30 characters of it).
pub(super) fn title_prefix_name(l: &str) -> Option<&str> {
    for (n, (i, c)) in l.char_indices().enumerate() {
        if n >= 2 {
            // (`\s*` between the name and the opener)
            let rest = l.get(i..).unwrap_or("").trim_start();
            if let Some(after) = OPENERS.iter().find_map(|o| rest.strip_prefix(o)) {
                if kind_then_reply(after) {
                    return l.get(..i);
                }
            }
        }
        if n >= 30 || !is_name_char(c) {
            return None;
        }
    }
    None
}

/// `.{0,80}(?:kind).{0,30}(?:reply)` at the start of `s` (`.` never matches a line end).
fn kind_then_reply(s: &str) -> bool {
    let s = s.split('\n').next().unwrap_or("");
    let at_kind = |i: usize| s.get(i..).is_some_and(|r| KINDS.iter().any(|k| r.starts_with(k)));
    s.char_indices().take(81).filter(|&(i, _)| at_kind(i)).any(|(i, _)| {
        // every kind word is two characters of three bytes
        let after = s.get(i + 6..).unwrap_or("");
        after.char_indices().take(31).any(|(j, _)| after.get(j..).is_some_and(|r| REPLIES.iter().any(|w| r.starts_with(w))))
    })
}

/// The agency of a `承办单位:` line (squeezed): 2 to 40 name characters after the label.
pub(super) fn handler_name(l: &str) -> Option<&str> {
    let rest = HANDLER_LABELS.iter().find_map(|h| l.strip_prefix(h))?;
    let rest = rest.strip_prefix([':', '：'])?.trim_start();
    ((2..=40).contains(&rest.chars().count()) && rest.chars().all(is_name_char)).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use std::sync::LazyLock;

    static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<place>[\p{Han}（）()]{2,30}?)(?:局|厅|委员会|委|部|办公室|办|院|政府|中心|站|所|队|会|处|署|馆|公司|集团|社|行|街道办事处|联合会|协会|学校|大学|医院|管委会|指挥部|海关)$").unwrap()
    });
    static BANNER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?P<name>[\p{Han}]{2,30})文件$").unwrap());
    static TITLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<name>[\p{Han}（）()]{2,30}?)\s*(?:关于|關於|關于).{0,80}(?:建议|提案|议案|意见|建議|議案|意見).{0,30}(?:答复|复函|回复|回函|的函|办理情况的报告|答復|復函|答覆|覆函)").unwrap()
    });
    static HANDLER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:承办单位|答复单位|办理单位|主办单位)[:：]\s*(?P<name>[\p{Han}（）()]{2,40})$").unwrap()
    });

    fn name<'a>(re: &Regex, s: &'a str) -> Option<&'a str> {
        re.captures(s).and_then(|c| c.name("name")).map(|m| m.as_str())
    }

    /// Every line of every fixture and real-dev text (as is, squeezed, cut at each layout gap,
    /// and with each ending, opener and label before or after it), and tricky snippets.
    fn samples() -> Vec<String> {
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        let squeezed: Vec<String> = lines.iter().map(|l| l.chars().filter(|c| !c.is_whitespace() && *c != '|').collect()).collect();
        let cells: Vec<String> = lines.iter().flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>()).collect();
        lines.extend(squeezed);
        lines.extend(cells);
        let mut more = Vec::new();
        for l in lines.iter().filter(|l| l.chars().count() <= 40) {
            more.push(format!("{l}文件"));
            more.push(format!("{l}局"));
            more.push(format!("承办单位：{l}"));
            more.push(format!("邵阳市财政局关于{l}"));
        }
        lines.extend(more);
        let long = "长".repeat(29);
        lines.extend(
            [
                "邵阳市财政局".to_string(),
                "局".to_string(),
                "市局".to_string(),
                "（盖章）局".to_string(),
                "特此函告".to_string(),
                "街道办事处".to_string(),
                "市街道办事处".to_string(),
                format!("{long}局"),
                format!("{long}长局"),
                format!("{long}长长局"),
                format!("{long}委员会"),
                format!("{long}文件"),
                format!("{long}长文件"),
                format!("{long}长长文件"),
                "局文件".to_string(),
                "邵阳市财政局 关于第1号建议的答复".to_string(),
                "邵阳市财政局关于关于第1号建议的答复".to_string(),
                "市局关于第1号建议\n的答复".to_string(),
                "市局关于\n第1号建议的答复".to_string(),
                "市局关于第1号建议的答复\n".to_string(),
                format!("{long}长关于第1号建议的答复"),
                format!("{long}长长关于第1号建议的答复"),
                format!("市局关于{}建议的答复", "一".repeat(80)),
                format!("市局关于{}建议的答复", "一".repeat(81)),
                format!("市局关于第1号建议{}的答复", "一".repeat(29)),
                format!("市局关于第1号建议{}的答复", "一".repeat(30)),
                "市(局)关于第1号提案办理情况的报告".to_string(),
                "市2局关于第1号建议的答复".to_string(),
                "承办单位:清原满族自治县住房和城乡建设".to_string(),
                "承办单位：  （县）住建局".to_string(),
                "承办单位：住建局 ".to_string(),
                "承办单位：局".to_string(),
                format!("承办单位：{}", "长".repeat(40)),
                format!("承办单位：{}", "长".repeat(41)),
                "〆々〇局".to_string(),
                "㐀㐁局".to_string(),
                String::new(),
            ],
        );
        lines
    }

    #[test]
    fn same_as_the_regexes() {
        let lines = samples();
        let (mut agencies, mut banners, mut titles, mut handlers) = (0, 0, 0, 0);
        for s in &lines {
            assert_eq!(is_agency(s), AGENCY.is_match(s), "agency {s:?}");
            assert_eq!(banner_name(s), name(&BANNER, s), "banner {s:?}");
            assert_eq!(title_prefix_name(s), name(&TITLE_PREFIX, s), "title {s:?}");
            assert_eq!(handler_name(s), name(&HANDLER, s), "handler {s:?}");
            agencies += usize::from(AGENCY.is_match(s));
            banners += usize::from(BANNER.is_match(s));
            titles += usize::from(TITLE_PREFIX.is_match(s));
            handlers += usize::from(HANDLER.is_match(s));
        }
        assert!(agencies > 50 && banners > 50 && titles > 50 && handlers > 50, "{agencies} {banners} {titles} {handlers}");
    }

    #[test]
    fn genre_names() {
        assert!(is_agency("邵阳市发展和改革委员会"));
        assert!(!is_agency("特此函告"));
        assert_eq!(banner_name("邵阳市发展和改革委员会文件"), Some("邵阳市发展和改革委员会"));
        assert_eq!(title_prefix_name("重庆市北碚区城市管理局关于区十九届人大三次会议第145号建议的复函"), Some("重庆市北碚区城市管理局"));
        assert_eq!(title_prefix_name("关于市十七届人大三次会议第151号建议的答复"), None);
        assert_eq!(handler_name("承办单位:清原满族自治县住房和城乡建设"), Some("清原满族自治县住房和城乡建设"));
    }

    proptest::proptest! {
        #[test]
        fn same_as_the_regexes_on_any_mix(s in "[关于關於对市局委员会文件承办单位:：建议提案答复的函() （）\n1a长]{0,40}") {
            proptest::prop_assert_eq!(is_agency(&s), AGENCY.is_match(&s));
            proptest::prop_assert_eq!(banner_name(&s), name(&BANNER, &s));
            proptest::prop_assert_eq!(title_prefix_name(&s), name(&TITLE_PREFIX, &s));
            proptest::prop_assert_eq!(handler_name(&s), name(&HANDLER, &s));
        }
    }
}
