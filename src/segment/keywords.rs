//! Keywords: TF-IDF over the one cut the segmenter already made, with jieba's IDF table.
//!
//! `TfIdf::extract_keywords` cuts (and tags) the text again, which would double the cost of the
//! stage. jieba-rs does not expose its IDF table, so dafu ships a copy ([`super::idf`], checked
//! against jieba-rs by a test) and looks each word up in it. Should that copy ever fail to load,
//! keywords fall back to `extract_keywords` (a second cut per document: slower, same ranking
//! rules).

use std::sync::LazyLock;

use jieba_rs::{Jieba, KeywordExtract, TfIdf};

use super::hash::FastMap;
use super::lexicon;
use super::{idf, memo};

/// How many keywords a record carries.
pub const TOP_K: usize = 10;

/// jieba's IDF weights, built once per process and shared by every thread.
pub enum Idf {
    /// Our own copy of the table: one lookup per distinct word, no second cut.
    Table { idf: FastMap<&'static str, f64>, median: f64 },
    /// The table could not be read: let jieba re-cut each document.
    Extractor(TfIdf),
}

static IDF: LazyLock<Idf> = LazyLock::new(Idf::load);

impl Idf {
    /// The shared table (built on first use from the embedded asset: ~15 ms and ~13 MB).
    pub fn shared() -> &'static Idf {
        &IDF
    }

    fn load() -> Idf {
        match idf::parse(idf::JIEBA_IDF) {
            Some((idf, median)) if idf.len() > 100_000 && median.is_finite() => Idf::Table { idf, median },
            _ => Idf::Extractor(TfIdf::default()),
        }
    }

    /// Whether keywords come from our table (one cut per document).
    pub fn is_table(&self) -> bool {
        matches!(self, Idf::Table { .. })
    }

    /// The IDF of `word`: from jieba's table, else the median for a word the dictionaries know
    /// (`known`), else `None` (a word only the HMM guessed). `None` as well without our table.
    pub fn weight(&self, word: &str, known: impl FnOnce() -> bool) -> Option<f64> {
        match self {
            Idf::Table { idf, median } => idf.get(word).copied().or_else(|| known().then_some(*median)),
            Idf::Extractor(_) => None,
        }
    }
}

/// The top [`TOP_K`] keywords of a document from its tagged words (in text order). Order: weight
/// descending, ties broken by the word, so output is the same at any thread count.
/// `user_term` says whether a word is an entry of the user's dictionary (genre dictionary terms
/// are known from [`lexicon`]); dictionary terms are kept even when they look like numerals.
pub fn top(
    idf: &Idf,
    jieba: &Jieba,
    text: &str,
    tagged: &[(&str, &str)],
    user_term: impl Fn(&str) -> bool,
) -> Vec<String> {
    // Pass 1, per token: count words of two characters or more (the tag of the first occurrence
    // stands for the word, as in jieba). Most tokens are single characters and stop here.
    let mut tf: FastMap<&str, (u32, &str)> = FastMap::with_capacity_and_hasher(tagged.len() / 4, Default::default());
    for (i, &(word, tag)) in tagged.iter().enumerate() {
        if word.chars().nth(1).is_some() && !is_doc_number_code(tagged.get(i + 1..).unwrap_or_default()) {
            tf.entry(word).or_insert((0, tag)).0 += 1;
        }
    }
    // Pass 2, per distinct word: the filters and the weight, with one lookup of the word's marks
    // (stop word, genre term) and one of its IDF. The weights are tf × idf without jieba's
    // division by the document's total, which is the same for every word of it.
    let mut scored: Vec<(f64, &str)> = match idf {
        Idf::Table { idf: table, median, .. } => {
            // Through the per-thread memo for the shared table, directly for any other (a
            // test's), since the memo remembers one table's answers.
            let look = |w: &str| Facts::of(w, |w| table.get(w).copied());
            let shared = std::ptr::eq(idf, Idf::shared());
            tf.iter()
                .filter_map(|(&word, &(count, tag))| {
                    let facts = if shared { memo::remembered(word, look) } else { look(word) };
                    let term = facts.genre || user_term(word);
                    if !facts.is_candidate(tag, term) {
                        return None;
                    }
                    let weight = facts.idf.or_else(|| (term || jieba.has_word(word)).then_some(*median))?;
                    Some((f64::from(count) * weight, word))
                })
                .collect()
        }
        Idf::Extractor(tfidf) => tfidf
            .extract_keywords(jieba, text, 200, vec![])
            .into_iter()
            .filter_map(|k| tf.get_key_value(k.keyword.as_str()).map(|(w, (_, tag))| (k.weight, *w, *tag)))
            .filter(|&(_, word, tag)| {
                let facts = Facts::of(word, |_| None);
                let term = facts.genre || user_term(word);
                facts.is_candidate(tag, term) && (term || jieba.has_word(word))
            })
            .map(|(weight, word, _)| (weight, word))
            .collect(),
    };
    // A total order (distinct words), so selecting the first TOP_K and sorting only them gives
    // exactly what sorting everything would.
    let order = |a: &(f64, &str), b: &(f64, &str)| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1));
    if scored.len() > TOP_K {
        scored.select_nth_unstable_by(TOP_K - 1, order);
        scored.truncate(TOP_K);
    }
    scored.sort_unstable_by(order);
    scored.into_iter().map(|(_, w)| w.to_string()).collect()
}

