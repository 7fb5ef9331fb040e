//! Normalize: repair OCR and page damage so extractors see clean text, keeping a map from every
//! byte of the normalized text back to its 1-based line in the original decoded text.
//!
//! Extractors never re-implement any of this: if they need cleaner text, it is fixed here.

/// The normalized text of one document and its offset map back to original lines.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The repaired text: LF line ends, full-width ASCII folded, page numbers removed, split
    /// sentences rejoined, spaced-out labels closed up.
    pub text: String,
    /// Sorted breakpoints `(byte offset in text, original 1-based line)`: the text from one
    /// offset up to the next comes from that original line.
    map: Vec<(usize, u32)>,
    /// Number of lines in the original decoded text.
    pub original_lines: u32,
}

impl Normalized {
    /// 1-based line in the original decoded text of the byte at `offset` of [`Normalized::text`].
    pub fn line_at(&self, offset: usize) -> u32 {
        match self.map.binary_search_by(|(o, _)| o.cmp(&offset)) {
            Ok(i) => self.map[i].1,
            Err(0) => 1,
            Err(i) => self.map[i - 1].1,
        }
    }

    /// The normalized lines with the byte offset where each starts.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        let mut offset = 0;
        self.text.split('\n').map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            (start, line)
        })
    }
}

/// Normalize decoded text. Total: never fails, never panics.
pub fn normalize(decoded: &str) -> Normalized {
    // Placeholder until the normalize stage lands: line ends only, identity line map.
    let mut text = String::with_capacity(decoded.len());
    let mut map = Vec::new();
    let mut line_no = 0u32;
    for line in decoded.split('\n') {
        line_no += 1;
        map.push((text.len(), line_no));
        text.push_str(line.trim_end_matches('\r'));
        text.push('\n');
    }
    text.pop();
    Normalized { text, map, original_lines: line_no }
}
