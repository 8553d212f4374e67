#!/bin/sh
# The fault matrix, input side: what each JSON Lines tool does with broken,
# odd or hostile input.  For every row: no crash, the documented exit
# status, a message naming the file and line, and every good line around a
# bad one still delivered.  (scio-fetch's input: tests/t-fault-fetch.sh.)
. "$SCIO_TOP/tests/lib.sh"

TURNS=$FIXTURES/fmt/turns.jsonl

# How to run a program without root's right to read any file.
unprivileged=
if [ "$(id -u)" = 0 ] && [ -z "${SCIO_VALGRIND:-}" ] &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	unprivileged='setpriv --reuid=65534 --regid=65534 --clear-groups'
fi

# The programs as a pipeline uses them; each must pass good turn records on.
PROGS='scio-grep -v -e zzqqzz
scio-fmt -w 80
scio-fmt -f csv
scio-fmt -f json
scio-parse'

# mk_around BAD-LINE-FILE: around.jsonl is turn 1, the bad line, turn 3;
# good.jsonl is turns 1 and 3 alone.
mk_around() {
	sed -n 1p "$TURNS" >around.jsonl &&
	cat "$1" >>around.jsonl &&
	sed -n 3p "$TURNS" >>around.jsonl &&
	sed -n '1p;3p' "$TURNS" >good.jsonl
}

# bad_line_case PROG NAME PRINTF-FORMAT MESSAGE: a line that is not valid
# JSON between two good ones: named as FILE:2, skipped, the good lines
# delivered as they would be alone, exit 2.  MESSAGE is a basic regular
# expression for what follows "FILE:2: ".
bad_line_case() {
	test_expect_success "$1: $2 is named with its line and skipped" "
		printf '$3' >bad &&
		mk_around bad &&
		$1 good.jsonl >want &&
		test_expect_code 2 $1 around.jsonl >out 2>err &&
		test_cmp want out &&
		test \$(wc -l <err) = 1 &&
		grep -q '^${1%% *}: around.jsonl:2: $4' err
	"
}

