#!/bin/sh
# scio-fmt: what golden files cannot show: CSV and HTML read back by other
# parsers, colour on a (fake) terminal, write errors.
. "$SCIO_TOP/tests/lib.sh"
F=$FIXTURES/fmt
PY=/usr/bin/python3

test_expect_success 'csv reads back with python csv to the records values' '
	scio-fmt -f csv $F/turns.jsonl $F/hazards.jsonl $F/wide.jsonl $F/docs.jsonl >out.csv &&
	cat $F/turns.jsonl $F/hazards.jsonl $F/wide.jsonl >in.jsonl &&
	$PY - out.csv in.jsonl $F/docs.jsonl <<-\PYEOF
	import csv, json, sys
	fields = "doc,date,seq,qa,speaker,role,outlet,text".split(",")
	def cell(v):
	    return "" if v is None else str(v)
	want = [fields]
	for line in open(sys.argv[2], encoding="utf-8"):
	    r = json.loads(line)
	    want.append([cell(r.get(k)) for k in fields])
	for line in open(sys.argv[3], encoding="utf-8"):
	    d = json.loads(line)
	    for t in d["turns"] or [{}]:
	        want.append([cell(t[k] if k in t else d.get(k)) for k in fields])
	with open(sys.argv[1], newline="", encoding="utf-8") as f:
	    got = list(csv.reader(f, strict=True))
	assert got == want, (got, want)
	raw = open(sys.argv[1], "rb").read()
	assert raw.endswith(b"\r\n") and raw.count(b"\r\n") == len(want), "rows end in CRLF"
	PYEOF
'

test_expect_success 'tsv with --fields speaker,text is what jq @tsv gives' '
	cat $F/turns.jsonl $F/hazards.jsonl $F/wide.jsonl >in.jsonl &&
	scio-fmt -f tsv --no-header --fields speaker,text in.jsonl >got &&
	jq -r "[.speaker,.text]|@tsv" in.jsonl >want &&
	test_cmp want got
'

test_expect_success 'html pages are well-formed and parse with libxml2' '
	for f in turns docs wide hazards marked mixed; do
		scio-fmt -f html $F/$f.jsonl >$f.html 2>/dev/null
		sh "$SCIO_TOP/tests/fmt-html-check.sh" $f.html || exit 1
	done
'

test_expect_success 'the html checker does catch a broken page' '
	printf "<!DOCTYPE html><html><body><p>a & b<div></p></body></html>\n" >bad.html &&
	! sh "$SCIO_TOP/tests/fmt-html-check.sh" bad.html
'

test_expect_success 'html: every hit is a mark, every contents link has its target' '
	scio-fmt -f html $F/marked.jsonl $F/turns.jsonl >page.html &&
	$PY - page.html <<-\PYEOF
	import sys, lxml.html
	doc = lxml.html.parse(sys.argv[1]).getroot()
	marks = [m.text for m in doc.iter("mark")]
	assert marks == ["tidal", "grid links", "tidal station", "成本"], marks
	links = doc.xpath("//nav[@class=\"toc\"]//a/@href")
	assert len(links) == 5, links
	for h in links:
	    assert doc.xpath("//*[@id=\"%s\"]" % h[1:]), h
	assert not doc.xpath("//script|//link|//img|//iframe"), "nothing to fetch or run"
	assert [p.text for p in doc.xpath("//div[contains(@class,\"media\")]/p[@class=\"who\"]")][:3] == \
	    ["Harbor Evening Post", "浪花日报", "Harbor Evening Post"]
	PYEOF
'

# Runs scio-fmt on a pseudo-terminal of 50 columns; prints what it wrote.
cat >pty.py <<-\PYEOF
import fcntl, os, pty, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    os.execvp(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 50, 0, 0))
out = b""
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.buffer.write(out.replace(b"\r\n", b"\n"))
PYEOF
mv pty.py "$SCIO_TOP/tests/out/fmt-pty.py"
PTY="$PY $SCIO_TOP/tests/out/fmt-pty.py"

test_expect_success 'on a terminal: colour, bold and highlighted hits' '
	$PTY scio-fmt $F/marked.jsonl >got &&
	grep -q "$(printf "\033\\[1;31mtidal\033\\[0m")" got &&
	grep -q "$(printf "\033\\[1;32mDou Kaiming:")" got
'

test_expect_success 'on a terminal: the default width is the terminal width' '
	$PTY sh -c "stty cols 50; exec scio-fmt --color=never \"\$0\"" $F/turns.jsonl >got &&
	sed "s/^Source: .*//" got | awk "length(\$0) > 50 { bad = 1 } END { exit bad }" &&
	awk "length(\$0) > 45 { n++ } END { exit !(n > 5) }" got
'

test_expect_success 'on a terminal with NO_COLOR set: no escape at all' '
	NO_COLOR=1 $PTY scio-fmt $F/marked.jsonl >got &&
	grep -q "Dou Kaiming:" got &&
	! grep -q "$(printf "\033")" got
'

test_expect_success 'NO_COLOR set to the empty string does not count' '
	NO_COLOR= $PTY scio-fmt $F/marked.jsonl >got &&
	grep -q "$(printf "\033\\[1m")" got
'

test_expect_success 'on a pipe: no colour, width 80' '
	scio-fmt $F/turns.jsonl >got &&
	! grep -q "$(printf "\033")" got &&
	grep -q "^=\{80\}\$" got
'

if [ -w /dev/full ]; then
	test_expect_success 'a full disk is an error, exit 2' '
		test_expect_code 2 scio-fmt -f csv $F/turns.jsonl >/dev/full 2>err &&
		grep -q "write error" err
	'
else
	test_skip 'a full disk is an error, exit 2' 'skipped: no /dev/full'
fi

test_expect_success 'a closed pipe ends it quietly' '
	for i in 1 2 3 4 5 6 7 8 9 10; do cat $F/turns.jsonl; done >in.jsonl &&
	for i in 1 2 3 4 5 6 7 8 9 10; do cat in.jsonl; done >big.jsonl &&
	{ scio-fmt big.jsonl 2>err; echo $? >status; } | head -n 1 >/dev/null &&
	test ! -s err
'

test_expect_success 'the text wrapper never exceeds the width with wide text' '
	for w in 20 25 31 40 57; do
		scio-fmt -w $w $F/wide.jsonl $F/turns.jsonl >out &&
		$PY -c "
import sys, unicodedata
w = int(sys.argv[1])
for line in open(\"out\", encoding=\"utf-8\"):
    line = line.rstrip(\"\\n\")
    if line.startswith(\"Source: \"):
        continue
    cols = sum(2 if unicodedata.east_asian_width(c) in \"WF\" else 1 for c in line)
    assert cols <= w, (w, cols, line)
" $w || exit 1
	done
'
