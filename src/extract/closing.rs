//! Closing: cc (抄送/抄报), signer (签发人/领导签发) and the signing date.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
