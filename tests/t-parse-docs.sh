#!/bin/sh
# Every example in scio-parse's man page and user guide runs, prints
# something and complains of nothing; every option is documented.
. "$SCIO_TOP/tests/lib.sh"
MAN=$SCIO_TOP/cmd/scio-parse.1
GUIDE=$SCIO_TOP/docs/scio-parse.md

# The files the examples name: one conference's pages, and page records.
SETUP='d=$FIXTURES/site/pressroom/2024-07/22 &&
	cp "$d/content_90000101.htm" "$d/content_90000101_2.htm" "$d/content_90000101_3.htm" . &&
	cp "$FIXTURES/site/pressroom/2021-12/10/content_90000404.htm" folk.htm &&
	"$SCIO_TOP/tests/mkpages" pressroom/2024-07/22/content_90000101.htm \
		pressroom/2024-07/22/content_90000101_2.htm pressroom/2024-07/22/content_90000101_3.htm \
		m/pressroom/2025-05/08/content_90000202.html m/pressroom/2025-05/08/content_90000202_2.html \
		pressroom/node_8021725.htm >pages.jsonl &&
	"$SCIO_TOP/tests/mkpages" pressroom/2024-07/22/content_90000101.htm \
		pressroom/2024-07/22/content_90000101_2.htm pressroom/2024-07/22/content_90000101_3.htm |
		sed "2s/}\$/,\"revised\":true,\"previous_fetched_at\":\"2026-11-27T03:17:02Z\"}/" >revised.jsonl'
export SETUP
setup() {
	eval "$SETUP"
}

test_expect_success 'the man page examples run' '
	setup &&
	sed -n "/^\.SH EXAMPLES/,/^\.SH SEE ALSO/p" "$MAN" | grep "^scio-parse " | sed "s/\\\\-/-/g" >examples &&
	test "$(wc -l <examples)" -ge 3 &&
	run_examples <examples
'

test_expect_success python3,jq 'the user guide examples run and print what the guide shows' '
	mkdir empty &&
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" --fixtures empty \
		--setup "$SETUP" "$GUIDE" >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 8
'

test_expect_success python3 'the examples in --help run' '
	mkdir empty-help && scio-parse --help >help &&
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" --fixtures empty-help \
		--setup "$SETUP" - <help >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 3
'

test_expect_success 'every option of --help is in the man page and the guide or README' '
	scio-parse --help | grep -o -- "--[a-z-]*" | sort -u >options &&
	while read -r o; do
		grep -qF -- "$(printf "%s" "$o" | sed "s/-/\\\\-/g")" "$MAN" ||
			{ echo "not in the man page: $o"; exit 1; }
		case $o in --help|--version) continue ;; esac
		grep -q -- "$o" "$GUIDE" "$SCIO_TOP/README.md" || { echo "not in the guide: $o"; exit 1; }
	done <options
'
