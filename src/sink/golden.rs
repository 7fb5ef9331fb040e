//! Golden files: compare a record with an `expected.json` field by field. `dafu check` and the
//! project's own tests/golden.rs use this same code, so CI users and we judge alike.
//!
//! The rule (a public interface, documented in the README):
//! - expected is a SUBSET of the record: every key it holds is compared, recursively for
//!   objects; keys absent from expected are not compared;
//! - arrays are compared in full: same length, each element with the same subset rule;
//! - numbers by value (`78030000` equals `78030000.0`), exactly (decimal, never f64);
//! - strings, booleans and null exactly.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

/// One field where the record differs from what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// JSON path, e.g. `$.proposal.term` or `$.amounts[2].yuan`.
    pub path: String,
    pub expected: Value,
    /// `None` when the record has no such key.
    pub got: Option<Value>,
}

impl fmt::Display for Mismatch {
    /// `$.proposal.term: expected 17, got 7` (values as compact JSON).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.got {
            Some(got) => write!(f, "{}: expected {}, got {}", self.path, short(&self.expected), short(got)),
            None => write!(f, "{}: expected {}, got no such key", self.path, short(&self.expected)),
        }
    }
}

/// Compact JSON, cut at 200 characters so one long paragraph does not flood a CI log.
fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(200) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s,
    }
}

/// Every field of `expected` that `got` does not match, in the order of `expected`.
pub fn compare(expected: &Value, got: &Value) -> Vec<Mismatch> {
    let mut out = Vec::new();
    walk("$", expected, got, &mut out);
    out
}

fn walk(path: &str, expected: &Value, got: &Value, out: &mut Vec<Mismatch>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (key, ev) in e {
                let p = format!("{path}.{key}");
                match g.get(key) {
                    Some(gv) => walk(&p, ev, gv, out),
                    None => out.push(Mismatch { path: p, expected: ev.clone(), got: None }),
                }
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            if e.len() != g.len() {
                out.push(Mismatch {
                    path: format!("{path}.length"),
                    expected: Value::from(e.len()),
                    got: Some(Value::from(g.len())),
                });
            }
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                walk(&format!("{path}[{i}]"), ev, gv, out);
            }
            // Elements only one side has are shown whole, so the reader sees what is missing.
            for (i, ev) in e.iter().enumerate().skip(g.len()) {
                out.push(Mismatch { path: format!("{path}[{i}]"), expected: ev.clone(), got: None });
            }
        }
        (Value::Number(e), Value::Number(g)) => {
            if !numbers_equal(e, g) {
                out.push(Mismatch { path: path.to_string(), expected: expected.clone(), got: Some(got.clone()) });
            }
        }
        _ => {
            if expected != got {
                out.push(Mismatch { path: path.to_string(), expected: expected.clone(), got: Some(got.clone()) });
            }
        }
    }
}

/// Numbers by exact decimal value; text comparison when a number is beyond Decimal's range.
fn numbers_equal(a: &serde_json::Number, b: &serde_json::Number) -> bool {
    let (sa, sb) = (a.to_string(), b.to_string());
    match (parse_decimal(&sa), parse_decimal(&sb)) {
        (Some(x), Some(y)) => x == y,
        _ => sa == sb,
    }
}

fn parse_decimal(s: &str) -> Option<Decimal> {
    if s.contains(['e', 'E']) {
        Decimal::from_scientific(s).ok()
    } else {
        Decimal::from_str(s).ok()
    }
}

/// What `--bless` writes: the full record minus the keys that depend on where the folder is.
pub fn blessed(record: &Value) -> Value {
    let mut v = record.clone();
    if let Some(obj) = v.as_object_mut() {
        obj.remove("id");
        if let Some(Value::Object(source)) = obj.get_mut("source") {
            source.remove("path");
        }
    }
    v
}

/// What changed between an old expected.json and a new one, one line per field, for `--bless`:
/// `~ $.proposal.term: 7 -> 17`, `+ $.keywords: [...]`, `- $.note: ...`.
pub fn changes(old: &Value, new: &Value) -> Vec<String> {
    let mut out = Vec::new();
    diff("$", old, new, &mut out);
    out
}

fn diff(path: &str, old: &Value, new: &Value, out: &mut Vec<String>) {
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => diff_objects(path, o, n, out),
        (Value::Number(a), Value::Number(b)) if numbers_equal(a, b) => {}
        _ if old == new => {}
        _ => out.push(format!("~ {path}: {} -> {}", short(old), short(new))),
    }
}

fn diff_objects(path: &str, o: &Map<String, Value>, n: &Map<String, Value>, out: &mut Vec<String>) {
    for (key, ov) in o {
        let p = format!("{path}.{key}");
        match n.get(key) {
            Some(nv) => diff(&p, ov, nv, out),
            None => out.push(format!("- {p}: {}", short(ov))),
        }
    }
    for (key, nv) in n {
        if !o.contains_key(key) {
            out.push(format!("+ {path}.{key}: {}", short(nv)));
        }
    }
}

/// One golden case: `<dir>/<name>/input.txt` and `<dir>/<name>/expected.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub name: String,
    pub input: PathBuf,
    pub expected: PathBuf,
}

