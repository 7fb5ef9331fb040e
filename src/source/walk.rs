//! Files and folders → files in sorted path order. Nothing is skipped silently: hidden files
//! are included, and an entry that cannot be walked (unreadable folder, symlink loop, dangling
//! link) is reported so that it becomes an `io` error record.

use std::path::{Path, PathBuf};

use super::Input;
use crate::record::ErrorKind;

/// What a walk finds: only paths, so a list of 200,000 of them stays small.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A file to read.
    File(PathBuf),
    /// An entry that could not be walked.
    Unwalkable { path: PathBuf, message: String },
}

impl Found {
    /// The input this entry becomes (ids are the path, lossily displayed when not UTF-8).
    pub fn into_input(self) -> Input {
        match self {
            Found::File(path) => Input::File { id: path.to_string_lossy().into_owned(), path },
            Found::Unwalkable { path, message } => {
                let id = path.to_string_lossy().into_owned();
                Input::Invalid { id: id.clone(), path: Some(id), kind: ErrorKind::Io, message }
            }
        }
    }
}

/// Walk one root lazily. A file is taken as given, whatever its extension; a folder is walked
/// recursively (following symlinks, loops reported) for files whose extension is one of
/// `exts`, case-insensitive (`*` takes every file). Entries come in path order: walkdir sorts
/// each folder by name and descends depth-first, which is `Path`'s component-wise order.
pub fn walk(root: &Path, exts: &[String]) -> Box<dyn Iterator<Item = Found> + Send> {
    if !root.is_dir() {
        // A missing or unreadable file is still a document: reading it gives the io record.
        return Box::new(std::iter::once(Found::File(root.to_path_buf())));
    }
    let exts = exts.to_vec();
    let root_owned = root.to_path_buf();
    let iter = walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name().into_iter().filter_map(move |entry| {
        match entry {
            Ok(e) => (e.file_type().is_file() && has_ext(e.path(), &exts)).then(|| Found::File(e.into_path())),
            Err(err) => {
                let path = err.path().map(Path::to_path_buf).unwrap_or_else(|| root_owned.clone());
                Some(Found::Unwalkable { path, message: err.to_string() })
            }
        }
    });
    Box::new(iter)
}

/// Walk every root in the order given, collecting the paths (not the contents) so the total is
/// known for the progress bar.
pub fn expand(roots: &[PathBuf], exts: &[String]) -> Vec<Found> {
    roots.iter().flat_map(|root| walk(root, exts)).collect()
}

fn has_ext(path: &Path, exts: &[String]) -> bool {
    if exts.is_empty() || exts.iter().any(|x| x == "*") {
        return true;
    }
    match path.extension() {
        Some(e) => {
            let e = e.to_string_lossy();
            exts.iter().any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(&e))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("mkdir");
        }
        std::fs::write(path, "答复").expect("write");
    }

    fn files(found: &[Found], root: &Path) -> Vec<String> {
        found
            .iter()
            .map(|f| match f {
                Found::File(p) => p.strip_prefix(root).expect("under root").to_string_lossy().into_owned(),
                Found::Unwalkable { path, .. } => format!("ERR {}", path.display()),
            })
            .collect()
    }

    #[test]
    fn sorted_recursive_hidden_included_ext_filtered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for name in ["b.txt", "a/2.txt", "a/10.txt", ".hidden.txt", ".git/x.txt", "c.TXT", "d.doc", "a.txt"] {
            touch(&root.join(name));
        }
        let found = expand(&[root.to_path_buf()], &["txt".to_string()]);
        assert_eq!(files(&found, root), [".git/x.txt", ".hidden.txt", "a/10.txt", "a/2.txt", "a.txt", "b.txt", "c.TXT"]);
        let all = expand(&[root.to_path_buf()], &["*".to_string()]);
        assert_eq!(all.len(), 8);
        let docs = expand(&[root.to_path_buf()], &["doc".to_string(), ".txt".to_string()]);
        assert_eq!(docs.len(), 8);
    }

    #[test]
    fn a_named_file_is_taken_whatever_its_extension_or_existence() {
        let found = expand(&[PathBuf::from("/nonexistent/x.pdf")], &["txt".to_string()]);
        assert_eq!(found, [Found::File(PathBuf::from("/nonexistent/x.pdf"))]);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_is_reported_not_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        touch(&root.join("sub/a.txt"));
        std::os::unix::fs::symlink(root.join("sub"), root.join("sub/loop")).expect("symlink");
        std::os::unix::fs::symlink(root.join("missing.txt"), root.join("sub/dangling.txt")).expect("symlink");
        let found = expand(&[root.to_path_buf()], &["txt".to_string()]);
        let errors = found.iter().filter(|f| matches!(f, Found::Unwalkable { .. })).count();
        assert_eq!(errors, 2, "{found:?}");
        assert!(found.contains(&Found::File(root.join("sub/a.txt"))));
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_get_a_lossy_id() {
        use std::os::unix::ffi::OsStrExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let name = std::ffi::OsStr::from_bytes(b"\xb4\xf0\xb8\xb4.txt");
        touch(&dir.path().join(name));
        let found = expand(&[dir.path().to_path_buf()], &["txt".to_string()]);
        assert_eq!(found.len(), 1);
        match found.into_iter().next().map(Found::into_input) {
            Some(Input::File { id, path }) => {
                // B4 is a lone byte; F0 B8 B4 is one truncated four-byte sequence: two U+FFFD.
                assert!(id.ends_with("/\u{FFFD}\u{FFFD}.txt"), "{id}");
                assert_eq!(path.file_name(), Some(name));
            }
            other => panic!("not a file input: {other:?}"),
        }
    }
}
