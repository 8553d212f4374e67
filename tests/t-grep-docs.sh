#!/bin/sh
# Every example in scio-grep's man page and user guide runs and selects
# something from the test fixtures, the guide's printing what it shows
# (tests/examples.py); every option is documented.
. "$SCIO_TOP/tests/lib.sh"

G=$SCIO_TOP/tests/golden/scio-grep
MAN=$SCIO_TOP/cmd/scio-grep.1
GUIDE=$SCIO_TOP/docs/scio-grep.md
export G

# each example starts from fresh copies of the records it reads
EXAMPLE_SETUP='cp "$G/turns.jsonl" "$G/docs.jsonl" .'

test_expect_success 'the man page examples run and select records' '
	sed -n "/^\.SH EXAMPLES/,/^\.SH SEE ALSO/p" "$MAN" | grep "^scio-grep " >examples &&
	test "$(wc -l <examples)" -ge 5 &&
	run_examples <examples
'

test_expect_success python3 'the user guide examples run and print what the guide shows' '
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" --fixtures "$G" "$GUIDE" >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 24
'

test_expect_success python3 'the examples in --help run (on tests/fixtures/fmt)' '
	scio-grep --help >help &&
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" - <help >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 3
'

test_expect_success 'every option of --help is in the man page and the guide' '
	scio-grep --help | grep -o -- "--[a-z-]*" | sort -u >options &&
	while read -r o; do
		grep -qF -- "$(printf "%s" "$o" | sed "s/-/\\\\-/g")" "$MAN" ||
			{ echo "not in the man page: $o"; exit 1; }
		case $o in --help|--version|--regexp|--fixed-strings|--ignore-case|--word-regexp|--invert-match|--after-context|--before-context|--context|--count|--list|--max-count) continue ;; esac
		grep -q -- "$o" "$GUIDE" || { echo "not in the guide: $o"; exit 1; }
	done <options
'
