//! Measures: top-level numbered sections of the body with their 一是/二是 points; the 下一步 paragraph.
//!
//! The top level is the highest-ranked numbering style ([`numbering`]) whose numbers run 1, 2, 3 …
//! after the acknowledgement (答复如下 / 收悉), so a quoted suggestion's own list is not taken.
//! Each section runs to the next one; the last one stops at the closing formula (感谢…, 特此函告)
//! or the 下一步 paragraph, so amounts in the closing are not put in a measure.

mod breaks;
mod closers;
mod marker_scan;
mod numbering;
mod points;

use std::sync::LazyLock;

use regex::Regex;

use memchr::memmem;

use super::Hints;
use crate::extract::line_scan;
use crate::normalize::Normalized;
use crate::record::{Fields, Measure};

/// Where the reply proper begins: the quoted suggestion and the page header come before it.
/// 答复如下 is the surest mark (a quotation of the suggestion may sit between 收悉 and it).
static REPLY_FOLLOWS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"答复如下|答覆如下|答復如下|办理情况如下|辦理情況如下|答复意见如下").expect("reply follows regex")
});
static ACKNOWLEDGEMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"收悉").expect("acknowledgement regex"));
/// A line (after any section number) opening with 下一步 / 下步.
static NEXT_STEP_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十0-9]{1,3}\s*[）)]|[0-9]{1,2}\s*[、.．])?\s*(下一步|下步)")
        .expect("next step line regex")
});
static FULL_STOP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("。"));
static FIRST_POINT: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("一是"));
/// What every 下一步 / 下步 holds.
static STEP: LazyLock<memmem::Finder<'static>> = LazyLock::new(|| memmem::Finder::new("步"));
/// A top-level section heading, which ends the 下一步 section before it.
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]").expect("section regex"));
/// A sentence end followed by whitespace: a paragraph break on a flattened page.
static PARAGRAPH_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。！!]\s+").expect("paragraph end regex"));
/// 下一步 after a sentence break inside a paragraph.
static NEXT_STEP_INLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[。；;！!]\s*(下一步|下步)[，,：:]").expect("next step inline regex"));

/// Fill this family's fields of `out`.
pub fn extract(doc: &Normalized, _hints: &Hints, out: &mut Fields) {
    let text = doc.text.as_str();
    let body_start = body_start(text);
    out.measures =
        find_measures(text, body_start).into_iter().map(|m| Measure { line: doc.line_at(m.span.0), ..m }).collect();
    out.next_steps = find_next_steps(text, body_start);
}

/// Where the reply proper begins: after 答复如下, else after 收悉, else the top of the text.
fn body_start(text: &str) -> usize {
    REPLY_FOLLOWS.find(text).or_else(|| ACKNOWLEDGEMENT.find(text)).map_or(0, |m| m.end())
}

/// The top-level sections after `body_start`, with spans in `text`; `line` is left 0 for the
/// caller to map back to the original text.
pub fn find_measures(text: &str, body_start: usize) -> Vec<Measure> {
    let mut all = numbering::markers(text);
    // Only markers in the body count (top_level_run): without one there is no section, and the
    // letter's end need not be looked for.
    if all.iter().all(|m| m.start < body_start) {
        return Vec::new();
    }
    let letter_end =
        text.get(body_start..).and_then(closers::letter_end).map_or(text.len(), |at| body_start + at);
    all.retain(|m| m.start < letter_end);
    let run = numbering::top_level_run(&all, body_start);
    let mut out = Vec::with_capacity(run.len());
    for (k, m) in run.iter().enumerate() {
        let end = match run.get(k + 1) {
            Some(next) => next.start,
            None => last_section_end(text, m),
        };
        let section = text.get(m.body_start..end).unwrap_or("");
        // A marker alone on its line (`一、` then the heading below it) heads the next line.
        let heading = heading(text.get(m.body_start..m.line_end).unwrap_or(""))
            .or_else(|| section.split('\n').find(|l| !l.trim().is_empty()).and_then(heading));
        out.push(Measure { index: m.index, heading, points: points::points(section), line: 0, span: (m.start, end) });
    }
    out
}

/// The last section ends at the first closing line (or attachment, cc, contact line), or at the 下一步 paragraph unless the
/// section is itself about the next steps (三、下步工作方向).
fn last_section_end(text: &str, m: &numbering::Marker) -> usize {
    let own_heading = text.get(m.body_start..m.line_end).unwrap_or("");
    let about_next = own_heading.contains("下一步") || own_heading.contains("下步");
    let mut offset = m.line_end + 1;
    while let Some(rest) = text.get(offset..) {
        if rest.is_empty() {
            break;
        }
        let line = rest.split('\n').next().unwrap_or("");
        // 下一步 and 下步 both hold 步: lines without it skip the regex.
        let next_step = || line.contains('步') && NEXT_STEP_LINE.is_match(line);
        if closers::is_closing(line) || closers::is_letter_end(line) || (!about_next && next_step()) {
            return offset;
        }
        offset += line.len() + 1;
    }
    text.len()
}

