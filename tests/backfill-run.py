#!/usr/bin/python3
"""backfill-run: the backfill of a whole archive from nothing, at scale,
against tests/archive-server.py (issue 14's scale test).  Standard library
only; needs scio-fetch and scio-parse on PATH.

    backfill-run.py -n N [--kills K] [--kill-seed S] [--seed S] [--work DIR]
                    [--jobs J] [--mobile] [--curl]

The backfill, as the README gives it, in DIR/NAME:

    scio-fetch -q --state listing.state --pages 0 -j J --per-host J --wait 0 \\
        SITE/pressroom/node_8021725.htm >>listing.jsonl
    scio-parse listing.jsonl >links.jsonl
    scio-fetch -q --state state -j J --per-host J --wait 0 -i links.jsonl >>pages.jsonl
    scio-parse pages.jsonl >turns.jsonl

(with --mobile the mobile listing is given too, after the desktop one).
Runs and checks, printing one line each:

  whole       one uninterrupted backfill: every conference whole (its
              turns, pages 1..K in order; tests/backfill-check.py whole),
              every page asked for once and answered 200 (the server's
              log); its time and the peak RSS of each scio-fetch;
  again       a second run over the full state: only conditional
              requests, all answered 304, and nothing written;
  kills       a fresh backfill SIGKILLed K times (default 3), each time
              once the server has answered a random number of its
              requests, then run to its end: its conferences and their
              turn records equal the uninterrupted run's;
  curl        with --curl: curl -Z fetching the same URLs at the same
              concurrency, the time the server alone needs for them.

Exits 1 if any check failed.  Times are printed, never checked.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(TOP, "tests")
LISTING = "/pressroom/node_8021725.htm"
failed = []


def say(*words):
    print(*words, flush=True)


def fail(what, d=None):
    failed.append(what)
    say("FAILED:", what)
    err = os.path.join(d, "stderr") if d else None
    if err and os.path.exists(err):
        with open(err, errors="replace") as f:
            for line in f.readlines()[-10:]:
                say("  " + line.rstrip("\n"))


class Site:
    def __init__(self, a, work):
        self.log = os.path.join(work, "server.log")
        open(self.log, "w").close()
        self.seen = self.nlines = 0
        args = [sys.executable, os.path.join(TESTS, "archive-server.py"), "-n", str(a.n),
                "--seed", str(a.seed)]
        if a.mobile:
            args.append("--mobile")
        self.args = args
        self.proc = subprocess.Popen(args + ["--log", self.log], stdout=subprocess.PIPE)
        port = self.proc.stdout.readline().decode().strip()
        if not port.isdigit():
            sys.exit("backfill-run: the archive server did not start")
        self.base = "http://127.0.0.1:%s" % port
        self.listings = [self.base + LISTING]
        if a.mobile:
            self.listings.append(self.base + "/m" + LISTING)
        for name, opt in (("manifest", ["--manifest"]), ("urls", ["--urls", self.base])):
            with open(os.path.join(work, name), "w") as f:
                subprocess.run(args + opt, stdout=f, check=True)
        self.urls = os.path.join(work, "urls")
        self.manifest = os.path.join(work, "manifest")

    def cpu(self):
        """The server's CPU seconds so far (Linux /proc; 0 elsewhere)."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def requests(self):
        """Lines in the server's log so far (read on from where the last
        call stopped, since the kill loop asks often)."""
        with open(self.log, "rb") as f:
            f.seek(self.seen)
            more = f.read()
        whole = more.rfind(b"\n") + 1
        self.seen += whole
        self.nlines += more.count(b"\n", 0, whole)
        return self.nlines

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def run(args, out, kill_at=None, site=None):
    """Runs args (stdout appended to out, stderr to out's directory's
    stderr file); returns (status, peak RSS in KB, seconds, CPU seconds).
    With kill_at, SIGKILLs it once the server's log holds that many lines;
    status is then -9 (or its own, had it ended)."""
    t0 = time.monotonic()
    err = os.path.join(os.path.dirname(out), "stderr")
    with open(out, "ab") as o, open(err, "ab") as e:
        p = subprocess.Popen(args, stdout=o, stderr=e)
        while True:
            flags = os.WNOHANG if kill_at is not None else 0
            pid, status, ru = os.wait4(p.pid, flags)
            if pid:
                break
            if site.requests() >= kill_at:
                p.send_signal(signal.SIGKILL)
                kill_at = None
            else:
                time.sleep(0.01)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, ru.ru_maxrss, time.monotonic() - t0, ru.ru_utime + ru.ru_stime


def backfill(site, d, jobs, kill_at=None):
    """One backfill run in d; returns (killed, [run's result] per step)."""
    os.makedirs(d, exist_ok=True)
    j = ["-j", str(jobs), "--per-host", str(jobs), "--wait", "0", "-q"]
    steps = []
    r = run(["scio-fetch", "--state", os.path.join(d, "listing.state"), "--pages", "0"] + j
            + site.listings, os.path.join(d, "listing.jsonl"), kill_at=kill_at, site=site)
    steps.append(r)
    if r[0] == -9:
        return True, steps
    if r[0] != 0:
        fail("%s: the listing walk exited %d" % (d, r[0]), d)
        return False, steps
    with open(os.path.join(d, "links.jsonl"), "wb") as f:
        st = subprocess.run(["scio-parse", os.path.join(d, "listing.jsonl")], stdout=f).returncode
    if st != 0:
        fail("%s: scio-parse of the listing exited %d" % (d, st))
        return False, steps
    r = run(["scio-fetch", "--state", os.path.join(d, "state"), "-i",
             os.path.join(d, "links.jsonl")] + j, os.path.join(d, "pages.jsonl"),
            kill_at=kill_at, site=site)
    steps.append(r)
    if r[0] == -9:
        return True, steps
    if r[0] != 0:
        fail("%s: scio-fetch of the conferences exited %d" % (d, r[0]), d)
    return False, steps