/// Is the word just before `next` the agency code of a 文号 (政办发 in 博市政办发〔2021〕12号)?
/// That is: an opening bracket, then a four-digit year (whitespace tokens between are skipped).
fn is_doc_number_code(next: &[(&str, &str)]) -> bool {
    // Asked for every word of two characters or more, and most are followed by a Han character
    // or punctuation, which the first character rejects before any trimming. The lead bytes
    // E4–E9 (U+4000–U+9FFF, the Han characters) start no bracket and no whitespace: rejected
    // without decoding the character.
    if let Some(t) = next.first() {
        if matches!(t.0.as_bytes().first(), Some(0xE4..=0xE9)) || !t.0.starts_with(|c: char| is_opener(c) || c.is_whitespace()) {
            return false;
        }
    }
    let mut rest = next.iter().map(|t| t.0).filter(|w| !w.trim().is_empty());
    matches!(rest.next(), Some(w) if w.chars().count() == 1 && w.starts_with(is_opener))
        && rest.next().is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
}

/// Is `c` a bracket that opens the year of a 文号? (A `match`: asked after every word of two
/// characters or more.)
fn is_opener(c: char) -> bool {
    matches!(c, '〔' | '﹝' | '[' | '【' | '(' | '（' | '［')
}

/// Parts of speech that never make a keyword: numerals, time words, quantifiers, pronouns,
/// prepositions, conjunctions, particles, adverbs, directions, interjections, non-words; and
/// person and place names (the addressee, the signer, the county: who and where, not what).
fn is_skipped_tag(tag: &str) -> bool {
    // A match, not a scan of a list of 31 strings: asked once per candidate word of every
    // document, and the compiler dispatches on length and bytes.
    matches!(
        tag,
        "m" | "mq" | "t" | "tg" | "q" | "r" | "rr" | "rz" | "p" | "c" | "u" | "uj" | "ul" | "ug" | "uv" | "uz"
            | "ud" | "d" | "f" | "x" | "w" | "e" | "y" | "o" | "zg" | "eng" | "nr" | "nrt" | "nrfg" | "ns" | "nsf"
    )
}

/// Characters that make up numbers, dates and counts written in words (二〇二四年, 十七届, 第三).
fn is_numeral_char(c: char) -> bool {
    // A match, not `str::contains`, which would scan the whole list for every character.
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿'
            | '两' | '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟' | '萬' | '第'
            | '年' | '月' | '日' | '号' | '届' | '次' | '个' | '元' | '角' | '分' | '余' | '多' | '几' | '半'
    )
}

/// Digits of any script jieba may leave in a word: ASCII, full-width, circled ①, Roman Ⅲ, 〇.
fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '０'..='９' | '\u{2460}'..='\u{24FF}' | '\u{2160}'..='\u{2188}' | '〇' | '\u{3021}'..='\u{3029}')
}

/// The form of a keyword, checked before any lookup: two characters or more, at least one Han,
/// no digit of any script.
fn has_keyword_form(word: &str) -> bool {
    let mut chars = 0;
    let mut han = false;
    for c in word.chars() {
        chars += 1;
        if is_digit_like(c) {
            return false;
        }
        han |= matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}');
    }
    chars >= 2 && han
}

