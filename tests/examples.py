#!/usr/bin/python3
"""examples.py [--fill] [--fixtures DIR] [--setup CMD] FILE...: runs every
example of the guides, the README and the man pages, and compares what
each prints with what the document shows (jq's man.test idea).

FILE is a Markdown file, a man page, or "-" for --help text on stdin.
In Markdown, a command is a "$ " line inside a ```console block, or a
line indented four spaces starting "    $ "; the lines that follow it (in
the block, or indented after it, up to the next command or paragraph)
are the output it must print, exactly.  A command with no output shown
must still exit 0 and say nothing on stderr.  In a man page the commands
are the "$ " lines between .EX and .EE; in --help, the lines under
"Examples:".

Each file's commands run in order, with sh, in one scratch directory
holding the files of --fixtures DIR (default tests/fixtures/fmt), after
--setup CMD (run there with sh) when given.  When SITE is set (a served
sample site), its address in the output reads "$SITE".  A command whose
programs are not installed is skipped and named.  --fill rewrites a
Markdown file's outputs from what the commands print.  Exits 1 if any
example fails or prints something other than documented.
"""
import os, shlex, shutil, subprocess, sys, tempfile

top = os.environ["SCIO_TOP"]
fixtures = os.path.join(top, "tests", "fixtures", "fmt")
setup = None


def examples_md(text):
    out, block, fence, cur = [], False, False, None
    for i, line in enumerate(text.split("\n")):
        if line.startswith("```"):
            fence = not fence
            block = fence and line.strip() == "```console"
            cur = None
            continue
        if block:
            if line.startswith("$ "):
                cur = {"cmd": line[2:], "line": i, "want": []}
                out.append(cur)
            elif cur is not None:
                cur["want"].append(line)
            continue
        if fence:
            continue
        # indented examples: "    $ cmd", then its output indented
        if line.startswith("    $ "):
            cur = {"cmd": line[6:], "line": i, "want": [], "indented": True}
            out.append(cur)
        elif cur is not None and cur.get("indented") and line.startswith("    "):
            cur["want"].append(line[4:])
        elif cur is not None and line.strip() == "":
            if cur["want"]:
                cur["want"].append("")
        else:
            cur = None
    for ex in out:
        while ex["want"] and ex["want"][-1] == "":
            ex["want"].pop()
        if ex.get("indented") and not ex["want"]:
            ex["want"] = None    # nothing shown: it must only run cleanly
    return out


def unroff(s):
    return s.replace("\\-", "-").replace("\\(aq", "'").replace("\\e", "\\")


def examples_man(text):
    out, block = [], False
    for i, line in enumerate(text.split("\n")):
        if line.startswith(".EX"):
            block = True
        elif line.startswith(".EE"):
            block = False
        elif block and line.startswith("$ "):
            out.append({"cmd": unroff(line[2:]), "line": i, "want": None})
    return out


def examples_help(text):
    out, inside = [], False
    for i, line in enumerate(text.split("\n")):
        if line.startswith("Examples:"):
            inside = True
        elif inside and line.startswith("  scio-"):
            out.append({"cmd": line.strip(), "line": i, "want": None})
        elif inside and line.strip() == "":
            inside = False
    return out


def programs(cmd):
    lex = shlex.shlex(cmd, posix=True, punctuation_chars=True)
    progs, want = [], True
    for tok in lex:
        if tok in ("|", ";", "&&", "||", "&"):
            want = True
        elif want:
            progs.append(tok)
            want = False
    return progs


def run(ex, work, fill=False):
    missing = [p for p in programs(ex["cmd"]) if shutil.which(p) is None]
    if missing:
        return "skip", "needs " + ", ".join(missing)
    p = subprocess.run(["sh", "-c", ex["cmd"]], cwd=work, capture_output=True)
    got = p.stdout.decode("utf-8")
    site = os.environ.get("SITE")
    if site:
        got = got.replace(site, "$SITE")
    if p.returncode != 0 or p.stderr:
        return "fail", "exit %d: %s" % (p.returncode, p.stderr.decode())
    if ex["want"] is not None and not fill:
        want = "\n".join(ex["want"]).rstrip("\n")
        if got.rstrip("\n") != want:
            return "fail", "output differs:\n--- want\n%s\n--- got\n%s" % (want, got)
    return "ok", got


def main():
    global fixtures, setup
    args = sys.argv[1:]
    fill = False
    while args and args[0].startswith("--"):
        if args[0] == "--fill":
            fill = True
            args = args[1:]
        elif args[0] == "--fixtures":
            fixtures = os.path.abspath(args[1])
            args = args[2:]
        elif args[0] == "--setup":
            setup = args[1]
            args = args[2:]
        else:
            sys.exit("examples.py: unknown option " + args[0])
    files = args
    failed = 0
    for path in files:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
        if path == "-":
            exs = examples_help(text)
        elif path.endswith(".md"):
            exs = examples_md(text)
        else:
            exs = examples_man(text)
        if not exs:
            print("%s: no example found" % path)
            failed += 1
        work = tempfile.mkdtemp()
        for f in os.listdir(fixtures):
            if os.path.isfile(os.path.join(fixtures, f)):
                shutil.copy(os.path.join(fixtures, f), work)
        if setup and subprocess.run(["sh", "-c", setup], cwd=work).returncode != 0:
            print("fail: %s: the setup failed: %s" % (path, setup))
            failed += 1
            continue
        lines = text.split("\n")
        for ex in reversed(exs) if fill else exs:
            status, info = run(ex, work, fill)
            print("%s: %s:%d: %s" % (status, path, ex["line"] + 1, ex["cmd"]))
            if status == "fail":
                failed += 1
                print(info)
            if fill and status == "ok" and ex["want"] is not None and not ex.get("indented"):
                a = ex["line"] + 1
                lines[a:a + len(ex["want"])] = info.rstrip("\n").split("\n")
        shutil.rmtree(work)
        if fill:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    sys.exit(1 if failed else 0)


main()
