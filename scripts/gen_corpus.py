#!/usr/bin/env python3
"""Build a synthetic benchmark corpus from the fixtures.

usage: gen_corpus.py FIXTURES_DIR OUT_DIR N [SEED]

Each document is a fixture text with varied numbers (digits re-drawn, same length), varied names
(the 2-3 characters before 代表/委员 swapped), varied amounts, and a page break (— k —) inserted at a
random place, so the pipeline never sees the same bytes twice. Encodings: 20% GBK/GB18030, 5%
UTF-16 (LE/BE, with a BOM), the rest UTF-8. Files go 1,000 to a folder, like real dumps.
Deterministic for a given SEED.
"""
import os, random, re, sys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明丽芳军伟强敏静磊洋勇艳杰娟涛超秀英平刚桂兰辉玲红霞文斌波宁浩宇鹏飞亮欣怡晨阳"


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16", "replace")
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("utf-8", "replace")


def templates(fixtures):
    out = []
    for case in sorted(os.listdir(fixtures)):
        p = os.path.join(fixtures, case, "input.txt")
        if os.path.isfile(p):
            text = decode(open(p, "rb").read())
            if len(text) > 200 and "\x00" not in text:
                out.append(text)
    if not out:
        sys.exit(f"no fixture texts under {fixtures}")
    return out


def vary(text, rng):
    text = re.sub(r"\d+", lambda m: "".join(rng.choice("0123456789") if i else rng.choice("123456789")
                                             for i in range(len(m.group()))), text)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    text = re.sub(r"^(\s*)[\u4e00-\u9fff]{2,3}(代表|委员)", lambda m: m.group(1) + name + m.group(2), text, count=1, flags=re.M)
    lines = text.split("\n")
    if len(lines) > 6:
        at = rng.randrange(3, len(lines) - 2)
        line = lines[at]
        cut = rng.randrange(0, max(1, len(line)))
        lines[at] = line[:cut] + f"\n\n— {rng.randrange(2, 9)} —\n\n" + line[cut:]
    return "\n".join(lines)


def encode(text, rng):
    r = rng.random()
    if r < 0.15:
        return text.encode("gbk", "replace")
    if r < 0.20:
        return text.encode("gb18030")
    if r < 0.225:
        return b"\xff\xfe" + text.encode("utf-16-le")
    if r < 0.25:
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode("utf-8")


def main():
    fixtures, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 7)
    base = templates(fixtures)
    total = 0
    for i in range(n):
        d = os.path.join(out, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(d, exist_ok=True)
        data = encode(vary(rng.choice(base), rng), rng)
        total += len(data)
        with open(os.path.join(d, f"{i:07d}.txt"), "wb") as f:
            f.write(data)
    print(f"{n} documents, {total / 1e6:.1f} MB in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
