//! Person-name hints: words jieba tags `nr` (its HMM tags unknown words too), offered to the
//! addressee and contact extractors, which decide for themselves.

use super::stop;

/// Words tagged `nr` (or `nrt`/`nrfg`), 2–4 Han characters, not stop words: in order of first
/// appearance, each once.
pub fn person_names<'a>(tagged: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (word, tag) in tagged {
        if !tag.starts_with("nr") {
            continue;
        }
        let chars = word.chars().count();
        if !(2..=4).contains(&chars) || !word.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')) {
            continue;
        }
        if stop::is_stop(word) || names.iter().any(|n| n == word) {
            continue;
        }
        names.push(word.to_string());
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_first_appearance_dedup_and_length() {
        let tagged = [
            ("陈业华", "nr"), ("代表", "n"), ("曹权文", "nr"), ("陈业华", "nr"), ("张", "nr"),
            ("欧阳娜娜", "nr"), ("司马相如之后", "nr"), ("A", "nr"), ("李明", "nrfg"), ("特色", "n"),
        ];
        assert_eq!(person_names(tagged.into_iter()), ["陈业华", "曹权文", "欧阳娜娜", "李明"]);
    }
}
