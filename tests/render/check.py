#!/usr/bin/python3
"""check.py: reads every rendering named in a manifest (render.py's) with
scio-parse, in both output modes, and compares what it gives with the
truth, page by page.

    check.py [--bin PROG] [--results FILE] [--only PREFIX] OUTDIR

OUTDIR is render.py's: OUTDIR/manifest.jsonl and OUTDIR/site/.  Prints,
per transformation kind, "KIND: N/M pages invariant", then one line per
failing rendering (its first difference and how many more), and writes to
--results one line "pass|fail t-render.sh: MARKUP KIND" per combination of
markup and kind (both charsets, every conference).  A page is invariant
when, read with the other pages of its rendering:

  - (page 1) every header field of the doc record is the truth's: kind,
    title, category, summary (when the truth has one), source, published,
    date, time, place, zh_url, speakers and chair (name, honorific, title);
  - the turns starting on it are the truth's, in order: speaker, role,
    outlet, qa, and the text paragraph by paragraph (no paragraph lost,
    none added, no label left in);
  - (turn mode) its turn records carry the conference's title and date,
    and speaker_title when scio-parse gives that field.

Exit status: 0 when every page is invariant, 1 when some are not, 2 on
an error of its own (a missing manifest, scio-parse not found)."""

import argparse
import difflib
import json
import os
import re
from html.parser import HTMLParser
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import transform  # noqa: E402
from render import MARKUPS  # noqa: E402

HEADER_FIELDS = ["kind", "title", "category", "summary", "source", "published",
                 "date", "time", "place", "zh_url"]
BATCH = 1200     # files per scio-parse process (cut at a rendering's end)


def short(v, n=48):
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 4] + "...\""


