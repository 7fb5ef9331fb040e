//! Spaced-out labels closed up: `联 系 人:张 雷` → `联系人:张 雷`, `答    复` → `答复`,
//! `类 别:B` → `类别:B`.
//!
//! Rule: at the start of a line, a run of two or more single CJK characters separated by spaces,
//! followed by `:` (after the width fold) or the end of the line. Spaces between real words
//! (`中共中央办公厅 国务院办公厅`) or inside a sentence (`您 们在…`) are left alone, because there
//! one of the pieces is longer than one character.

/// CJK ideograph (the letters of Chinese text, not its punctuation).
pub(super) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x3007)
}

/// The closed-up line, or `None` when the line does not start with a spaced-out label.
pub(super) fn close_up(line: &str) -> Option<String> {
    let mut it = line.char_indices().peekable();
    let mut kept = String::new();
    let mut count = 0;
    loop {
        let (_, c) = it.next()?;
        if !is_han(c) {
            return None;
        }
        kept.push(c);
        count += 1;
        // After a single character: spaces, a colon or the end of the line.
        let mut spaces = 0;
        while let Some(&(_, ' ')) = it.peek() {
            it.next();
            spaces += 1;
        }
        match it.peek() {
            None => return (count >= 2).then_some(kept),
            Some(&(at, ':')) => {
                if count < 2 {
                    return None;
                }
                kept.push_str(line.get(at..).unwrap_or(""));
                return Some(kept);
            }
            Some(_) if spaces == 0 => return None, // a word of two or more characters
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::close_up;

    #[test]
    fn contact_label_closed_name_left_for_extractors() {
        assert_eq!(close_up("联 系 人:张 雷 联系电话:56155520").as_deref(), Some("联系人:张 雷 联系电话:56155520"));
    }

    #[test]
    fn whole_line_label_and_label_with_wide_spaces() {
        assert_eq!(close_up("答    复").as_deref(), Some("答复"));
        assert_eq!(close_up("抄  送:市人大联工委").as_deref(), Some("抄送:市人大联工委"));
        assert_eq!(close_up("类 别:B").as_deref(), Some("类别:B"));
        assert_eq!(close_up("内 容:").as_deref(), Some("内容:"));
    }

    #[test]
    fn space_before_colon_closed_too() {
        // real-dev 006: `索 引 号 : 主题分类: 科技、教育`
        assert_eq!(close_up("索 引 号 : 主题分类: 科技、教育").as_deref(), Some("索引号: 主题分类: 科技、教育"));
    }

    #[test]
    fn words_and_sentences_untouched() {
        assert_eq!(close_up("中共中央办公厅 国务院办公厅"), None);
        assert_eq!(close_up("您 们在县十八届人大二次会议上提出的“关于…的议案”"), None);
        assert_eq!(close_up("王立超  委员"), None);
        assert_eq!(close_up("联系人:张 雷"), None);
        assert_eq!(close_up("答复"), None);
        assert_eq!(close_up("A B:"), None);
        assert_eq!(close_up("张 :"), None);
        assert_eq!(close_up(""), None);
    }
}
