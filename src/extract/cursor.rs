//! A cursor over one line for the hand-written scanners that stand in for anchored regexes
//! (文号 lines, section numbers): each step reads one piece of the pattern, and a scanner gives
//! up with `?` as soon as a piece is missing.
//!
//! `\s` of the regex crate (Unicode White_Space) is what `char::is_whitespace` tests.

pub(crate) struct Cursor<'a> {
    s: &'a str,
    /// Byte offset of the next character.
    pub at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(s: &'a str) -> Self {
        Cursor { s, at: 0 }
    }

    fn peek(&self) -> Option<char> {
        self.s.get(self.at..)?.chars().next()
    }

    /// Skip the characters `keep` accepts (`class*`); how many were skipped.
    pub fn run(&mut self, keep: impl Fn(char) -> bool) -> usize {
        let mut n = 0;
        while let Some(c) = self.peek().filter(|&c| keep(c)) {
            self.at += c.len_utf8();
            n += 1;
        }
        n
    }

    /// `\s*`.
    pub fn spaces(&mut self) {
        self.run(char::is_whitespace);
    }

    /// Take one character `ok` accepts, returning it as text.
    pub fn one(&mut self, ok: impl Fn(char) -> bool) -> Option<&'a str> {
        let c = self.peek().filter(|&c| ok(c))?;
        let start = self.at;
        self.at += c.len_utf8();
        self.s.get(start..self.at)
    }

    /// The whole run of `keep` characters, if its length is within `len`; else `None` (the
    /// cursor has then moved past the run: callers give up).
    pub fn run_within(&mut self, keep: impl Fn(char) -> bool, len: std::ops::RangeInclusive<usize>) -> Option<&'a str> {
        let start = self.at;
        let n = self.run(keep);
        if len.contains(&n) {
            self.s.get(start..self.at)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pieces_of_a_pattern() {
        let mut c = Cursor::new("〔 2024〕十二、x");
        assert_eq!(c.one(|ch| ch == '〔'), Some("〔"));
        c.spaces();
        assert_eq!(c.run_within(|ch| ch.is_ascii_digit(), 4..=4), Some("2024"));
        assert_eq!(c.one(|ch| ch == '['), None);
        assert_eq!(c.one(|ch| ch == '〕'), Some("〕"));
        // a run longer than allowed is no match
        let at = c.at;
        assert_eq!(c.run_within(|ch| "一二十".contains(ch), 1..=1), None);
        c.at = at;
        assert_eq!(c.run_within(|ch| "一二十".contains(ch), 1..=3), Some("十二"));
        assert_eq!(c.run(|ch| ch == '、'), 1);
        assert_eq!(c.at, "〔 2024〕十二、".len());
    }
}
