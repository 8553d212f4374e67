#!/bin/sh
# scio-fetch --warc: records other web-archive tools can read, checked by
# an independent reader (tests/warc-check.py, from the WARC 1.1 spec):
# plain and per-record gzip files, bodies as the server sent them (gzip,
# chunked), digests, request records, redirects, a 304 with --state, and
# a torn or damaged .warc.gz.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch WARC tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002
# The cases count records: robots.txt is left out of them (its exchange
# is archived like any other: the warcinfo case shows it).
W="$FAST --wait 0 --no-robots"
check() { /usr/bin/python3 "$SCIO_TOP/tests/warc-check.py" "$@"; }

test_expect_success 'a plain WARC: every record read, both digests checked' '
	scio-fetch $W --warc a.warc "$U$T1.htm" >out &&
	check a.warc >sum &&
	grep -q "^7 records: request 3, response 3, warcinfo 1$" sum &&
	grep -q "^format: plain$" sum &&
	grep -q "^digests verified: 7 block, 3 payload$" sum &&
	test "$(grep -c "^WARC-IP-Address: 127.0.0.1" a.warc)" = 6
'

test_expect_success 'a .warc.gz is one gzip member per record, the same records inside' '
	scio-fetch $W --warc a.warc.gz "$U$T1.htm" >out &&
	test "$(od -An -tx1 -N2 a.warc.gz | tr -d " ")" = 1f8b &&
	check a.warc.gz >sum &&
	grep -q "^7 records: request 3, response 3, warcinfo 1$" sum &&
	grep -q "^format: gzip, one member per record$" sum &&
	gzip -dc a.warc.gz >plain.warc &&
	check plain.warc >sum2 &&
	grep -q "^7 records" sum2
'

test_expect_success 'a body of megabytes is one gzip member too' '
	scio-fetch $W --warc a.warc.gz "$U/fault/big?n=3000000" >out &&
	check a.warc.gz >sum &&
	grep -q "^3 records: request 1, response 1, warcinfo 1$" sum &&
	check --payload "$U/fault/big?n=3000000" a.warc.gz >body &&
	test "$(wc -c <body)" = 3000012
'

test_expect_success 'the warcinfo record names the software, the format and the robots policy' '
	scio-fetch $FAST -A "tester/1.0" --warc a.warc "$U$T1.htm" >out &&
	grep -q "^WARC-Target-URI: $U/robots.txt" a.warc &&
	check a.warc >sum && grep -q "^9 records: request 4, response 4, warcinfo 1$" sum &&
	sed -n "/^WARC-Type: warcinfo/,/^WARC\/1.1/p" a.warc | tr -d "\r" >info &&
	grep -q "^software: scio-fetch/" info &&
	grep -q "^format: WARC File Format 1.1$" info &&
	grep -q "^robots: classic$" info &&
	grep -q "^http-header-user-agent: tester/1.0$" info &&
	grep -q "^WARC-Filename: a.warc$" info &&
	scio-fetch $W --no-robots --from someone@example.org --warc b.warc "$U$T1.htm" >out &&
	sed -n "/^WARC-Type: warcinfo/,/^WARC\/1.1/p" b.warc | tr -d "\r" >info2 &&
	grep -q "^robots: ignore$" info2 &&
	grep -q "^http-header-from: someone@example.org$" info2
'

test_expect_success 'each run starts with one warcinfo record, and responses name it' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm" >out &&
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T2.html" >out &&
	check --list a.warc.gz >list &&
	test "$(grep -c "^warcinfo" list)" = 2 &&
	test "$(head -n 1 list)" = warcinfo &&
	test "$(sed -n 4p list)" = warcinfo
'

test_expect_success 'a gzip-encoded response is kept as sent: gzip bytes, its own headers' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm?gz=1" >out &&
	check a.warc.gz >sum &&
	grep -q "content-encoded 1 (gzip 1)" sum &&
	check --payload "$U$T1.htm?gz=1" a.warc.gz >body &&
	test "$(od -An -tx1 -N2 body | tr -d " ")" = 1f8b &&
	gzip -dc body >decoded &&
	cmp decoded "$SITE$T1.htm" &&
	gzip -dc a.warc.gz | tr -d "\r" >plain &&
	grep -q "^Content-Encoding: gzip$" plain &&
	grep -q "^Content-Length: $(wc -c <body)$" plain &&
	jq -r .html out >html &&
	scio-fetch $W --no-follow "$U$T1.htm" >plain.jsonl &&
	jq -r .html plain.jsonl >want &&
	test_cmp want html
