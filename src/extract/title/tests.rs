//! Tests of the title and proposal extractor, on real snippets of the genre.

use super::*;
use crate::normalize::normalize;

fn run(text: &str) -> Fields {
    let mut out = Fields::default();
    extract(&normalize(text), &Hints::default(), &mut out);
    out
}

fn prop(body: Option<&str>, level: Option<&str>, term: Option<u32>, session: Option<u32>, number: Option<&str>, kind: &str) -> Option<Proposal> {
    let o = |s: Option<&str>| s.map(str::to_string);
    Some(Proposal { body: o(body), level: o(level), term, session, number: o(number), kind: Some(kind.to_string()) })
}

#[test]
fn seed_title() {
    let f = run("A1类\n\n对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n\n你提出的《关于建强特色小镇载体，加快推动城镇化建设试点的建议》收悉。");
    assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
    assert_eq!(f.proposal, prop(Some("人大"), Some("市"), Some(17), Some(3), Some("151"), "建议"));
}

#[test]
fn spaced_title_and_page_title() {
    let f = run("对沙河市第九届人民代表大会 第三次会议第31号建议的答复\n\n纪占斌等3名代表:\n\n您提出的关于“关于老邢峰线(群英路)进行改造”的建议收悉。");
    assert_eq!(f.title.as_deref(), Some("对沙河市第九届人民代表大会第三次会议第31号建议的答复"));
    assert_eq!(f.proposal, prop(Some("人大"), Some("市"), Some(9), Some(3), Some("31"), "建议"));
}

#[test]
fn title_split_over_two_lines() {
    let f = run("子交函〔2023〕34号\n\n关于对政协子洲县第十届委员会第二次会议\n\n第14号提案的复函\n\n崔银雷委员:\n\n现将您提出的关于加快建设乡村道路维修及维护的提案办理情况答复如下:");
    assert_eq!(f.title.as_deref(), Some("关于对政协子洲县第十届委员会第二次会议第14号提案的复函"));
    assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(10), Some(2), Some("14"), "提案"));
}

#[test]
fn title_hard_wrapped_anywhere() {
    let f = run("对市十七届人大三次会议第151号建议\n的答复\n\n陈业华代表：\n");
    assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
    let f = run("       对县八届人大二次会议\n\n        第72号建议答复\n\n高松代表\n\n您提出的《关于加强县城小区基础设施建设的建议》收悉");
    assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(8), Some(2), Some("72"), "建议"));
    let f = run("对 市 十 七 届 人 大 三 次 会 议 第 151 号 建 议 的 答 复\n");
    assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
}

#[test]
fn the_letters_own_title_beats_the_page_title() {
    let f = run("2023年清原满族自治县八届人大二次会议《关于加强县城小区基础设施建设的建议》(72号)的答复\n浏览:740次\n       对县八届人大二次会议\n\n        第72号建议答复\n\n高松代表\n\n您提出的《关于加强县城小区基础设施建设的建议》收悉");
    assert_eq!(f.title.as_deref(), Some("对县八届人大二次会议第72号建议答复"));
    assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(8), Some(2), Some("72"), "建议"));
}

#[test]
fn squeeze_drops_layout_only() {
    assert_eq!(squeeze("对 市 十七届 | 人大\u{3000}会议"), "对市十七届人大会议");
    assert_eq!(squeeze("  "), "");
    assert!(matches!(squeeze("无空格"), Cow::Borrowed("无空格")));
}

/// The character prefilters pass every line their regex matches (and only skip the regex).
#[test]
fn character_prefilters_keep_every_match() {
    let mut lines = crate::extract::samples::fixture_lines();
    lines.extend(["您提出的建议收悉", "答复如下：", "已交由我局办理", "首页 > 政务公开", "上一篇：关于…的答复"].map(String::from));
    let (mut acks, mut titles, mut navs) = (0, 0, 0);
    for l in &lines {
        let l = squeeze(l);
        assert_eq!(find_ack(&l), ACK.find(&l), "{l}");
        assert_eq!(is_title(&l), TITLE.is_match(&l), "{l}");
        assert_eq!(is_nav_or_breadcrumb(&l), NAV_OR_CRUMB.is_match(&l) || l.matches('/').count() >= 2, "{l}");
        acks += usize::from(find_ack(&l).is_some());
        titles += usize::from(is_title(&l));
        navs += usize::from(is_nav_or_breadcrumb(&l));
    }
    assert!(acks > 50 && titles > 20 && navs > 3, "{acks} {titles} {navs}");
}