printf '%s\n' "$PROGS" | while IFS= read -r p; do
	bj='bad JSON at column [0-9]*: '
	bad_line_case "$p" 'truncated JSON' '{"type":"turn","text":"cut off here\n' "${bj}premature end of input"
	bad_line_case "$p" 'invalid UTF-8' '{"type":"turn","text":"caf\351 au lait"}\n' "${bj}unable to decode byte 0xe9"
	bad_line_case "$p" 'an overlong UTF-8 encoding' '{"type":"turn","text":"\300\257"}\n' "${bj}unable to decode byte 0xc0"
	bad_line_case "$p" 'a UTF-16 surrogate in UTF-8' '{"type":"turn","text":"\355\240\200"}\n' "${bj}unable to decode byte 0xed"
	bad_line_case "$p" 'a NUL byte' '{"type":"turn","text":"a\000b"}\n' "${bj}control character 0x0"
	bad_line_case "$p" 'a NUL byte after the object' '{"type":"turn","text":"ab"}\000\n' "${bj}end of file expected"
	bad_line_case "$p" 'a lone surrogate escape' '{"type":"turn","text":"\\ud800"}\n' "${bj}invalid Unicode"
	bad_line_case "$p" 'a JSON value that is not an object' '[1,2,3]\n' '\(bad JSON at column 1: \)\{0,1\}not a JSON object$'
	bad_line_case "$p" 'a bare string' '"just words"\n' "${bj}"
	bad_line_case "$p" 'two objects on one line' '{"type":"turn"}{"type":"turn"}\n' "${bj}end of file expected"

	test_expect_success "$p: 10,000-deep nesting is refused as too deep, without a crash" "
		{ printf '{\"type\":\"turn\",\"x\":'
		  head -c 10000 /dev/zero | tr '\\0' '['
		  head -c 10000 /dev/zero | tr '\\0' ']'
		  printf '}\\n'; } >deep &&
		test \$(tr -cd '[' <deep | wc -c) = 10000 &&
		mk_around deep &&
		$p good.jsonl >want &&
		test_expect_code 2 $p around.jsonl >out 2>err &&
		test_cmp want out &&
		grep -q '^${p%% *}: around.jsonl:2: bad JSON at column [0-9]*: maximum parsing depth reached' err
	"

	test_expect_success "$p: CRLF line ends read as LF ones" "
		sed -n 1,4p '$TURNS' >lf.jsonl &&
		sed 's/\$/\r/' lf.jsonl >crlf.jsonl &&
		$p lf.jsonl >want &&
		$p crlf.jsonl >out 2>err &&
		test_cmp want out &&
		test ! -s err
	"

	test_expect_success "$p: a UTF-8 byte order mark on line 1 is ignored" "
		sed -n 1,4p '$TURNS' >plain.jsonl &&
		{ printf '\357\273\277'; cat plain.jsonl; } >bom.jsonl &&
		$p plain.jsonl >want &&
		$p bom.jsonl >out 2>err &&
		test_cmp want out &&
		test ! -s err
	"

	test_expect_success "$p: blank lines (spaces, tabs, CR) are skipped quietly" "
		sed -n 1,4p '$TURNS' >plain.jsonl &&
		{ echo; sed -n 1,2p plain.jsonl; printf ' \t \n\r\n\n'; sed -n 3,4p plain.jsonl; echo; } >blank.jsonl &&
		$p plain.jsonl >want &&
		$p blank.jsonl >out 2>err &&
		test_cmp want out &&
		test ! -s err
	"

	test_expect_success "$p: a directory is named, skipped, exit 2, the next file still read" "
		mkdir adir &&
		sed -n 1,2p '$TURNS' >two.jsonl &&
		$p two.jsonl >want &&
		test_expect_code 2 $p adir two.jsonl >out 2>err &&
		test_cmp want out &&
		echo '${p%% *}: adir: is a directory' >wanterr &&
		test_cmp wanterr err
	"

	test_expect_success "$p: a missing file is named, exit 2, the next file still read" "
		sed -n 1,2p '$TURNS' >two.jsonl &&
		$p two.jsonl >want &&
		test_expect_code 2 $p nosuch.jsonl two.jsonl >out 2>err &&
		test_cmp want out &&
		echo '${p%% *}: nosuch.jsonl: No such file or directory' >wanterr &&
		test_cmp wanterr err
	"

	# Root reads any file: the program then runs as nobody (setpriv).
	if [ -n "$unprivileged" ] || [ "$(id -u)" != 0 ]; then
		test_expect_success "$p: an unreadable file is named, exit 2, the next file still read" "
			sed -n 1,2p '$TURNS' >two.jsonl &&
			cp two.jsonl locked.jsonl && chmod 000 locked.jsonl &&
			$p two.jsonl >want &&
			test_expect_code 2 $unprivileged $p locked.jsonl two.jsonl >out 2>err &&
			test_cmp want out &&
			echo '${p%% *}: locked.jsonl: Permission denied' >wanterr &&
			test_cmp wanterr err
		"
	else
		test_skip "$p: an unreadable file is named, exit 2" 'skipped: running as root, and no setpriv to drop it'
	fi

	# A file that opens but fails to read: /proc/self/mem at offset 0
	# gives EIO on Linux, even to root.
	if [ -r /proc/self/mem ]; then
		test_expect_success "$p: a read error is named, exit 2, no output from it" "
			{ $p /dev/null 2>/dev/null; true; } >want &&
			test_expect_code 2 $p /proc/self/mem >out 2>err &&
			test_cmp want out &&
			grep -q '^${p%% *}: /proc/self/mem: read error: Input/output error\$' err
		"
	fi
done

# A 50 MB line: read whole, whatever its length.
big_line() {
	{ printf '{"type":"turn","doc":"77","seq":0,"speaker":"Oskar Brandvold","role":"official","outlet":null,"qa":0,"text":"'
	  head -c 50000000 /dev/zero | tr '\0' 'w'
	  printf ' tidewater"}\n'; } >big.jsonl
}

