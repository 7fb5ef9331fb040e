//! The matches of the contact label pattern (`labels::LABEL`, kept as the oracle in the tests)
//! on one line, found by a hand-written scanner: a regex search per label line paid a set-up of
//! several hundred instructions per call, on lines of a few dozen characters.
//!
//! At each character, the alternatives that can open with it are tried in the regex's order,
//! leftmost-first: every optional part is greedy, and none can make a later required part fail
//! where leaving it out would succeed (the character after it would then have to open the
//! required part, and it never does), so no backtracking is needed. `\s` is
//! `char::is_whitespace`.

/// The next label match in `line` starting at or after byte `from` (a character boundary):
/// its start and end, as `LABEL.find_at(line, from)` gives them.
pub fn next_label(line: &str, from: usize) -> Option<(usize, usize)> {
    let rest = line.get(from..)?;
    rest.char_indices().find_map(|(k, c)| at(line, from + k, c).map(|end| (from + k, end)))
}

/// The label matches of `line`, in order, like `LABEL.find_iter(line)`.
pub fn labels(line: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let (start, end) = next_label(line, from)?;
        from = end;
        Some((start, end))
    })
}

/// The character at byte `i`, if it is one of `set`: the byte after it.
fn one(s: &str, i: usize, set: &[char]) -> Option<usize> {
    let c = s.get(i..)?.chars().next()?;
    set.contains(&c).then(|| i + c.len_utf8())
}

/// Past the whitespace at byte `i`.
fn spaces(s: &str, i: usize) -> usize {
    let rest = s.get(i..).unwrap_or("");
    i + (rest.len() - rest.trim_start().len())
}

/// `\s*` then one of `set`.
fn then(s: &str, i: usize, set: &[char]) -> Option<usize> {
    one(s, spaces(s, i), set)
}

/// `\s*[:：]?`, greedy: past the colon, or `i` without one.
fn colon(s: &str, i: usize) -> usize {
    then(s, i, &[':', '：']).unwrap_or(i)
}

/// `电\s*话|電\s*話|方\s*式|手\s*机|手\s*機` at `i` (the name label's suffix).
fn suffix_word(s: &str, i: usize) -> Option<usize> {
    let c = s.get(i..)?.chars().next()?;
    let j = i + c.len_utf8();
    match c {
        '电' => then(s, j, &['话']),
        '電' => then(s, j, &['話']),
        '方' => then(s, j, &['式']),
        '手' => then(s, j, &['机', '機']),
        _ => None,
    }
}

/// `电\s*话|電\s*話|方\s*式` at `i` (after 联系 in the phone label).
fn phone_word(s: &str, i: usize) -> Option<usize> {
    let c = s.get(i..)?.chars().next()?;
    let j = i + c.len_utf8();
    match c {
        '电' => then(s, j, &['话']),
        '電' => then(s, j, &['話']),
        '方' => then(s, j, &['式']),
        _ => None,
    }
}

/// The name label after its `人` at `j`: the optional `及联系电话` suffix, then the optional colon.
fn name_tail(s: &str, j: usize) -> usize {
    let mut k = spaces(s, j);
    if let Some(k2) = one(s, k, &['及', '和', '/', '、']) {
        k = spaces(s, k2);
    }
    let rest = s.get(k..).unwrap_or("");
    if ["联系", "聯系", "聯繫"].iter().any(|w| rest.starts_with(w)) {
        k = spaces(s, k + "联系".len());
    }
    colon(s, suffix_word(s, k).unwrap_or(j))
}

/// `\s*` then each set in turn.
fn seq(s: &str, mut i: usize, sets: &[&[char]]) -> Option<usize> {
    for set in sets {
        i = then(s, i, set)?;
    }
    Some(i)
}

/// `\s*人?` greedy after `i` (审核人, 核稿人): the trailing spaces are taken even without 人.
fn optional_person(s: &str, i: usize) -> usize {
    let k = spaces(s, i);
    one(s, k, &['人']).unwrap_or(k)
}

/// `(?i:e-?mail)` after the `e` at `i`.
fn email(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?.as_bytes();
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    let word = rest.get(..4)?;
    word.eq_ignore_ascii_case(b"mail").then(|| s.len() - (rest.len() - 4))
}

