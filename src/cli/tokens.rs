//! `dafu tokens FILE`: one document's segmentation, for users tuning their dictionary.
//! The file is decoded and normalized exactly as `dafu extract` does, then cut the same way;
//! each token is printed as `word/tag`, one per line (whitespace tokens are skipped).

use std::io::Write;

use anyhow::Context;

use crate::segment::Segmenter;

const EXAMPLES: &str = "Examples:
  dafu tokens reply.txt
  dafu tokens reply.txt --user-dict my_words.txt | grep /nr     # person-name hints";

#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The document to segment
    pub file: std::path::PathBuf,
    /// An extra jieba dictionary: one `word freq tag` per line
    #[arg(long, value_name = "FILE")]
    pub user_dict: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let decoded = crate::decode::decode(&bytes, None);
    let doc = crate::normalize::normalize(&decoded.text);
    let segmenter = Segmenter::new(args.user_dict.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for t in segmenter.tag(&doc.text) {
        if t.word.trim().is_empty() {
            continue;
        }
        if let Err(e) = writeln!(out, "{}/{}", t.word, t.tag) {
            // A closed pipe (`| head`) is the reader's choice, not an error.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(super::EXIT_OK);
            }
            return Err(e.into());
        }
    }
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(super::EXIT_OK),
    }
}
