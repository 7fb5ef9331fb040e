//! The segment stage from outside: the genre dictionary keeps its words whole, keywords reach
//! the record, `--user-dict` is validated, `dafu tokens` and `--no-segment` behave.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dafu::segment::{dict, Segmenter};
use dafu::{Config, Pipeline};

const SEED: &str = "/work/shared/seeds/000_e347ec5f5cdc0baf.txt";
const REAL_DEV: &str = "/work/shared/corpus/real-dev";

/// Short sentences of the genre, with the word at the start, after a preposition and glued to
/// 市 (the commonest neighbour of an agency name).
const CONTEXTS: [&str; 3] = ["你提出的关于{}的建议收悉。", "下一步，我们将协同市{}推进相关工作。", "{}是今年的重点。"];

fn dafu(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dafu")).args(args).output().expect("run dafu")
}

fn words(s: &Segmenter, text: &str) -> Vec<String> {
    s.tag(text).into_iter().map(|t| t.word.to_string()).collect()
}

fn fixture_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write fixture");
    p
}

#[test]
fn every_genre_dictionary_entry_comes_out_as_one_token() {
    let s = Segmenter::new(None).unwrap();
    let entries = dict::parse(dict::GENRE_DICT, dict::GENRE_DICT_NAME).unwrap();
    assert!(entries.len() >= 310, "{} entries", entries.len());
    let mut broken = Vec::new();
    for e in &entries {
        for context in CONTEXTS {
            let sentence = context.replace("{}", &e.word);
            let cut = words(&s, &sentence);
            if !cut.contains(&e.word) {
                broken.push(format!("line {}: {} → {}", e.line, e.word, cut.join("/")));
            }
        }
    }
    assert!(broken.is_empty(), "{} splits:\n{}", broken.len(), broken.join("\n"));
}

#[test]
fn testcases_segmentation_terms_are_never_split() {
    let s = Segmenter::new(None).unwrap();
    // Sentences as they occur in replies (the seed and the genre notes).
    let cases = [
        ("专项债", "下达专项债指标6.09亿元（已发行1.4亿）"),
        ("中央预算内资金", "2024年1-5月共争取中央预算内资金3394万元"),
        ("乡村振兴", "是推动乡村振兴的重要抓手"),
        ("高质量发展", "实现区域经济高质量发展的重要手段"),
        ("十五五", "将城乡融合发展作为“十五五”规划编制重大研究课题之一"),
        ("联工委", "抄送：市人大常委会联工委、市政府办公室"),
        ("发改委", "并积极向省发改委争取试点县市"),
        ("特色小镇", "你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉"),
        ("人大代表", "感谢各位人大代表对我局工作的关心和支持"),
        ("政协委员", "县政协委员王立超提出的提案收悉"),
    ];
    for (term, sentence) in cases {
        let cut = words(&s, sentence);
        assert!(cut.iter().any(|w| w == term), "{term} split in {}", cut.join("/"));
    }
    // The same terms glued to each other in one run of Han characters.
    let cut = words(&s, "专项债中央预算内资金乡村振兴高质量发展十五五联工委发改委特色小镇人大代表政协委员");
    assert_eq!(
        cut,
        ["专项债", "中央预算内资金", "乡村振兴", "高质量发展", "十五五", "联工委", "发改委", "特色小镇", "人大代表", "政协委员"]
    );
}

#[test]
fn seed_record_carries_keywords_and_token_count() {
    let bytes = std::fs::read(SEED).expect("seed");
    let pipeline = Pipeline::new(Config::default()).unwrap();
    let record = pipeline.process_bytes("seed", Some(SEED), &bytes);
    let fields = record.fields().expect("fields");
    let k = &fields.keywords;
    // The reply is about special towns and urbanisation: read from the text.
    assert!(k.iter().any(|w| w == "特色小镇"), "{k:?}");
    assert!(k.iter().any(|w| w == "城镇化" || w == "新型城镇化"), "{k:?}");
    assert!(k.len() == 10, "{k:?}");
    for w in k {
        assert!(w.chars().count() >= 2, "{w}");
        assert!(!w.chars().any(|c| c.is_ascii_digit()), "{w}");
        assert!(!["我委", "答复", "建议", "代表", "工作", "你们", "相关", "万元"].contains(&w.as_str()), "{w}");
    }
    let tokens = fields.stats.tokens.expect("tokens");
    // ~2300 characters of Chinese cut into words: more than a third, fewer than all.
    assert!(tokens > fields.stats.chars / 3 && tokens < fields.stats.chars, "{tokens} tokens, {} chars", fields.stats.chars);
}

