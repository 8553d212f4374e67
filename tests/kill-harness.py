#!/usr/bin/python3
"""kill-harness: SIGKILL the documented cron usage of scio-fetch at random
moments and check that nothing is lost, split or written twice.

    kill-harness.py --trials N [--seed S] [--work DIR]

Makes a site of invented conferences (1 to 4 pages each, some pages far
larger than a stdio buffer), serves it with tests/server.py with a delay
per request, and per trial runs

    scio-fetch -q --state seen --warc crawl.warc[.gz] -i urls.txt >>pages.jsonl

again and again, each run SIGKILLed after a random time (in about one run
in three at a random moment of a slowed write, SCIO_TEST_WRITE_CHUNK), until
a run ends by itself.  Then it checks:

  - after every run, the state is whole: a header line, then one JSON
    object a line, the last line ended;
  - pages.jsonl has no torn line, and holds every conference exactly once,
    whole: its pages 1..N, in order, one after the other;
  - scio-parse reads it without a complaint, into one conference per
    conference, each numbered from seq 0 without a gap;
  - the WARC (.warc or .warc.gz, chosen per trial) is readable to its
    end (tests/warc-check.py), with a response for every page delivered;
  - one more run writes nothing.

Prints one line per failed trial and a summary; exits 1 if any failed.
Needs scio-fetch and scio-parse on PATH.  Standard library only.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["Luo Qinghe", "Mei Zhanpeng", "Kang Yuwei", "Duan Shuling"]
OUTLETS = ["Harbour Daily", "Valley Radio", "Plains Herald", "Coastal TV"]


def make_site(root, nconf, rng):
    """Writes the conferences; returns [(url path of page 1, pages)]."""
    confs = []
    for c in range(nconf):
        cid = 77700001 + c
        npages = rng.choice([1, 2, 3, 3, 4])
        d = os.path.join(root, "pressroom", "2025-05", "%02d" % (c % 28 + 1))
        os.makedirs(d, exist_ok=True)
        chair, official = NAMES[c % 4], NAMES[(c + 1) % 4]
        for p in range(1, npages + 1):
            name = "content_%d%s.htm" % (cid, "" if p == 1 else "_%d" % p)
            pager = "&nbsp;".join(
                "<span>%d</span>" % k if k == p else
                '<a href="content_%d%s.htm">%d</a>' % (cid, "" if k == 1 else "_%d" % k, k)
                for k in range(1, npages + 1))
            body = []
            if p == 1:
                body += ["<p><b>Speakers:</b></p>",
                         "<p>Mr. %s, director of the Invented Office %d</p>" % (official, c),
                         "<p><b>Chairperson:</b></p>",
                         "<p>Ms. %s, spokesperson of the SCIO</p>" % chair,
                         "<p><b>Date:</b></p>", "<p>May %d, 2025</p>" % (c % 28 + 1),
                         "<p><b>%s:</b></p>" % chair,
                         "<p>Good morning. Welcome to briefing %d.</p>" % c]
            big = rng.random() < 0.3
            outlet = OUTLETS[(c + p) % 4]
            body += ["<p><b>%s:</b></p>" % outlet,
                     "<p>%s. A question about page %d of briefing %d.</p>" % (outlet, p, c),
                     "<p><b>%s:</b></p>" % official]
            para = "<p>Answer on page %d of briefing %d, with figures and plans.</p>" % (p, c)
            body += [para] * (2500 if big else 3)
            html = ("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" "
                    "content=\"text/html; charset=utf-8\">\n<title>Briefing %d</title></head>\n"
                    "<body>\n<h1>SCIO briefing number %d</h1>\n"
                    "<div class=\"source\">China SCIOUpdated:  May %d, 2025</div>\n"
                    "<div class=\"TRS_Editor\">\n%s\n</div>\n"
                    "<div id=\"autopage\"><center>%s</center></div>\n</body></html>\n"
                    % (c, c, c % 28 + 1, "\n".join(body), pager))
            with open(os.path.join(d, name), "w") as f:
                f.write(html)
        confs.append(("/pressroom/2025-05/%02d/content_%d.htm" % (c % 28 + 1, cid), npages))
    items = "\n".join('<li>&bull; <a href="%s">SCIO briefing number %d</a> <span>2025-05-%02d</span></li>'
                      % (u, i, i % 28 + 1) for i, (u, _) in enumerate(confs))
    with open(os.path.join(root, "pressroom", "node_1.htm"), "w") as f:
        f.write("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" "
                "content=\"text/html; charset=utf-8\">\n<title>Press Conference "
                "Transcripts</title></head>\n<body>\n<div class=\"nav\"><a href=\"/\">Home</a> &gt; "
                "<a href=\"/pressroom/node_1.htm\">Press Room</a> &gt; </div>\n"
                "<h1>Press Conference Transcripts</h1>\n"
                "<div class=\"source\">China SCIOUpdated:  May 30, 2025</div>\n"
                "<div class=\"TRS_Editor\">\n<ul class=\"list\">\n%s\n</ul>\n</div>\n"
                "</body></html>\n" % items)
    return confs


def start_server(root, delay):
    srv = subprocess.Popen([sys.executable, os.path.join(TOP, "tests", "server.py"),
                            "--root", root, "--delay", str(delay)],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    port = int(srv.stdout.readline())
    return srv, port


def state_ok(path):
    if not os.path.exists(path):
        return None
    data = open(path, "rb").read()
    if not data.endswith(b"\n"):
        return "state does not end in a newline"
    lines = data.decode().split("\n")[:-1]
    try:
        head = json.loads(lines[0])
        if head.get("scio_fetch_state") != 1:
            return "state header wrong: %r" % lines[0]
        for ln in lines[1:]:
            o = json.loads(ln)
            if not isinstance(o, dict) or "url" not in o:
                return "state line not an entry: %r" % ln[:80]
    except (ValueError, IndexError) as e:
        return "state not JSON Lines: %s" % e
    return None


def check_output(path, confs, base):
    data = open(path, "rb").read()
    if data and not data.endswith(b"\n"):
        return "pages.jsonl ends in a torn line"
    recs = []
    for i, ln in enumerate(data.split(b"\n")[:-1]):
        try:
            recs.append(json.loads(ln))
        except ValueError:
            return "pages.jsonl:%d: not JSON (a torn or glued record)" % (i + 1)
    want = {base + u: n for u, n in confs}
    seen = {}
    i = 0
    while i < len(recs):
        u = recs[i]["url"]
        if u not in want:
            return "pages.jsonl:%d: %s does not start a conference" % (i + 1, u)
        n = want[u]
        stem = u[:-len(".htm")]
        got = [r["url"] for r in recs[i:i + n]]
        exp = [u] + ["%s_%d.htm" % (stem, k) for k in range(2, n + 1)]
        if got != exp:
            return "pages.jsonl:%d: conference %s not whole: %s" % (i + 1, u, got)
        seen[u] = seen.get(u, 0) + 1
        i += n
    for u in want:
        if seen.get(u, 0) != 1:
            return "conference %s written %d times" % (u, seen.get(u, 0))
    return None


def check_parse(path, nconf):
    r = subprocess.run(["scio-parse", path], capture_output=True)
    if r.returncode != 0 or r.stderr:
        return "scio-parse: status %d: %s" % (r.returncode, r.stderr.decode()[:200])
    seqs = {}
    for ln in r.stdout.decode().split("\n")[:-1]:
        t = json.loads(ln)
        seqs.setdefault(t["doc"], []).append(t["seq"])
    if len(seqs) != nconf:
        return "scio-parse found %d conferences, not %d" % (len(seqs), nconf)
    for doc, s in seqs.items():
        if s != list(range(len(s))):
            return "conference %s: seq %s" % (doc, s[:12])
    return None


def trial(k, rng, work, confs, port, stats):
    d = os.path.join(work, "trial-%d" % k)
    os.makedirs(d)
    base = "http://127.0.0.1:%d" % port
    with open(os.path.join(d, "urls.txt"), "w") as f:
        for u, _ in confs:
            f.write(base + u + "\n")
    # Half the trials write a .warc.gz: one gzip member per record.
    warc = rng.choice(["crawl.warc", "crawl.warc.gz"])
    cmd = ["scio-fetch", "-q", "--wait", "0", "--state", "seen", "--warc", warc,
           "--checkpoint", rng.choice(["0", "0.05", "1"]), "-j", "3",
           "--retries", "0", "-i", "urls.txt"]
    for run in range(1, 60):
        env = dict(os.environ)
        slow = rng.random() < 0.35
        if slow:
            env["SCIO_TEST_WRITE_CHUNK"] = str(rng.choice([512, 4096, 30000]))
        kill = run <= 12 and rng.random() < 0.85
        with open(os.path.join(d, "pages.jsonl"), "ab") as out, \
                open(os.path.join(d, "err"), "ab") as err:
            p = subprocess.Popen(cmd, cwd=d, stdout=out, stderr=err, env=env)
            if kill:
                time.sleep(rng.uniform(0, 0.9 if slow else 0.6))
                p.send_signal(signal.SIGKILL)
            st = p.wait()
        stats["runs"] += 1
        why = state_ok(os.path.join(d, "seen"))
        if why:
            return "run %d: %s" % (run, why)
        if st == -signal.SIGKILL:
            stats["kills"] += 1
            continue
        if st != 0:
            return "run %d: exit status %d: %s" % (run, st, open(os.path.join(d, "err")).read()[-300:])
        break
    else:
        return "no run finished"
    out = os.path.join(d, "pages.jsonl")
    why = check_output(out, confs, base) or check_parse(out, len(confs))
    if why:
        return why
    if os.path.exists(os.path.join(d, warc)):
        r = subprocess.run([sys.executable, os.path.join(TOP, "tests", "warc-check.py"),
                            "--list", os.path.join(d, warc)], capture_output=True)
        if r.returncode != 0:
            return "WARC not readable: %s" % r.stderr.decode()[-300:]
        # Delivered means its response is in the WARC too.
        archived = set(l.split(" ")[1] for l in r.stdout.decode().splitlines()
                       if l.startswith("response ") and l.split(" ")[2] == "200")
        with open(out) as f:
            for line in f:
                u = json.loads(line)["url"]
                if u not in archived:
                    return "page %s delivered, its response not in the WARC" % u
    size = os.path.getsize(out)
    with open(out, "ab") as f:
        r = subprocess.run(cmd, cwd=d, stdout=f, stderr=subprocess.PIPE)
    if r.returncode != 0 or os.path.getsize(out) != size:
        return "a run after the last wrote something or failed: %d %s" % (r.returncode, r.stderr.decode()[:200])
    stats["cut"] += open(os.path.join(d, "err")).read().count("cut off")
    shutil.rmtree(d)
    return None


def fetchers(sid):
    """The scio-fetch processes of session sid, from /proc."""
    pids = []
    for e in os.listdir("/proc"):
        if not e.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % e) as f:
                st = f.read()
        except OSError:
            continue
        comm = st[st.index("(") + 1:st.rindex(")")]
        fields = st[st.rindex(")") + 2:].split()
        if comm == "scio-fetch" and int(fields[3]) == sid:
            pids.append(int(e))
    return pids


def nightly_trial(k, rng, work, confs, port, stats):
    """scio-nightly killed (its whole process group) at random moments."""
    d = os.path.join(work, "nightly-%d" % k)
    os.makedirs(d)
    base = "http://127.0.0.1:%d" % port
    cmd = [os.path.join(TOP, "examples", "cron", "scio-nightly"), "-b", base,
           "-d", d, "-l", "/pressroom/node_1.htm"]
    env = dict(os.environ)
    env["SCIO_FETCH_OPTIONS"] = "--wait 0 --retries 0 -j 3"
    for run in range(1, 60):
        slow = rng.random() < 0.35
        env.pop("SCIO_TEST_WRITE_CHUNK", None)
        if slow:
            env["SCIO_TEST_WRITE_CHUNK"] = str(rng.choice([4096, 30000]))
        kill = run <= 12 and rng.random() < 0.85
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             env=env, start_new_session=True)
        only_fetch = False
        if kill:
            time.sleep(rng.uniform(0, 2.0))
            # Now and then scio-fetch alone (the OOM killer's choice):
            # the job goes on to archive what it left.
            only_fetch = rng.random() < 0.4 and os.path.exists("/proc/self/stat")
            try:
                if only_fetch:
                    for pid in fetchers(p.pid):
                        os.kill(pid, signal.SIGKILL)
                else:
                    os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        err = p.communicate()[1]
        if only_fetch and p.returncode == 1:
            stats["kills"] += 1
            continue
        stats["runs"] += 1
        why = state_ok(os.path.join(d, "state"))
        if why:
            return "nightly run %d: %s" % (run, why)
        if p.returncode == -signal.SIGKILL:
            stats["kills"] += 1
            continue
        if p.returncode != 0:
            return "nightly run %d: status %d: %s" % (run, p.returncode, err.decode()[-300:])
        break
    else:
        return "no nightly run finished"
    arch = os.path.join(d, "archive")
    turns = []
    for name in sorted(os.listdir(arch)):
        if not name.endswith(".jsonl.gz"):
            return "archive holds %s" % name
        r = subprocess.run(["gzip", "-dc", os.path.join(arch, name)], capture_output=True)
        if r.returncode != 0:
            return "archive %s does not decompress: %s" % (name, r.stderr.decode()[:200])
        for ln in r.stdout.decode().split("\n")[:-1]:
            turns.append(json.loads(ln))
    seqs = {}
    for t in turns:
        seqs.setdefault(t["doc"], []).append(t["seq"])
    if len(seqs) != len(confs):
        return "archive holds %d conferences, not %d" % (len(seqs), len(confs))
    for doc, sq in seqs.items():
        if sq != list(range(len(sq))):
            return "archive: conference %s torn or twice: seq %s" % (doc, sq[:20])
    if os.listdir(os.path.join(d, "rejected")):
        return "pages rejected: %s" % os.listdir(os.path.join(d, "rejected"))
    shutil.rmtree(d)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--work")
    ap.add_argument("--conferences", type=int, default=8)
    ap.add_argument("--delay", type=float, default=0.01)
    ap.add_argument("--nightly", type=int, default=0,
                    help="trials of examples/cron/scio-nightly as well")
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    work = a.work or tempfile.mkdtemp(prefix="scio-kill-")
    os.makedirs(work, exist_ok=True)
    site = os.path.join(work, "site")
    shutil.rmtree(site, ignore_errors=True)
    confs = make_site(site, a.conferences, rng)
    srv, port = start_server(site, a.delay)
    stats = {"runs": 0, "kills": 0, "cut": 0}
    failed = 0
    try:
        for k in range(1, a.trials + 1):
            why = trial(k, rng, work, confs, port, stats)
            if why:
                failed += 1
                print("trial %d (seed %d): %s" % (k, seed, why))
        for k in range(1, a.nightly + 1):
            why = nightly_trial(k, rng, work, confs, port, stats)
            if why:
                failed += 1
                print("nightly trial %d (seed %d): %s" % (k, seed, why))
    finally:
        srv.kill()
        srv.wait()
    print("%d trials, %d nightly trials, %d runs, %d killed, %d repairs, %d failed (seed %d)"
          % (a.trials, a.nightly, stats["runs"], stats["kills"], stats["cut"], failed, seed))
    if failed == 0 and not a.work:
        shutil.rmtree(work)
    sys.exit(1 if failed else 0)


main()
