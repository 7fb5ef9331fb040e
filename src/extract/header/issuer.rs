//! The issuing agency: banner (`XX文件`), title prefix (`XX关于…的复函`), the signature line just
//! before the date, or a `承办单位:` line, in that order. Website chrome (来源, 发布机构, 信息来源,
//! 作者) is never read.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;
use super::agency;

/// What makes a line a reply title (or its first half, ending at the session).
static TITLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"建议|提案|议案|建議|議案|会议|會議|答复|复函").expect("title word regex"));

/// A signing date: 2021年11月19日 · 二〇二一年十月二十六日 · 20211026 · 2022711 on its own.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|^\d{7,8}$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$)")
        .expect("date regex")
});

/// A seal note under the signature: （盖章） · (印章) · （代章）.
static SEAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（](?:盖章|印章|公章|代章|章)[)）]$").expect("seal regex"));

/// A layout gap right after a date: the date is a cell of its own on a flattened line.
static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s{2,}|\t)").expect("cell gap regex"));

/// Whether 关于/關於/關于 sits at the third character or later: [`agency::title_prefix_name`] reads a name
/// of at least two characters before it (on a squeezed line, nothing between), so a title
/// opening with 关于 (most of them) never matches and the costly regex is not run.
fn opener_after_a_name(l: &str) -> bool {
    // the second characters of the openers found by memchr, the first checked right before
    // them, at or after the third character (关 and 關 are three bytes each)
    let Some((start, _)) = l.char_indices().nth(2) else { return false };
    let before = |p: usize, first: &[char]| p >= start + 3 && l.get(..p).is_some_and(|h| h.ends_with(first));
    l.match_indices('于').any(|(p, _)| before(p, &['关', '關'])) || l.match_indices('於').any(|(p, _)| before(p, &['關']))
}

/// Chrome labels whose values are never the issuer, and navigation links.
const CHROME: [&str; 9] = ["来源", "发布机构", "信息来源", "作者", "发布时间", "来 源", "上一篇", "下一篇", "相关"];

/// Where the acknowledgement line starts (byte offset): the letter's header ends there.
pub(super) fn acknowledgement(text: &str) -> Option<usize> {
    // no acknowledgement word spans a line end, so the first match is on the first such line
    ACK.find(text).map(|m| line_scan::line_start(text, m.start()))
}

/// The acknowledgement sentence: the letter's header ends there.
static ACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"收悉|答复如下|答復如下|现答复|現答復").expect("ack regex"));

/// [`ACK`] on a line with its layout spaces and pipes removed: the same words with any run of
/// them (never a line end) between the characters.
static SPACED_ACK: LazyLock<Regex> = LazyLock::new(|| {
    let words = ["收悉", "答复如下", "答復如下", "现答复", "現答復"];
    let spaced: Vec<String> =
        words.iter().map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(r"[[\s|]&&[^\n]]*")).collect();
    Regex::new(&spaced.join("|")).expect("spaced ack regex")
});

/// Remove layout spaces (the text is already normalised otherwise).
fn squeeze(s: &str) -> Cow<'_, str> {
    line_scan::squeeze_layout(s, true)
}

/// An agency name: 2 to 30 characters, then an ending such as 局 or 委员会 (what distinguishes
/// `博乐市财政局` from `特此函告` on a line of its own).
fn is_agency(s: &str) -> bool {
    agency::is_agency(s)
}

/// Whether a line is site chrome (its values are never the issuer) or a navigation link.
fn is_chrome(line: &str) -> bool {
    // every chrome word holds its first character: one pass over the line rules most lines out
    line.contains(|c| matches!(c, '来' | '发' | '信' | '作' | '上' | '下' | '相')) && CHROME.iter().any(|c| line.contains(c))
}

/// How many lines may hold the banner or the title when there is no acknowledgement.
const HEADER_LINES: usize = 40;

