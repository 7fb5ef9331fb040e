//! Title and proposal: the reply's title and the body/level/term/session/number/kind it answers.
//!
//! The title is looked for only above the acknowledgement sentence (`你提出的…收悉`), so
//! 上一篇/下一篇 links and body citations naming other replies never count. When the title does
//! not name the proposal, the acknowledgement sentence may (`您在县第十八届人民代表大会第一次会议
//! 提出的…第122号建议`).

mod number;
mod proposal;
mod session;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::{line_scan, Hints};
use crate::normalize::Normalized;
use crate::record::{Fields, Proposal};
use proposal::Phrase;

/// A reply title: a kind word, then within a few characters the reply word.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:建议|提案|议案|意见|建議|議案|意見)[^，。！？,!?]{0,24}?(?:答复函|答复的函|答复|复函|回复函|回复|回函|的函|办理情况的报告|办理情况报告|答復函|答復|復函|回覆|答覆|覆函)")
        .expect("title regex")
});

/// The first half of a title split over two lines: it stops at the session.
static TITLE_HEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:关于|对|對|關於|關于|[\p{Han}]{2,30}(?:关于|關於)).{2,60}(?:会议|會議|届|屆|号|號|建议|提案|议案|建議|議案|的)$|[届屆].{0,16}(?:会议|會議)").expect("title head regex"));

/// [`TITLE_HEAD`], tried only on text holding a character every match holds (于/於 of 关于,
/// 对/對, or 届/屆): most lines hold none, and the regex is costly on long runs of Han.
fn is_title_head(s: &str) -> bool {
    s.contains(['于', '於', '对', '對', '届', '屆']) && TITLE_HEAD.is_match(s)
}

/// The acknowledgement sentence: where the letter starts talking about the suggestion.
static ACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"收悉|答复如下|答復如下|现答复|現答復|提出的|所提|交由|转交|已交").expect("ack regex")
});

/// [`ACK`] on a line holding the first character of one of its words (most lines hold none:
/// one pass over the characters instead of a regex call).
#[cfg(test)]
fn find_ack(line: &str) -> Option<regex::Match<'_>> {
    line.contains(|c| matches!(c, '收' | '答' | '现' | '現' | '提' | '所' | '交' | '转' | '已')).then(|| ACK.find(line)).flatten()
}

/// [`TITLE`] on a line holding the first character of a kind word (every title names one).
fn is_title(line: &str) -> bool {
    line.contains(|c| matches!(c, '建' | '提' | '议' | '意' | '議')) && TITLE.is_match(line)
}

/// Words only an acknowledgement uses, never a title.
static STRONG_ACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"收悉|答复如下|答復如下|现答复|現答復|答复于下").expect("strong ack regex"));

/// Without an acknowledgement, how many non-empty lines may hold the title.
const HEADER_LINES: usize = 60;

/// Navigation and related-link lines that name other replies.
const NAV: [&str; 6] = ["上一篇", "下一篇", "上一条", "下一条", "相关阅读", "相关文章"];

/// Words of a breadcrumb trail.
const CRUMB_WORDS: [&str; 5] = ["首页", "当前位置", "您的位置", "所在位置", "当前所在"];

/// Any navigation word, breadcrumb word or breadcrumb separator: one search for what were
/// fifteen `contains` per line.
static NAV_OR_CRUMB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("{}|{}|[>»›＞]", NAV.join("|"), CRUMB_WORDS.join("|"))).expect("nav regex")
});

/// A navigation link or a breadcrumb trail (首页/专题专栏/政协委员提案回复/正文): its last crumb
/// may read like a title.
#[cfg(test)]
fn is_nav_or_breadcrumb(line: &str) -> bool {
    (line.contains(|c| matches!(c, '上' | '下' | '相' | '首' | '当' | '您' | '所' | '>' | '»' | '›' | '＞')) && NAV_OR_CRUMB.is_match(line))
        || (line.contains('/') && line.matches('/').count() >= 2)
}

