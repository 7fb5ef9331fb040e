//! Sinks: where records go. JSONL (the default), SQLite, and the golden-file comparison.

pub mod golden;
pub mod jsonl;
pub mod sqlite;

use crate::record::Record;

/// A destination for records, fed one chunk at a time in input order.
///
/// Errors are `std::io::Error` so that a closed stdout (`BrokenPipe`) can be told apart from a
/// real failure by the binary; other sinks wrap theirs with `std::io::Error::other`.
pub trait Sink {
    /// Write one chunk of records (a sink may make the chunk durable as one unit).
    fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()>;
    /// Called once after the last chunk.
    fn finish(&mut self) -> std::io::Result<()>;
}

/// Two sinks fed the same chunks: the first (a database, say) is written before the second
/// (stdout), so a closed pipe downstream never costs the first its chunk.
pub struct Tee<A, B>(pub A, pub B);

impl<A: Sink, B: Sink> Sink for Tee<A, B> {
    fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
        self.0.write_chunk(records)?;
        self.1.write_chunk(records)
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.0.finish()?;
        self.1.finish()
    }
}