/// What every `承办单位:` line holds (its squeezed form opens with …单位).
static WEI: LazyLock<Regex> = LazyLock::new(|| Regex::new("位").expect("wei regex"));

/// The labels of a handler line.
const HANDLER_LABELS: [&str; 4] = ["承办单位", "答复单位", "办理单位", "主办单位"];

/// The issuer of the document `text`, read from its lines (each trimmed of layout).
pub fn find(text: &str) -> Option<String> {
    // banner and title sit above the acknowledgement; related links below the letter may name
    // other agencies' replies
    let ack = SPACED_ACK.find(text).map(|m| line_scan::line_start(text, m.start()));
    let (header_lines, rest): (Box<dyn Iterator<Item = &str>>, Box<dyn Iterator<Item = &str>>) = match ack {
        Some(at) => (
            Box::new(text.get(..at).and_then(|t| t.strip_suffix('\n')).into_iter().flat_map(|t| t.split('\n'))),
            Box::new(text.get(at..).unwrap_or("").split('\n')),
        ),
        None => (Box::new(text.split('\n').take(HEADER_LINES)), Box::new(text.split('\n').skip(HEADER_LINES))),
    };
    let header: Vec<&str> = header_lines.collect();
    banner(&header)
        .or_else(|| title_prefix(&header, rest))
        // the signature follows the acknowledgement: a site banner above a page date is not one
        .or_else(|| signature(text, ack.unwrap_or(0)))
        .or_else(|| handler(text))
}

