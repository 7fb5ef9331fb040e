//! The 一是/二是/三是… sub-points of a section, inline or as paragraphs, in order.

use std::sync::LazyLock;

use regex::Regex;

use super::numbering::chinese_number;

/// `一是` after a sentence or clause break (or at a line start): 统一是 / 唯一是 are words, not points.
static POINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\n。；;，,：:！!？?\s])((?:其)?([一二三四五六七八九十]{1,2}))是").expect("point regex")
});

/// The points of one section's text. A run starts at 一是 and goes up by one; a second 一是
/// starts another run, whose points follow the first's.
pub fn points(section: &str) -> Vec<String> {
    // (start of the point's marker, start of the point's text, its number)
    let mut accepted: Vec<(usize, usize, u32)> = Vec::new();
    let mut expected = 1;
    for caps in POINT.captures_iter(section) {
        let (Some(marker), Some(num), Some(all)) = (caps.get(1), caps.get(2), caps.get(0)) else { continue };
        let Some(n) = chinese_number(num.as_str()) else { continue };
        if n == expected || (n == 1 && expected > 1) {
            accepted.push((marker.start(), all.end(), n));
            expected = n + 1;
        }
    }
    let mut out = Vec::with_capacity(accepted.len());
    for (k, &(_, text_start, _)) in accepted.iter().enumerate() {
        let line_end = section.get(text_start..).and_then(|s| s.find('\n')).map_or(section.len(), |p| text_start + p);
        let mut end = accepted.get(k + 1).map_or(line_end, |&(next, _, _)| next.min(line_end));
        // Before a new run the text after the point's last sentence introduces that run.
        if accepted.get(k + 1).is_some_and(|&(next, _, n)| n == 1 && next <= line_end) {
            if let Some(stop) = section.get(text_start..end).and_then(|s| s.rfind('。')) {
                end = text_start + stop + '。'.len_utf8();
            }
        }
        let text = section
            .get(text_start..end)
            .unwrap_or("")
            .trim()
            .trim_end_matches(['；', ';', '，', ',', '：', ':'])
            .trim_end();
        if !text.is_empty() {
            out.push(text.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_points_of_the_seed() {
        let text = "1. 强化规划引领和试点示范。一是在全市推进新型城镇化工作。二是将城乡融合发展作为重大研究课题之一。三是扎实做好国土空间规划。";
        assert_eq!(
            points(text),
            ["在全市推进新型城镇化工作。", "将城乡融合发展作为重大研究课题之一。", "扎实做好国土空间规划。"]
        );
    }

    #[test]
    fn points_as_paragraphs() {
        let text = "一、关于资金\n一是加强项目支持；\n二是开展示范认定；\n三是支持联合体建设。\n";
        assert_eq!(points(text), ["加强项目支持", "开展示范认定", "支持联合体建设。"]);
    }

    #[test]
    fn words_ending_in_yi_shi_are_not_points() {
        assert!(points("统一是关键，唯一是目标。").is_empty());
        assert!(points("二是没有一是的第二点。三是也不算。").is_empty());
    }

    #[test]
    fn a_second_run_in_one_paragraph_follows_the_first() {
        let text = "摸排，一是路段拥堵。二是家长意识较弱。大队针对此类问题，一是加大管控力度。二是加强宣传教育。";
        assert_eq!(points(text), ["路段拥堵。", "家长意识较弱。", "加大管控力度。", "加强宣传教育。"]);
    }

    #[test]
    fn the_last_point_ends_with_its_paragraph() {
        let text = "一是积极争取上级补助资金。二是市财政部门积极统筹产业发展基金。\n下一步，我委将协同财政。";
        assert_eq!(points(text), ["积极争取上级补助资金。", "市财政部门积极统筹产业发展基金。"]);
    }
}
