//! Behaviour of the addressees extractor on salutations of the genre, and its totality.

use super::organisation::ORG_WORDS;
use super::salutation::{line_regex, LINE};
use super::*;
use crate::normalize::normalize;
use crate::record::Fields;

fn run(text: &str) -> (Vec<(String, Option<String>)>, Option<u32>) {
    let mut out = Fields::default();
    extract(&normalize(text), &Hints::default(), &mut out);
    (out.addressees.into_iter().map(|a| (a.name, a.role)).collect(), out.addressee_count)
}

fn one(name: &str, role: &str) -> Vec<(String, Option<String>)> {
    vec![(name.to_string(), Some(role.to_string()))]
}

#[test]
fn single_name() {
    assert_eq!(run("对市十七届人大三次会议第151号建议的答复\n\n陈业华代表：\n\n你提出的").0, one("陈业华", "代表"));
    assert_eq!(run("冬花委员:\n您在博乐市政协十届一次会议上提出的").0, one("冬花", "委员"));
}

#[test]
fn group_with_count() {
    assert_eq!(run("纪占斌等3名代表:\n\n您提出的").0, one("纪占斌", "代表"));
    assert_eq!(run("纪占斌等3名代表:\n").1, Some(3));
    assert_eq!(run("张三等五位委员：\n").1, Some(5));
    let (a, n) = run("| 罗捧军等委员: 你们在政协镇康县第十一届委员会第五次会议期间提出");
    assert_eq!((a, n), (one("罗捧军", "委员"), None));
}

/// Found by fuzzing: 等0名 gave addressee_count 0, which the contract reserves for null.
#[test]
fn zero_count_is_no_count() {
    assert_eq!(run("孙晓梅等0名代表：\n你们提出的").1, None);
    assert_eq!(run("孙晓梅等〇名代表：\n你们提出的").1, None);
    assert_eq!(run("孙晓梅等10名代表：\n你们提出的").1, Some(10));
}

#[test]
fn list_separated_by_dun_hao() {
    let (a, _) = run("王建平、李晓艳、代德忠、刘姣艳、陈忠丽、孟德云、普翠珍、希琼芬、晋波、杨鑫代表:\n您 们在县十八届人大二次会议上");
    let names: Vec<&str> = a.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["王建平", "李晓艳", "代德忠", "刘姣艳", "陈忠丽", "孟德云", "普翠珍", "希琼芬", "晋波", "杨鑫"]);
    assert!(a.iter().all(|(_, r)| r.as_deref() == Some("代表")));
}

#[test]
fn no_colon_and_layout_spaces() {
    assert_eq!(run("发布时间:2024-10-25\n\n   王立超  委员\n\n您在区第十届政协").0, one("王立超", "委员"));
    assert_eq!(run("高松代表\n\n您提出的").0, one("高松", "代表"));
    assert_eq!(run("张 雷代表：\n").0, one("张雷", "代表"));
    assert_eq!(run("  何秋兰代表:\n").0, one("何秋兰", "代表"));
    assert_eq!(run("陈 业 华 代 表 ：\n").0, one("陈业华", "代表"));
    let (a, _) = run("张三代表、李四代表：\n");
    assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["张三", "李四"]);
}

#[test]
fn salutation_running_into_the_acknowledgement() {
    assert_eq!(run("陈业华代表：你提出的《关于建强特色小镇载体的建议》收悉。").0, one("陈业华", "代表"));
}

#[test]
fn names_separated_by_spaces_only() {
    let (a, _) = run("王建平 李晓艳 代德忠代表：\n");
    assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建平", "李晓艳", "代德忠"]);
    assert_eq!(run("陈 业 华代表：\n").0, one("陈业华", "代表"));
}

#[test]
fn aside_after_the_role() {
    assert_eq!(run("李明委员（第56号提案）：\n").0, one("李明", "委员"));
}

#[test]
fn respectful_forms() {
    assert_eq!(run("尊敬的王红兰代表：\n").0, one("王红兰", "代表"));
    assert_eq!(run("尊敬的王红兰代表：您好！\n").0, one("王红兰", "代表"));
}

