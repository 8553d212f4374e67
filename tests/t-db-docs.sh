#!/bin/sh
# Every example in scio-db's man page and user guide runs and prints
# something from the test fixtures; every option is documented.
. "$SCIO_TOP/tests/lib.sh"

MAN=$SCIO_TOP/cmd/scio-db.1
GUIDE=$SCIO_TOP/docs/scio-db.md
unset XDG_DATA_HOME

# each example reads a fresh archive of the fixture's two conferences
EXAMPLE_SETUP='cp "$FIXTURES/fmt/docs.jsonl" . && rm -f a.db* &&
	SCIO_DB=$PWD/a.db && export SCIO_DB && scio-db load docs.jsonl'

test_expect_success 'the man page examples run and print something' '
	sed -n "/^\.SH EXAMPLES/,/^\.SH SEE ALSO/p" "$MAN" | grep "^scio-db " |
		sed -e "s/\\\\-/-/g" >examples &&
	test "$(wc -l <examples)" -ge 7 &&
	grep -v "^scio-db load" examples | run_examples
'

test_expect_success 'the user guide examples run and print something' '
	sed -n "s/^    \$ //p" "$GUIDE" >examples &&
	test "$(wc -l <examples)" -ge 15 &&
	grep -v "^scio-db load" examples | run_examples
'

test_expect_success python3 'the examples in --help run' '
	scio-db --help >help &&
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" - <help >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 4
'

test_expect_success 'the load examples load, silently, and a reload changes nothing' '
	eval "$EXAMPLE_SETUP" &&
	scio-db sql "SELECT * FROM turns" >before &&
	scio-db load docs.jsonl >out 2>err &&
	test ! -s out && test ! -s err &&
	scio-db sql "SELECT * FROM turns" >after && test_cmp before after
'

test_expect_success 'every option of --help is in the man page and the guide' '
	scio-db --help | grep -o -- "--[a-z-]*" | sort -u >options &&
	test "$(wc -l <options)" -ge 15 &&
	while read -r o; do
		grep -qF -- "$(printf "%s" "$o" | sed "s/-/\\\\-/g")" "$MAN" ||
			{ echo "not in the man page: $o"; exit 1; }
		case $o in --help|--version|--db|--count|--max-count) continue ;; esac
		grep -q -- "$o" "$GUIDE" || { echo "not in the guide: $o"; exit 1; }
	done <options
'

test_expect_success 'the schema in the man page is the one a new archive has' '
	eval "$EXAMPLE_SETUP" &&
	for t in docs participants turns; do
		scio-db sql --tsv "SELECT name FROM pragma_table_info('"'"'$t'"'"')" | sed 1d >cols &&
		while read -r c; do
			grep -q "^\.BR* $c\\>" "$MAN" || { echo "column $t.$c not in the man page"; exit 1; }
		done <cols || exit 1
	done &&
	test "$(scio-db sql --tsv "PRAGMA user_version" | tail -n 1)" = 1
'
