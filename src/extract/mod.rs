//! Extract: one module per field family. Each reads the normalized document (and the
//! segmentation hints) and fills only its own fields of the record; none calls another.

use crate::normalize::Normalized;
use crate::record::Fields;

pub mod addressees;
pub mod amounts;
pub mod cn_num;
pub mod closing;
pub mod contacts;
pub(crate) mod cursor;
pub mod header;
pub(crate) mod line_scan;
pub mod measures;
pub mod names;
pub mod references;
#[cfg(test)]
pub(crate) mod samples;
pub(crate) mod relaxed;
pub mod subject;
pub mod title;

/// What other stages offer the extractors.
#[derive(Debug, Clone, Default)]
pub struct Hints<'a> {
    /// Person names (jieba tag `nr`) found in the document, in order of first appearance.
    pub person_names: &'a [String],
}

/// Run every extractor over one document. Measures run before amounts, which place each figure
/// in the measure whose span holds it.
pub fn extract_all(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    header::extract(doc, hints, out);
    title::extract(doc, hints, out);
    addressees::extract(doc, hints, out);
    subject::extract(doc, hints, out);
    measures::extract(doc, hints, out);
    amounts::extract(doc, hints, out);
    contacts::extract(doc, hints, out);
    closing::extract(doc, hints, out);
    references::extract(doc, hints, out);
}