#[test]
fn keywords_are_identical_across_threads_and_runs() {
    use rayon::prelude::*;
    // The real-dev documents where this machine has them, else the fixture inputs.
    let dir = std::path::Path::new(REAL_DEV);
    let paths: Vec<std::path::PathBuf> = if dir.is_dir() {
        std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect()
    } else {
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures"))
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path().join("input.txt")))
            .filter(|p| p.is_file())
            .collect()
    };
    let texts: Vec<String> = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| dafu::decode::decode(&std::fs::read(p).unwrap(), None).text)
        .collect();
    assert!(texts.len() >= 19);
    let s = Segmenter::new(None).unwrap();
    let one: Vec<_> = texts.iter().map(|t| s.analyze(t)).collect();
    let many: Vec<_> = texts.par_iter().map(|t| s.analyze(t)).collect();
    assert_eq!(one, many);
}

#[test]
fn person_names_hint_the_addressee() {
    let s = Segmenter::new(None).unwrap();
    let seg = s.analyze("陈业华代表：\n你提出的建议收悉。\n联系人及电话：曹权文 15842986508");
    let names = &seg.person_names;
    let chen = names.iter().position(|n| n == "陈业华");
    assert!(chen.is_some(), "{names:?}");
    if let Some(cao) = names.iter().position(|n| n == "曹权文") {
        assert!(chen < Some(cao), "order of appearance: {names:?}");
    }
}