/// What one pass over a line's characters tells: whether it holds an anchor character of each
/// costly check above ([`is_nav_or_breadcrumb`], [`find_ack`], [`is_title`], [`is_title_head`]),
/// how many slashes (up to two) and how many characters it has. The checks below give what
/// those functions give, without a pass over the line each.
#[derive(Debug, Default)]
struct Scan {
    nav: bool,
    ack: bool,
    kind: bool,
    head: bool,
    slashes: u8,
    chars: usize,
}

impl Scan {
    fn of(line: &str) -> Self {
        let mut s = Self::default();
        for c in line.chars() {
            s.chars += 1;
            match c {
                '上' | '下' | '相' | '首' | '当' | '您' | '>' | '»' | '›' | '＞' => s.nav = true,
                '所' => (s.nav, s.ack) = (true, true),
                '收' | '答' | '现' | '現' | '交' | '转' | '已' => s.ack = true,
                '提' => (s.ack, s.kind) = (true, true),
                '建' | '议' | '意' | '議' => s.kind = true,
                '于' | '於' | '对' | '對' | '届' | '屆' => s.head = true,
                '/' => s.slashes = s.slashes.saturating_add(1).min(2),
                _ => {}
            }
        }
        s
    }

    /// [`is_nav_or_breadcrumb`] of the scanned line.
    fn is_nav(&self, line: &str) -> bool {
        (self.nav && NAV_OR_CRUMB.is_match(line)) || self.slashes >= 2
    }

    /// [`find_ack`] of the scanned line.
    fn ack<'l>(&self, line: &'l str) -> Option<regex::Match<'l>> {
        self.ack.then(|| ACK.find(line)).flatten()
    }

    /// [`is_title`] of the scanned line.
    fn is_title(&self, line: &str) -> bool {
        self.kind && TITLE.is_match(line)
    }

    /// [`is_title_head`] of the scanned line.
    fn is_head(&self, line: &str) -> bool {
        self.head && TITLE_HEAD.is_match(line)
    }
}

/// The first quoted title (《…》 or “…”), nesting respected, unclosed allowed.
fn quoted(s: &str) -> Option<&str> {
    let (start, open, close) = s.char_indices().find_map(|(i, c)| match c {
        '《' => Some((i, '《', '》')),
        '“' => Some((i, '“', '”')),
        _ => None,
    })?;
    let inner = start + open.len_utf8();
    let mut depth = 1;
    for (i, c) in s.get(inner..)?.char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return s.get(inner..inner + i);
            }
        }
    }
    s.get(inner..)
}

/// Remove layout spaces and table pipes (borrowing the line when it has none).
fn squeeze(s: &str) -> Cow<'_, str> {
    line_scan::squeeze_layout(s, true)
}

/// A layout gap between cells of a flattened line: two or more spaces (any width) or a tab.
static GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s{2,}|\t").expect("gap regex"));

/// Where a title opens.
static OPENER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"关于|對|对|關於|關于").expect("opener regex"));

/// In a page flattened onto one line (`同意公开  B类  株医保函〔2023〕8号  关于…的答复  张伟委员：…`),
/// the byte offset in the squeezed line (less `skip` bytes of a stripped label) where the title
/// starts: the last gap-separated cell, at or before the one holding the title's kind word
/// (`kind_at`), that opens with 关于/对 somewhere; 0 when no cell does.
fn flattened_title_start(raw: &str, skip: usize, kind_at: usize) -> usize {
    let mut start = 0;
    let mut found = None;
    for cell in GAP.split(raw) {
        let cell = squeeze(cell);
        if start > kind_at + skip {
            break;
        }
        if OPENER.is_match(&cell) {
            found = Some(start);
        }
        start += cell.len();
    }
    found.map_or(0, |f| f.saturating_sub(skip))
}

