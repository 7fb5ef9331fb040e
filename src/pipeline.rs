//! One document → one [`Record`]. Total and free of I/O: every input, however broken, gives
//! exactly one record.

use sha2::{Digest, Sha256};

use crate::decode::{self, Decoded};
use crate::extract::{self, Hints};
use crate::normalize;
use crate::record::{Body, ErrorInfo, ErrorKind, Fields, Record, Source, Stats, SCHEMA_VERSION};
use crate::segment::{SegmentError, Segmenter};

/// Default cap on the size of one document.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How documents are processed; validated once, shared by every thread.
#[derive(Debug, Clone)]
pub struct Config {
    /// Decode every document with this encoding instead of detecting one.
    pub forced_encoding: Option<&'static encoding_rs::Encoding>,
    /// Documents larger than this become `too_large` error records.
    pub max_bytes: u64,
    /// Run the segment stage (keywords, token counts, name hints).
    pub segment: bool,
    /// An extra jieba dictionary (`word freq tag` per line).
    pub user_dict: Option<std::path::PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config { forced_encoding: None, max_bytes: DEFAULT_MAX_BYTES, segment: true, user_dict: None }
    }
}

/// The whole pipeline: decode → normalize → segment → extract → record.
///
/// ```
/// use dafu::{Config, Pipeline};
/// let pipeline = Pipeline::new(Config::default()).unwrap();
/// let record = pipeline.process_text("memo", "陈业华代表：\n你提出的建议收悉。");
/// assert_eq!(record.schema_version, 1);
/// assert!(record.fields().is_some());
/// ```
pub struct Pipeline {
    config: Config,
    segmenter: Option<Segmenter>,
}

impl Pipeline {
    /// Build the pipeline; loads the jieba dictionaries once when segmentation is on.
    pub fn new(config: Config) -> Result<Self, SegmentError> {
        let segmenter = if config.segment {
            Some(Segmenter::new(config.user_dict.as_deref())?)
        } else {
            None
        };
        Ok(Pipeline { config, segmenter })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The shared segmenter, when segmentation is on.
    pub fn segmenter(&self) -> Option<&Segmenter> {
        self.segmenter.as_ref()
    }

    /// Process one document's raw bytes. `path` is `None` for stdin records.
    ///
    /// Total: empty, binary or oversized bytes give an error record, anything else a record
    /// with fields.
    ///
    /// ```
    /// use dafu::{Config, Pipeline};
    /// let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).unwrap();
    /// // "陈业华代表：您提出的建议收悉，现答复如下" in GBK
    /// let gbk = b"\xb3\xc2\xd2\xb5\xbb\xaa\xb4\xfa\xb1\xed\xa3\xba\xc4\xfa\xcc\xe1\xb3\xf6\xb5\xc4\xbd\xa8\xd2\xe9\xca\xd5\xcf\xa4\xa3\xac\xcf\xd6\xb4\xf0\xb8\xb4\xc8\xe7\xcf\xc2";
    /// let record = pipeline.process_bytes("a.txt", Some("a.txt"), gbk);
    /// assert_eq!(record.source.bytes, 40);
    /// assert_eq!(record.source.encoding.as_deref(), Some("GBK"));
    /// assert_eq!(record.source.encoding_method.as_deref(), Some("detected"));
    /// assert_eq!(record.source.sha256.len(), 64);
    /// assert!(record.error().is_none());
    ///
    /// // A file of NUL bytes is not text: an error record, never a panic or a lost document.
    /// let record = pipeline.process_bytes("b.bin", Some("b.bin"), &[0u8; 16]);
    /// assert_eq!(serde_json::to_value(&record).unwrap()["error"]["kind"], "binary");
    /// ```
    pub fn process_bytes(&self, id: &str, path: Option<&str>, bytes: &[u8]) -> Record {
        let mut source = Source {
            path: path.map(str::to_string),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
            ..Source::default()
        };
        if let Some(error) = self.reject_size(bytes) {
            return error_record(id, source, error);
        }
        let detection = decode::detect(bytes, self.config.forced_encoding);
        // UTF-16 is full of NUL bytes: the binary test comes after recognising it.
        if !detection.is_utf16() {
            if let Some(error) = reject_binary(bytes) {
                return error_record(id, source, error);
            }
        }
        let decoded = decode::decode_as(bytes, detection);
        if decoded.text.trim().is_empty() {
            let what = if detection.bom_len > 0 { "only a byte-order mark and whitespace" } else { "only whitespace" };
            return error_record(id, source, ErrorInfo { kind: ErrorKind::Empty, message: what.into() });
        }
        source.encoding = Some(decoded.encoding.name().to_string());
        source.encoding_method = Some(decoded.method.as_str().to_string());
        source.malformed = Some(decoded.malformed);
        self.finish(id, source, decoded)
    }

    /// Process a document that is already text (a stdin `{"id","text"}` record).
    ///
    /// ```
    /// use dafu::{Config, Pipeline};
    /// let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).unwrap();
    /// let record = pipeline.process_text("memo-1", "陈业华代表：\n你提出的建议收悉。");
    /// assert_eq!(record.id, "memo-1");
    /// assert_eq!(record.source.path, None);
    /// assert_eq!(record.source.encoding.as_deref(), Some("UTF-8"));
    /// assert!(record.fields().is_some());
    /// assert!(pipeline.process_text("memo-2", " \n\u{3000}").error().is_some());
    /// ```
    pub fn process_text(&self, id: &str, text: &str) -> Record {
        let mut source = Source {
            path: None,
            bytes: text.len() as u64,
            sha256: sha256_hex(text.as_bytes()),
            ..Source::default()
        };
        if let Some(error) = self.reject_size(text.as_bytes()) {
            return error_record(id, source, error);
        }
        if text.trim().is_empty() {
            return error_record(id, source, ErrorInfo { kind: ErrorKind::Empty, message: "only whitespace".into() });
        }
        source.encoding = Some("UTF-8".to_string());
        source.encoding_method = Some(decode::Method::Utf8.as_str().to_string());
        source.malformed = Some(0);
        let decoded = Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8,
            method: decode::Method::Utf8,
            malformed: 0,
        };
        self.finish(id, source, decoded)
    }

