//! A small per-thread memo in front of the IDF table (and the other per-word facts keyword
//! ranking asks, [`super::keywords::Facts`]).
//!
//! The IDF table holds 270,000 words; a lookup is a few random reads in ~15 MB (control bytes,
//! the slot, then the word's bytes in the asset to compare), so a cache miss or three per word,
//! and it showed as a third of keyword ranking in profiles. Documents of one genre share most of
//! their vocabulary, so a direct-mapped memo of a few thousand recent words (~200 KB, which
//! stays in the core's cache) answers most lookups. It is exact: it only remembers what the
//! table answered, the table never changes, and a word is compared byte for byte.

use std::cell::RefCell;
use std::hash::Hasher;

use super::hash::FxHasher;
use super::keywords::Facts;

/// Slots per thread (a power of two).
const SLOTS: usize = 8192;
/// The longest word remembered, in bytes (five CJK characters); longer ones go to the table.
const MAX_LEN: usize = 15;

#[derive(Clone, Copy)]
struct Slot {
    /// Byte 0: the word's length, `EMPTY` for an unused slot; then the word, zero-padded.
    key: [u8; MAX_LEN + 1],
    value: Facts,
}

const EMPTY: u8 = u8::MAX;

thread_local! {
    static MEMO: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// `lookup(word)`, remembered per thread. `lookup` must always give the same answer for the
/// same word (callers pass lookups into a table that never changes).
pub fn remembered(word: &str, lookup: impl Fn(&str) -> Facts) -> Facts {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_LEN {
        return lookup(word);
    }
    let mut key = [0u8; MAX_LEN + 1];
    key[0] = bytes.len() as u8;
    key[1..=bytes.len()].copy_from_slice(bytes);
    let mut hasher = FxHasher::default();
    hasher.write(&key);
    let index = (hasher.finish() >> 32) as usize & (SLOTS - 1);
    // `None` when the memo cannot be used (thread-local storage being torn down, or re-entered,
    // which lookup never does): then the table answers directly.
    let memoized = MEMO.try_with(|memo| {
        let mut memo = memo.try_borrow_mut().ok()?;
        if memo.is_empty() {
            memo.resize(SLOTS, Slot { key: [EMPTY; MAX_LEN + 1], value: Facts::default() });
        }
        let slot = &mut memo[index];
        if slot.key != key {
            *slot = Slot { key, value: lookup(word) };
        }
        Some(slot.value)
    });
    memoized.ok().flatten().map_or_else(|| lookup(word), |value| value)
}

#[cfg(test)]
mod tests {
    use super::*;
        use std::cell::Cell;

    fn idf(value: Option<f64>) -> Facts {
        Facts { idf: value, form: true, ..Facts::default() }
    }

    #[test]
    fn answers_like_the_lookup_and_asks_it_once_per_word() {
        let asked = Cell::new(0);
        let table = |w: &str| {
            asked.set(asked.get() + 1);
            match w {
                "城镇化" => idf(Some(5.5)),
                "特色小镇" => Facts { idf: Some(11.25), form: true, genre: true, ..Facts::default() },
                "我局" => Facts { idf: None, form: true, stop: true, ..Facts::default() },
                _ => idf(None),
            }
        };
        for _ in 0..3 {
            assert_eq!(remembered("城镇化", table), idf(Some(5.5)));
            assert_eq!(remembered("特色小镇", table), Facts { idf: Some(11.25), form: true, genre: true, ..Facts::default() });
            assert!(remembered("我局", table).stop);
            assert_eq!(remembered("对县", table), idf(None));
        }
        assert_eq!(asked.get(), 4);
    }

    #[test]
    fn words_sharing_a_prefix_or_padding_stay_distinct() {
        let table = |w: &str| idf(Some(w.len() as f64 + if w.contains('\0') { 0.5 } else { 0.0 }));
        assert_eq!(remembered("ab", table), idf(Some(2.0)));
        // Same bytes once zero-padded, told apart by the length byte.
        assert_eq!(remembered("ab\0", table), idf(Some(3.5)));
        assert_eq!(remembered("ab", table), idf(Some(2.0)));
        // Too long to remember: asked every time, still right.
        let long = "中华人民共和国国务院";
        assert_eq!(remembered(long, table), idf(Some(long.len() as f64)));
    }

    #[test]
    fn colliding_words_evict_each_other_without_mixing_answers() {
        // Far more distinct words than slots: every answer must still be the table's.
        let table = |w: &str| idf(w.parse::<f64>().ok());
        for round in 0..2 {
            for i in 0..(SLOTS * 3) {
                let w = i.to_string();
                assert_eq!(remembered(&w, table), idf(Some(i as f64)), "round {round}");
            }
        }
    }
}
