//! SQLite sink: the records as normalized tables (schema in `schema.sql`), one transaction per
//! chunk, so a run killed midway leaves a consistent database that the next run completes.
//!
//! Re-running is idempotent: a file is keyed by its path, a stdin record by its id. A record
//! whose JSON is unchanged is left alone; a changed one (new bytes, so a new sha256, or a newer
//! dafu) replaces its document row, and `ON DELETE CASCADE` takes its child rows with it.
//! Money is stored exactly: the decimal as TEXT plus integer fen for `SUM()`, never REAL.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::Sink;
use crate::record::{ErrorKind, Record};

/// The version of the table layout, kept in `PRAGMA user_version`.
pub const DB_SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = include_str!("schema.sql");

#[derive(Debug, thiserror::Error)]
pub enum SqliteError {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("serialising a record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the database has table layout version {0}; this dafu writes version {DB_SCHEMA_VERSION}")]
    SchemaVersion(i64),
}

/// Writes records into a SQLite database, creating the tables if needed.
pub struct SqliteSink {
    conn: Connection,
}

impl SqliteSink {
    /// Open (or create) the database at `path` and make sure the tables exist.
    pub fn open(path: &Path) -> Result<Self, SqliteError> {
        Self::from_connection(Connection::open(path)?)
    }

    /// Use an already open connection (an in-memory database in tests).
    pub fn from_connection(conn: Connection) -> Result<Self, SqliteError> {
        // WAL: readers (a user's query while a run goes on) never block the writer, and a
        // killed process loses at most the chunk in flight. NORMAL is durable across a process
        // kill in WAL mode; only an OS crash can lose the last commits, never consistency.
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        conn.execute_batch("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != 0 && version != DB_SCHEMA_VERSION {
            return Err(SqliteError::SchemaVersion(version));
        }
        conn.execute_batch(SCHEMA)?;
        conn.execute_batch(&format!("PRAGMA user_version={DB_SCHEMA_VERSION}"))?;
        Ok(SqliteSink { conn })
    }

    /// The connection, for queries after writing.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Write a chunk of records as one transaction.
    pub fn write_records(&mut self, records: &[Record]) -> Result<(), SqliteError> {
        let tx = self.conn.transaction()?;
        for rec in records {
            upsert(&tx, rec)?;
        }
        tx.commit()?;
        Ok(())
    }
}

impl Sink for SqliteSink {
    fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
        self.write_records(records).map_err(std::io::Error::other)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        // Fold the WAL back into the main file so the database is one self-contained file.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(std::io::Error::other)
    }
}