test_expect_success 'scio-grep: a 50 MB line is matched and passed on byte for byte' '
	big_line &&
	sed -n 1p "$TURNS" >>big.jsonl &&
	scio-grep -e "w tidewater\$" big.jsonl >out 2>err &&
	test ! -s err &&
	head -n 1 big.jsonl | cmp - out
'

test_expect_success 'scio-grep: a 50 MB line is selected by field too' '
	big_line &&
	scio-grep --speaker "Oskar Brandvold" big.jsonl >out &&
	cmp big.jsonl out
'

test_expect_success 'scio-fmt: a 50 MB text is written whole (csv and template)' '
	big_line &&
	scio-fmt -f csv -F text --no-header big.jsonl >csv &&
	test $(wc -c <csv) = $((50000000 + 12)) &&
	scio-fmt -t "{speaker}" big.jsonl >tpl &&
	echo "Oskar Brandvold" >want && test_cmp want tpl
'

test_expect_success 'scio-parse: a 50 MB record it does not parse is passed on unchanged' '
	big_line &&
	scio-parse big.jsonl >out 2>err &&
	test ! -s err &&
	cmp big.jsonl out
'

test_expect_success 'scio-parse: a 50 MB page record is read and reported, not crashed on' '
	{ printf "{\"type\":\"page\",\"url\":\"http://example.invalid/x.htm\",\"html\":\"<html><body><p>"
	  head -c 50000000 /dev/zero | tr "\0" "w"
	  printf "</p></body></html>\"}\n"; } >bigpage.jsonl &&
	test_expect_code 2 scio-parse bigpage.jsonl >out 2>err &&
	test ! -s out &&
	grep -q "^scio-parse: bigpage.jsonl:1: no recognisable structure in http://example.invalid/x.htm" err
'

# Wrong field types and missing fields: never a crash; a record is still
# shown, and a value of an unexpected type is shown as JSON, not dropped.
WRONG='{"type":"turn","doc":5,"seq":"x","speaker":["Ada","Bo"],"role":7,"outlet":{"n":1},"qa":"two","date":true,"text":{"para":"kept"}}'
MISSING='{"type":"turn"}'

test_expect_success 'scio-grep: wrong field types are not matched and not fatal' '
	echo "$WRONG" >in.jsonl && echo "$MISSING" >>in.jsonl &&
	test_expect_code 1 scio-grep --speaker Ada --since 2020 -e kept in.jsonl >out 2>err &&
	test ! -s out && test ! -s err &&
	test_expect_code 1 scio-grep --qa -e kept in.jsonl >out 2>err &&
	test ! -s err &&
	scio-grep --where "role=7" in.jsonl >out &&
	echo "$WRONG" >want &&
	test_cmp want out
'

test_expect_success 'scio-fmt: a value of the wrong type is shown as JSON in every format' '
	echo "$WRONG" >in.jsonl &&
	for f in text md html csv tsv; do
		scio-fmt -w 0 -f $f in.jsonl >out.$f 2>err &&
		test ! -s err &&
		grep -q "para" out.$f &&
		grep -q "Ada" out.$f || { echo "format $f"; cat out.$f; exit 1; }
	done &&
	scio-fmt -t "{doc}|{speaker}|{qa}|{text}" in.jsonl >out &&
	echo "5|[\"Ada\",\"Bo\"]|two|{\"para\":\"kept\"}" >want &&
	test_cmp want out
'

test_expect_success 'scio-fmt: a record with only a type is still shown' '
	echo "$MISSING" >in.jsonl && echo "{}" >>in.jsonl &&
	for f in text md html csv tsv json; do
		scio-fmt -f $f in.jsonl >out 2>err &&
		test ! -s err && test -s out || exit 1
	done &&
	scio-fmt -f csv --no-header in.jsonl >out &&
	test $(wc -l <out) = 2
'

test_expect_success 'scio-parse: a page record without html is named; others pass on' '
	printf "{\"type\":\"page\",\"url\":\"http://example.invalid/a\"}\n{\"type\":\"page\",\"html\":7}\n%s\n%s\n" "$MISSING" "$WRONG" >in.jsonl &&
	test_expect_code 2 scio-parse in.jsonl >out 2>err &&
	sed -n 3,4p in.jsonl >want && test_cmp want out &&
	printf "%s\n" "scio-parse: in.jsonl:1: page record without an html string" \
	    "scio-parse: in.jsonl:2: page record without an html string" >wanterr &&
	test_cmp wanterr err
