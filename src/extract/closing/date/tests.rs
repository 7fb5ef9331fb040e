//! Tests of the signing-date reader, on real snippets of the genre.

use super::*;

fn date(text: &str) -> Option<String> {
    find_date(text).date
}

#[test]
fn groups_read_from_the_match_as_the_captures_read_them() {
    let mut lines = crate::extract::samples::all_lines();
    lines.extend(
        [
            "2024 年 6 月 12 日", "二〇二四年五月二十日", "２０２３年七月二十日", "2023年十月 1日", "OO二一年一月一日",
            "2021 . 11 . 19", "2021/1/9", "2021-01-05 2022.3.4", "20211026  | ", "某某局 2022711\u{3000}",
            "镇坪县文化和旅游广电局\u{2003}20211026", "20211026", "2024年6月5日至2024年7月1日",
        ]
        .map(String::from),
    );
    let mut found = 0;
    for line in &lines {
        for c in YMD.captures_iter(line) {
            let want = (c.get(1).unwrap().as_str(), c.get(2).unwrap().as_str(), c.get(3).unwrap().as_str());
            assert_eq!(ymd_parts(c.get(0).unwrap().as_str()), Some(want), "{line:?}");
            found += 1;
        }
        for c in SEPARATED.captures_iter(line) {
            let want = (c.get(1).unwrap().as_str(), c.get(3).unwrap().as_str(), c.get(4).unwrap().as_str());
            assert_eq!(digit_runs(c.get(0).unwrap().as_str()), Some(want), "{line:?}");
            found += 1;
        }
        if let Some(c) = RUN_TOGETHER.captures(line) {
            assert_eq!(run_digits(c.get(0).unwrap().as_str()), c.get(1).unwrap().as_str(), "{line:?}");
            found += 1;
        }
    }
    assert!(found > 50, "{found}");
}

#[test]
fn line_filter_is_implied_by_every_date_pattern() {
    let mut texts = crate::extract::samples::genre_texts();
    texts.push("1.加快\n37.61万元\n2021\u{3000}-1-5\n x2021 . 1 . 5\nhttp://a.cn 2024-01-05".to_string());
    texts.push("某某局\u{3000}20211026\n 2022711 |\u{2003}\n镇坪县文化和旅游广电局 20211026||\n电话0731-1234567\n123456789\n局12345678\n\u{85}1234567".to_string());
    texts.push(
        "2024年6月12日\n二〇二四年五月二十日\n2021.11.19\n2021 / 1 / 9\n20211026  | \n某某局 2022711\u{3000}\n2024-01-05"
            .to_string(),
    );
    let mut hits = 0;
    for text in &texts {
        let mut filter = LineFilter::new(text);
        let mut start = 0;
        for line in text.split('\n') {
            let may = filter.may_hold(text, start, line);
            start += line.len() + 1;
            let run = RUN_TOGETHER.is_match(line);
            let ymd = YMD.is_match(line);
            let sep = SEPARATED.is_match(line);
            assert!(!run || may.run_together, "run-together {line:?}");
            assert!(!ymd || may.ymd, "ymd {line:?}");
            assert!(!sep || may.separated, "separated {line:?}");
            hits += usize::from(run) + usize::from(ymd) + usize::from(sep);
        }
    }
    assert!(hits > 50, "{hits}");
    let mut filter = LineFilter::new("正文。");
    assert_eq!(filter.may_hold("正文。", 0, "正文。"), MayHold { run_together: false, ymd: false, separated: false });
}

#[test]
fn arabic_and_chinese_numeral_dates() {
    assert_eq!(date("博乐市财政局\n2024年6月12日").as_deref(), Some("2024-06-12"));
    assert_eq!(date("某某局\n二〇二四年五月二十日").as_deref(), Some("2024-05-20"));
    assert_eq!(date("某某局\n二○二一年十月二十六日").as_deref(), Some("2021-10-26"));
}

#[test]
fn digits_run_together_on_the_signature_line() {
    assert_eq!(date("              镇坪县文化和旅游广电局\n\n20211026").as_deref(), Some("2021-10-26"));
    assert_eq!(date("某某局\n2022711").as_deref(), Some("2022-07-11"));
    let f = find_date("日期:2023-10-10\n重庆市北碚区城市管理局\n\n        2023927        \n");
    assert_eq!(f.date.as_deref(), Some("2023-09-27"));
}

#[test]
fn run_together_digits_after_the_agency_on_one_line() {
    assert_eq!(date("感谢支持。\n交警潘集大队      20241018").as_deref(), Some("2024-10-18"));
    assert_eq!(date("感谢支持。\n联系电话 20231015"), None);
}

#[test]
fn ambiguous_run_together_digits_warn() {
    let f = find_date("某某局\n2021111");
    assert_eq!(f.date.as_deref(), Some("2021-01-11"));
    assert!(f.warnings.iter().any(|w| w.contains("ambiguous")), "{:?}", f.warnings);
}

#[test]
fn signing_date_wins_over_page_and_handoff_dates() {
    let text =
        "发布时间:2023-07-21    来源:交通局 打印\n交办日期:2015年2月9日\n正文。\n2023年7月18日\n领导签发:刘民华";
    assert_eq!(date(text).as_deref(), Some("2023-07-18"));
    let text = "2023年11月5日 星期天\n发布时间:2018-08-04 14:49:15\n感谢。\n砚山县交通运输局\n\n2018年6月4日\n\n<!--EndFragment-->";
    assert_eq!(date(text).as_deref(), Some("2018-06-04"));
}

