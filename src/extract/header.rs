//! Header marks: disclosure, classification, issuer and the reply's own 文号.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
