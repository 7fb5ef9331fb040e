//! Addressees: the salutation (陈业华代表： · 纪占斌等3名代表: · 尊敬的…委员) → names, role, count.

use super::Hints;
use crate::normalize::Normalized;
use crate::record::Fields;

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, hints: &Hints, out: &mut Fields) {
    let _ = (doc, hints, out);
}
