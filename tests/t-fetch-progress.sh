#!/bin/sh
# scio-fetch's progress line, retry notices and summary line: drawn on a
# terminal (a pseudo-terminal here), plain under TERM=dumb, and off a
# terminal (cron) silent unless something failed.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch progress' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start
PTY="/usr/bin/python3 $SCIO_TOP/tests/on-pty.py 200"
T1=/pressroom/2024-07/22/content_11110001
SLOW="--retries 2 --retry-delay 0.05 --timeout 10 --connect-timeout 1"
ESC=$(printf '\033')
CR=$(printf '\r')
export PTY T1 SLOW ESC CR

test_expect_success 'on a terminal: a line with done/total, percent, units and the URL' '
	TERM=xterm $PTY sh -c "scio-fetch $SLOW \"\$U\$T1.htm\" \"\$U/fault/drip?n=6&every=0.3\" >out" >tty &&
	test "$(wc -l <out)" = 4 &&
	tr "\r" "\n" <tty >lines &&
	grep -q "^scio-fetch: [0-9]*/[0-9]* pages [0-9]*%, [0-9]* fetched, [0-9.]* k\\{0,1\\}B, [0-9.]* k\\{0,1\\}B/s" lines &&
	grep -q "/[0-9]* pages [0-9]*%.*127.0.0.1:$PORT/" lines &&
	grep -q "/4 pages .*, [0-9.]* kB, " lines &&
	grep -q "$ESC\\[K" tty
'

test_expect_success 'on a terminal: the line is cleared, then a summary line' '
	TERM=xterm $PTY sh -c "scio-fetch $SLOW \"\$U\$T1.htm\" >out" >tty &&
	tail -n 1 tty >last &&
	grep -q "$CR$ESC\\[Kscio-fetch: 3 pages in [0-9.]* s: 3 fetched, 0 unchanged, 0 failed; 3.[0-9] kB, [0-9.]* [kM]\\{0,1\\}B/s$" last
'

test_expect_success 'tens of kB are kB, not 0.0 MB' '
	TERM=xterm $PTY sh -c "scio-fetch $SLOW \"\$U/fault/big?n=40000\" >out" >tty &&
	grep -q "; 40 kB, " tty &&
	! grep -q "0\\.0 MB" tty
'

test_expect_success 'unchanged (304) and failed pages are counted apart' '
	TERM=xterm $PTY sh -c "scio-fetch $SLOW --no-follow \"\$U/fault/304\" \"\$U/fault/404\" \"\$U\$T1.htm\" >out" >tty ||
	test $? = 1 &&
	grep -q "scio-fetch: 3 pages in [0-9.]* s: 1 fetched, 1 unchanged, 1 failed; " tty
'

test_expect_success 'on a terminal: a retry notice' '
	TERM=xterm $PTY sh -c "scio-fetch $SLOW \"\$U/fault/flaky?id=p1\" >out" >tty &&
	grep -q "scio-fetch: retrying $U/fault/flaky?id=p1 in 0.0[0-9]* s, 1 left$" tty &&
	TERM=xterm $PTY sh -c "scio-fetch --retries 1 --retry-delay 0.05 \"\$U/fault/always500?id=p2\" >out" >tty ||
	test $? = 1 &&
	grep -q "retrying $U/fault/always500?id=p2 in 0.0[0-9]* s, the last try$" tty
'

test_expect_success 'TERM=dumb: no escape codes and no carriage returns, the summary stays' '
	TERM=dumb $PTY sh -c "scio-fetch $SLOW \"\$U\$T1.htm\" \"\$U/fault/flaky?id=p3\" >out" >tty &&
	! grep -q "$ESC" tty &&
	! grep -q "$CR" tty &&
	grep -q "retrying $U/fault/flaky?id=p3 in" tty &&
	grep -q "^scio-fetch: 4 pages in [0-9.]* s: 4 fetched, 0 unchanged, 0 failed; " tty
'

test_expect_success 'no TERM at all: no escape codes either' '
	env -u TERM $PTY sh -c "scio-fetch $SLOW \"\$U\$T1.htm\" >out" >tty &&
	! grep -q "$ESC" tty &&
	grep -q "^scio-fetch: 3 pages in " tty
'

test_expect_success 'with -q on a terminal: nothing at all' '
	TERM=xterm $PTY sh -c "scio-fetch -q $SLOW \"\$U\$T1.htm\" \"\$U/fault/flaky?id=p4\" >out" >tty &&
	test ! -s tty &&
	test "$(wc -l <out)" = 4
'

test_expect_success 'off a terminal (cron): nothing on success, even after a retry' '
	TERM=xterm scio-fetch $SLOW "$U$T1.htm" "$U/fault/flaky?id=p5" >out 2>err &&
	test ! -s err &&
	test "$(wc -l <out)" = 4
'

test_expect_success 'off a terminal (cron): the failure, then the summary line' '
	test_expect_code 1 scio-fetch $SLOW --no-follow "$U$T1.htm" "$U/fault/404" >out 2>err &&
	test "$(wc -l <err)" = 2 &&
	sed -n 1p err | grep -q "^scio-fetch: $U/fault/404: HTTP 404$" &&
	sed -n 2p err | grep -q "^scio-fetch: 2 pages in [0-9.]* s: 1 fetched, 0 unchanged, 1 failed; [0-9.]* kB, [0-9.]* [kM]\\{0,1\\}B/s$" &&
	! grep -q "$ESC" err
'
