//! The issuing agency: banner (`XX文件`), title prefix (`XX关于…的复函`), the signature line just
//! before the date, or a `承办单位:` line, in that order. Website chrome (来源, 发布机构, 信息来源,
//! 作者) is never read.

use std::sync::LazyLock;

use regex::Regex;

/// Endings of agency names: what distinguishes `博乐市财政局` from `特此函告` on a line of its own.
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\p{Han}（）()]{2,30}?(?:局|厅|委员会|委|部|办公室|办|院|政府|中心|站|所|队|会|处|署|馆|公司|集团|社|行|街道办事处|联合会|协会|学校|大学|医院|管委会|指挥部|海关)$",
    )
    .expect("agency regex")
});

/// A banner line: the agency name followed by 文件.
static BANNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<name>[\p{Han}]{2,30})文件$").expect("banner regex"));

/// A title line opening with the agency: `重庆市北碚区城市管理局关于区十九届…的复函`.
static TITLE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>[\p{Han}（）()]{2,30}?)\s*(?:关于|關於|關于).{0,80}(?:建议|提案|议案|意见|建議|議案|意見).{0,30}(?:答复|复函|回复|回函|的函|办理情况的报告|答復|復函|答覆|覆函)")
        .expect("title prefix regex")
});

/// What makes a line a reply title (or its first half, ending at the session).
static TITLE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"建议|提案|议案|建議|議案|会议|會議|答复|复函").expect("title word regex"));

/// A signing date: 2021年11月19日 · 二〇二一年十月二十六日 · 20211026 · 2022711 on its own.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月\s*[一二三四五六七八九十]{1,3}\s*日|^\d{7,8}$|^\d{4}[-./]\d{1,2}[-./]\d{1,2}$)")
        .expect("date regex")
});

/// A seal note under the signature: （盖章） · (印章) · （代章）.
static SEAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（](?:盖章|印章|公章|代章|章)[)）]$").expect("seal regex"));

/// A layout gap right after a date: the date is a cell of its own on a flattened line.
static CELL_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\s{2,}|\t)").expect("cell gap regex"));

/// `承办单位:清原满族自治县住房和城乡建设` (taken as written, even when truncated).
static HANDLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:承办单位|答复单位|办理单位|主办单位)[:：]\s*(?P<name>[\p{Han}（）()]{2,40})$").expect("handler regex")
});

/// Chrome labels whose values are never the issuer, and navigation links.
const CHROME: [&str; 9] = ["来源", "发布机构", "信息来源", "作者", "发布时间", "来 源", "上一篇", "下一篇", "相关"];

/// Index of the acknowledgement line, where the letter's header ends.
pub(super) fn acknowledgement(lines: &[&str]) -> Option<usize> {
    lines.iter().position(|l| ACK.is_match(l))
}

/// The acknowledgement sentence: the letter's header ends there.
static ACK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"收悉|答复如下|答復如下|现答复|現答復").expect("ack regex"));

/// Remove layout spaces (the text is already normalised otherwise).
fn squeeze(s: &str) -> String {
    // Copy the runs between dropped characters whole, not char by char.
    let mut out = String::with_capacity(s.len());
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || c == '|' {
            out.push_str(s.get(run..i).unwrap_or_default());
            run = i + c.len_utf8();
        }
    }
    out.push_str(s.get(run..).unwrap_or_default());
    out
}

fn is_agency(s: &str) -> bool {
    AGENCY.is_match(s)
}

/// The issuer among the document's lines (each trimmed of layout).
pub fn find(lines: &[&str]) -> Option<String> {
    let clean: Vec<String> = lines.iter().map(|l| squeeze(l)).collect();
    let usable = |i: usize| !CHROME.iter().any(|c| lines[i].contains(c));
    // banner and title sit above the acknowledgement; related links below the letter may name
    // other agencies' replies
    let ack = clean.iter().position(|l| ACK.is_match(l));
    let header_end = ack.unwrap_or(clean.len().min(40));
    let header = clean.get(..header_end).unwrap_or(&[]);
    // 1. banner
    for (i, l) in header.iter().enumerate() {
        if let Some(c) = BANNER.captures(l) {
            let name = &c["name"];
            if usable(i) && is_agency(name) {
                return Some(name.to_string());
            }
        }
    }
    // 2. title prefix (the title may also be split: agency alone, then 关于… on the next line)
    for (i, l) in header.iter().enumerate() {
        if !usable(i) || l.starts_with("标题") {
            continue;
        }
        if let Some(c) = TITLE_PREFIX.captures(l) {
            let name = c["name"].trim_start_matches("对");
            if is_agency(name) {
                return Some(name.to_string());
            }
        }
        let next = clean.iter().skip(i + 1).find(|n| !n.is_empty());
        let opens_title = |n: &&String| {
            (n.starts_with("关于") || n.starts_with("關於") || n.starts_with('对')) && TITLE_WORD.is_match(n)
        };
        if is_agency(l) && usable(i) && next.is_some_and(|n| opens_title(&n)) {
            return Some(l.clone());
        }
    }
    // 3. signature: the nearest non-empty line before a date line, or the text before the date
    //    when a flattened page put both on one line.
    //    The signature follows the acknowledgement: a site banner above a page date is not one.
    for (i, raw) in lines.iter().enumerate().skip(ack.unwrap_or(0)) {
        let line = raw.trim().trim_matches('|').trim();
        let Some(m) = DATE.find(line) else { continue };
        // the signing date stands alone (or ends a flattened page, or sits in a cell of its own
        // before the contact block); a dated sentence does not
        let after = line.get(m.end()..).unwrap_or("");
        let alone = after.trim().is_empty();
        if !alone && !CELL_GAP.is_match(after) {
            continue;
        }
        let before = line.get(..m.start()).unwrap_or("").trim();
        if !alone && before.is_empty() {
            continue;
        }
        if !before.is_empty() {
            // flattened page: "…的支持。 镇康县农业农村局 2021年7月2日"
            if let Some(last) = before.split_whitespace().last() {
                if is_agency(last) && usable(i) {
                    return Some(last.to_string());
                }
            }
            continue;
        }
        // a seal note (（盖章）) may sit between the signature and the date
        if let Some(prev) = (0..i).rev().find(|&j| !clean[j].is_empty() && !SEAL.is_match(&clean[j])) {
            if usable(prev) && is_agency(&clean[prev]) {
                return Some(clean[prev].clone());
            }
        }
    }
    // 4. 承办单位:
    for (i, l) in clean.iter().enumerate() {
        if let Some(c) = HANDLER.captures(l) {
            if usable(i) {
                return Some(c["name"].to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find;

    fn issuer(text: &str) -> Option<String> {
        let lines: Vec<&str> = text.lines().collect();
        find(&lines)
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
}
