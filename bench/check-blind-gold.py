#!/usr/bin/env python3
"""Checks blind.gold.json against texts/: names, chrome lines, mustKeep sentences and metrics.

Run from anywhere: python3 bench/check-blind-gold.py blind2|blind3
"""
import json, re, sys, unicodedata
from collections import Counter
from pathlib import Path

import sys

# What each set's author checked. blind3 added expansions (PBT TT, CT Hội Nông dân) and stricter
# checks (eventDate format, widget date placement, keys, no people or sentences reused from the
# sets before it); blind2 is checked exactly as it was written.
BASE_EXPANDED = ("Tỉnh ủy viên", "Bí thư Huyện ủy", "Phó Bí thư Huyện ủy", "Chủ tịch UBND huyện", "Chủ tịch HĐND huyện", "Phó Chủ tịch UBND huyện")
SETTINGS = {
    "blind2": {"expanded": BASE_EXPANDED, "strict": False},
    "blind3": {"expanded": BASE_EXPANDED + ("Phó Bí thư Thường trực Huyện ủy", "Chủ tịch Hội Nông dân huyện"), "strict": True},
}
SET = sys.argv[1] if len(sys.argv) > 1 else ""
if SET not in SETTINGS:
    sys.exit(f"usage: check-blind-gold.py {'|'.join(SETTINGS)}")
BENCH = Path(__file__).resolve().parent
HERE = BENCH / SET
EARLIER = [d for d in ("blind", "blind2", "blind3") if d < SET]
gold = json.loads((HERE / "blind.gold.json").read_text(encoding="utf-8"))

# old/new tone placement, so 'uỷ' matches 'ủy' etc.
TONE = {"uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
        "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
        "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"}

def norm(s):
    s = unicodedata.normalize("NFC", s).lower().replace("\u00a0", " ")
    for a, b in TONE.items():
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()

NUM = r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?"
MULT = r"((?:\s*(?:nghìn|ngàn|triệu|tỷ|tỉ))*)"
UNIT = r"\s*(%|đồng|ha|tấn|hộ)(?![\wà-ỹ])"
MULTS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

def value(intpart, dec, mult):
    v = float(intpart.replace(".", "") + ("." + dec if dec else ""))
    for w in mult.split():
        v *= MULTS[w]
    return round(v, 6)

