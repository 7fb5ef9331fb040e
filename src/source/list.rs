//! `--paths-from FILE|-`: a list of paths, one per line, read lazily (so `find | dafu` streams).
//!
//! Lines are raw bytes: on unix a path need not be UTF-8, and it is used as the bytes given.
//! A folder in the list is walked like a folder on the command line.

use std::io::BufRead;
use std::path::PathBuf;

use super::walk::{self, Found};
use super::Input;
use crate::record::ErrorKind;

/// Turn one line (without its newline) into a path; `None` for a blank line.
pub fn line_to_path(line: &[u8]) -> Option<PathBuf> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.is_empty() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(PathBuf::from(std::ffi::OsStr::from_bytes(line)))
    }
    #[cfg(not(unix))]
    {
        Some(PathBuf::from(String::from_utf8_lossy(line).into_owned()))
    }
}

/// The inputs named by a path list, in the order given; a read error of the list itself
/// becomes one `io` error record and ends the list.
pub fn inputs<R: BufRead + Send + 'static>(reader: R, exts: Vec<String>) -> impl Iterator<Item = Input> + Send {
    let mut lines = reader.split(b'\n');
    let mut failed = false;
    let mut n = 0u64;
    let per_line = std::iter::from_fn(move || -> Option<Box<dyn Iterator<Item = Input> + Send>> {
        loop {
            if failed {
                return None;
            }
            match lines.next()? {
                Ok(line) => {
                    n += 1;
                    if let Some(path) = line_to_path(&line) {
                        return Some(Box::new(walk::walk(&path, &exts).map(Found::into_input)));
                    }
                }
                Err(e) => {
                    failed = true;
                    let id = format!("paths-from:{}", n + 1);
                    let message = format!("reading the path list: {e}");
                    return Some(Box::new(std::iter::once(Input::Invalid { id, path: None, kind: ErrorKind::Io, message })));
                }
            }
        }
    });
    per_line.flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(inputs: impl Iterator<Item = Input>) -> Vec<String> {
        inputs
            .map(|i| match i {
                Input::File { id, .. } | Input::Record { id, .. } | Input::Invalid { id, .. } => id,
            })
            .collect()
    }

    #[test]
    fn order_kept_blank_lines_and_crlf_skipped() {
        let list = b"b.txt\r\n\na.txt\nc d.txt\n".to_vec();
        assert_eq!(ids(inputs(std::io::Cursor::new(list), vec!["txt".into()])), ["b.txt", "a.txt", "c d.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_paths_are_used_as_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let path = line_to_path(b"dump/\xb4\xf0.txt").expect("a path");
        assert_eq!(path.as_os_str().as_bytes(), b"dump/\xb4\xf0.txt");
    }

    #[test]
    fn a_folder_in_the_list_is_walked() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("2.txt"), "x").expect("write");
        std::fs::write(dir.path().join("1.txt"), "x").expect("write");
        let list = format!("{}\n", dir.path().display()).into_bytes();
        let got = ids(inputs(std::io::Cursor::new(list), vec!["txt".into()]));
        assert_eq!(got.len(), 2);
        assert!(got[0].ends_with("1.txt") && got[1].ends_with("2.txt"), "{got:?}");
    }
}
