//! Person names as layout leaves them: the Han-character chunks a value starts with, and a name
//! spread by layout spaces (`龙 英`, `张 雷`) closed up again. Shared by the signer and contact
//! extractors, which differ only in what they strip around the name.

/// The whitespace-separated chunks of name characters at the start of `value`, up to the first
/// character that `is_name_char` rejects.
pub fn leading_chunks(value: &str, is_name_char: fn(char) -> bool) -> Vec<String> {
    let mut chunks: Vec<String> = Vec::new();
    let mut chunk = String::new();
    for c in value.trim_start().chars() {
        if c.is_whitespace() {
            if !chunk.is_empty() {
                chunks.push(std::mem::take(&mut chunk));
            }
        } else if is_name_char(c) {
            chunk.push(c);
        } else {
            break;
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// The first chunk as a name. A single character is a name spread by layout spaces: it is
/// closed up with the short chunks that follow, up to three characters.
pub fn close_up(chunks: Vec<String>) -> Option<String> {
    let mut iter = chunks.into_iter();
    let mut name = iter.next()?;
    if name.chars().count() == 1 {
        for next in iter {
            let n = next.chars().count();
            if n > 2 || name.chars().count() + n > 3 {
                break;
            }
            name.push_str(&next);
        }
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn han(c: char) -> bool {
        matches!(c, '\u{4E00}'..='\u{9FFF}' | '·')
    }

    #[test]
    fn spread_names_are_closed_up() {
        assert_eq!(close_up(leading_chunks("张 雷 联系电话", han)).as_deref(), Some("张雷"));
        assert_eq!(close_up(leading_chunks("龙 英", han)).as_deref(), Some("龙英"));
        assert_eq!(close_up(leading_chunks("张  征 市公安局东区分局纪委书记", han)).as_deref(), Some("张征"));
        assert_eq!(close_up(leading_chunks("曹权文 15842986508", han)).as_deref(), Some("曹权文"));
        assert_eq!(close_up(leading_chunks(" 15842986508", han)), None);
    }
}
