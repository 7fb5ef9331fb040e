//! Tests of the issuer: the flow on real snippets of the genre, and the prefilters of each step
//! against the tests they stand in for.

use super::*;
use super::signature::{may_be_dated, may_close_a_date, CELL_GAP, DATE};
use super::title::opener_after_a_name;

fn issuer(text: &str) -> Option<String> {
    find(text)
}

#[test]
fn banner() {
    let t = "同意公开\n\n邵阳市发展和改革委员会文件\n\n邵市发改函〔2024〕77号\n";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
}

#[test]
fn title_prefix_with_or_without_space() {
    let t = "重庆市北碚区城市管理局关于区十九届人大三次会议第145号建议的复函\n日期:2023-10-10";
    assert_eq!(issuer(t).as_deref(), Some("重庆市北碚区城市管理局"));
    let t = "镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函";
    assert_eq!(issuer(t).as_deref(), Some("镇坪县文化和旅游广电局"));
    let t = "石林彝族自治县卫生健康局\n关于县第十八届人大第一次会议第122号建议答复的函\n";
    assert_eq!(issuer(t).as_deref(), Some("石林彝族自治县卫生健康局"));
    let t = "邵阳市财政局\n\n对市十七届人大三次会议第151号建议的答复\n";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
    // an agency named in the body before a sentence starting with 对 is not the issuer
    let t = "邵阳市财政局\n对此我们高度重视。\n";
    assert_eq!(issuer(t), None);
}

#[test]
fn signature_before_date() {
    let t = "谨此回复。\n联系人:布冉 电话:09092288759\n博乐市财政局\n2021年11月19日\n审核人:黎华";
    assert_eq!(issuer(t).as_deref(), Some("博乐市财政局"));
    let t = "  特此函告。\n\n\n              镇坪县文化和旅游广电局\n\n20211026";
    assert_eq!(issuer(t).as_deref(), Some("镇坪县文化和旅游广电局"));
    let t = "联系人:许浩浩\n\n     \n交警潘集大队\n                               20241018\n";
    assert_eq!(issuer(t).as_deref(), Some("交警潘集大队"));
    let t = "此复。\n邵阳市发展和改革委员会\n二〇二四年六月五日\n";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
    let t = "此复。\n邵 阳 市 财 政 局\n2024.6.5\n";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
    let t = "此复。\n长沙市教育局\n（盖章）\n2023年6月1日\n";
    assert_eq!(issuer(t).as_deref(), Some("长沙市教育局"));
    let t = "此复。\n中华人民共和国长沙海关\n2023年6月1日\n";
    assert_eq!(issuer(t).as_deref(), Some("中华人民共和国长沙海关"));
    let t = "陽春市水務局\n2017年5月31日\n抄送:市人大,市府辦建議提案科。";
    assert_eq!(issuer(t).as_deref(), Some("陽春市水務局"));
}

#[test]
fn flattened_signature_on_the_date_line() {
    let t = "感谢你们对农业农村工作的支持。 镇康县农业农村局 2021年7月2日 |";
    assert_eq!(issuer(t).as_deref(), Some("镇康县农业农村局"));
    // signature, date and contact as cells of one line
    let t = "张伟委员：您提出的提案收悉。\n株洲市医疗保障局　　2023年7月12日　　联系人：刘敏　　电话：0731-28681234";
    assert_eq!(issuer(t).as_deref(), Some("株洲市医疗保障局"));
    // a dated sentence after an agency is no signature
    let t = "张伟委员：您提出的提案收悉。\n市财政局 2023年7月12日印发了通知。";
    assert_eq!(issuer(t), None);
}

#[test]
fn related_links_below_the_letter_never_count() {
    let t = "陈业华代表：\n你提出的建议收悉。\n感谢支持。\n相关链接\n邵阳市财政局关于市十七届人大三次会议第150号建议的答复\n";
    assert_eq!(issuer(t), None);
    let t = "邵阳市发展和改革委员会\n2024年6月5日\n上一篇:邵阳市财政局关于市十七届人大三次会议第150号建议的答复";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市发展和改革委员会"));
}

