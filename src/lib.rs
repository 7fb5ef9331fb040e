//! dafu (答复) turns Chinese government reply documents into structured JSON records.
//!
//! The pipeline, one sentence per stage:
//! 1. [`source`]: files and folders (or records on stdin) in sorted order;
//! 2. [`decode`]: BOM, UTF-8, else detect (GBK/GB18030/Big5, UTF-16) — never fails, reports what it did;
//! 3. [`normalize`]: repair OCR and page damage, keeping a map back to original lines;
//! 4. [`segment`]: jieba-rs with a genre dictionary, for keywords and name hints;
//! 5. [`extract`]: one module per field family, each reading the normalized document;
//! 6. [`record`]: the versioned record, whose JSON Schema the tool prints;
//! 7. [`sink`]: JSONL, SQLite, and the golden-file check used in CI.
//!
//! [`Pipeline`] runs stages 2–6 on one document ([`Pipeline::process_bytes`] for raw bytes in
//! any encoding, [`Pipeline::process_text`] for text); [`batch::run`] runs it over many on a
//! local thread pool, writing records to a [`sink::Sink`] in input order. Every input gives
//! exactly one [`Record`]: a document that cannot be read gets an error record.
//!
//! ```
//! let pipeline = dafu::Pipeline::new(dafu::Config::default()).unwrap();
//! let record = pipeline.process_bytes("seed.txt", Some("seed.txt"), "陈业华代表：\n".as_bytes());
//! let line = serde_json::to_string(&record).unwrap();
//! assert!(line.starts_with("{\"schema_version\":1,"));
//!
//! // Broken input is a record too, never an error or a panic.
//! let empty = pipeline.process_bytes("empty.txt", Some("empty.txt"), b"");
//! assert_eq!(serde_json::to_value(&empty).unwrap()["error"]["kind"], "empty");
//! ```
//!
//! Sharing one pipeline across a service's threads is the intended use: it is `Sync`, and the
//! jieba dictionary inside it is loaded once.
//!
//! ```
//! fn assert_sync<T: Sync + Send>() {}
//! assert_sync::<dafu::Pipeline>();
//! ```

pub mod batch;
pub mod decode;
pub mod extract;
pub mod normalize;
pub mod pipeline;
pub mod record;
pub mod segment;
pub mod sink;
pub mod source;

pub use pipeline::{Config, Pipeline};
pub use record::{Fields, Record};
pub mod cli;