/// The heading: the text up to the first 。 (or the first 一是 point), else the whole line.
fn heading(line: &str) -> Option<String> {
    // (SIMD searches: `str::find` of a two-character needle sets up a two-way search per call)
    let mut end = FULL_STOP.find(line.as_bytes()).unwrap_or(line.len());
    if let Some(p) = FIRST_POINT.find(line.as_bytes()) {
        end = end.min(p);
    }
    let h = line.get(..end).unwrap_or("").trim().trim_end_matches(['，', ',', '；', ';', '：', ':', '。']).trim_end();
    (!h.is_empty()).then(|| h.to_string())
}

/// The paragraph `text` opens: on a page flattened onto one line, paragraphs end at a sentence
/// end followed by whitespace.
fn paragraph(text: &str) -> &str {
    match PARAGRAPH_END.find(text) {
        Some(m) => text.get(..m.end()).map_or(text, str::trim_end),
        None => text,
    }
}

/// The 下一步 paragraph: a paragraph opening with 下一步 (a short 下步工作 heading gives the
/// paragraph under it), else 下一步 after a sentence break, to the end of its paragraph.
pub fn find_next_steps(text: &str, body_start: usize) -> Option<String> {
    let body = text.get(body_start..)?;
    // Both patterns need 下一步 or 下步, so 步: only the lines holding it (a SIMD search) are
    // read, and a body without it has no 下一步 paragraph.
    for (start, line) in line_scan::lines_holding(body, &STEP) {
        let Some(word) = next_step_line_word(line) else { continue };
        let from_word = line.get(word..).unwrap_or("").trim();
        let is_heading = !from_word.contains(['。', '，', ',']) && from_word.chars().count() <= 20;
        if !is_heading {
            return Some(paragraph(from_word).to_string());
        }
        // Under a heading: the paragraphs up to the closing or the next section.
        let below = body.get(start + line.len() + 1..).unwrap_or("");
        let mut paragraphs: Vec<&str> = Vec::new();
        for next in below.split('\n').filter(|l| !l.trim().is_empty()) {
            if closers::is_closing(next) || closers::is_letter_end(next) || SECTION.is_match(next) {
                break;
            }
            paragraphs.push(next.trim());
        }
        return (!paragraphs.is_empty()).then(|| paragraphs.join("\n"));
    }
    for (_, line) in line_scan::lines_holding(body, &STEP) {
        if let Some(m) = NEXT_STEP_INLINE.find(line) {
            return Some(paragraph(line.get(inline_word(m.as_str()).map(|w| m.start() + w)?..)?.trim()).to_string());
        }
    }
    None
}

/// Where NEXT_STEP_LINE's group (下一步 or 下步) starts in `line`: it ends the match, so a
/// search without groups (a DFA only) places it.
fn next_step_line_word(line: &str) -> Option<usize> {
    let m = NEXT_STEP_LINE.find(line)?;
    let word = if m.as_str().ends_with("下一步") { "下一步" } else { "下步" };
    m.end().checked_sub(word.len())
}