#[test]
fn page_date_under_the_site_banner_is_not_a_signature() {
    let t = "邵阳市人民政府\n2023-10-10\n陈业华代表：\n你提出的建议收悉。\n邵阳市财政局\n2023年9月27日";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
}

/// The prefilter lets through every line the title-prefix regex can match.
#[test]
fn opener_prefilter_keeps_every_title_prefix() {
    for l in ["重庆市北碚区城市管理局关于区十九届人大三次会议第145号建议的复函", "市局关于市十七届人大三次会议第1号建议的答复", "()关于第1号建议的答复"] {
        assert!(agency::title_prefix_name(l).is_some(), "{l}");
        assert!(opener_after_a_name(l), "{l}");
    }
    for l in ["关于市十七届人大三次会议第151号建议的答复", "局关于第1号建议的答复", ""] {
        assert!(!opener_after_a_name(l), "{l}");
        assert!(agency::title_prefix_name(l).is_none(), "{l}");
    }
    assert!(opener_after_a_name("关于建设关于第1号建议的答复"));
    // the character scan finds what the three substring searches found, on every line
    let by_search = |l: &str| {
        l.char_indices().nth(2).and_then(|(i, _)| l.get(i..)).is_some_and(|r| r.contains("关于") || r.contains("關於") || r.contains("關于"))
    };
    let mut lines = crate::extract::samples::fixture_lines();
    lines.extend(["市关于", "市局关于", "x關於y", "ab關于", "ab关於", "关关于", "关于", "于关于", "局关关于"].map(String::from));
    let mut hits = 0;
    for l in &lines {
        let l = squeeze(l);
        assert_eq!(opener_after_a_name(&l), by_search(&l), "{l}");
        hits += usize::from(by_search(&l));
    }
    assert!(hits > 5, "{hits}");
}

/// Names past the bounds of the patterns are read by the bounded regexes, as before.
#[test]
fn bounds_of_agency_banner_title_and_handler() {
    let name30 = format!("{}局", "长".repeat(30));
    let name31 = format!("{}局", "长".repeat(31));
    assert!(is_agency(&name30));
    assert!(!is_agency(&name31));
    assert!(!is_agency("局"));
    assert_eq!(issuer(&format!("{}文件", "长".repeat(29) + "局")), Some("长".repeat(29) + "局"));
    assert_eq!(issuer(&format!("{}文件", "长".repeat(30) + "局")), None);
    assert_eq!(issuer("局文件"), None);
    let title = |n: &str| format!("{n}关于市十七届人大三次会议第151号建议的答复");
    assert_eq!(issuer(&title(&format!("{}局", "长".repeat(29)))), Some(format!("{}局", "长".repeat(29))));
    assert_eq!(issuer(&title(&name30)), None);
    let handler = |n: &str| format!("承办单位：{n}");
    assert_eq!(issuer(&handler(&"长".repeat(40))), Some("长".repeat(40)));
    assert_eq!(issuer(&handler(&"长".repeat(41))), None);
    assert_eq!(issuer(&handler("长")), None);
}

/// The first-character prefilter of [`is_chrome`] keeps every line holding a chrome word.
#[test]
fn chrome_prefilter_keeps_every_chrome_line() {
    let slow = |l: &str| CHROME.iter().any(|c| l.contains(c));
    let mut lines = crate::extract::samples::fixture_lines();
    lines.extend(CHROME.iter().map(|c| format!("x{c}:y")));
    lines.extend(["文章来源:市财政局", "来 源：本站", "相关链接", "作者：李四", "上一篇：关于…"].map(String::from));
    let mut hits = 0;
    for l in &lines {
        assert_eq!(is_chrome(l), slow(l), "{l}");
        hits += usize::from(slow(l));
    }
    assert!(hits > 10, "{hits}");
}