/// The one-pass [`Scan`] gives what the separate checks give, on every fixture line (and
/// each with 标题: stripped), real-dev line and tricky snippet.
#[test]
fn one_pass_scan_same_as_the_separate_checks() {
    let mut lines = crate::extract::samples::fixture_lines();
    for t in crate::extract::samples::real_dev_raw() {
        lines.extend(t.split('\n').map(str::to_string));
    }
    lines.extend(
        [
            "标题:关于第1号建议的答复",
            "标题：对市十七届人大三次会议",
            "a/b/c",
            "所在位置：首页",
            "您提出的建议收悉",
            "届会议",
            "/",
            "»",
            "",
            "关于第1号建议办理情况报告",
            "意見的回覆",
            "提案的函",
            "议案复函",
            "对市十七届人大三次会议的",
            "關於市政協十四屆二次會議",
            "建议答复所提交由转交已交现答复現答復",
            "标题:上一条相关阅读您的位置当前所在首页",
        ]
            .map(String::from),
    );
    let (mut heads, mut titles, mut acks, mut navs) = (0, 0, 0, 0);
    for l in &lines {
        let l = squeeze(l);
        let scan = Scan::of(&l);
        assert_eq!(scan.chars, l.chars().count(), "{l}");
        assert_eq!(scan.is_nav(), is_nav_or_breadcrumb(&l), "{l}");
        assert_eq!(scan.ack(&l), find_ack(&l).map(|m| m.start()), "{l}");
        assert_eq!(scan.is_title(&l), is_title(&l), "{l}");
        assert_eq!(scan.title(&l), TITLE.find(&l), "{l}");
        assert_eq!(scan.is_head(&l), is_title_head(&l), "{l}");
        assert_eq!(scan.is_head(&l), TITLE_HEAD.is_match(&l), "{l}");
        assert_eq!(scan.ack_from_end.is_some() || !l.contains("收悉"), true, "{l}");
        if let Some(stripped) = l.strip_prefix("标题:").or_else(|| l.strip_prefix("标题：")) {
            assert_eq!(scan.chars - 3, stripped.chars().count());
            assert_eq!(scan.ack(stripped), find_ack(stripped).map(|m| m.start()), "{l}");
            assert_eq!(scan.is_title(stripped), is_title(stripped), "{l}");
            assert_eq!(scan.title(stripped), TITLE.find(stripped), "{l}");
            assert_eq!(scan.is_head(stripped), is_title_head(stripped), "{l}");
        }
        heads += usize::from(scan.is_head(&l));
        titles += usize::from(scan.is_title(&l));
        acks += usize::from(scan.ack(&l).is_some());
        navs += usize::from(scan.is_nav());
    }
    assert!(heads > 20 && titles > 20 && acks > 50 && navs > 3, "{heads} {titles} {acks} {navs}");
}

/// Every head the regex accepts holds one of the characters the prefilter looks for.
#[test]
fn title_head_prefilter_keeps_every_head() {
    for head in ["关于市十七届人大三次会议", "对县八届人大二次会议", "重庆市北碚区城市管理局关于区十九届人大三次会议第145号", "市十七届人大三次会议", "關於市政協十四屆二次會議"] {
        assert!(TITLE_HEAD.is_match(head), "{head}");
        assert!(is_title_head(head), "{head}");
    }
    assert!(!is_title_head("邵阳市发展和改革委员会"));
}

#[test]
fn title_over_three_lines() {
    let f = run("关于市十七届人大三次会议\n第151号建议\n的答复\n陈业华代表：\n");
    assert_eq!(f.title.as_deref(), Some("关于市十七届人大三次会议第151号建议的答复"));
}

#[test]
fn kind_from_title_number_beats_quoted_title() {
    let f = run("镇坪县文化和旅游广电局 关于县政协九届六次会议第86号提案办理情况的复函\n冯万玖委员:\n您好!您在县政协九届六次会议提出的《关于完善镇坪县巴山腊味小镇基础设施配套的建议》提案已收悉");
    assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(9), Some(6), Some("86"), "提案"));
}

#[test]
fn from_the_acknowledgement_when_no_title() {
    let f = run("冬花委员:\n您在博乐市政协十届一次会议上提出的“关于合理拨付文物保护专项经费的提案”(第10号建议)收悉,现答复如下:");
    assert_eq!(f.title, None);
    assert_eq!(f.proposal, prop(Some("政协"), Some("市"), Some(10), Some(1), Some("10"), "提案"));
    let f = run("王建平、李晓艳代表:\n您 们在县十八届人大二次会议上提出的“关于请求上级党委政府给予解决羊肝石村委会人畜饮水困难的议案”,交由我单位办理");
    assert_eq!(f.proposal, prop(Some("人大"), Some("县"), Some(18), Some(2), None, "议案"));
}

#[test]
fn disagreeing_numbers_warn() {
    let f = run("对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n您在市十七届人大三次会议上提出的第152号建议收悉。");
    assert_eq!(f.proposal.and_then(|p| p.number).as_deref(), Some("151"));
    assert!(f.warnings.iter().any(|w| w.contains("152")));
    assert!(run("对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n您提出的第151号建议收悉。").warnings.is_empty());
}

