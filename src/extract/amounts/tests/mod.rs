//! Case tables for the amounts stage, written by reading each sentence.
//!
//! Each row is `text → expected`, the expectation a small readable spec: amounts separated by
//! `;`, each `yuan[~max] [q=qualifier] [per=unit] [inf] [label=…]`; an empty spec means "no money
//! here". Fields not named in a spec must be unset (qualifier, per null; inferred false); the label
//! is only checked when the spec names one.

mod genre;
mod negative;
mod robust;
mod testcases;

use super::find_amounts;
use crate::record::Amount;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(Debug, PartialEq)]
struct Expect {
    yuan: Decimal,
    max: Option<Decimal>,
    qualifier: Option<String>,
    per: Option<String>,
    inferred: bool,
    label: Option<String>,
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("bad number in spec: {s}"))
}

fn parse_spec(spec: &str) -> Vec<Expect> {
    spec.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|one| {
            let mut parts = one.split_whitespace();
            let value = parts.next().expect("spec has a value");
            let (yuan, max) = match value.split_once('~') {
                Some((a, b)) => (dec(a), Some(dec(b))),
                None => (dec(value), None),
            };
            let mut e = Expect { yuan, max, qualifier: None, per: None, inferred: false, label: None };
            for p in parts {
                if let Some(q) = p.strip_prefix("q=") {
                    e.qualifier = Some(q.to_string());
                } else if let Some(u) = p.strip_prefix("per=") {
                    e.per = Some(u.to_string());
                } else if let Some(l) = p.strip_prefix("label=") {
                    e.label = Some(l.to_string());
                } else if p == "inf" {
                    e.inferred = true;
                } else {
                    panic!("unknown spec part {p}");
                }
            }
            e
        })
        .collect()
}

fn got(a: &Amount, want_label: bool) -> Expect {
    Expect {
        yuan: a.yuan,
        max: a.yuan_max,
        qualifier: a.qualifier.clone(),
        per: a.per.clone(),
        inferred: a.inferred_unit,
        label: if want_label { a.label.clone() } else { None },
    }
}

/// Run a table; report every failing row at once.
fn check(table: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, spec) in table {
        let want = parse_spec(spec);
        let found = find_amounts(text);
        let with_label: Vec<bool> = want.iter().map(|e| e.label.is_some()).collect();
        let have: Vec<Expect> =
            found.iter().enumerate().map(|(i, a)| got(a, with_label.get(i).copied().unwrap_or(false))).collect();
        if have != want {
            let texts: Vec<&str> = found.iter().map(|a| a.text.as_str()).collect();
            failures.push(format!("{text}\n    want {want:?}\n    got  {have:?} {texts:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), table.len(), failures.join("\n"));
}

/// extract() places each figure in the measure whose span holds it and on its original line.
#[test]
fn extract_sets_measure_and_line() {
    use crate::extract::Hints;
    use crate::record::{Fields, Measure};
    let text = "答复如下：\n1. 争取资金。争取中央预算内资金7803万元。\n2. 统筹安排。安排10万元用于茶叶。\n";
    let doc = crate::normalize::normalize(text);
    let second = doc.text.find("2. ").expect("second measure");
    let mut out = Fields {
        measures: vec![
            Measure { index: 1, span: (doc.text.find("1. ").expect("first"), second), ..Measure::default() },
            Measure { index: 2, span: (second, doc.text.len()), ..Measure::default() },
        ],
        ..Fields::default()
    };
    super::extract(&doc, &Hints::default(), &mut out);
    let got: Vec<(String, Option<u32>, u32)> = out.amounts.iter().map(|a| (a.text.clone(), a.measure, a.line)).collect();
    assert_eq!(got, vec![("7803万元".to_string(), Some(1), 2), ("10万元".to_string(), Some(2), 3)]);
}
