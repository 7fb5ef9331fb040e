//! A proposing organisation saluted on a line of its own (`九三学社长沙市委员会：` · `市工商联：`),
//! the line below speaking to it: the addressee when no person is saluted.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::line_scan;

/// A proposing organisation saluted on a line of its own (`九三学社长沙市委员会：` · `民盟县委：` ·
/// `市工商联：`): 政协 proposals come from parties, federations and 界别 as well as members.
pub(super) static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*(?:尊敬的)?\s*(?P<org>[\p{{Han}}]{{1,28}}(?:{}))\s*[:：]\s*$", ORG_WORDS.join("|")))
        .expect("organisation salutation regex")
});

/// The words an organisation's name ends with.
pub(super) const ORG_WORDS: [&str; 22] = [
    "委员会", "委員會", "委", "总会", "總會", "联合会", "聯合會", "工商联", "工商聯", "侨联", "僑聯", "妇联", "婦聯", "科协",
    "科協", "界别", "界別", "支部", "党组", "黨組", "小组", "小組",
];

/// What the line after an organisation's salutation opens with: the letter speaking to it.
pub(super) static SPOKEN_TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:贵|貴|你|您)").expect("spoken-to regex"));

/// Where an organisation's salutation line may end: the colon.
static COLON: LazyLock<Regex> = LazyLock::new(|| Regex::new("[:：]").expect("colon regex"));

/// An organisation saluted on its own line, the next non-empty line speaking to it (贵会/你们/您).
/// The bodies that receive the replies (人大, 政协 and their committees) are never proposers.
pub(super) fn organisation(zone: &str) -> Option<String> {
    line_scan::lines_with(zone, &COLON).find_map(|(start, l)| {
        // necessary for ORG_LINE: an organisation word right before a colon closing the line
        let before_colon = l.trim_end().strip_suffix([':', '：'])?.trim_end();
        if !ORG_WORDS.iter().any(|w| before_colon.ends_with(w)) {
            return None;
        }
        let c = ORG_LINE.captures(l)?;
        let org: String = c["org"].chars().collect();
        if ["人大", "政协", "政協", "常委会"].iter().any(|w| org.contains(w)) {
            return None;
        }
        let below = zone.get(start + l.len() + 1..).unwrap_or("");
        let next = below.split('\n').find(|n| !n.trim().is_empty())?;
        SPOKEN_TO.is_match(next).then_some(org)
    })
}
