//! The dafu record, schema version 1 (see `../shared/RECORD.md`): one JSON object per document.
//!
//! The JSON Schema printed by `dafu schema` is generated from these same types, so the contract
//! and the code cannot drift apart. Every key is always serialised: absent fields are `null`/`[]`.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The only schema version this crate writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One output line: provenance plus either the extracted fields or an error.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Record {
    /// Always 1.
    pub schema_version: u32,
    /// The path as given on the command line, or the id of a stdin record.
    pub id: String,
    pub source: Source,
    #[serde(flatten)]
    pub body: Body,
}

/// A record carries either the fields of a readable document or an error.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Body {
    Error { error: ErrorInfo },
    Fields(Box<Fields>),
}

impl Record {
    /// The fields, when the document was readable.
    pub fn fields(&self) -> Option<&Fields> {
        match &self.body {
            Body::Fields(f) => Some(f),
            Body::Error { .. } => None,
        }
    }
    /// The error, when it was not.
    pub fn error(&self) -> Option<&ErrorInfo> {
        match &self.body {
            Body::Error { error } => Some(error),
            Body::Fields(_) => None,
        }
    }
}

// Records are read back through `serde_json::Value`, not serde's derived flatten/untagged
// machinery: that buffers numbers in a form the exact-decimal (arbitrary precision) amount
// fields cannot read, so a record with an amount would not round-trip.
impl<'de> Deserialize<'de> for Record {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut map = match serde_json::Value::deserialize(d)? {
            serde_json::Value::Object(m) => m,
            _ => return Err(D::Error::custom("a record is a JSON object")),
        };
        let mut take = |k: &str| map.remove(k).ok_or_else(|| D::Error::custom(format!("missing field `{k}`")));
        let schema_version = serde_json::from_value(take("schema_version")?).map_err(D::Error::custom)?;
        let id = serde_json::from_value(take("id")?).map_err(D::Error::custom)?;
        let source = serde_json::from_value(take("source")?).map_err(D::Error::custom)?;
        let body = match map.remove("error") {
            Some(e) => Body::Error { error: serde_json::from_value(e).map_err(D::Error::custom)? },
            None => Body::Fields(Box::new(
                serde_json::from_value(serde_json::Value::Object(map)).map_err(D::Error::custom)?,
            )),
        };
        Ok(Record { schema_version, id, source, body })
    }
}

/// Provenance: where the bytes came from and how they were decoded.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// Null for stdin records.
    pub path: Option<String>,
    pub bytes: u64,
    /// SHA-256 of the raw bytes, lowercase hex (check with `sha256sum`).
    pub sha256: String,
    /// encoding_rs name: UTF-8, GBK, gb18030, UTF-16LE, UTF-16BE, Big5 …; null when not decoded.
    pub encoding: Option<String>,
    /// bom | utf8 | utf16-heuristic | detected | forced; null when not decoded.
    pub encoding_method: Option<String>,
    /// Byte sequences replaced by U+FFFD while decoding; null when not decoded.
    pub malformed: Option<u64>,
}

/// Why a document has no fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorInfo {
    pub kind: ErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The file could not be read (permissions, vanished mid-run, …).
    Io,
    /// Zero bytes, or nothing but whitespace / a BOM.
    Empty,
    /// NUL bytes: not a text file.
    Binary,
    /// Over `--max-bytes`.
    TooLarge,
    /// A malformed stdin record.
    BadInput,
}

/// Everything extracted from a readable document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Fields {
    /// 主动公开 | 依申请公开 | 不予公开 | 同意公开 | 不同意公开
    pub disclosure: Option<String>,
    /// As written, without 类 or brackets: A, A1, B, C, 甲 …
    pub classification: Option<String>,
    /// The agency that wrote the reply.
    pub issuer: Option<String>,
    pub doc_number: Option<DocNumber>,
    pub title: Option<String>,
    pub proposal: Option<Proposal>,
    pub addressees: Vec<Addressee>,
    /// "纪占斌等3名代表" → 3.
    pub addressee_count: Option<u32>,
    pub subject: Option<String>,
    pub measures: Vec<Measure>,
    pub next_steps: Option<String>,
    pub amounts: Vec<Amount>,
    pub contacts: Vec<Contact>,
    pub cc: Vec<String>,
    pub signer: Option<String>,
    /// ISO date YYYY-MM-DD of signing.
    pub date: Option<String>,
    pub references: Vec<Reference>,
    pub keywords: Vec<String>,
    pub stats: Stats,
    pub warnings: Vec<String>,
}

/// 发文字号 of the reply itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocNumber {
    /// Brackets unified to 〔〕.
    pub text: String,
    pub agency_code: Option<String>,
    pub year: Option<i32>,
    pub serial: Option<u32>,
    pub warnings: Vec<String>,
}

/// The suggestion/proposal the reply answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Proposal {
    /// 人大 | 政协
    pub body: Option<String>,
    /// 全国 | 省 | 市 | 州 | 区 | 县 | 旗 …
    pub level: Option<String>,
    pub term: Option<u32>,
    pub session: Option<u32>,
    /// As written, leading zeros kept.
    pub number: Option<String>,
    /// 建议 | 提案 | 议案 | 意见
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Addressee {
    pub name: String,
    /// 代表 | 委员
    pub role: Option<String>,
}

/// A top-level numbered section of the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    pub index: u32,
    pub heading: Option<String>,
    /// The 一是/二是… sub-points, in order.
    pub points: Vec<String>,
    /// 1-based line in the original decoded text.
    pub line: u32,
    /// Byte span of the section in the normalized text (for placing amounts; not serialised).
    #[serde(skip)]
    #[schemars(skip)]
    pub span: (usize, usize),
}

/// A money figure, exact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Amount {
    /// As written (after normalisation).
    pub text: String,
    /// Exact value in yuan, a JSON number.
    #[serde(with = "rust_decimal::serde::arbitrary_precision")]
    #[schemars(with = "f64")]
    pub yuan: Decimal,
    /// Upper end of a range, else null.
    #[serde(with = "rust_decimal::serde::arbitrary_precision_option")]
    #[schemars(with = "Option<f64>")]
    pub yuan_max: Option<Decimal>,
    pub qualifier: Option<String>,
    /// True when 元 is not written.
    pub inferred_unit: bool,
    /// "人" for 500元/人 …
    pub per: Option<String>,
    pub label: Option<String>,
    /// Index of the measure the figure sits in.
    pub measure: Option<u32>,
    /// 1-based line in the original decoded text.
    pub line: u32,
    /// Byte offset in the normalized text (for placing the figure in a measure; not serialised).
    #[serde(skip)]
    #[schemars(skip)]
    pub offset: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contact {
    /// The label as written: 联系人, 承办人, 经办人 …
    pub role: Option<String>,
    pub name: Option<String>,
    pub phones: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reference {
    pub title: String,
    pub doc_number: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Stats {
    /// Characters of the normalized text.
    pub chars: u64,
    /// Lines of the original decoded text.
    pub lines: u64,
    /// Tokens from segmentation; null with --no-segment.
    pub tokens: Option<u64>,
}

/// The JSON Schema of [`Record`], as `dafu schema` prints it.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Record)).expect("schema serialises")
}