/// The title candidates above the acknowledgement, and the acknowledgement itself.
fn header_lines(doc: &Normalized) -> (Vec<String>, Option<String>) {
    let mut titles = Vec::new();
    let mut pending_head: Option<String> = None;
    let mut seen = 0;
    for (_, raw) in doc.lines() {
        let squeezed = squeeze(raw);
        let line: &str = &squeezed;
        if line.is_empty() {
            continue;
        }
        seen += 1;
        if seen > HEADER_LINES {
            break;
        }
        // one pass over the characters for every check below (标题: holds none of the anchor
        // characters: stripping it only shortens the line by three characters)
        let scan = Scan::of(line);
        // some pages put the links above the letter: skip them (and breadcrumbs), keep looking
        if scan.is_nav(line) {
            continue;
        }
        let line_len_before_strip = line.len();
        let line = line.strip_prefix("标题:").or_else(|| line.strip_prefix("标题：")).unwrap_or(line);
        let chars = if line.len() == line_len_before_strip { scan.chars } else { scan.chars - 3 };
        if let Some(a) = scan.ack(line) {
            match TITLE.find(line) {
                None => return (titles, Some(line.to_string())),
                // a page flattened onto one line: title, salutation and acknowledgement together
                Some(t) if t.end() <= a.start() => {
                    // marks and the 文号 may share the line, set apart by layout gaps
                    let cut = flattened_title_start(raw, line_len_before_strip - line.len(), t.start());
                    titles.extend(line.get(cut..t.end()).map(str::to_string));
                    return (titles, line.get(t.end()..).map(str::to_string));
                }
                // a title that itself says 提出的 (but never 收悉 or 答复如下)
                Some(_) if !STRONG_ACK.is_match(line) => {}
                Some(_) => return (titles, Some(line.to_string())),
            }
        }
        // (收 is an acknowledgement anchor)
        if (scan.ack && line.contains("收悉")) || chars > 150 {
            pending_head = None;
            continue;
        }
        if let Some(head) = pending_head.take() {
            let joined = format!("{head}{line}");
            if is_title(&joined) {
                titles.push(joined);
                continue;
            }
            // a title wrapped over three lines: keep growing while it still reads as a head
            if is_title_head(&joined) && joined.chars().count() <= 80 && !scan.is_head(line) {
                pending_head = Some(joined);
                continue;
            }
        }
        if scan.is_title(line) {
            titles.push(line.to_string());
        } else if chars <= 60 && scan.is_head(line) {
            pending_head = Some(line.to_string());
        }
    }
    (titles, None)
}

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = hints;
    let (mut titles, ack) = header_lines(doc);
    // nearest the salutation first: a web page's own title comes above the letter's and may be
    // a rewrite of it (…《subject》(72号)的答复)
    titles.reverse();
    out.title = titles.first().cloned();
    // each phrase is read once, for the proposal and for the check on its number
    let title_phrases: Vec<Phrase> = titles.iter().map(|t| proposal::read(t)).collect();
    let ack_phrase = ack.as_deref().map(proposal::read);
    out.proposal = combine(&title_phrases, ack_phrase.as_ref(), ack.as_deref());
    if let Some(w) = disagreement(&title_phrases, ack_phrase.as_ref()) {
        out.warnings.push(w);
    }
}

/// A warning when the title and the acknowledgement name different proposal numbers.
fn disagreement(titles: &[Phrase], ack: Option<&Phrase>) -> Option<String> {
    let numbers: Vec<&String> = titles.iter().chain(ack).filter_map(|ph| ph.proposal.number.as_ref()).collect();
    let first = numbers.first()?;
    let other = numbers.iter().find(|n| n.trim_start_matches('0') != first.trim_start_matches('0'))?;
    Some(format!("proposal number {first} in the title, {other} elsewhere"))
}