/// The end of the match starting with `c` at byte `i`, the alternatives in the regex's order.
fn at(s: &str, i: usize, c: char) -> Option<usize> {
    let j = i + c.len_utf8();
    match c {
        '联' | '聯' => {
            if let Some(k) = seq(s, j, &[&['系', '繫', '络', '絡'], &['人']]) {
                return Some(name_tail(s, k));
            }
            let k = then(s, j, &['系', '繫'])?;
            phone_word(s, spaces(s, k)).map(|e| colon(s, e))
        }
        '承' | '经' | '經' => seq(s, j, &[&['办', '辦'], &['人']]).map(|k| name_tail(s, k)),
        '办' | '辦' => {
            let rest = s.get(i..)?;
            if !(rest.starts_with("办公") || rest.starts_with("辦公")) {
                return None;
            }
            let k = one(s, i + "办公".len(), &['电', '電'])?;
            then(s, k, &['话', '話']).map(|e| colon(s, e))
        }
        '电' | '電' => then(s, j, &['话', '話']).map(|e| colon(s, e)),
        '手' => then(s, j, &['机', '機']).map(|e| colon(s, e)),
        '传' | '傳' => then(s, j, &['真']),
        '邮' => seq(s, j, &[&['政'], &['编'], &['码']]).or_else(|| then(s, j, &['编'])).or_else(|| then(s, j, &['箱'])),
        '郵' => seq(s, j, &[&['政'], &['編'], &['碼']]).or_else(|| then(s, j, &['編'])).or_else(|| then(s, j, &['箱'])),
        '签' => seq(s, j, &[&['发'], &['人']]),
        '簽' => seq(s, j, &[&['發'], &['人']]),
        '领' => seq(s, j, &[&['导'], &['签'], &['发']]),
        '領' => seq(s, j, &[&['導'], &['簽'], &['發']]),
        '审' | '審' => then(s, j, &['核']).map(|k| optional_person(s, k)),
        '核' => then(s, j, &['稿']).map(|k| optional_person(s, k)),
        '负' => seq(s, j, &[&['责'], &['人']]),
        '負' => seq(s, j, &[&['責'], &['人']]),
        '地' => then(s, j, &['址']),
        'e' | 'E' => email(s, j),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::contacts::labels::LABEL;

    fn oracle(line: &str) -> Vec<(usize, usize)> {
        LABEL.find_iter(line).map(|m| (m.start(), m.end())).collect()
    }

    /// Every line of every fixture and real-dev text, and tricky snippets, as the regex finds.
    #[test]
    fn same_matches_as_the_regex() {
        let mut lines = crate::extract::samples::fixture_lines();
        for text in crate::extract::samples::real_dev_texts() {
            lines.extend(text.split('\n').map(String::from));
        }
        lines.extend(
            [
                "联 系 人 ：张三 联系电话 ：1", "聯繫人及電話：李", "经\u{2003}办 人", "承办人/联系方式", "联络人", "联系方式 :",
                "办公电话", "辦公電話：", "办公 电话", "辦公电話", "手 機", "传 真：", "邮政编码", "邮 政 编码", "邮政编", "邮编",
                "郵政編碼", "郵 編", "邮箱", "郵箱", "签 发 人", "签发", "领导签发：", "領導簽發", "领导签", "审核", "审 核 人",
                "审核  ", "审核 x", "審核人", "核稿", "核稿人 ", "核 稿\u{3000}", "负责人", "負責人", "负责", "地 址", "地\n址",
                "E-MAIL:", "email", "e-Mail", "e--mail", "e-mai", "Email", "eMAIL", "联系电话联系人", "联系人 及 联系 电 话：",
                "联系人和手机：", "联系人、联系电话", "联系人 / 方式", "联系人及", "联系人联系", "联系人联系电", "联系人及传真",
                "联系人電話", "联系人电話", "联系 人", "联 络 人:", "联系 电 话", "聯系方式", "联系方", "电 話：", "電话", "电",
                "手机号码：", "手 ", "联系人\n：", "联系人\t:\u{3000}", "承辦人", "經辦人：", "经办", "人联系人", "（联系人：张三，电话：1）",
                "联系电话/传真：0731-1", "监督电话：12345", "e", "E-", "联", "",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for line in &lines {
            let fast: Vec<(usize, usize)> = labels(line).collect();
            assert_eq!(fast, oracle(line), "{line:?}");
            found += fast.len();
            // from every character boundary too
            for (i, _) in line.char_indices() {
                let want = LABEL.find_at(line, i).map(|m| (m.start(), m.end()));
                assert_eq!(next_label(line, i), want, "{line:?} from {i}");
            }
        }
        assert!(found > 100, "{found}");
    }

    /// `(?i:...)` in the regex folds case by Unicode rules: no character but the ASCII letters
    /// themselves stands for e, m, a, i or l.
    #[test]
    fn email_letters_fold_only_to_ascii() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let c = c.encode_utf8(&mut buf);
            for line in [format!("{c}-mail"), format!("e{c}ail"), format!("em{c}il"), format!("ema{c}l"), format!("emai{c}")] {
                assert_eq!(labels(&line).collect::<Vec<_>>(), oracle(&line), "{line:?}");
            }
        }
    }

    proptest::proptest! {
        /// Generated label-like lines: the pieces of every label, spaces, colons and values.
        #[test]
        fn same_matches_on_generated_lines(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "联", "聯", "系", "繫", "络", "絡", "人", "承", "经", "經", "办", "辦", "公", "及", "和", "/", "、", "电",
                "電", "话", "話", "方", "式", "手", "机", "機", "传", "傳", "真", "邮", "郵", "政", "编", "編", "码", "碼",
                "签", "簽", "发", "發", "领", "領", "导", "導", "审", "審", "核", "稿", "负", "負", "责", "責", "地", "址",
                "箱", "e", "E", "-", "m", "M", "a", "i", "l", "L", ":", "：", " ", "\u{3000}", "\t", "\n", "\u{a0}", "张三",
                "（", "13800000000", "；", "。", "联系", "联系人", "电话", "办公电话", "e-mail",
            ]), 0..16),
        ) {
            let line: String = parts.concat();
            let fast: Vec<(usize, usize)> = labels(&line).collect();
            proptest::prop_assert_eq!(fast, oracle(&line), "{:?}", line);
        }
    }
}
