#!/bin/sh
# scio-fetch's state file (--state), --save and --warc: incremental runs,
# locking, a killed run, a failed write.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch state tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002

# valid_state FILE: every line is a JSON object, the first the header.
valid_state() {
	head -n 1 "$1" | jq -e '.scio_fetch_state == 1' >/dev/null &&
	jq -e "type == \"object\"" "$1" >/dev/null &&
	test "$(tail -c 1 "$1" | od -An -c | tr -d " ")" = '\n'
}

test_expect_success 'a second run with --state fetches nothing new' '
	scio-fetch $FAST --state s "$U$T1.htm" "$U$T2.html" >first &&
	test "$(wc -l <first)" = 6 &&
	valid_state s &&
	test "$(tail -n +2 s | wc -l)" = 6 &&
	scio-fetch $FAST --state s "$U$T1.htm" "$U$T2.html" >second &&
	test ! -s second
'

test_expect_success 'the second run asks conditionally, for every page' '
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$U$T1.htm" >first &&
	scio-fetch $FAST --state s "$U$T1.htm" >second &&
	test ! -s second &&
	jq -s "map(select(.path != \"/robots.txt\" and .inm != null and .ims != null)) | map(.path) | sort" "$SRVLOG" >asked &&
	jq -n "[\"$T1.htm\", \"${T1}_2.htm\", \"${T1}_3.htm\"]" >want &&
	test "$(jq -c . asked)" = "$(jq -c . want)"
'

test_expect_success '--all fetches and writes unchanged pages anyway' '
	scio-fetch $FAST --state s "$U$T1.htm" >first &&
	scio-fetch $FAST --state s --all "$U$T1.htm" >again &&
	test "$(wc -l <again)" = 3
'

test_expect_success 'a changed page makes its whole conference written again' '
	scio-fetch $FAST --state s "$U$T2.html" >first &&
	cp "$SITE${T2}_2.html" keep &&
	echo "<p>A correction was added.</p>" >>"$SITE${T2}_2.html" &&
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$U$T2.html" >second &&
	jq -r "select(.path == \"$T2.html\") | .inm" "$SRVLOG" >asked &&
	scio-fetch $FAST --state s "$U$T2.html" >third &&
	cp keep "$SITE${T2}_2.html" &&
	test ! -s third &&
	jq -r .url second >got &&
	printf "%s\n" "$U$T2.html" "$U${T2}_2.html" "$U${T2}_3.html" >want &&
	test_cmp want got &&
	grep -q "A correction was added" second &&
	test "$(wc -l <asked)" = 2 &&
	test "$(head -n 1 asked)" != null &&
	test "$(tail -n 1 asked)" = null &&
	scio-parse second >turns &&
	test "$(jq -s "map(.seq) == [range(length)]" turns)" = true &&
	test "$(jq -s "map(.doc) | unique | length" turns)" = 1
'

test_expect_success 'the same content under a new ETag is not written again' '
	scio-fetch $FAST --state s "$U$T1.htm" >first &&
	jq -c "if .url == \"$U$T1.htm\" then .etag = \"\\\"stale\\\"\" | .last_modified = null else . end" s >s2 &&
	mv s2 s &&
	scio-fetch $FAST --state s "$U$T1.htm" >second &&
	test ! -s second &&
	test "$(jq -r "select(.path == \"$T1.htm\") | .inm" "$SRVLOG" | tail -n 1)" = "\"stale\"" &&
	test "$(jq -r "select(.url == \"$U$T1.htm\") | .etag" s)" != "\"stale\""
'

test_expect_success 'a page that failed is not marked done' '
	test_expect_code 1 scio-fetch $FAST --state s "$U/fault/always500" "$U$T1.htm" >out 2>err &&
	test "$(wc -l <out)" = 3 &&
	! grep -q always500 s &&
	grep -q "content_11110001.htm" s
'

test_expect_success 'two runs on one state file: the second fails clearly, the first is intact' '
	scio-fetch $FAST --timeout 20 --state s "$U/fault/hang?secs=4&id=lock" >a 2>aerr &
	pid=$! &&
	wait_until 5 "[ \"\$(requests \"/fault/hang?secs=4&id=lock\")\" != 0 ]" &&
	test_expect_code 2 scio-fetch $FAST --state s "$U$T1.htm" >b 2>berr &&
	wait $pid &&
	test ! -s b &&
	echo "scio-fetch: state file '"'"'s'"'"' is in use by another run (locked through '"'"'s.lock'"'"')" >want &&
	test_cmp want berr &&
	test "$(wc -l <a)" = 1 &&
	valid_state s &&
	grep -q "hang?secs=4&id=lock" s
