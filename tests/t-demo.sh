#!/bin/sh
# make demo (scripts/demo): runs offline, prints a readable transcript
# excerpt and the command lines it ran, and those lines, copied, run.
# (SCIO_DEMO_LIVE=no: no test touches the internet.)
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'make demo' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

test_expect_success 'the demo runs on the sample and shows a transcript' '
	SCIO_DEMO_LIVE=no sh "$SCIO_TOP/scripts/demo" >demo.out 2>demo.err &&
	test_cmp /dev/null demo.err &&
	grep -q "^Fan Deyong:$" demo.out &&
	grep -q "^--- Question 3 ---" demo.out &&
	grep -q "^2021-12-07  SCIO press conference on protecting and passing on folk" demo.out &&
	grep -q "^To run these yourself: cd " demo.out
'

test_expect_success 'every command line it printed runs again as printed' '
	SCIO_DEMO_LIVE=no sh "$SCIO_TOP/scripts/demo" >demo.out 2>&1 &&
	demosite=$(sed -n "s/^The sample site .* is at //p" demo.out) &&
	test -n "$demosite" &&
	sed -n "s/^\\$ //p" demo.out >commands &&
	test "$(wc -l <commands)" -ge 8 &&
	while IFS= read -r c; do
		c=$(printf "%s\n" "$c" | sed "s|$demosite|$SITE|g")
		sh -c "$c" >out 2>err || { echo "failed: $c"; cat err; exit 1; }
		test ! -s err || { echo "complained: $c"; cat err; exit 1; }
	done <commands &&
	test -s new-turns.jsonl && test -s turns.jsonl
'

