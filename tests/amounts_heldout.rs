//! Held-out sentences of the kind real replies contain, each with the amounts a careful reader
//! takes from it. Expected values were written by reading each sentence, before the amounts code
//! was read. Sentences run through the whole pipeline (normalizer included), so full-width forms
//! and hard wraps are exercised as they arrive from real files.
//!
//! Expectation syntax, one amount per `;`-separated item:
//!     yuan[~yuan_max][|q=QUAL][|per=UNIT][|inf]
//! `q` and `per` default to null and `inf` (inferred_unit) to false; `q=+` / `per=+` accept any
//! non-null value where the wording leaves the exact string a judgement call; `q=*` accepts any.
//! An empty expectation says the sentence holds no money at all.

use dafu::{Config, Pipeline};
use std::str::FromStr;

fn pipeline() -> Pipeline {
    Pipeline::new(Config { segment: false, ..Config::default() }).expect("pipeline builds")
}

/// Positive sentences: every amount, in order.
const POSITIVE: &[(&str, &str)] = &[
    // finance: 下达 / 拨付 / 安排 / 累计 / 共计 / 合计
    ("2023年，市财政共计下达资金1.23亿元，其中中央资金8600万元、省级资金3700万元。", "123000000; 86000000; 37000000"),
    ("截至2024年6月底，已拨付到位资金1.1亿元，资金到位率100%。", "110000000"),
    ("2022-2024年累计投入城乡环境整治资金3.2亿元。", "320000000"),
    ("近3年累计投入资金超过12亿元，带动社会投资逾30亿元。", "1200000000|q=超过; 3000000000|q=逾"),
    ("今年市本级预算安排专项经费2,860.5万元，较上年增长15.3%，增加376万元。", "28605000; 3760000"),
    ("省财政厅下达我市一般债券额度12.345678亿元。", "1234567800"),
    ("合计拨付0.0358亿元用于应急维修。", "3580000"),
    ("追回违规资金1,234,567.89元并上缴国库。", "1234567.89"),
    ("落实地方政府专项债券资金2.3亿，用于片区开发。", "230000000|inf"),
    ("争取中央预算内投资1.2亿，省级配套资金3000万元。", "120000000|inf; 30000000"),
    ("项目总投资3.6亿，目前已完成投资2.1亿。", "360000000|inf; 210000000|inf"),
    ("多渠道筹措资金4800万元，保障项目顺利实施。", "48000000"),
    ("省级财政承担60%，约1.8亿元，市县财政承担40%。", "180000000|q=约"),
    ("一般公共预算支出完成456.78亿元，同比增长6.2%。", "45678000000"),
    ("全年安排教育经费三百五十万元。", "3500000"),
    ("两年来共安排资金两亿元。", "200000000"),
    ("市级安排奖补资金十二万元。", "120000"),
    ("总投资3亿5000万元的综合体已开工。", "350000000"),
    ("单项奖励2万5千元。", "25000"),
    // agriculture: 亩 / 户 / 头 / 吨
    ("耕地地力保护补贴标准为每亩105.5元。", "105.5|per=亩"),
    ("土地流转费用平均800元/亩，较往年有所提高。", "800|per=亩"),
    ("对新增高标准农田按每亩1500元给予补助，全年建成2.1万亩。", "1500|per=亩"),
    ("每亩补贴100至200元，由县级统筹。", "100~200|per=亩"),
    ("对脱贫户每户补助2000元，共惠及1.2万户，发放补贴2400万元。", "2000|per=户; 24000000"),
    ("每户最高补助1.5万元。", "15000|q=*|per=户"),
    ("能繁母猪每头补贴500元。", "500|per=+"),
    ("对秸秆综合利用企业按每吨50元给予补贴。", "50|per=吨"),
    ("安排农机购置补贴资金6200万元，补贴机具1.3万台。", "62000000"),
    ("实施衔接推进乡村振兴补助资金项目126个，总投资45.6亿元。", "4560000000"),
    // education
    ("义务教育公用经费基准定额小学每生每年720元、初中每生每年940元。", "720|per=+; 940|per=+"),
    ("学前教育幼儿资助标准为每生每年1000元至1500元。", "1000~1500|per=+"),
    ("下达学生资助资金1.76亿元，资助学生28.6万人次。", "176000000"),
    ("教师周转宿舍建设项目（总投资2860万元）已完工。", "28600000"),
    // health
    ("城乡居民医保财政补助标准提高到每人每年640元，个人缴费标准为380元。", "640|per=人; 380"),
    ("基本公共卫生服务经费人均补助标准为89元。", "89|per=人"),
    ("对村医每人每月发放补助300元。", "300|per=人"),
    ("全年医保基金支出5.67亿元，结余0.89亿元。", "567000000; 89000000"),
    // transport
    ("农村公路养护资金按每公里每年1万元标准安排。", "10000|per=公里"),
    ("争取车购税资金1.85亿元，用于国省干线改造。", "185000000"),
    ("新建充电桩1200个，发放建设补贴360万元。", "3600000"),
    // water
    ("污水处理费征收标准为居民1.4元/吨。", "1.4|per=吨"),
    ("城镇居民第一阶梯水价2.85元/立方米。", "2.85|per=立方米"),
    ("实施农村饮水安全巩固提升工程（总投资2860万元），受益人口12万人。", "28600000"),
    ("甲镇污水管网项目（1200万元）、乙村道路硬化项目（350万元）已纳入计划。", "12000000; 3500000"),
    // housing
    ("对购买首套新建商品住房的给予每平方米200元购房补贴。", "200|per=平方米"),
    ("基准地价为3500元/平方米。", "3500|per=平方米"),
    ("土地出让底价为50万元/亩。", "500000|per=亩"),
    ("争取中央棚改补助资金2.35亿元，改造棚户区3200套。", "235000000"),
    ("租赁补贴标准为每户每月600元。", "600|per=户"),
    // per person / standards tables flattened into text
    ("一级 每人每月 1200元 二级 每人每月 900元 三级 每人每月 600元", "1200|per=人; 900|per=人; 600|per=人"),
    ("补贴标准为200元/人·月。", "200|per=人"),
    ("人均补助300元。", "300|per=人"),
    ("每个村安排50万元村级集体经济发展资金。", "500000|per=+"),
    // ranges
    ("单个项目补助20万—50万元。", "200000~500000"),
    ("给予1-3万元奖励。", "10000~30000"),
    ("按5万到10万元的标准给予补助。", "50000~100000"),
    ("每个项目补助200~300万元。", "2000000~3000000|per=*"),
    ("预计需投入资金1—2亿元。", "100000000~200000000"),
    ("补贴3000元至5000元不等。", "3000~5000"),
    // caps and floors
    ("奖补资金最高不超过50万元。", "500000|q=+"),
    ("县级配套资金不低于200万元。", "2000000|q=+"),
    ("每年安排不少于1000万元专项资金。", "10000000|q=+|per=*"),
    // traditional characters and full-width forms
    ("撥付資金1,200萬元用於校舍維修。", "12000000"),
    ("總投資4.5億元的項目已竣工。", "450000000"),
    ("補助經費貳拾萬圓整。", "200000"),
    ("安排资金１２．５万元。", "125000"),
    ("下达资金１，２００万元。", "12000000"),
    ("补助１０万元～２０万元。", "100000~200000"),
    ("奖励５－１０万元。", "50000~100000"),
    // item numbers glued to the figure
    ("（3）安排资金200万元用于人才引进。", "2000000"),
    ("3.安排资金200万元用于人才引进。", "2000000"),
    ("2023年下达资金5000万元。", "50000000"),
    // person named 钱 and money in the same text
    ("联系人：钱丽，联系电话：0591-87654321。已安排资金80万元。", "800000"),
    // round two: written before running, aimed at what round one did not reach
    ("安排资金1.2亿元（其中中央资金8000万元）。", "120000000; 80000000"),
    ("人民币伍拾万元整。", "500000"),
    ("创业补贴0.5万元/人。", "5000|per=人"),
    ("对返乡创业人员每人一次性补助2000元。", "2000|per=人"),
    ("每名学生每学期补助500元。", "500|per=人"),
    ("补助标准由每人每年500元提高到800元。", "500|per=人; 800|per=人"),
    ("土地出让收入36.8亿元，较上年增加1.2亿元，增长8.5%。", "3680000000; 120000000"),
    ("税收收入完成12.6亿元，占一般公共预算收入的78%。", "1260000000"),
    ("全年减税降费3.2亿元，惠及市场主体1.5万户。", "320000000"),
    ("为企业办理留抵退税2.1亿元。", "210000000"),
    ("发放创业担保贷款1.8亿元，带动就业3600人。", "180000000"),
    ("贷款额度最高不超过300万元，期限不超过3年。", "3000000|q=+"),
    ("个人创业担保贷款额度提高至30万元。", "300000"),
    ("年收入500万元以下的小微企业。", "5000000|q=以下"),
    ("单笔10万元以内的支出。", "100000|q=以内"),
    ("项目资金在50万元以上的须公开招标。", "500000|q=以上"),
    ("补助比例为工程造价的30%，最高50万元。", "500000|q=最高"),
    ("租金标准为每平方米每月12元。", "12|per=平方米"),
    ("新建商品房均价1200元/㎡。", "1200|per=+"),
    ("外墙保温补贴60元/m²。", "60|per=+"),
    ("收购价3.2元/kg。", "3.2|per=+"),
    ("大病保险起付标准1.5万元，年度最高支付限额30万元。", "15000; 300000|q=*"),
    ("发行地方政府债券12亿元，其中新增债券8亿元、再融资债券4亿元。", "1200000000; 800000000; 400000000"),
    ("中央财政衔接资金22,368万元。", "223680000"),
    ("到位资金2.36亿元，占计划的95.2%。", "236000000"),
    ("农村居民人均可支配收入18562元。", "18562|per=人"),
    ("户均增收3000元。", "3000|per=户"),
    ("亩均效益1.2万元。", "12000|per=亩"),
    ("每年每人补助1000元。", "1000|per=人"),
    ("投入資金約12.5億元。", "1250000000|q=+"),
    ("撥款一千二百萬元。", "12000000"),
    ("人民幣伍佰萬圓整。", "5000000"),
    ("共争取资金1.5亿余元。", "150000000|q=余"),
    ("投入3000多万元。", "30000000|q=多"),
    ("投资2亿多元。", "200000000|q=多"),
    ("补助十余万元。", "100000|q=余"),
    ("每户每年补助不超过1万元。", "10000|q=+|per=户"),
    ("单个项目补助10万至20万元。", "100000~200000"),
    ("补助标准为3000—5000元/人。", "3000~5000|per=人"),
    ("每亩200-300元。", "200~300|per=亩"),
    ("总投资1.5亿到2亿元。", "150000000~200000000"),
    ("奖励2万元~5万元。", "20000~50000"),
    ("补助5千至1万元。", "5000~10000"),
    ("每场次补助300元—500元。", "300~500|per=+"),
    ("2024年安排10-20万元。", "100000~200000"),
    ("1至3月份拨付资金500万元。", "5000000"),
    ("按1:0.5比例配套资金300万元。", "3000000"),
    ("同比增长12.5%，达到3.2亿元。", "320000000"),
    // round three: colloquial units, foreign currencies beside yuan, bare figures
    ("投入近千万元改造校舍。", "10000000|q=近"),
    ("合同价款350,000.00元。", "350000"),
    ("实际到位资金1200万（含省级资金500万）。", "12000000|inf; 5000000|inf"),
    ("完成固定资产投资86.5亿。", "8650000000|inf"),
    ("为企业减免租金1200万。", "12000000|inf"),
    ("发放农民工工资2.3亿。", "230000000|inf"),
    ("进出口总额120亿美元（折合人民币约860亿元）。", "86000000000|q=约"),
    ("折合人民币8500万元。", "85000000"),
    ("1.2亿元人民币已拨付。", "120000000"),
    // round four: OCR spacing, 零 and 〇, traditional qualifiers, thresholds
    ("县级配套资金500万 元已到位。", "5000000"),
    ("累计投入资金3.5 亿元。", "350000000"),
    ("二〇二四年安排资金三百万元。", "3000000"),
    ("安排资金一千零五十万元。", "10500000"),
    ("每度电补贴0.1元。", "0.1|per=度"),
    ("共计人民币叁佰万元整。", "3000000"),
    ("结算金额50000元整。", "50000"),
    ("投入1千多万元。", "10000000|q=多"),
    ("发放补贴3万余元。", "30000|q=余"),
    ("爭取資金3000餘萬元。", "30000000|q=+"),
    ("项目需资金约2000万元。", "20000000|q=约"),
    ("投资5000万元以上的项目32个。", "50000000|q=以上"),
    ("奖补资金3.5亿元（其中，中央1.2亿元、省级0.8亿元）。", "350000000; 120000000; 80000000"),
    ("每户补助5万—10万元。", "50000~100000|per=户"),
    ("GDP总量达到1.5万亿元。", "1500000000000"),
    // found by probing after round four
    ("补贴标准为每人每年1,200—1,500元。", "1200~1500|per=人"),
    ("县财政拿出200万，乡镇配套100万。", "2000000|inf; 1000000|inf"),
    ("全年共投入资金10.5亿，其中：省级3.2亿、市级4.1亿、县级3.2亿。", "1050000000|inf; 320000000|inf; 410000000|inf; 320000000|inf"),
    ("人均补助0.3万元/年。", "3000|per=人"),
    ("每家企业最高奖励50万元。", "500000|q=最高|per=+"),
    ("全市共有村（社区）1200个，每个村（社区）补助10万元。", "100000|per=村"),
    ("下达资金4.2亿元，其中：中央资金3.2亿元、省级0.6亿、市县0.4亿。", "420000000; 320000000; 60000000|inf; 40000000|inf"),
    ("总投资3亿元，其中：道路1.2亿、管网0.8亿、绿化1亿。", "300000000; 120000000|inf; 80000000|inf; 100000000|inf"),
    ("补贴标准为每人每年1,200—1,500元，每个村（社区）另安排工作经费2万元。", "1200~1500|per=人; 20000|per=村"),
];