def parse(d):
    with open(os.path.join(d, "turns.jsonl"), "wb") as f:
        st = subprocess.run(["scio-parse", os.path.join(d, "pages.jsonl")], stdout=f).returncode
    if st != 0:
        fail("%s: scio-parse of the pages exited %d" % (d, st))
    with open(os.path.join(d, "turns.jsonl"), "rb") as f:
        return sorted(f)


def check(what, *args):
    p = subprocess.run([sys.executable, os.path.join(TESTS, "backfill-check.py")] + list(args),
                       stdout=subprocess.PIPE, universal_newlines=True)
    for line in p.stdout.splitlines():
        say("  " + line)
    if p.returncode != 0:
        fail(what)


def log_from(site, line):
    """The server's log from line (0-based) on, as a file of its own."""
    part = site.log + ".%d" % line
    with open(site.log, "rb") as f, open(part, "wb") as o:
        for i, rec in enumerate(f):
            if i >= line:
                o.write(rec)
    return part


def sizes(d):
    return {n: os.path.getsize(os.path.join(d, n)) for n in ("listing.jsonl", "pages.jsonl")}


def curl(site, work, jobs):
    cfg = os.path.join(work, "curl.cfg")
    with open(site.urls) as f, open(cfg, "w") as o:
        for u in f:
            o.write('url = "%s"\noutput = "/dev/null"\n' % u.strip())
    t0 = time.monotonic()
    p = subprocess.Popen(["curl", "-sS", "--no-progress-meter", "-f", "-Z", "--parallel-max",
                          str(jobs), "-K", cfg])
    pid, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.monotonic() - t0
    if p.returncode != 0:
        fail("curl exited %d" % p.returncode)
    return secs, ru.ru_utime + ru.ru_stime


def main():
    ap = argparse.ArgumentParser(description="The backfill scale test.")
    ap.add_argument("-n", type=int, required=True, help="conferences")
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--kill-seed", type=int, default=None,
                    help="where the kills fall (default: a new seed each run, printed)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--jobs", type=int, default=8)
    ap.add_argument("--work", default=None)
    ap.add_argument("--mobile", action="store_true")
    ap.add_argument("--curl", action="store_true")
    a = ap.parse_args()
    work = os.path.abspath(a.work or os.path.join(TESTS, "out", "backfill-run"))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    kill_seed = a.kill_seed if a.kill_seed is not None else random.randrange(1 << 30)
    rng = random.Random(kill_seed)
    site = Site(a, work)
    try:
        with open(site.urls) as f:
            npages = sum(1 for _ in f)
        say("archive: %d conferences, %d pages to fetch (listing pages included)" % (a.n, npages))

        d = os.path.join(work, "whole")
        start = site.requests()
        scpu = site.cpu()
        killed, steps = backfill(site, d, a.jobs)
        scpu = site.cpu() - scpu
        secs = sum(s[2] for s in steps)
        say("whole: %.2f s (listing %.2f s, conferences %.2f s); CPU %.2f s; "
            "peak RSS %d KB listing, %d KB conferences"
            % (secs, steps[0][2], steps[-1][2], sum(s[3] for s in steps), steps[0][1], steps[-1][1]))
        say("  the server's CPU: %.2f s" % scpu)
        with open(os.path.join(d, "state"), "rb") as f:
            say("  state: %d pages, %d KB" % (sum(1 for _ in f) - 1, os.path.getsize(f.name) // 1024))
        want = parse(d)
        check("every conference whole", "whole", site.manifest, os.path.join(d, "turns.jsonl"))
        check("every page fetched once", "once", site.urls, log_from(site, start))

        before = sizes(d)
        start = site.requests()
        killed, steps = backfill(site, d, a.jobs)
        say("again: %.2f s" % sum(s[2] for s in steps))
        check("a second run sends only conditional requests", "conditional", log_from(site, start))
        if sizes(d) != before:
            fail("a second run wrote something: %s, then %s" % (before, sizes(d)))
        else:
            say("  nothing written")

        if a.kills > 0:
            d = os.path.join(work, "kills")
            say("kills: --kill-seed %d" % kill_seed)
            total = npages
            kills = 0
            runs = 0
            while True:
                start = site.requests()
                at = start + rng.randint(1, total - 1) if kills < a.kills else None
                killed, steps = backfill(site, d, a.jobs, kill_at=at)
                runs += 1
                if not killed:
                    if kills >= a.kills:
                        break
                    continue
                kills += 1
                say("kills: run %d SIGKILLed after %d requests" % (runs, site.requests() - start))
            got = parse(d)
            check("the killed backfill gives every conference whole", "whole", site.manifest,
                  os.path.join(d, "turns.jsonl"))
            if got != want:
                fail("the killed and resumed backfill's turn records differ from the uninterrupted run's")
            else:
                say("kills: %d runs, %d killed; the same %d turn records as the uninterrupted run"
                    % (runs, kills, len(got)))
        if a.curl:
            scpu = site.cpu()
            secs, cpu = curl(site, work, a.jobs)
            say("curl: %.2f s; CPU %.2f s (curl -Z --parallel-max %d, the same %d URLs)"
                % (secs, cpu, a.jobs, npages))
            say("  the server's CPU: %.2f s" % (site.cpu() - scpu))
    finally:
        site.stop()
    say("%d failed" % len(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