/// One proposal from the titles (first wins, nearest the letter first) and the acknowledgement (fills what they lack).
fn combine(title_phrases: &[Phrase], ack_phrase: Option<&Phrase>, ack: Option<&str>) -> Option<Proposal> {
    let ack_quoted_kind = ack.and_then(quoted).and_then(proposal::last_kind);
    let all: Vec<&Phrase> = title_phrases.iter().chain(ack_phrase).collect();

    let mut p = Proposal::default();
    for ph in all.iter().filter(|ph| ph.has_session) {
        let q = &ph.proposal;
        p.body = p.body.or_else(|| q.body.clone());
        p.level = p.level.or_else(|| q.level.clone());
        p.term = p.term.or(q.term);
        p.session = p.session.or(q.session);
    }
    // a meeting named without 届/次 still gives body and level when nothing better did
    for ph in &all {
        p.body = p.body.or_else(|| ph.proposal.body.clone());
        p.level = p.level.or_else(|| ph.proposal.level.clone());
    }
    p.number = all.iter().find_map(|ph| ph.proposal.number.clone());
    p.kind = title_phrases
        .iter()
        .find_map(|ph| ph.kind_after_number)
        .or(ack_quoted_kind)
        .or_else(|| ack_phrase.and_then(|ph| ph.kind_after_number))
        .or_else(|| title_phrases.iter().find_map(|ph| ph.proposal.kind.as_deref().and_then(proposal::canonical_kind)))
        .or_else(|| ack.and_then(proposal::first_kind))
        .map(str::to_string);
    (p != Proposal::default()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn run(text: &str) -> Fields {
        let mut out = Fields::default();
        extract(&normalize(text), &Hints::default(), &mut out);
        out
    }

    fn prop(body: Option<&str>, level: Option<&str>, term: Option<u32>, session: Option<u32>, number: Option<&str>, kind: &str) -> Option<Proposal> {
        let o = |s: Option<&str>| s.map(str::to_string);
        Some(Proposal { body: o(body), level: o(level), term, session, number: o(number), kind: Some(kind.to_string()) })
    }

    #[test]
    fn seed_title() {
        let f = run("A1类\n\n对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n\n你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉。");
        assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
        assert_eq!(f.proposal, prop(Some("人大"), Some("市"), Some(17), Some(3), Some("151"), "建议"));
    }

    #[test]
    fn spaced_title_and_page_title() {
        let f = run("对沙河市第九届人民代表大会 第三次会议第31号建议的答复\n\n纪占斌等3名代表:\n\n您提出的关于“关于老邢峰线(群英路)进行改造”的建议收悉。");
        assert_eq!(f.title.as_deref(), Some("对沙河市第九届人民代表大会第三次会议第31号建议的答复"));
        assert_eq!(f.proposal, prop(Some("人大"), Some("市"), Some(9), Some(3), Some("31"), "建议"));
    }

    #[test]
    fn title_split_over_two_lines() {
        let f = run("子交函〔2023〕34号\n\n关于对政协子洲县第十届委员会第二次会议\n\n第14号提案的复函\n\n崔银雷委员:\n\n现将您提出的关于加快建设乡村道路维修及维护的提案办理情况答复如下:");
        assert_eq!(f.title.as_deref(), Some("关于对政协子洲县第十届委员会第二次会议第14号提案的复函"));
        assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(10), Some(2), Some("14"), "提案"));
    }

    #[test]
    fn title_hard_wrapped_anywhere() {
        let f = run("对市十七届人大三次会议第151号建议\n的答复\n\n陈业华代表：\n");
        assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
        let f = run("       对县八届人大二次会议\n\n        第72号建议答复\n\n高松代表\n\n您提出的《关于加强县城小区基础设施建设的建议》收悉");
        assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(8), Some(2), Some("72"), "建议"));
        let f = run("对 市 十 七 届 人 大 三 次 会 议 第 151 号 建 议 的 答 复\n");
        assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
    }

    #[test]
    fn the_letters_own_title_beats_the_page_title() {
        let f = run("2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复\n浏览:740次\n       对县八届人大二次会议\n\n        第72号建议答复\n\n高松代表\n\n您提出的《关于加强县城小区基础设施建设的建议》收悉");
        assert_eq!(f.title.as_deref(), Some("对县八届人大二次会议第72号建议答复"));
        assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(8), Some(2), Some("72"), "建议"));
    }

    #[test]
    fn squeeze_drops_layout_only() {
        assert_eq!(squeeze("对 市 十七届 | 人大\u{3000}会议"), "对市十七届人大会议");
        assert_eq!(squeeze("  "), "");
        assert!(matches!(squeeze("无空格"), Cow::Borrowed("无空格")));
    }

    /// The character prefilters pass every line their regex matches (and only skip the regex).
    #[test]
    fn character_prefilters_keep_every_match() {
        let mut lines = crate::extract::measures::samples::fixture_lines();
        lines.extend(["您提出的建议收悉", "答复如下：", "已交由我局办理", "首页 > 政务公开", "上一篇：关于…的答复"].map(String::from));
        let (mut acks, mut titles, mut navs) = (0, 0, 0);
        for l in &lines {
            let l = squeeze(l);
            assert_eq!(find_ack(&l), ACK.find(&l), "{l}");
            assert_eq!(is_title(&l), TITLE.is_match(&l), "{l}");
            assert_eq!(is_nav_or_breadcrumb(&l), NAV_OR_CRUMB.is_match(&l) || l.matches('/').count() >= 2, "{l}");
            acks += usize::from(find_ack(&l).is_some());
            titles += usize::from(is_title(&l));
            navs += usize::from(is_nav_or_breadcrumb(&l));
        }
        assert!(acks > 50 && titles > 20 && navs > 3, "{acks} {titles} {navs}");
    }

    /// The one-pass [`Scan`] gives what the separate checks give, on every fixture line (and
    /// each with 标题: stripped), real-dev line and tricky snippet.
    #[test]
    fn one_pass_scan_same_as_the_separate_checks() {
        let mut lines = crate::extract::measures::samples::fixture_lines();
        if let Ok(dir) = std::fs::read_dir("/work/shared/corpus/real-dev") {
            for e in dir.flatten() {
                if e.path().extension().is_some_and(|x| x == "txt") {
                    let t = std::fs::read_to_string(e.path()).unwrap_or_default();
                    lines.extend(t.split('\n').map(str::to_string));
                }
            }
        }
        lines.extend(
            ["标题:关于第1号建议的答复", "标题：对市十七届人大三次会议", "a/b/c", "所在位置：首页", "您提出的建议收悉", "届会议", "/", "»", ""]
                .map(String::from),
        );
        let (mut heads, mut titles, mut acks, mut navs) = (0, 0, 0, 0);
        for l in &lines {
            let l = squeeze(l);
            let scan = Scan::of(&l);
            assert_eq!(scan.chars, l.chars().count(), "{l}");
            assert_eq!(scan.is_nav(&l), is_nav_or_breadcrumb(&l), "{l}");
            assert_eq!(scan.ack(&l), find_ack(&l), "{l}");
            assert_eq!(scan.is_title(&l), is_title(&l), "{l}");
            assert_eq!(scan.is_head(&l), is_title_head(&l), "{l}");
            assert_eq!(scan.ack || !l.contains("收悉"), true, "{l}");
            if let Some(stripped) = l.strip_prefix("标题:").or_else(|| l.strip_prefix("标题：")) {
                assert_eq!(scan.chars - 3, stripped.chars().count());
                assert_eq!(scan.ack(stripped), find_ack(stripped), "{l}");
                assert_eq!(scan.is_title(stripped), is_title(stripped), "{l}");
                assert_eq!(scan.is_head(stripped), is_title_head(stripped), "{l}");
            }
            heads += usize::from(scan.is_head(&l));
            titles += usize::from(scan.is_title(&l));
            acks += usize::from(scan.ack(&l).is_some());
            navs += usize::from(scan.is_nav(&l));
        }
        assert!(heads > 20 && titles > 20 && acks > 50 && navs > 3, "{heads} {titles} {acks} {navs}");
    }

    /// Every head the regex accepts holds one of the characters the prefilter looks for.
    #[test]
    fn title_head_prefilter_keeps_every_head() {
        for head in ["关于市十七届人大三次会议", "对县八届人大二次会议", "重庆市北碚区城市管理局关于区十九届人大三次会议第145号", "市十七届人大三次会议", "關於市政協十四屆二次會議"] {
            assert!(TITLE_HEAD.is_match(head), "{head}");
            assert!(is_title_head(head), "{head}");
        }
        assert!(!is_title_head("邵阳市发展和改革委员会"));
    }

    #[test]
    fn title_over_three_lines() {
        let f = run("关于市十七届人大三次会议\n第151号建议\n的答复\n陈业华代表：\n");
        assert_eq!(f.title.as_deref(), Some("关于市十七届人大三次会议第151号建议的答复"));
    }

    #[test]
    fn kind_from_title_number_beats_quoted_title() {
        let f = run("镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函\n冯万玖委员:\n您好!您在县政协九届六次会议提出的《关于完善镇坪县巴山腊味小镇基础设施配套的建议》提案已收悉");
        assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(9), Some(6), Some("86"), "提案"));
    }

    #[test]
    fn from_the_acknowledgement_when_no_title() {
        let f = run("冬花委员:\n您在博乐市政协十届一次会议上提出的“关于合理拨付文物保护专项经费的提案”(第10号建议)收悉,现答复如下:");
        assert_eq!(f.title, None);
        assert_eq!(f.proposal, prop(Some("政协"), Some("市"), Some(10), Some(1), Some("10"), "提案"));
        let f = run("王建平、李晓艳代表:\n您 们在县十八届人大二次会议上提出的“关于请求上级党委政府给予解决羊肝石村委会人畜饮水困难的议案”,交由我单位办理");
        assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(18), Some(2), None, "议案"));
    }

    #[test]
    fn disagreeing_numbers_warn() {
        let f = run("对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n您在市十七届人大三次会议上提出的第152号建议收悉。");
        assert_eq!(f.proposal.and_then(|p| p.number).as_deref(), Some("151"));
        assert!(f.warnings.iter().any(|w| w.contains("152")));
        assert!(run("对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n您提出的第151号建议收悉。").warnings.is_empty());
    }

    #[test]
    fn flattened_page_on_one_line() {
        let f = run("镇康县农业农村局关于对镇康县政协第十一届委员会第五次会议第34号提案的答复函 罗捧军等委员: 你们在政协镇康县第十一届委员会第五次会议期间提出“关于请求帮助解决南伞镇道水村丙亩坝水渠建设的提案”,已交由我局办理。");
        assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(11), Some(5), Some("34"), "提案"));
        assert_eq!(f.title.as_deref(), Some("镇康县农业农村局关于对镇康县政协第十一届委员会第五次会议第34号提案的答复函"));
        // 回函 and 办理情况的报告 are reply titles too
        let f = run("关于市政协十三届二次会议第45号提案的回函\n王建国委员：\n您提出的《关于加强校园安全的提案》收悉。");
        assert_eq!(f.title.as_deref(), Some("关于市政协十三届二次会议第45号提案的回函"));
        let f = run("关于市十五届人大二次会议第108号建议办理情况的报告\n王建国代表：\n您提出的建议收悉。");
        assert_eq!(f.title.as_deref(), Some("关于市十五届人大二次会议第108号建议办理情况的报告"));
        // marks and the 文号 in cells before the title are not part of it
        let f = run("同意公开　　Ｂ类　　株医保函〔2023〕8号　　关于对市政协十三届二次会议第0057号提案的答复　　张伟委员：您提出的《关于完善异地就医直接结算服务的提案》收悉，现答复如下：");
        assert_eq!(f.title.as_deref(), Some("关于对市政协十三届二次会议第0057号提案的答复"));
        let f = run("A类  对沙河市第九届人民代表大会  第三次会议第31号建议的答复  纪占斌代表：您提出的建议收悉。");
        assert_eq!(f.title.as_deref(), Some("对沙河市第九届人民代表大会第三次会议第31号建议的答复"));
        let f = run("关于对陈业华代表提出的第151号建议的答复\n陈业华代表：\n你提出的建议收悉。");
        assert_eq!(f.title.as_deref(), Some("关于对陈业华代表提出的第151号建议的答复"));
    }

    #[test]
    fn only_a_kind() {
        let f = run("范家壽代表:\n你《關于完善三甲鎮羅村村委會中間垌排灌渠水利工程的建議》收悉。現答復如下:");
        assert_eq!(f.proposal, prop(None, None, None, None, None, "建议"));
        assert_eq!(run("这是一段没有提到任何事项的文字。").proposal, None);
    }

    #[test]
    fn breadcrumbs_are_not_titles() {
        let f = run("首页/ 专题专栏/ 聚焦两会/ 政协委员提案回复/ 正文\n\n关于对政协子洲县第十届委员会第二次会议第14号提案的复函\n\n崔银雷委员:");
        assert_eq!(f.title.as_deref(), Some("关于对政协子洲县第十届委员会第二次会议第14号提案的复函"));
        let f = run("建议提案 > 人大代表建议答复\n");
        assert_eq!(f.title, None);
    }

    #[test]
    fn nav_or_breadcrumb_as_the_word_lists_say() {
        for line in ["上一篇:对市十七届人大三次会议第150号建议的答复", "相关文章", "首页/ 专题专栏", "建议提案 > 人大代表建议答复", "a/b/c", "您的位置：政务公开", "甲›乙", "甲＞乙", "甲»乙"] {
            assert!(is_nav_or_breadcrumb(line), "{line}");
        }
        for line in ["对市十七届人大三次会议第151号建议的答复", "2023/10/10".trim_end_matches("/10"), "和/或"] {
            assert!(!is_nav_or_breadcrumb(line), "{line}");
        }
    }

    #[test]
    fn navigation_links_never_count() {
        let f = run("王红兰代表:\n感谢您的关心。\n上一篇:对市十七届人大三次会议第151号建议的答复\n下一篇:关于县政协九届六次会议第86号提案的复函");
        assert_eq!(f.title, None);
        assert_eq!(f.proposal, None);
    }

    #[test]
    fn navigation_links_above_the_letter() {
        let f = run("上一篇:对市十七届人大三次会议第150号建议的答复\n下一篇:对市十七届人大三次会议第152号建议的答复\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。");
        assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
        assert_eq!(f.proposal.and_then(|p| p.number).as_deref(), Some("151"));
    }

    #[test]
    fn body_citation_after_the_acknowledgement_never_counts() {
        let f = run("李丽代表:\n您提出的《关于老旧小区增设停车位的建议》收悉。\n此前我局已答复市十七届人大三次会议第151号建议的答复。");
        assert_eq!(f.title, None);
        assert_eq!(f.proposal, prop(None, None, None, None, None, "建议"));
    }

    proptest::proptest! {
        /// Total on any input made of the characters this extractor keys on.
        #[test]
        fn never_panics(s in "[关于对第届次会议号建议提案代表委员等名、:：《》“”〔〕()（）\\[\\]0-9A-C类公开同意局文件年月日十七三 \n]{0,200}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }

        /// Total on any text at all.
        #[test]
        fn never_panics_on_any_text(s in "\\PC{0,300}") {
            let mut out = Fields::default();
            extract(&normalize(&s), &Hints::default(), &mut out);
        }
    }
}
