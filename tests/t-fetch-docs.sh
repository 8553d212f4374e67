#!/bin/sh
# Runs every example of docs/scio-fetch.md, cmd/scio-fetch.1 and --help
# against the loopback server, with SITE set to it, through
# tests/examples.py as the other guides' examples: each must exit 0, say
# nothing on stderr and print what the guide shows.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch examples' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start
SITE=$U
export SITE
EX="/usr/bin/python3 $SCIO_TOP/tests/examples.py"
# the URL list the man page's cron example reads
URLS='echo "$SITE/pressroom/2024-07/22/content_11110001.htm" >urls.txt'
export URLS

test_expect_success 'the examples in docs/scio-fetch.md run and print what it shows' '
	mkdir empty &&
	$EX --fixtures empty "$SCIO_TOP/docs/scio-fetch.md" >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 10
'

test_expect_success 'the examples in cmd/scio-fetch.1 run' '
	mkdir empty &&
	$EX --fixtures empty --setup "$URLS" "$SCIO_TOP/cmd/scio-fetch.1" >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 4
'

test_expect_success 'the examples in --help run, on the site at $SITE' '
	mkdir empty &&
	scio-fetch --help | sed "s|http://english.scio.gov.cn|$SITE|" >help &&
	$EX --fixtures empty - <help >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 2
'

test_expect_success 'the cron example writes the pages once, then nothing' '
	sed -n "s/^ *\\$ //p" "$SCIO_TOP/docs/scio-fetch.md" | grep -e "--state seen -i urls.txt" >cron &&
	test "$(wc -l <cron)" = 2 &&
	echo "$SITE/pressroom/2024-07/22/content_11110001.htm" >urls.txt &&
	sh -e -c "$(sed -n 1p cron)" &&
	test "$(wc -l <pages.jsonl)" = 3 &&
	sh -e -c "$(sed -n 2p cron)" &&
	test "$(wc -l <pages.jsonl)" = 3
'

test_expect_success 'every option of --help is in the man page and the guide' '
	scio-fetch --help | grep -o -e "--[a-z-]*" | sort -u >opts &&
	test "$(wc -l <opts)" -gt 20 &&
	while read -r o; do
		grep -q -e "$(echo "$o" | sed "s/-/\\\\\\\\-/g")" "$SCIO_TOP/cmd/scio-fetch.1" || { echo "man page lacks $o"; exit 1; }
		grep -q -e "$o" "$SCIO_TOP/docs/scio-fetch.md" || { echo "guide lacks $o"; exit 1; }
	done <opts
'