/// Sentences with no money: counts, land, weights, volumes, energy, dates, numbers of documents.
const NEGATIVE: &[&str] = &[
    "全市共有养老机构126家，床位1.2万张。",
    "完成人工造林2.3万亩。",
    "2021—2023年，我市连续三年开展专项行动。",
    "联系电话：0851-85551234。",
    "全年办理群众来信1200件。",
    "覆盖人口35万人。",
    "粮食总产量达到12.5亿斤。",
    "港口年吞吐量1.2亿吨。",
    "日供水能力20万吨。",
    "新建保障性住房3200套，建筑面积25万平方米。",
    "全省医保参保人数达4800万。",
    "地区生产总值增长6.5%。",
    "累计接待游客1500万人次。",
    "全市机动车保有量达到120万辆。",
    "全年用电量12亿千瓦时。",
    "万元GDP能耗下降3%。",
    "争取项目资金支持的企业达1.2万家。",
    "资金覆盖群众3.5万人。",
    "享受补贴的农户为2.3万户。",
    "发放补贴的户数为2.3万。",
    "投资建设的2万个充电桩已投用。",
    "总面积1.2万平方公里。",
    "储备地方粮5万吨。",
    "装机容量120万千瓦。",
    "邮编：550001。",
    "2024年1—6月，全市新增就业3.2万人。",
    "根据《关于印发乡村振兴规划（2021-2025年）的通知》要求。",
    "市政协十三届三次会议第2023001号提案。",
    "多元化投入机制逐步形成。",
    "联系人：钱进，电话：13912345678。",
    "资金使用效率提高了3个百分点。",
    "培训农民2.3万人次。",
    "建成5G基站1.2万个。",
    "2024年元月，市县按1:1比例配套。",
    // round two
    "建成区人口密度1.2万人/平方公里。",
    "人均住房面积38平方米。",
    "亩产1200斤。",
    "种植面积达1.5万亩，产量3万吨。",
    "全年出栏生猪12万头。",
    "投资项目共计126个。",
    "资金项目库入库项目1200余个。",
    "发放补贴惠及2.3万余户。",
    "2025年底前完成。",
    "第3页 共12页",
    "附件：1.资金分配表",
    "每年3月集中申报。",
    "引进电子元器件企业12家。",
    "温度控制在20—25℃。",
    "身份证号码530102199001011234。",
    "服务群众1.2亿人次。",
    "资金拨付到1200多家企业。",
    "投资主体超过3000家。",
    "补贴对象2.3万人。",
    "共计下达指标1.2万个。",
    "经费保障1.2万名教师。",
    "项目3-5年内建成。",
    "第1-3批名单已公布。",
    "2023年—2025年分步实施。",
    // round three: other currencies are not yuan
    "实际利用外资1.2亿美元。",
    "引进外资3000万欧元。",
    "签约金额50亿日元。",
    "对港出口2.3亿港元。",
    "接待游客1.2亿。",
    "全市生猪存栏1.2万。",
    "培训人员300万人次。",
    "市场主体突破10万户。",
    // round four: 元 inside other words, classes of scale
    "破除城乡二元结构。",
    "推进三元片区改造。",
    "打造千亿级产业集群。",
    "元旦春节期间开展走访慰问。",
    "构建多元主体参与格局。",
    "新建住宅单元1200户。",
    "其中：男性1.2万、女性1.1万。",
];

