//! Test support: the texts of every fixture, decoded and normalized as the pipeline does, for
//! tests that check a fast path finds exactly what the plain regex scan finds on genre text.

/// Normalized text of every `fixtures/<case>/input.txt`, in case-name order.
pub fn fixture_texts() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut cases: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path().join("input.txt")))
        .filter(|p| p.is_file())
        .collect();
    cases.sort();
    assert!(cases.len() > 20, "fixtures missing: {}", cases.len());
    cases
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("fixture input");
            crate::normalize::normalize(&crate::decode::decode(&bytes, None).text).text
        })
        .collect()
}

/// Every line of every fixture, and each line again with leading layout spaces and after a
/// flattened page's sentence break, so anchored patterns meet every opening.
pub fn fixture_lines() -> Vec<String> {
    let mut out = Vec::new();
    for text in fixture_texts() {
        for line in text.split('\n') {
            out.push(line.to_string());
            out.push(format!("  {line}"));
            out.push(format!("\u{3000}{line}"));
        }
    }
    out
}

/// The real-dev corpus (hand-checked real documents, kept outside the repository): the folder
/// `DAFU_REAL_DEV` names, else `/work/shared/corpus/real-dev`.
fn real_dev_files() -> Vec<Vec<u8>> {
    let dir = std::env::var("DAFU_REAL_DEV").unwrap_or_else(|_| "/work/shared/corpus/real-dev".into());
    let Ok(dir) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<std::path::PathBuf> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Normalized text of every real-dev document when that corpus is present on this machine;
/// empty elsewhere (the fixtures then carry the checks).
pub fn real_dev_texts() -> Vec<String> {
    real_dev_files()
        .iter()
        .map(|bytes| crate::normalize::normalize(&crate::decode::decode(bytes, None).text).text)
        .collect()
}

/// Decoded, not normalized, text of every real-dev document when present (empty elsewhere).
pub fn real_dev_raw() -> Vec<String> {
    real_dev_files().iter().map(|bytes| crate::decode::decode(bytes, None).text).collect()
}

/// The normalized texts of every fixture and (when present) every real-dev document.
pub fn genre_texts() -> Vec<String> {
    let mut texts = fixture_texts();
    texts.extend(real_dev_texts());
    texts
}

/// Every line of every fixture text and of every real-dev text, normalized and as decoded (when
/// that corpus is present): the genre lines an oracle test runs a scanner and its regex over.
pub fn all_lines() -> Vec<String> {
    fixture_texts()
        .into_iter()
        .chain(real_dev_texts())
        .chain(real_dev_raw())
        .flat_map(|t| t.split('\n').map(String::from).collect::<Vec<_>>())
        .collect()
}
