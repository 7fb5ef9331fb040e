//! The genre stop list for keywords: `assets/stop_words.txt` plus jieba's 31 English stop words
//! (the only ones jieba ships), looked up in the shared table of [`super::lexicon`].

/// The stop-word file shipped with dafu: one word per line, `#` comments.
pub const STOP_WORDS_FILE: &str = include_str!("../../assets/stop_words.txt");

/// The words of a stop-word file (whitespace-separated, `#` lines skipped).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter(|l| !l.trim_start().starts_with('#')).flat_map(str::split_whitespace)
}

/// Is `word` a stop word? English stop words match in any case, as jieba's do.
pub fn is_stop(word: &str) -> bool {
    super::lexicon::is_stop(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn genre_placeholders_and_english_are_stopped() {
        for w in ["我局", "答复", "建议", "代表", "我委", "你们", "工作", "一是", "下一步", "the", "The"] {
            assert!(is_stop(w), "{w}");
        }
    }

    #[test]
    fn topic_words_are_not_stopped() {
        for w in ["特色小镇", "城镇化", "专项债", "污水处理", "乡村振兴"] {
            assert!(!is_stop(w), "{w}");
        }
    }
}
