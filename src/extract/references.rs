//! References: cited 《titles》 paired with the 文号 that follows them.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
