#!/bin/sh
# scio-fetch against the loopback test server: pagination, input forms,
# charsets, and every fault the server can stage.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002

test_expect_success 'a transcript comes with its continuation pages, in order' '
	scio-fetch $FAST "$U$T1.htm" >out &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T1.htm" "$U${T1}_2.htm" "$U${T1}_3.htm" >want &&
	test_cmp want urls &&
	jq -e "select(.type == \"page\" and .status == 200 and .charset == \"utf-8\")" out >/dev/null &&
	grep -q "That concludes" out
'

test_expect_success 'a link to another conference page is not followed' '
	scio-fetch $FAST "$U$T1.htm" >out &&
	test "$(requests /pressroom/2024-07/22/content_11110009)" = 0 &&
	test "$(requests /pressroom/2023-01)" = 0
'

test_expect_success 'pages a later pager shows are found too (.html)' '
	scio-fetch $FAST "$U$T2.html" >out &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T2.html" "$U${T2}_2.html" "$U${T2}_3.html" >want &&
	test_cmp want urls
'

test_expect_success '--no-follow fetches only the page given' '
	scio-fetch $FAST --no-follow "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'a listing is walked as far as --pages says' '
	scio-fetch $FAST "$U/pressroom/node_8021725.htm" >one &&
	test "$(jq -r .url one)" = "$U/pressroom/node_8021725.htm" &&
	scio-fetch $FAST --pages 2 "$U/pressroom/node_8021725.htm" >two &&
	jq -r .url two >urls &&
	printf "%s\n" "$U/pressroom/node_8021725.htm" "$U/pressroom/node_8021725_2.htm" >want &&
	test_cmp want urls &&
	scio-fetch $FAST --pages 0 "$U/pressroom/node_8021725.htm" >all &&
	test "$(wc -l <all)" = 3
'

test_expect_success 'URLs from standard input: plain, relative, records, comments' '
	printf "%s\n" "# a comment" "" "$T1.htm" \
		"{\"type\":\"link\",\"url\":\"$U$T2.html\",\"title\":\"x\"}" >in &&
	scio-fetch $FAST --no-follow --base "$U" <in >out &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T1.htm" "$U$T2.html" >want &&
	test_cmp want urls
'

test_expect_success 'a bad input line is named, skipped, and the run exits 2' '
	printf "%s\n" "{\"url\": 3}" "{not json" "ftp://example.invalid/x" "$U$T1.htm" >in &&
	test_expect_code 2 scio-fetch $FAST --no-follow -i in >out 2>err &&
	test "$(wc -l <out)" = 1 &&
	grep -q "^scio-fetch: in:1: record without a \"url\" string$" err &&
	grep -q "^scio-fetch: in:2: bad JSON" err &&
	grep -q "^scio-fetch: in:3: not an http, https or file URL: .ftp://example.invalid/x.$" err
'

test_expect_success 'a URL given twice is fetched once' '
	scio-fetch $FAST --no-follow "$U$T1.htm" "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'GBK named by the header becomes UTF-8' '
	scio-fetch $FAST "$U/pressroom/gbk/content_11130003.htm" >out &&
	test "$(jq -r .charset out)" = GBK &&
	jq -r .html out | grep -q "示例发布会文字：国务院新闻办公室"
'

test_expect_success 'GB2312 named by a meta tag is decoded as GB18030' '
	scio-fetch $FAST "$U/pressroom/gbk/content_11130004.htm" >out &&
	test "$(jq -r .charset out)" = gb2312 &&
	jq -r .html out | grep -q "河流数据发布会"
'

test_expect_success 'a gzip body is decompressed' '
	scio-fetch $FAST "$U$T1.htm?gz=1" >gz &&
	scio-fetch $FAST --no-follow "$U$T1.htm" >plain &&
	test "$(jq -r .html gz)" = "$(jq -r .html plain)"
'

test_expect_success 'a file:// URL the user gives is read' '
	scio-fetch $FAST --no-follow "file://$SITE$T1.htm" >out &&
	test "$(jq -r .status out)" = null &&
	grep -q "river data" out
'

test_expect_success 'the User-Agent names the program and version, or what -A says' '
	scio-fetch $FAST --no-follow "$U$T1.htm?ua=1" >out &&
	test "$(jq -r "select(.path == \"$T1.htm?ua=1\") | .ua" "$SRVLOG")" = "scio-fetch/0.1.0 (scio-tools)" &&
	scio-fetch $FAST -A "tester/1" --no-follow "$U$T1.htm?ua=2" >out &&
	test "$(jq -r "select(.path == \"$T1.htm?ua=2\") | .ua" "$SRVLOG")" = tester/1
'