/// Insert a record, or replace the row with the same key when the record changed.
fn upsert(tx: &Transaction, rec: &Record) -> Result<(), SqliteError> {
    let json = serde_json::to_string(rec)?;
    let existing: Option<(i64, String)> = match &rec.source.path {
        Some(p) => tx
            .prepare_cached("SELECT doc_id, record FROM documents WHERE path = ?1")?
            .query_row([p], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?,
        None => tx
            .prepare_cached("SELECT doc_id, record FROM documents WHERE path IS NULL AND id = ?1")?
            .query_row([&rec.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?,
    };
    if let Some((doc_id, old)) = existing {
        if old == json {
            return Ok(());
        }
        tx.prepare_cached("DELETE FROM documents WHERE doc_id = ?1")?.execute([doc_id])?;
    }
    let doc_id = insert_document(tx, rec, &json)?;
    insert_children(tx, doc_id, rec)?;
    Ok(())
}

fn insert_document(tx: &Transaction, rec: &Record, json: &str) -> Result<i64, SqliteError> {
    let s = &rec.source;
    let err = rec.error();
    let f = rec.fields();
    let dn = f.and_then(|f| f.doc_number.as_ref());
    let p = f.and_then(|f| f.proposal.as_ref());
    let mut stmt = tx.prepare_cached(
        "INSERT INTO documents (id, path, sha256, bytes, encoding, encoding_method, malformed,
            error_kind, error_message, disclosure, classification, issuer,
            doc_number, doc_agency_code, doc_year, doc_serial, title,
            proposal_body, proposal_level, proposal_term, proposal_session, proposal_number, proposal_kind,
            addressee_count, subject, date, signer, next_steps, chars, lines, tokens, record)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
            ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    )?;
    stmt.execute(params![
        rec.id,
        s.path,
        s.sha256,
        s.bytes as i64,
        s.encoding,
        s.encoding_method,
        s.malformed.map(|m| m as i64),
        err.map(|e| error_kind_name(e.kind)),
        err.map(|e| e.message.as_str()),
        f.and_then(|f| f.disclosure.as_deref()),
        f.and_then(|f| f.classification.as_deref()),
        f.and_then(|f| f.issuer.as_deref()),
        dn.map(|d| d.text.as_str()),
        dn.and_then(|d| d.agency_code.as_deref()),
        dn.and_then(|d| d.year),
        dn.and_then(|d| d.serial),
        f.and_then(|f| f.title.as_deref()),
        p.and_then(|p| p.body.as_deref()),
        p.and_then(|p| p.level.as_deref()),
        p.and_then(|p| p.term),
        p.and_then(|p| p.session),
        p.and_then(|p| p.number.as_deref()),
        p.and_then(|p| p.kind.as_deref()),
        f.and_then(|f| f.addressee_count),
        f.and_then(|f| f.subject.as_deref()),
        f.and_then(|f| f.date.as_deref()),
        f.and_then(|f| f.signer.as_deref()),
        f.and_then(|f| f.next_steps.as_deref()),
        f.map(|f| f.stats.chars as i64),
        f.map(|f| f.stats.lines as i64),
        f.and_then(|f| f.stats.tokens.map(|t| t as i64)),
        json,
    ])?;
    Ok(tx.last_insert_rowid())
}

fn insert_children(tx: &Transaction, doc_id: i64, rec: &Record) -> Result<(), SqliteError> {
    if let Some(e) = rec.error() {
        tx.prepare_cached("INSERT INTO errors (doc_id, kind, message) VALUES (?1, ?2, ?3)")?
            .execute(params![doc_id, error_kind_name(e.kind), e.message])?;
    }
    let Some(f) = rec.fields() else { return Ok(()) };
    let mut stmt = tx.prepare_cached(
        "INSERT INTO amounts (doc_id, pos, text, yuan, yuan_fen, yuan_max, yuan_max_fen, qualifier,
            inferred_unit, per, label, measure, line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for (pos, a) in f.amounts.iter().enumerate() {
        stmt.execute(params![
            doc_id,
            pos as i64,
            a.text,
            decimal_text(a.yuan),
            fen(a.yuan),
            a.yuan_max.map(decimal_text),
            a.yuan_max.and_then(fen),
            a.qualifier,
            a.inferred_unit,
            a.per,
            a.label,
            a.measure,
            a.line,
        ])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO contacts (doc_id, pos, role, name, phones) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (pos, c) in f.contacts.iter().enumerate() {
        stmt.execute(params![doc_id, pos as i64, c.role, c.name, serde_json::to_string(&c.phones)?])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO addressees (doc_id, pos, name, role) VALUES (?1, ?2, ?3, ?4)")?;
    for (pos, a) in f.addressees.iter().enumerate() {
        stmt.execute(params![doc_id, pos as i64, a.name, a.role])?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT INTO measures (doc_id, pos, idx, heading, points, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (pos, m) in f.measures.iter().enumerate() {
        stmt.execute(params![doc_id, pos as i64, m.index, m.heading, serde_json::to_string(&m.points)?, m.line])?;
    }
    let mut stmt = tx.prepare_cached("INSERT INTO refs (doc_id, pos, title, doc_number) VALUES (?1, ?2, ?3, ?4)")?;
    for (pos, r) in f.references.iter().enumerate() {
        stmt.execute(params![doc_id, pos as i64, r.title, r.doc_number])?;
    }
    let mut stmt =
        tx.prepare_cached("INSERT INTO warnings (doc_id, field, pos, message) VALUES (?1, ?2, ?3, ?4)")?;
    for (pos, w) in f.warnings.iter().enumerate() {
        stmt.execute(params![doc_id, "record", pos as i64, w])?;
    }
    if let Some(dn) = &f.doc_number {
        for (pos, w) in dn.warnings.iter().enumerate() {
            stmt.execute(params![doc_id, "doc_number", pos as i64, w])?;
        }
    }
    Ok(())
}

/// The record's snake_case name of an error kind.
fn error_kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Io => "io",
        ErrorKind::Empty => "empty",
        ErrorKind::Binary => "binary",
        ErrorKind::TooLarge => "too_large",
        ErrorKind::BadInput => "bad_input",
    }
}

/// The decimal without trailing zeros ("15792000", "1102614.6"), so equal values compare equal as text.
fn decimal_text(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Exact integer fen, when the value has at most two decimals and fits an i64.
fn fen(d: Decimal) -> Option<i64> {
    let f = d.checked_mul(Decimal::ONE_HUNDRED)?;
    if f.fract().is_zero() {
        f.to_i64()
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
