//! Amounts: every money figure, exact to the fen, with its context.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill `out.amounts`; `out.measures` is already filled and places each figure.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
