//! Steps 1 and 4 of [`super::find`]: a line that names the agency by a fixed word, the banner
//! (`XX文件`) in the header or a `承办单位:` line anywhere.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::header::agency;
use crate::extract::line_scan;
use super::{is_agency, is_chrome, squeeze};

/// 1. The banner: a header line whose squeezed form ends with 文件.
#[inline(never)]
pub(super) fn banner(header: &[&str]) -> Option<String> {
    for raw in header.iter().filter(|l| l.contains('件')) {
        let l = squeeze(raw);
        if !l.ends_with("文件") {
            continue;
        }
        if let Some(name) = agency::banner_name(&l) {
            if !is_chrome(raw) && is_agency(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// What every `承办单位:` line holds (its squeezed form opens with …单位).
static WEI: LazyLock<Regex> = LazyLock::new(|| Regex::new("位").expect("wei regex"));

/// The labels of a handler line.
const HANDLER_LABELS: [&str; 4] = ["承办单位", "答复单位", "办理单位", "主办单位"];

/// 4. A `承办单位:` line.
#[inline(never)]
pub(super) fn handler(text: &str) -> Option<String> {
    for (_, raw) in line_scan::lines_with(text, &WEI) {
        let l = squeeze(raw);
        if !HANDLER_LABELS.iter().any(|h| l.starts_with(h)) {
            continue;
        }
        if let Some(name) = agency::handler_name(&l) {
            if !is_chrome(raw) {
                return Some(name.to_string());
            }
        }
    }
    None
}
