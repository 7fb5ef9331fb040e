#!/usr/bin/env python3
"""Write the encoding and scan variants among the fixtures (fixtures/README.md lists them).

    python3 scripts/make_fixture_variants.py          # rewrites the variants' bytes
    python3 scripts/make_fixture_variants.py --check  # checks every fixtures/*/expected.json (below)

--check is a sanity net for people writing fixtures, not a test of dafu: every expected.json parses,
uses only keys of the record (../shared/RECORD.md), holds normalized strings (no full-width ASCII),
valid ISO dates and measures numbered 1..n, and every name, title, subject, heading, cc entry,
amount text and reference it states occurs in the document's text (spaces, page numbers and bracket
variants aside).

Only the *bytes* of a variant are generated here. Every variant's expected.json is the seed's
(or, for the hand-written documents below, was written by reading the text), plus the `source`
fields its encoding implies. Nothing here runs dafu.

Variants of the seed (fixtures/seed/input.txt):
  seed-gbk             GBK bytes, no BOM                  -> GBK, detected
  seed-utf16le         UTF-16LE with a BOM                -> UTF-16LE, bom
  seed-utf16be-nobom   UTF-16BE without a BOM             -> UTF-16BE, utf16-heuristic
  seed-scan            UTF-8, hard-wrapped at 30 characters per line, page numbers inserted
                       mid-sentence and mid-word, full-width digits and letters in places,
                       〔〕 read as [] by the OCR, paragraphs indented with U+3000
Hand-written documents whose bytes need an encoding a text editor will not keep:
  big5-tw-reply        Big5 (traditional characters)
  gb18030-rare-name    GB18030 with a 4-byte sequence (the addressee's name has U+36C3 㛃)
  utf8-bom-crlf        UTF-8 with a BOM and CRLF line ends
  utf16le-nobom-ten-names  UTF-16LE without a BOM
  utf8-invalid-bytes   UTF-8 with two stray 0xFF bytes in the body
The texts of the hand-written ones live in this script (SOURCES) so the bytes can be regenerated.
"""
import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures")


def write(case, data, expected=None):
    d = os.path.join(ROOT, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input.txt"), "wb") as f:
        f.write(data)
    if expected is not None:
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2)
            f.write("\n")


def with_source(expected, **source):
    e = json.loads(json.dumps(expected))
    e["source"] = source
    return e


FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZ"}


def fullwidth(s):
    return "".join(FULLWIDTH.get(c, c) for c in s)


def wrap(par, width=30):
    return [par[i:i + width] for i in range(0, len(par), width)] or [""]


def scan_variant(text):
    """The seed as an OCR'd print-out: see the module docstring."""
    # OCR quirks first, on the flat text.
    text = text.replace("邵市发改函〔2024〕77号", "邵市发改函[2024]77号")
    text = text.replace("A1类", fullwidth("A1") + "类")
    text = text.replace("1579.2万元", fullwidth("1579.2") + "万元")
    text = text.replace("15842986508", fullwidth("15842986508"))
    text = text.replace("2024年已安排10万元", "2024年已安排" + fullwidth("10") + "万元")
    # Page breaks where the print-out's pages end: mid-word (万|元, 智能制|造).
    breaks = {"7803万": "\n\n— 2 —\n\n", "智能制": "\n\n- 3 -\n\n"}
    out = []
    prev = ""
    for par in text.split("\n"):
        if not par.strip():
            out.append(par)
            continue
        # Indent only where a paragraph really starts: the seed's own page-break splits
        # (功能定位，|牵头…) continue a sentence and must stay unindented.
        body = len(par) > 30 and prev.endswith(("。", "：", "！"))
        prev = par
        pieces = [par]
        for at, mark in breaks.items():
            new = []
            for p in pieces:
                if at in p:
                    a, b = p.split(at, 1)
                    new += [a + at, mark, b]
                else:
                    new.append(p)
            pieces = new
        lines = []
        first = True
        for p in pieces:
            if p.startswith("\n"):
                lines.append(p.strip("\n"))
                continue
            if first and body:
                p = "\u3000\u3000" + p
            first = False
            lines += wrap(p)
        # A page-number line stands between blank lines, as a scanned page footer/header does.
        joined = []
        for ln in lines:
            if ln.startswith(("— ", "- ")):
                joined += ["", ln, ""]
            else:
                joined.append(ln)
        out.append("\n".join(joined))
    return "\n".join(out)


