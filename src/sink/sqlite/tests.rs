//! Unit tests of the SQLite sink on hand-built records (an in-memory database).

use std::str::FromStr;

use rusqlite::Connection;
use rust_decimal::Decimal;

use super::*;
use crate::record::{Amount, Body, Contact, DocNumber, ErrorInfo, Fields, Reference, Source};

fn reply(path: &str, sha: &str, amounts: &[(&str, &str)]) -> Record {
    let fields = Fields {
        issuer: Some("邵阳市发展和改革委员会".into()),
        classification: Some("A1".into()),
        doc_number: Some(DocNumber {
            text: "邵市发改函〔2024〕77号".into(),
            agency_code: Some("邵市发改函".into()),
            year: Some(2024),
            serial: Some(77),
            warnings: vec![],
        }),
        amounts: amounts
            .iter()
            .map(|(text, yuan)| Amount {
                text: (*text).into(),
                yuan: Decimal::from_str(yuan).unwrap(),
                line: 3,
                ..Amount::default()
            })
            .collect(),
        contacts: vec![Contact {
            role: Some("联系人".into()),
            name: Some("曹权文".into()),
            phones: vec!["15842986508".into()],
        }],
        references: vec![Reference { title: "关于推进以县城为重要载体的城镇化建设的意见".into(), doc_number: None }],
        ..Fields::default()
    };
    Record {
        schema_version: 1,
        id: path.into(),
        source: Source { path: Some(path.into()), bytes: 10, sha256: sha.into(), ..Source::default() },
        body: Body::Fields(Box::new(fields)),
    }
}

fn sink() -> SqliteSink {
    SqliteSink::from_connection(Connection::open_in_memory().unwrap()).unwrap()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn amounts_are_stored_as_exact_decimal_text_and_integer_fen() {
    let mut s = sink();
    s.write_records(&[reply("a.txt", "aa", &[("1579.2万元", "15792000.0"), ("壹佰壹拾万贰仟陆佰壹拾肆元陆角", "1102614.6")])])
        .unwrap();
    let rows: Vec<(String, Option<i64>)> = s
        .connection()
        .prepare("SELECT yuan, yuan_fen FROM amounts ORDER BY pos")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, vec![("15792000".to_string(), Some(1_579_200_000)), ("1102614.6".to_string(), Some(110_261_460))]);
    let ty: String = s.connection().query_row("SELECT typeof(yuan) FROM amounts LIMIT 1", [], |r| r.get(0)).unwrap();
    assert_eq!(ty, "text");
}

#[test]
fn fen_is_null_when_the_value_has_more_than_two_decimals() {
    assert_eq!(fen(Decimal::from_str("0.125").unwrap()), None);
    assert_eq!(fen(Decimal::from_str("4726428700").unwrap()), Some(472_642_870_000));
}

