//! The seed's page breaks rejoined, the original-line map (`line_at`) across joins, removed
//! page numbers and line ends of every kind, and text that must pass through unchanged.

use super::*;

#[test]
fn seed_page_break_inside_a_word_is_rejoined() {
    let n = normalize(SEED);
    let (_, line) = find_line(&n, "统筹产业发展基金");
    assert!(line.starts_with("2. 积极争取项目资金。"));
    assert!(line.ends_with("用于邵东市农业农村局茶叶复兴出海工程。"));
}

#[test]
fn seed_page_break_after_a_comma_is_rejoined() {
    let n = normalize(SEED);
    let (_, line) = find_line(&n, "我委紧扣各县市功能定位,牵头组织和指导邵东");
    assert!(line.starts_with("1. 强化规划引领和试点示范。"));
    let (_, line) = find_line(&n, "国际货运集结中心,东盟货运班列");
    assert!(line.starts_with("4. 持续深入推进“邵品出邵”。"));
}

#[test]
fn seed_header_salutation_and_contact_lines_stay_apart() {
    let n = normalize(SEED);
    let paras = para_texts(&n);
    for expected in [
        "同意公开",
        "邵阳市发展和改革委员会文件",
        "邵市发改函〔2024〕77号",
        "A1类",
        "对市十七届人大三次会议第151号建议的答复",
        "陈业华代表:",
        "抄送:市人大联工委、市政府办公室",
        "联系人及电话:曹权文 15842986508",
    ] {
        assert!(paras.contains(&expected), "{expected} is not a line of its own");
    }
    // 41 original lines, 19 of them non-empty, 16 after the 3 rejoined page breaks.
    assert_eq!(n.original_lines, 41);
    assert_eq!(paras.len(), 16);
}

#[test]
fn line_at_maps_joined_text_to_the_later_original_line() {
    let n = normalize(SEED);
    let (start, line) = find_line(&n, "统筹产业发展基金");
    assert_eq!(n.line_at(start), 23);
    let join = start + line.find("业发展基金").expect("joined text");
    assert_eq!(n.line_at(join - 1), 23, "last byte of 产 is on line 23");
    assert_eq!(n.line_at(join), 25);
    assert_eq!(n.line_at(start + line.len() - 1), 25);
    let (start, _) = find_line(&n, "联系人及电话");
    assert_eq!(n.line_at(start), 41);
    let (start, _) = find_line(&n, "陈业华代表");
    assert_eq!(n.line_at(start), 13);
}

#[test]
fn line_at_skips_removed_page_number_lines() {
    let text = "县城地处“城尾乡头”,是农村居民进城的第一站。\n\n— 2 —\n\n陈业华代表：\n第 3 页\n下一步，我委将协同财政。";
    let n = normalize(text);
    assert_eq!(n.text, "县城地处“城尾乡头”,是农村居民进城的第一站。\n\n\n陈业华代表:\n下一步,我委将协同财政。");
    assert_eq!(n.original_lines, 7);
    let (at, _) = find_line(&n, "陈业华代表");
    assert_eq!(n.line_at(at), 5);
    let (at, _) = find_line(&n, "下一步");
    assert_eq!(n.line_at(at), 7);
    assert_eq!(n.line_at(at + 3), 7);
    // The blank lines around the removed `— 2 —` keep their own numbers.
    assert_eq!(n.line_at(n.text.find("\n\n\n").expect("blank lines") + 1), 2);
}

#[test]
fn page_break_with_page_number_inside_a_sentence_is_rejoined() {
    let text = "下一步，我委将协同财政、科技、商务、自然资源和规划等部门，坚持从特色产业发展、基本公共服务均等化等\n\n— 3 —\n\n方面选取小切口，深入推进以县城为重要载体的城镇化试点工作。";
    let n = normalize(text);
    assert_eq!(
        n.text,
        "下一步,我委将协同财政、科技、商务、自然资源和规划等部门,坚持从特色产业发展、基本公共服务均等化等方面选取小切口,深入推进以县城为重要载体的城镇化试点工作。"
    );
    let at = n.text.find("方面").expect("joined");
    assert_eq!(n.line_at(at), 5);
    assert_eq!(n.line_at(at - 1), 1);
}

