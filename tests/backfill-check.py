#!/usr/bin/python3
"""backfill-check: what the backfill scale test checks, against the
truth tests/archive-server.py tells (standard library only).

    backfill-check.py whole MANIFEST TURNS
        every conference of MANIFEST (archive-server.py --manifest) is in
        TURNS (scio-parse's turn records) whole, and nothing else is: its
        turns numbered 0..n-1 in order, as many as the archive holds, on
        pages 1..K in order, each page present; no turn twice.
    backfill-check.py once URLS LOG
        the server's LOG shows each of URLS (archive-server.py --urls)
        answered 200 exactly once, and no other page asked for
        (/robots.txt aside).
    backfill-check.py conditional LOG
        every request in LOG but /robots.txt was conditional
        (If-None-Match or If-Modified-Since) and answered 304.

Prints what is wrong, one line each, and exits 1 if anything is.
"""
import json
import sys
import urllib.parse

problems = []


def bad(msg):
    problems.append(msg)
    if len(problems) <= 20:
        print(msg)


def jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                yield n, json.loads(line)


def whole(manifest, turns):
    want = {rec["doc"]: rec for _, rec in jsonl(manifest)}
    got = {}
    for n, rec in jsonl(turns):
        if rec.get("type") != "turn":
            continue
        got.setdefault(rec["doc"], []).append((n, rec))
    for doc in sorted(set(got) - set(want)):
        bad("%s: a conference the archive does not hold" % doc)
    for doc, m in want.items():
        recs = got.get(doc)
        if not recs:
            bad("%s: missing (%d pages)" % (doc, m["pages"]))
            continue
        seqs = [r["seq"] for _, r in recs]
        if seqs != list(range(len(recs))):
            dup = len(seqs) - len(set(seqs))
            bad("%s: turns %s%s" % (doc, "out of order" if not dup else "twice",
                                    "" if not dup else " (%d)" % dup))
            continue
        if len(recs) != m["turns"]:
            bad("%s: %d turns, the archive holds %d" % (doc, len(recs), m["turns"]))
        pages = [r["page"] for _, r in recs]
        if pages != sorted(pages) or sorted(set(pages)) != list(range(1, m["pages"] + 1)):
            bad("%s: pages %s, the archive has 1..%d" % (doc, sorted(set(pages)), m["pages"]))
    print("%d conferences wanted, %d found, %d turns" % (len(want), len(got), sum(map(len, got.values()))))


def paths(log):
    for n, rec in jsonl(log):
        if urllib.parse.urlsplit(rec["path"]).path != "/robots.txt":
            yield n, rec


def once(urls, log):
    want = set()
    with open(urls) as f:
        for line in f:
            if line.strip():
                want.add(urllib.parse.urlsplit(line.strip()).path)
    seen = {}
    for n, rec in paths(log):
        p = rec["path"]
        if p not in want:
            bad("%s:%d: %s: not a page of the archive (%s)" % (log, n, p, rec["status"]))
        elif rec["status"] != 200:
            bad("%s:%d: %s: answered %s" % (log, n, p, rec["status"]))
        elif p in seen:
            bad("%s:%d: %s: fetched again (first at line %d)" % (log, n, p, seen[p]))
        else:
            seen[p] = n
    for p in sorted(want - set(seen))[:20]:
        bad("%s: never fetched" % p)
    print("%d pages wanted, %d fetched" % (len(want), len(seen)))


def conditional(log):
    count = 0
    for n, rec in paths(log):
        count += 1
        if rec["inm"] is None and rec["ims"] is None:
            bad("%s:%d: %s: not conditional" % (log, n, rec["path"]))
        elif rec["status"] != 304:
            bad("%s:%d: %s: answered %s" % (log, n, rec["path"], rec["status"]))
    print("%d requests, all conditional" % count if not problems else "%d requests" % count)


def main(argv):
    cmds = {"whole": (whole, 2), "once": (once, 2), "conditional": (conditional, 1)}
    if len(argv) < 2 or argv[1] not in cmds or len(argv) - 2 != cmds[argv[1]][1]:
        sys.stderr.write(__doc__.split("\n\n", 1)[1])
        return 2
    cmds[argv[1]][0](*argv[2:])
    if len(problems) > 20:
        print("... and %d more" % (len(problems) - 20))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