#[test]
fn tokens_prints_word_slash_tag_for_a_gbk_file() {
    let dir = fixture_dir();
    let text = "陈业华代表：\n你提出的关于用好专项债的建议收悉。\n";
    let (gbk, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let path = write(dir.path(), "gbk.txt", &gbk);
    let out = dafu(&["tokens", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 out");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.iter().all(|l| l.contains('/') && !l.starts_with('/')), "{lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("专项债/")), "{lines:?}");
    // Whitespace is not printed: concatenating the words gives the normalized text (full-width
    // punctuation folded, as `dafu extract` sees it) without it.
    let joined: String = lines.iter().map(|l| l.rsplit_once('/').unwrap().0).collect();
    let normalized: String = dafu::normalize::normalize(text).text.split_whitespace().collect();
    assert_eq!(joined, normalized);
    assert!(joined.starts_with("陈业华代表"));
}

#[test]
fn tokens_of_a_missing_file_is_an_error_not_a_panic() {
    let out = dafu(&["tokens", "/nonexistent/dafu/x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn user_dictionary_joins_a_word_jieba_splits() {
    let dir = fixture_dir();
    let doc = write(dir.path(), "doc.txt", "邵市发改函〔2024〕77号\n".as_bytes());
    let before = dafu(&["tokens", doc.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&before.stdout).lines().any(|l| l == "邵市发改函/nt"));
    let user = write(dir.path(), "user.txt", "# my agencies\n邵市发改函 3000 nt\n".as_bytes());
    let after = dafu(&["tokens", doc.to_str().unwrap(), "--user-dict", user.to_str().unwrap()]);
    assert!(after.status.success(), "{}", String::from_utf8_lossy(&after.stderr));
    assert!(String::from_utf8_lossy(&after.stdout).lines().any(|l| l == "邵市发改函/nt"));
    // extract accepts the same file
    let out = dafu(&["extract", "-q", "--user-dict", user.to_str().unwrap(), doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn malformed_user_dictionary_exits_2_naming_file_and_line() {
    let dir = fixture_dir();
    let doc = write(dir.path(), "doc.txt", "陈业华代表：\n".as_bytes());
    let cases: [(&str, &str, &str); 5] = [
        ("nofreq.txt", "住建局 2000 j\n邵市发改函 nt\n", ":2: "),
        ("notag.txt", "# c\n\n邵市发改函 3000\n", ":3: "),
        ("extra.txt", "邵市发改函 3000 nt x\n", ":1: "),
        ("float.txt", "a 1 n\nb 2 n\nc 3 n\n邵市发改函 3.5 nt\n", ":4: "),
        ("noword.txt", "\t3000\tnt\n", ":1: "),
    ];
    for (name, content, at) in cases {
        let user = write(dir.path(), name, content.as_bytes());
        for args in [
            vec!["extract", "-q", "--user-dict", user.to_str().unwrap(), doc.to_str().unwrap()],
            vec!["tokens", doc.to_str().unwrap(), "--user-dict", user.to_str().unwrap()],
        ] {
            let out = dafu(&args);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}: {stderr}");
            assert!(stderr.contains(&format!("{name}{at}")), "{name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert!(out.stdout.is_empty(), "no records when the run cannot start");
        }
    }
    let out = dafu(&["extract", "-q", "--user-dict", "/nonexistent/dict.txt", doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/dict.txt"));
}

#[test]
fn no_segment_gives_empty_keywords_and_null_tokens() {
    let with = dafu(&["extract", "-q", SEED]);
    let without = dafu(&["extract", "-q", "--no-segment", SEED]);
    assert!(with.status.success() && without.status.success());
    let with: serde_json::Value = serde_json::from_slice(&with.stdout).unwrap();
    let without: serde_json::Value = serde_json::from_slice(&without.stdout).unwrap();
    assert!(with["stats"]["tokens"].as_u64().is_some_and(|n| n > 0), "{}", with["stats"]);
    assert!(with["keywords"].as_array().is_some_and(|k| !k.is_empty()));
    assert_eq!(without["stats"]["tokens"], serde_json::Value::Null);
    assert_eq!(without["keywords"], serde_json::json!([]));
    // the fields themselves do not depend on segmentation being on
    assert_eq!(with["stats"]["chars"], without["stats"]["chars"]);
}

/// Segmentation speed alone (one thread) over the real-dev texts repeated, and its share of the
/// whole pipeline. Run: cargo test --release --test segment -- --ignored --nocapture speed
#[test]
#[ignore]
fn speed() {
    use std::time::Instant;
    let raw: Vec<Vec<u8>> = std::fs::read_dir(REAL_DEV)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let texts: Vec<String> =
        raw.iter().map(|b| dafu::normalize::normalize(&dafu::decode::decode(b, None).text).text).collect();
    let s = Segmenter::new(None).unwrap();
    let _ = s.analyze(&texts[0]); // load the IDF table outside the timing
    let rounds = 200;
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    let mb = bytes as f64 / 1e6;

    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            n += s.jieba().cut(text, true).len();
        }
    }
    let cut = t.elapsed().as_secs_f64();

    let t = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            n += s.tag(text).len();
        }
    }
    let tag = t.elapsed().as_secs_f64();

    let t = Instant::now();
    for _ in 0..rounds {
        for text in &texts {
            n += s.analyze(text).keywords.len();
        }
    }
    let analyze = t.elapsed().as_secs_f64();

    let pipeline = Pipeline::new(Config::default()).unwrap();
    let t = Instant::now();
    for _ in 0..rounds {
        for b in &raw {
            n += pipeline.process_bytes("x", None, b).source.bytes as usize;
        }
    }
    let whole = t.elapsed().as_secs_f64();
    eprintln!(
        "{mb:.1} MB: cut {:.1} MB/s · tag {:.1} MB/s · analyze (cut+tags+names+keywords) {:.1} MB/s · whole pipeline {:.1} MB/s · segment share {:.0}% ({n})",
        mb / cut,
        mb / tag,
        mb / analyze,
        mb / whole,
        100.0 * analyze / whole
    );
}
