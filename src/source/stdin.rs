//! Stdin sources: JSONL records (`{"id","text"}` or `{"id","base64"}`) and path lists.

use std::io::BufRead;

use base64::Engine;

use super::{Content, Input};
use crate::record::ErrorKind;

/// Parse one JSONL line (`n` is its 1-based line number, for ids of malformed lines).
pub fn parse_record(line: &str, n: u64) -> Input {
    let fallback_id = format!("stdin:{n}");
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return bad(fallback_id, format!("line {n}: not JSON: {e}")),
    };
    let Some(obj) = value.as_object() else {
        return bad(fallback_id, format!("line {n}: not a JSON object"));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(num)) => num.to_string(),
        _ => return bad(fallback_id, format!("line {n}: no string \"id\"")),
    };
    if let Some(t) = obj.get("text") {
        return match t.as_str() {
            Some(s) => Input::Record { id, content: Content::Text(s.to_string()) },
            None => bad(id, format!("line {n}: \"text\" is not a string")),
        };
    }
    if let Some(b) = obj.get("base64") {
        let Some(s) = b.as_str() else {
            return bad(id, format!("line {n}: \"base64\" is not a string"));
        };
        return match base64::engine::general_purpose::STANDARD.decode(s.trim()) {
            Ok(bytes) => Input::Record { id, content: Content::Bytes(bytes) },
            Err(e) => bad(id, format!("line {n}: bad base64: {e}")),
        };
    }
    bad(id, format!("line {n}: neither \"text\" nor \"base64\""))
}

fn bad(id: String, message: String) -> Input {
    Input::Invalid { id, path: None, kind: ErrorKind::BadInput, message }
}

/// Lazily read JSONL records; blank lines are skipped, unreadable input ends the stream with
/// one error record.
pub fn records<R: BufRead>(reader: R) -> impl Iterator<Item = Input> {
    let mut n = 0u64;
    let mut lines = reader.split(b'\n');
    let mut done = false;
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        match lines.next()? {
            Ok(raw) => {
                n += 1;
                let line = String::from_utf8_lossy(&raw);
                let line = line.trim_end_matches('\r');
                if line.trim().is_empty() {
                    continue;
                }
                return Some(parse_record(line, n));
            }
            Err(e) => {
                done = true;
                return Some(bad(format!("stdin:{}", n + 1), format!("reading stdin: {e}")));
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(input: &Input) -> (String, &'static str) {
        match input {
            Input::Record { id, content: Content::Text(_) } => (id.clone(), "text"),
            Input::Record { id, content: Content::Bytes(_) } => (id.clone(), "bytes"),
            Input::Invalid { id, kind, .. } => {
                assert_eq!(*kind, ErrorKind::BadInput);
                (id.clone(), "bad")
            }
            Input::File { id, .. } => (id.clone(), "file"),
        }
    }

    #[test]
    fn malformed_lines_become_bad_input_and_the_stream_goes_on() {
        // line 3 is cut JSON, line 4 is blank, line 6 has no content, line 7 bad base64.
        let jsonl = concat!(
            "{\"id\":\"a\",\"text\":\"答复\"}\n",
            "{\"id\":\"b\",\"base64\":\"tPC4tA==\"}\r\n",
            "{\"id\":\"c\",\"text\n",
            "\n",
            "{\"id\":7,\"text\":\"x\"}\n",
            "{\"id\":\"e\"}\n",
            "{\"id\":\"f\",\"base64\":\"***\"}\n",
            "[1,2]\n",
            "{\"id\":\"h\",\"text\":\"最后\"}",
        );
        let got: Vec<_> = records(std::io::Cursor::new(jsonl.as_bytes().to_vec())).collect();
        let got: Vec<_> = got.iter().map(summary).collect();
        let want = [("a", "text"), ("b", "bytes"), ("stdin:3", "bad"), ("7", "text"), ("e", "bad"), ("f", "bad"), ("stdin:8", "bad"), ("h", "text")];
        let want: Vec<_> = want.iter().map(|(i, k)| (i.to_string(), *k)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn base64_content_is_the_raw_bytes() {
        // "答复" in GBK is B4 F0 B8 B4.
        match parse_record("{\"id\":\"g\",\"base64\":\"tPC4tA==\"}", 1) {
            Input::Record { content: Content::Bytes(b), .. } => assert_eq!(b, [0xB4, 0xF0, 0xB8, 0xB4]),
            other => panic!("{other:?}"),
        }
    }
}
