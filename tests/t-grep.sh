#!/bin/sh
# scio-grep on a terminal (a pseudo-terminal): the records shown to read
# with the hits highlighted, unless --color=never or NO_COLOR; and what
# grep users type: PATTERN FILE, -q in an if, -o into sort | uniq -c.
. "$SCIO_TOP/tests/lib.sh"
G=$SCIO_TOP/tests/golden/scio-grep
PTY="/usr/bin/python3 $SCIO_TOP/tests/on-pty.py 60"
export G PTY

test_expect_success python3 'on a terminal: readable, hits highlighted, wrapped to its width' '
	$PTY scio-grep -i governance "$G/turns.jsonl" >got &&
	grep -q "$(printf "\033\\[1;31mgovernance\033\\[0m")" got &&
	grep -q "Wang Fang:" got &&
	! grep -q "^{" got &&
	sed "s/\x1b\[[0-9;]*m//g" got | awk "length(\$0) > 62 && !/^Source: / { bad = 1 } END { exit bad }"
'

test_expect_success python3 'on a terminal with --color=never: the JSON records' '
	$PTY scio-grep --color=never -i governance "$G/turns.jsonl" >got &&
	scio-grep -i governance "$G/turns.jsonl" >want &&
	test_cmp want got
'

test_expect_success python3 'on a terminal with NO_COLOR: readable, no escape' '
	NO_COLOR=1 $PTY scio-grep -i governance "$G/turns.jsonl" >got &&
	grep -q "Wang Fang:" got &&
	! grep -q "$(printf "\033")" got
'

test_expect_success python3 'on a terminal, -c, -l, -o and -q print what they print on a pipe' '
	for o in -c -l -o; do
		$PTY scio-grep $o -i governance "$G/turns.jsonl" >got &&
		scio-grep $o -i governance "$G/turns.jsonl" >want &&
		test_cmp want got || exit 1
	done &&
	$PTY scio-grep -q governance "$G/turns.jsonl" >got && test ! -s got
'

test_expect_success 'PATTERN FILE selects what -e PATTERN FILE does' '
	scio-grep -e water "$G/turns.jsonl" >want &&
	scio-grep water "$G/turns.jsonl" >got &&
	test_cmp want got && test -s got &&
	scio-grep -c -e water "$G/turns.jsonl" >want &&
	scio-grep -c water "$G/turns.jsonl" >got &&
	test_cmp want got
'

test_expect_success '-q in an if: 0 on a match, 1 on none, nothing written' '
	if scio-grep -q governance "$G/turns.jsonl" >out; then :; else exit 1; fi &&
	if scio-grep -q zzqqzz "$G/turns.jsonl" >>out; then exit 1; fi &&
	test ! -s out
'

test_expect_success '-o: the matched text, one a line, ready for sort | uniq -c' '
	scio-grep -o -i "security governance" "$G/turns.jsonl" | tr A-Z a-z | sort | uniq -c >got &&
	test "$(cat got | tr -s " ")" = " 4 security governance"
'
