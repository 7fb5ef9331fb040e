//! Invariants every record must satisfy, whatever the input: shared by the proptests, the
//! fuzz target and the regression replays, so all three check the same thing.

use crate::record::Record;

/// Check one record: it serialises to one line of valid JSON that parses back to itself, and
/// every original line number it reports lies within the document.
pub fn check_record(record: &Record) -> Result<(), String> {
    let line = serde_json::to_string(record).map_err(|e| format!("serialise: {e}"))?;
    if line.contains('\n') {
        return Err("serialised record spans more than one line".into());
    }
    let back: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("reparse: {e}"))?;
    if back.get("schema_version").and_then(|v| v.as_u64()) != Some(1) {
        return Err("schema_version is not 1".into());
    }
    let Some(fields) = record.fields() else {
        return Ok(());
    };
    let lines = fields.stats.lines.max(1) as u32;
    let in_doc = |what: &str, l: u32| {
        if l >= 1 && l <= lines {
            Ok(())
        } else {
            Err(format!("{what} line {l} outside 1..={lines}"))
        }
    };
    for m in &fields.measures {
        in_doc("measure", m.line)?;
    }
    for a in &fields.amounts {
        in_doc("amount", a.line)?;
        if let Some(max) = a.yuan_max {
            if max < a.yuan {
                return Err(format!("amount {:?}: yuan_max {} < yuan {}", a.text, max, a.yuan));
            }
        }
    }
    Ok(())
}