    /// Size checks, before anything is decoded.
    fn reject_size(&self, bytes: &[u8]) -> Option<ErrorInfo> {
        if bytes.len() as u64 > self.config.max_bytes {
            return Some(ErrorInfo {
                kind: ErrorKind::TooLarge,
                message: format!("{} bytes, over --max-bytes {}", bytes.len(), self.config.max_bytes),
            });
        }
        if bytes.is_empty() {
            return Some(ErrorInfo { kind: ErrorKind::Empty, message: "0 bytes".into() });
        }
        None
    }

    fn finish(&self, id: &str, source: Source, decoded: Decoded) -> Record {
        let doc = normalize::normalize(&decoded.text);
        let mut fields = Fields::default();
        let seg = self.segmenter.as_ref().map(|s| s.analyze(&doc.text));
        let names: &[String] = seg.as_ref().map(|s| s.person_names.as_slice()).unwrap_or(&[]);
        extract::extract_all(&doc, &Hints { person_names: names }, &mut fields);
        fields.stats = Stats {
            chars: doc.text.chars().count() as u64,
            lines: doc.original_lines as u64,
            tokens: seg.as_ref().map(|s| s.tokens),
        };
        if let Some(seg) = seg {
            fields.keywords = seg.keywords;
        }
        Record { schema_version: SCHEMA_VERSION, id: id.to_string(), source, body: Body::Fields(Box::new(fields)) }
    }
}

/// How far into a document NUL bytes mark it as binary.
pub const BINARY_PREFIX: usize = 4096;

/// NUL bytes near the start: not a text file (called only when the bytes are not UTF-16).
fn reject_binary(bytes: &[u8]) -> Option<ErrorInfo> {
    let prefix = &bytes[..bytes.len().min(BINARY_PREFIX)];
    prefix.contains(&0).then(|| ErrorInfo {
        kind: ErrorKind::Binary,
        message: format!("NUL bytes in the first {BINARY_PREFIX} bytes: not a text file"),
    })
}

/// An error record for a document that could not be read as text.
pub fn error_record(id: &str, source: Source, error: ErrorInfo) -> Record {
    Record { schema_version: SCHEMA_VERSION, id: id.to_string(), source, body: Body::Error { error } }
}

/// Lowercase hex SHA-256, as `sha256sum` prints it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        Pipeline::new(Config { segment: false, ..Config::default() }).expect("no user dictionary")
    }

    fn kind(record: &Record) -> Option<ErrorKind> {
        record.error().map(|e| e.kind)
    }

    #[test]
    fn sha256_matches_sha256sum() {
        // `printf abc | sha256sum`
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn empty_documents_are_error_records() {
        let p = pipeline();
        for (bytes, what) in [
            (&b""[..], "0 bytes"),
            (b" \r\n\t\n", "whitespace"),
            (b"\xef\xbb\xbf", "UTF-8 BOM only"),
            (b"\xff\xfe", "UTF-16LE BOM only"),
            (b"\xef\xbb\xbf\xe3\x80\x80\n", "BOM and an ideographic space"),
        ] {
            let r = p.process_bytes("x", Some("x"), bytes);
            assert_eq!(kind(&r), Some(ErrorKind::Empty), "{what}");
            assert_eq!(r.source.bytes, bytes.len() as u64);
            assert_eq!(r.source.encoding, None);
        }
    }

    #[test]
    fn nul_bytes_are_binary_but_utf16_is_not() {
        let p = pipeline();
        let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
        png.extend_from_slice(&[0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00]);
        assert_eq!(kind(&p.process_bytes("x.png", None, &png)), Some(ErrorKind::Binary));
        let utf16: Vec<u8> = "答复\r\n1. 加强规划\r\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let r = p.process_bytes("y", None, &utf16);
        assert_eq!(kind(&r), None);
        assert_eq!(r.source.encoding.as_deref(), Some("UTF-16LE"));
        assert_eq!(r.source.encoding_method.as_deref(), Some("utf16-heuristic"));
        // All-ASCII UTF-16 is valid UTF-8 full of NULs: still text.
        let ascii: Vec<u8> = "No. 151\n2024-06-05\n".encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let r = p.process_bytes("z", None, &ascii);
        assert_eq!(kind(&r), None);
        assert_eq!(r.source.encoding.as_deref(), Some("UTF-16BE"));
    }

    #[test]
    fn too_large_is_refused() {
        let p = Pipeline::new(Config { segment: false, max_bytes: 8, ..Config::default() }).expect("no dictionary");
        let r = p.process_bytes("z", None, "答复如下：一二三".as_bytes());
        assert_eq!(kind(&r), Some(ErrorKind::TooLarge));
        assert_eq!(kind(&p.process_text("z", "答复如下：一二三")), Some(ErrorKind::TooLarge));
        assert_eq!(kind(&p.process_bytes("z", None, b"ok\n")), None);
    }

    #[test]
    fn malformed_count_reaches_the_record() {
        let r = pipeline().process_bytes("d", None, b"\xe7\xad\x94\xe5\xa4\x8d\xe5\xa6\x82\xe4\xb8\x8b\xff\xe7\xad\x94\xe5\xa4\x8d");
        assert_eq!(r.source.encoding.as_deref(), Some("UTF-8"));
        assert_eq!(r.source.malformed, Some(1));
    }
}
