//! Whole-stage tests: the seed, its hard-wrapped scan variant, the offset map, real documents.

use super::*;

const SEED: &str = include_str!("testdata/seed.txt");

fn para_texts(n: &Normalized) -> Vec<&str> {
    n.paragraphs().map(|(_, l)| l).collect()
}

/// The normalized line that contains `needle`, with its offset.
fn find_line<'a>(n: &'a Normalized, needle: &str) -> (usize, &'a str) {
    n.lines().find(|(_, l)| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle}"))
}

#[test]
fn seed_page_break_inside_a_word_is_rejoined() {
    let n = normalize(SEED);
    let (_, line) = find_line(&n, "统筹产业发展基金");
    assert!(line.starts_with("2. 积极争取项目资金。"));
    assert!(line.ends_with("用于邵东市农业农村局茶叶复兴出海工程。"));
}

#[test]
fn seed_page_break_after_a_comma_is_rejoined() {
    let n = normalize(SEED);
    let (_, line) = find_line(&n, "我委紧扣各县市功能定位,牵头组织和指导邵东");
    assert!(line.starts_with("1. 强化规划引领和试点示范。"));
    let (_, line) = find_line(&n, "国际货运集结中心,东盟货运班列");
    assert!(line.starts_with("4. 持续深入推进“邵品出邵”。"));
}

#[test]
fn seed_header_salutation_and_contact_lines_stay_apart() {
    let n = normalize(SEED);
    let paras = para_texts(&n);
    for expected in [
        "同意公开",
        "邵阳市发展和改革委员会文件",
        "邵市发改函〔2024〕77号",
        "A1类",
        "对市十七届人大三次会议第151号建议的答复",
        "陈业华代表:",
        "抄送:市人大联工委、市政府办公室",
        "联系人及电话:曹权文 15842986508",
    ] {
        assert!(paras.contains(&expected), "{expected} is not a line of its own");
    }
    // 41 original lines, 19 of them non-empty, 16 after the 3 rejoined page breaks.
    assert_eq!(n.original_lines, 41);
    assert_eq!(paras.len(), 16);
}

#[test]
fn line_at_maps_joined_text_to_the_later_original_line() {
    let n = normalize(SEED);
    let (start, line) = find_line(&n, "统筹产业发展基金");
    assert_eq!(n.line_at(start), 23);
    let join = start + line.find("业发展基金").expect("joined text");
    assert_eq!(n.line_at(join - 1), 23, "last byte of 产 is on line 23");
    assert_eq!(n.line_at(join), 25);
    assert_eq!(n.line_at(start + line.len() - 1), 25);
    let (start, _) = find_line(&n, "联系人及电话");
    assert_eq!(n.line_at(start), 41);
    let (start, _) = find_line(&n, "陈业华代表");
    assert_eq!(n.line_at(start), 13);
}

#[test]
fn line_at_skips_removed_page_number_lines() {
    let text = "县城地处“城尾乡头”,是农村居民进城的第一站。\n\n— 2 —\n\n陈业华代表：\n第 3 页\n下一步，我委将协同财政。";
    let n = normalize(text);
    assert_eq!(n.text, "县城地处“城尾乡头”,是农村居民进城的第一站。\n\n\n陈业华代表:\n下一步,我委将协同财政。");
    assert_eq!(n.original_lines, 7);
    let (at, _) = find_line(&n, "陈业华代表");
    assert_eq!(n.line_at(at), 5);
    let (at, _) = find_line(&n, "下一步");
    assert_eq!(n.line_at(at), 7);
    assert_eq!(n.line_at(at + 3), 7);
    // The blank lines around the removed `— 2 —` keep their own numbers.
    assert_eq!(n.line_at(n.text.find("\n\n\n").expect("blank lines") + 1), 2);
}

