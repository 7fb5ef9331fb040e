//! Invariants every record must satisfy, whatever the input: shared by the proptests, the
//! fuzz target and the regression replays, so all three check the same thing.
//!
//! Only properties that follow from the record contract (`RECORD.md`) for *any* document are
//! checked here — never what a particular document should yield.

use crate::record::{Fields, Record};

/// Check one record: it serialises to one line of valid JSON that parses back to the same
/// record, every original line number it reports lies within the document, and no field holds
/// what the contract rules out (a blank string instead of `null`, an impossible date, an amount
/// placed in a measure that does not exist …).
pub fn check_record(record: &Record) -> Result<(), String> {
    let line = serde_json::to_string(record).map_err(|e| format!("serialise: {e}"))?;
    if line.contains('\n') {
        return Err("serialised record spans more than one line".into());
    }
    let back: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("reparse: {e}"))?;
    if back.get("schema_version").and_then(|v| v.as_u64()) != Some(1) {
        return Err("schema_version is not 1".into());
    }
    // Writing the parsed value again gives the same line: nothing (decimals, key order) is
    // lost on the way through a JSON reader. (Not `Record` itself: serde cannot read an
    // arbitrary-precision decimal inside the flattened, untagged body.)
    let again = serde_json::to_string(&back).map_err(|e| format!("re-serialise: {e}"))?;
    if again != line {
        return Err(format!("record does not round-trip through JSON:\n{line}\n{again}"));
    }
    check_source(record)?;
    match record.fields() {
        Some(fields) => check_fields(fields),
        None => Ok(()),
    }
}

/// Check that processing the same input twice gives byte-identical JSON (no HashMap order, no
/// clock, no randomness leaks into a record).
pub fn check_deterministic(first: &Record, second: &Record) -> Result<(), String> {
    let a = serde_json::to_string(first).map_err(|e| format!("serialise: {e}"))?;
    let b = serde_json::to_string(second).map_err(|e| format!("serialise: {e}"))?;
    if a == b {
        Ok(())
    } else {
        Err(format!("two runs over the same input differ:\n{a}\n{b}"))
    }
}

fn check_source(record: &Record) -> Result<(), String> {
    let s = &record.source;
    if s.sha256.len() != 64 || !s.sha256.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) {
        return Err(format!("sha256 {:?} is not 64 lowercase hex digits", s.sha256));
    }
    let decoded = s.encoding.is_some() && s.encoding_method.is_some() && s.malformed.is_some();
    let none = s.encoding.is_none() && s.encoding_method.is_none() && s.malformed.is_none();
    match (record.fields().is_some(), decoded, none) {
        (true, true, _) | (false, _, true) => Ok(()),
        (true, _, _) => Err("a record with fields lacks its encoding, method or malformed count".into()),
        (false, _, _) => Err("an error record reports an encoding".into()),
    }
}

fn check_fields(fields: &Fields) -> Result<(), String> {
    let lines = fields.stats.lines;
    if lines == 0 {
        return Err("a readable document with 0 lines".into());
    }
    let in_doc = |what: &str, l: u32| {
        if l >= 1 && u64::from(l) <= lines {
            Ok(())
        } else {
            Err(format!("{what} line {l} outside 1..={lines}"))
        }
    };
    let mut last_line = 0;
    for m in &fields.measures {
        in_doc("measure", m.line)?;
        // Sections are listed in the order they are written.
        if m.line < last_line {
            return Err(format!("measure {} at line {} comes after one at line {last_line}", m.index, m.line));
        }
        last_line = m.line;
        blank_opt("measure heading", m.heading.as_deref())?;
        blank_all("measure point", &m.points)?;
    }
    for a in &fields.amounts {
        in_doc("amount", a.line)?;
        blank("amount text", &a.text)?;
        if let Some(max) = a.yuan_max {
            if max < a.yuan {
                return Err(format!("amount {:?}: yuan_max {} < yuan {}", a.text, max, a.yuan));
            }
        }
        if let Some(i) = a.measure {
            if !fields.measures.iter().any(|m| m.index == i) {
                return Err(format!("amount {:?} placed in measure {i}, which is not in measures", a.text));
            }
        }
        blank_opt("amount qualifier", a.qualifier.as_deref())?;
        blank_opt("amount per", a.per.as_deref())?;
        blank_opt("amount label", a.label.as_deref())?;
    }
    for (what, v) in [
        ("disclosure", &fields.disclosure),
        ("classification", &fields.classification),
        ("issuer", &fields.issuer),
        ("title", &fields.title),
        ("subject", &fields.subject),
        ("next_steps", &fields.next_steps),
        ("signer", &fields.signer),
    ] {
        blank_opt(what, v.as_deref())?;
    }
    if let Some(d) = &fields.doc_number {
        blank("doc_number.text", &d.text)?;
        blank_opt("doc_number.agency_code", d.agency_code.as_deref())?;
        blank_all("doc_number warning", &d.warnings)?;
    }
    if let Some(p) = &fields.proposal {
        blank_opt("proposal.number", p.number.as_deref())?;
    }
    for a in &fields.addressees {
        blank("addressee name", &a.name)?;
        blank_opt("addressee role", a.role.as_deref())?;
    }
    if fields.addressee_count == Some(0) {
        return Err("addressee_count 0: null when no count is written".into());
    }
    for c in &fields.contacts {
        blank_opt("contact role", c.role.as_deref())?;
        blank_opt("contact name", c.name.as_deref())?;
        blank_all("contact phone", &c.phones)?;
    }
    blank_all("cc entry", &fields.cc)?;
    for r in &fields.references {
        blank("reference title", &r.title)?;
        blank_opt("reference doc_number", r.doc_number.as_deref())?;
    }
    blank_all("keyword", &fields.keywords)?;
    if fields.keywords.len() > 10 {
        return Err(format!("{} keywords, more than the top 10", fields.keywords.len()));
    }
    blank_all("warning", &fields.warnings)?;
    if let Some(date) = &fields.date {
        check_date(date)?;
    }
    Ok(())
}

