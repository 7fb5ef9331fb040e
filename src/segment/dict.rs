//! Dictionaries for jieba: the built-in genre dictionary and users' `--user-dict` files, both in
//! jieba's `word freq tag` format, validated line by line before jieba sees them.
//!
//! jieba's own loader accepts a line without a frequency (and then segments worse: 邵市发改函 came
//! out 邵/市/发/改/函) and its TF-IDF loader panics on a bad line, so every line is checked here and
//! a bad one is reported with its file and line number.

use std::path::Path;

use super::SegmentError;

/// The genre dictionary shipped with dafu (agency names, funds, plans, slogans, 人大/政协 terms).
pub const GENRE_DICT: &str = include_str!("../../assets/genre_dict.txt");

/// Name under which errors in [`GENRE_DICT`] are reported.
pub const GENRE_DICT_NAME: &str = "assets/genre_dict.txt";

/// One dictionary line: the word, its frequency and its part-of-speech tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub word: String,
    pub freq: usize,
    pub tag: String,
    /// 1-based line number in its file.
    pub line: usize,
}

/// Parse a whole dictionary. Blank lines and lines starting with `#` are skipped; every other
/// line must be exactly `word freq tag`. `origin` names the file in error messages.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Entry>, SegmentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        if let Some(entry) = parse_line(raw, line).map_err(|message| SegmentError::BadLine {
            path: origin.to_string(),
            line,
            message,
        })? {
            entries.push(entry);
        }
    }
    Ok(entries)
}

/// Read and parse a user's dictionary file.
pub fn load_user(path: &Path) -> Result<Vec<Entry>, SegmentError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| SegmentError::Io { path: shown.clone(), source })?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let good = e.as_bytes().get(..e.utf8_error().valid_up_to()).unwrap_or_default();
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(SegmentError::BadLine {
                path: shown,
                line,
                message: "not UTF-8 (save the dictionary as UTF-8)".to_string(),
            });
        }
    };
    parse(&text, &shown)
}

/// `Ok(None)` for a blank or comment line, the entry for a good line, the reason for a bad one.
fn parse_line(raw: &str, line: usize) -> Result<Option<Entry>, String> {
    let trimmed = raw.trim_end();
    if trimmed.trim_start().is_empty() || trimmed.starts_with('#') {
        return Ok(None);
    }
    // A leading separator means the word field is empty ("\t100\tn" from a spreadsheet export):
    // reading the frequency as the word would add the word "100".
    if trimmed.starts_with(char::is_whitespace) {
        return Err("empty word: the line starts with whitespace; expected `word freq tag`".to_string());
    }
    let fields: Vec<&str> = trimmed.split_whitespace().collect();
    let (word, freq, tag) = match fields.as_slice() {
        [word, freq, tag] => (*word, *freq, *tag),
        [word] => return Err(format!("`{word}` has no frequency and no tag; expected `word freq tag`")),
        [word, second] => {
            return Err(if second.parse::<u64>().is_ok() {
                format!("`{word}` has no tag; expected `word freq tag`, e.g. `{word} {second} n`")
            } else {
                format!("`{word}` has no frequency (`{second}` is not a number); expected `word freq tag`")
            })
        }
        _ => {
            return Err(format!(
                "{} fields; expected 3, `word freq tag` (a word cannot contain spaces)",
                fields.len()
            ))
        }
    };
    let freq: usize = freq
        .parse()
        .map_err(|_| format!("frequency `{freq}` of `{word}` is not a whole number"))?;
    if freq == 0 {
        return Err(format!("frequency of `{word}` is 0; use at least 1"));
    }
    if !tag.chars().all(|c| c.is_ascii_alphabetic()) || tag.len() > 8 {
        return Err(format!("tag `{tag}` of `{word}` is not a part-of-speech tag (letters, e.g. n nz nt nr)"));
    }
    if let Some(c) = word.chars().find(|&c| !is_word_char(c)) {
        return Err(format!(
            "`{word}` contains `{c}`, where jieba splits the text before looking words up: it can never match"
        ));
    }
    Ok(Some(Entry { word: word.to_string(), freq, tag: tag.to_string(), line }))
}

/// The characters jieba keeps together in one block before consulting the dictionary
/// (CJK ideographs, ASCII letters and digits, `+#&._%-`).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, '+' | '#' | '&' | '.' | '_' | '%' | '-')
        || matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{2A6DF}'
            | '\u{2A700}'..='\u{2EBEF}'
            | '\u{2F800}'..='\u{2FA1F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, "u.txt").unwrap_err().to_string()
    }

    #[test]
    fn genre_dictionary_is_well_formed_and_large() {
        let entries = parse(GENRE_DICT, GENRE_DICT_NAME).unwrap();
        assert!(entries.len() >= 310, "{} entries", entries.len());
        let mut words: Vec<&str> = entries.iter().map(|e| e.word.as_str()).collect();
        words.sort_unstable();
        let before = words.len();
        words.dedup();
        assert_eq!(before, words.len(), "duplicate words in the genre dictionary");
    }

    #[test]
    fn good_lines_comments_and_blank_lines() {
        let entries = parse("\u{feff}# agencies\n\n邵市发改函 3000 nt\r\n住建局\t2000\tj\n", "u.txt").unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0], Entry { word: "邵市发改函".into(), freq: 3000, tag: "nt".into(), line: 3 });
        assert_eq!(entries[1].line, 4);
        assert_eq!(entries[1].tag, "j");
    }

    #[test]
    fn missing_frequency_names_file_and_line() {
        let e = err("住建局 2000 j\n邵市发改函 nt\n");
        assert!(e.starts_with("u.txt:2: "), "{e}");
        assert!(e.contains("no frequency"), "{e}");
    }

    #[test]
    fn missing_tag_word_only_and_too_many_fields() {
        assert!(err("邵市发改函 3000").contains("u.txt:1: `邵市发改函` has no tag"));
        assert!(err("x 1 n\n\n邵市发改函").starts_with("u.txt:3: "));
        assert!(err("特色 小镇 10 n").contains("4 fields"));
    }

    #[test]
    fn bad_numbers_tags_and_words() {
        assert!(err("专项债 1.5 n").contains("not a whole number"));
        assert!(err("专项债 -3 n").contains("not a whole number"));
        assert!(err("专项债 0 n").contains("is 0"));
        assert!(err("专项债 99999999999999999999999 n").contains("not a whole number"));
        assert!(err("专项债 10 名词").contains("not a part-of-speech tag"));
        assert!(err("\t100\tn").contains("empty word"));
        assert!(err("湘政办发〔2019〕 10 n").contains("can never match"));
    }

    #[test]
    fn non_utf8_file_reports_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.txt");
        // line 2 is "专项债 10 n" in GBK
        let mut bytes = b"abc 10 n\n".to_vec();
        bytes.extend_from_slice(b"\xd7\xa8\xcf\xee\xd5\xae 10 n\n");
        std::fs::write(&path, bytes).unwrap();
        let e = load_user(&path).unwrap_err().to_string();
        assert!(e.contains("gbk.txt:2: not UTF-8"), "{e}");
        let missing = load_user(&dir.path().join("none.txt")).unwrap_err().to_string();
        assert!(missing.contains("cannot read user dictionary"), "{missing}");
    }
}