test_expect_success '500 then 200: retried and delivered' '
	scio-fetch $FAST "$U/fault/flaky?id=t1" >out 2>err &&
	test "$(jq -r .status out)" = 200 &&
	test "$(requests "/fault/flaky?id=t1")" = 2 &&
	test ! -s err
'

test_expect_success 'always 500: given up after the retries, named, exit 1' '
	test_expect_code 1 scio-fetch $FAST "$U/fault/always500" >out 2>err &&
	test ! -s out &&
	echo "scio-fetch: $U/fault/always500: HTTP 500 (gave up after 3 tries)" >want &&
	test_cmp want err
'

test_expect_success 'a failed URL does not stop the others' '
	test_expect_code 1 scio-fetch $FAST --no-follow "$U/fault/404" "$U$T1.htm" >out 2>err &&
	test "$(jq -r .url out)" = "$U$T1.htm" &&
	grep -q "fault/404: HTTP 404$" err
'

test_expect_success '404 fails at once, without retries' '
	test_expect_code 1 scio-fetch $FAST "$U/fault/404?id=once" >out 2>err &&
	test "$(requests "/fault/404?id=once")" = 1
'

test_expect_success '503 with Retry-After (seconds) waits that long, then succeeds' '
	scio-fetch $FAST "$U/fault/retry-after?id=s1&secs=1" >out &&
	test "$(jq -r .status out)" = 200 &&
	jq -s "map(select(.path | startswith(\"/fault/retry-after?id=s1\"))) | .[1].t - .[0].t >= 0.95" "$SRVLOG" | grep -q true
'

test_expect_success '503 with Retry-After (a date) is honoured too' '
	scio-fetch $FAST "$U/fault/retry-after?id=s2&secs=1&date=1" >out &&
	test "$(jq -r .status out)" = 200 &&
	jq -s "map(select(.path | startswith(\"/fault/retry-after?id=s2\"))) | .[1].t - .[0].t >= 0.95" "$SRVLOG" | grep -q true
'

test_expect_success 'a Retry-After beyond --max-retry-delay fails at once' '
	test_expect_code 1 scio-fetch $FAST --max-retry-delay 2 "$U/fault/retry-after?id=s3&secs=30" >out 2>err &&
	test ! -s out &&
	grep -q "HTTP 503 and Retry-After 30 s is more than --max-retry-delay" err
'