#[derive(Debug)]
struct Want {
    yuan: rust_decimal::Decimal,
    yuan_max: Option<rust_decimal::Decimal>,
    q: Opt,
    per: Opt,
    inferred: Option<bool>,
}

#[derive(Debug)]
enum Opt {
    Null,
    Any,
    NonNull,
    Is(String),
}

impl Opt {
    fn parse(s: &str) -> Opt {
        match s {
            "*" => Opt::Any,
            "+" => Opt::NonNull,
            v => Opt::Is(v.to_string()),
        }
    }
    fn accepts(&self, got: &serde_json::Value) -> bool {
        match self {
            Opt::Null => got.is_null(),
            Opt::Any => true,
            Opt::NonNull => got.is_string(),
            Opt::Is(v) => got.as_str() == Some(v.as_str()),
        }
    }
}

fn dec(s: &str) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from_str(s).unwrap_or_else(|_| panic!("bad expectation number {s}"))
}

fn parse_wants(spec: &str) -> Vec<Want> {
    spec.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let mut parts = item.split('|');
            let value = parts.next().unwrap_or_default();
            let (yuan, yuan_max) = match value.split_once('~') {
                Some((lo, hi)) => (dec(lo), Some(dec(hi))),
                None => (dec(value), None),
            };
            let mut w = Want { yuan, yuan_max, q: Opt::Null, per: Opt::Null, inferred: Some(false) };
            for p in parts {
                if let Some(v) = p.strip_prefix("q=") {
                    w.q = Opt::parse(v);
                } else if let Some(v) = p.strip_prefix("per=") {
                    w.per = Opt::parse(v);
                } else if p == "inf" {
                    w.inferred = Some(true);
                } else if p == "inf=*" {
                    w.inferred = None;
                } else {
                    panic!("bad expectation item {p}");
                }
            }
            w
        })
        .collect()
}

