#!/bin/sh
# scio-fmt for spreadsheets and terminals: --bom and --safe, and control
# characters from a page shown as symbols on a terminal, never as the
# escape sequences they would be, in csv, tsv and template output.
. "$SCIO_TOP/tests/lib.sh"
PTY="/usr/bin/python3 $SCIO_TOP/tests/on-pty.py 100"
export PTY

# One turn whose speaker carries an escape sequence and a bell.
hostile() {
	printf '%s\n' '{"type":"turn","doc":"1","seq":0,"speaker":"Red\u001b[31m Herring\u0007","role":"media","outlet":"@x","text":"line one\nline two \u009b2J"}'
}

test_expect_success python3 'on a terminal: csv, tsv and -t show control characters as symbols' '
	hostile >h.jsonl &&
	for f in "-f csv" "-f tsv" "-t {speaker}:{text}"; do
		$PTY scio-fmt $f h.jsonl >got &&
		! grep -q "$(printf "\033")" got &&
		! grep -q "$(printf "\007")" got &&
		grep -q "Red␛\[31m Herring␇" got || { echo "not defanged: $f"; cat got; exit 1; }
	done
'

test_expect_success 'to a file or a pipe: the bytes are the records'"'"' own' '
	hostile >h.jsonl &&
	scio-fmt -f csv h.jsonl >got &&
	grep -q "$(printf "Red\033\\[31m Herring\007")" got
'

test_expect_success python3 '--bom: Excel'"'"'s UTF-8 mark first, then the same rows (read with utf-8-sig)' '
	scio-fmt -f csv "$FIXTURES/fmt/turns.jsonl" >plain.csv &&
	scio-fmt -f csv --bom "$FIXTURES/fmt/turns.jsonl" >bom.csv &&
	test "$(head -c 3 bom.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	/usr/bin/python3 -c "
import csv, sys
a = list(csv.reader(open(\"plain.csv\", encoding=\"utf-8\", newline=\"\")))
b = list(csv.reader(open(\"bom.csv\", encoding=\"utf-8-sig\", newline=\"\")))
sys.exit(a != b)"
'

test_expect_success '--bom turns --safe on' '
	printf "%s\n" "{\"type\":\"turn\",\"speaker\":\"=1+1\"}" >f.jsonl &&
	scio-fmt -f csv --bom --fields speaker f.jsonl | sed -n 2p >got &&
	printf "'"'"'=1+1\r\n" >want && test_cmp want got
'