#[test]
fn page_break_with_page_number_inside_a_sentence_is_rejoined() {
    let text = "下一步，我委将协同财政、科技、商务、自然资源和规划等部门，坚持从特色产业发展、基本公共服务均等化等\n\n— 3 —\n\n方面选取小切口，深入推进以县城为重要载体的城镇化试点工作。";
    let n = normalize(text);
    assert_eq!(
        n.text,
        "下一步,我委将协同财政、科技、商务、自然资源和规划等部门,坚持从特色产业发展、基本公共服务均等化等方面选取小切口,深入推进以县城为重要载体的城镇化试点工作。"
    );
    let at = n.text.find("方面").expect("joined");
    assert_eq!(n.line_at(at), 5);
    assert_eq!(n.line_at(at - 1), 1);
}

#[test]
fn line_at_counts_cr_only_and_crlf_line_ends_with_a_bom() {
    let text = "\u{FEFF}同意公开\r\rA1类\r陈业华代表：";
    let n = normalize(text);
    assert_eq!(n.text, "同意公开\n\nA1类\n陈业华代表:");
    assert_eq!(n.original_lines, 4);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 3);
    assert_eq!(n.line_at(n.text.find("陈").unwrap_or(0)), 4);
    let text = "同意公开\r\n\r\nA1类\r\n";
    let n = normalize(text);
    assert_eq!(n.text, "同意公开\n\nA1类\n");
    assert_eq!(n.original_lines, 4);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 3);
}

#[test]
fn long_runs_of_blank_lines_are_capped() {
    let text = format!("同意公开{}A1类", "\n".repeat(1000));
    let n = normalize(&text);
    assert_eq!(n.text, "同意公开\n\n\nA1类");
    assert_eq!(n.original_lines, 1001);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 1001);
}

/// The seed as a scan would give it: paragraphs indented and hard-wrapped at `width`
/// characters, digits full-width, a page-number line (and blank lines) every `page` lines, in
/// the middle of sentences and words.
fn scan_variant(seed: &str, width: usize, page: usize) -> String {
    let mut printed: Vec<String> = Vec::new();
    for line in seed.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        let wide: Vec<char> =
            t.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c }).collect();
        for (k, chunk) in wide.chunks(width).enumerate() {
            let s: String = chunk.iter().collect();
            printed.push(if k == 0 { format!("\u{3000}\u{3000}{s}") } else { s });
        }
    }
    let mut out = String::new();
    for (i, l) in printed.iter().enumerate() {
        if i > 0 && i % page == 0 {
            out.push_str(&format!("\r\n\r\n— {} —\r\n\r\n", i / page + 1));
        }
        out.push_str(l);
        out.push_str("\r\n");
    }
    out
}

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

