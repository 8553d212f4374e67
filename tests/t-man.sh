#!/bin/sh
# The man pages: mandoc -Tlint finds nothing, man renders them without a
# warning, each has the sections a user looks for, in order, and the
# options of each program's --help are exactly those its page describes,
# in its order; --help has one shape for every program (the usage lines of
# the page's SYNOPSIS, a description, the options, examples, the exit
# status and the page's SEE ALSO) and a usage error one answer.
# (Each page's EXAMPLES are run by tests/t-PROG-docs.sh; this script runs
# those of scio-records(5).)
. "$SCIO_TOP/tests/lib.sh"

PAGES1="scio-fetch scio-parse scio-grep scio-fmt scio-db scio-stats"

# options_help PROG: "-x/--long" or "--long", one per option line of --help,
# in the order of --help (an option listed twice counts where first seen).
options_help() {
	"$1" --help |
		sed -n -e 's/^ *\(-[a-zA-Z]\), \(--[a-z][a-z-]*\).*/\1\/\2/p' \
			-e 's/^ *\(--[a-z][a-z-]*\).*/\1/p' | awk '!seen[$0]++'
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
		done | awk '!seen[$0]++'
}

# synopsis_help PROG: the lines of --help's "Usage: " and "  or:  ".
synopsis_help() {
	"$1" --help | awk 'NR == 1 && sub(/^Usage: /, "") { print; next }
		NR > 1 && sub(/^  or:  /, "") { print; next } { exit }'
}

# synopsis_man PAGE: the lines of its SYNOPSIS, as man renders them.
synopsis_man() {
	LC_ALL=C.UTF-8 MANWIDTH=300 man -l "$1" 2>/dev/null | col -bx |
		awk '/^SYNOPSIS/ { f = 1; next } /^[A-Z]/ { f = 0 }
			f && NF { sub(/^ +/, ""); print }'
}

# see_also_man PAGE: the pages its SEE ALSO names, one a line.
see_also_man() {
	awk '/^\.SH/ { s = $0; next } s == ".SH SEE ALSO"' "$1" |
		sed -n 's/^\.BR \([a-z0-9-]*\) (\([0-9]\)).*/\1(\2)/p'
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
	test_expect_success "$p: --help and the man page list the same options, in one order" '
		options_help '$p' >help &&
		options_man "$SCIO_TOP/cmd/'$p'.1" >man &&
		test "$(wc -l <help)" -ge 6 &&
		test_cmp help man
	'
	test_expect_success man "$p: the usage lines of --help are the man page's SYNOPSIS" '
		synopsis_help '$p' >help &&
		synopsis_man "$SCIO_TOP/cmd/'$p'.1" >man &&
		test -s man && test_cmp man help
	'
	test_expect_success "$p --help: usage, description, options, examples, exit status, see also" '
		'$p' --help >help 2>err && test ! -s err &&
		sed -n 1p help | grep -q "^Usage: '$p' " &&
		grep -v -e "^Usage: " -e "^  or:  " help | sed -n 1p | grep -q "^[A-Z][a-z]" &&
		grep -n -e "^ *-[a-zA-Z], --[a-z]" -e "^Examples:\$" -e "^Exit status:" \
			-e "^See also:" help | sed -e "s/:  *-.*/:option/" -e "s/:\([A-Z][a-z]*\).*/:\1/" |
			cut -d: -f2 | uniq >order &&
		printf "%s\n" option Examples Exit See >want && test_cmp want order &&
		sed -n "/^Examples:\$/,/^\$/p" help | grep -c "^  scio-" >n && test "$(cat n)" -ge 2
	'
	test_expect_success "$p --help names the man page and its SEE ALSO" '
		'$p' --help | sed -n "/^See also:/,\$p" | grep -o "[a-z0-9-]*([0-9])" >help &&
		{ echo "'$p'(1)"; see_also_man "$SCIO_TOP/cmd/'$p'.1"; } >man &&
		test "$(wc -l <man)" -ge 4 && test_cmp man help
	'
	test_expect_success "$p: a usage error: a message and how to get help, on stderr, status 2" '
		test_expect_code 2 '$p' --no-such-option >out 2>err &&
		test ! -s out &&
		sed -n 1p err | grep -q "^'$p': unknown option: .--no-such-option." &&
		sed -n \$p err >last &&
		echo "Try '"'"''$p' --help'"'"' for more information." >want &&
		test_cmp want last
	'
done

test_expect_success man 'the synopsis comparison sees a changed usage line' '
	sed "s/^\.RI \[ FILE \]\.\.\.\$/.RI [ FILES ]/" "$SCIO_TOP/cmd/scio-stats.1" >s.1 &&
	grep -q "FILES" s.1 &&
	synopsis_help scio-stats >help && synopsis_man s.1 >man &&
	! test_cmp man help >diff && grep -q "^+scio-stats \[OPTION\]\.\.\. \[FILE\]\.\.\." diff
'

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
