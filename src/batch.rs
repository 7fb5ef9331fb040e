//! Batch: inputs → ordered chunks processed in parallel by rayon → sink, in input order.
//!
//! Memory is bounded by one chunk: inputs are pulled lazily, a chunk is read and processed in
//! parallel, written, and dropped before the next one is pulled.

use rayon::prelude::*;

use crate::pipeline::{error_record, Pipeline};
use crate::record::{ErrorInfo, ErrorKind, Record, Source};
use crate::sink::Sink;
use crate::source::{Content, Input};

/// Documents per chunk: large enough to keep both cores busy, small enough to bound memory.
pub const DEFAULT_CHUNK: usize = 256;

/// Counts for the end-of-run summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub documents: u64,
    pub errors: u64,
    pub bytes: u64,
}

/// Process one input into exactly one record (reads the file if it is one).
pub fn process_input(pipeline: &Pipeline, input: &Input) -> Record {
    match input {
        Input::File { id, path } => {
            let display = path.display().to_string();
            match read_capped(path, pipeline.config().max_bytes) {
                Ok(bytes) => pipeline.process_bytes(id, Some(&display), &bytes),
                Err(ReadError::TooLarge(len)) => error_record(
                    id,
                    Source { path: Some(display), bytes: len, ..Source::default() },
                    ErrorInfo {
                        kind: ErrorKind::TooLarge,
                        message: format!("{len} bytes, over --max-bytes {}", pipeline.config().max_bytes),
                    },
                ),
                Err(ReadError::Io(e)) => error_record(
                    id,
                    Source { path: Some(display), ..Source::default() },
                    ErrorInfo { kind: ErrorKind::Io, message: e.to_string() },
                ),
            }
        }
        Input::Record { id, content: Content::Text(t) } => pipeline.process_text(id, t),
        Input::Record { id, content: Content::Bytes(b) } => pipeline.process_bytes(id, None, b),
        Input::Invalid { id, path, kind, message } => error_record(
            id,
            Source { path: path.clone(), ..Source::default() },
            ErrorInfo { kind: *kind, message: message.clone() },
        ),
    }
}

enum ReadError {
    TooLarge(u64),
    Io(std::io::Error),
}

/// Read a file, refusing before reading when its metadata already says it is too large.
fn read_capped(path: &std::path::Path, max: u64) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::Io(std::io::Error::other("is a directory")));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(meta.len()));
    }
    std::fs::read(path).map_err(ReadError::Io)
}

/// Run the pipeline over `inputs` in chunks of `chunk`, writing records to `sink` in input
/// order. `progress` is called after each chunk with the counts so far.
pub fn run<I, S, P>(pipeline: &Pipeline, inputs: I, chunk: usize, sink: &mut S, mut progress: P) -> std::io::Result<Summary>
where
    I: IntoIterator<Item = Input>,
    S: Sink + ?Sized,
    P: FnMut(&Summary),
{
    let chunk = chunk.max(1);
    let mut summary = Summary::default();
    let mut inputs = inputs.into_iter();
    let mut buf: Vec<Input> = Vec::with_capacity(chunk);
    loop {
        buf.clear();
        buf.extend(inputs.by_ref().take(chunk));
        if buf.is_empty() {
            break;
        }
        let records: Vec<Record> = buf.par_iter().map(|input| process_input(pipeline, input)).collect();
        for rec in &records {
            summary.documents += 1;
            summary.bytes += rec.source.bytes;
            if rec.error().is_some() {
                summary.errors += 1;
            }
        }
        sink.write_chunk(&records)?;
        progress(&summary);
    }
    sink.finish()?;
    Ok(summary)
}