#[test]
fn line_at_counts_cr_only_and_crlf_line_ends_with_a_bom() {
    let text = "\u{FEFF}同意公开\r\rA1类\r陈业华代表：";
    let n = normalize(text);
    assert_eq!(n.text, "同意公开\n\nA1类\n陈业华代表:");
    assert_eq!(n.original_lines, 4);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 3);
    assert_eq!(n.line_at(n.text.find("陈").unwrap_or(0)), 4);
    let text = "同意公开\r\n\r\nA1类\r\n";
    let n = normalize(text);
    assert_eq!(n.text, "同意公开\n\nA1类\n");
    assert_eq!(n.original_lines, 4);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 3);
}

#[test]
fn long_runs_of_blank_lines_are_capped() {
    let text = format!("同意公开{}A1类", "\n".repeat(1000));
    let n = normalize(&text);
    assert_eq!(n.text, "同意公开\n\n\nA1类");
    assert_eq!(n.original_lines, 1001);
    assert_eq!(n.line_at(n.text.find("A1").unwrap_or(0)), 1001);
}

#[test]
fn bare_page_numbers_counting_up_are_removed_but_a_lone_number_stays() {
    let body = "您提出的关于镇西镇中心小学筹建风雨操场的建议收悉。\n".repeat(9);
    let text = format!("{body}\n2\n\n{body}\n3\n\n{body}\n共有学校\n\n12\n\n下一步,我局将继续跟进。");
    let n = normalize(&text);
    let lines: Vec<&str> = n.paragraphs().map(|(_, l)| l).collect();
    assert!(!lines.contains(&"2") && !lines.contains(&"3"), "page sequence removed");
    // `12` between a line that ends without punctuation and a new sentence: not enough evidence.
    assert!(lines.contains(&"12"));
    assert!(lines.contains(&"共有学校"));
}

#[test]
fn bare_number_inside_a_split_sentence_is_dropped_with_the_break() {
    let text = "县城地处“城尾乡头”，是农村居民进城的第一站，是连接和推动城乡融合发展的重要节点。特色小镇是我国新型城镇化、乡村振兴、产业转型升级的重要载\n\n7\n\n体，请一如既往地对发展改革工作给予关心和支持。";
    let n = normalize(text);
    assert!(n.text.contains("重要载体,请一如既往"), "{}", n.text);
    assert!(!n.text.contains('7'));
    assert_eq!(n.line_at(n.text.find("体,").unwrap_or(0)), 5);
}

#[test]
fn page_of_forms_removed_in_a_document() {
    let text = "感谢您对我局工作的关心、理解和支持!\n第1页 共2页\n2023年7月18日\n第2页/共2页";
    let n = normalize(text);
    assert_eq!(n.text, "感谢您对我局工作的关心、理解和支持!\n2023年7月18日");
    assert_eq!(n.line_at(n.text.find("2023").unwrap_or(0)), 3);
    assert_eq!(n.original_lines, 4);
}

#[test]
fn web_text_passes_through_unchanged() {
    // real-dev 018, right-aligned signature and date included.
    let text = "李丽代表:\n\n您提出的《关于老旧小区增设停车位的建议》(第145号)收悉。经研究办理,现答复如下:\n\n感谢您对城市管理工作的关注和关心,同时真诚希望您继续对我们的工作提出宝贵意见和建议,促进我区城市管理工作取得更大的成绩。\n\n\n\n\n                                                             重庆市北碚区城市管理局\n\n                                                                2023927        \n\n  人:黎浩\n\n联系电话:60307029";
    let n = normalize(text);
    let want = "李丽代表:\n\n您提出的《关于老旧小区增设停车位的建议》(第145号)收悉。经研究办理,现答复如下:\n\n感谢您对城市管理工作的关注和关心,同时真诚希望您继续对我们的工作提出宝贵意见和建议,促进我区城市管理工作取得更大的成绩。\n\n\n重庆市北碚区城市管理局\n\n2023927\n\n人:黎浩\n\n联系电话:60307029";
    assert_eq!(n.text, want);
    assert_eq!(n.line_at(n.text.find("重庆").unwrap_or(0)), 10);
    assert_eq!(n.line_at(n.text.find("2023927").unwrap_or(0)), 12);
    assert_eq!(n.line_at(n.text.find("联系电话").unwrap_or(0)), 16);
}

#[test]
fn latin_words_split_by_a_line_end_get_their_space_back() {
    let text = "本项目提升了建设管理水平,引入了国际先进的建筑信息模型技术,采用的标准为 Building Information\nModeling 规范,并通过了验收。";
    let n = normalize(text);
    assert_eq!(n.text, "本项目提升了建设管理水平,引入了国际先进的建筑信息模型技术,采用的标准为 Building Information Modeling 规范,并通过了验收。");
}
