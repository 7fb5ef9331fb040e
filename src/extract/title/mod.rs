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
    s.contains(['于', '於', '对', '對', '届', '屆']) && may_be_head(s) && TITLE_HEAD.is_match(s)
}

/// What every match of [`TITLE_HEAD`] needs: the first branch ends the text with one of its
/// endings, the second holds 届/屆 and a 会议/會議.
fn may_be_head(s: &str) -> bool {
    HEAD_ENDINGS.iter().any(|e| s.ends_with(e)) || (s.contains(['届', '屆']) && (s.contains("会议") || s.contains("會議")))
}

/// The endings of the first branch of [`TITLE_HEAD`].
const HEAD_ENDINGS: [&str; 12] = ["会议", "會議", "届", "屆", "号", "號", "建议", "提案", "议案", "建議", "議案", "的"];

/// The acknowledgement sentence: where the letter starts talking about the suggestion.
/// (Kept for the tests: [`Scan`] finds its words.)
#[cfg(test)]
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
/// (Kept for the tests: [`Scan`] finds its words.)
#[cfg(test)]
const NAV: [&str; 6] = ["上一篇", "下一篇", "上一条", "下一条", "相关阅读", "相关文章"];

/// Words of a breadcrumb trail.
/// (Kept for the tests: [`Scan`] finds its words.)
#[cfg(test)]
const CRUMB_WORDS: [&str; 5] = ["首页", "当前位置", "您的位置", "所在位置", "当前所在"];

/// Any navigation word, breadcrumb word or breadcrumb separator: one search for what were
/// fifteen `contains` per line.
#[cfg(test)]
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

/// What one pass over a line's characters tells: whether it holds a navigation word (a match
/// of [`NAV_OR_CRUMB`], whose words are all literals), where its first acknowledgement word
/// starts (the match of [`ACK`], also literals), whether it holds a kind word and a reply word
/// (both necessary for [`TITLE`]) and a head character (necessary for [`TITLE_HEAD`]), how many
/// slashes (up to two) and how many characters it has. The checks below give what
/// [`is_nav_or_breadcrumb`], [`find_ack`], [`is_title`] and [`is_title_head`] give, without a
/// regex call for the alternations of literals nor a pass over the line each.
#[derive(Debug, Default)]
struct Scan {
    nav: bool,
    /// The first acknowledgement word, counted in bytes from the end of the line (so that it
    /// still holds once 标题: is stripped from the line's start).
    ack_from_end: Option<usize>,
    kind: bool,
    reply: bool,
    head: bool,
    slashes: u8,
    chars: usize,
}

/// Whether `rest` opens with one of `words`.
fn opens_with(rest: &str, words: &[&str]) -> bool {
    words.iter().any(|w| rest.starts_with(w))
}

impl Scan {
    fn of(line: &str) -> Self {
        let mut s = Self::default();
        for (i, c) in line.char_indices() {
            s.chars += 1;
            // only the characters that open a word of interest look further
            if !matches!(c, '上' | '下' | '相' | '首' | '当' | '您' | '所' | '>' | '»' | '›' | '＞' | '收' | '答' | '现' | '現' | '交' | '转'
                | '已' | '提' | '建' | '议' | '意' | '議' | '复' | '回' | '的' | '办' | '復' | '覆' | '于' | '於' | '对' | '對' | '届' | '屆' | '/')
            {
                continue;
            }
            let rest = line.get(i..).unwrap_or("");
            let (nav, ack, kind, reply): (&[&str], &[&str], &[&str], &[&str]) = match c {
                '上' => (&["上一篇", "上一条"], &[], &[], &[]),
                '下' => (&["下一篇", "下一条"], &[], &[], &[]),
                '相' => (&["相关阅读", "相关文章"], &[], &[], &[]),
                '首' => (&["首页"], &[], &[], &[]),
                '当' => (&["当前位置", "当前所在"], &[], &[], &[]),
                '您' => (&["您的位置"], &[], &[], &[]),
                '所' => (&["所在位置"], &["所提"], &[], &[]),
                '>' | '»' | '›' | '＞' => (&[""], &[], &[], &[]),
                '收' => (&[], &["收悉"], &[], &[]),
                '答' => (&[], &["答复如下", "答復如下"], &[], &["答复", "答復", "答覆"]),
                '现' => (&[], &["现答复"], &[], &[]),
                '現' => (&[], &["現答復"], &[], &[]),
                '交' => (&[], &["交由"], &[], &[]),
                '转' => (&[], &["转交"], &[], &[]),
                '已' => (&[], &["已交"], &[], &[]),
                '提' => (&[], &["提出的"], &["提案"], &[]),
                '建' => (&[], &[], &["建议", "建議"], &[]),
                '议' => (&[], &[], &["议案"], &[]),
                '意' => (&[], &[], &["意见", "意見"], &[]),
                '議' => (&[], &[], &["議案"], &[]),
                '复' => (&[], &[], &[], &["复函"]),
                '回' => (&[], &[], &[], &["回复", "回函", "回覆"]),
                '的' => (&[], &[], &[], &["的函"]),
                '办' => (&[], &[], &[], &["办理情况的报告", "办理情况报告"]),
                '復' => (&[], &[], &[], &["復函"]),
                '覆' => (&[], &[], &[], &["覆函"]),
                '/' => {
                    s.slashes = s.slashes.saturating_add(1).min(2);
                    continue;
                }
                _ => {
                    // 于 於 对 對 届 屆
                    s.head = true;
                    continue;
                }
            };
            s.nav = s.nav || opens_with(rest, nav);
            if s.ack_from_end.is_none() && opens_with(rest, ack) {
                s.ack_from_end = Some(line.len() - i);
            }
            s.kind = s.kind || opens_with(rest, kind);
            s.reply = s.reply || opens_with(rest, reply);
        }
        s
    }

    /// [`is_nav_or_breadcrumb`] of the scanned line.
    fn is_nav(&self) -> bool {
        self.nav || self.slashes >= 2
    }

    /// Where [`find_ack`] finds its match in the scanned line, or in the line with a prefix
    /// holding no acknowledgement word stripped.
    fn ack(&self, line: &str) -> Option<usize> {
        self.ack_from_end.and_then(|n| line.len().checked_sub(n))
    }

    /// [`TITLE`]'s match in the scanned line (or in it with 标题: stripped).
    fn title<'l>(&self, line: &'l str) -> Option<regex::Match<'l>> {
        (self.kind && self.reply).then(|| TITLE.find(line)).flatten()
    }

    /// [`is_title`] of the scanned line.
    fn is_title(&self, line: &str) -> bool {
        self.kind && self.reply && TITLE.is_match(line)
    }

    /// [`is_title_head`] of the scanned line.
    fn is_head(&self, line: &str) -> bool {
        self.head && may_be_head(line) && TITLE_HEAD.is_match(line)
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
#[inline(never)]
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
        if scan.is_nav() {
            continue;
        }
        let line_len_before_strip = line.len();
        let line = line.strip_prefix("标题:").or_else(|| line.strip_prefix("标题：")).unwrap_or(line);
        let chars = if line.len() == line_len_before_strip { scan.chars } else { scan.chars - 3 };
        if let Some(a) = scan.ack(line) {
            match scan.title(line) {
                None => return (titles, Some(line.to_string())),
                // a page flattened onto one line: title, salutation and acknowledgement together
                Some(t) if t.end() <= a => {
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
        if (scan.ack_from_end.is_some() && line.contains("收悉")) || chars > 150 {
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
#[inline(never)]
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
mod tests;
