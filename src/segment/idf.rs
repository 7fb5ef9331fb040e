//! jieba's IDF table, shipped with dafu as a compact text asset so that start-up does not pay
//! for rebuilding it.
//!
//! jieba-rs keeps its table private: the only public view is `TfIdf`'s `Debug` form, and
//! building `TfIdf::default()` then printing and re-parsing it cost ~0.4 s of CPU and ~60 MB at
//! every start. `assets/jieba_idf.txt` holds the same table, written once from that view
//! (`DAFU_WRITE_IDF=1 cargo test --lib segment::idf`); the test
//! `asset_is_jiebas_table` fails if it ever differs from the jieba-rs we build against.
//!
//! Format (UTF-8, `\n` line ends): the first line is the median IDF; then blocks of one line
//! `\t<idf>` (a tab cannot start a jieba word) followed by the words with that IDF, one per line.
//! Values are written in Rust's shortest round-trip form, so parsing gives the same `f64` bits.
//! Grouping by value keeps the file small: 270,000 words share ~3,300 distinct weights.

use super::hash::FastMap;

/// The asset: jieba-rs 0.11's `idf.txt`, grouped by weight.
pub const JIEBA_IDF: &str = include_str!("../../assets/jieba_idf.txt");

/// The table as a map from word to weight (borrowing the embedded text: no per-word allocation)
/// and the median weight. `None` if the asset is malformed (a bug the tests catch).
pub fn parse(text: &'static str) -> Option<(FastMap<&'static str, f64>, f64)> {
    let mut lines = text.split('\n');
    let median: f64 = lines.next()?.parse().ok()?;
    // ~270,000 words: size the map once instead of growing it ten times.
    let words = text.len() / 10;
    let mut idf = FastMap::with_capacity_and_hasher(words, Default::default());
    let mut weight = None;
    for line in lines {
        if let Some(value) = line.strip_prefix('\t') {
            weight = Some(value.parse::<f64>().ok()?);
        } else if !line.is_empty() {
            idf.insert(line, weight?);
        }
    }
    Some((idf, median))
}

/// The text of the asset for a table: median first, then weights descending (by bits for
/// equal-looking values), words sorted within each weight.
#[cfg(test)]
fn render(idf: &FastMap<Box<str>, f64>, median: f64) -> String {
    use std::collections::BTreeMap;
    let mut by_weight: BTreeMap<std::cmp::Reverse<u64>, Vec<&str>> = BTreeMap::new();
    for (word, value) in idf {
        // IDF weights are positive, so the bit patterns order like the values.
        by_weight.entry(std::cmp::Reverse(value.to_bits())).or_default().push(word);
    }
    let mut out = format!("{median}\n");
    for (bits, mut words) in by_weight {
        words.sort_unstable();
        out.push_str(&format!("\t{}\n", f64::from_bits(bits.0)));
        for w in words {
            out.push_str(w);
            out.push('\n');
        }
    }
    out
}

/// Read the IDF table out of `TfIdf`'s `Debug` form:
/// `TfIdf { idf_dict: {"word": 12.5, ...}, median_idf: 11.9, config: ... }`.
#[cfg(test)]
fn parse_debug(s: &str) -> Option<(FastMap<Box<str>, f64>, f64)> {
    let start = s.find("idf_dict: {")? + "idf_dict: {".len();
    let mut rest = s.get(start..)?;
    let mut idf = FastMap::with_capacity_and_hasher(300_000, Default::default());
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
#[cfg(test)]
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
    fn asset_format_round_trips() {
        let table: FastMap<Box<str>, f64> = [("延伸性", 12.5143832909), ("光化学", 12.5143832909), ("发展", 2.8), ("a", 0.1)]
            .into_iter()
            .map(|(w, v)| (w.into(), v))
            .collect();
        let text = render(&table, 11.5);
        // Median, then weights descending, words sorted under each.
        assert_eq!(text, "11.5\n\t12.5143832909\n光化学\n延伸性\n\t2.8\n发展\n\t0.1\na\n");
        let leaked: &'static str = Box::leak(text.into_boxed_str());
        let (idf, median) = parse(leaked).unwrap();
        assert_eq!(median, 11.5);
        assert_eq!(idf.len(), 4);
        assert_eq!(idf.get("光化学"), Some(&12.5143832909));
        assert_eq!(idf.get("a"), Some(&0.1));
        assert!(parse("not a number\n").is_none());
        assert!(parse("1.0\nword before any weight\n").is_none());
    }

    /// The asset is exactly jieba's table: every word, every weight bit for bit, the median.
    /// With `DAFU_WRITE_IDF=1` it (re)writes the asset first, after a jieba-rs upgrade.
    #[test]
    fn asset_is_jiebas_table() {
        let tfidf = jieba_rs::TfIdf::default();
        let (expected, median) = parse_debug(&format!("{tfidf:?}")).expect("TfIdf Debug form changed");
        assert!(expected.len() > 100_000, "{}", expected.len());
        if std::env::var_os("DAFU_WRITE_IDF").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/jieba_idf.txt");
            std::fs::write(path, render(&expected, median)).expect("write the asset");
            return;
        }
        let (ours, our_median) = parse(JIEBA_IDF).expect("asset parses");
        assert_eq!(our_median.to_bits(), median.to_bits());
        assert_eq!(ours.len(), expected.len());
        for (word, value) in &expected {
            assert_eq!(ours.get(&**word).map(|v| v.to_bits()), Some(value.to_bits()), "{word}");
        }
    }
}
