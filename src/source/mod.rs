//! Source: what documents to read, in a deterministic order.
//!
//! Files and folders (walked recursively, sorted), a list of paths, or JSONL records on stdin.
//! Stdin records and path lists are read lazily, so a stream of any length runs in constant
//! memory; folders on the command line are listed first (paths only, never contents) so the
//! progress bar knows the total.

pub mod list;
pub mod stdin;
pub mod walk;

use std::path::PathBuf;

/// One document to process, not yet read.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file; `id` is the path as the user gave it (or as the walk produced it).
    File { id: String, path: PathBuf },
    /// A stdin record carrying text or raw bytes.
    Record { id: String, content: Content },
    /// Something that cannot become a document (a malformed stdin line, an unreadable folder
    /// entry): it still becomes exactly one error record.
    Invalid { id: String, path: Option<String>, kind: crate::record::ErrorKind, message: String },
}

/// The content of a stdin record.
#[derive(Debug, Clone)]
pub enum Content {
    Text(String),
    Bytes(Vec<u8>),
}