#[test]
fn date_after_the_agency_on_a_flattened_line() {
    let text = "来源: 作者:镇康县农业局 时间:2021-08-25 点击率:\n感谢你们的支持。 镇康县农业农村局 2021年7月2日 |";
    assert_eq!(date(text).as_deref(), Some("2021-07-02"));
}

#[test]
fn written_date_metadata_only_when_the_letter_has_none() {
    let text = "发布机构: 铁岭县管理员 成文日期: 2021-11-01\n发文字号: 发布日期: 2021-11-01\n何秋兰代表:\n正文。";
    assert_eq!(date(text).as_deref(), Some("2021-11-01"));
    assert_eq!(date("发布时间:2022-08-10 来源: 农业农村部网站\n余维祥代表:\n正文。"), None);
}

#[test]
fn years_in_doc_numbers_spans_and_sentences_are_not_dates() {
    assert_eq!(date("邵市发改函〔2024〕77号\n2024年1-5月共争取资金。\n《方案（2023-2025）》"), None);
    assert_eq!(date("我局于2023年5月10日召开会议。\n截至2023年6月1日"), None);
    assert_eq!(date("浏览:740次'时间:2024年1月5日\n                       0二十六日"), None);
}

#[test]
fn two_signature_dates_warn() {
    let f = find_date("某某局\n2024年6月5日\n正文。\n某某局\n2024年6月8日");
    assert_eq!(f.date.as_deref(), Some("2024-06-08"));
    assert!(f.warnings.iter().any(|w| w.contains("two candidate dates")), "{:?}", f.warnings);
}

#[test]
fn arabic_year_with_chinese_month_and_day() {
    assert_eq!(date("某某局\n2023年七月二十日").as_deref(), Some("2023-07-20"));
}

#[test]
fn ocr_zero_in_a_chinese_year() {
    assert_eq!(date("某某局\n二0二一年十月二十六日").as_deref(), Some("2021-10-26"));
}

#[test]
fn page_dates_above_the_letter_lose_to_the_signature() {
    let text = "2023-10-10\n李丽代表:\n您提出的建议收悉。\n正文。\n某某局\n2023年9月27日";
    let f = find_date(text);
    assert_eq!(f.date.as_deref(), Some("2023-09-27"));
    assert!(f.warnings.is_empty(), "{:?}", f.warnings);
    let text = "某某局\n2024.06.05\n正文收悉。\n某某局\n2024年6月8日";
    assert_eq!(date(text).as_deref(), Some("2024-06-08"));
}

#[test]
fn dated_links_below_the_letter_are_not_signatures() {
    let text = "您提出的建议收悉。\n正文。\n相关文章\n关于第12号建议的答复 2024-01-05\n关于第13号建议的答复 2024-01-06";
    assert_eq!(date(text), None);
    assert_eq!(date("您提出的建议收悉。\n正文。\n某某局\n2021.11.19").as_deref(), Some("2021-11-19"));
    let text = "您提出的建议收悉。\n某某局\n2023年12月1日\n相关文章\n关于第12号建议的答复 2024年1月5日";
    assert_eq!(date(text).as_deref(), Some("2023-12-01"));
}

#[test]
fn a_labelled_reply_date_signs() {
    let text = "发布时间:2024-07-01\n您提出的建议收悉。\n正文。\n答复日期：2024年6月5日";
    assert_eq!(date(text).as_deref(), Some("2024-06-05"));
}

#[test]
fn printed_date_is_a_last_resort() {
    let text = "感谢支持。\n抄送：市政协提案委。\n市交通局办公室        2024年6月5日印发";
    let f = find_date(text);
    assert_eq!(f.date.as_deref(), Some("2024-06-05"));
    assert!(!f.warnings.is_empty());
    assert_eq!(date("某某局\n2024年6月3日\n市交通局办公室 2024年6月5日印发").as_deref(), Some("2024-06-03"));
}

#[test]
fn a_long_flattened_line_is_handled() {
    let line = "某某局 2024年6月5日 ".repeat(20000);
    assert_eq!(date(&line).as_deref(), None);
    assert_eq!(tail("一二三", 4), "三");
}

#[test]
fn full_width_date_after_normalisation() {
    let doc = crate::normalize::normalize("　　恩施州交通运输局\n　　２０２３年７月２０日\n");
    assert_eq!(date(&doc.text).as_deref(), Some("2023-07-20"));
}

#[test]
fn closing_labels_after_the_date_on_a_flattened_line() {
    assert_eq!(date("感谢您对我局工作的支持 某某局 2021年7月2日").as_deref(), Some("2021-07-02"));
    let text = "感谢支持。 某某局 2021年7月2日 联系人:张三 电话:13800000000 |";
    assert_eq!(date(text).as_deref(), Some("2021-07-02"));
    assert_eq!(date("某某局 2021年7月2日 召开会议"), None);
}

#[test]
fn seal_mark_or_contact_note_after_the_date() {
    assert_eq!(date("某某局\n2024年6月5日（盖章）").as_deref(), Some("2024-06-05"));
    assert_eq!(date("某某局 2020年6月19日 (联系人及电话:叶贞京 020-37288750)").as_deref(), Some("2020-06-19"));
    assert_eq!(date("某某部 2023年7月3日 联系单位：某某司 联系人：吴昊").as_deref(), Some("2023-07-03"));
    assert_eq!(date("某某局 2023年7月3日 联系科室：办公室").as_deref(), Some("2023-07-03"));
    assert_eq!(date("2023年11月5日（星期日）"), None);
}

#[test]
fn impossible_dates_are_rejected() {
    assert_eq!(date("某某局\n2023年2月30日"), None);
    assert_eq!(date("某某局\n20231345"), None);
    assert_eq!(date("联系电话：\n87881012"), None);
}