/// A chrome line holding a title prefix is skipped whole, even when a later line would not be.
#[test]
fn chrome_title_line_is_skipped() {
    let t = "作者市财政局关于区十九届人大三次会议第145号建议的复函\n陈业华代表：\n你提出的建议收悉。";
    assert_eq!(issuer(t), None);
    let t = "相关邵阳市财政局\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。";
    assert_eq!(issuer(t), None);
    // the same without the chrome word: both lines give the issuer
    let t = "市财政局关于区十九届人大三次会议第145号建议的复函\n陈业华代表：\n你提出的建议收悉。";
    assert_eq!(issuer(t).as_deref(), Some("市财政局"));
    let t = "邵阳市财政局\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
}

/// [`may_be_dated`] holds on every line the `dated` test of [`signature`] accepts: every line
/// of every fixture and real-dev text, and tricky layouts.
#[test]
fn dated_prefilter_keeps_every_dated_line() {
    let dated = |raw: &str| {
        let line = raw.trim().trim_matches('|').trim();
        (line.contains('日') && line.contains('年') && line.contains('月')) || line.starts_with(|c: char| c.is_numeric())
    };
    let mut lines = crate::extract::samples::fixture_lines();
    for t in crate::extract::samples::real_dev_raw() {
        lines.extend(t.split('\n').map(str::to_string));
    }
    lines.extend(["| 2024年6月5日 |", " |\u{3000}20211026", "||二〇二一年十月二十六日", "〇一", "| | 2024", "2024年6月", "日"].map(String::from));
    let mut hits = 0;
    for l in &lines {
        if dated(l) {
            hits += 1;
            assert!(may_be_dated(l, l.contains('日')), "{l:?}");
        }
    }
    assert!(hits > 50, "{hits}");
    assert!(!may_be_dated("此复。", false));
    // the signature under a date that no line test alone would see
    let t = "此复。\n| 邵阳市财政局 |\n| 2024年6月5日 |\n";
    assert_eq!(issuer(t).as_deref(), Some("邵阳市财政局"));
}

/// [`may_close_a_date`] holds on every line whose first date ends it or is followed by a
/// layout gap: every line of every fixture and real-dev text, and tricky snippets.
#[test]
fn date_end_prefilter_keeps_every_signing_date() {
    let closes = |line: &str| {
        DATE.find(line).is_some_and(|m| {
            let after = line.get(m.end()..).unwrap_or("");
            after.trim().is_empty() || CELL_GAP.is_match(after)
        })
    };
    let mut lines = crate::extract::samples::fixture_lines();
    for t in crate::extract::samples::real_dev_raw() {
        lines.extend(t.split('\n').map(str::to_string));
    }
    lines.extend(
        ["株洲市医疗保障局　　2023年7月12日　　联系人：刘敏", "2024年6月5日\t电话", "2022711", "2024-6-5", "二〇二一年十月二十六日", "2024年6月5日印发", "7140年，中央财政"]
            .map(String::from),
    );
    let mut hits = 0;
    for l in &lines {
        let line = l.trim().trim_matches('|').trim();
        if closes(line) {
            hits += 1;
            assert!(may_close_a_date(line), "{line:?}");
        }
    }
    assert!(hits > 30, "{hits}");
    assert!(!may_close_a_date("2024年6月5日印发了通知。"));
}

#[test]
fn handler_line_as_written() {
    let t = "承办单位:清原满族自治县住房和城乡建设\n\n单位负责人:   \n";
    assert_eq!(issuer(t).as_deref(), Some("清原满族自治县住房和城乡建设"));
}

#[test]
fn never_site_chrome() {
    let t = "发布时间:2023-07-21    来源:交通局 打印\n感谢您对我局工作的关心!\n2023年7月18日\n领导签发:刘民华";
    assert_eq!(issuer(t), None);
    let t = "发布时间:2025-08-26    文章来源:大冶市城市管理执法局\n华奕鑫代表:";
    assert_eq!(issuer(t), None);
    let t = "发布机构: 铁岭县管理员 成文日期: 2021-11-01";
    assert_eq!(issuer(t), None);
    // a closing formula on its own line before the date is not an agency
    let t = "特此函告。\n2021年10月26日";
    assert_eq!(issuer(t), None);
    // a sentence that opens with a date is not a signature
    let t = "一、邵阳市财政局\n2023年5月1日，我局召开专题会议。";
    assert_eq!(issuer(t), None);
}