/// 1. The banner: a header line whose squeezed form ends with 文件.
#[inline(never)]
fn banner(header: &[&str]) -> Option<String> {
    for raw in header.iter().filter(|l| l.contains('件')) {
        let l = squeeze(raw);
        if !l.ends_with("文件") {
            continue;
        }
        if let Some(name) = agency::banner_name(&l) {
            if !is_chrome(raw) && is_agency(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// 2. The title prefix (the title may also be split: agency alone, then 关于… on the next line).
#[inline(never)]
fn title_prefix<'t>(header: &[&'t str], rest: Box<dyn Iterator<Item = &'t str> + 't>) -> Option<String> {
    // Each line is squeezed only when it may hold a title (关于/關於) or the next non-empty line
    // opens with one (关于/關於/对): the first character after layout tells.
    let lead = |l: &str| line_scan::trim_layout_start(l, true).chars().next();
    let leads: Vec<Option<char>> = header.iter().map(|l| lead(l)).collect();
    let mut after_header: Option<Option<&str>> = None;
    let mut rest = Some(rest);
    for (i, raw) in header.iter().enumerate() {
        let about = raw.contains('于') || raw.contains('於');
        let next = match leads.get(i + 1..).and_then(|l| l.iter().position(Option::is_some)) {
            Some(j) => header.get(i + 1 + j).copied(),
            // the first non-empty line below the header, looked for once
            None => *after_header.get_or_insert_with(|| rest.take().and_then(|mut r| r.find(|n| lead(n).is_some()))),
        };
        let next_may_open = next.and_then(lead).is_some_and(|c| matches!(c, '关' | '關' | '对'));
        if !about && !next_may_open {
            continue;
        }
        let l = squeeze(raw);
        if l.starts_with("标题") {
            continue;
        }
        // a chrome line is skipped whole: checked only once the line would give the issuer (both
        // returns below are guarded by it, so the order of the checks does not matter)
        if opener_after_a_name(&l) {
            if let Some(name) = agency::title_prefix_name(&l) {
                let name = name.trim_start_matches("对");
                if is_agency(name) {
                    if is_chrome(raw) {
                        continue;
                    }
                    return Some(name.to_string());
                }
            }
        }
        let opens_title =
            |n: &str| (n.starts_with("关于") || n.starts_with("關於") || n.starts_with('对')) && TITLE_WORD.is_match(n);
        if next_may_open && next.is_some_and(|n| opens_title(&squeeze(n))) && is_agency(&l) && !is_chrome(raw) {
            return Some(l.into_owned());
        }
    }
    None
}

/// 3. The signature: the nearest non-empty line before a date line, or the text before the date
/// when a flattened page put both on one line; looked for from byte `start` (a line start).
#[inline(never)]
fn signature(text: &str, start: usize) -> Option<String> {
    let body = text.get(start..).unwrap_or("");
    // the lines holding 日, found by one search over the text rather than a test on each line
    let mut ri = line_scan::Next::new(body, &RI);
    let mut at = 0;
    for raw in body.split('\n') {
        let (line_start, line_end) = (start + at, at + raw.len());
        let in_body = at;
        at = line_end + 1;
        if !may_be_dated(raw, ri.within(body, in_body, line_end)) {
            continue;
        }
        let line = raw.trim().trim_matches('|').trim();
        // necessary for a DATE match: 年月日, or a line that opens with a digit
        let dated = (line.contains('日') && line.contains('年') && line.contains('月'))
            || line.starts_with(|c: char| c.is_numeric());
        if !dated || !may_close_a_date(line) {
            continue;
        }
        let Some(m) = DATE.find(line) else { continue };
        // the signing date stands alone (or ends a flattened page, or sits in a cell of its own
        // before the contact block); a dated sentence does not
        let after = line.get(m.end()..).unwrap_or("");
        let alone = after.trim().is_empty();
        if !alone && !CELL_GAP.is_match(after) {
            continue;
        }
        let before = line.get(..m.start()).unwrap_or("").trim();
        if !alone && before.is_empty() {
            continue;
        }
        if !before.is_empty() {
            // flattened page: "…的支持。 镇康县农业农村局 2021年7月2日"
            if let Some(last) = before.split_whitespace().last() {
                if is_agency(last) && !is_chrome(raw) {
                    return Some(last.to_string());
                }
            }
            continue;
        }
        // a seal note (（盖章）) may sit between the signature and the date
        let prev = line_scan::lines_before(text, line_start)
            .map(|p| (p, squeeze(p)))
            .find(|(_, p)| !p.is_empty() && !SEAL.is_match(p));
        if let Some((prev_raw, prev)) = prev {
            if !is_chrome(prev_raw) && is_agency(&prev) {
                return Some(prev.into_owned());
            }
        }
    }
    None
}

/// The 日 of a date written 年月日.
static RI: LazyLock<Regex> = LazyLock::new(|| Regex::new("日").expect("ri regex"));

/// A necessary condition of the `dated` test in [`signature`] on a raw line (`has_ri`: whether
/// it holds 日): that test reads the line trimmed of whitespace and pipes, which holds 日 when the
/// raw line does, and whose first character is the raw line's first one after layout.
fn may_be_dated(raw: &str, has_ri: bool) -> bool {
    has_ri || line_scan::trim_layout_start(raw, true).starts_with(|c: char| c.is_numeric())
}

/// A necessary condition, on a trimmed line, of what [`signature`] asks of the first [`DATE`]
/// in it: that the date ends the line or is followed by a layout gap. Every date ends with 日 or
/// a digit (the digit forms are anchored at the line end), so the line ends with one of them or
/// holds 日 followed by whitespace. Most dated lines are sentences, ruled out before the regex.
fn may_close_a_date(line: &str) -> bool {
    line.ends_with(|c: char| c == '日' || c.is_numeric())
        || line.match_indices('日').any(|(i, _)| line.get(i + '日'.len_utf8()..).is_some_and(|r| r.starts_with(char::is_whitespace)))
}

/// 4. A `承办单位:` line.
#[inline(never)]
fn handler(text: &str) -> Option<String> {
    for (_, raw) in line_scan::lines_with(text, &WEI) {
        let l = squeeze(raw);
        if !HANDLER_LABELS.iter().any(|h| l.starts_with(h)) {
            continue;
        }
        if let Some(name) = agency::handler_name(&l) {
            if !is_chrome(raw) {
                return Some(name.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer(text: &str) -> Option<String> {
        find(text)
    }

    #[test]
    fn banner() {
        let t = "同意公开\n\n邵阳市发展和改革委员会文件\n\n邵市发改函〔2024〕77号\n";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
    }

    #[test]
    fn title_prefix_with_or_without_space() {
        let t = "重庆市北碚区城市管理局关于区十九届人大三次会议第145号建议的复函\n日期:2023-10-10";
        assert_eq!(issuer(t).as_deref(), Some("重庆市北碚区城市管理局"));
        let t = "镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函";
        assert_eq!(issuer(t).as_deref(), Some("镇坪县文化和旅游广电局"));
        let t = "石林彝族自治县卫生健康局\n关于县第十八届人大第一次会议第122号建议答复的函\n";
        assert_eq!(issuer(t).as_deref(), Some("石林彝族自治县卫生健康局"));
        let t = "邵阳市财政局\n\n对市十七届人大三次会议第151号建议的答复\n";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
        // an agency named in the body before a sentence starting with 对 is not the issuer
        let t = "邵阳市财政局\n对此我们高度重视。\n";
        assert_eq!(issuer(t), None);
    }

    #[test]
    fn signature_before_date() {
        let t = "谨此回复。\n联系人:布冉 电话:09092288759\n博乐市财政局\n2021年11月19日\n审核人:黎华";
        assert_eq!(issuer(t).as_deref(), Some("博乐市财政局"));
        let t = "  特此函告。\n\n\n              镇坪县文化和旅游广电局\n\n20211026";
        assert_eq!(issuer(t).as_deref(), Some("镇坪县文化和旅游广电局"));
        let t = "联系人:许浩浩\n\n     \n交警潘集大队\n                               20241018\n";
        assert_eq!(issuer(t).as_deref(), Some("交警潘集大队"));
        let t = "此复。\n邵阳市发展和改革委员会\n二〇二四年六月五日\n";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
        let t = "此复。\n邵 阳 市 财 政 局\n2024.6.5\n";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
        let t = "此复。\n长沙市教育局\n（盖章）\n2023年6月1日\n";
        assert_eq!(issuer(t).as_deref(), Some("长沙市教育局"));
        let t = "此复。\n中华人民共和国长沙海关\n2023年6月1日\n";
        assert_eq!(issuer(t).as_deref(), Some("中华人民共和国长沙海关"));
        let t = "陽春市水務局\n2017年5月31日\n抄送:市人大,市府辦建議提案科。";
        assert_eq!(issuer(t).as_deref(), Some("陽春市水務局"));
    }

    #[test]
    fn flattened_signature_on_the_date_line() {
        let t = "感谢你们对农业农村工作的支持。 镇康县农业农村局 2021年7月2日 |";
        assert_eq!(issuer(t).as_deref(), Some("镇康县农业农村局"));
        // signature, date and contact as cells of one line
        let t = "张伟委员：您提出的提案收悉。\n株洲市医疗保障局　　2023年7月12日　　联系人：刘敏　　电话：0731-28681234";
        assert_eq!(issuer(t).as_deref(), Some("株洲市医疗保障局"));
        // a dated sentence after an agency is no signature
        let t = "张伟委员：您提出的提案收悉。\n市财政局 2023年7月12日印发了通知。";
        assert_eq!(issuer(t), None);
    }

    #[test]
    fn related_links_below_the_letter_never_count() {
        let t = "陈业华代表：\n你提出的建议收悉。\n感谢支持。\n相关链接\n邵阳市财政局关于市十七届人大三次会议第150号建议的答复\n";
        assert_eq!(issuer(t), None);
        let t = "邵阳市发展和改革委员会\n2024年6月5日\n上一篇:邵阳市财政局关于市十七届人大三次会议第150号建议的答复";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
    }

    #[test]
    fn page_date_under_the_site_banner_is_not_a_signature() {
        let t = "邵阳市人民政府\n2023-10-10\n陈业华代表：\n你提出的建议收悉。\n邵阳市财政局\n2023年9月27日";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
    }

    /// The prefilter lets through every line the title-prefix regex can match.
    #[test]
    fn opener_prefilter_keeps_every_title_prefix() {
        for l in ["重庆市北碚区城市管理局关于区十九届人大三次会议第145号建议的复函", "市局关于市十七届人大三次会议第1号建议的答复", "()关于第1号建议的答复"] {
            assert!(agency::title_prefix_name(l).is_some(), "{l}");
            assert!(opener_after_a_name(l), "{l}");
        }
        for l in ["关于市十七届人大三次会议第151号建议的答复", "局关于第1号建议的答复", ""] {
            assert!(!opener_after_a_name(l), "{l}");
            assert!(agency::title_prefix_name(l).is_none(), "{l}");
        }
        assert!(opener_after_a_name("关于建设关于第1号建议的答复"));
        // the character scan finds what the three substring searches found, on every line
        let by_search = |l: &str| {
            l.char_indices().nth(2).and_then(|(i, _)| l.get(i..)).is_some_and(|r| r.contains("关于") || r.contains("關於") || r.contains("關于"))
        };
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(["市关于", "市局关于", "x關於y", "ab關于", "ab关於", "关关于", "关于", "于关于", "局关关于"].map(String::from));
        let mut hits = 0;
        for l in &lines {
            let l = squeeze(l);
            assert_eq!(opener_after_a_name(&l), by_search(&l), "{l}");
            hits += usize::from(by_search(&l));
        }
        assert!(hits > 5, "{hits}");
    }

    /// Names past the bounds of the patterns are read by the bounded regexes, as before.
    #[test]
    fn bounds_of_agency_banner_title_and_handler() {
        let name30 = format!("{}局", "长".repeat(30));
        let name31 = format!("{}局", "长".repeat(31));
        assert!(is_agency(&name30));
        assert!(!is_agency(&name31));
        assert!(!is_agency("局"));
        assert_eq!(issuer(&format!("{}文件", "长".repeat(29) + "局")), Some("长".repeat(29) + "局"));
        assert_eq!(issuer(&format!("{}文件", "长".repeat(30) + "局")), None);
        assert_eq!(issuer("局文件"), None);
        let title = |n: &str| format!("{n}关于市十七届人大三次会议第151号建议的答复");
        assert_eq!(issuer(&title(&format!("{}局", "长".repeat(29)))), Some(format!("{}局", "长".repeat(29))));
        assert_eq!(issuer(&title(&name30)), None);
        let handler = |n: &str| format!("承办单位：{n}");
        assert_eq!(issuer(&handler(&"长".repeat(40))), Some("长".repeat(40)));
        assert_eq!(issuer(&handler(&"长".repeat(41))), None);
        assert_eq!(issuer(&handler("长")), None);
    }

    /// The first-character prefilter of [`is_chrome`] keeps every line holding a chrome word.
    #[test]
    fn chrome_prefilter_keeps_every_chrome_line() {
        let slow = |l: &str| CHROME.iter().any(|c| l.contains(c));
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(CHROME.iter().map(|c| format!("x{c}:y")));
        lines.extend(["文章来源:市财政局", "来 源：本站", "相关链接", "作者：李四", "上一篇：关于…"].map(String::from));
        let mut hits = 0;
        for l in &lines {
            assert_eq!(is_chrome(l), slow(l), "{l}");
            hits += usize::from(slow(l));
        }
        assert!(hits > 10, "{hits}");
    }

    /// A chrome line holding a title prefix is skipped whole, even when a later line would not be.
    #[test]
    fn chrome_title_line_is_skipped() {
        let t = "作者市财政局关于区十九届人大三次会议第145号建议的复函\n陈业华代表：\n你提出的建议收悉。";
        assert_eq!(issuer(t), None);
        let t = "相关邵阳市财政局\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。";
        assert_eq!(issuer(t), None);
        // the same without the chrome word: both lines give the issuer
        let t = "市财政局关于区十九届人大三次会议第145号建议的复函\n陈业华代表：\n你提出的建议收悉。";
        assert_eq!(issuer(t).as_deref(), Some("市财政局"));
        let t = "邵阳市财政局\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
    }

    /// [`may_be_dated`] holds on every line the `dated` test of [`signature`] accepts: every line
    /// of every fixture and real-dev text, and tricky layouts.
    #[test]
    fn dated_prefilter_keeps_every_dated_line() {
        let dated = |raw: &str| {
            let line = raw.trim().trim_matches('|').trim();
            (line.contains('日') && line.contains('年') && line.contains('月')) || line.starts_with(|c: char| c.is_numeric())
        };
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(["| 2024年6月5日 |", " |\u{3000}20211026", "||二〇二一年十月二十六日", "〇一", "| | 2024", "2024年6月", "日"].map(String::from));
        let mut hits = 0;
        for l in &lines {
            if dated(l) {
                hits += 1;
                assert!(may_be_dated(l, l.contains('日')), "{l:?}");
            }
        }
        assert!(hits > 50, "{hits}");
        assert!(!may_be_dated("此复。", false));
        // the signature under a date that no line test alone would see
        let t = "此复。\n| 邵阳市财政局 |\n| 2024年6月5日 |\n";
        assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
    }

    /// [`may_close_a_date`] holds on every line whose first date ends it or is followed by a
    /// layout gap: every line of every fixture and real-dev text, and tricky snippets.
    #[test]
    fn date_end_prefilter_keeps_every_signing_date() {
        let closes = |line: &str| {
            DATE.find(line).is_some_and(|m| {
                let after = line.get(m.end()..).unwrap_or("");
                after.trim().is_empty() || CELL_GAP.is_match(after)
            })
        };
        let mut lines = crate::extract::samples::fixture_lines();
        for t in crate::extract::samples::real_dev_raw() {
            lines.extend(t.split('\n').map(str::to_string));
        }
        lines.extend(
            ["株洲市医疗保障局　　2023年7月12日　　联系人：刘敏", "2024年6月5日\t电话", "2022711", "2024-6-5", "二〇二一年十月二十六日", "2024年6月5日印发", "7140年，中央财政"]
                .map(String::from),
        );
        let mut hits = 0;
        for l in &lines {
            let line = l.trim().trim_matches('|').trim();
            if closes(line) {
                hits += 1;
                assert!(may_close_a_date(line), "{line:?}");
            }
        }
        assert!(hits > 30, "{hits}");
        assert!(!may_close_a_date("2024年6月5日印发了通知。"));
    }

    #[test]
    fn handler_line_as_written() {
        let t = "承办单位:清原满族自治县住房和城乡建设\n\n单位负责人:   \n";
        assert_eq!(issuer(t).as_deref(), Some("清原满族自治县住房和城乡建设"));
    }

    #[test]
    fn never_site_chrome() {
        let t = "发布时间:2023-07-21    来源:交通局 打印\n感谢您对我局工作的关心!\n2023年7月18日\n领导签发:刘民华";
        assert_eq!(issuer(t), None);
        let t = "发布时间:2025-08-26    文章来源:大冶市城市管理执法局\n华奕鑫代表:";
        assert_eq!(issuer(t), None);
        let t = "发布机构: 铁岭县管理员 成文日期: 2021-11-01";
        assert_eq!(issuer(t), None);
        // a closing formula on its own line before the date is not an agency
        let t = "特此函告。\n2021年10月26日";
        assert_eq!(issuer(t), None);
        // a sentence that opens with a date is not a signature
        let t = "一、邵阳市财政局\n2023年5月1日，我局召开专题会议。";
        assert_eq!(issuer(t), None);
    }
}
