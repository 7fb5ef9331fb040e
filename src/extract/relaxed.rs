//! A regex with bounded repetitions of big classes (`[\p{Han}]{2,400}?`), run through the same
//! regex with those repetitions left unbounded (`[\p{Han}]{2,}?`).
//!
//! A bounded repetition of a Unicode class is copied once per allowed count into the automaton:
//! `[\p{Han}…]{2,400}?` costs tens of millions of instructions to build and tens of thousands
//! per match. The unbounded regex accepts every path the bounded one accepts, in the same order
//! of preference (greedy: more first; lazy: fewer first), so:
//! - when it finds nothing, neither does the bounded regex;
//! - when the path it finds keeps every bounded group within its bound, that path is also the
//!   first the bounded regex accepts: the same match and the same groups;
//! - otherwise (a name of 500 characters) the bounded regex itself decides, built only then.
//!
//! Each bounded group must be a named group around a one-character class repetition, so that
//! its length in characters is its repetition count.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// The bounded regex and its unbounded twin, with the bound of each relaxed group.
pub(crate) struct Relaxed {
    fast: LazyLock<Regex, fn() -> Regex>,
    exact: LazyLock<Regex, fn() -> Regex>,
    bounds: &'static [(&'static str, usize)],
}

impl Relaxed {
    /// `fast` builds the unbounded twin of the regex `exact` builds; `bounds` names each
    /// relaxed group with its maximum length in characters.
    pub(crate) const fn new(fast: fn() -> Regex, exact: fn() -> Regex, bounds: &'static [(&'static str, usize)]) -> Self {
        Self { fast: LazyLock::new(fast), exact: LazyLock::new(exact), bounds }
    }

    fn within(&self, c: &Captures) -> bool {
        self.bounds.iter().all(|(group, max)| c.name(group).is_none_or(|m| m.as_str().chars().count() <= *max))
    }

    /// What `exact.captures_at(haystack, at)` returns.
    pub(crate) fn captures_at<'h>(&self, haystack: &'h str, at: usize) -> Option<Captures<'h>> {
        let c = self.fast.captures_at(haystack, at)?;
        if self.within(&c) {
            Some(c)
        } else {
            self.exact.captures_at(haystack, at)
        }
    }

    /// What `exact.captures(haystack)` returns.
    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.captures_at(haystack, 0)
    }

    /// What `exact.captures_iter(haystack)` yields (matches here are never empty: after one the
    /// search goes on at its end).
    pub(crate) fn captures_iter<'h>(&'h self, haystack: &'h str) -> impl Iterator<Item = Captures<'h>> + 'h {
        let mut at = Some(0);
        std::iter::from_fn(move || {
            let c = self.captures_at(haystack, at?)?;
            let m = c.get(0)?;
            // an empty match (none of ours) would repeat forever: step past it
            at = if m.is_empty() { haystack.get(m.end()..)?.chars().next().map(|ch| m.end() + ch.len_utf8()) } else { Some(m.end()) };
            Some(c)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static NAME_ROLE: Relaxed = Relaxed::new(
        || Regex::new(r"(?:^|[\s。])(?P<names>[\p{Han}、]{2,}?)(?:代表|委员)[:：]").unwrap(),
        || Regex::new(r"(?:^|[\s。])(?P<names>[\p{Han}、]{2,6}?)(?:代表|委员)[:：]").unwrap(),
        &[("names", 6)],
    );

    fn exact() -> Regex {
        Regex::new(r"(?:^|[\s。])(?P<names>[\p{Han}、]{2,6}?)(?:代表|委员)[:：]").unwrap()
    }

    fn all(r: &Relaxed, h: &str) -> Vec<(usize, String)> {
        r.captures_iter(h).map(|c| (c.get(0).unwrap().start(), c["names"].to_string())).collect()
    }

    fn all_exact(h: &str) -> Vec<(usize, String)> {
        exact().captures_iter(h).map(|c| (c.get(0).unwrap().start(), c["names"].to_string())).collect()
    }

    #[test]
    fn same_matches_as_the_bounded_regex() {
        for h in [
            "陈业华代表：你提出的建议收悉。",
            "感谢支持。王建国、李华代表：你们好",
            // a run longer than the bound: the bounded regex starts later
            "关于加快推进城乡一体化建设工作的王五代表：收悉。张三委员：",
            "张三委员：李四代表：",
            "没有称呼",
            "",
        ] {
            assert_eq!(all(&NAME_ROLE, h), all_exact(h), "{h}");
        }
        assert_eq!(all(&NAME_ROLE, "张三委员：李四代表："), [(0, "张三".to_string())]);
    }
}