/// The same scan without indentation (OCR often drops it) and with a running header under every
/// page number.
fn scan_variant_plain(seed: &str, width: usize, page: usize, header: &str) -> String {
    let mut out = String::new();
    for (i, l) in scan_variant(seed, width, usize::MAX).lines().enumerate() {
        if i > 0 && i % page == 0 {
            out.push_str(&format!("\n- {} -\n{header}\n", i / page + 1));
        }
        out.push_str(l.trim_start_matches('\u{3000}'));
        out.push('\n');
    }
    out
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

#[test]
fn bare_page_numbers_counting_up_are_removed_but_a_lone_number_stays() {
    let body = "您提出的关于镇西镇中心小学筹建风雨操场的建议收悉。\n".repeat(9);
    let text = format!("{body}\n2\n\n{body}\n3\n\n{body}\n共有学校\n\n12\n\n下一步,我局将继续跟进。");
    let n = normalize(&text);
    let lines: Vec<&str> = n.paragraphs().map(|(_, l)| l).collect();
    assert!(!lines.contains(&"2") && !lines.contains(&"3"), "page sequence removed");
    // `12` between a line that ends without punctuation and a new sentence: not enough evidence.
    assert!(lines.contains(&"12"));
    assert!(lines.contains(&"共有学校"));
}

#[test]
fn bare_number_inside_a_split_sentence_is_dropped_with_the_break() {
    let text = "县城地处“城尾乡头”，是农村居民进城的第一站，是连接和推动城乡融合发展的重要节点。特色小镇是我国新型城镇化、乡村振兴、产业转型升级的重要载\n\n7\n\n体，请一如既往地对发展改革工作给予关心和支持。";
    let n = normalize(text);
    assert!(n.text.contains("重要载体,请一如既往"), "{}", n.text);
    assert!(!n.text.contains('7'));
    assert_eq!(n.line_at(n.text.find("体,").unwrap_or(0)), 5);
}

#[test]
fn page_of_forms_removed_in_a_document() {
    let text = "感谢您对我局工作的关心、理解和支持!\n第1页 共2页\n2023年7月18日\n第2页/共2页";
    let n = normalize(text);
    assert_eq!(n.text, "感谢您对我局工作的关心、理解和支持!\n2023年7月18日");
    assert_eq!(n.line_at(n.text.find("2023").unwrap_or(0)), 3);
    assert_eq!(n.original_lines, 4);
}

#[test]
fn web_text_passes_through_unchanged() {
    // real-dev 018, right-aligned signature and date included.
    let text = "李丽代表:\n\n您提出的《关于老旧小区增设停车位的建议》(第145号)收悉。经研究办理,现答复如下:\n\n感谢您对城市管理工作的关注和关心,同时真诚希望您继续对我们的工作提出宝贵意见和建议,促进我区城市管理工作取得更大的成绩。\n\n\n\n\n                                                             重庆市北碚区城市管理局\n\n                                                                2023927        \n\n  人:黎浩\n\n联系电话:60307029";
    let n = normalize(text);
    let want = "李丽代表:\n\n您提出的《关于老旧小区增设停车位的建议》(第145号)收悉。经研究办理,现答复如下:\n\n感谢您对城市管理工作的关注和关心,同时真诚希望您继续对我们的工作提出宝贵意见和建议,促进我区城市管理工作取得更大的成绩。\n\n\n重庆市北碚区城市管理局\n\n2023927\n\n人:黎浩\n\n联系电话:60307029";
    assert_eq!(n.text, want);
    assert_eq!(n.line_at(n.text.find("重庆").unwrap_or(0)), 10);
    assert_eq!(n.line_at(n.text.find("2023927").unwrap_or(0)), 12);
    assert_eq!(n.line_at(n.text.find("联系电话").unwrap_or(0)), 16);
}

#[test]
fn latin_words_split_by_a_line_end_get_their_space_back() {
    let text = "本项目提升了建设管理水平,引入了国际先进的建筑信息模型技术,采用的标准为 Building Information\nModeling 规范,并通过了验收。";
    let n = normalize(text);
    assert_eq!(n.text, "本项目提升了建设管理水平,引入了国际先进的建筑信息模型技术,采用的标准为 Building Information Modeling 规范,并通过了验收。");
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let n = normalize(text);
        let breaks = text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count();
        assert_eq!(n.original_lines as usize, breaks + 1);
        let mut prev = 1;
        for (off, _) in n.text.char_indices() {
            let l = n.line_at(off);
            assert!(l >= prev, "map goes backwards");
            assert!(l >= 1 && l <= n.original_lines);
            prev = l;
        }
        // Every normalized line is trimmed, page numbers are gone.
        for (_, line) in n.lines() {
            assert_eq!(line, line.trim_matches([' ', '\t']));
            assert_ne!(line, "— 2 —");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_text_is_total_and_the_map_monotonic(s in "\\PC{0,200}") {
            check(&s);
        }

        #[test]
        fn genre_shaped_text_is_total(parts in proptest::collection::vec(prop_oneof![
            Just("\n"), Just("\r\n"), Just("\r"), Just("　"), Just(" "), Just("— 2 —"), Just("第3页"),
            Just("12"), Just("，"), Just("。"), Just("："), Just("联 系 人"), Just("统筹产"), Just("业发展基金"),
            Just("１．"), Just("一、"), Just("（一）"), Just("陈业华代表"), Just("2024年6月12日"), Just("\u{FEFF}"),
            Just("\u{200B}"), Just("\u{A0}"), Just("重庆市北碚区城市管理局"), Just("ABC"), Just("》"), Just("“"),
        ], 0..60)) {
            check(&parts.concat());
        }
    }
}

/// The real documents of the shared dev corpus (`DAFU_REAL_DEV` overrides the folder). Absent on
/// a machine without the corpus: the test then says so and checks nothing else.
fn real_dev() -> Vec<(String, String, serde_json::Value)> {
    let dir = std::env::var("DAFU_REAL_DEV").unwrap_or_else(|_| "/work/shared/corpus/real-dev".into());
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("real-dev corpus not found at {dir}: skipped");
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|n| {
            let text = std::fs::read_to_string(format!("{dir}/{n}")).ok()?;
            let gold = std::fs::read_to_string(format!("{dir}/{}", n.replace(".txt", ".gold.json"))).ok()?;
            Some((n, text, serde_json::from_str(&gold).ok()?))
        })
        .collect()
}

