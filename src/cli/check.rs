//! `dafu check DIR`: golden-file comparison for CI. Every DIR/<case>/input.txt is extracted and
//! compared with DIR/<case>/expected.json by the rule of [`crate::sink::golden`].
//!
//! Output and exit codes are a public interface (README, "Golden checks"): one line per
//! mismatching field `<case>: <json path>: expected <json>, got <json>`, then
//! `N cases, M passed, K failed`; exit 0 all match, 1 any mismatch, 2 usage error.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{EXIT_FATAL, EXIT_OK, EXIT_SOME_ERRORS};
use crate::sink::golden::{self, Case};
use crate::{Config, Pipeline};

const EXAMPLES: &str = "Layout:
  DIR/<case>/input.txt       the document (raw bytes, any encoding)
  DIR/<case>/expected.json   the fields you expect: any subset of the record's keys

Examples:
  dafu check fixtures/
  dafu check fixtures/ --bless seed gbk-header    # rewrite these cases' expected.json

Exit codes: 0 all cases match · 1 some case differs · 2 usage error";

#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Folder of <case>/input.txt + <case>/expected.json
    pub dir: PathBuf,
    /// Rewrite expected.json of these cases from the current output (full record minus `id`
    /// and `source.path`) and print what changed; other cases are left alone
    #[arg(long, value_name = "CASE", num_args = 1..)]
    pub bless: Vec<String>,
}

pub fn run(args: Args) -> anyhow::Result<i32> {
    if !args.dir.is_dir() {
        eprintln!("dafu check: {} is not a folder", args.dir.display());
        return Ok(EXIT_FATAL);
    }
    let cases = golden::cases(&args.dir).with_context(|| format!("reading {}", args.dir.display()))?;
    if cases.is_empty() {
        // An empty folder passing silently would hide a broken CI path.
        eprintln!("dafu check: no cases in {} (expected <case>/input.txt)", args.dir.display());
        return Ok(EXIT_FATAL);
    }
    let unknown: Vec<&String> = args.bless.iter().filter(|b| !cases.iter().any(|c| &c.name == *b)).collect();
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
        eprintln!("dafu check: no such case in {}: {}", args.dir.display(), names.join(", "));
        return Ok(EXIT_FATAL);
    }
    let pipeline = Pipeline::new(Config::default()).context("loading the segmenter")?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.bless.is_empty() {
        check_all(&pipeline, &cases, &mut out)
    } else {
        let chosen: Vec<&Case> = cases.iter().filter(|c| args.bless.contains(&c.name)).collect();
        bless(&pipeline, &chosen, &mut out)
    }
}

fn check_all(pipeline: &Pipeline, cases: &[Case], out: &mut impl Write) -> anyhow::Result<i32> {
    let mut failed = 0usize;
    for case in cases {
        if !case.expected.is_file() {
            failed += 1;
            writeln!(out, "{}: no expected.json (write one, or run --bless {})", case.name, case.name)?;
            continue;
        }
        match golden::check_case(pipeline, case) {
            Ok(mismatches) if mismatches.is_empty() => {}
            Ok(mismatches) => {
                failed += 1;
                for m in &mismatches {
                    writeln!(out, "{}: {m}", case.name)?;
                }
            }
            Err(e) => {
                failed += 1;
                writeln!(out, "{}: error: {e}", case.name)?;
            }
        }
    }
    writeln!(out, "{} cases, {} passed, {} failed", cases.len(), cases.len() - failed, failed)?;
    out.flush()?;
    Ok(if failed == 0 { EXIT_OK } else { EXIT_SOME_ERRORS })
}

fn bless(pipeline: &Pipeline, cases: &[&Case], out: &mut impl Write) -> anyhow::Result<i32> {
    for case in cases {
        let new = golden::blessed(&golden::extract_case(pipeline, case)?);
        let old = match std::fs::read_to_string(&case.expected) {
            Ok(text) => serde_json::from_str::<serde_json::Value>(&text).ok(),
            Err(_) => None,
        };
        let mut text = serde_json::to_string_pretty(&new)?;
        text.push('\n');
        std::fs::write(&case.expected, text).with_context(|| format!("writing {}", case.expected.display()))?;
        match old {
            None => writeln!(out, "{}: wrote {}", case.name, case.expected.display())?,
            Some(old) => {
                let changes = golden::changes(&old, &new);
                if changes.is_empty() {
                    writeln!(out, "{}: unchanged", case.name)?;
                }
                for c in changes {
                    writeln!(out, "{}: {c}", case.name)?;
                }
            }
        }
    }
    writeln!(out, "{} cases blessed", cases.len())?;
    out.flush()?;
    Ok(EXIT_OK)
}