#[test]
fn writing_the_same_record_twice_keeps_one_row_and_the_same_doc_id() {
    let mut s = sink();
    let rec = reply("a.txt", "aa", &[("7803万元", "78030000")]);
    s.write_records(std::slice::from_ref(&rec)).unwrap();
    let id1: i64 = s.connection().query_row("SELECT doc_id FROM documents", [], |r| r.get(0)).unwrap();
    s.write_records(&[rec]).unwrap();
    let id2: i64 = s.connection().query_row("SELECT doc_id FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(id1, id2, "an unchanged record is not rewritten");
    assert_eq!(count(s.connection(), "documents"), 1);
    assert_eq!(count(s.connection(), "amounts"), 1);
    assert_eq!(count(s.connection(), "contacts"), 1);
    assert_eq!(count(s.connection(), "refs"), 1);
}

#[test]
fn a_changed_file_replaces_its_rows_and_cascades_to_children() {
    let mut s = sink();
    s.write_records(&[reply("a.txt", "aa", &[("7803万元", "78030000"), ("10万元", "100000")])]).unwrap();
    s.write_records(&[reply("b.txt", "bb", &[("3394万元", "33940000")])]).unwrap();
    s.write_records(&[reply("a.txt", "a2", &[("7.7亿元", "770000000")])]).unwrap();
    assert_eq!(count(s.connection(), "documents"), 2);
    assert_eq!(count(s.connection(), "amounts"), 2);
    let (sha, yuan): (String, String) = s
        .connection()
        .query_row(
            "SELECT d.sha256, a.yuan FROM documents d JOIN amounts a USING (doc_id) WHERE d.path = 'a.txt'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((sha.as_str(), yuan.as_str()), ("a2", "770000000"));
}

#[test]
fn stdin_records_are_keyed_by_id_and_error_records_fill_errors() {
    let mut s = sink();
    let bad = Record {
        schema_version: 1,
        id: "stdin:7".into(),
        source: Source::default(),
        body: Body::Error { error: ErrorInfo { kind: ErrorKind::BadInput, message: "line 7: not JSON".into() } },
    };
    let mut text = reply("x", "cc", &[]);
    text.id = "doc-1".into();
    text.source.path = None;
    s.write_records(&[bad.clone(), text.clone()]).unwrap();
    s.write_records(&[bad, text]).unwrap();
    assert_eq!(count(s.connection(), "documents"), 2);
    let (kind, msg): (String, String) =
        s.connection().query_row("SELECT kind, message FROM errors", [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    assert_eq!((kind.as_str(), msg.as_str()), ("bad_input", "line 7: not JSON"));
    let kind: String = s.connection().query_row("SELECT error_kind FROM documents WHERE id = 'stdin:7'", [], |r| r.get(0)).unwrap();
    assert_eq!(kind, "bad_input");
}

#[test]
fn the_record_column_holds_the_jsonl_line() {
    let mut s = sink();
    let rec = reply("a.txt", "aa", &[("7803万元", "78030000")]);
    s.write_records(std::slice::from_ref(&rec)).unwrap();
    let json: String = s.connection().query_row("SELECT record FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(json, serde_json::to_string(&rec).unwrap());
    let n: i64 = s
        .connection()
        .query_row("SELECT json_extract(record, '$.amounts[0].yuan') FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 78_030_000);
}

#[test]
fn a_database_from_a_newer_layout_is_refused() {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch("PRAGMA user_version=99").unwrap();
    assert!(matches!(SqliteSink::from_connection(conn), Err(SqliteError::SchemaVersion(99))));
}

/// The ```sql blocks of the README's "SQLite" section.
fn readme_queries() -> Vec<String> {
    let readme = include_str!("../../../README.md");
    let start = readme.find("\n## SQLite\n").expect("README has a SQLite section");
    let section = &readme[start + 1..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    section.split("```sql\n").skip(1).map(|b| b.split("```").next().unwrap().to_string()).collect()
}

#[test]
fn the_readme_queries_run_and_sum_exactly() {
    let mut s = sink();
    let mut other = reply("b.txt", "bb", &[("3394万元", "33940000"), ("0.01元", "0.01")]);
    if let Body::Fields(f) = &mut other.body {
        f.issuer = Some("邵阳市财政局".into());
        f.classification = Some("B".into());
        f.doc_number = None;
        f.date = Some("2023-05-20".into());
    }
    let bad = Record {
        schema_version: 1,
        id: "c.txt".into(),
        source: Source { path: Some("c.txt".into()), ..Source::default() },
        body: Body::Error { error: ErrorInfo { kind: ErrorKind::Empty, message: "0 bytes".into() } },
    };
    s.write_records(&[
        reply("a.txt", "aa", &[("1579.2万元", "15792000.0"), ("壹佰壹拾万贰仟陆佰壹拾肆元陆角", "1102614.6")]),
        other,
        bad,
    ])
    .unwrap();
    let queries = readme_queries();
    assert!(queries.len() >= 4, "{queries:?}");
    let mut results: Vec<Vec<Vec<String>>> = Vec::new();
    for q in &queries {
        let mut stmt = s.connection().prepare(q).unwrap_or_else(|e| panic!("{e}: {q}"));
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                (0..n)
                    .map(|i| {
                        Ok(match r.get_ref(i)? {
                            rusqlite::types::ValueRef::Null => "NULL".to_string(),
                            rusqlite::types::ValueRef::Integer(x) => x.to_string(),
                            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                            other => format!("{other:?}"),
                        })
                    })
                    .collect::<rusqlite::Result<Vec<String>>>()
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        results.push(rows);
    }
    // 15792000 + 1102614.6 = 16894614.6 in 2024; 33940000 + 0.01 in 2023 (year from the date).
    assert_eq!(
        results[0],
        vec![
            vec!["邵阳市发展和改革委员会", "2024", "2", "16894614.60"],
            vec!["邵阳市财政局", "2023", "2", "33940000.01"],
        ]
    );
    assert_eq!(results[1], vec![vec!["A1", "1"], vec!["B", "1"]]);
    assert_eq!(results[2], vec![vec!["c.txt", "empty", "0 bytes"]]);
    assert_eq!(results[3].len(), 2);
    assert_eq!(results[3][0], vec!["邵阳市发展和改革委员会", "曹权文", "15842986508"]);
}