test_expect_success '429 pauses the whole host for the Retry-After' '
	scio-fetch $FAST --no-follow --per-host 1 "$U/fault/429?id=h1" "$U$T1.htm?after429=1" "$U$T2.html?after429=1" >out &&
	test "$(wc -l <out)" = 3 &&
	jq -s "(map(select(.path == \"/fault/429?id=h1\"))[0].t) as \$t0 |
		map(select(.path | endswith(\"after429=1\"))) |
		(length == 2) and all(.t - \$t0 >= 0.95)" "$SRVLOG" | grep -q true &&
	jq -s "(map(select(.path == \"/fault/429?id=h1\"))[0].t) as \$t0 |
		map(select(.path == \"/fault/429?id=h1\")) | .[1].t - \$t0 >= 0.95" "$SRVLOG" | grep -q true
'

test_expect_success 'a server that hangs past --timeout is given up' '
	test_expect_code 1 scio-fetch $FAST --retries 0 --timeout 0.5 "$U/fault/hang?secs=3" >out 2>err &&
	test ! -s out &&
	grep -q "hang?secs=3: operation timed out after" err
'

test_expect_success 'a connection reset mid-body leaves no record' '
	test_expect_code 1 scio-fetch $FAST --retries 1 "$U/fault/reset" >out 2>err &&
	test ! -s out &&
	grep -q "fault/reset: transfer closed with .* bytes remaining to read (gave up after 2 tries)$" err
'

test_expect_success 'a truncated chunked body leaves no record' '
	test_expect_code 1 scio-fetch $FAST --retries 0 "$U/fault/chunked-truncated" >out 2>err &&
	test ! -s out &&
	grep -q "fault/chunked-truncated: transfer closed with outstanding read data remaining$" err
'

test_expect_success 'a redirect loop stops at --max-redirs' '
	test_expect_code 1 scio-fetch $FAST "$U/fault/loop" >out 2>err &&
	test ! -s out &&
	grep -q "fault/loop: more than 5 redirects$" err &&
	test_expect_code 1 scio-fetch $FAST --max-redirs 2 "$U/fault/loop" 2>err &&
	grep -q "more than 2 redirects$" err
'

test_expect_success 'a redirect to file:///etc/passwd is refused' '
	test_expect_code 1 scio-fetch $FAST "$U/fault/to-file" >out 2>err &&
	test ! -s out &&
	grep -q "fault/to-file: redirect to .file:///etc/passwd. refused: only http and https are followed$" err
'

test_expect_success 'a redirect within the web is followed and final_url says where' '
	scio-fetch $FAST "$U/fault/redirect?to=$T2.html" >out &&
	test "$(jq -r .final_url out)" = "$U$T2.html" &&
	test "$(jq -r .url out)" = "$U/fault/redirect?to=$T2.html"
'

test_expect_success 'a body over --max-bytes is refused' '
	test_expect_code 1 scio-fetch $FAST --max-bytes 100k "$U/fault/big?n=200000" >out 2>err &&
	test ! -s out &&
	grep -q "big?n=200000: body larger than --max-bytes (102400 bytes)$" err &&
	scio-fetch $FAST --max-bytes 100k "$U/fault/big?n=50000" >out &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'a gzip bomb is stopped at --max-bytes of decompressed body' '
	test_expect_code 1 scio-fetch $FAST --max-bytes 1M "$U/fault/bomb" >out 2>err &&
	test ! -s out &&
	grep -q "fault/bomb: body larger than --max-bytes (1048576 bytes)$" err
'

test_expect_success 'a server that drips bytes is given up by the low-speed limit' '
	test_expect_code 1 scio-fetch $FAST --retries 0 --timeout 20 --low-speed-limit 50 --low-speed-time 1 \
		"$U/fault/drip?n=100&every=0.3" >out 2>err &&
	test ! -s out &&
	grep -q "drip?n=100&every=0.3: operation too slow" err
'

test_expect_success 'usage errors exit 2; --help and --version exit 0' '
	test_expect_code 2 scio-fetch --no-such-option 2>err &&
	grep -q "Try .scio-fetch --help." err &&
	test_expect_code 2 scio-fetch --jobs 0 x 2>err &&
	grep -q "invalid number for --jobs" err &&
	scio-fetch --help >help &&
	grep -q "^Usage: scio-fetch" help &&
	scio-fetch --version >v &&
	grep -q "^scio-fetch (scio-tools) " v
'

# A page that moved: its continuation links are relative to where it is
# now, not to the URL asked for.
test_expect_success 'a redirected first page: its pages 2..K found where it moved to' '
	mkdir -p "$SITE/old/pressroom/2024-07/22" &&
	echo "301 /pressroom/2024-07/22/content_11110001.htm" \
		>"$SITE/old/pressroom/2024-07/22/content_11110001.htm.status" &&
	: >"$SRVLOG" &&
	scio-fetch $FAST "$U/old/pressroom/2024-07/22/content_11110001.htm" >out 2>err &&
	test_cmp /dev/null err &&
	test "$(wc -l <out)" = 3 &&
	jq -r .final_url out >got &&
	printf "%s\n" "$U/pressroom/2024-07/22/content_11110001.htm" \
		"$U/pressroom/2024-07/22/content_11110001_2.htm" \
		"$U/pressroom/2024-07/22/content_11110001_3.htm" >want &&
	test_cmp want got &&
	! grep -q "/old/pressroom/2024-07/22/content_11110001_" "$SRVLOG"
'

test_expect_success 'a redirected first page: a second run with --state finds its pages' '
	mkdir -p "$SITE/old/pressroom/2024-07/22" &&
	echo "301 /pressroom/2024-07/22/content_11110001.htm" \
		>"$SITE/old/pressroom/2024-07/22/content_11110001.htm.status" &&
	rm -f s &&
	scio-fetch $FAST --state s "$U/old/pressroom/2024-07/22/content_11110001.htm" >first &&
	test "$(wc -l <first)" = 3 &&
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$U/old/pressroom/2024-07/22/content_11110001.htm" >second 2>err &&
	test_cmp /dev/null err &&
	test ! -s second &&
	test "$(requests /pressroom/2024-07/22/content_11110001_)" = 2 &&
	! grep -q "/old/pressroom/2024-07/22/content_11110001_" "$SRVLOG"
'

test_expect_success 'a first page redirected to a URL with a query: its pages 2..K still found' '
	mkdir -p "$SITE/old2/pressroom/2024-07/22" &&
	echo "301 /pressroom/2024-07/22/content_11110001.htm?from=old" \
		>"$SITE/old2/pressroom/2024-07/22/content_11110001.htm.status" &&
	: >"$SRVLOG" &&
	scio-fetch $FAST "$U/old2/pressroom/2024-07/22/content_11110001.htm" >out 2>err &&
	test_cmp /dev/null err &&
	jq -r .final_url out >got &&
	printf "%s\n" "$U/pressroom/2024-07/22/content_11110001.htm?from=old" \
		"$U/pressroom/2024-07/22/content_11110001_2.htm" \
		"$U/pressroom/2024-07/22/content_11110001_3.htm" >want &&
	test_cmp want got &&
	! grep -q "/old2/pressroom/2024-07/22/content_11110001_" "$SRVLOG"
'
