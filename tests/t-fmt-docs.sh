#!/bin/sh
# scio-fmt: every example in the user guide, the man page and --help runs,
# and the guide's examples print what the guide shows.
. "$SCIO_TOP/tests/lib.sh"
EX="/usr/bin/python3 $SCIO_TOP/tests/examples.py"

for doc in docs/scio-fmt.md cmd/scio-fmt.1; do
	test_expect_success "the examples in $doc run as shown" "
		$EX \"\$SCIO_TOP/$doc\" >log && cat log && ! grep -q '^fail' log
	"
done

test_expect_success 'the examples in --help run' '
	scio-fmt --help | $EX - >log && cat log && ! grep -q "^fail" log
'

test_expect_success 'the example runner does notice a wrong output' '
	printf "\`\`\`console\n\$ scio-fmt -t {speaker} one.jsonl | head -n 1\nNobody\n\`\`\`\n" >wrong.md &&
	! $EX wrong.md
'

test_expect_success 'the example runner notices a wrong output shown indented, and a complaint' '
	printf "Text.\n\n    \$ echo one\n\n    two\n\nMore.\n" >wrong.md &&
	! $EX wrong.md &&
	printf "Text.\n\n    \$ echo one\n\n    one\n\nMore.\n" >right.md &&
	$EX right.md &&
	printf "    \$ echo one >&2\n" >noisy.md &&
	! $EX noisy.md
'

test_expect_success groff,man 'the man page is well-formed roff' '
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$SCIO_TOP/cmd/scio-fmt.1" >/dev/null 2>err && ! test -s err
'
