//! Word lists looked up by their first or last character, so checking a figure's neighbours
//! against dozens of words costs one map lookup and a comparison or two, not a scan of the list.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Keys are chars: a multiplicative hash is enough and far cheaper than SipHash, which would
/// dominate the cost of looking at a figure's neighbours.
#[derive(Default)]
struct CharHasher(u64);

impl Hasher for CharHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type CharMap<V> = HashMap<char, V, BuildHasherDefault<CharHasher>>;

/// A fixed list of words with longest-match lookups at either end of a string.
pub struct WordSet {
    by_first: CharMap<Vec<&'static str>>,
    by_last: CharMap<Vec<&'static str>>,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> Self {
        let mut by_first: CharMap<Vec<&'static str>> = CharMap::default();
        let mut by_last: CharMap<Vec<&'static str>> = CharMap::default();
        for &w in words {
            if let (Some(f), Some(l)) = (w.chars().next(), w.chars().next_back()) {
                by_first.entry(f).or_default().push(w);
                by_last.entry(l).or_default().push(w);
            }
        }
        // longest first, so a lookup returns the longest word that fits
        for v in by_first.values_mut().chain(by_last.values_mut()) {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        WordSet { by_first, by_last }
    }

    /// The longest word `s` ends with.
    pub fn suffix_of(&self, s: &str) -> Option<&'static str> {
        let last = s.chars().next_back()?;
        self.by_last.get(&last)?.iter().find(|w| s.ends_with(*w)).copied()
    }

    /// The longest word `s` starts with.
    pub fn prefix_of(&self, s: &str) -> Option<&'static str> {
        let first = s.chars().next()?;
        self.by_first.get(&first)?.iter().find(|w| s.starts_with(*w)).copied()
    }

    /// `s` without any run of these words at its end.
    pub fn strip_suffixes<'a>(&self, mut s: &'a str) -> &'a str {
        while let Some(t) = self.suffix_of(s).and_then(|w| s.strip_suffix(w)) {
            s = t;
        }
        s
    }

    /// Does any of the words occur in `s`?
    pub fn occurs_in(&self, s: &str) -> bool {
        s.char_indices().any(|(i, _)| s.get(i..).is_some_and(|r| self.prefix_of(r).is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::WordSet;

    #[test]
    fn longest_match_at_either_end() {
        let w = WordSet::new(&["债", "专项债", "资金", "超", "超过"]);
        assert_eq!(w.suffix_of("发行地方专项债"), Some("专项债"));
        assert_eq!(w.prefix_of("超过5亿元"), Some("超过"));
        assert_eq!(w.suffix_of("投入"), None);
        assert_eq!(w.strip_suffixes("资金超过"), "");
        assert!(w.occurs_in("一是争取资金"));
        assert!(!w.occurs_in(""));
    }
}
