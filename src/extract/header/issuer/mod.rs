//! The issuing agency: banner (`XX文件`), title prefix (`XX关于…的复函`), the signature line just
//! before the date, or a `承办单位:` line, in that order. Website chrome (来源, 发布机构, 信息来源,
//! 作者) is never read.
//!
//! This module holds the flow ([`find`]: the steps in order) and what the steps share (layout
//! squeezing, the agency test, site chrome); each step lives in its own file.

mod labelled;
mod signature;
mod title;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;
use super::agency;
use labelled::{banner, handler};
use signature::signature;
use title::title_prefix;

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
