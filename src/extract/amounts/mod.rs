//! Amounts: every money figure of a reply, exact to the fen, with its context.
//!
//! One regex pass finds well-formed figures ([`scan`], values by [`numerals`]); neighbouring
//! figures joined by a dash become ranges ([`range`]); a figure without 元 is kept only where its
//! clause makes it money ([`infer`]); qualifier, per-unit and label come from the words around it
//! ([`context`]). What is doubtful is dropped: users add these figures up.

mod context;
mod fold;
mod infer;
mod numerals;
mod range;
mod scan;
mod words;
mod written;

#[cfg(test)]
mod tests;

use rust_decimal::Decimal;

use super::Hints;
use crate::normalize::Normalized;
use crate::record::{Amount, Fields};
use scan::Figure;

pub use numerals::parse as parse_figure;

/// Fill `out.amounts`; `out.measures` is already filled and places each figure.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = hints;
    let mut amounts = find_amounts(&doc.text);
    for a in &mut amounts {
        a.line = doc.line_at(a.offset);
        a.measure = out
            .measures
            .iter()
            .find(|m| m.span.0 <= a.offset && a.offset < m.span.1)
            .map(|m| m.index);
    }
    out.amounts = amounts;
}

/// Every money amount of `text`, in order; `line` and `measure` are left unset (0 / None).
pub fn find_amounts(text: &str) -> Vec<Amount> {
    let figs = scan::figures(text);
    let mut windows = fold::Windows::new(text);
    let mut out = Vec::new();
    let mut prev_yuan: Option<&Figure> = None;
    // the last money figure kept, and whether it was an item of a breakdown (其中：省级3.2亿、…)
    let mut prev_money: Option<(&Figure, bool)> = None;
    let mut floor = 0; // the lower end of a range never reaches into an earlier figure
    let mut i = 0;
    while i < figs.len() {
        let fig = &figs[i];
        // two figures joined by a dash: 1万-5万元, 10万元至20万元
        if let Some(next) = figs.get(i + 1) {
            if range::joined(text, fig.end, next.start) && fig.value < next.value {
                let span = Span { start: fig.start, end: next.end, lo: fig.value, hi: Some(next.value) };
                let has_yuan = fig.has_yuan || next.has_yuan;
                let inner = fig.inner_qualifier.clone().or_else(|| next.inner_qualifier.clone());
                let probe = Figure { start: fig.start, ..next.clone() };
                if has_yuan || judge_bare(&mut windows, &probe, prev_yuan) {
                    out.push(build(&mut windows, text, &span, has_yuan, inner, fig.unit_only));
                    prev_money = Some((next, false));
                    if has_yuan {
                        prev_yuan = Some(next);
                    }
                }
                floor = next.end;
                i += 2;
                continue;
            }
        }
        let (start, lo, hi) = match range::bare_lower(text, fig, floor) {
            Some((s, lo)) => (s, lo, Some(fig.value)),
            None => (fig.start, fig.value, None),
        };
        let probe = Figure { start, ..fig.clone() };
        let mut in_list = false;
        let keep = if fig.has_yuan {
            // 其中：中央资金3.2亿元、省级1.1亿: a written item opens the breakdown's list
            in_list = infer::opens_breakdown(text, fig.start);
            yuan_figure_ok(text, fig)
        } else if judge_bare(&mut windows, &probe, prev_yuan) {
            true
        } else {
            in_list = hi.is_none()
                && prev_money.is_some_and(|(p, l)| p.end <= fig.start && infer::breakdown_item(text, fig, p, l));
            in_list
        };
        if keep {
            prev_money = Some((fig, in_list));
            let span = Span { start, end: fig.end, lo, hi };
            out.push(build(
                &mut windows,
                text,
                &span,
                fig.has_yuan,
                fig.inner_qualifier.clone(),
                fig.unit_only && hi.is_none(),
            ));
            if fig.has_yuan {
                prev_yuan = Some(fig);
            }
        }
        floor = fig.end;
        i += 1;
    }
    out
}

struct Span {
    start: usize,
    end: usize,
    lo: Decimal,
    hi: Option<Decimal>,
}

/// How far before a figure its context rules may look, in bytes: clauses are cut at 30
/// characters, plus a qualifier or 人民币 written between.
const CONTEXT_BEFORE: usize = 36 * 3;
/// And after it: a fund name of up to 12 characters, 人民币, （含）以上, /平方米.
const CONTEXT_AFTER: usize = 20 * 3;

fn judge_bare(windows: &mut fold::Windows, fig: &Figure, prev_yuan: Option<&Figure>) -> bool {
    let (w, ws) = windows.window(fig.start.saturating_sub(CONTEXT_BEFORE), fig.end + CONTEXT_AFTER);
    let shift = |f: &Figure| Figure { start: f.start.saturating_sub(ws), end: f.end.saturating_sub(ws), ..f.clone() };
    let local = shift(fig);
    let prev = prev_yuan.filter(|p| p.start >= ws).map(shift);
    let qualified = context::prefix_qualifier(&w, local.start, fig.unit_only).is_some();
    infer::bare_is_money(&w, &local, prev.as_ref(), qualified)
}

/// Characters after 元 that make it part of a word, not the money unit (一元化, 元素, 千亿元级).
const NOT_YUAN_NEXT: &[char] = &['化', '素', '件', '论', '級', '级', '宵', '旦', '帅', '首', '老', '勋', '代', '朝'];

fn yuan_figure_ok(text: &str, fig: &Figure) -> bool {
    if fig.lone_cn_digit {
        return false; // 二元结构, 一元二次: a lone Chinese digit before 元 is not money here
    }
    if text.get(..fig.start).is_some_and(|h| h.ends_with('每')) {
        return false; // 每千元贷款: the unit of a rate, not a sum
    }
    let written = text.get(fig.start..fig.end).unwrap_or("");
    let next = text.get(fig.end..).and_then(|s| s.chars().next());
    !(written.ends_with(['元', '圆', '圓']) && next.is_some_and(|c| NOT_YUAN_NEXT.contains(&c)))
}

fn build(
    windows: &mut fold::Windows,
    text: &str,
    span: &Span,
    has_yuan: bool,
    inner: Option<String>,
    unit_only: bool,
) -> Amount {
    let (w, ws) = windows.window(span.start.saturating_sub(CONTEXT_BEFORE), span.end + CONTEXT_AFTER);
    let (start, end) = (span.start - ws, span.end - ws);
    let mut quals: Vec<String> = Vec::new();
    if let Some((q, at)) = context::prefix_qualifier(&w, start, unit_only) {
        quals.push(written(text, ws, at, at + q.len()));
    }
    quals.extend(inner);
    if let Some(q) = context::suffix_qualifier(&w, end) {
        quals.push(q.to_string());
    }
    let label = context::label(&w, start, end).map(|(s, e)| written(text, ws, s, e));
    Amount {
        text: text.get(span.start..span.end).unwrap_or("").to_string(),
        yuan: span.lo.normalize(),
        yuan_max: span.hi.map(|h| h.normalize()),
        qualifier: (!quals.is_empty()).then(|| quals.join("…")),
        inferred_unit: !has_yuan,
        per: context::per_unit(&w, text.get(ws..).unwrap_or(""), start, end),
        label,
        measure: None,
        line: 0,
        offset: span.start,
    }
}

/// The original (unfolded) text of a window span.
fn written(text: &str, ws: usize, s: usize, e: usize) -> String {
    text.get(ws + s..ws + e).unwrap_or("").to_string()
}
