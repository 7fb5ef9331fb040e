//! The words dafu's own files mark: stop words (assets/stop_words.txt and jieba's English ones)
//! and the genre dictionary's terms, in one small table built once per process.
//!
//! Ranking keywords asks both questions of every distinct word of every document; one lookup in
//! a table of ~1,100 words (which stays in cache) answers both, where two sets of `String`s cost
//! two hashes and two probes.

use std::sync::LazyLock;

use super::hash::FastMap;
use super::{dict, stop};

/// What the genre files say about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// A stop word: never a keyword, never a name.
    pub stop: bool,
    /// An entry of the genre dictionary (kept as a keyword even when it looks like a numeral).
    pub genre: bool,
}

static MARKS: LazyLock<FastMap<Box<str>, Marks>> = LazyLock::new(|| {
    let mut marks: FastMap<Box<str>, Marks> = FastMap::default();
    let stops = jieba_rs::DEFAULT_STOP_WORDS.iter().map(String::as_str).chain(stop::words(stop::STOP_WORDS_FILE));
    for word in stops {
        marks.entry(word.into()).or_default().stop = true;
    }
    // The genre dictionary is checked by the tests; should it ever fail to parse, it simply
    // marks nothing (segmentation reports the error itself).
    for entry in dict::parse(dict::GENRE_DICT, dict::GENRE_DICT_NAME).unwrap_or_default() {
        marks.entry(entry.word.into_boxed_str()).or_default().genre = true;
    }
    marks
});

/// The marks of `word` exactly as written (no case folding).
#[inline]
pub fn marks(word: &str) -> Marks {
    MARKS.get(word).copied().unwrap_or_default()
}

/// Is `word` a stop word? English stop words match in any case, as jieba's do.
pub fn is_stop(word: &str) -> bool {
    is_stop_marked(word, marks(word))
}

/// [`is_stop`] for a word whose own marks are already at hand (looked up once by the caller).
pub fn is_stop_marked(word: &str, marks: Marks) -> bool {
    marks.stop || (word.bytes().any(|b| b.is_ascii_uppercase()) && self::marks(&word.to_ascii_lowercase()).stop)
}

/// Is `word` an entry of the genre dictionary?
pub fn is_genre_term(word: &str) -> bool {
    marks(word).genre
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_and_genre_terms_are_marked() {
        assert_eq!(marks("我局"), Marks { stop: true, genre: false });
        assert_eq!(marks("中央预算内资金"), Marks { stop: false, genre: true });
        assert_eq!(marks("城镇化"), Marks::default());
        assert!(is_stop("the") && is_stop("The") && !marks("The").stop);
        assert!(is_genre_term("十五五") && !is_genre_term("十五"));
    }

    #[test]
    fn every_line_of_the_files_is_in_the_table() {
        for w in stop::words(stop::STOP_WORDS_FILE) {
            assert!(marks(w).stop, "{w}");
        }
        for e in dict::parse(dict::GENRE_DICT, dict::GENRE_DICT_NAME).unwrap() {
            assert!(marks(&e.word).genre, "{}", e.word);
        }
    }
}
