//! Files and folders → sorted file inputs. Nothing is skipped silently: hidden files are
//! included, and an entry that cannot be walked becomes an error input.

use std::path::{Path, PathBuf};

use super::Input;
use crate::record::ErrorKind;

/// Expand `roots` into inputs: a file is taken as given, whatever its extension; a folder is
/// walked recursively for files whose extension is one of `exts` (case-insensitive).
pub fn expand(roots: &[PathBuf], exts: &[String]) -> Vec<Input> {
    let mut out = Vec::new();
    for root in roots {
        if root.is_dir() {
            let mut found: Vec<Input> = Vec::new();
            for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_file() && has_ext(e.path(), exts) {
                            found.push(file_input(e.path()));
                        }
                    }
                    Err(err) => {
                        let path = err.path().map(|p| p.display().to_string()).unwrap_or_else(|| root.display().to_string());
                        found.push(Input::Invalid { id: path.clone(), path: Some(path), kind: ErrorKind::Io, message: err.to_string() });
                    }
                }
            }
            out.extend(found);
        } else {
            out.push(file_input(root));
        }
    }
    out
}

fn file_input(path: &Path) -> Input {
    Input::File { id: path.display().to_string(), path: path.to_path_buf() }
}

fn has_ext(path: &Path, exts: &[String]) -> bool {
    if exts.is_empty() {
        return true;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) => exts.iter().any(|x| x.eq_ignore_ascii_case(e)),
        None => false,
    }
}
