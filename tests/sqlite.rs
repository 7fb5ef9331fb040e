//! `dafu extract --sqlite`: end to end through the binary — the database matches the JSONL,
//! re-runs over the same or a grown dump are idempotent, and a run killed with SIGKILL leaves a
//! consistent database that the next run completes.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

fn dafu() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dafu"))
}

/// A small reply document; `i` makes every file different (so every sha256 differs).
fn doc(i: usize) -> String {
    format!(
        "对市十七届人大三次会议第{i}号建议的答复\n陈业华代表：\n您提出的《关于建强特色小镇载体的建议》收悉。\n\
         1. 强化规划引领。一是争取中央预算内资金{i}万元；二是发行专项债1.4亿元。\n\
         联系人及电话：曹权文 15842986508\n邵阳市发展和改革委员会\n2024年6月12日\n"
    )
}

fn write_dump(dir: &Path, n: usize) -> Vec<PathBuf> {
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&sub).unwrap();
        let p = sub.join(format!("{i:05}.txt"));
        std::fs::write(&p, doc(i)).unwrap();
        paths.push(p);
    }
    paths
}

fn query_i64(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn run_to_db(dump: &Path, db: &Path) -> (i32, String) {
    let out = dafu()
        .args(["extract", "--quiet", "--chunk", "16", "--sqlite"])
        .arg(db)
        .arg(dump)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8(out.stdout).unwrap())
}

/// Every structural invariant a half-written database could break.
fn assert_consistent(conn: &Connection) {
    let ok: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(ok, "ok");
    let fk_violations = conn.prepare("PRAGMA foreign_key_check").unwrap().query_map([], |_| Ok(())).unwrap().count();
    assert_eq!(fk_violations, 0, "child rows without a document");
    assert_eq!(query_i64(conn, "SELECT COUNT(*) - COUNT(DISTINCT path) FROM documents"), 0, "duplicate paths");
    // Each document has exactly the child rows its record lists (no chunk half-written).
    for (table, key) in [("amounts", "amounts"), ("contacts", "contacts"), ("addressees", "addressees"), ("measures", "measures"), ("refs", "references")] {
        let bad = query_i64(
            conn,
            &format!(
                "SELECT COUNT(*) FROM documents d WHERE error_kind IS NULL AND \
                 json_array_length(d.record, '$.{key}') != (SELECT COUNT(*) FROM {table} c WHERE c.doc_id = d.doc_id)"
            ),
        );
        assert_eq!(bad, 0, "{table} rows disagree with the records");
    }
}

#[test]
fn the_database_holds_exactly_the_jsonl_records() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump");
    write_dump(&dump, 40);
    std::fs::write(dump.join("empty.txt"), "").unwrap();
    let db = tmp.path().join("out.db");
    let (code, stdout) = run_to_db(&dump, &db);
    assert_eq!(code, 1, "one empty file is one error record: exit 1");
    let conn = Connection::open(&db).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 41);
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM documents"), 41);
    let mut stmt = conn.prepare("SELECT record FROM documents ORDER BY doc_id").unwrap();
    let records: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    assert_eq!(records, lines, "rows in input order, each the JSONL line");
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM errors WHERE kind = 'empty'"), 1);
    assert_consistent(&conn);
}

#[test]
fn rerunning_over_a_grown_and_edited_dump_is_idempotent() {
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump");
    let paths = write_dump(&dump, 30);
    let db = tmp.path().join("out.db");
    assert_eq!(run_to_db(&dump, &db).0, 0);
    let conn = Connection::open(&db).unwrap();
    let before_max = query_i64(&conn, "SELECT MAX(doc_id) FROM documents");

    // Same dump again: nothing rewritten.
    assert_eq!(run_to_db(&dump, &db).0, 0);
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM documents"), 30);
    assert_eq!(query_i64(&conn, "SELECT MAX(doc_id) FROM documents"), before_max, "unchanged records are not rewritten");

    // Grow by 5 files and edit one: 35 documents, the edited one carries its new sha256.
    let grown = dump.join("new");
    std::fs::create_dir_all(&grown).unwrap();
    for i in 0..5 {
        std::fs::write(grown.join(format!("n{i}.txt")), doc(1000 + i)).unwrap();
    }
    let edited = &paths[7];
    let new_bytes = doc(9999).into_bytes();
    std::fs::write(edited, &new_bytes).unwrap();
    let untouched_id = query_i64(&conn, "SELECT doc_id FROM documents WHERE path LIKE '%00003.txt'");
    assert_eq!(run_to_db(&dump, &db).0, 0);
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM documents"), 35);
    assert_eq!(query_i64(&conn, "SELECT doc_id FROM documents WHERE path LIKE '%00003.txt'"), untouched_id);
    let sha: String = conn
        .query_row("SELECT sha256 FROM documents WHERE path = ?1", [edited.display().to_string()], |r| r.get(0))
        .unwrap();
    assert_eq!(sha, dafu::pipeline::sha256_hex(&new_bytes));
    assert_consistent(&conn);
}

