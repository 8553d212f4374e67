#!/bin/sh
# scio-stats: every example in the user guide, the man page and --help runs,
# and the guide's examples print what the guide shows.
. "$SCIO_TOP/tests/lib.sh"
EX="/usr/bin/python3 $SCIO_TOP/tests/examples.py"

for doc in docs/scio-stats.md cmd/scio-stats.1; do
	test_expect_success "the examples in $doc run as shown" "
		$EX \"\$SCIO_TOP/$doc\" >log && cat log && ! grep -q '^fail' log &&
		test \"\$(grep -c '^ok' log)\" -ge 5
	"
done

test_expect_success 'the examples in --help run' '
	scio-stats --help | $EX - >log && cat log && ! grep -q "^fail" log
'

test_expect_success groff,man 'the man page is well-formed roff' '
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$SCIO_TOP/cmd/scio-stats.1" >/dev/null 2>err && ! test -s err
'
