//! Batch: inputs → ordered chunks processed in parallel by rayon → sink, in input order.
//!
//! Memory is bounded by one chunk: inputs are pulled lazily, a chunk is read and processed in
//! parallel, written, and dropped before the next one is pulled. The work runs on a local rayon
//! pool (never the global one), so a service embedding dafu keeps control of its threads, and
//! the [`Pipeline`] (with its jieba dictionary) is shared by reference, never cloned.
//!
//! ```
//! use dafu::batch::{self, Options};
//! use dafu::source::{Content, Input};
//! use dafu::sink::Sink;
//! use dafu::{Config, Pipeline, Record};
//!
//! // Any sink will do; here, collect the records.
//! struct Collect(Vec<Record>);
//! impl Sink for Collect {
//!     fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
//!         self.0.extend_from_slice(records);
//!         Ok(())
//!     }
//!     fn finish(&mut self) -> std::io::Result<()> { Ok(()) }
//! }
//!
//! let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).unwrap();
//! let inputs = (0..5).map(|i| Input::Record {
//!     id: format!("doc-{i}"),
//!     content: Content::Text(if i == 3 { String::new() } else { format!("第{i}号建议的答复") }),
//! });
//! let mut sink = Collect(Vec::new());
//! let options = Options { chunk: 2, threads: Some(2), ..Options::default() };
//! let summary = batch::run(&pipeline, inputs, &options, &mut sink, |_| {}).unwrap();
//! assert_eq!((summary.documents, summary.errors), (5, 1));
//! let ids: Vec<&str> = sink.0.iter().map(|r| r.id.as_str()).collect();
//! assert_eq!(ids, ["doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]); // input order
//! ```

use rayon::prelude::*;

use crate::pipeline::{error_record, Pipeline};
use crate::record::{ErrorInfo, ErrorKind, Record, Source};
use crate::sink::Sink;
use crate::source::{Content, Input};

/// Documents per chunk: large enough to keep both cores busy, small enough to bound memory.
pub const DEFAULT_CHUNK: usize = 256;
/// Bytes per chunk: a chunk also ends once its files add up to this much (sizes from
/// metadata), so 256 files of 64 MiB never sit in memory together.
pub const DEFAULT_CHUNK_BYTES: u64 = 256 * 1024 * 1024;

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
            let display = path.to_string_lossy().into_owned();
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
                Err(ReadError::Io(e)) => {
                    let message = if e.kind() == std::io::ErrorKind::NotFound {
                        format!("cannot read: {e} (missing, or vanished since it was listed)")
                    } else {
                        format!("cannot read: {e}")
                    };
                    error_record(id, Source { path: Some(display), ..Source::default() }, ErrorInfo { kind: ErrorKind::Io, message })
                }
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

/// Bytes an input will occupy once read: file sizes from metadata (capped, since a file over
/// `--max-bytes` is never read), record contents as they are.
fn size_hint(input: &Input, max: u64) -> u64 {
    match input {
        Input::File { path, .. } => std::fs::metadata(path).map(|m| if m.len() > max { 0 } else { m.len() }).unwrap_or(0),
        Input::Record { content: Content::Text(t), .. } => t.len() as u64,
        Input::Record { content: Content::Bytes(b), .. } => b.len() as u64,
        Input::Invalid { .. } => 0,
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

/// How a batch runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Documents per chunk; memory is bounded by one chunk.
    pub chunk: usize,
    /// Worker threads; `None` for one per core.
    pub threads: Option<usize>,
    /// A chunk ends early once its documents add up to this many bytes.
    pub chunk_bytes: u64,
    /// Write a chunk's records while the pool processes the next chunk, so that the workers
    /// never wait for the sink (serialisation is a few percent of the work, done on one thread).
    /// Turn it off when pulling inputs may block, as on a stream from stdin: then each chunk's
    /// records are written as soon as they are ready, before more input is awaited.
    pub overlap: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { chunk: DEFAULT_CHUNK, threads: None, chunk_bytes: DEFAULT_CHUNK_BYTES, overlap: true }
    }
}