'

# An empty file: nothing to do is not an error for the filters; scio-parse
# names it, since a page it was given to parse is missing.
test_expect_success 'an empty file: scio-grep exits 1, scio-fmt 0, scio-parse names it' '
	: >empty.jsonl &&
	test_expect_code 1 scio-grep -e . empty.jsonl >out 2>err &&
	test ! -s out && test ! -s err &&
	scio-fmt empty.jsonl >out 2>err &&
	test ! -s out && test ! -s err &&
	test_expect_code 2 scio-parse empty.jsonl >out 2>err &&
	test ! -s out &&
	echo "scio-parse: empty.jsonl: empty file" >want && test_cmp want err
'

test_expect_success 'an empty standard input is no error for any of them' '
	test_expect_code 1 scio-grep -e . </dev/null >out 2>err &&
	scio-fmt </dev/null >>out 2>>err &&
	scio-parse </dev/null >>out 2>>err &&
	test ! -s out && test ! -s err
'

test_expect_success 'scio-parse: HTML with NUL bytes is named, exit 2, no crash' '
	printf "<html><body>\000\000\000<p>x</p></body></html>\n" >nul.htm &&
	test_expect_code 2 scio-parse nul.htm >out 2>err &&
	test ! -s out &&
	grep -q "^scio-parse: nul.htm: " err
'

# A pattern PCRE2 cannot test on a record (its JIT stack runs out on a
# long text) must not pass for "no match", least of all under -v.
test_expect_success 'scio-grep: a record a pattern cannot be tested on is named and skipped' '
	{ printf "{\"type\":\"turn\",\"text\":\""; head -c 1000000 /dev/zero | tr "\0" a; printf "\"}\n"; } >long.jsonl &&
	sed -n 1p "$TURNS" >>long.jsonl &&
	if [ -n "${SCIO_NO_JIT:-}" ]; then
		scio-grep -e "(a|b)*c" long.jsonl >out 2>err || test $? = 1
	else
		test_expect_code 2 scio-grep -e "(a|b)*c" long.jsonl >out 2>err &&
		sed -n 2p long.jsonl >want && test_cmp want out &&
		echo "scio-grep: long.jsonl:1: matching failed: JIT stack limit reached; record skipped" >wanterr &&
		test_cmp wanterr err &&
		test_expect_code 2 scio-grep -v -e "(a|b)*c" long.jsonl >out 2>err &&
		test ! -s out &&
		test_cmp wanterr err
	fi
'

# The programs read SCIO_NO_JIT and pass it down (the library reads no
# environment variable): PCRE2's interpreter has no JIT stack to run out of.
test_expect_success 'scio-grep and scio-stats: SCIO_NO_JIT=1 matches without the JIT' '
	{ printf "{\"type\":\"turn\",\"text\":\""; head -c 1000000 /dev/zero | tr "\0" a; printf "\"}\n"; } >long.jsonl &&
	sed -n 1p "$TURNS" >>long.jsonl &&
	SCIO_NO_JIT=1 scio-grep -c -e "(a|b)*c" long.jsonl >out 2>err &&
	echo 1 >want && test_cmp want out && test_cmp /dev/null err &&
	SCIO_NO_JIT=1 scio-stats -f tsv --no-header -e "(a|b)*c" long.jsonl >out 2>err &&
	test_cmp /dev/null err &&
	if [ -z "${SCIO_VALGRIND:-}" ]; then
		# and without it, the JIT: its stack runs out on the long line
		test_expect_code 2 env -u SCIO_NO_JIT scio-grep -c -e "(a|b)*c" long.jsonl >out 2>err &&
		grep -q "JIT stack limit" err &&
		test_expect_code 2 env -u SCIO_NO_JIT scio-stats -e "(a|b)*c" long.jsonl >out 2>err &&
		grep -q "JIT stack limit" err
	fi
'
