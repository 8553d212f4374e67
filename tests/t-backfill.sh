#!/bin/sh
# Issue 14's scale test, small (bench/b-backfill.sh runs it at 5,000
# conferences): a generated archive of 150 conferences of 1 to 14 pages
# behind its listing pages (tests/archive-server.py), backfilled from
# nothing with -j 8 --per-host 8 --wait 0 as the README shows, by
# tests/backfill-run.py, the mobile listing given after the desktop one
# (the same listing: walked once).  Every conference whole, no page fetched twice,
# a second run only conditional and silent, three SIGKILLs at random
# points and a resume equal to one uninterrupted run.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'the backfill of a generated archive' 'python3 and jq needed'
	exit 0
fi
n=150
[ -n "${SCIO_VALGRIND:-}" ] && n=20
work=$SCIO_TOP/tests/out/t-backfill-work
report=$SCIO_TOP/tests/out/t-backfill-report
/usr/bin/python3 "$SCIO_TOP/tests/backfill-run.py" -n $n --kills 3 --mobile --work "$work" \
	>"$report" 2>&1
status=$?
export report n status

test_expect_success "the backfill runs to its end ($n conferences)" '
	cat "$report" &&
	test "$status" -eq 0 &&
	grep -q "^0 failed$" "$report"
'

test_expect_success 'every conference whole: its turns, pages 1..K in order' '
	! grep "^FAILED: every conference whole" "$report" &&
	grep -q "^  $n conferences wanted, $n found" "$report"
'

test_expect_success 'every page asked for once, and answered 200 (the server log)' '
	! grep "^FAILED: every page fetched once" "$report" &&
	grep -q "^  \([0-9]*\) pages wanted, \1 fetched$" "$report"
'

test_expect_success 'a second run over the full state: only conditional requests, nothing written' '
	! grep "^FAILED: a second run" "$report" &&
	grep -q "requests, all conditional$" "$report" &&
	grep -q "^  nothing written$" "$report"
'

test_expect_success 'three SIGKILLs at random points, then a resume: the same records as one run' '
	! grep "^FAILED: the killed" "$report" &&
	test "$(grep -c "^kills: run [0-9]* SIGKILLed" "$report")" -eq 3 &&
	grep -q "^kills: .* the same [0-9]* turn records as the uninterrupted run$" "$report"
'

test_expect_success 'the checker fails on a conference missing or written twice' '
	head -n 3 "$work/whole/turns.jsonl" >twice &&
	cat "$work/whole/turns.jsonl" >>twice &&
	test_expect_code 1 /usr/bin/python3 "$SCIO_TOP/tests/backfill-check.py" whole \
		"$work/manifest" twice >out &&
	grep -q ": turns twice" out &&
	grep -v "\"doc\":\"$(head -n 1 "$work/manifest" | jq -r .doc)\"" \
		"$work/whole/turns.jsonl" >missing &&
	test_expect_code 1 /usr/bin/python3 "$SCIO_TOP/tests/backfill-check.py" whole \
		"$work/manifest" missing >out &&
	grep -q ": missing" out
'
