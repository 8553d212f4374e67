#!/bin/sh
# Runs every example of docs/scio-fetch.md and cmd/scio-fetch.1 (lines
# starting "$ ") against the loopback server, with SITE set to it.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch examples' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start
SITE=$U
export SITE

for doc in docs/scio-fetch.md cmd/scio-fetch.1; do
	sed -n 's/^ *\$ //p' "$SCIO_TOP/$doc" >"$SCIO_TOP/tests/out/examples"
	while IFS= read -r ex; do
		case $ex in
		*scio-parse*)
			if ! test_have scio-parse; then
				test_skip "$doc: $ex" 'skipped: no scio-parse'
				continue
			fi ;;
		esac
		test_expect_success "$doc: $ex" '
			echo "$SITE/pressroom/2024-07/22/content_11110001.htm" >urls.txt &&
			sh -e -c "$ex" >stdout &&
			{ [ ! -s stdout ] || grep -q "127.0.0.1" stdout; }
		'
	done <"$SCIO_TOP/tests/out/examples"
done

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
