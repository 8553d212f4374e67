#!/usr/bin/python3
"""stats-check.py CORPUS TSV [OPTION]...: checks scio-stats' TSV output
against counts computed here, independently, from the turn records.

The options are scio-stats' own (--by, --count, -e, -i, --per, --share,
--summary); the script understands the few the tests use.  Exits 1 with
the first difference.
"""
import csv, json, re, sys


def is_han(o):
    return (0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or
            0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF)


def is_space(o):
    return o in (0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000) or 0x2000 <= o <= 0x200B


PUNCT = [(0x2000, 0x2BFF), (0x3000, 0x303F), (0xFE30, 0xFE4F), (0xFF00, 0xFF0F),
         (0xFF1A, 0xFF20), (0xFF3B, 0xFF40), (0xFF5B, 0xFF65), (0xFFFD, 0xFFFD)]


def letter(c):
    o = ord(c)
    if o < 0x80:
        return c.isascii() and c.isalnum()
    if o < 0xC0 or o in (0xD7, 0xF7):
        return False
    return not any(a <= o <= b for a, b in PUNCT)


def words(s):
    n, run = 0, False
    for c in s or "":
        o = ord(c)
        if is_space(o) or is_han(o):
            n += run
            run = False
            n += is_han(o)
        elif letter(c):
            run = True
    return n + run


MINISTERS = ("minister of ", "vice minister of ", "deputy minister of ",
             "assistant minister of ")


def agency(title):
    if not title:
        return None
    t = re.split(r"[,;(]", title, maxsplit=1)[0]
    m = list(re.finditer(r" (of|for) the ", t))
    if m:
        body = t[m[-1].end():].rstrip(" ")
        return body if body[:1].isupper() else None
    for p in MINISTERS:
        if t.lower().startswith(p) and len(t) > len(p):
            return "Ministry of " + t[len(p):]
    return None


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def field(t, name):
    d = t.get("date")
    ok = isinstance(d, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", d)
    if name == "year":
        return d[:4] if ok else None
    if name == "month":
        return d[:7] if ok else None
    if name == "weekday":
        import datetime
        return DAYS[datetime.date.fromisoformat(d).weekday()] if ok else None
    if name == "agency":
        return agency(t.get("speaker_title"))
    v = t.get(name)
    if v is None:
        return None
    return v if isinstance(v, str) else json.dumps(v)


def main():
    corpus, out, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    by, count, pats, icase, per = [], "turns", [], False, 0
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--by":
            by = args[i + 1].split(","); i += 1
        elif a == "--count":
            count = args[i + 1]; i += 1
        elif a == "-e":
            pats.append(args[i + 1]); i += 1
        elif a == "-i":
            icase = True
        elif a == "--per":
            per = int(args[i + 1]); i += 1
        i += 1
    rx = re.compile("|".join(pats), re.I if icase else 0) if pats else None
    n, w, seen = {}, {}, {}
    for line in open(corpus, encoding="utf-8"):
        t = json.loads(line)
        qa = t.get("qa") if isinstance(t.get("qa"), int) else -1
        if count == "questions" and not (qa > 0 and t.get("role") == "media"):
            continue
        if count == "exchanges" and qa <= 0:
            continue
        key = tuple(field(t, f) for f in by)
        n.setdefault(key, 0)
        seen.setdefault(key, set())
        w[key] = w.get(key, 0) + words(t.get("text"))
        hits = len(rx.findall(t.get("text") or "")) if rx else 1
        if hits == 0:
            continue
        if count == "turns":
            n[key] += 1
        elif count == "hits":
            n[key] += hits
        elif count == "words":
            n[key] += words(t.get("text"))
        elif count in ("questions", "exchanges"):
            if (t["doc"], qa) not in seen[key]:
                seen[key].add((t["doc"], qa))
                n[key] += 1
        elif count == "conferences":
            if t["doc"] not in seen[key]:
                seen[key].add(t["doc"])
                n[key] += 1
    want = {}
    for key, v in n.items():
        row = [v]
        if per:
            row.append("%.2f" % (v / w[key] * per if w[key] else 0))
        want[tuple("" if k is None else k for k in key)] = row
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    head, rows = rows[0], rows[1:]
    assert head[:len(by)] == by, head
    got = {}
    for r in rows:
        key = tuple(r[:len(by)])
        assert key not in got, "row twice: %r" % (key,)
        got[key] = [int(r[len(by)])] + r[len(by) + 1:]
    for key in sorted(set(want) | set(got), key=repr):
        if want.get(key) != got.get(key):
            sys.exit("%s: %r: want %r, got %r" % (" ".join(args), key,
                                                  want.get(key), got.get(key)))


main()
