#!/bin/sh
# Every program, every format, on a terminal: control characters that a
# page planted in a record (a window title by OSC 0, the clipboard by OSC
# 52, a cleared screen by the C1 control CSI, a bell) never reach the
# terminal as controls; only the programs' own colours do.  In files the
# records' bytes stay the records' own (t-fmt-csv.sh checks that).
. "$SCIO_TOP/tests/lib.sh"
PTY="/usr/bin/python3 $SCIO_TOP/tests/on-pty.py 100"

# hostile: a turn and a doc record whose every text field carries ESC ] 0
# (OSC), BEL, ESC [ 2 J and U+009B (CSI as one C1 control).
hostile() {
	evil='\u001b]0;owned\u0007 \u001b[2J \u009b2J \u001b]52;c;aGk=\u0007'
	printf '{"type":"turn","doc":"7001","seq":0,"page":1,"date":"2026-03-04","title":"Briefing %s","speaker":"Red %s Herring","role":"media","outlet":"Outlet %s","qa":1,"text":"line one %s line two","url":"http://127.0.0.1/c.htm"}\n' \
	    "$evil" "$evil" "$evil" "$evil"
	printf '{"type":"turn","doc":"7001","seq":1,"page":1,"date":"2026-03-04","title":"Briefing %s","speaker":"Blue %s Whale","role":"official","outlet":null,"qa":1,"text":"the answer %s here","url":"http://127.0.0.1/c.htm"}\n' \
	    "$evil" "$evil" "$evil"
}

# clean FILE: nothing in FILE a terminal would obey, once the SGR colour
# sequences (ESC [ digits m) the programs write themselves, and CSV's
# CR LF line ends, are set aside.
clean() {
	/usr/bin/python3 - "$1" <<'EOF'
import re, sys
b = open(sys.argv[1], "rb").read()
b = re.sub(rb"\x1b\[[0-9;]*m", b"", b).replace(b"\r\n", b"\n")
t = b.decode("utf-8", "replace")
bad = [hex(ord(c)) for c in t if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
if bad:
    print("controls reached the terminal:", sorted(set(bad)))
    sys.exit(1)
EOF
}

test_expect_success python3 'scio-fmt: text, md, csv, tsv, html, json and a template, on a terminal' '
	hostile >h.jsonl &&
	for f in "-f text" "-f md" "-f csv" "-f tsv" "-f html" "-f json" "-t {speaker}:{title}:{text}" "--by exchange"; do
		$PTY scio-fmt $f h.jsonl >got &&
		clean got || { echo "in: scio-fmt $f"; exit 1; }
	done
'

test_expect_success python3 'scio-grep: the view, records, -o, -c, -l, --mark, --qa, on a terminal' '
	hostile >h.jsonl &&
	for o in "" "--color=never" "--color=always" "-o" "-c" "-l" "--mark" "--qa" "--speaker=/Red/"; do
		$PTY scio-grep $o -e line -e answer h.jsonl >got &&
		clean got || { echo "in: scio-grep $o"; exit 1; }
	done
'

test_expect_success python3 'scio-stats: table, tsv, csv, json and md, on a terminal' '
	hostile >h.jsonl &&
	for f in table tsv csv json md; do
		$PTY scio-stats -f $f --by speaker h.jsonl >got &&
		clean got || { echo "in: scio-stats -f $f"; exit 1; }
	done
'

test_expect_success python3 'scio-db: search, docs and sql (json, csv, tsv), on a terminal' '
	hostile >h.jsonl &&
	scio-db -d a.db load h.jsonl &&
	for c in "search line" "docs" "sql --csv select*from\ turns" "sql --tsv select*from\ turns" "sql select*from\ turns"; do
		eval "$PTY scio-db -d a.db $c" >got &&
		clean got || { echo "in: scio-db $c"; exit 1; }
	done
'

test_expect_success python3 'scio-parse: records, --explain and --docs of a page that carries controls, on a terminal' '
	printf "<html><head><title>Briefing on \033]0;owned\007 trade</title></head><body><div class=\"content\"><p>SCIO press conference on trade</p><p>Xu Lin:</p><p>Good \302\233 2J morning \033]52;c;aGk=\007 all.</p></div></body></html>\n" >p.html &&
	for o in "" "--explain" "--docs"; do
		$PTY scio-parse $o p.html >got 2>&1 &&
		clean got || { echo "in: scio-parse $o"; exit 1; }
	done
'

test_expect_success python3 'messages on stderr show the controls of what they quote as symbols' '
	hostile >h.jsonl &&
	$PTY sh -c "scio-grep --where \"$(printf "sp\033]0;x\007")=1\" x h.jsonl" >got 2>&1
	clean got &&
	grep -q "unknown field .sp␛\]0;x␇." got
'

test_expect_success 'JSON out of the programs: the C1 controls written as \u0080..\u009f, the same data' '
	hostile >h.jsonl &&
	scio-fmt -f json h.jsonl >pretty &&
	grep -q "\\\\u009b2J" pretty &&
	! grep -q "$(printf "\302\233")" pretty &&
	printf "<html><head><title>Briefing on trade</title></head><body><div class=\"content\"><p>SCIO press conference on trade</p><p>Xu Lin:</p><p>A \302\205 B</p></div></body></html>\n" >q.html &&
	scio-parse q.html >rec &&
	grep -q "A \\\\u0085 B" rec
'
