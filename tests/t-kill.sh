#!/bin/sh
# The kill harness (tests/kill-harness.py): the documented cron usage
# `scio-fetch --state seen ... >>pages.jsonl` SIGKILLed at random moments
# (some inside a slowed write), run again until done; every conference
# exactly once and whole, no torn line, the WARC readable, the state never
# corrupt.  make check runs SCIO_KILL_TRIALS (default 20) trials; make
# torture many more.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'the kill harness' 'python3 and jq needed'
	exit 0
fi
trials=${SCIO_KILL_TRIALS:-20}

test_expect_success "$trials random SIGKILLs of the cron usage: every conference once and whole" '
	/usr/bin/python3 "$SCIO_TOP/tests/kill-harness.py" --trials '"$trials"' \
		--conferences 5 --work "$PWD/work" >report &&
	cat report &&
	grep -q " 0 failed" report
'

nightly=${SCIO_KILL_NIGHTLY:-8}
test_expect_success "$nightly random SIGKILLs of scio-nightly (or of its scio-fetch alone): every conference archived once and whole" '
	if ! command -v flock >/dev/null 2>&1; then echo "no flock"; exit 0; fi
	/usr/bin/python3 "$SCIO_TOP/tests/kill-harness.py" --trials 0 --nightly '"$nightly"' \
		--conferences 5 --work "$PWD/work" >report &&
	cat report &&
	grep -q " 0 failed" report
'
