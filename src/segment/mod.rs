//! Segment: one shared jieba-rs instance with the genre dictionary, for keywords, token counts
//! and person-name hints.
//!
//! Each document is cut (and tagged) exactly once, with HMM; the token count, the `nr` name hints
//! and the TF-IDF keywords all come from that one cut. The dictionaries and the IDF table are
//! built once per process and shared by reference across threads: jieba is `Send + Sync`, and
//! cloning it costs ~33 MB.

pub mod dict;
mod hash;
pub mod idf;
pub mod keywords;
pub mod lexicon;
mod memo;
mod names;
pub mod stop;

use std::path::Path;
use std::sync::LazyLock;

use jieba_rs::{Jieba, Tag};

use hash::FastSet;

/// What segmentation tells the rest of the pipeline about one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    /// Tokens of the cut, whitespace tokens not counted.
    pub tokens: u64,
    /// Top keywords by TF-IDF: weight descending, ties by the word. Weights are never exposed.
    pub keywords: Vec<String>,
    /// Words tagged `nr` (person names), in order of first appearance, deduplicated.
    pub person_names: Vec<String>,
}

/// Errors building the segmenter (user dictionaries are validated).
#[derive(Debug, thiserror::Error)]
pub enum SegmentError {
    #[error("cannot read user dictionary {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}:{line}: {message}")]
    BadLine { path: String, line: usize, message: String },
    /// The built-in genre dictionary failed to load (a bug caught by the tests, never a panic).
    #[error("built-in dictionary: {0}")]
    Builtin(String),
}

/// The default dictionary plus the genre dictionary, shared by every segmenter without a user
/// dictionary (tests and library users build many pipelines; the dictionary loads once).
static GENRE_JIEBA: LazyLock<Result<Jieba, String>> = LazyLock::new(|| genre_jieba().map_err(|e| e.to_string()));

/// A fresh instance: jieba's default dictionary plus the genre dictionary.
fn genre_jieba() -> Result<Jieba, SegmentError> {
    let mut jieba = Jieba::new();
    add_entries(&mut jieba, &dict::parse(dict::GENRE_DICT, dict::GENRE_DICT_NAME)?);
    Ok(jieba)
}

/// Either the shared genre instance or one of our own with a user's dictionary on top.
enum Instance {
    Shared(&'static Jieba),
    Owned(Box<Jieba>),
}

/// Built once per run and shared by reference across threads.
pub struct Segmenter {
    jieba: Instance,
    /// Words of the user's dictionary, which count as dictionary terms like the genre words.
    /// (FxHash: these sets are asked about every candidate keyword of every document.)
    user_words: FastSet<String>,
}

impl Segmenter {
    /// The default dictionary plus the genre dictionary, plus an optional user dictionary,
    /// validated line by line (a bad line is an error naming the file and line, never a panic).
    pub fn new(user_dict: Option<&Path>) -> Result<Self, SegmentError> {
        // The IDF table (~15 ms) and jieba's part-of-speech table for HMM words (~40 ms, built
        // by jieba on the first tag of a word it does not know) are built on another thread
        // while jieba loads its dictionary (~100 ms): start-up is the longer, not the sum.
        // Should no thread be available, both are simply built on first use.
        let idf = std::thread::Builder::new().name("dafu-warm".into()).spawn(|| {
            keywords::Idf::shared();
            // An empty dictionary makes every word an HMM word, which needs the table.
            let _ = Jieba::empty().tag("陈业华", true);
        });
        let built = Self::build(user_dict);
        if let Ok(handle) = idf {
            let _ = handle.join();
        }
        built
    }

    fn build(user_dict: Option<&Path>) -> Result<Self, SegmentError> {
        let Some(path) = user_dict else {
            let shared = GENRE_JIEBA.as_ref().map_err(|message| SegmentError::Builtin(message.clone()))?;
            return Ok(Segmenter { jieba: Instance::Shared(shared), user_words: FastSet::default() });
        };
        // Validate the user's file before spending ~100 ms on the dictionaries.
        let entries = dict::load_user(path)?;
        let mut jieba = genre_jieba()?;
        add_entries(&mut jieba, &entries);
        let user_words = entries.into_iter().map(|e| e.word).collect();
        Ok(Segmenter { jieba: Instance::Owned(Box::new(jieba)), user_words })
    }

