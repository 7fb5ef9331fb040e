//! Step 2 of [`super::find`]: the title prefix (`XX关于…的复函`, or the agency alone on the line
//! above `关于…`/`对…`), read from the header lines.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::header::agency;
use crate::extract::line_scan;
use super::{is_agency, is_chrome, squeeze};

/// What makes a line a reply title (or its first half, ending at the session).
static TITLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"建议|提案|议案|建議|議案|会议|會議|答复|复函").expect("title word regex"));

/// Whether 关于/關於/關于 sits at the third character or later: [`agency::title_prefix_name`] reads a name
/// of at least two characters before it (on a squeezed line, nothing between), so a title
/// opening with 关于 (most of them) never matches and the costly regex is not run.
pub(super) fn opener_after_a_name(l: &str) -> bool {
    // the second characters of the openers found by memchr, the first checked right before
    // them, at or after the third character (关 and 關 are three bytes each)
    let Some((start, _)) = l.char_indices().nth(2) else { return false };
    let before = |p: usize, first: &[char]| p >= start + 3 && l.get(..p).is_some_and(|h| h.ends_with(first));
    l.match_indices('于').any(|(p, _)| before(p, &['关', '關'])) || l.match_indices('於').any(|(p, _)| before(p, &['關']))
}

/// 2. The title prefix (the title may also be split: agency alone, then 关于… on the next line).
#[inline(never)]
pub(super) fn title_prefix<'t>(header: &[&'t str], rest: Box<dyn Iterator<Item = &'t str> + 't>) -> Option<String> {
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
