//! The names of a salutation: split on 、，, and layout spaces, each checked to look like a
//! person (2-4 characters, or up to 16 with a · ; no collective word such as 各位 or 人大).

/// Words that make a "name" a collective or an institution rather than a person.
pub(super) const NOT_NAMES: [&str; 10] = ["各位", "全体", "人大", "政协", "有关", "广大", "尊敬", "亲爱", "提案", "建议"];

/// One piece between separators: `张 雷` (single characters spaced out) is one name,
/// `王建平 李晓艳 代德忠` (whole names) is several.
pub(super) fn split_spaced(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let whole_names = words.len() > 1 && words.iter().all(|w| (2..=4).contains(&w.chars().count()));
    if whole_names {
        words.iter().map(|w| w.to_string()).collect()
    } else {
        vec![words.concat()]
    }
}

/// The names of a salutation, layout spaces removed; `None` unless every one looks like a person.
pub(super) fn names(s: &str) -> Option<Vec<String>> {
    let mut list = Vec::new();
    for piece in s.split(['、', '，', ',']) {
        // (a piece without a space is one name as it stands: no split, no copy to join)
        if piece.contains(char::is_whitespace) {
            for p in split_spaced(piece) {
                push_name(&mut list, &p)?;
            }
        } else {
            push_name(&mut list, piece)?;
        }
    }
    (!list.is_empty()).then_some(list)
}

/// Adds a name to `list` (empty ones are skipped); `None` when it does not look like a person.
pub(super) fn push_name(list: &mut Vec<String>, p: &str) -> Option<()> {
    // 张三代表、李四代表: each name may carry the role itself
    let p = p.trim_end_matches('等');
    let p = p.strip_suffix("代表").or_else(|| p.strip_suffix("委员")).unwrap_or(p);
    if p.is_empty() {
        return Some(());
    }
    let len = p.chars().count();
    let dotted = p.contains(['·', '•']);
    // (the first characters of the collective words, looked for once before the words)
    let person = (2..=if dotted { 16 } else { 4 }).contains(&len)
        && !(p.contains(NOT_NAME_STARTS) && NOT_NAMES.iter().any(|w| p.contains(w)));
    person.then(|| list.push(p.to_string()))
}

/// The first character of each of [`NOT_NAMES`].
pub(super) const NOT_NAME_STARTS: [char; 10] = ['各', '全', '人', '政', '有', '广', '尊', '亲', '提', '建'];
