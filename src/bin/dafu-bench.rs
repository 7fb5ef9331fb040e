//! dafu-bench: time one pipeline stage over a corpus, for scripts/bench.sh.
//!
//! Every stage includes reading the files, so the numbers are floors measured the same way as
//! `dafu extract`: read · decode (read+decode) · normalize (…+normalize) · cut (read+decode+jieba
//! cut with HMM, the segmentation floor) · tag (read+decode+jieba tag with HMM: the cut the
//! pipeline makes) · segment (…+normalize+the whole segment stage: tag, keywords, names) ·
//! amounts (…+normalize+amounts) · pipeline (everything but the output sink).
//!
//! `--warm` runs the stage on the first 100 files before the clock starts, so that one-off
//! initialisation (lazy regexes, some used by few documents; jieba's tag table; the IDF table)
//! is left out: for profiling
//! the per-document cost (`valgrind --tool=callgrind --collect-atstart=no
//! --toggle-collect='dafu_bench::timed*'`), not for the reported figures.
//!
//! usage: dafu-bench STAGE DIR [--threads N] [--warm]

use std::time::Instant;

use rayon::prelude::*;

use dafu::source::walk::{self, Found};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: dafu-bench read|decode|normalize|cut|tag|segment|amounts|pipeline DIR [--threads N] [--warm]");
        std::process::exit(2);
    }
    let stage = args[1].as_str();
    let dir = std::path::PathBuf::from(&args[2]);
    let threads = args
        .iter()
        .position(|a| a == "--threads")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1usize);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let paths: Vec<std::path::PathBuf> = walk::expand(&[dir], &["txt".to_string()])
        .into_iter()
        .filter_map(|i| match i {
            Found::File(path) => Some(path),
            Found::Unwalkable { .. } => None,
        })
        .collect();
    // Built before the clock starts, as the binary builds it once per run.
    let pipeline = dafu::Pipeline::new(dafu::Config::default()).expect("pipeline");
    let seg = pipeline.segmenter().expect("segmenter");

    let work = |p: &std::path::PathBuf| -> (u64, u64) {
        let bytes = std::fs::read(p).unwrap_or_default();
        let n = bytes.len() as u64;
        let out = match stage {
            "read" => bytes.iter().take(1).count() as u64,
            "decode" => dafu::decode::decode(&bytes, None).text.len() as u64,
            "normalize" => {
                let d = dafu::decode::decode(&bytes, None);
                dafu::normalize::normalize(&d.text).text.len() as u64
            }
            "cut" => {
                let d = dafu::decode::decode(&bytes, None);
                seg.jieba().cut(&d.text, true).len() as u64
            }
            "tag" => {
                let d = dafu::decode::decode(&bytes, None);
                seg.tag(&d.text).len() as u64
            }
            "segment" => {
                let d = dafu::decode::decode(&bytes, None);
                let doc = dafu::normalize::normalize(&d.text);
                seg.analyze(&doc.text).tokens
            }
            "amounts" => {
                let d = dafu::decode::decode(&bytes, None);
                let doc = dafu::normalize::normalize(&d.text);
                dafu::extract::amounts::find_amounts(&doc.text).len() as u64
            }
            "pipeline" => {
                let id = p.display().to_string();
                let r = pipeline.process_bytes(&id, Some(&id), &bytes);
                r.fields().map(|f| f.amounts.len() as u64).unwrap_or(0)
            }
            other => {
                eprintln!("unknown stage {other}");
                std::process::exit(2);
            }
        };
        (n, out)
    };
    if args.iter().any(|a| a == "--warm") {
        // On a worker of the pool, as the measured loop runs: the regex crate gives the first
        // thread to use a regex a faster path to its cache.
        pool.install(|| paths.iter().take(100).for_each(|p| {
            work(p);
        }));
    }
    let start = Instant::now();
    // Inside the pool, so that with one thread the whole loop runs on one worker.
    let (bytes, sink) = pool.install(|| timed(&pool, &paths, &work));
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!(
        "{stage}\t{threads}\t{}\t{:.1}\t{:.3}\t{:.1}\t{:.0}\t(check {sink})",
        paths.len(),
        mb,
        secs,
        mb / secs,
        paths.len() as f64 / secs
    );
}

/// The measured loop, chunked like the batch so memory stays bounded for large corpora. Not
/// inlined so that callgrind can collect inside it only.
#[inline(never)]
fn timed(
    pool: &rayon::ThreadPool,
    paths: &[std::path::PathBuf],
    work: &(dyn Fn(&std::path::PathBuf) -> (u64, u64) + Sync),
) -> (u64, u64) {
    let (mut bytes, mut sink) = (0u64, 0u64);
    for chunk in paths.chunks(256) {
        let (b, s) = pool.install(|| chunk.par_iter().map(work).reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1)));
        bytes += b;
        sink += s;
    }
    (bytes, sink)
}