/// Strings of the gold record that sit on short lines of their own (header, salutation,
/// signature, date, contact, cc lines).
fn gold_anchors(gold: &serde_json::Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: &serde_json::Value| {
        if let Some(s) = v.as_str() {
            out.push(s.to_string());
        }
    };
    push(&gold["issuer"]);
    push(&gold["doc_number"]);
    push(&gold["disclosure"]);
    if let Some(a) = gold["addressees"].as_array().and_then(|a| a.first()) {
        push(a);
    }
    for c in gold["contacts"].as_array().into_iter().flatten() {
        push(&c["name"]);
        for p in c["phones"].as_array().into_iter().flatten() {
            push(p);
        }
    }
    if let Some(c) = gold["cc"].as_array().and_then(|a| a.first()) {
        push(c);
    }
    if let Some(d) = gold["date"].as_str() {
        out.push(d.get(..4).unwrap_or(d).to_string()); // the year, on the date line
    }
    out
}

/// Longest original line checked as a line of its own (longer ones are body paragraphs).
const SHORT_LINE_CHARS: usize = 60;

#[test]
fn real_documents_keep_their_gold_lines_whole() {
    let docs = real_dev();
    let mut checked = 0;
    for (name, text, gold) in &docs {
        let n = normalize(text);
        let lines: Vec<&str> = n.lines().map(|(_, l)| l).collect();
        for anchor in gold_anchors(gold) {
            for orig in text.lines() {
                let t = orig.trim();
                if t.is_empty() || t.chars().count() > SHORT_LINE_CHARS || !normalize(t).text.contains(anchor.as_str()) {
                    continue;
                }
                // The line normalized on its own must be a whole line of the normalized document:
                // not merged into a neighbour, not cut.
                let alone = normalize(t).text;
                assert!(lines.contains(&alone.as_str()), "{name}: line {t:?} (gold {anchor:?}) not kept whole");
                checked += 1;
            }
        }
    }
    eprintln!("{checked} gold lines checked in {} documents", docs.len());
    if !docs.is_empty() {
        assert!(checked >= 60, "only {checked} gold lines found: anchors broken?");
    }
}

#[test]
fn real_documents_titles_printed_over_two_lines_are_one_line() {
    for (name, text, _) in real_dev() {
        let n = normalize(&text);
        let want = match name.get(..3) {
            Some("039") => "关于对政协子洲县第十届委员会第二次会议第14号提案的复函",
            Some("045") => "对县八届人大二次会议第72号建议答复",
            _ => continue,
        };
        assert!(n.paragraphs().any(|(_, l)| l == want), "{name}");
    }
}

#[test]
fn real_documents_are_joined_only_where_read_by_hand() {
    for (name, text, _) in real_dev() {
        let n = normalize(&text);
        let before = text.lines().filter(|l| !l.trim().is_empty()).count();
        let after = n.paragraphs().count();
        // Read by hand: 000 (the seed) has three sentences split by page breaks, 039 and 045 a
        // title printed over two lines; the other web pages have one paragraph per line.
        let joins = match name.get(..3) {
            Some("000") => 3,
            Some("039") | Some("045") => 1,
            _ => 0,
        };
        assert_eq!(before - after, joins, "{name}");
        assert_eq!(n.original_lines as usize, text.split('\n').count(), "{name}");
    }
}

/// Throughput on typical text and on the shapes that break quadratic code. Run with
/// `CARGO_PROFILE_DEV_OPT_LEVEL=3 cargo test --lib normalize::tests::throughput -- --ignored --nocapture`.
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

/// Debug aid: `DAFU_NORM_DUMP=file.txt cargo test --lib normalize::tests::dump -- --ignored --nocapture`
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
