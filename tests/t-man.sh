#!/bin/sh
# The man pages: mandoc -Tlint finds nothing, man renders them without a
# warning, each has the sections a user looks for, in order, and the
# options of each program's --help are exactly those its page describes.
# (Each page's EXAMPLES are run by tests/t-PROG-docs.sh; this script runs
# those of scio-records(5).)
. "$SCIO_TOP/tests/lib.sh"

PAGES1="scio-fetch scio-parse scio-grep scio-fmt scio-db scio-stats"

# options_help PROG: "-x/--long" or "--long", one per option line of --help.
options_help() {
	"$1" --help |
		sed -n -e 's/^ *\(-[a-zA-Z]\), \(--[a-z][a-z-]*\).*/\1\/\2/p' \
			-e 's/^ *\(--[a-z][a-z-]*\).*/\1/p' | sort -u
}

# options_man PAGE: the same, from the item heads of the OPTIONS section.
options_man() {
	awk '/^\.SH/ { s = $0 } s == ".SH OPTIONS" && prev == ".TP" { print } { prev = $0 }' "$1" |
		sed -e 's/\\-/-/g' -e 's/\\f[RBIP]//g' -e 's/"//g' |
		while IFS= read -r head; do
			short=$(printf '%s\n' "$head" | grep -o -e '\(^\|[ ,]\)-[a-zA-Z]\($\|[ ,=]\)' | tr -d ' ,=' | head -n 1)
			longs=$(printf '%s\n' "$head" | grep -o -e '--[a-z][a-z-]*')
			if [ -n "$short" ]; then
				echo "$short/$(echo "$longs" | head -n 1)"
			else
				echo "$longs"
			fi
		done | sort -u
}

if ! command -v mandoc >/dev/null 2>&1; then
	test_skip 'man pages pass mandoc -Tlint' 'skipped: no mandoc (scripts/deps check)'
else
	test_expect_success 'man pages pass mandoc -Tlint, style warnings too' '
		for m in "$SCIO_TOP"/cmd/*.1 "$SCIO_TOP"/man/*.5; do
			mandoc -Tlint -Wstyle "$m" || exit 1
		done >lint 2>&1 &&
		test_cmp /dev/null lint
	'
	test_expect_success 'mandoc -Tlint does catch a broken page' '
		printf ".TH X 1 2025\n.SH NAME\nx \\\\- y\n.SH BOGUS\n.BR\n" >bad.1 &&
		! { mandoc -Tlint -Wstyle bad.1 >out 2>&1 && ! test -s out; }
	'
fi

test_expect_success 'man renders every page without a warning' '
	for m in "$SCIO_TOP"/cmd/*.1 "$SCIO_TOP"/man/*.5; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$m" >page 2>>err &&
		test "$(wc -l <page)" -gt 20 || exit 1
	done &&
	test_cmp /dev/null err
'

for p in $PAGES1; do
	test_expect_success "$p.1 has the sections, in order" '
		grep "^\.SH" "$SCIO_TOP/cmd/'$p'.1" | sed -e "s/^\.SH //" -e "s/\"//g" |
			grep -x -e NAME -e SYNOPSIS -e DESCRIPTION -e OPTIONS -e "EXIT STATUS" \
				-e ENVIRONMENT -e FILES -e EXAMPLES -e "SEE ALSO" >got &&
		printf "%s\n" NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" ENVIRONMENT \
			FILES EXAMPLES "SEE ALSO" >want &&
		test_cmp want got
	'
	test_expect_success "$p: --help and the man page list the same options" '
		options_help '$p' >help &&
		options_man "$SCIO_TOP/cmd/'$p'.1" >man &&
		test "$(wc -l <help)" -ge 6 &&
		test_cmp help man
	'
done

test_expect_success 'the option comparison sees a missing and an extra option' '
	sed "s/^\(\.BR .*-\)docs\$/\1dogs/" "$SCIO_TOP/cmd/scio-parse.1" >p.1 &&
	! grep -q "dogs" "$SCIO_TOP/cmd/scio-parse.1" && grep -q dogs p.1 &&
	options_help scio-parse >help && options_man p.1 >man &&
	! test_cmp help man >diff &&
	grep -q -e "^--d/--docs" diff && grep -q "^+-d/--dogs" diff
'

test_expect_success 'scio-records.5 has the sections of a file-format page' '
	grep "^\.SH" "$SCIO_TOP/man/scio-records.5" | sed -e "s/^\.SH //" >got &&
	grep -x -e NAME -e SYNOPSIS -e DESCRIPTION -e FILES -e EXAMPLES -e "SEE ALSO" got >have &&
	printf "%s\n" NAME SYNOPSIS DESCRIPTION FILES EXAMPLES "SEE ALSO" >want &&
	test_cmp want have
'

test_expect_success 'scio-records.5 names every field scio-parse writes' '
	d=$FIXTURES/site/pressroom/2024-07/22 &&
	{ scio-parse "$d"/content_90000101.htm "$d"/content_90000101_2.htm "$d"/content_90000101_3.htm &&
	  scio-parse --docs "$d"/content_90000101.htm "$d"/content_90000101_2.htm "$d"/content_90000101_3.htm &&
	  scio-parse -u http://english.scio.gov.cn/pressroom/node_8021725.htm \
		"$FIXTURES/site/pressroom/node_8021725.htm"; } >records &&
	jq -r "keys_unsorted[]" records | sort -u >fields &&
	test "$(wc -l <fields)" -ge 25 &&
	while read -r f; do
		grep -q -e "^\.B[IR]* .*\\<$f\\>" "$SCIO_TOP/man/scio-records.5" || { echo "not in scio-records.5: $f"; exit 1; }
	done <fields
'

test_expect_success 'the examples of scio-records.5 run on the sample' '
	d=$FIXTURES/site/pressroom/2024-07/22 &&
	cp "$d"/content_90000101.htm "$d"/content_90000101_2.htm "$d"/content_90000101_3.htm . &&
	scio-parse content_90000101*.htm >turns.jsonl &&
	sed -n "/^\.SH EXAMPLES/,/^\.SH SEE ALSO/p" "$SCIO_TOP/man/scio-records.5" |
		sed -n "/^\.EX/,/^\.EE/p" | grep -v "^\.E[XE]" |
		sed -e "s/\\\\-/-/g" -e "s/\\\\(aq/'"'"'/g" >examples &&
	test "$(wc -l <examples)" = 3 &&
	while IFS= read -r ex; do
		sh -c "$ex" >out 2>err
		st=$?
		if [ "$st" -ne 0 ] || [ ! -s out ] || [ -s err ]; then
			echo "example failed (status $st): $ex"; cat err; exit 1
		fi
	done <examples
'
