#!/usr/bin/env python3
"""Write the encoding and scan variants among the fixtures (fixtures/README.md lists them).

    python3 scripts/make_fixture_variants.py      # from the repository root; rewrites the variants

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
  gb18030-rare-name    GB18030 with a 4-byte sequence (the addressee's name has U+3400 㐀)
  utf8-bom-crlf        UTF-8 with a BOM and CRLF line ends
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


SOURCES = {}  # filled below: case -> (text, encoder)


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


if __name__ == "__main__":
    sys.exit(main())