#[test]
fn flattened_page_on_one_line() {
    let f = run("镇康县农业农村局关于对镇康县政协第十一届委员会第五次会议第34号提案的答复函 罗捧军等委员: 你们在政协镇康县第十一届委员会第五次会议期间提出“关于请求帮助解决南伞镇道水村丙亩坝水渠建设的提案”,已交由我局办理。");
    assert_eq!(f.proposal, prop(Some("政协"), Some("县"), Some(11), Some(5), Some("34"), "提案"));
    assert_eq!(f.title.as_deref(), Some("镇康县农业农村局关于对镇康县政协第十一届委员会第五次会议第34号提案的答复函"));
    // 回函 and 办理情况的报告 are reply titles too
    let f = run("关于市政协十三届二次会议第45号提案的回函\n王建国委员：\n您提出的《关于加强校园安全的提案》收悉。");
    assert_eq!(f.title.as_deref(), Some("关于市政协十三届二次会议第45号提案的回函"));
    let f = run("关于市十五届人大二次会议第108号建议办理情况的报告\n王建国代表：\n您提出的建议收悉。");
    assert_eq!(f.title.as_deref(), Some("关于市十五届人大二次会议第108号建议办理情况的报告"));
    // marks and the 文号 in cells before the title are not part of it
    let f = run("同意公开　　Ｂ类　　株医保函〔2023〕8号　　关于对市政协十三届二次会议第0057号提案的答复　　张伟委员：您提出的《关于完善异地就医直接结算服务的提案》收悉，现答复如下：");
    assert_eq!(f.title.as_deref(), Some("关于对市政协十三届二次会议第0057号提案的答复"));
    let f = run("A类  对沙河市第九届人民代表大会  第三次会议第31号建议的答复  纪占斌代表：您提出的建议收悉。");
    assert_eq!(f.title.as_deref(), Some("对沙河市第九届人民代表大会第三次会议第31号建议的答复"));
    let f = run("关于对陈业华代表提出的第151号建议的答复\n陈业华代表：\n你提出的建议收悉。");
    assert_eq!(f.title.as_deref(), Some("关于对陈业华代表提出的第151号建议的答复"));
}

#[test]
fn only_a_kind() {
    let f = run("范家壽代表:\n你《關于完善三甲鎮羅村村委會中間垌排灌渠水利工程的建議》收悉。現答復如下:");
    assert_eq!(f.proposal, prop(None, None, None, None, None, "建议"));
    assert_eq!(run("这是一段没有提到任何事项的文字。").proposal, None);
}

#[test]
fn breadcrumbs_are_not_titles() {
    let f = run("首页/ 专题专栏/ 聚焦两会/ 政协委员提案回复/ 正文\n\n关于对政协子洲县第十届委员会第二次会议第14号提案的复函\n\n崔银雷委员:");
    assert_eq!(f.title.as_deref(), Some("关于对政协子洲县第十届委员会第二次会议第14号提案的复函"));
    let f = run("建议提案 > 人大代表建议答复\n");
    assert_eq!(f.title, None);
}

#[test]
fn nav_or_breadcrumb_as_the_word_lists_say() {
    for line in ["上一篇:对市十七届人大三次会议第150号建议的答复", "相关文章", "首页/ 专题专栏", "建议提案 > 人大代表建议答复", "a/b/c", "您的位置：政务公开", "甲›乙", "甲＞乙", "甲»乙"] {
        assert!(is_nav_or_breadcrumb(line), "{line}");
    }
    for line in ["对市十七届人大三次会议第151号建议的答复", "2023/10/10".trim_end_matches("/10"), "和/或"] {
        assert!(!is_nav_or_breadcrumb(line), "{line}");
    }
}

#[test]
fn navigation_links_never_count() {
    let f = run("王红兰代表:\n感谢您的关心。\n上一篇:对市十七届人大三次会议第151号建议的答复\n下一篇:关于县政协九届六次会议第86号提案的复函");
    assert_eq!(f.title, None);
    assert_eq!(f.proposal, None);
}

#[test]
fn navigation_links_above_the_letter() {
    let f = run("上一篇:对市十七届人大三次会议第150号建议的答复\n下一篇:对市十七届人大三次会议第152号建议的答复\n对市十七届人大三次会议第151号建议的答复\n陈业华代表：\n你提出的建议收悉。");
    assert_eq!(f.title.as_deref(), Some("对市十七届人大三次会议第151号建议的答复"));
    assert_eq!(f.proposal.and_then(|p| p.number).as_deref(), Some("151"));
}

#[test]
fn body_citation_after_the_acknowledgement_never_counts() {
    let f = run("李丽代表:\n您提出的《关于老旧小区增设停车位的建议》收悉。\n此前我局已答复市十七届人大三次会议第151号建议的答复。");
    assert_eq!(f.title, None);
    assert_eq!(f.proposal, prop(None, None, None, None, None, "建议"));
}

proptest::proptest! {
    /// Total on any input made of the characters this extractor keys on.
    #[test]
    fn never_panics(s in "[关于对第届次会议号建议提案代表委员等名、:：《》“”〔〕()（）\\[\\]0-9A-C类公开同意局文件年月日十七三 \n]{0,200}") {
        let mut out = Fields::default();
        extract(&normalize(&s), &Hints::default(), &mut out);
    }

    /// Total on any text at all.
    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,300}") {
        let mut out = Fields::default();
        extract(&normalize(&s), &Hints::default(), &mut out);
    }
}
