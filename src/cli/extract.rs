//! `dafu extract`: documents in, one JSON record per document out, in input order.

use std::io::{BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::batch::{self, Summary};
use crate::sink::jsonl::JsonlSink;
use crate::sink::Sink;
use crate::source::{self, Input};
use crate::{Config, Pipeline};

const EXAMPLES: &str = "Examples:
  dafu extract dump/ > records.jsonl
  dafu extract a.txt b.txt -o records.jsonl
  find dump -name '*.txt' | dafu extract --paths-from -
  dafu extract --stdin-jsonl < docs.jsonl      # {\"id\": \"...\", \"text\": \"...\"} per line
                                               # or {\"id\": \"...\", \"base64\": \"...\"} for raw bytes
  dafu extract dump/ --ext txt,htm --encoding gbk --threads 2
  dafu extract dump/ -o records.jsonl; echo $?  # 0 all ok, 1 some error records, 2 fatal

Every input gives exactly one record; unreadable, empty, binary or oversized documents give
an error record ({\"error\": {\"kind\", \"message\"}}). `dafu schema` prints the record's JSON Schema.";

#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Files and folders (folders are walked recursively, in sorted order)
    pub inputs: Vec<PathBuf>,
    /// Write records here instead of stdout
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Read paths to process from FILE, one per line ('-' for stdin)
    #[arg(long, value_name = "FILE")]
    pub paths_from: Option<PathBuf>,
    /// Read {"id","text"} or {"id","base64"} JSON records from stdin, one per line
    #[arg(long, conflicts_with_all = ["inputs", "paths_from"])]
    pub stdin_jsonl: bool,
    /// File extensions taken from folders (repeatable or comma-separated; '*' for every file)
    #[arg(long, value_delimiter = ',', default_value = "txt")]
    pub ext: Vec<String>,
    /// Decode every document with this encoding (an encoding_rs label: gbk, big5, utf-16le …)
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// Documents larger than this become too_large error records
    #[arg(long, default_value_t = crate::pipeline::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Worker threads (default: all cores)
    #[arg(long)]
    pub threads: Option<usize>,
    /// Documents per chunk (memory is bounded by one chunk)
    #[arg(long, default_value_t = batch::DEFAULT_CHUNK)]
    pub chunk: usize,
    /// Also write the records into this SQLite database (normalized tables; re-runs are idempotent)
    #[arg(long, value_name = "DB")]
    pub sqlite: Option<PathBuf>,
    /// Skip segmentation (keywords [] and stats.tokens null)
    #[arg(long)]
    pub no_segment: bool,
    /// An extra jieba dictionary: one `word freq tag` per line
    #[arg(long, value_name = "FILE")]
    pub user_dict: Option<PathBuf>,
    /// No progress bar and no summary line
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let forced_encoding = match &args.encoding {
        Some(label) => Some(
            encoding_rs::Encoding::for_label(label.trim().as_bytes())
                .with_context(|| format!("unknown encoding label {label:?} (try gbk, gb18030, big5, utf-16le, utf-8)"))?,
        ),
        None => None,
    };
    if args.threads == Some(0) {
        anyhow::bail!("--threads must be at least 1");
    }
    let config = Config {
        forced_encoding,
        max_bytes: args.max_bytes,
        segment: !args.no_segment,
        user_dict: args.user_dict.clone(),
    };
    // The clock includes loading the dictionary: the summary reports what the user waited.
    let start = Instant::now();
    let (inputs, total) = open_inputs(&args)?;
    let mut sink = open_sink(&args)?;
    let pipeline = Pipeline::new(config).context("loading the segmenter")?;

    let bar = (!args.quiet && std::io::stderr().is_terminal()).then(|| progress_bar(total));
    // Inputs read from stdin may block: write each chunk as soon as it is done there.
    let stream = args.stdin_jsonl || args.paths_from.as_deref().is_some_and(|p| p.as_os_str() == "-");
    let options = batch::Options { chunk: args.chunk, threads: args.threads, overlap: !stream, ..batch::Options::default() };
    let result = batch::run(&pipeline, inputs, &options, sink.as_mut(), |s| {
        if let Some(b) = &bar {
            b.set_position(s.documents);
            b.set_message(format!("{} errors", s.errors));
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let summary = match result {
        Ok(s) => s,
        // `dafu extract dump/ | head`: the reader has what it wanted; stop quietly.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(super::EXIT_OK),
        Err(e) => return Err(e).context("writing records"),
    };
    if !args.quiet {
        // Ignore a closed stderr: the records are written, the summary is a courtesy.
        let _ = writeln!(std::io::stderr(), "{}", summary_line(&summary, start.elapsed()));
    }
    Ok(if summary.errors > 0 { super::EXIT_SOME_ERRORS } else { super::EXIT_OK })
}

/// The inputs, lazily, and their count when it is known before reading (folders and files on
/// the command line are listed up front, paths only; streams are not).
fn open_inputs(args: &Args) -> anyhow::Result<(Box<dyn Iterator<Item = Input> + Send>, Option<u64>)> {
    if args.stdin_jsonl {
        return Ok((Box::new(source::stdin::records(BufReader::new(std::io::stdin()))), None));
    }
    let listed = source::walk::expand(&args.inputs, &args.ext);
    let count = listed.len() as u64;
    let named = listed.into_iter().map(source::walk::Found::into_input);
    match &args.paths_from {
        None if args.inputs.is_empty() => {
            anyhow::bail!("no inputs: give files or folders, --paths-from FILE, or --stdin-jsonl (see --help)")
        }
        None => Ok((Box::new(named), Some(count))),
        Some(list) => {
            let listed: Box<dyn Iterator<Item = Input> + Send> = if list.as_os_str() == "-" {
                Box::new(source::list::inputs(BufReader::new(std::io::stdin()), args.ext.clone()))
            } else {
                let f = std::fs::File::open(list).with_context(|| format!("opening the path list {}", list.display()))?;
                Box::new(source::list::inputs(BufReader::new(f), args.ext.clone()))
            };
            Ok((Box::new(named.chain(listed)), None))
        }
    }
}

/// Where records go: stdout or `-o FILE` as JSONL, and with `--sqlite DB` a database as well.
fn open_sink(args: &Args) -> anyhow::Result<Box<dyn Sink>> {
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout())),
    };
    let jsonl = JsonlSink::new(out);
    Ok(match &args.sqlite {
        // The database first: a closed stdout downstream never costs it a chunk.
        Some(db) => Box::new(crate::sink::Tee(
            crate::sink::sqlite::SqliteSink::open(db).with_context(|| format!("opening {}", db.display()))?,
            jsonl,
        )),
        None => Box::new(jsonl),
    })
}

/// A bar with a count when the total is known, a spinner for streams; both on stderr.
fn progress_bar(total: Option<u64>) -> ProgressBar {
    let bar = match total {
        Some(n) => {
            let b = ProgressBar::new(n);
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} documents, {msg} [{elapsed} < {eta}]") {
                b.set_style(style);
            }
            b
        }
        None => {
            let b = ProgressBar::new_spinner();
            if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed}, {per_sec}]") {
                b.set_style(style);
            }
            b
        }
    };
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// The end-of-run line: documents, errors, MB, seconds, MB/s.
pub fn summary_line(summary: &Summary, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    let mb = summary.bytes as f64 / 1e6;
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    format!(
        "dafu: {} documents, {} errors, {:.1} MB in {:.2} s ({:.1} MB/s)",
        summary.documents, summary.errors, mb, secs, rate
    )
}