#[test]
fn stdin_records_are_keyed_by_id_across_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("out.db");
    let run = |input: &str| {
        let mut child = dafu()
            .args(["extract", "--quiet", "--no-segment", "--stdin-jsonl", "--sqlite"])
            .arg(&db)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait().unwrap().code()
    };
    let first = "{\"id\":\"a\",\"text\":\"陈业华代表：\\n资金10万元\"}\n{\"id\":\"b\",\"text\":\"纪占斌等3名代表：\"}\n";
    assert_eq!(run(first), Some(0));
    assert_eq!(run(first), Some(0));
    let changed = "{\"id\":\"a\",\"text\":\"陈业华代表：\\n资金20万元\"}\n";
    assert_eq!(run(changed), Some(0));
    let conn = Connection::open(&db).unwrap();
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM documents"), 2);
    let text_a: String = conn.query_row("SELECT record FROM documents WHERE id = 'a'", [], |r| r.get(0)).unwrap();
    let expected_sha = dafu::pipeline::sha256_hex("陈业华代表：\n资金20万元".as_bytes());
    assert!(text_a.contains(&expected_sha), "record a was replaced by the changed text");
}

/// SIGKILL midway, then re-run: every file exactly once, nothing half-written.
#[test]
fn a_killed_run_leaves_a_consistent_database_that_the_next_run_completes() {
    const N: usize = 3001; // not a multiple of the chunk: a finished run is told from a killed one
    let tmp = tempfile::tempdir().unwrap();
    let dump = tmp.path().join("dump");
    write_dump(&dump, N);
    let db = tmp.path().join("out.db");
    let mut child = dafu()
        .args(["extract", "--quiet", "--chunk", "16", "--sqlite"])
        .arg(&db)
        .arg(&dump)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        assert!(Instant::now() < deadline, "no rows appeared in two minutes");
        let rows = Connection::open_with_flags(&db, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0)));
        if matches!(rows, Ok(n) if n >= 32) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix: no destructor, no rollback handler runs
    let status = child.wait().unwrap();
    assert!(!status.success(), "the run finished before it could be killed: make the dump larger");

    let conn = Connection::open(&db).unwrap();
    let at_kill = query_i64(&conn, "SELECT COUNT(*) FROM documents");
    assert!(at_kill >= 32 && (at_kill as usize) < N, "{at_kill} rows at the kill");
    eprintln!("killed with {at_kill} of {N} documents committed");
    assert_eq!(at_kill % 16, 0, "one transaction per chunk of 16: {at_kill} rows is a torn chunk");
    assert_consistent(&conn);
    let last_at_kill = query_i64(&conn, "SELECT MAX(doc_id) FROM documents");

    let (code, _) = run_to_db(&dump, &db); // the same flags as the killed run

    assert_eq!(code, 0);
    assert_eq!(query_i64(&conn, "SELECT COUNT(*) FROM documents"), N as i64);
    assert_eq!(query_i64(&conn, "SELECT COUNT(DISTINCT sha256) FROM documents"), N as i64);
    let kept = query_i64(&conn, &format!("SELECT COUNT(*) FROM documents WHERE doc_id <= {last_at_kill}"));
    assert_eq!(kept, at_kill, "rows committed before the kill are kept, not rewritten");
    assert_consistent(&conn);
}
