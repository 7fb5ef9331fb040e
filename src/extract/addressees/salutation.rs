//! The salutation line of its own (`陈业华代表:` · `尊敬的王红兰委员：您好！` · `张三委员（第5号提案）`):
//! the exact regex [`LINE`], the cheap necessary conditions checked before it, and the plain
//! shape read by hand without it (tested against the regex in `oracle_tests`).

use regex::Regex;

use crate::extract::cn_num::NUMERAL_CLASS;
use crate::extract::relaxed::Relaxed;

/// A salutation line of its own (at most 400 characters of names, a 30-character aside).
pub(super) static LINE: Relaxed = Relaxed::new(|| line_regex("{2,}?", "*"), || line_regex("{2,400}?", "{0,30}"), &[("names", 400), ("aside", 30)]);

pub(super) fn line_regex(names: &str, aside: &str) -> Regex {
    Regex::new(&format!(
        r"^[\s|]*(?:尊敬的)?\s*(?P<names>[\p{{Han}}·•、，, ]{names})\s*(?:等\s*(?P<n>[{n}]{{1,4}})?\s*[名位个]?)?\s*(?P<role>代\s*表|委\s*员|委\s*員)(?:们|們)?\s*(?:等\s*(?P<n2>[{n}]{{1,4}})\s*[名位个人]|等|同志)?\s*(?:[(（](?P<aside>[^()（）]{aside})[)）])?\s*[:：]?\s*(?:(?:您|你)好\s*[!！,，]?)?\s*$",
        n = NUMERAL_CLASS
    ))
    .expect("salutation line regex")
}

/// A necessary condition of [`LINE`], checked before it: the second character of a role word,
/// and no sentence punctuation unless the line has an aside in brackets (the only part of a
/// salutation line that may hold any character). Body lines naming 人大代表 fail it.
pub(super) fn may_be_line(l: &str) -> bool {
    l.contains(['表', '员', '員']) && (l.contains(['(', '（']) || !l.contains(SENTENCE_MARKS))
}

/// A necessary condition of [`LINE`], checked before it: the last character before trailing
/// spaces is one its pattern can end with. After the role word everything is optional, so a
/// match ends with the role (表 员 員), 们/們, a group word (等, 名 位 个 人, 同志), the aside's
/// bracket, a colon, or 您好/你好 and its mark.
pub(super) fn ends_like_salutation(l: &str) -> bool {
    l.trim_end().chars().next_back().is_some_and(|c| SALUTATION_ENDS.contains(&c))
}

/// The characters a match of [`LINE`] can end with (before trailing spaces).
pub(super) const SALUTATION_ENDS: [char; 20] =
    ['表', '员', '員', '们', '們', '等', '名', '位', '个', '人', '志', ')', '）', ':', '：', '好', '!', '！', ',', '，'];

/// Marks of prose that [`LINE`] accepts nowhere outside the aside: none is Han, a space, a name
/// separator, a numeral, a colon or an exclamation mark.
pub(super) const SENTENCE_MARKS: [char; 7] = ['。', '《', '》', '“', '”', '；', '？'];

/// What a salutation says: its names, its role word as written, and the count of a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Salutation<'a> {
    pub(super) names: &'a str,
    pub(super) role: &'a str,
    pub(super) count: Option<&'a str>,
}

impl<'a> Salutation<'a> {
    /// From the captures of [`LINE`] or [`INLINE`].
    pub(super) fn of(c: &regex::Captures<'a>) -> Option<Self> {
        Some(Self {
            names: c.name("names")?.as_str(),
            role: c.name("role")?.as_str(),
            count: c.name("n").or_else(|| c.name("n2")).map(|m| m.as_str()),
        })
    }
}

/// The salutation a line of its own holds: what [`LINE`] captures.
pub(super) fn line_salutation(l: &str) -> Option<Salutation<'_>> {
    plain_line(l).or_else(|| LINE.captures(l).and_then(|c| Salutation::of(&c)))
}

/// The commonest salutation lines (`陈业华代表:` · `尊敬的王红兰委员：` · `王建平、李晓艳代表:` ·
/// `孙晓梅等4名代表:` · `韩亮秀委员等:`) read without the regex: optional 尊敬的, 2 to 400 name
/// characters, optionally 等 with 1 to 4 numerals and 名/位/个, then 代表, 委员 or 委員, optionally
/// 等, and an optional colon; nothing else. `None` for any other line, which [`LINE`] then reads.
///
/// Why [`LINE`] captures exactly these names, the role and count: a name character here is a
/// character of its names class that is neither a space nor 等. The names group is lazy, so the
/// regex takes the shortest names after which the rest of its pattern matches the rest of the
/// line; that rest must start with a space, 等 or a role word (all else in it is optional or
/// comes after the role). A space or 等 is not in the names; a role word inside them (代表 in
/// `张代表李四代表`) is followed by name characters or by the final role word, and nothing the
/// pattern allows after a role (们, 等 and a count, 同志, an aside in brackets, a colon, 您好)
/// can take either. So the only split is at the first 等, or before the final role word when
/// there is none; the group after 等 is read greedily (its numerals, then 名/位/个), and a 等
/// after the role is the regex's bare 等 (no count follows it). The greedy 尊敬的 is taken when
/// two name characters follow it (else the regex backtracks: left to it).
pub(super) fn plain_line(l: &str) -> Option<Salutation<'_>> {
    let body = l.strip_suffix([':', '：']).unwrap_or(l);
    let body = body.strip_suffix('等').unwrap_or(body);
    let (all, role) = if let Some(h) = body.strip_suffix("代表") {
        (h, "代表")
    } else if let Some(h) = body.strip_suffix("委员") {
        (h, "委员")
    } else {
        (body.strip_suffix("委員")?, "委員")
    };
    let all = all.strip_prefix("尊敬的").unwrap_or(all);
    let (names, count) = match all.split_once('等') {
        Some((names, group)) => {
            let numerals = group.strip_suffix(['名', '位', '个']).unwrap_or(group);
            let k = numerals.chars().count();
            if !(1..=4).contains(&k) || !numerals.chars().all(is_numeral) {
                return None;
            }
            (names, Some(numerals))
        }
        None => (all, None),
    };
    let mut n = 0usize;
    for c in names.chars() {
        if !is_plain_name_char(c) {
            return None;
        }
        n += 1;
    }
    // (past 400 characters the bounded regex decides)
    (2..=400).contains(&n).then_some(Salutation { names, role, count })
}

/// A character of [`NUMERAL_CLASS`].
pub(super) fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零○一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)
}

/// A character of the names class of [`LINE`] (`[\p{Han}·•、，, ]`) that the rest of the pattern
/// cannot start with: not a space, not 等. (Han is taken from the two main CJK blocks only; a
/// rarer character sends the line to the regex.)
pub(super) fn is_plain_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '·' | '•' | '、' | '，' | ',') && c != '等'
}