/// What keyword ranking asks of a distinct word, all of it a function of the word alone, so the
/// per-thread memo ([`memo`]) answers it for words seen before.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Facts {
    /// The word's IDF in jieba's table, if there.
    pub idf: Option<f64>,
    /// Keyword form: two characters or more, at least one Han, no digit of any script.
    pub form: bool,
    /// A stop word (English ones in any case, as jieba's).
    pub stop: bool,
    /// An entry of the genre dictionary.
    pub genre: bool,
    /// Made of numeral characters only (二〇二四年, 十七届, 第三).
    pub numeral: bool,
}

impl Facts {
    /// The facts of `word`, its IDF from `idf`. A word without keyword form is never looked up.
    pub fn of(word: &str, idf: impl FnOnce(&str) -> Option<f64>) -> Facts {
        if !has_keyword_form(word) {
            return Facts::default();
        }
        let marks = lexicon::marks(word);
        Facts {
            idf: idf(word),
            form: true,
            stop: lexicon::is_stop_marked(word, marks),
            genre: marks.genre,
            numeral: word.chars().all(is_numeral_char),
        }
    }

    /// Can the word be a keyword, going by its form, the stop list and its tag? A dictionary
    /// `term` (genre or user) is kept even when it looks like a numeral (十四五, 十五五) or
    /// carries a skipped tag. (Whether jieba knows the word at all is checked with the weight:
    /// words only the HMM guessed, such as OCR fragments and 对县, are left out, as jieba's own
    /// keyword extraction does by cutting without HMM.)
    fn is_candidate(&self, tag: &str, term: bool) -> bool {
        self.form && !self.stop && (term || (!is_skipped_tag(tag) && !self.numeral))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jieba_table_is_read_not_fallen_back_from() {
        let idf = Idf::shared();
        assert!(idf.is_table(), "the embedded IDF table failed to load: keywords now cut twice");
        // Rare words weigh more than common ones; a known word missing from the table gets the
        // median; a word nobody knows gets nothing.
        let rare = idf.weight("延伸性", || false).unwrap();
        let common = idf.weight("发展", || false).unwrap();
        assert!(rare > common, "{rare} {common}");
        let median = idf.weight("邵市发改函", || true).unwrap();
        assert!(median > 5.0 && median < 15.0, "{median}");
        assert_eq!(idf.weight("邵市发改函", || false), None);
    }

    #[test]
    fn ranking_by_tf_idf_with_ties_broken_by_the_word() {
        let jieba = Jieba::new();
        let table: FastMap<&'static str, f64> = [("城镇化", 5.0), ("特色小镇", 10.0), ("载体", 9.0)].into_iter().collect();
        let idf = Idf::Table { idf: table, median: 8.0 };
        let tagged = [
            ("特色小镇", "nz"), ("是", "v"), ("城镇化", "vn"), ("的", "uj"), ("载体", "n"), ("，", "x"),
            ("城镇化", "vn"), ("对县", "v"), ("我委", "r"), ("十五五", "m"), ("工作", "vn"), ("专项债", "n"),
        ];
        let term = |w: &str| w == "十五五" || w == "专项债";
        // 城镇化 2×5 = 特色小镇 1×10 (tie: 城 U+57CE before 特 U+7279), 载体 9, then the two
        // dictionary terms missing from the table at the median 8 (专 U+4E13 before 十 U+5341).
        // 对县 is known to nobody; 我委 and 工作 are stop words.
        assert_eq!(top(&idf, &jieba, "", &tagged, term), ["城镇化", "特色小镇", "载体", "专项债", "十五五"]);
    }

    #[test]
    fn a_tie_at_the_tenth_place_goes_to_the_word() {
        let jieba = Jieba::new();
        // Ten words twice at IDF 5 (weight 10) and one word once at IDF 10: its weight 10 ties
        // with the tenth best, and the tie goes to the word (乙醇 before 辛未).
        let twice = ["甲子", "乙丑", "丙寅", "丁卯", "戊辰", "己巳", "庚午", "辛未", "壬申", "癸酉"];
        let mut table: FastMap<&'static str, f64> = twice.iter().map(|w| (*w, 5.0)).collect();
        table.insert("乙醇", 10.0);
        table.insert("丙烯", 9.5);
        let idf = Idf::Table { idf: table, median: 8.0 };
        let mut tagged: Vec<(&str, &str)> = twice.iter().flat_map(|w| [(*w, "n"), ("，", "x"), (*w, "n")]).collect();
        tagged.extend([("乙醇", "n"), ("丙烯", "n")]);
        let got = top(&idf, &jieba, "", &tagged, |_| false);
        assert_eq!(got, ["丁卯", "丙寅", "乙丑", "乙醇", "壬申", "己巳", "庚午", "戊辰", "甲子", "癸酉"]);
    }

    #[test]
    fn fallback_extractor_ranks_like_the_table() {
        let segmenter = crate::segment::Segmenter::new(None).unwrap();
        let jieba = segmenter.jieba();
        let text = "特色小镇是新型城镇化的重要载体。我委积极争取资金支持特色小镇建设，支持特色小镇配套基础设施建设。";
        let tags = jieba.tag(text, true);
        let tagged: Vec<(&str, &str)> = tags.iter().map(|t| (t.word, t.tag)).collect();
        let term = |w: &str| w == "特色小镇";
        let fallback = top(&Idf::Extractor(TfIdf::default()), jieba, text, &tagged, term);
        let table = top(Idf::shared(), jieba, text, &tagged, term);
        assert_eq!(fallback.first().map(String::as_str), Some("特色小镇"), "{fallback:?}");
        assert_eq!(fallback.first(), table.first());
        assert!(!fallback.iter().any(|w| w == "我委" || w == "建设"), "{fallback:?}");
    }

    /// The whole candidate test: form, stop list, tag, dictionary terms.
    fn is_candidate(word: &str, tag: &str, user_term: impl Fn(&str) -> bool) -> bool {
        let facts = Facts::of(word, |_| None);
        facts.is_candidate(tag, facts.genre || user_term(word))
    }

    #[test]
    fn candidates_exclude_numbers_dates_placeholders_and_names() {
        let none = |_: &str| false;
        for (w, tag) in [
            ("2024", "m"), ("二〇二四年", "m"), ("十七届", "m"), ("三次", "m"), ("第一", "m"), ("我局", "r"),
            ("答复", "v"), ("代表", "n"), ("债", "n"), ("１５７９", "m"), ("，", "x"), ("AB", "eng"),
            ("进一步", "d"), ("7.7亿元", "m"), ("王建平", "nr"), ("邵阳", "ns"), ("①号", "n"),
        ] {
            assert!(!is_candidate(w, tag, none), "{w}");
        }
        for (w, tag) in [("城镇化", "vn"), ("污水处理", "l"), ("排灌", "v")] {
            assert!(is_candidate(w, tag, none), "{w}");
        }
        // 十六五 looks like a numeral: only a dictionary term may be a keyword (十五五 is one in
        // the genre dictionary; 十六五 only when a user dictionary has it).
        assert!(is_candidate("十五五", "m", none));
        assert!(is_candidate("十六五", "m", |w: &str| w == "十六五"));
        assert!(!is_candidate("十六五", "m", none));
    }

    #[test]
    fn agency_code_of_a_doc_number_is_not_a_keyword() {
        assert!(is_doc_number_code(&[("〔", "x"), ("2021", "m"), ("〕", "x")]));
        assert!(is_doc_number_code(&[(" ", "x"), ("[", "x"), ("2024", "m")]));
        assert!(!is_doc_number_code(&[("〔", "x"), ("第", "m")]));
        assert!(!is_doc_number_code(&[("建设", "vn"), ("2021", "m")]));
        assert!(!is_doc_number_code(&[]));
        // Every character the Han fast path rejects is really neither bracket nor whitespace.
        for c in ('\u{4000}'..='\u{9FFF}').filter(|c| c.len_utf8() == 3) {
            assert!(!is_opener(c) && !c.is_whitespace(), "{c}");
            let w = c.to_string();
            assert!(!is_doc_number_code(&[(w.as_str(), "x"), ("2021", "m")]), "{c}");
        }
        assert!(is_doc_number_code(&[("\u{3000}", "x"), ("（", "x"), ("2021", "m")]));
    }
}