'

test_expect_success 'a run killed with SIGKILL leaves a whole state; the next run finishes the work' '
	i=1 && while [ $i -le 20 ]; do echo "$U/fault/hang?secs=0.15&id=k$i"; i=$((i + 1)); done >urls &&
	scio-fetch $FAST -j 1 --checkpoint 0 --state s -i urls >first 2>/dev/null &
	pid=$! &&
	wait_until 30 "[ -s s ] && [ -f first ] && [ \$(wc -l <first) -ge 3 ]" &&
	kill -9 $pid &&
	{ wait $pid; true; } &&
	valid_state s &&
	test "$(wc -l <first)" -ge 1 &&
	test "$(wc -l <first)" -lt 20 &&
	grep -c "id=k" s >marked &&
	scio-fetch $FAST --state s -i urls >second &&
	valid_state s &&
	test "$(grep -c "id=k" s)" = 20 &&
	cat first second | jq -r .url | sort -u | wc -l >got &&
	echo 20 >want && test_cmp want got &&
	test "$(wc -l <second)" -le $((20 - $(cat marked)))
'

test_expect_success 'stdout on a full disk: exit 2 and the state is not advanced' '
	scio-fetch $FAST --state s "$U$T2.html" >first &&
	cp s before &&
	test_expect_code 2 scio-fetch $FAST --state s "$U$T1.htm" >/dev/full 2>err &&
	grep -q "write error: No space left on device" err &&
	test_cmp before s
'

test_expect_success 'two pages of one id in two directories are two pages to the state' '
	for d in other/a other/b m/other/a; do
		mkdir -p "$SITE/$d" &&
		printf "<html><body><p>page %s</p></body></html>\n" "$d" \
			>"$SITE/$d/content_5.htm" || return 1
	done &&
	rm -f s &&
	scio-fetch $FAST --state s "$U/other/a/content_5.htm" >first &&
	test "$(wc -l <first)" = 1 &&
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$U/other/b/content_5.htm" >second &&
	test "$(jq -r .url second)" = "$U/other/b/content_5.htm" &&
	test "$(requests /other/b/)" = 1 &&
	test "$(requests /other/a/)" = 0 &&
	test "$(tail -n +2 s | wc -l)" = 2 &&
	scio-fetch $FAST --state s "$U/m/other/a/content_5.htm" >mobile &&
	test ! -s mobile
'

test_expect_success 'a file that is not a state file is refused and kept' '
	echo "not json" >s &&
	test_expect_code 2 scio-fetch $FAST --state s "$U$T1.htm" >out 2>err &&
	test ! -s out &&
	grep -q "not a state file" err &&
	test "$(cat s)" = "not json"
'

test_expect_success '--save keeps each body as served under DIR/HOST/PATH' '
	scio-fetch $FAST --save saved "$U$T1.htm" "$U/pressroom/gbk/content_11130003.htm" >out &&
	cmp "$SITE$T1.htm" "saved/127.0.0.1$T1.htm" &&
	cmp "$SITE${T1}_3.htm" "saved/127.0.0.1${T1}_3.htm" &&
	cmp "$SITE/pressroom/gbk/content_11130003.htm" saved/127.0.0.1/pressroom/gbk/content_11130003.htm &&
	test -z "$(find saved -name "*.tmp*")"
'

test_expect_success '--save cannot be steered out of DIR by the URL' '
	mkdir saved &&
	scio-fetch $FAST --save saved "$U/fault/big?n=10&p=/../../x" >out 2>err &&
	find saved -type f | sort >files &&
	echo "saved/127.0.0.1/fault/big%3Fn%3D10%26p%3D%2F..%2F..%2Fx" >want &&
	test_cmp want files
'

test_expect_success '--warc writes warcinfo, response and request records' '
	scio-fetch $FAST --warc out.warc "$U$T1.htm" "$U/fault/flaky?id=w1" >out &&
	robots=$(grep -c "^WARC-Target-URI: $U/robots.txt" out.warc) &&
	test "$(($(grep -c "^WARC/1.1" out.warc) - robots))" = 11 &&
	test "$(($(grep -c "^WARC-Type: response" out.warc) - robots / 2))" = 5 &&
	test "$(($(grep -c "^WARC-Type: request" out.warc) - robots / 2))" = 5 &&
	grep -q "^WARC-Target-URI: $U${T1}_2.htm" out.warc &&
	grep -q "^User-Agent: scio-fetch/" out.warc &&
	/usr/bin/python3 "$SCIO_TOP/tests/warc-check.py" out.warc
'
