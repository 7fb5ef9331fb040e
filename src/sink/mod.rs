//! Sinks: where records go. JSONL (the default), SQLite, and the golden-file comparison.

pub mod golden;
pub mod jsonl;
pub mod sqlite;

use crate::record::Record;

/// A destination for records, fed one chunk at a time in input order.
pub trait Sink {
    type Error;
    /// Write one chunk of records (a sink may make the chunk durable as one unit).
    fn write_chunk(&mut self, records: &[Record]) -> Result<(), Self::Error>;
    /// Called once after the last chunk.
    fn finish(&mut self) -> Result<(), Self::Error>;
}