/// The cases of a folder: its subfolders holding an `input.txt`, sorted by name.
pub fn cases(dir: &Path) -> std::io::Result<Vec<Case>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let case_dir = entry.path();
        let input = case_dir.join("input.txt");
        if case_dir.is_dir() && input.is_file() {
            out.push(Case {
                name: entry.file_name().to_string_lossy().into_owned(),
                expected: case_dir.join("expected.json"),
                input,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Why a case could not be compared at all.
#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    #[error("reading {0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0} is not valid JSON: {1}")]
    BadExpected(PathBuf, serde_json::Error),
}

/// Run one case through `pipeline` and compare it with its expected.json.
pub fn check_case(pipeline: &crate::Pipeline, case: &Case) -> Result<Vec<Mismatch>, CaseError> {
    let got = extract_case(pipeline, case)?;
    let text = std::fs::read_to_string(&case.expected).map_err(|e| CaseError::Io(case.expected.clone(), e))?;
    let expected: Value = serde_json::from_str(&text).map_err(|e| CaseError::BadExpected(case.expected.clone(), e))?;
    Ok(compare(&expected, &got))
}

/// The record of a case's input.txt, as a JSON value.
pub fn extract_case(pipeline: &crate::Pipeline, case: &Case) -> Result<Value, CaseError> {
    let bytes = std::fs::read(&case.input).map_err(|e| CaseError::Io(case.input.clone(), e))?;
    let path = case.input.display().to_string();
    let record = pipeline.process_bytes(&path, Some(&path), &bytes);
    Ok(serde_json::to_value(&record).expect("a record always serialises"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn paths(m: &[Mismatch]) -> Vec<String> {
        m.iter().map(|m| m.to_string()).collect()
    }

    #[test]
    fn keys_absent_from_expected_are_not_compared() {
        let got = json!({"classification": "A1", "issuer": "邵阳市发展和改革委员会", "proposal": {"term": 17, "session": 3}});
        assert!(compare(&json!({"proposal": {"term": 17}}), &got).is_empty());
    }

    #[test]
    fn a_wrong_nested_number_is_reported_with_its_path() {
        let got = json!({"proposal": {"term": 7, "session": 3}});
        assert_eq!(paths(&compare(&json!({"proposal": {"term": 17}}), &got)), vec!["$.proposal.term: expected 17, got 7"]);
    }

    #[test]
    fn numbers_compare_by_exact_value() {
        let e: Value = serde_json::from_str(r#"{"yuan": 78030000, "x": 1102614.60, "y": 1e3}"#).unwrap();
        let g: Value = serde_json::from_str(r#"{"yuan": 78030000.0, "x": 1102614.6, "y": 1000}"#).unwrap();
        assert!(compare(&e, &g).is_empty());
        let g2: Value = serde_json::from_str(r#"{"yuan": 78030000.01, "x": 1102614.6, "y": 1000}"#).unwrap();
        assert_eq!(paths(&compare(&e, &g2)), vec!["$.yuan: expected 78030000, got 78030000.01"]);
    }

    #[test]
    fn arrays_are_compared_in_full_with_subset_elements() {
        let got = json!({"amounts": [{"text": "7803万元", "yuan": 78030000, "line": 27}, {"text": "7.7亿元", "yuan": 770000000, "line": 28}]});
        assert!(compare(&json!({"amounts": [{"yuan": 78030000}, {"text": "7.7亿元"}]}), &got).is_empty());
        let shorter = json!({"amounts": [{"yuan": 78030000}]});
        assert_eq!(paths(&compare(&shorter, &got)), vec!["$.amounts.length: expected 1, got 2"]);
        let longer = json!({"amounts": [{"yuan": 78030000}, {"yuan": 770000000}, {"yuan": 10}]});
        assert_eq!(
            paths(&compare(&longer, &got)),
            vec!["$.amounts.length: expected 3, got 2", "$.amounts[2]: expected {\"yuan\":10}, got no such key"]
        );
    }

    #[test]
    fn strings_null_and_types_compare_exactly() {
        let got = json!({"classification": "A", "signer": null, "date": "2024-06-05", "cc": []});
        let e = json!({"classification": "A1", "signer": "张三", "date": null, "cc": {}, "title": "x"});
        assert_eq!(
            paths(&compare(&e, &got)),
            vec![
                "$.classification: expected \"A1\", got \"A\"",
                "$.signer: expected \"张三\", got null",
                "$.date: expected null, got \"2024-06-05\"",
                "$.cc: expected {}, got []",
                "$.title: expected \"x\", got no such key",
            ]
        );
    }

    #[test]
    fn blessed_drops_the_location_dependent_keys_only() {
        let rec = json!({"schema_version": 1, "id": "a/b/input.txt", "source": {"path": "a/b/input.txt", "sha256": "ab"}, "title": "t"});
        assert_eq!(blessed(&rec), json!({"schema_version": 1, "source": {"sha256": "ab"}, "title": "t"}));
    }

    #[test]
    fn changes_lists_changed_added_and_removed_fields() {
        let old = json!({"proposal": {"term": 7}, "note": "x", "yuan": 1.0});
        let new = json!({"proposal": {"term": 17}, "keywords": ["特色小镇"], "yuan": 1});
        assert_eq!(
            changes(&old, &new),
            vec!["~ $.proposal.term: 7 -> 17", "- $.note: \"x\"", "+ $.keywords: [\"特色小镇\"]"]
        );
    }
}