def figures(text):
    """Returns (single figures, range/ratio ends) as Counters of (value, unit)."""
    singles, ends = Counter(), Counter()
    spans = []
    # ranges 'A - B unit', 'A – B unit' and ratios 'A/B unit'
    for m in re.finditer(NUM + MULT + r"\s*(?:-|–|/)\s*" + NUM + MULT + UNIT, text):
        a = value(m.group(1), m.group(2), m.group(3) or m.group(6))
        b = value(m.group(4), m.group(5), m.group(6))
        u = m.group(7)
        ends[(a, u)] += 1; ends[(b, u)] += 1
        spans.append(m.span())
    for m in re.finditer(NUM + MULT + UNIT, text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        # skip the second number of a date like 15/5 or a 'x/y' we already handled
        if m.start() > 0 and text[m.start() - 1] in "/.,-":
            continue
        singles[(value(m.group(1), m.group(2), m.group(3)), m.group(4))] += 1
    return singles, ends

# titles that appear in the text only as informal abbreviations (TUV, BT/PBT/PBT TT huyện uỷ, CT/PCT ...)
EXPANDED = SETTINGS[SET]["expanded"]

problems = 0
def bad(f, msg):
    global problems
    problems += 1
    print(f"  [{f}] {msg}")

texts = sorted((HERE / "texts").glob("*.txt"))
assert [t.name for t in texts] == sorted(gold["seeds"]), "texts and gold keys differ"
n_off = n_not = n_met = 0
for t in texts:
    f = t.name
    raw = unicodedata.normalize("NFC", t.read_text(encoding="utf-8"))
    g = gold["seeds"][f]
    N = norm(raw)
    lines = [norm(re.sub(r"^[\s•·\-*]+", "", l)) for l in raw.splitlines()]
    chrome = set(norm(c) for c in g["chrome"])
    body = "\n".join(l for l, rl in zip(lines, raw.splitlines()) if norm(re.sub(r"^[\s•·\-*]+", "", rl)) not in chrome)
    # names
    for o in g["officials"]:
        n_off += 1
        if norm(o["name"]) not in N: bad(f, f"official not in text: {o['name']}")
        for ti in o["titles"]:
            if norm(ti) not in N and ti not in EXPANDED:
                bad(f, f"title not verbatim in text: {o['name']}: {ti}")
    for p in g["notOfficials"]:
        n_not += 1
        if norm(p) not in N: bad(f, f"notOfficial not in text: {p}")
    offn = [norm(o["name"]) for o in g["officials"]]
    if len(set(offn)) != len(offn): bad(f, "duplicate official")
    for a in g["authors"]:
        if norm(a) not in N: bad(f, f"author not in text: {a}")
    for d in g["districts"]:
        if norm(d) not in norm(body): bad(f, f"district not in body: {d}")
    if g.get("creditedSource") and norm(g["creditedSource"]) not in N: bad(f, "creditedSource not in text")
    if g["province"] and norm(g["province"]) not in norm(body) and "provinceNote" not in g:
        bad(f, "province not in text and no provinceNote")
    for d in g["documents"]:
        if norm(d["number"]) not in N: bad(f, f"document not in text: {d['number']}")
    if g["title"] is not None and norm(g["title"]) not in lines: bad(f, "title is not a line")
    for c in g["chrome"]:
        if norm(c) not in lines and not (c.startswith("date ") and N.startswith(norm(c))):
            bad(f, f"chrome not a line: {c!r}")
    for k in g["mustKeep"]:
        if k not in raw: bad(f, f"mustKeep not verbatim: {k[:60]}")
    # metrics
    singles, ends = figures(body)
    gm = Counter((round(float(m["value"]), 6), m["unit"]) for m in g["metrics"])
    ga = Counter((round(float(m["value"]), 6), m["unit"]) for m in g["allowedExtraMetrics"])
    n_met += sum(gm.values())
    for k, c in gm.items():
        if singles[k] + ends[k] < c: bad(f, f"gold metric not found {c}x in text: {k} (found {singles[k]})")
    for k, c in singles.items():
        if k not in gm and k not in ga: bad(f, f"figure in text not in gold: {k}")
        elif k in gm and c > gm[k] and k not in ga: bad(f, f"figure occurs {c}x but gold lists {gm[k]}x: {k}")
    for k in ends:
        if k not in ga and k not in gm: bad(f, f"range/ratio end not in allowedExtraMetrics: {k}")
    for k in ga:
        if k not in ends and k not in singles: bad(f, f"allowedExtra not in text: {k}")
    for key in ("publishedAt", "publishedAtNot"):
        v = g.get(key)
        if v and not re.fullmatch(r"\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}:\d{2}\+07:00)?)?", v): bad(f, f"bad {key}: {v}")

    if not SETTINGS[SET]["strict"]:
        continue
    # stricter checks: eventDate format, widget date really is a line, districts not only in chrome
    ev = g.get("eventDate")
    if ev is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", ev): bad(f, f"bad eventDate: {ev}")
    if "publishedAtNot" in g:
        y, m, d = g["publishedAtNot"].split("-")
        if not any(f"{d}/{m}/{y}" in l for l in raw.splitlines()[:3]): bad(f, "publishedAtNot widget not in the first lines")
    for key in ("title", "publishedAt", "eventDate", "authors", "province", "districts", "officials", "notOfficials",
                "documents", "metrics", "allowedExtraMetrics", "chrome", "mustKeep", "portalHint"):
        if key not in g and not (key == "publishedAt" and "publishedAtNot" in g): bad(f, f"missing key {key}")
    for o in g["officials"]:
        if norm(o["name"]) in [norm(p) for p in g["notOfficials"]]: bad(f, f"both official and notOfficial: {o['name']}")

def check_reuse():
    # no reuse of people from earlier sets; no sentence copied from the seeds or earlier sets.
    # Title strings and stock phrases do overlap (8-word shingles, printed for information); a shared run of
    # 16 or more words inside one sentence counts as copying.
    earlier_names, earlier_sents = set(), []
    for gp in [BENCH / d / "blind.gold.json" for d in EARLIER] + [Path("/work/shared/gold/seeds.gold.json")]:
        if gp.exists():
            for v in json.loads(gp.read_text(encoding="utf-8"))["seeds"].values():
                earlier_names.update(norm(o["name"]) for o in v["officials"])
                earlier_names.update(norm(p) for p in v["notOfficials"] + v["authors"])
    def sentences(text):
        return [re.findall(r"[\wà-ỹ]+", x) for x in re.split(r"[.;:!?\n]", norm(text))]
    for d in [BENCH / e / "texts" for e in EARLIER] + [Path("/work/shared/seeds")]:
        if d.exists():
            for p in sorted(d.glob("*.txt")):
                earlier_sents += sentences(p.read_text(encoding="utf-8"))
    def grams(sents, n):
        return {" ".join(w[i:i + n]) for w in sents for i in range(len(w) - n + 1)}
    old8, old16 = grams(earlier_sents, 8), grams(earlier_sents, 16)
    shared8 = 0
    for t in texts:
        g = gold["seeds"][t.name]
        for p in [o["name"] for o in g["officials"]] + g["notOfficials"] + g["authors"]:
            if norm(p) in earlier_names:
                bad(t.name, f"person reused from an earlier set: {p}")
        mine = sentences(t.read_text(encoding="utf-8"))
        shared8 += len(grams(mine, 8) & old8)
        copied = grams(mine, 16) & old16
        if copied: bad(t.name, f"copied run of 16+ words: {sorted(copied)[0]}")
    print(f"(info) 8-word shingles shared with seeds/earlier sets, all texts: {shared8} (title strings, stock phrases)")


if SETTINGS[SET]["strict"]:
    check_reuse()

print(f"{len(texts)} texts, {n_off} officials, {n_not} notOfficials, {n_met} metrics; problems: {problems}")
sys.exit(1 if problems else 0)
