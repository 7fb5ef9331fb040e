//! The seed printed as a scan would give it (hard-wrapped, full-width digits, page numbers,
//! running headers) must normalize like the seed; plus the throughput figure and debug dumps.

use super::*;

#[test]
fn hard_wrapped_scan_of_the_seed_normalizes_like_the_seed() {
    let original = normalize(SEED);
    let want = para_texts(&original);
    for (width, page) in [(30, 22), (26, 17), (38, 25), (33, 7)] {
        let scan = scan_variant(SEED, width, page);
        assert!(scan.contains("— 2 —"));
        let got = normalize(&scan);
        assert!(!got.text.contains('—'), "page numbers removed (width {width})");
        let got_paras = para_texts(&got);
        for p in &want {
            assert!(got_paras.contains(p), "width {width}: paragraph not whole: {p}");
        }
        assert_eq!(got_paras, want, "width {width}");
    }
}

#[test]
fn scan_variant_breaks_inside_words_for_real() {
    // Guard for the test above: the variant must really split sentences and words.
    let scan = scan_variant(SEED, 30, 22);
    let lines: Vec<&str> = scan.lines().collect();
    assert!(lines.len() > 60, "{} lines", lines.len());
    assert!(lines.iter().any(|l| l.trim_start().chars().count() == 30 && !l.ends_with('。')));
}

#[test]
fn unindented_scan_keeps_every_sentence_whole_and_drops_running_headers() {
    let original = normalize(SEED);
    for (width, page) in [(30, 22), (28, 9)] {
        let scan = scan_variant_plain(SEED, width, page, "邵市发改函〔2024〕77号");
        assert!(scan.contains("\n- 2 -\n邵市发改函〔2024〕77号\n"));
        let got = normalize(&scan);
        let lines: Vec<&str> = got.paragraphs().map(|(_, l)| l).collect();
        // The running header is gone from the page breaks, the real 文号 line at the top stays.
        assert_eq!(lines.iter().filter(|l| l.contains("77号")).count(), 1, "width {width}");
        assert!(lines.contains(&"邵市发改函〔2024〕77号"));
        assert!(!got.text.contains("- 2 -"));
        // Without indentation a printed line that ends a sentence may end the paragraph too, so
        // paragraphs can come apart at sentence ends, but never inside a sentence.
        for (_, para) in original.paragraphs() {
            for sentence in para.split_inclusive('。') {
                assert!(lines.iter().any(|l| l.contains(sentence)), "width {width}: sentence cut: {sentence}");
            }
        }
        // Headings, salutation and contact stay lines of their own.
        for own in ["陈业华代表:", "A1类", "抄送:市人大联工委、市政府办公室", "联系人及电话:曹权文 15842986508"] {
            assert!(lines.contains(&own), "width {width}: {own}");
        }
    }
}

/// Throughput on typical text and on the shapes that break quadratic code. Run with
/// `CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --lib normalize::tests::scans::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    // CPU time of this thread (Linux), so that a busy shared machine does not skew the figure.
    fn cpu_secs() -> f64 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
        let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
        let ticks: f64 = fields.get(11..13).into_iter().flatten().filter_map(|f| f.parse::<f64>().ok()).sum();
        ticks / 100.0
    }
    fn run(label: &str, text: &str) {
        let (t, cpu) = (std::time::Instant::now(), cpu_secs());
        let mut n = normalize(text);
        for _ in 0..4 {
            n = normalize(text);
        }
        let secs = t.elapsed().as_secs_f64() / 5.0;
        let cpu = (cpu_secs() - cpu) / 5.0;
        let mb = text.len() as f64 / 1e6;
        println!(
            "{label}: {mb:.1} MB, {} lines, {secs:.3} s wall, {cpu:.3} s cpu, {:.0} MB/s (cpu)",
            n.original_lines,
            mb / cpu.max(1e-3)
        );
        assert!(!n.text.is_empty());
    }
    let mut web = String::new();
    let mut scan = String::new();
    let variant = scan_variant(SEED, 30, 22);
    while web.len() < 50_000_000 {
        web.push_str(SEED);
        web.push('\n');
        scan.push_str(&variant);
    }
    run("web text (seed repeated)", &web);
    run("hard-wrapped scan (seed variant repeated)", &scan);
    let short: String = (0..500_000).map(|i| format!("第{i}行,短行\n")).collect();
    run("500,000 short lines", &short);
    let one_line = "二是市财政部门积极统筹产业发展基金,".repeat(100_000_000 / 54);
    run("one 100 MB line", &one_line);
    let blank = "\n".repeat(5_000_000);
    run("5,000,000 blank lines", &blank);
    let pages: String = (0..200_000).map(|i| format!("正文{i},\n\n— {} —\n\n", i % 999 + 1)).collect();
    run("200,000 page breaks", &pages);
}

/// Debug aid: `DAFU_NORM_DUMP=file.txt cargo test --lib normalize::tests::scans::dump -- --ignored --nocapture`
/// prints each normalized line with its original line number.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DAFU_NORM_DUMP") else { return };
    let text = std::fs::read_to_string(path).expect("readable UTF-8 file");
    let n = normalize(&text);
    for (off, line) in n.lines() {
        println!("{:>4} | {}", n.line_at(off), line);
    }
}

#[test]
#[ignore]
fn dump_variant() {
    let w: usize = std::env::var("W").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let p: usize = std::env::var("P").ok().and_then(|s| s.parse().ok()).unwrap_or(22);
    let n = if std::env::var("PLAIN").is_ok() {
        normalize(&scan_variant_plain(SEED, w, p, "邵市发改函〔2024〕77号"))
    } else {
        normalize(&scan_variant(SEED, w, p))
    };
    for (off, line) in n.lines() {
        println!("{:>4} | {}", n.line_at(off), line);
    }
}
