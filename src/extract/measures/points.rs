//! The 一是/二是/三是… sub-points of a section, inline or as paragraphs, in order.

use super::numbering::chinese_number;

/// `一是` after a sentence or clause break (or at the start of the section): 统一是 / 唯一是 are
/// words, not points. Read by hand at each 是, as the regex
/// `(?:^|[\n。；;，,：:！!？?\s])((?:其)?([一二三四五六七八九十]{1,2}))是` (kept in the tests)
/// matches: (start of 其 or the number, end of 是, the number).
fn point_matches(section: &str) -> impl Iterator<Item = (usize, usize, &str)> + '_ {
    section.match_indices('是').filter_map(move |(p, shi)| {
        let head = section.get(..p)?;
        let mut num_start = p;
        let mut digits = 0;
        for (i, c) in head.char_indices().rev() {
            if digits > 2 || !matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') {
                break;
            }
            digits += 1;
            num_start = i;
        }
        // a third digit before two is no break, so no point
        if !(1..=2).contains(&digits) {
            return None;
        }
        let mut marker = num_start;
        let mut before = section.get(..num_start)?.chars().next_back();
        if before == Some('其') {
            marker -= '其'.len_utf8();
            before = section.get(..marker)?.chars().next_back();
        }
        let at_break = before.is_none_or(|c| {
            c.is_whitespace() || matches!(c, '。' | '；' | ';' | '，' | ',' | '：' | ':' | '！' | '!' | '？' | '?')
        });
        at_break.then(|| (marker, p + shi.len(), section.get(num_start..p).unwrap_or("")))
    })
}

/// The points of one section's text. A run starts at 一是 and goes up by one; a second 一是
/// starts another run, whose points follow the first's.
pub fn points(section: &str) -> Vec<String> {
    // (start of the point's marker, start of the point's text, its number)
    let mut accepted: Vec<(usize, usize, u32)> = Vec::new();
    let mut expected = 1;
    for (marker, end, num) in point_matches(section) {
        let Some(n) = chinese_number(num) else { continue };
        if n == expected || (n == 1 && expected > 1) {
            accepted.push((marker, end, n));
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
    use regex::Regex;

    /// The scanner against the regex it replaced, on every fixture and real-dev text, tricky
    /// snippets and generated strings.
    #[test]
    fn point_matches_are_the_regex_matches() {
        let point =
            Regex::new(r"(?:^|[\n。；;，,：:！!？?\s])((?:其)?([一二三四五六七八九十]{1,2}))是").unwrap();
        let by_regex = |s: &str| -> Vec<(usize, usize, String)> {
            point
                .captures_iter(s)
                .filter_map(|c| Some((c.get(1)?.start(), c.get(0)?.end(), c.get(2)?.as_str().to_string())))
                .collect()
        };
        let by_hand = |s: &str| -> Vec<(usize, usize, String)> {
            super::point_matches(s).map(|(a, b, n)| (a, b, n.to_string())).collect()
        };
        let mut texts = crate::extract::samples::genre_texts();
        for t in [
            "一是加强领导；二是完善机制。三是",
            "其一是，其二是\n十一是\u{3000}十二是",
            "统一是唯一是，一一是 一二三是",
            "其其一是x其一是 是是一是",
            "十是，二十是",
            "",
        ] {
            texts.push(t.to_string());
        }
        let mut found = 0;
        for t in &texts {
            let want = by_regex(t);
            found += want.len();
            assert_eq!(by_hand(t), want, "{t:?}");
        }
        assert!(found > 20, "{found}");
        const ALPHABET: &[char] = &['一', '二', '十', '是', '其', '，', ' ', '\n', '统', '\u{3000}'];
        let mut r: u64 = 0x1234_5678_9ABC_DEF1;
        for n in 0..30_000u32 {
            let mut s = String::new();
            for _ in 0..(n % 12 + 1) {
                r ^= r << 13;
                r ^= r >> 7;
                r ^= r << 17;
                s.push(ALPHABET[(r >> 33) as usize % ALPHABET.len()]);
            }
            assert_eq!(by_hand(&s), by_regex(&s), "{s:?}");
        }
    }

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