#[test]
fn role_before_deng() {
    // 郑晓峰委员等： (the group word after the role, no count)
    assert_eq!(run("郑晓峰委员等：\n    你们领衔提出的关于提高城乡居民医保待遇的提案收悉").0, one("郑晓峰", "委员"));
    assert_eq!(run("郑晓峰委员等：\n").1, None);
    assert_eq!(run("王建国代表等5人：\n您们提出的建议收悉").0, one("王建国", "代表"));
    assert_eq!(run("王建国代表等5人：\n").1, Some(5));
}

#[test]
fn list_wrapped_over_two_lines() {
    let (a, _) = run("王建国、李华、张三丰、\n李四代表：\n你们提出的建议收悉");
    assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建国", "李华", "张三丰", "李四"]);
    // a sentence above the salutation is not part of it
    assert_eq!(run("我局高度重视、\n李四代表：\n").0, one("李四", "代表"));
}

#[test]
fn proposing_organisations() {
    let org = |n: &str| vec![(n.to_string(), None)];
    assert_eq!(run("九三学社长沙市委员会：\n    贵会提出的《关于优化营商环境的提案》收悉。").0, org("九三学社长沙市委员会"));
    assert_eq!(run("民盟县委:\n您们提出的关于加强乡村教师队伍建设的提案收悉").0, org("民盟县委"));
    assert_eq!(run("市工商联：\n\n    你单位提出的提案收悉").0, org("市工商联"));
    // the body the reply reports to is no proposer; a colon line not followed by a second person is none either
    assert_eq!(run("市人大常委会：\n    你们交办的建议已办理完毕").0, vec![]);
    assert_eq!(run("市发展和改革委员会：\n    现将有关情况报告如下").0, vec![]);
}

/// The colon and ending checks before ORG_LINE let every organisation word through.
#[test]
fn every_organisation_word_passes_the_prefilter() {
    for w in ORG_WORDS {
        let text = format!("九三学社长沙市{w} ： \n    贵会提出的《关于优化营商环境的提案》收悉。");
        let (a, _) = run(&text);
        assert_eq!(a, vec![(format!("九三学社长沙市{w}"), None)], "{w}");
    }
}

/// A flattened page's salutation is read only where a role word and a colon meet.
#[test]
fn inline_salutation_after_a_sentence_end() {
    let (a, n) = run("关于第5号建议的答复。王建国、李华代表：你们提出的建议收悉。");
    assert_eq!(a.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(), ["王建国", "李华"]);
    assert_eq!(n, None);
    assert_eq!(run("感谢王建国代表的关心。李华代表提出的建议收悉。").0, vec![]);
}

/// Past the bounds of the salutation patterns the bounded regexes decide, as before.
#[test]
fn bounds_of_names_and_aside() {
    let aside = "第".repeat(30);
    assert_eq!(run(&format!("李明委员（{aside}）：\n")).0, one("李明", "委员"));
    let (a, _) = run(&format!("李明委员（{aside}号）：\n"));
    assert_eq!(a, vec![]);
    let long = ["王建平"; 101].join("、");
    let (a, _) = run(&format!("{long}代表：\n"));
    assert_eq!(a, vec![]);
    let (a, _) = run(&format!("{}代表：\n", ["王建平"; 100].join("、")));
    assert_eq!(a.len(), 100);
    for text in [format!("{long}代表：\n"), format!("李明委员（{aside}号）：\n"), format!("感谢。{long}代表：你们好")] {
        assert_eq!(LINE.captures(&text).is_some(), line_regex("{2,400}?", "{0,30}").is_match(&text));
        let slow: Vec<String> = inline_regex("{2,120}?").captures_iter(&text).map(|c| c["names"].to_string()).collect();
        let fast: Vec<String> = INLINE.captures_iter(&text).map(|c| c["names"].to_string()).collect();
        assert_eq!(fast, slow);
    }
}

#[test]
fn chrome_and_collectives_are_not_addressees() {
    assert_eq!(run("政协委员提案\n人大代表建议\n各位代表：\n").0, vec![]);
    assert_eq!(run("当前位置:首页 > 人大代表").0, vec![]);
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
