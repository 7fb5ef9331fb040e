//! Normalize: repair OCR and page damage so extractors see clean text, keeping a map from every
//! byte of the normalized text back to its 1-based line in the original decoded text.
//!
//! Extractors never re-implement any of this: if they need cleaner text, it is fixed here.
//!
//! The stage runs in three linear passes: [`width`] splits and cleans every line (line ends,
//! width fold, zero-width characters, indentation, spaced-out [`labels`]); each line is then
//! classified ([`pages`] furniture or content; blank lines are implicit) and the document's wrap
//! width estimated; finally the lines are assembled, and [`join`] decides, from the line
//! [`shapes`], for each pair of neighbouring content lines whether a printed line end or a page
//! break split one sentence (or a title).

mod join;
mod labels;
mod pages;
mod shapes;
mod width;
#[cfg(test)]
mod width_oracle;

use std::collections::HashMap;

use join::{Context, Measure, Side, Wrap};
use width::{Cleaned, Line};

/// The normalized text of one document and its offset map back to original lines.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The repaired text: LF line ends, full-width ASCII folded, page numbers removed, split
    /// sentences rejoined, spaced-out labels closed up.
    pub text: String,
    /// Sorted breakpoints `(byte offset in text, original 1-based line)`: the text from one
    /// offset up to the next comes from that original line.
    map: Vec<(usize, u32)>,
    /// Number of lines in the original decoded text.
    pub original_lines: u32,
}

impl Normalized {
    /// 1-based line in the original decoded text of the byte at `offset` of [`Normalized::text`].
    /// After a join, the part after the join point maps to the later original line.
    pub fn line_at(&self, offset: usize) -> u32 {
        match self.map.binary_search_by(|(o, _)| o.cmp(&offset)) {
            Ok(i) => self.map[i].1,
            Err(0) => 1,
            Err(i) => self.map[i - 1].1,
        }
    }

    /// The normalized lines with the byte offset where each starts.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        let mut offset = 0;
        self.text.split('\n').map(move |line| {
            let start = offset;
            offset += line.len() + 1;
            (start, line)
        })
    }

    /// The non-empty normalized lines with their offsets: after rejoining, one per paragraph,
    /// heading, label or signature line.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.lines().filter(|(_, l)| !l.is_empty())
    }
}

/// What a non-blank cleaned line is, for assembly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A page-number line (`— 2 —`, `第5页 共8页`) or a bare page number in a page sequence.
    Page,
    /// A line that is only a small number: dropped inside a joined page break, kept otherwise.
    Bare,
    /// A running header or footer repeated next to page numbers.
    Header,
    Content,
}

/// Normalize decoded text. Total: never fails, never panics.
pub fn normalize(decoded: &str) -> Normalized {
    let cleaned = width::clean(decoded);
    let kinds = classify(&cleaned);
    let mut measures: Vec<Measure> = Vec::with_capacity(kinds.len());
    measures.extend(
        cleaned
            .lines
            .iter()
            .zip(&kinds)
            .filter(|(_, k)| **k == Kind::Content)
            .map(|(l, _)| Measure { chars: l.chars, units: l.units, indent: l.indent }),
    );
    let wrap = join::estimate(&measures);
    let (text, map) = assemble(&cleaned, &kinds, &wrap);
    Normalized { text, map, original_lines: cleaned.total_lines }
}

fn classify(c: &Cleaned) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = Vec::with_capacity(c.lines.len());
    let mut bare = Vec::new();
    for (i, line) in c.lines.iter().enumerate() {
        let t = c.text(line);
        kinds.push(if pages::is_page_number(t) {
            Kind::Page
        } else if let Some(n) = pages::bare_number(t) {
            bare.push((i, line.orig, n));
            Kind::Bare
        } else {
            Kind::Content
        });
    }
    for i in pages::bare_page_sequence(&bare) {
        kinds[i] = Kind::Page;
    }
    mark_running_headers(c, &mut kinds);
    kinds
}

/// Longest line taken for a running header or footer.
const MAX_HEADER_CHARS: u32 = 40;

/// A short line that stands next to a page number (only blank lines between) at two or more page
/// breaks is a running header or footer, not content.
fn mark_running_headers(c: &Cleaned, kinds: &mut [Kind]) {
    let pages: Vec<usize> = (0..kinds.len()).filter(|&i| kinds[i] == Kind::Page).collect();
    if pages.len() < 2 {
        return;
    }
    let short_content = |j: usize| kinds.get(j) == Some(&Kind::Content) && c.lines[j].chars <= MAX_HEADER_CHARS;
    let mut candidates: Vec<usize> = pages
        .iter()
        .flat_map(|&p| [p.checked_sub(1), Some(p + 1)])
        .flatten()
        .filter(|&j| short_content(j))
        .collect();
    // One line between two page numbers is still one occurrence.
    candidates.sort_unstable();
    candidates.dedup();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &j in &candidates {
        *counts.entry(c.text(&c.lines[j])).or_default() += 1;
    }
    for &j in &candidates {
        if counts.get(c.text(&c.lines[j])).copied().unwrap_or(0) >= 2 {
            kinds[j] = Kind::Header;
        }
    }
}