'

test_expect_success 'a chunked response is stored de-chunked, its framing header renamed' '
	scio-fetch $W --no-follow --warc a.warc "$U$T1.htm?chunked=1" >out &&
	check a.warc >sum &&
	grep -q "chunked 1," sum &&
	check --payload "$U$T1.htm?chunked=1" a.warc >body &&
	cmp body "$SITE$T1.htm" &&
	tr -d "\r" <a.warc >plain &&
	grep -q "^X-Scio-Transfer-Encoding: chunked$" plain &&
	! grep -q "^Transfer-Encoding:" plain &&
	grep -q "^Content-Length: $(wc -c <body)$" plain
'

test_expect_success 'chunked and gzip-encoded at once: the gzip bytes, de-chunked' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm?chunked=1&gz=1" >out &&
	check a.warc.gz >sum &&
	grep -q "content-encoded 1 (gzip 1), chunked 1," sum &&
	check --payload "$U$T1.htm?chunked=1&gz=1" a.warc.gz >body &&
	gzip -dc body | cmp - "$SITE$T1.htm" &&
	grep -q "river data" out
'

test_expect_success 'a redirect is an exchange of its own; a body libcurl dropped is marked truncated' '
	scio-fetch $W --no-follow --warc a.warc "$U/fault/redirect?to=$T1.htm" >out &&
	scio-fetch $W --no-follow --warc b.warc "$U/fault/redirect?body=1&to=$T1.htm" >out &&
	check --list a.warc >list &&
	grep -q "^response $U/fault/redirect?to=$T1.htm 301 -$" list &&
	grep -q "^request $U$T1.htm - -$" list &&
	grep -q "^response $U$T1.htm 200 -$" list &&
	tr -d "\r" <a.warc | grep -q "^Location: $T1.htm$" &&
	check b.warc >sum &&
	grep -q "truncated 1$" sum &&
	grep -q "^WARC-Truncated: unspecified" b.warc &&
	! grep -q "^WARC-Truncated" a.warc
'

# A transfer that failed at a redirect's target is retried there: the
# redirect was sent once and must be in the WARC once.
test_expect_success 'a redirect whose target is retried is archived once' '
	R="$U/fault/redirect?to=/fault/flaky%3Fid%3Dwarc-hop" &&
	: >"$SRVLOG" &&
	scio-fetch $W --no-follow --warc a.warc "$R" >out &&
	test "$(requests /fault/redirect)" = 1 &&
	test "$(requests /fault/flaky)" = 2 &&
	check --list a.warc >list &&
	test "$(grep -c "^response $R 301 -$" list)" = 1 &&
	test "$(grep -c "^request $R - -$" list)" = 1 &&
	grep -q "^response $U/fault/flaky?id=warc-hop 500 -$" list &&
	grep -q "^response $U/fault/flaky?id=warc-hop 200 -$" list &&
	check a.warc >sum &&
	grep -q "^7 records: request 3, response 3, warcinfo 1$" sum
'

test_expect_success 'a 304 to a conditional request is archived, its request with the validators' '
	scio-fetch $W --no-follow --state s "$U$T1.htm" >first &&
	scio-fetch $W --no-follow --state s --warc a.warc.gz "$U$T1.htm" >second &&
	test ! -s second &&
	check --list a.warc.gz >list &&
	grep -q "^response $U$T1.htm 304 -$" list &&
	gzip -dc a.warc.gz | tr -d "\r" >plain &&
	grep -q "^If-None-Match: \"" plain &&
	check a.warc.gz >sum &&
	grep -q "^digests verified: 3 block, 1 payload$" sum
'

test_expect_success 'the payload digest is the sha1 of the body as sent, in base32' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm?gz=1" >out &&
	check --payload "$U$T1.htm?gz=1" a.warc.gz >body &&
	want=$(/usr/bin/python3 -c "import base64, hashlib, sys; print(\"sha1:\" + base64.b32encode(hashlib.sha1(open(sys.argv[1], \"rb\").read()).digest()).decode())" body) &&
	gzip -dc a.warc.gz | tr -d "\r" | grep -a "^WARC-Payload-Digest: " >got &&
	test "$(cat got)" = "WARC-Payload-Digest: $want"