/// Run the pipeline over `inputs` on a local pool of `options.threads`, writing records to
/// `sink` in input order. `progress` is called after each chunk with the counts so far.
/// Records out = inputs in: every input gives exactly one record, errors included.
pub fn run<I, S, P>(pipeline: &Pipeline, inputs: I, options: &Options, sink: &mut S, progress: P) -> std::io::Result<Summary>
where
    I: IntoIterator<Item = Input>,
    S: Sink + ?Sized,
    P: FnMut(&Summary),
{
    let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("dafu-{i}"));
    if let Some(n) = options.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build().map_err(std::io::Error::other)?;
    run_in(&pool, pipeline, inputs, options, sink, progress)
}

/// [`run`] on a pool the caller owns (a service reusing one pool across requests).
pub fn run_in<I, S, P>(
    pool: &rayon::ThreadPool,
    pipeline: &Pipeline,
    inputs: I,
    options: &Options,
    sink: &mut S,
    mut progress: P,
) -> std::io::Result<Summary>
where
    I: IntoIterator<Item = Input>,
    S: Sink + ?Sized,
    P: FnMut(&Summary),
{
    let chunk = options.chunk.max(1);
    let mut summary = Summary::default();
    let mut inputs = inputs.into_iter();
    // Records of the previous chunk, processed but not yet written. The sink writes them on
    // this thread while the pool works on the next chunk, so that the workers do not wait for
    // the serialisation: at most two chunks of records and one of inputs are held at a time.
    let mut pending: Option<Vec<Record>> = None;
    let mut write = |records: Vec<Record>, summary: &mut Summary| -> std::io::Result<()> {
        for rec in &records {
            summary.documents += 1;
            summary.bytes += rec.source.bytes;
            if rec.error().is_some() {
                summary.errors += 1;
            }
        }
        // The sink runs on the caller's thread: it need not be Send.
        sink.write_chunk(&records)?;
        progress(summary);
        Ok(())
    };
    loop {
        let mut buf: Vec<Input> = Vec::with_capacity(chunk);
        let mut bytes = 0u64;
        while buf.len() < chunk && bytes < options.chunk_bytes {
            let Some(input) = inputs.next() else { break };
            bytes += size_hint(&input, pipeline.config().max_bytes);
            buf.push(input);
        }
        if buf.is_empty() {
            break;
        }
        // par_iter + collect keeps input order whatever thread finishes first.
        let process = || -> Vec<Record> { buf.par_iter().map(|input| process_input(pipeline, input)).collect() };
        if !options.overlap {
            let records = pool.install(process);
            write(records, &mut summary)?;
            continue;
        }
        let mut records: Vec<Record> = Vec::new();
        let mut written = Ok(());
        pool.in_place_scope(|scope| {
            scope.spawn(|_| records = process());
            if let Some(previous) = pending.take() {
                written = write(previous, &mut summary);
            }
        });
        written?;
        pending = Some(records);
    }
    if let Some(last) = pending {
        write(last, &mut summary)?;
    }
    sink.finish()?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    struct Collect(Vec<Record>, usize);
    impl Sink for Collect {
        fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
            assert!(records.len() <= self.1, "a chunk larger than asked for");
            self.0.extend_from_slice(records);
            Ok(())
        }
        fn finish(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn vanished_and_unreadable_files_become_io_records_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let paths: Vec<_> = (0..4).map(|i| dir.path().join(format!("{i}.txt"))).collect();
        for p in &paths {
            std::fs::write(p, "你提出的建议收悉，现答复如下。").expect("write");
        }
        let inputs: Vec<Input> = paths.iter().map(|p| Input::File { id: p.display().to_string(), path: p.clone() }).collect();
        // Listed, then gone before it is read.
        std::fs::remove_file(&paths[1]).expect("rm");
        // A folder where a file was listed.
        std::fs::remove_file(&paths[2]).expect("rm");
        std::fs::create_dir(&paths[2]).expect("mkdir");
        let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).expect("pipeline");
        let mut sink = Collect(Vec::new(), 3);
        let options = Options { chunk: 3, threads: Some(2), ..Options::default() };
        let summary = run(&pipeline, inputs, &options, &mut sink, |_| {}).expect("run");
        assert_eq!((summary.documents, summary.errors), (4, 2));
        let kinds: Vec<_> = sink.0.iter().map(|r| r.error().map(|e| e.kind)).collect();
        assert_eq!(kinds, [None, Some(ErrorKind::Io), Some(ErrorKind::Io), None]);
        let ids: Vec<_> = sink.0.iter().map(|r| r.id.clone()).collect();
        let want: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(ids, want);
    }

    #[test]
    fn too_large_is_refused_from_metadata() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("big.txt");
        std::fs::write(&p, "答".repeat(100)).expect("write");
        let pipeline = Pipeline::new(Config { segment: false, max_bytes: 299, ..Config::default() }).expect("pipeline");
        let r = process_input(&pipeline, &Input::File { id: "big".into(), path: p });
        assert_eq!(r.error().map(|e| e.kind), Some(ErrorKind::TooLarge));
        assert_eq!(r.source.bytes, 300);
        assert_eq!(r.source.sha256, "", "refused before reading, so no hash");
    }

    /// Pull 5,000 inputs in chunks of 64 and check, at every write, how far ahead of the sink
    /// the inputs were pulled: at most `ahead` records.
    fn pull_and_watch(overlap: bool, ahead: usize) {
        use std::cell::Cell;
        use std::rc::Rc;
        struct Watch {
            pulled: Rc<Cell<usize>>,
            written: usize,
            ahead: usize,
        }
        impl Sink for Watch {
            fn write_chunk(&mut self, records: &[Record]) -> std::io::Result<()> {
                self.written += records.len();
                assert!(self.pulled.get() <= self.written + self.ahead, "read ahead: {} pulled, {} written", self.pulled.get(), self.written);
                Ok(())
            }
            fn finish(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let pulled = Rc::new(Cell::new(0usize));
        let counter = Rc::clone(&pulled);
        let inputs = (0..5000).map(move |i| {
            counter.set(counter.get() + 1);
            Input::Record { id: i.to_string(), content: Content::Text("答复".into()) }
        });
        let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).expect("pipeline");
        let mut sink = Watch { pulled: Rc::clone(&pulled), written: 0, ahead };
        let options = Options { chunk: 64, threads: Some(2), overlap, ..Options::default() };
        let summary = run(&pipeline, inputs, &options, &mut sink, |_| {}).expect("run");
        assert_eq!(summary.documents, 5000);
        assert_eq!(sink.written, 5000);
    }

    #[test]
    fn inputs_are_pulled_at_most_one_chunk_ahead_of_the_sink() {
        // Memory bounded by the chunk: a long stream is never read ahead of what was written
        // by more than the chunk being processed while the previous one is written.
        pull_and_watch(true, 64);
    }

    #[test]
    fn without_overlap_a_chunk_is_written_before_more_input_is_pulled() {
        // A stream on stdin: records go out before dafu waits for more input.
        pull_and_watch(false, 0);
    }

    #[test]
    fn a_chunk_also_ends_at_its_byte_budget() {
        let dir = tempfile::tempdir().expect("tempdir");
        let inputs: Vec<Input> = (0..10)
            .map(|i| {
                let path = dir.path().join(format!("{i}.txt"));
                std::fs::write(&path, "答".repeat(40)).expect("write"); // 120 bytes
                Input::File { id: i.to_string(), path }
            })
            .collect();
        let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).expect("pipeline");
        // 120 + 120 + 120 = 360 >= 300: three files per chunk, the sink checks it.
        let mut sink = Collect(Vec::new(), 3);
        let options = Options { chunk: 100, threads: Some(2), chunk_bytes: 300, ..Options::default() };
        let summary = run(&pipeline, inputs, &options, &mut sink, |_| {}).expect("run");
        assert_eq!(summary.documents, 10);
        assert_eq!(sink.0.len(), 10);
    }
}
