//! Keywords: TF-IDF over the one cut the segmenter already made, with jieba's IDF table.
//!
//! `TfIdf::extract_keywords` cuts (and tags) the text again, which would double the cost of the
//! stage. jieba-rs does not expose its IDF table, so it is read once per process from the
//! `TfIdf` built once (through its `Debug` form: the only public view of the table) and then
//! looked up per word. If that view ever changes shape, keywords fall back to `extract_keywords`
//! (a second cut per document: slower, same ranking rules).

use std::collections::HashMap;
use std::sync::LazyLock;

use jieba_rs::{Jieba, KeywordExtract, TfIdf};

use super::stop;

/// How many keywords a record carries.
pub const TOP_K: usize = 10;

/// jieba's IDF weights, built once per process and shared by every thread.
pub enum Idf {
    /// Our own copy of the table: one lookup per distinct word, no second cut.
    Table { idf: HashMap<Box<str>, f64>, median: f64 },
    /// The table could not be read: let jieba re-cut each document.
    Extractor(TfIdf),
}

static IDF: LazyLock<Idf> = LazyLock::new(Idf::load);

impl Idf {
    /// The shared table (built on first use: ~0.2 s and ~35 MB).
    pub fn shared() -> &'static Idf {
        &IDF
    }

    fn load() -> Idf {
        let tfidf = TfIdf::default();
        match parse_debug(&format!("{tfidf:?}")) {
            Some((idf, median)) if idf.len() > 100_000 && median.is_finite() => Idf::Table { idf, median },
            _ => Idf::Extractor(tfidf),
        }
    }

    /// Whether keywords come from our table (one cut per document).
    pub fn is_table(&self) -> bool {
        matches!(self, Idf::Table { .. })
    }

    /// The IDF of `word` (the median for words jieba's table lacks), when the table is ours.
    pub fn weight(&self, word: &str) -> Option<f64> {
        match self {
            Idf::Table { idf, median } => Some(idf.get(word).copied().unwrap_or(*median)),
            Idf::Extractor(_) => None,
        }
    }
}

/// The top [`TOP_K`] keywords of a document from its tagged words (in text order). Order: weight
/// descending, ties broken by the word, so output is the same at any thread count.
pub fn top(idf: &Idf, jieba: &Jieba, text: &str, tagged: &[(&str, &str)], term: impl Fn(&str) -> bool) -> Vec<String> {
    let mut tf: HashMap<&str, u32> = HashMap::new();
    let mut candidates = 0u32;
    for (i, &(word, tag)) in tagged.iter().enumerate() {
        if is_candidate(word, tag, jieba, &term) && !is_doc_number_code(tagged.get(i + 1..).unwrap_or_default()) {
            *tf.entry(word).or_insert(0) += 1;
            candidates += 1;
        }
    }
    let mut scored: Vec<(f64, &str)> = match idf {
        Idf::Table { .. } => tf
            .iter()
            .map(|(word, count)| (f64::from(*count) * idf.weight(word).unwrap_or(0.0) / f64::from(candidates), *word))
            .collect(),
        Idf::Extractor(tfidf) => tfidf
            .extract_keywords(jieba, text, 200, vec![])
            .into_iter()
            .filter_map(|k| tf.get_key_value(k.keyword.as_str()).map(|(w, _)| (k.weight, *w)))
            .collect(),
    };
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(TOP_K).map(|(_, w)| w.to_string()).collect()
}

