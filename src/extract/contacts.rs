//! Contacts: 联系人/承办人/经办人 … names and phone numbers, never 签发人, postcodes, fax or footers.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