fn json_dec(v: &serde_json::Value) -> Option<rust_decimal::Decimal> {
    if v.is_null() {
        return None;
    }
    rust_decimal::Decimal::from_str(&v.to_string()).ok()
}

/// Why `got` differs from `want`, or None when it matches.
fn mismatch(sentence: &str, wants: &[Want], got: &[serde_json::Value]) -> Option<String> {
    let shown: Vec<String> = got
        .iter()
        .map(|a| {
            format!(
                "{} yuan={} max={} q={} per={} inf={}",
                a["text"], a["yuan"], a["yuan_max"], a["qualifier"], a["per"], a["inferred_unit"]
            )
        })
        .collect();
    let bad = || Some(format!("{sentence}\n    want {wants:?}\n    got  {shown:#?}"));
    if wants.len() != got.len() {
        return bad();
    }
    for (w, a) in wants.iter().zip(got) {
        let ok = json_dec(&a["yuan"]) == Some(w.yuan)
            && json_dec(&a["yuan_max"]) == w.yuan_max
            && w.q.accepts(&a["qualifier"])
            && w.per.accepts(&a["per"])
            && w.inferred.is_none_or(|i| a["inferred_unit"].as_bool() == Some(i));
        if !ok {
            return bad();
        }
    }
    None
}

fn amounts(p: &Pipeline, text: &str) -> Vec<serde_json::Value> {
    let record = p.process_text("t", text);
    let v = serde_json::to_value(&record).expect("record serialises");
    v["amounts"].as_array().cloned().unwrap_or_default()
}

#[test]
fn heldout_positive_sentences() {
    let p = pipeline();
    let failures: Vec<String> = POSITIVE
        .iter()
        .filter_map(|(s, spec)| mismatch(s, &parse_wants(spec), &amounts(&p, s)))
        .collect();
    assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), POSITIVE.len(), failures.join("\n"));
}

#[test]
fn heldout_negative_sentences() {
    let p = pipeline();
    let failures: Vec<String> =
        NEGATIVE.iter().filter_map(|s| mismatch(s, &[], &amounts(&p, s))).collect();
    assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), NEGATIVE.len(), failures.join("\n"));
}

/// The table is large enough to mean something and every expectation parses.
#[test]
fn heldout_table_is_well_formed() {
    assert!(POSITIVE.len() >= 60 && NEGATIVE.len() >= 30);
    for (s, spec) in POSITIVE {
        assert!(!parse_wants(spec).is_empty(), "positive sentence without an amount: {s}");
    }
}
