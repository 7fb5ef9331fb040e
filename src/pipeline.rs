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
    /// ```
    /// use dafu::{Config, Pipeline};
    /// let pipeline = Pipeline::new(Config { segment: false, ..Config::default() }).unwrap();
    /// // "答复" in GBK
    /// let record = pipeline.process_bytes("a.txt", Some("a.txt"), b"\xb4\xf0\xb8\xb4\xd2\xbb\xb7\xdd");
    /// assert_eq!(record.source.bytes, 8);
    /// assert_eq!(record.source.sha256.len(), 64);
    /// ```
    pub fn process_bytes(&self, id: &str, path: Option<&str>, bytes: &[u8]) -> Record {
        let mut source = Source {
            path: path.map(str::to_string),
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
            ..Source::default()
        };
        if let Some(error) = self.reject(bytes) {
            return error_record(id, source, error);
        }
        let decoded = decode::decode(bytes, self.config.forced_encoding);
        source.encoding = Some(decoded.encoding.name().to_string());
        source.encoding_method = Some(decoded.method.as_str().to_string());
        source.malformed = Some(decoded.malformed);
        self.finish(id, source, decoded)
    }

    /// Process a document that is already text (a stdin `{"id","text"}` record).
    pub fn process_text(&self, id: &str, text: &str) -> Record {
        let source = Source {
            path: None,
            bytes: text.len() as u64,
            sha256: sha256_hex(text.as_bytes()),
            encoding: Some("UTF-8".to_string()),
            encoding_method: Some("utf8".to_string()),
            malformed: Some(0),
        };
        if text.trim().is_empty() {
            return error_record(id, source, ErrorInfo { kind: ErrorKind::Empty, message: "no text".into() });
        }
        let decoded = Decoded {
            text: text.to_string(),
            encoding: encoding_rs::UTF_8,
            method: decode::Method::Utf8,
            malformed: 0,
        };
        self.finish(id, source, decoded)
    }

    /// The checks that make a document unreadable before decoding.
    fn reject(&self, bytes: &[u8]) -> Option<ErrorInfo> {
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

/// An error record for a document that could not be read as text.
pub fn error_record(id: &str, source: Source, error: ErrorInfo) -> Record {
    Record { schema_version: SCHEMA_VERSION, id: id.to_string(), source, body: Body::Error { error } }
}

/// Lowercase hex SHA-256, as `sha256sum` prints it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for b in digest.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}
