#!/bin/sh
# scio-fetch's delivery contract: whole lines, whole conferences, a torn
# end of standard output or of the WARC repaired, full disks, a state
# through a symbolic link, a pager that lies, a 304 nobody asked for.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch delivery tests' 'python3 and jq needed'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002

# whole_lines FILE: every line a JSON object, the last one ended.
whole_lines() {
	{ [ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -c | tr -d " ")" = '\n' ]; } &&
	jq -e "type == \"object\"" "$1" >/dev/null
}

# tmpfs DIR SIZE: a small file system at DIR (root only), else fails.
tmpfs() {
	mkdir -p "$1" && mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null
}

test_expect_success 'a torn last line of >>FILE is cut off before appending' '
	scio-fetch $FAST "$U$T2.html" >pages.jsonl &&
	printf "{\"type\":\"page\",\"url\":\"half" >>pages.jsonl &&
	scio-fetch $FAST "$U$T1.htm" >>pages.jsonl 2>err &&
	grep -q "standard output: a torn record left by a run that was stopped (.* bytes) cut off" err &&
	whole_lines pages.jsonl &&
	test "$(wc -l <pages.jsonl)" = 6
'

test_expect_success 'records a killed run wrote after its last state save are cut off, and written once' '
	scio-fetch $FAST --state s "$U$T2.html" >>pages.jsonl &&
	cp pages.jsonl before &&
	tail -n 2 before >>pages.jsonl &&
	head -c 300 before >>pages.jsonl &&
	scio-fetch $FAST --state s "$U$T2.html" >>pages.jsonl 2>err &&
	grep -q "page records written after the last state save" err &&
	test_cmp before pages.jsonl
'

test_expect_success 'output that is not page records is never cut, only a torn end' '
	scio-fetch $FAST --state s "$U$T2.html" >>pages.jsonl &&
	echo "{\"note\":\"mine\"}" >>pages.jsonl &&
	cp pages.jsonl before &&
	scio-fetch $FAST --state s "$U$T2.html" >>pages.jsonl 2>err &&
	test ! -s err &&
	test_cmp before pages.jsonl
'

test_expect_success 'a WARC that ends in a torn record is cut back and appended to' '
	scio-fetch $FAST --warc a.warc "$U$T1.htm" >out &&
	head -c -700 a.warc >b.warc &&
	scio-fetch $FAST --warc b.warc "$U$T2.html" >out 2>err &&
	grep -q "b.warc: ends in a torn record" err &&
	/usr/bin/python3 "$SCIO_TOP/tests/warc-check.py" b.warc >n &&
	grep -q "^1[0-9] records" n
'

test_expect_success 'a WARC damaged before its end is refused and kept' '
	scio-fetch $FAST --warc a.warc "$U$T1.htm" >out &&
	sed "1s/WARC\/1.1/XXXX\/1.1/" a.warc >b.warc &&
	cp b.warc before &&
	test_expect_code 2 scio-fetch $FAST --warc b.warc "$U$T2.html" >out 2>err &&
	grep -q "not a WARC file, or damaged at byte 0; not appending to it" err &&
	cmp before b.warc
'

test_expect_success 'the WARC on a full disk: exit 2, the state not advanced' '
	scio-fetch $FAST --state s "$U$T2.html" >first &&
	cp s before &&
	test_expect_code 2 scio-fetch $FAST --state s --warc /dev/full "$U$T1.htm" >out 2>err &&
	grep -q "cannot write WARC file" err &&
	test ! -s out &&
	test "$(tail -n +2 s)" = "$(tail -n +2 before)"
'

test_expect_success 'stdout on a full file system: no torn record, the state not advanced' '
	if ! tmpfs fs 24k; then echo "no tmpfs: stdout on /dev/full only"; exit 0; fi
	trap "umount fs" EXIT
	scio-fetch $FAST --state s "$U$T2.html" >fs/pages.jsonl &&
	cp s before &&
	head -c 20000 /dev/zero >fs/fill 2>/dev/null; true &&
	test_expect_code 2 scio-fetch $FAST --state s "$U$T1.htm" >>fs/pages.jsonl 2>err &&
	grep -q "No space left on device" err &&
	whole_lines fs/pages.jsonl &&
	test "$(wc -l <fs/pages.jsonl)" = 3 &&
	test "$(tail -n +2 s)" = "$(tail -n +2 before)"
'

test_expect_success 'the state on a full file system: exit 2, the old state kept whole' '
	if ! tmpfs fs 16k; then echo "no tmpfs"; exit 0; fi
	trap "umount fs" EXIT
	scio-fetch $FAST --state fs/s "$U$T2.html" >first &&
	cp fs/s before &&
	head -c 16384 /dev/zero >fs/fill 2>/dev/null; true &&
	test_expect_code 2 scio-fetch $FAST --state fs/s "$U$T1.htm" >second 2>err &&
	grep -q "cannot write state file" err &&
	cmp before fs/s &&
	test -z "$(find fs -name "s.tmp*")"
'

test_expect_success '--save on a full file system: a warning, the records all written' '
	if ! tmpfs fs 8k; then echo "no tmpfs"; exit 0; fi
	trap "umount fs" EXIT
	test_expect_code 2 scio-fetch $FAST --save fs "$U$T1.htm" >out 2>err &&
	grep -q "No space left on device" err &&
	test "$(wc -l <out)" = 3 &&
	test -z "$(find fs -name "*.tmp*")"
'

test_expect_success 'a body that cannot be saved is a warning, never a lost record' '
	mkdir saved && : >saved/127.0.0.1 &&
	test_expect_code 2 scio-fetch $FAST --state s --save saved "$U$T1.htm" >out 2>err &&
	grep -q "cannot create directory" err &&
	test "$(wc -l <out)" = 3 &&
	test "$(grep -c content_11110001 s)" = 3
'

test_expect_success 'a state through a symbolic link: one lock, and the link stays a link' '
	# (its own line: the & below sends the whole && list to the background)
	hang=$(awk "BEGIN { print 1.5 * $TEST_SLOW }")
	mkdir real && : >real/state && ln -s real/state alias &&
	scio-fetch $FAST --timeout $((5 * TEST_SLOW)) --state real/state "$U/fault/hang?secs=$hang&id=sym" >a 2>aerr &
	pid=$! &&
	i=0 && while [ "$(requests "/fault/hang?secs=$hang&id=sym")" = 0 ] && [ $i -lt $((50 * TEST_SLOW)) ]; do sleep 0.1; i=$((i + 1)); done &&
	test_expect_code 2 scio-fetch $FAST --state alias "$U$T1.htm" >b 2>berr &&
	wait $pid &&
	grep -q "is in use by another run" berr &&
	scio-fetch $FAST --state alias "$U$T1.htm" >c &&
	test -L alias &&
	test "$(grep -c content_11110001 real/state)" = 3 &&
	test "$(wc -l <c)" = 3
'

test_expect_success 'a file planted at the state temporary name is not written through' '
	echo precious >victim &&
	ln -s victim s.tmp && ln victim s.tmpXXXXXX 2>/dev/null; true &&
	scio-fetch $FAST --state s "$U$T1.htm" >out &&
	test "$(cat victim)" = precious &&
	test "$(grep -c content_11110001 s)" = 3
'

test_expect_success 'a pager that claims page 999999999: one warning, the run goes on' '
	mkdir -p "$SITE/pressroom/lie" &&
	printf "<html><body><p>Lie</p><a href=\"content_55500001_999999999.htm\">last</a><a href=\"content_55500001_2.htm\">2</a></body></html>\n" >"$SITE/pressroom/lie/content_55500001.htm" &&
	printf "<html><body><p>Two</p></body></html>\n" >"$SITE/pressroom/lie/content_55500001_2.htm" &&
	: >"$SRVLOG" &&
	timeout 20 scio-fetch $FAST --state s "$U/pressroom/lie/content_55500001.htm" "$U$T1.htm" >out 2>err &&
	test "$(grep -c "links to page 999999999; only the first 200 pages" err)" = 1 &&
	test "$(wc -l <out)" = 5 &&
	test "$(requests /pressroom/lie/)" = 2 &&
	jq -c "if .url == \"$U/pressroom/lie/content_55500001.htm\" then .pages = 999999999 else . end" s >s2 && mv s2 s &&
	: >"$SRVLOG" &&
	timeout 20 scio-fetch $FAST --state s "$U/pressroom/lie/content_55500001.htm" >again 2>err2 &&
	grep -q "the state counts 999999999 pages, but page 3 was never delivered" err2 &&
	test ! -s again &&
	test "$(requests /pressroom/lie/)" = 2
'

test_expect_success 'SIGTERM during a long page count from the state is obeyed' '
	mkdir -p "$SITE/pressroom/lie2" &&
	printf "<html><body><p>Lie</p></body></html>\n" >"$SITE/pressroom/lie2/content_55500002.htm" &&
	scio-fetch $FAST --state s "$U/pressroom/lie2/content_55500002.htm" >out &&
	jq -c "if .url == \"$U/pressroom/lie2/content_55500002.htm\" then .pages = 100000 else . end" s >s2 &&
	i=2 && while [ $i -le 3000 ]; do echo "{\"url\":\"$U/pressroom/lie2/content_55500002_$i.htm\"}"; i=$((i + 1)); done >>s2 && mv s2 s &&
	timeout -s KILL 20 scio-fetch $FAST -j 1 --wait 0.2 --max-pages 100000 \
		--state s "$U/pressroom/lie2/content_55500002.htm" >again 2>err &
	pid=$! &&
	i=0 && while [ "$(requests /pressroom/lie2/content_55500002_)" = 0 ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done &&
	kill -TERM $pid &&
	{ wait $pid; echo $? >st; } &&
	test "$(cat st)" = 143 &&
	grep -q "stopped by SIGTERM" err &&
	jq -e "type == \"object\"" s >/dev/null
'

test_expect_success 'a 304 to a request that was not conditional fails that URL' '
	test_expect_code 1 scio-fetch $FAST "$U/fault/304" "$U$T1.htm" >out 2>err &&
	grep -q "fault/304: HTTP 304 Not Modified to a request that was not conditional" err &&
	test "$(wc -l <out)" = 3 &&
	test_expect_code 1 scio-fetch $FAST --state s --all "$U/fault/304" >out 2>err &&
	grep -q "not conditional" err &&
	! grep -q fault/304 s
'

test_expect_success 'a conference with a failed page is not written at all, nor counted' '
	mkdir -p "$SITE/pressroom/gap" &&
	printf "<html><body><p>One</p><a href=\"content_55500003_2.htm\">2</a></body></html>\n" >"$SITE/pressroom/gap/content_55500003.htm" &&
	test_expect_code 1 scio-fetch $FAST --state s "$U/pressroom/gap/content_55500003.htm" "$U$T1.htm" >out 2>err &&
	grep -q "content_55500003_2.htm: HTTP 404" err &&
	test "$(jq -r .url out | grep -c gap)" = 0 &&
	test "$(wc -l <out)" = 3 &&
	! grep -q gap s
'

test_expect_success '| head -1: the reader gets a whole line, the state is whole' '
	scio-fetch $FAST --state s "$U$T1.htm" "$U$T2.html" | head -n 1 >one &&
	whole_lines one &&
	test "$(wc -l <one)" = 1 &&
	{ [ ! -e s ] || jq -e "type == \"object\"" s >/dev/null; }
'

test_expect_success '--save: a URL and a directory of the same name, / and /index.html, all kept' '
	mkdir -p "$SITE/room" && echo "<p>room</p>" >"$SITE/room/index.html" &&
	echo "<p>node</p>" >"$SITE/room/node_1.htm" &&
	printf "%s\n" "$U/room/node_1.htm" "$U/room/index.html" "$U/room/" >urls &&
	scio-fetch $FAST --no-follow --save saved -i urls >out 2>err &&
	test ! -s err &&
	test "$(wc -l <out)" = 3 &&
	test -f saved/127.0.0.1/room/node_1.htm &&
	test -f saved/127.0.0.1/room/index.html &&
	test -f "saved/127.0.0.1/room/index%-.html"
'

test_expect_success '--save never writes through a symbolic link planted under DIR' '
	mkdir -p saved/127.0.0.1 elsewhere &&
	ln -s "$PWD/elsewhere" saved/127.0.0.1/pressroom &&
	test_expect_code 2 scio-fetch $FAST --save saved "$U$T1.htm" >out 2>err &&
	grep -q "cannot create directory .saved/127.0.0.1/pressroom.: Not a directory" err &&
	test -z "$(ls elsewhere)" &&
	test "$(wc -l <out)" = 3
'

test_expect_success '--save replaces a link planted at the file name instead of following it' '
	echo precious >victim &&
	mkdir -p saved/127.0.0.1/pressroom/2024-07/22 &&
	ln -s "$PWD/victim" "saved/127.0.0.1$T1.htm" &&
	ln "$PWD/victim" "saved/127.0.0.1${T1}_2.htm" &&
	scio-fetch $FAST --save saved "$U$T1.htm" >out &&
	test "$(cat victim)" = precious &&
	test ! -L "saved/127.0.0.1$T1.htm" &&
	cmp "$SITE$T1.htm" "saved/127.0.0.1$T1.htm" &&
	cmp "$SITE${T1}_2.htm" "saved/127.0.0.1${T1}_2.htm" &&
	test -z "$(find saved -name "*.tmp*")"
'
