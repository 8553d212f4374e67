#!/bin/sh
# The fault matrix, output side: a reader that goes away (| head -1) and a
# full disk (/dev/full), for every program that writes records.  A closed
# pipe ends a program quietly; a write error is named and exits 2.
# (scio-fetch with --state on a full disk: tests/t-fetch-state.sh; with
# a closed pipe and signals: tests/t-fault-fetch.sh.)
. "$SCIO_TOP/tests/lib.sh"

TURNS=$FIXTURES/fmt/turns.jsonl
PAGE=$FIXTURES/site/pressroom/2019-06/14/content_90000303.htm

# many: enough records (some 20 MB) that a program is still writing when
# its reader leaves.
many() {
	i=0
	while [ $i -lt 8 ]; do cat "$TURNS"; i=$((i + 1)); done >m8 &&
	i=0
	while [ $i -lt 64 ]; do cat m8; i=$((i + 1)); done >m512 &&
	i=0
	while [ $i -lt 8 ]; do cat m512; i=$((i + 1)); done >many.jsonl
}

PROGS='scio-grep -v -e zzqqzz
scio-grep --qa -e .
scio-fmt -w 80
scio-fmt -f md
scio-fmt -f csv
scio-fmt -f html
scio-fmt -f json
scio-fmt -t {speaker}:{text}
scio-parse'

printf '%s\n' "$PROGS" | while IFS= read -r p; do
	test_expect_success "$p: a reader that leaves early (| head -1) ends it quietly" "
		many &&
		{ $p many.jsonl 2>err; echo \$? >status; } | head -n 1 >out &&
		test \$(wc -l <out) = 1 &&
		test ! -s err &&
		case \$(cat status) in 0|2|141) ;; *) false ;; esac
	"

	test_expect_success "$p: stdout on a full disk is named, exit 2" "
		test_expect_code 2 $p '$TURNS' >/dev/full 2>err &&
		grep -q '^${p%% *}: write error: No space left on device\$' err &&
		test \$(wc -l <err) = 1
	"
done

test_expect_success 'scio-parse: a page on a full disk is named, exit 2' '
	test_expect_code 2 scio-parse "$PAGE" "${PAGE%.htm}_2.htm" >/dev/full 2>err &&
	echo "scio-parse: write error: No space left on device" >want &&
	test_cmp want err
'

test_expect_success 'scio-grep -c and -l on a full disk: named, exit 2' '
	test_expect_code 2 scio-grep -c -e . "$TURNS" >/dev/full 2>err &&
	grep -q "write error: No space left on device" err &&
	test_expect_code 2 scio-grep -l -e . "$TURNS" >/dev/full 2>err &&
	grep -q "write error: No space left on device" err
'

test_expect_success '--help and --version on a full disk: exit 2, not 0' '
	for p in scio-fetch scio-parse scio-grep scio-fmt; do
		test_expect_code 2 $p --help >/dev/full 2>err &&
		test_expect_code 2 $p --version >/dev/full 2>err || exit 1
	done
'

# The records that came out before a reader left are whole lines.
test_expect_success 'scio-grep | head: what was read is whole records' '
	many &&
	scio-grep -v -e zzqqzz many.jsonl 2>err | head -n 300 >out &&
	test ! -s err &&
	test $(wc -l <out) = 300 &&
	scio-grep -c -e . out >n && echo 300 >want && test_cmp want n
'