def run_parse(prog, site, cases, extra):
    """Runs PROG [EXTRA] on the files of CASES, a few processes in all;
    returns (records, stderr text)."""
    recs, errs = [], []
    batch = []

    def flush():
        if not batch:
            return
        p = subprocess.run([prog] + extra + batch, cwd=site,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for line in p.stdout.decode("utf-8", "replace").splitlines():
            try:
                recs.append(json.loads(line))
            except ValueError:
                errs.append("check.py: not JSON: " + line[:80])
        errs.append(p.stderr.decode("utf-8", "replace"))
        if p.returncode not in (0, 2):
            errs.append("check.py: %s exited with status %d" % (prog, p.returncode))
        del batch[:]

    for c in cases:
        if len(batch) + len(c["files"]) > BATCH:
            flush()
        batch.extend(c["files"])
    flush()
    return recs, "".join(errs)


def pair(got, want, n=48):
    """GOT and WANT for a message: two strings that share a long start are
    shown from a little before where they part."""
    if isinstance(got, str) and isinstance(want, str):
        i = 0
        while i < min(len(got), len(want)) and got[i] == want[i]:
            i += 1
        if i > n - 16:
            got, want = "..." + got[i - 12:], "..." + want[i - 12:]
    return "%s, want %s" % (short(got, n), short(want, n))


def paras(text):
    return [p for p in (text or "").split("\n\n")]


def diff_text(got, want):
    """The first paragraph that differs, in words."""
    g, w = paras(got), paras(want)
    for i in range(max(len(g), len(w))):
        if i >= len(g):
            return "paragraph %d lost: %s" % (i + 1, short(w[i]))
        if i >= len(w):
            return "paragraph %d added: %s" % (i + 1, short(g[i]))
        if g[i] != w[i]:
            if w[i] in g[i:]:
                return "paragraph %d added: %s" % (i + 1, short(g[i]))
            if g[i] in w[i:]:
                return "paragraph %d lost: %s" % (i + 1, short(w[i]))
            return "paragraph %d is %s" % (i + 1, pair(g[i], w[i]))
    return None


def compare_turns(got, want):
    """Differences between two lists of turns (of one page), in page order:
    the lists are aligned on their speakers first, so that one turn lost
    or glued to another is named as such and the rest still compared."""
    out = []
    sm = difflib.SequenceMatcher(None, [g.get("speaker") for g in got],
                                 [w["speaker"] for w in want], autojunk=False)
    for op, g1, g2, w1, w2 in sm.get_opcodes():
        if op in ("delete", "replace") and g2 - g1 > w2 - w1:
            for g in got[g1 + (w2 - w1):g2]:
                out.append("extra turn %s: %s" % (short(g.get("speaker")), short(g.get("text"))))
        if op in ("insert", "replace") and w2 - w1 > g2 - g1:
            for w in want[w1 + (g2 - g1):w2]:
                out.append("lost turn %d (%s): %s" % (w["seq"], w["speaker"], short(w["text"])))
        for g, w in zip(got[g1:g2], want[w1:w2]):
            who = "turn %d (%s)" % (w["seq"], w["speaker"])
            for f in ("speaker", "role", "outlet", "qa"):
                if g.get(f) != w[f]:
                    out.append("%s: %s %s" % (who, f, pair(g.get(f), w[f])))
            d = diff_text(g.get("text"), w["text"])
            if d:
                out.append("%s: %s" % (who, d))
    return out


def people(lst):
    return [{"name": p.get("name"), "honorific": p.get("honorific"),
             "title": p.get("title")} for p in (lst or [])]


def check_page(case, k, doc, turns):
    truth = case["truth"]
    out = []
    if doc is None:
        return ["no doc record for %s" % case["doc"]]
    if k == 1:
        for f in HEADER_FIELDS:
            if f == "summary" and truth[f] is None:
                continue
            if doc.get(f) != truth[f]:
                out.append("%s %s" % (f, pair(doc.get(f), truth[f])))
        for f in ("speakers", "chair"):
            g, w = people(doc.get(f)), truth[f]
            if g != w:
                gn = [p["name"] for p in g]
                wn = [p["name"] for p in w]
                if gn != wn:
                    out.append("%s %s, want %s" % (f, short(gn, 60), short(wn, 60)))
                else:
                    bad = [(a, b) for a, b in zip(g, w) if a != b][0]
                    key = [x for x in ("honorific", "title") if bad[0][x] != bad[1][x]][0]
                    out.append("%s %s: %s %s" % (f, bad[1]["name"], key,
                                                 pair(bad[0][key], bad[1][key])))
    got = [t for t in (doc.get("turns") or []) if t.get("page") == k]
    want = [t for t in truth["turns"] if t["page"] == k]
    out += compare_turns(got, want)
    for t in turns:
        if t.get("page") != k:
            continue
        for f in ("title", "date"):
            if t.get(f) != truth[f]:
                out.append("turn record %s: %s %s" % (t.get("seq"), f, pair(t.get(f), truth[f])))
                break
        if "speaker_title" in t:
            w = [x for x in truth["turns"] if x["seq"] == t.get("seq")]
            if w and t["speaker_title"] != w[0]["speaker_title"]:
                out.append("turn record %s speaker_title %s, want %s" % (
                    t.get("seq"), short(t["speaker_title"]), short(w[0]["speaker_title"])))
        if out:
            break
    return out


class Lines(HTMLParser):
    """The lines a reader sees: text split at block elements and <br>."""
    BLOCK = {"p", "div", "br", "h1", "h2", "h3", "li", "td", "tr", "section",
             "article", "header", "footer", "ul", "table", "center"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip = [], [], 0

    def flush(self):
        t = " ".join("".join(self.cur).split())
        if t:
            self.lines.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skip -= 1
        elif tag in self.BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def page_lines(path):
    """The lines of a rendered page, decoded strictly in the charset its
    meta tag declares (GBK, GB2312 and GB18030 as GB18030)."""
    with open(path, "rb") as f:
        raw = f.read()
    m = re.search(rb'charset="?([A-Za-z0-9-]+)', raw[:1024])
    name = m.group(1).decode().lower() if m else "utf-8"
    p = Lines()
    p.feed(raw.decode("gb18030" if name.startswith("gb") else name))
    p.close()
    return p.lines


def self_check(outdir, cases):
    """The renderer's own check, scio-parse aside: the pages of each
    rendering, decoded in the charset they declare, show every label and
    paragraph of the truth in order, each on a line of its own (a
    paragraph may follow its label on one line).  The UTF-8 copies hold
    the same text as the GBK ones: only their untransformed renderings are
    read.  Returns the problems."""
    bad = []
    for c in cases:
        if c["charset"] == "utf-8" and c["kind"] != "none":
            continue    # the same text as its GBK copy, checked there
        lines = []
        try:
            for rel in c["files"]:
                lines += page_lines(os.path.join(outdir, "site", rel))
        except (OSError, UnicodeDecodeError) as e:
            bad.append("%s: %s" % (c["case"], e))
            continue
        want = []
        for t in c["truth"]["turns"]:
            ps = paras(t["text"])
            want.append((t["speaker"] + ":", t["speaker"] + ": " + ps[0]))
            want.extend((x, None) for x in ps)
        at, i = 0, 0
        while i < len(want):
            x, inline = want[i]
            while at < len(lines) and lines[at] != x and lines[at] != inline:
                at += 1
            if at == len(lines):
                bad.append("%s: not found in order: %s" % (c["case"], short(x)))
                break
            # a label's line may hold its first paragraph too
            i += 2 if lines[at] == inline else 1
            at += 1
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--bin", default="scio-parse")
    ap.add_argument("--results", help="append pass/fail lines for the suite here")
    ap.add_argument("--only", help="check only the renderings whose name starts so")
    ap.add_argument("--self", action="store_true",
                    help="check the renderings themselves (no scio-parse): "
                         "every label and paragraph of the truth shows, in order")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="every difference of every failing page, not only the first")
    args = ap.parse_args()

    try:
        with open(os.path.join(args.outdir, "manifest.jsonl"), encoding="utf-8") as f:
            cases = [json.loads(l) for l in f]
    except OSError as e:
        sys.stderr.write("check.py: %s\n" % e)
        return 2
    if "/" in args.bin:
        args.bin = os.path.abspath(args.bin)    # scio-parse runs in the site's directory
    if args.only:
        cases = [c for c in cases if c["case"].startswith(args.only)]
    if args.self:
        bad = self_check(args.outdir, cases)
        for b in bad:
            print(b)
        print("self-check: %d renderings, %d problems" % (
            sum(1 for c in cases if c["charset"] != "utf-8" or c["kind"] == "none"), len(bad)))
        return 1 if bad else 0
    site = os.path.join(args.outdir, "site")
    try:
        docs, derr = run_parse(args.bin, site, cases, ["--docs"])
        trecs, terr = run_parse(args.bin, site, cases, [])
    except OSError as e:
        sys.stderr.write("check.py: %s: %s\n" % (args.bin, e))
        return 2
    with open(os.path.join(args.outdir, "stderr.txt"), "w", encoding="utf-8") as f:
        f.write(derr + terr)

    by_doc, turns_by_doc = {}, {}
    for d in docs:
        if d.get("type") == "doc":
            by_doc.setdefault(d.get("doc"), d)
    for t in trecs:
        if t.get("type") == "turn":
            turns_by_doc.setdefault(t.get("doc"), []).append(t)

    kinds = {}            # kind -> [invariant pages, pages]
    base_ok = {}          # (markup, charset, conf, page) -> right untransformed
    broke = {}            # kind -> [right untransformed, of which now wrong]
    combos = {}           # (markup, kind) -> first failure or None
    lines = []
    for c in cases:
        doc = by_doc.get(c["doc"])
        turns = turns_by_doc.get(c["doc"], [])
        n = kinds.setdefault(c["kind"], [0, 0])
        combos.setdefault((c["markup"], c["kind"]), None)
        fails = []
        for k in range(1, len(c["files"]) + 1):
            if not c["applied"][k - 1]:
                continue
            n[1] += 1
            diffs = check_page(c, k, doc, turns)
            if diffs:
                fails.append((k, diffs))
            else:
                n[0] += 1
            where = (c["markup"], c["charset"], c["conf"], k)
            if c["kind"] == "none":
                base_ok[where] = not diffs
            elif base_ok.get(where):
                b = broke.setdefault(c["kind"], [0, 0])
                b[0] += 1
                b[1] += 1 if diffs else 0
        if fails:
            k, diffs = fails[0]
            more = sum(len(d) for _, d in fails) - 1
            msg = "%s p%d: %s%s" % (c["case"], k, diffs[0],
                                     " (+%d more)" % more if more else "")
            lines.append("FAIL " + msg)
            if args.verbose:
                lines.append("    by hand: (cd %s && scio-parse --docs %s)" % (
                    site, " ".join(c["files"])))
                for k, diffs in fails:
                    lines.extend("    p%d: %s" % (k, d) for d in diffs)
            # For the suite, the first failure the transformation caused
            # (on a page that is right untransformed) says most.
            combo = combos[(c["markup"], c["kind"])]
            if combo is None:
                combo = combos[(c["markup"], c["kind"])] = [None, msg]
            for k, diffs in fails:
                if combo[0] is None and base_ok.get((c["markup"], c["charset"], c["conf"], k)):
                    combo[0] = "%s p%d: %s" % (c["case"], k, diffs[0])

    order = transform.KINDS
    for kind in sorted(kinds, key=lambda x: order.index(x) if x in order else 99):
        b = broke.get(kind)
        print("%s: %d/%d pages invariant%s" % (
            kind, kinds[kind][0], kinds[kind][1],
            "; of the %d right untransformed, %d broke" % tuple(b) if b else ""))
    for l in lines:
        print(l)
    if args.results:
        with open(args.results, "w", encoding="utf-8") as f:
            for (markup, kind), combo in sorted(combos.items(), key=lambda x: (
                    MARKUPS.index(x[0][0]), order.index(x[0][1]))):
                msg = ""
                if combo:
                    msg = combo[0] or combo[1]
                    if kind != "none" and combo[0] is None:
                        msg = "(as untransformed) " + msg
                f.write("%s\t%s/%s\t%s\n" % ("fail" if combo else "pass", markup, kind, msg))
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