'

test_expect_success 'a .warc.gz that ends in a torn gzip member is cut back, with its request, and appended to' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm" >out &&
	size=$(wc -c <a.warc.gz) &&
	head -c $((size - 40)) a.warc.gz >b.warc.gz &&
	scio-fetch $W --no-follow --warc b.warc.gz "$U$T2.html" >out 2>err &&
	grep -q "b.warc.gz: ends in a torn record" err &&
	check --list b.warc.gz >list &&
	grep -q "^response $U$T2.html 200 -$" list &&
	! grep -q "^response $U$T1.htm " list &&
	! grep -q "^request $U$T1.htm " list &&
	test "$(grep -c "^warcinfo" list)" = 2
'

test_expect_success 'a .warc.gz damaged before its end is refused and kept' '
	scio-fetch $W --no-follow --warc a.warc.gz "$U$T1.htm" >out &&
	/usr/bin/python3 -c "
import sys
d = bytearray(open(sys.argv[1], \"rb\").read())
d[30] ^= 0xff
open(sys.argv[2], \"wb\").write(d)" a.warc.gz b.warc.gz &&
	cp b.warc.gz before &&
	test_expect_code 2 scio-fetch $W --no-follow --warc b.warc.gz "$U$T2.html" >out 2>err &&
	grep -q "b.warc.gz: not gzip, or damaged at byte 0; not appending to it" err &&
	cmp before b.warc.gz &&
	test ! -s out
'

test_expect_success 'a plain WARC under a .gz name (older scio-fetch) is refused and kept' '
	scio-fetch $W --no-follow --warc a.warc "$U$T1.htm" >out &&
	cp a.warc old.warc.gz &&
	test_expect_code 2 scio-fetch $W --no-follow --warc old.warc.gz "$U$T2.html" >out 2>err &&
	grep -q "old.warc.gz: an uncompressed WARC under a .gz name" err &&
	cmp a.warc old.warc.gz
'

test_expect_success 'the reader finds a changed byte, a missing request, a glued member' '
	scio-fetch $W --no-follow --warc a.warc "$U$T1.htm" >out &&
	sed "s/river data/river dat!/" a.warc >bad.warc &&
	test_expect_code 1 check bad.warc 2>err &&
	grep -q "WARC-Block-Digest: sha1:.* does not match" err &&
	/usr/bin/python3 -c "
import sys
d = open(sys.argv[1], \"rb\").read()
recs = d.split(b\"\\r\\n\\r\\nWARC/1.1\")
out = recs[0] + b\"\".join(b\"\\r\\n\\r\\nWARC/1.1\" + r for r in recs[1:] if b\"WARC-Type: request\" not in r[:40])
open(sys.argv[2], \"wb\").write(out)" a.warc noreq.warc &&
	test_expect_code 1 check noreq.warc 2>err &&
	grep -q "has no request" err &&
	gzip -c a.warc >glued.warc.gz &&
	test_expect_code 1 check glued.warc.gz 2>err &&
	grep -q "holds more than one record" err
'

test_expect_success 'a body that is not what its Content-Encoding says fails, after retries' '
	test_expect_code 1 scio-fetch $W --warc a.warc "$U/fault/badgzip?id=w" "$U/fault/brotli?id=w" >out 2>err &&
	grep -q "fault/badgzip?id=w: bad compressed body: .* (gave up after 3 tries)$" err &&
	grep -q "fault/brotli?id=w: unknown Content-Encoding .br. (gave up after 3 tries)$" err &&
	test ! -s out &&
	check a.warc >sum &&
	grep -q "^1 records: warcinfo 1$" sum
'

test_expect_success 'a plain WARC cut inside a response loses its request too' '
	scio-fetch $W --no-follow --warc a.warc "$U$T1.htm" >out &&
	head -c -100 a.warc >b.warc &&
	scio-fetch $W --no-follow --warc b.warc "$U$T2.html" >out 2>err &&
	grep -q "b.warc: ends in a torn record" err &&
	check --list b.warc >list &&
	test "$(grep -c "^request" list)" = 1 &&
	grep -q "^request $U$T2.html - -$" list
'