SOURCES = {}  # case -> (text, function turning the text into the fixture's bytes)

SOURCES["big5-tw-reply"] = ("""廈門市文化和旅遊局

廈文旅函〔2023〕88號

關於市政協十四屆二次會議第215號提案的答覆

林志明委員：

　　您提出的《關於加強閩南文化生態保護區建設的提案》收悉。經認真研究，現答覆如下：

　　一、完善保護體系。我局會同市直有關部門制定閩南文化生態保護區建設實施方案，建立市、區兩級非物質文化遺產代表性項目名錄，全市現有國家級非遺代表性項目14項、省級62項。

　　二、加大資金投入。2023年市財政安排閩南文化生態保護專項資金1600萬元，用於傳承人補助、傳習所建設和非遺展示活動。

　　三、推動活態傳承。在中小學開設南音、歌仔戲等特色課程，支持傳承人開展收徒傳藝活動，培養年輕一代傳承人。

　　感謝您對我市文化工作的關心和支持！

　　　　　　　　　　　　　　　　廈門市文化和旅遊局
　　　　　　　　　　　　　　　　2023年7月12日

聯繫人：陳美玲　電話：0592-5361288
""", lambda t: t.encode("big5"))

# 㛃 (U+36C3, CJK extension A) has no two-byte GBK code: GB18030 writes it as 0x82 0x30 0xB7 0x31.
SOURCES["gb18030-rare-name"] = ("""宁远县农业农村局

宁农函〔2023〕52号

对县十八届人大三次会议第27号建议的答复

李㛃代表：

　　您提出的《关于扶持油茶产业发展的建议》收悉，现答复如下：

　　1、扩大种植面积。将油茶产业列为全县农业主导产业，2023年新造油茶林1.2万亩，低产林改造3.5万亩，全县油茶林总面积达到28万亩。

　　2、落实扶持资金。2023年争取中央和省级油茶产业发展资金1865万元，按每亩200元的标准对新造油茶林给予补助，补助资金直接发放到种植主体。

　　3、培育龙头企业。支持本地油茶加工企业开展精深加工，引导企业与合作社、农户建立利益联结机制，带动2300余户农户增收。

　　下一步，我局将继续加大政策扶持力度，推动油茶产业高质量发展。

　　感谢您对全县农业农村工作的关心和支持！

　　　　　　　　　　　　　　　　　　宁远县农业农村局
　　　　　　　　　　　　　　　　　　二〇二三年十一月三日

经办人：周  涛　　电话：0746-7221567
""", lambda t: t.encode("gb18030"))