/// Where NEXT_STEP_INLINE's group starts in one of its matches: after the punctuation mark the
/// match opens with and the spaces after it.
fn inline_word(m: &str) -> Option<usize> {
    let after_mark = m.get(m.chars().next()?.len_utf8()..)?;
    Some(m.len() - after_mark.trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = "你提出的《关于建强特色小镇载体的建议》收悉。现答复如下：\n\n近年来，重点开展了：\n\n\
1. 强化规划引领和试点示范。一是在全市推进新型城镇化工作。二是将城乡融合发展作为课题。三是扎实做好国土空间规划。\n\n\
2. 积极争取项目资金。自《关于印发<湖南省支持省级特色产业小镇发展的政策意见（2019-2021年）>的通知》（湘政办发〔2019〕58号）后，省级层面未出台政策。一是积极争取上级补助资金7803万元。二是市财政部门积极统筹产业发展基金。\n\n\
3. 深化科技赋能，提升企业创新能力。一是支持创建试验区。二是市县两级联动。三是重点支持攻关。\n\n\
4. 持续深入推进“邵品出邵”。一是开展攻坚行动。二是积极招引外向型企业。三是加快对外通道建设。\n\n\
下一步，我委将协同财政、科技等部门，深入推进城镇化试点工作。\n\n\
你的建议很好，衷心感谢在百忙之中关注特色小镇。\n\n抄送：市人大联工委、市政府办公室";

    fn body(text: &str) -> usize {
        body_start(text)
    }

    /// The group positions read from matches are the ones the capture searches gave.
    #[test]
    fn next_step_words_placed_as_the_captures_place_them() {
        let mut lines = crate::extract::samples::all_lines();
        lines.extend(
            ["下一步", " 三、下步工作", "（2）下一步：", "12．下一步", "已完成。 下一步，加快", "完成；\u{3000}下步:推进", "！下一步,", "。下一步下一步，"]
                .map(String::from),
        );
        let (mut line_hits, mut inline_hits) = (0, 0);
        for line in &lines {
            let want = NEXT_STEP_LINE.captures(line).map(|c| c.get(1).unwrap().start());
            assert_eq!(next_step_line_word(line), want, "{line:?}");
            line_hits += usize::from(want.is_some());
            let want = NEXT_STEP_INLINE.captures(line).map(|c| c.get(1).unwrap().start());
            let got = NEXT_STEP_INLINE.find(line).and_then(|m| Some(m.start() + inline_word(m.as_str())?));
            assert_eq!(got, want, "{line:?}");
            inline_hits += usize::from(want.is_some());
        }
        assert!(line_hits > 5 && inline_hits > 5, "{line_hits} {inline_hits}");
    }

    /// The SIMD searches find what `str::find` found: the same heading for every line.
    #[test]
    fn heading_same_as_with_str_find() {
        let plain = |line: &str| -> Option<String> {
            let mut end = line.find('。').unwrap_or(line.len());
            if let Some(p) = line.find("一是") {
                end = end.min(p);
            }
            let h = line.get(..end).unwrap_or("").trim().trim_end_matches(['，', ',', '；', ';', '：', ':', '。']).trim_end();
            (!h.is_empty()).then(|| h.to_string())
        };
        let mut lines = crate::extract::samples::fixture_lines();
        lines.extend(["关于资金。一是", "一是加强", "", "。", "强化规划引领，一是在全市", "甲一乙是。"].map(String::from));
        let mut cut = 0;
        for line in &lines {
            assert_eq!(heading(line), plain(line), "{line:?}");
            cut += usize::from(line.contains('。') || line.contains("一是"));
        }
        assert!(cut > 100, "{cut}");
    }

    #[test]
    fn seed_has_four_measures_with_headings_and_points() {
        let ms = find_measures(SEED, body(SEED));
        assert_eq!(ms.iter().map(|m| m.index).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert_eq!(ms[0].heading.as_deref(), Some("强化规划引领和试点示范"));
        assert_eq!(ms[0].points.len(), 3);
        assert_eq!(ms[0].points[0], "在全市推进新型城镇化工作。");
        assert_eq!(ms[1].points, ["积极争取上级补助资金7803万元。", "市财政部门积极统筹产业发展基金。"]);
        assert_eq!(ms[2].heading.as_deref(), Some("深化科技赋能，提升企业创新能力"));
        assert_eq!(ms[3].points.len(), 3);
        // The last section stops before the 下一步 paragraph.
        let last = SEED.get(ms[3].span.0..ms[3].span.1).unwrap();
        assert!(last.starts_with("4. 持续深入推进") && !last.contains("下一步"), "{last}");
    }

    #[test]
    fn seed_next_steps() {
        assert_eq!(
            find_next_steps(SEED, body(SEED)).as_deref(),
            Some("下一步，我委将协同财政、科技等部门，深入推进城镇化试点工作。")
        );
    }

    #[test]
    fn chinese_sections_over_arabic_items() {
        let text = "冬花委员:\n您提出的提案收悉,现答复如下:\n一.承办具体过程\n我局召开专题工作部署会。\n二.建议办理情况\n1.2017-2021年安排上级专项资金共计454万元;\n2.2020-2021年本级财力安排资金37.61万元;\n3.2017年之前,博乐市每年预算安排5-10万元。\n谨此回复。";
        let ms = find_measures(text, body(text));
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0].heading.as_deref(), Some("承办具体过程"));
        assert_eq!(ms[1].heading.as_deref(), Some("建议办理情况"));
        assert!(text.get(ms[1].span.0..ms[1].span.1).unwrap().contains("37.61万元"));
    }

    #[test]
    fn next_steps_under_a_next_steps_heading() {
        let text = "现答复如下:\n一、基本情况\n正文。\n二、意见建议办理情况\n正文。\n三、下步工作方向\n下一步县卫生健康局将会同财政等部门尽快商议协调。\n感谢您对我县农村卫生健康工作的关心和支持。";
        let ms = find_measures(text, body(text));
        assert_eq!(ms.len(), 3);
        assert_eq!(ms[2].heading.as_deref(), Some("下步工作方向"));
        assert!(text.get(ms[2].span.0..ms[2].span.1).unwrap().contains("尽快商议协调"));
        assert_eq!(
            find_next_steps(text, body(text)).as_deref(),
            Some("下一步县卫生健康局将会同财政等部门尽快商议协调。")
        );
        let heading_only = "现答复如下:\n下步工作打算\n我们将继续推进。\n感谢支持。";
        assert_eq!(find_next_steps(heading_only, body(heading_only)).as_deref(), Some("我们将继续推进。"));
        let listed = "现答复如下:\n二、下一步工作打算\n1.加快建设。\n2.争取资金。\n三、其他\n正文。";
        assert_eq!(find_next_steps(listed, body(listed)).as_deref(), Some("1.加快建设。\n2.争取资金。"));
    }

    #[test]
    fn inline_next_steps_and_none() {
        let text = "现答复如下:\n已完成设计。下一步，我局将加快施工进度。\n感谢。";
        assert_eq!(find_next_steps(text, body(text)).as_deref(), Some("下一步，我局将加快施工进度。"));
        assert_eq!(find_next_steps("现答复如下:\n已完成。\n感谢。", 0), None);
    }

    #[test]
    fn next_steps_on_a_flattened_page_end_with_their_paragraph() {
        let text = "现将办理情况答复如下: 已完成。下一步,我局将加快施工。争取年底完工。 感谢支持。 某某局 2021年7月2日 |";
        assert_eq!(find_next_steps(text, body(text)).as_deref(), Some("下一步,我局将加快施工。争取年底完工。"));
    }

    #[test]
    fn inline_yi_shi_without_numbering_gives_no_measures() {
        let text = "现答复如下:\n大队高度重视，一是学校处于集镇主要路段。二是家长守法意识较弱。\n联系人:许浩浩";
        assert!(find_measures(text, body(text)).is_empty());
    }

    #[test]
    fn attachment_and_form_lists_after_the_letter_are_not_measures() {
        let text = "您提出的建议收悉，现答复如下：\n我局已完成改造。\n感谢支持。\n附件：\n1.项目清单\n2.资金明细\n抄送：市人大";
        assert!(find_measures(text, body(text)).is_empty());
        let text = "现答复如下：\n1、已完成设计。\n2、已开工。\n某某局\n2024年6月5日\n代表建议办理情况征询意见表\n1.办理态度\n2.办理结果\n3.其他";
        assert_eq!(find_measures(text, body(text)).len(), 2);
    }

    #[test]
    fn a_quoted_list_between_acknowledgement_and_reply_is_skipped() {
        let text = "你提出的建议收悉。你在建议中提出：\n一、加快修路\n二、增设站点\n三、延长班次\n经研究，现答复如下：\n一、关于修路\n正文。\n二、关于站点\n正文。";
        let ms = find_measures(text, body(text));
        assert_eq!(
            ms.iter().map(|m| m.heading.clone().unwrap_or_default()).collect::<Vec<_>>(),
            ["关于修路", "关于站点"]
        );
    }

    #[test]
    fn markers_only_above_the_reply_give_no_measures() {
        let text = "你提出的建议收悉。你在建议中提出：\n一、加快修路\n二、增设站点\n现答复如下：\n我局已完成改造。\n附件：\n1.清单";
        assert!(find_measures(text, body(text)).is_empty());
        assert!(find_measures("一、甲\n二、乙", 100).is_empty());
    }

    #[test]
    fn the_last_section_stops_at_the_attachments() {
        let text = "现答复如下：\n1、已完成设计。\n2、已开工建设。\n附件：项目资金表";
        let ms = find_measures(text, body(text));
        assert_eq!(ms.len(), 2);
        assert_eq!(text.get(ms[1].span.0..ms[1].span.1), Some("2、已开工建设。\n"));
    }

    #[test]
    fn a_marker_alone_on_its_line_heads_the_next_line() {
        let text = "现答复如下：\n一、\n关于资金保障\n正文。\n二、\n关于项目建设\n正文。";
        let ms = find_measures(text, body(text));
        assert_eq!(
            ms.iter().map(|m| m.heading.clone().unwrap_or_default()).collect::<Vec<_>>(),
            ["关于资金保障", "关于项目建设"]
        );
    }

    #[test]
    fn single_section_of_a_partial_text() {
        let text = "您提出的建议收悉。现答复如下。\n   一、关于支持贵州省构建现代乡村产业体系\n  我部会同财政部。一是加强项目支持。二是开展示范认定。";
        let ms = find_measures(text, body(text));
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].heading.as_deref(), Some("关于支持贵州省构建现代乡村产业体系"));
        assert_eq!(ms[0].points, ["加强项目支持。", "开展示范认定。"]);
    }
}
