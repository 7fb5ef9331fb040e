//! Person-name hints: words jieba tags `nr`, offered to the addressee and contact extractors,
//! which decide for themselves.
//!
//! Two sources, trusted differently. A word the HMM guessed (not in any dictionary) and tagged
//! `nr` is usually a real name (陈业华, 纪占斌). jieba's default dictionary, on the other hand,
//! tags many ordinary words `nr` (农村居民, 宣传教育, 小镇, 宝贵), so a dictionary word counts only
//! when it looks like a name: two or three characters starting with a common surname (王建平).

use super::stop;

/// Common single-character surnames (simplified and the traditional forms that differ).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余\
杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严\
覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅\
童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦\
褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查\
麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉\
禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊母裘亓修邰赫杭况那宿鲜印逯隆茹\
诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧代\
張陳劉黃趙吳馮鄧葉蘇呂盧鍾譚陸賈韋鄒閆龔萬錢嚴莊聶歐蘭喬龐顏羅鄭謝許韓蔣魏楊孫湯賀顧陶薑崔範廖";

/// Two-character surnames.
const COMPOUND_SURNAMES: [&str; 19] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒",
    "夏侯", "端木", "申屠", "澹台", "轩辕", "呼延",
];

/// A name does not end in a place word (邢峰线 and 潘集区 are places jieba tags `nr`).
const PLACE_ENDINGS: &str = "县市区镇乡村路街省州线";

/// Words tagged `nr` (or `nrt`/`nrfg`), 2–4 Han characters, not stop words, judged as above:
/// in order of first appearance, each once. `in_dictionary` says whether jieba knows the word.
pub fn person_names<'a>(
    tagged: impl Iterator<Item = (&'a str, &'a str)>,
    in_dictionary: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (word, tag) in tagged {
        if !tag.starts_with("nr") || names.iter().any(|n| n == word) {
            continue;
        }
        let chars = word.chars().count();
        if !(2..=4).contains(&chars) || !word.chars().all(|c| matches!(c, '\u{4E00}'..='\u{9FFF}')) {
            continue;
        }
        if word.chars().last().is_some_and(|c| PLACE_ENDINGS.contains(c)) || stop::is_stop(word) {
            continue;
        }
        if in_dictionary(word) && !(chars <= 3 && starts_with_surname(word)) {
            continue;
        }
        names.push(word.to_string());
    }
    names
}

fn starts_with_surname(word: &str) -> bool {
    word.chars().next().is_some_and(|c| SURNAMES.contains(c)) || COMPOUND_SURNAMES.iter().any(|s| word.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_of_first_appearance_dedup_and_length() {
        let tagged = [
            ("陈业华", "nr"), ("代表", "n"), ("曹权文", "nr"), ("陈业华", "nr"), ("张", "nr"),
            ("欧阳娜娜", "nr"), ("司马相如之后", "nr"), ("A", "nr"), ("李明", "nrfg"), ("特色", "n"),
        ];
        assert_eq!(person_names(tagged.into_iter(), |_| false), ["陈业华", "曹权文", "欧阳娜娜", "李明"]);
    }

    #[test]
    fn dictionary_words_jieba_tags_nr_need_a_surname() {
        let tagged = [
            ("农村居民", "nr"), ("小镇", "nr"), ("宝贵", "nr"), ("二十大", "nrt"), ("王建平", "nr"),
            ("潘集区", "nr"), ("邢峰线", "nr"), ("纪占斌", "nr"),
        ];
        let dictionary = ["农村居民", "小镇", "宝贵", "二十大", "王建平", "潘集区"];
        let names = person_names(tagged.into_iter(), |w| dictionary.contains(&w));
        assert_eq!(names, ["王建平", "纪占斌"]);
    }
}