/// A field that exists holds something: a document without it gets `null` or `[]`.
fn blank(what: &str, s: &str) -> Result<(), String> {
    if s.trim().is_empty() {
        Err(format!("{what} is blank ({s:?}) instead of absent"))
    } else {
        Ok(())
    }
}

fn blank_opt(what: &str, s: Option<&str>) -> Result<(), String> {
    s.map_or(Ok(()), |s| blank(what, s))
}

fn blank_all(what: &str, all: &[String]) -> Result<(), String> {
    all.iter().try_for_each(|s| blank(what, s))
}

/// `date` is an ISO `YYYY-MM-DD` that exists on the calendar.
fn check_date(date: &str) -> Result<(), String> {
    let bad = || Err(format!("date {date:?} is not a calendar date YYYY-MM-DD"));
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else { return bad() };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return bad();
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else { return bad() };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return bad(),
    };
    if d == 0 || d > days {
        return bad();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Amount, Body, ErrorInfo, ErrorKind, Measure, Source, Stats};

    fn record(fields: Fields) -> Record {
        Record {
            schema_version: 1,
            id: "t".into(),
            source: Source {
                path: None,
                bytes: 10,
                sha256: "0".repeat(64),
                encoding: Some("UTF-8".into()),
                encoding_method: Some("utf8".into()),
                malformed: Some(0),
            },
            body: Body::Fields(Box::new(fields)),
        }
    }

    fn ok_fields() -> Fields {
        Fields { stats: Stats { chars: 10, lines: 3, tokens: None }, ..Fields::default() }
    }

    #[test]
    fn a_plain_record_passes() {
        let mut f = ok_fields();
        f.date = Some("2024-02-29".into());
        f.measures = vec![Measure { index: 1, line: 2, ..Measure::default() }];
        f.amounts = vec![Amount { text: "7803万元".into(), yuan: 78_030_000.into(), measure: Some(1), line: 3, ..Amount::default() }];
        assert_eq!(check_record(&record(f)), Ok(()));
    }

    #[test]
    fn line_outside_the_document_fails() {
        let mut f = ok_fields();
        f.measures = vec![Measure { index: 1, line: 4, ..Measure::default() }];
        assert!(check_record(&record(f)).unwrap_err().contains("outside 1..=3"));
    }

    #[test]
    fn blank_strings_fail() {
        let mut f = ok_fields();
        f.title = Some(" \u{3000}".into());
        assert!(check_record(&record(f)).unwrap_err().contains("title is blank"));
        let mut f = ok_fields();
        f.cc = vec!["市政府办公室".into(), String::new()];
        assert!(check_record(&record(f)).unwrap_err().contains("cc entry"));
    }

    #[test]
    fn impossible_dates_fail() {
        for d in ["2023-02-29", "2024-13-01", "2024-04-31", "2024-4-1", "二〇二四年", "2024-00-10"] {
            let mut f = ok_fields();
            f.date = Some(d.into());
            assert!(check_record(&record(f)).is_err(), "{d}");
        }
    }

    #[test]
    fn amount_in_a_missing_measure_fails() {
        let mut f = ok_fields();
        f.amounts = vec![Amount { text: "10万元".into(), yuan: 100_000.into(), measure: Some(2), line: 1, ..Amount::default() }];
        assert!(check_record(&record(f)).unwrap_err().contains("measure 2"));
    }

    #[test]
    fn error_record_with_an_encoding_fails() {
        let mut r = record(ok_fields());
        r.body = Body::Error { error: ErrorInfo { kind: ErrorKind::Empty, message: "only whitespace".into() } };
        assert!(check_record(&r).is_err());
        r.source.encoding = None;
        r.source.encoding_method = None;
        r.source.malformed = None;
        assert_eq!(check_record(&r), Ok(()));
    }

    #[test]
    fn different_runs_are_told_apart() {
        let a = record(ok_fields());
        let mut f = ok_fields();
        f.keywords = vec!["城镇化".into()];
        assert!(check_deterministic(&a, &record(f)).is_err());
        assert_eq!(check_deterministic(&a, &a.clone()), Ok(()));
    }
}