SOURCES["utf8-bom-crlf"] = ("""主动公开

深圳市龙岗区城市管理和综合执法局

深龙城管函〔2023〕156号

关于区政协七届二次会议第23号提案的答复

尊敬的何文杰委员：

　　您提出的《关于加快推进垃圾分类设施建设的提案》收悉。现答复如下：

　　一、设施建设方面。2023年，我区新建、改造生活垃圾分类集中投放点860个，在住宅小区配置厨余垃圾就地处理设备42台（套），总投资2860万元。

　　二、宣传引导方面。组织开展垃圾分类进社区、进学校、进企业活动1200余场，覆盖居民约35万人。

　　三、监督执法方面。对未按规定分类投放的单位依法责令整改，全年立案查处违法行为316宗。

　　下一步，我局将持续完善分类设施，巩固提升垃圾分类工作成效。

　　感谢您对城市管理工作的关心和支持！

　　　　　　　　　　　　　　深圳市龙岗区城市管理和综合执法局
　　　　　　　　　　　　　　2023年5月26日

审核人：赵明远

联系人：钟晓丽，电话：13760281345/13510276698

抄送：区政协提案委（2份），区政府督查室（1份）
""", lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"))

SOURCES["utf16le-nobom-ten-names"] = ("""同意公开

阳新县市场监督管理局

阳市监函〔2024〕17号

关于对县十九届人大四次会议第10号建议的答复

王芳、李强、张伟、刘敏、陈杰、杨洋、赵磊、黄丽、周涛、吴刚代表：

　　你们提出的“关于加强农村集贸市场管理的建议”（第10号建议）收悉。现将办理情况答复如下：

　　一、开展市场环境整治。2024年以来，联合乡镇对全县23个农村集贸市场开展环境卫生和经营秩序整治，清理占道经营摊点410处。

　　二、加强计量和食品安全监管。对市场内在用电子秤开展免费检定，检定计量器具1860台件；抽检蔬菜、水产品等食用农产品样品520批次。

　　三、推进市场升级改造。争取省级农贸市场改造提升资金150万元，完成富池镇、兴国镇等3个集贸市场改造。

　　感谢各位代表对市场监管工作的关心和支持！

　　　　　　　　　　　　　　　　　　阳新县市场监督管理局
　　　　　　　　　　　　　　　　　　2024年4月30日

联系人：柯文华　　联系电话：0714-7321645
""", lambda t: t.encode("utf-16-le"))

# Two stray 0xFF bytes (never valid in UTF-8): each decodes to one U+FFFD.
SOURCES["utf8-invalid-bytes"] = ("""绍兴市经济和信息化局

绍市经信函〔2021〕19号

对市八届人大五次会议第7号建议的答复

沈建华代表：

　　您提出的《关于支持纺织印染产业转型升级的建议》收悉。现答复如下：

　　一、推进集聚提升。全市印染企业已由跨区域集聚前的212家整合为108家，集聚后企业亩均税收明显提高。\udcff

　　二、加大技改投入。2020年，市级工业发展专项资金中安排1亿2千万元用于支持印染企业智能化改造和绿色化提升。

　　三、强化要素保障。对列入省市重点的印染技改项目优先保障用能指标，\udcff推动企业实施节能降耗改造。

　　感谢您对全市经济和信息化工作的关心和支持！

　　　　　　　　　　　　　　　　　　绍兴市经济和信息化局
　　　　　　　　　　　　　　　　　　2021年3月8日

联系人：王  磊　联系电话：0575-85201376
""", lambda t: t.encode("utf-8", "surrogateescape"))


def main():
    seed_dir = os.path.join(ROOT, "seed")
    with open(os.path.join(seed_dir, "input.txt"), "rb") as f:
        seed = f.read().decode("utf-8")
    with open(os.path.join(seed_dir, "expected.json"), encoding="utf-8") as f:
        exp = json.load(f)

    write("seed-gbk", seed.encode("gbk"),
          with_source(exp, encoding="GBK", encoding_method="detected", malformed=0))
    write("seed-utf16le", b"\xff\xfe" + seed.encode("utf-16-le"),
          with_source(exp, encoding="UTF-16LE", encoding_method="bom", malformed=0))
    write("seed-utf16be-nobom", seed.encode("utf-16-be"),
          with_source(exp, encoding="UTF-16BE", encoding_method="utf16-heuristic", malformed=0))
    write("seed-scan", scan_variant(seed).encode("utf-8"),
          with_source(exp, encoding="UTF-8", encoding_method="utf8", malformed=0))

    for case, (text, encode) in SOURCES.items():
        write(case, encode(text))
    return 0


# ---- --check ---------------------------------------------------------------------------------

RECORD_KEYS = {
    "disclosure": None, "classification": None, "issuer": None, "title": None, "subject": None,
    "addressee_count": None, "next_steps": None, "cc": None, "signer": None, "date": None,
    "doc_number": {"text", "agency_code", "year", "serial", "warnings"},
    "proposal": {"body", "level", "term", "session", "number", "kind"},
    "addressees": {"name", "role"},
    "measures": {"index", "heading", "points", "line"},
    "amounts": {"text", "yuan", "yuan_max", "qualifier", "inferred_unit", "per", "label", "measure", "line"},
    "contacts": {"role", "name", "phones"},
    "references": {"title", "doc_number"},
    "source": {"path", "bytes", "sha256", "encoding", "encoding_method", "malformed"},
}
DISCLOSURES = {"主动公开", "依申请公开", "不予公开", "同意公开", "不同意公开", None}
# Cases whose bytes are neither UTF-8 nor marked by a BOM: the codec a reader would use.
CODECS = {"seed-gbk": "gbk", "gb18030-rare-name": "gb18030", "big5-tw-reply": "big5",
          "seed-utf16be-nobom": "utf-16-be", "utf16le-nobom-ten-names": "utf-16-le",
          "aa-swj-national-gbk": "gbk", "ab-forestry-scan-gbk": "gbk", "am-ybj-gbk": "gbk",
          "am-lcj-scan-gbk": "gbk"}


def fold(s):
    return "".join(" " if c == "\u3000" else chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c
                   for c in s)


def read_text(case, raw):
    if case in CODECS:
        return raw.decode(CODECS[case])
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le")
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be")
    return raw.decode("utf-8-sig", "replace")


def check():
    import datetime
    import re
    problems = []
    cases = sorted(c for c in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, c)))
    for case in cases:
        def bad(msg):
            problems.append(f"{case}: {msg}")
        try:
            with open(os.path.join(ROOT, case, "expected.json"), encoding="utf-8") as f:
                exp = json.load(f)
            with open(os.path.join(ROOT, case, "input.txt"), "rb") as f:
                text = read_text(case, f.read())
        except (OSError, ValueError) as e:
            bad(str(e))
            continue
        if json.dumps(exp, ensure_ascii=False) != fold(json.dumps(exp, ensure_ascii=False)):
            bad("full-width ASCII in a string: write the normalized form")
        for key, value in exp.items():
            if key not in RECORD_KEYS:
                bad(f"{key} is not a record key")
                continue
            sub = RECORD_KEYS[key]
            if sub is None or value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                for k in item:
                    if k not in sub:
                        bad(f"{key}.{k} is not a record key")
        if exp.get("disclosure") not in DISCLOSURES:
            bad(f"disclosure {exp['disclosure']} is not canonical")
        if exp.get("date"):
            try:
                datetime.date.fromisoformat(exp["date"])
            except ValueError:
                bad(f"date {exp['date']} is not a valid ISO date")
        if [m["index"] for m in exp.get("measures") or []] != list(range(1, len(exp.get("measures") or []) + 1)):
            bad("measures are not numbered 1..n")
        flat = re.sub(r"\s+", "", fold(text))
        flat = re.sub(r"[-—]\d+[-—]|第\d+页(共\d+页)?", "", flat)
        flat = re.sub(r"[\[(【﹝〔]\s*(\d{4})\s*[\])】﹞〕]", r"〔\1〕", flat)
        stated = [exp.get(k) for k in ("issuer", "title", "subject", "signer")]
        stated += [a.get("name") for a in exp.get("addressees") or []]
        stated += [c.get("name") for c in exp.get("contacts") or []]
        stated += list(exp.get("cc") or [])
        stated += [m.get("heading") for m in exp.get("measures") or []]
        stated += [a.get("text") for a in exp.get("amounts") or []]
        stated += [r.get(k) for r in exp.get("references") or [] for k in ("title", "doc_number")]
        stated += [(exp.get("doc_number") or {}).get("text")]
        for s in stated:
            if s is not None and re.sub(r"\s+", "", s) not in flat:
                bad(f"'{s}' does not occur in the text")
    for p in problems:
        print(p)
    print(f"{len(cases)} cases, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(check() if sys.argv[1:] == ["--check"] else main())
