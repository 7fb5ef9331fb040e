//! `dafu extract`: documents in, one JSON record per document out, in input order.

use std::io::{BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;

use crate::batch;
use crate::sink::jsonl::JsonlSink;
use crate::source::{self, Input};
use crate::{Config, Pipeline};

const EXAMPLES: &str = "Examples:
  dafu extract dump/ > records.jsonl
  dafu extract a.txt b.txt -o records.jsonl
  find dump -name '*.txt' | dafu extract --paths-from -
  dafu extract --stdin-jsonl < docs.jsonl      # {\"id\": \"...\", \"text\": \"...\"} per line
  dafu extract dump/ --encoding gbk --threads 2";

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
    /// File extensions taken from folders (repeatable or comma-separated)
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
            encoding_rs::Encoding::for_label(label.as_bytes())
                .with_context(|| format!("unknown encoding label {label:?}"))?,
        ),
        None => None,
    };
    let config = Config {
        forced_encoding,
        max_bytes: args.max_bytes,
        segment: !args.no_segment,
        user_dict: args.user_dict.clone(),
    };
    if let Some(n) = args.threads {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().ok();
    }
    let pipeline = Pipeline::new(config).context("loading the segmenter")?;

    let inputs: Box<dyn Iterator<Item = Input>> = if args.stdin_jsonl {
        Box::new(source::stdin::records(BufReader::new(std::io::stdin())))
    } else {
        let mut roots = args.inputs.clone();
        if let Some(list) = &args.paths_from {
            let paths = if list.as_os_str() == "-" {
                source::stdin::paths(std::io::stdin().lock())
            } else {
                let f = std::fs::File::open(list).with_context(|| format!("opening {}", list.display()))?;
                source::stdin::paths(BufReader::new(f))
            }
            .context("reading the path list")?;
            roots.extend(paths);
        }
        if roots.is_empty() {
            anyhow::bail!("no inputs: give files or folders, --paths-from FILE, or --stdin-jsonl");
        }
        Box::new(source::walk::expand(&roots, &args.ext).into_iter())
    };

    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let jsonl = JsonlSink::new(out);
    let mut sink: Box<dyn crate::sink::Sink> = match &args.sqlite {
        Some(db) => Box::new(crate::sink::Tee(
            crate::sink::sqlite::SqliteSink::open(db).with_context(|| format!("opening {}", db.display()))?,
            jsonl,
        )),
        None => Box::new(jsonl),
    };
    let start = Instant::now();
    let show = !args.quiet && std::io::stderr().is_terminal();
    let bar = show.then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(indicatif::ProgressStyle::with_template("{spinner} {pos} documents {msg} [{elapsed}]").unwrap());
        b
    });
    let result = batch::run(&pipeline, inputs, args.chunk, &mut *sink, |s| {
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
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(super::EXIT_OK),
        Err(e) => return Err(e).context("writing records"),
    };
    if !args.quiet {
        let secs = start.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        eprintln!(
            "dafu: {} documents, {} errors, {:.1} MB in {:.2} s ({:.1} MB/s)",
            summary.documents,
            summary.errors,
            mb,
            secs,
            if secs > 0.0 { mb / secs } else { 0.0 }
        );
    }
    Ok(if summary.errors > 0 { super::EXIT_SOME_ERRORS } else { super::EXIT_OK })
}