/// Runs of blank lines are kept up to this many: more carry no information and would only
/// bloat the text and the map (a file of a million empty lines).
const MAX_BLANK_RUN: u32 = 2;

/// Builds the normalized text and its breakpoint map.
struct Builder {
    text: String,
    map: Vec<(usize, u32)>,
    started: bool,
    /// Original line of the last line consumed (emitted, dropped or joined).
    done_orig: u32,
}

impl Builder {
    fn mark(&mut self, orig: u32) {
        let at = self.text.len();
        match self.map.last_mut() {
            Some(last) if last.0 == at => last.1 = orig,
            Some(last) if last.1 == orig => {}
            _ => self.map.push((at, orig)),
        }
    }

    fn new_line(&mut self, orig: u32, text: &str) {
        if self.started {
            self.text.push('\n');
        }
        self.started = true;
        self.mark(orig);
        self.text.push_str(text);
    }

    /// Blank lines from after the last consumed line up to (not including) `orig`.
    fn blanks_until(&mut self, orig: u32) {
        let first = self.done_orig + 1;
        for o in first..orig.min(first + MAX_BLANK_RUN) {
            self.new_line(o, "");
        }
        self.done_orig = self.done_orig.max(orig.saturating_sub(1));
    }

    fn append(&mut self, orig: u32, text: &str) {
        // Two Latin words split by a line end need their space back; Chinese text does not.
        let a = self.text.chars().next_back();
        let b = text.chars().next();
        if a.is_some_and(|c| c.is_ascii_alphabetic()) && b.is_some_and(|c| c.is_ascii_alphabetic()) {
            self.mark(orig);
            self.text.push(' ');
        }
        self.mark(orig);
        self.text.push_str(text);
    }
}

fn side<'a>(c: &'a Cleaned, l: &Line) -> Side<'a> {
    Side { text: c.text(l), chars: l.chars, units: l.units, indent: l.indent }
}

fn assemble(c: &Cleaned, kinds: &[Kind], wrap: &Wrap) -> (String, Vec<(usize, u32)>) {
    let n = c.lines.len();
    // Room for every line, a line end each and the blank lines kept between them (at most
    // MAX_BLANK_RUN per gap), and as many breakpoints: no regrowth on the way.
    let room = n * (1 + MAX_BLANK_RUN as usize) + 2;
    let mut b = Builder {
        text: String::with_capacity(c.buf.len() + room),
        map: Vec::with_capacity(room),
        started: false,
        done_orig: 0,
    };
    // Blank lines and the page furniture between two content lines: bare numbers stay (they may
    // be content), page numbers and running headers go.
    let emit_gap = |b: &mut Builder, from: usize, to: usize| {
        for g in from..to {
            let line = &c.lines[g];
            b.blanks_until(line.orig);
            if kinds[g] == Kind::Bare {
                b.new_line(line.orig, c.text(line));
            }
            b.done_orig = line.orig;
        }
    };
    // Whether the content line after `i` is a date line or there is none: then a short agency
    // name at `i` is a signature. Scans only the gap after `i`, so all calls together are linear.
    let before_date_or_end = |i: usize| {
        let next = (i + 1..n).find(|&j| kinds[j] == Kind::Content);
        next.is_none_or(|j| shapes::is_date_line(c.text(&c.lines[j])))
    };
    let mut last: Option<usize> = None;
    let mut a_continues = false;
    let mut gap_start = 0;
    for i in 0..n {
        if kinds[i] != Kind::Content {
            continue;
        }
        let line = &c.lines[i];
        let joined = last.is_some_and(|a| {
            let ctx = Context {
                a_continues,
                b_before_date_or_end: &|| before_date_or_end(i),
                gap_is_blank: a + 1 == i,
            };
            join::should_join(wrap, &side(c, &c.lines[a]), &side(c, line), ctx)
        });
        if joined {
            b.append(line.orig, c.text(line));
        } else {
            emit_gap(&mut b, gap_start, i);
            b.blanks_until(line.orig);
            b.new_line(line.orig, c.text(line));
        }
        b.done_orig = line.orig;
        a_continues = joined;
        last = Some(i);
        gap_start = i + 1;
    }
    emit_gap(&mut b, gap_start, n);
    b.blanks_until(c.total_lines + 1);
    if b.map.is_empty() {
        b.map.push((0, 1));
    }
    (b.text, b.map)
}

#[cfg(test)]
mod tests;
