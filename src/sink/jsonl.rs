//! JSONL sink: one record per line, flushed after every chunk (streaming consumers such as
//! Spark's `RDD.pipe` see records as soon as a chunk is done).

use std::io::Write;

use super::Sink;
use crate::record::Record;

pub struct JsonlSink<W: Write> {
    out: W,
    line: Vec<u8>,
}

impl<W: Write> JsonlSink<W> {
    pub fn new(out: W) -> Self {
        JsonlSink { out, line: Vec::with_capacity(16 * 1024) }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
        for rec in records {
            self.line.clear();
            serde_json::to_writer(&mut self.line, rec).map_err(std::io::Error::other)?;
            self.line.push(b'\n');
            self.out.write_all(&self.line)?;
        }
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