/// Is the word just before `next` the agency code of a 文号 (政办发 in 博市政办发〔2021〕12号)?
/// That is: an opening bracket, then a four-digit year.
fn is_doc_number_code(next: &[(&str, &str)]) -> bool {
    let mut rest = next.iter().map(|t| t.0).filter(|w| !w.trim().is_empty());
    matches!(rest.next(), Some("〔" | "﹝" | "[" | "【" | "(" | "（" | "［"))
        && rest.next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// Parts of speech that never make a keyword: numerals, time words, quantifiers, pronouns,
/// prepositions, conjunctions, particles, adverbs, directions, interjections, non-words; and
/// person and place names (the addressee, the signer, the county: who and where, not what).
const SKIP_TAGS: &[&str] = &[
    "m", "mq", "t", "tg", "q", "r", "rr", "rz", "p", "c", "u", "uj", "ul", "ug", "uv", "uz", "ud", "d", "f",
    "x", "w", "e", "y", "o", "zg", "eng", "nr", "nrt", "nrfg", "ns", "nsf",
];

/// Characters that make up numbers, dates and counts written in words (二〇二四年, 十七届, 第三).
fn is_numeral_char(c: char) -> bool {
    "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬第年月日号届次个元角分余多几半".contains(c)
}

/// Can `word` be a keyword at all? It must be a dictionary word (words the HMM guessed, such as
/// OCR fragments and 对县, are left out, as jieba's own keyword extraction does by cutting without
/// HMM). `term` says whether it is a genre or user dictionary term, which is kept even when it
/// looks like a numeral (十四五, 十五五) or carries a skipped tag.
fn is_candidate(word: &str, tag: &str, jieba: &Jieba, term: &impl Fn(&str) -> bool) -> bool {
    let mut chars = 0;
    let mut han = false;
    for c in word.chars() {
        chars += 1;
        if c.is_numeric() || c.is_ascii_digit() {
            return false;
        }
        han |= matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
    }
    if chars < 2 || !han || stop::is_stop(word) {
        return false;
    }
    if term(word) {
        return true;
    }
    jieba.has_word(word) && !word.chars().all(is_numeral_char) && !SKIP_TAGS.contains(&tag)
}

/// Read the IDF table out of `TfIdf`'s `Debug` form:
/// `TfIdf { idf_dict: {"word": 12.5, ...}, median_idf: 11.9, config: ... }`.
fn parse_debug(s: &str) -> Option<(HashMap<Box<str>, f64>, f64)> {
    let start = s.find("idf_dict: {")? + "idf_dict: {".len();
    let mut rest = s.get(start..)?;
    let mut idf = HashMap::with_capacity(300_000);
    loop {
        rest = rest.trim_start_matches([',', ' ']);
        if let Some(after) = rest.strip_prefix('}') {
            rest = after;
            break;
        }
        let (word, after) = parse_debug_str(rest)?;
        let after = after.strip_prefix(": ")?;
        let end = after.find([',', '}'])?;
        let value: f64 = after.get(..end)?.parse().ok()?;
        idf.insert(word.into_boxed_str(), value);
        rest = after.get(end..)?;
    }
    let median_at = rest.find("median_idf: ")? + "median_idf: ".len();
    let median_str = rest.get(median_at..)?;
    let end = median_str.find([',', ' ', '}'])?;
    let median: f64 = median_str.get(..end)?.parse().ok()?;
    Some((idf, median))
}

/// One `"…"` string in `Debug` form (with its escapes) at the start of `s`; returns it and the rest.
fn parse_debug_str(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, body.get(i + 1..)?)),
            '\\' => match chars.next()?.1 {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    let mut hex = String::new();
                    for (_, h) in chars.by_ref() {
                        match h {
                            '{' => {}
                            '}' => break,
                            _ => hex.push(h),
                        }
                    }
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                other => out.push(other),
            },
            _ => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_form_parses_with_escapes() {
        let s = r#"TfIdf { idf_dict: {"延伸性": 12.5143832909, "a\"b\\c": 3.0, "\u{3000}x": 1e-3}, median_idf: 11.5, config: X }"#;
        let (idf, median) = parse_debug(s).unwrap();
        assert_eq!(idf.len(), 3);
        assert_eq!(idf.get("延伸性"), Some(&12.5143832909));
        assert_eq!(idf.get("a\"b\\c"), Some(&3.0));
        assert_eq!(idf.get("\u{3000}x"), Some(&0.001));
        assert_eq!(median, 11.5);
        assert!(parse_debug("TfIdf { something_else: 1 }").is_none());
    }

    #[test]
    fn jieba_table_is_read_not_fallen_back_from() {
        let idf = Idf::shared();
        assert!(idf.is_table(), "jieba's TfIdf Debug form changed: keywords now cut twice");
        // Rare words weigh more than common ones, and unknown words get the median.
        let rare = idf.weight("延伸性").unwrap();
        let common = idf.weight("发展").unwrap();
        assert!(rare > common, "{rare} {common}");
        let unknown = idf.weight("邵市发改函").unwrap();
        assert!(unknown > 5.0 && unknown < 15.0, "{unknown}");
    }

    #[test]
    fn candidates_exclude_numbers_dates_placeholders_names_and_guesses() {
        let jieba = Jieba::new();
        let none = |_: &str| false;
        for (w, tag) in [
            ("2024", "m"), ("二〇二四年", "m"), ("十七届", "m"), ("三次", "m"), ("第一", "m"), ("我局", "r"),
            ("答复", "v"), ("代表", "n"), ("债", "n"), ("１５７９", "m"), ("，", "x"), ("AB", "eng"),
            ("进一步", "d"), ("7.7亿元", "m"), ("王建平", "nr"), ("邵阳", "ns"), ("对县", "v"),
        ] {
            assert!(!is_candidate(w, tag, &jieba, &none), "{w}");
        }
        for (w, tag) in [("城镇化", "vn"), ("污水处理", "l"), ("排灌", "v")] {
            assert!(is_candidate(w, tag, &jieba, &none), "{w}");
        }
        assert!(is_candidate("十五五", "nz", &jieba, &|w: &str| w == "十五五"));
        assert!(!is_candidate("十五五", "nz", &jieba, &none));
    }

    #[test]
    fn agency_code_of_a_doc_number_is_not_a_keyword() {
        assert!(is_doc_number_code(&[("〔", "x"), ("2021", "m"), ("〕", "x")]));
        assert!(is_doc_number_code(&[(" ", "x"), ("[", "x"), ("2024", "m")]));
        assert!(!is_doc_number_code(&[("〔", "x"), ("第", "m")]));
        assert!(!is_doc_number_code(&[("建设", "vn"), ("2021", "m")]));
        assert!(!is_doc_number_code(&[]));
    }
}
