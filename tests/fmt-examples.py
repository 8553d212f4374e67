#!/usr/bin/python3
"""fmt-examples.py [--fill] FILE...: runs every example in scio-fmt's docs.

FILE is a Markdown file (commands on "$ " lines inside ```console blocks,
followed by the output they must print), a man page (commands on "$ "
lines between .EX and .EE) or "-" for --help text on stdin (the lines
under "Examples:"). Each command runs with sh in a scratch directory
holding the fmt fixtures as turns.jsonl, docs.jsonl, marked.jsonl, ...
A command whose programs are not installed is skipped and named.
--fill rewrites a Markdown file's outputs from what the commands print.
Exits 1 if any example fails or prints something other than documented.
"""
import os, shlex, shutil, subprocess, sys, tempfile

top = os.environ["SCIO_TOP"]
fixtures = os.path.join(top, "tests", "fixtures", "fmt")


def examples_md(text):
    out, block, cur = [], False, None
    for i, line in enumerate(text.split("\n")):
        if line.startswith("```"):
            block = line.strip() == "```console"
            cur = None
            continue
        if not block:
            continue
        if line.startswith("$ "):
            cur = {"cmd": line[2:], "line": i, "want": []}
            out.append(cur)
        elif cur is not None:
            cur["want"].append(line)
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
    if p.returncode != 0:
        return "fail", "exit %d: %s" % (p.returncode, p.stderr.decode())
    if ex["want"] is not None and not fill:
        want = "\n".join(ex["want"]).rstrip("\n")
        if got.rstrip("\n") != want:
            return "fail", "output differs:\n--- want\n%s\n--- got\n%s" % (want, got)
    return "ok", got


def main():
    fill = sys.argv[1:2] == ["--fill"]
    files = sys.argv[2:] if fill else sys.argv[1:]
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
            shutil.copy(os.path.join(fixtures, f), work)
        lines = text.split("\n")
        for ex in reversed(exs) if fill else exs:
            status, info = run(ex, work, fill)
            print("%s: %s:%d: %s" % (status, path, ex["line"] + 1, ex["cmd"]))
            if status == "fail":
                failed += 1
                print(info)
            if fill and status == "ok" and ex["want"] is not None:
                a = ex["line"] + 1
                lines[a:a + len(ex["want"])] = info.rstrip("\n").split("\n")
        shutil.rmtree(work)
        if fill:
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    sys.exit(1 if failed else 0)


main()
