#!/bin/sh
# Every program starts by opening /dev/null on any of descriptors 0, 1 and
# 2 that is closed, so that no file it opens later takes their place: with
# stdout closed, scio-fetch's lock file once took descriptor 1 and
# received the page records.  (Skipped under valgrind, whose own log
# takes the closed descriptor before the program starts.)
. "$SCIO_TOP/tests/lib.sh"
G=$SCIO_TOP/tests/golden/scio-grep
export G

test_expect_success novalgrind 'scio-grep with stdout closed: its input is not mistaken for it' '
	cp "$G/turns.jsonl" t.jsonl &&
	scio-grep governance t.jsonl >&- 2>err &&
	test ! -s err &&
	test_cmp "$G/turns.jsonl" t.jsonl
'

test_expect_success novalgrind 'scio-fmt with stdin and stdout closed: it reads its file and says nothing' '
	scio-fmt -f csv "$G/turns.jsonl" <&- >&- 2>err &&
	test ! -s err
'

if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch with stdout closed' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

test_expect_success novalgrind 'scio-fetch --state with stdout closed: the lock file stays empty' '
	scio-fetch $FAST --state s "$U/pressroom/2024-07/22/content_11110001.htm" >&- 2>err &&
	test ! -s err &&
	test ! -s s.lock &&
	grep -q content_11110001 s
'