    /// Segment one normalized document: one cut with HMM, as `dafu tokens` shows it.
    pub fn analyze(&self, text: &str) -> Segmentation {
        let tags = self.tag(text);
        // `all` stops at the first character, where `trim` looks at both ends.
        let tokens = tags.iter().filter(|t| !t.word.chars().all(char::is_whitespace)).count() as u64;
        let pairs: Vec<(&str, &str)> = tags.iter().map(|t| (t.word, t.tag)).collect();
        let person_names = names::person_names(pairs.iter().copied(), |w| self.jieba().has_word(w));
        let keywords =
            keywords::top(keywords::Idf::shared(), self.jieba(), text, &pairs, |w| self.user_words.contains(w));
        Segmentation { tokens, keywords, person_names }
    }

    /// The cut the pipeline makes, with part-of-speech tags (HMM on).
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<Tag<'a>> {
        self.jieba().tag(text, true)
    }

    /// Is `word` an entry of the genre or user dictionary?
    pub fn is_dictionary_term(&self, word: &str) -> bool {
        lexicon::is_genre_term(word) || self.user_words.contains(word)
    }

    /// The underlying jieba instance (for `dafu tokens`).
    pub fn jieba(&self) -> &Jieba {
        match &self.jieba {
            Instance::Shared(j) => j,
            Instance::Owned(j) => j,
        }
    }
}

/// Add validated entries; a word jieba already knows gets the new frequency (and keeps its tag).
fn add_entries(jieba: &mut Jieba, entries: &[dict::Entry]) {
    for e in entries {
        jieba.add_word(&e.word, Some(e.freq), Some(&e.tag));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &Segmenter, text: &str) -> Vec<String> {
        s.tag(text).into_iter().map(|t| t.word.to_string()).collect()
    }

    #[test]
    fn seed_sentences_keep_genre_terms_whole() {
        let s = Segmenter::new(None).unwrap();
        let w = words(&s, "邵东2023年共争取中央预算内资金7803万元，发行地方专项债7.7亿元");
        assert!(w.contains(&"中央预算内资金".to_string()), "{w:?}");
        assert!(w.contains(&"地方专项债".to_string()), "{w:?}");
        let w = words(&s, "将城乡融合发展作为“十五五”规划编制重大研究课题之一");
        assert!(w.contains(&"十五五".to_string()) && w.contains(&"城乡融合发展".to_string()), "{w:?}");
        let w = words(&s, "抄送：市人大联工委、市政府办公室");
        assert!(w.contains(&"人大联工委".to_string()), "{w:?}");
    }

    #[test]
    fn analyze_counts_tokens_without_whitespace() {
        let s = Segmenter::new(None).unwrap();
        // 乡村振兴 / 是 / 重点 / 。 — the newline and spaces are not tokens
        let seg = s.analyze("乡村振兴 是\n重点。");
        assert_eq!(seg.tokens, 4);
    }

    #[test]
    fn keywords_are_deterministic_and_free_of_placeholders() {
        let s = Segmenter::new(None).unwrap();
        let text = "陈业华代表：你提出的关于建强特色小镇载体的建议收悉。现答复如下：特色小镇是新型城镇化的\
                    重要载体。我委积极争取中央预算内资金支持特色小镇建设，2024年发行地方专项债7.7亿元，\
                    支持特色小镇配套基础设施建设。我委将继续做好相关工作。";
        let a = s.analyze(text);
        assert_eq!(a, s.analyze(text));
        assert_eq!(a.keywords.first().map(String::as_str), Some("特色小镇"), "{:?}", a.keywords);
        assert!(a.keywords.len() <= keywords::TOP_K);
        for bad in ["我委", "答复", "建议", "代表", "工作", "2024", "7.7"] {
            assert!(!a.keywords.iter().any(|k| k == bad), "{bad} in {:?}", a.keywords);
        }
        assert!(a.keywords.iter().all(|k| k.chars().count() >= 2));
    }

    #[test]
    fn empty_and_punctuation_only_text() {
        let s = Segmenter::new(None).unwrap();
        assert_eq!(s.analyze(""), Segmentation::default());
        let p = s.analyze("，。、；：？！");
        assert!(p.keywords.is_empty() && p.person_names.is_empty());
    }

    #[test]
    fn shared_across_threads() {
        let s = Segmenter::new(None).unwrap();
        let text = "关于加快推进乡村振兴和高质量发展的建议";
        let here = s.analyze(text);
        std::thread::scope(|scope| {
            let h = scope.spawn(|| s.analyze(text));
            assert_eq!(h.join().unwrap(), here);
        });
    }
}
