#!/bin/sh
# scio-fetch's manners against the loopback server: robots.txt (RFC 9309:
# rules, 4xx, 5xx, unreachable, redirects, size limit, Crawl-delay, kept
# in the state), --no-robots, the default wait, From: and User-Agent.
# Each case writes the robots.txt it needs into the served site.  Times
# are checked only as "at least" bounds read from the server's log.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch robots tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002
Q="--wait 0 --retries 1 --retry-delay 0.05 --timeout 3 --connect-timeout 1"

# robots TEXT: the site's robots.txt from now on (\n for a new line).
robots() {
	rm -f "$SITE/robots.txt.status" &&
	printf "%b" "$1" >"$SITE/robots.txt"
}

# robots_status "CODE [LOCATION]" or reset: how /robots.txt answers.
robots_status() {
	echo "$1" >"$SITE/robots.txt.status"
}

# gaps PATH-PREFIX MIN: every two successive requests for paths so
# starting are at least MIN seconds apart in the server's log.  MIN is
# kept well under the pause asked for: the server logs a request once it
# has read it, and a new connection takes longer to get there than one
# kept alive.
gaps() {
	jq -s --arg p "$1" --argjson min "$2" '
		map(select(.path | startswith($p))) | map(.t) | sort |
		. as $t | length >= 2 and
		all(range(1; length); $t[.] - $t[. - 1] >= $min)' "$SRVLOG" |
		grep -q true
}

test_expect_success 'a disallowed URL is not fetched: one line naming the rule, status 1' '
	robots "User-agent: *\nDisallow: /pressroom/2025-03/\n" &&
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q "$U$T2.html" "$U$T1.htm" >out 2>err &&
	test "$(jq -r .url out | sort | head -n 1)" = "$U$T1.htm" &&
	test "$(wc -l <out)" = 3 &&
	echo "scio-fetch: $U$T2.html: disallowed by robots.txt ('"'"'Disallow: /pressroom/2025-03/'"'"')" >want &&
	sed -n 1p err >got &&
	test_cmp want got &&
	sed -n 2p err | grep -q "^scio-fetch: 4 pages in [0-9.]* s: 3 fetched, 0 unchanged, 1 failed (1 disallowed by robots.txt); " &&
	test "$(wc -l <err)" = 2 &&
	test "$(requests /pressroom/2025-03/)" = 0
'

test_expect_success 'the group naming scio-fetch wins over *; longest match, Allow on a tie' '
	robots "User-agent: *\nDisallow: /\n\nUser-agent: SCIO-Fetch\nDisallow: /pressroom/2024-07/\nAllow: /pressroom/2024-07/22/content_11110001\n" &&
	: >"$SRVLOG" &&
	scio-fetch $Q --no-follow "$U$T1.htm" >out 2>err &&
	test "$(wc -l <out)" = 1 &&
	test_expect_code 1 scio-fetch $Q "$U/pressroom/2024-07/22/content_11110009.htm" >out 2>err &&
	grep -q "disallowed by robots.txt ('"'"'Disallow: /pressroom/2024-07/'"'"')" err
'

test_expect_success 'wildcards, $ and percent escapes in rules' '
	robots "User-agent: *\nDisallow: /*_2.htm\$\nDisallow: /pressroom/%32%30%32%35-03/\n" &&
	test_expect_code 1 scio-fetch $Q --no-follow "$U${T1}_2.htm" "$U${T1}_3.htm" "$U$T2.html" >out 2>err &&
	test "$(jq -r .url out)" = "$U${T1}_3.htm" &&
	grep -q "^scio-fetch: $U${T1}_2.htm: disallowed by robots.txt" err &&
	grep -q "^scio-fetch: $U$T2.html: disallowed by robots.txt" err
'

test_expect_success 'a continuation page disallowed withholds its conference' '
	robots "User-agent: *\nDisallow: /pressroom/2024-07/22/content_11110001_3\n" &&
	test_expect_code 1 scio-fetch $Q "$U$T1.htm" >out 2>err &&
	test ! -s out &&
	grep -q "^scio-fetch: $U${T1}_3.htm: disallowed by robots.txt" err
'

test_expect_success 'robots.txt answering 404 allows everything' '
	rm -f "$SITE/robots.txt" "$SITE/robots.txt.status" &&
	scio-fetch $Q "$U$T1.htm" >out 2>err &&
	test "$(wc -l <out)" = 3 &&
	test ! -s err
'

test_expect_success 'robots.txt answering 403 allows everything' '
	robots_status 403 &&
	scio-fetch $Q --no-follow "$U$T1.htm" >out 2>err &&
	test "$(wc -l <out)" = 1
'

test_expect_success 'robots.txt answering 500 disallows the whole host for the run' '
	robots_status 500 &&
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q "$U$T1.htm" "$U$T2.html" >out 2>err &&
	test ! -s out &&
	grep -q "^scio-fetch: $U$T1.htm: robots.txt .$U/robots.txt. unavailable (HTTP 500): the host is off limits this run$" err &&
	grep -q "^scio-fetch: $U$T2.html: robots.txt" err &&
	grep -q " 2 failed (2 disallowed by robots.txt); " err &&
	test "$(requests /pressroom/)" = 0
'

test_expect_success 'robots.txt unreachable (connection reset) disallows the host' '
	robots_status reset &&
	test_expect_code 1 scio-fetch $Q "$U$T1.htm" >out 2>err &&
	test ! -s out &&
	grep -q "^scio-fetch: $U$T1.htm: robots.txt .$U/robots.txt. unreachable (" err
'

test_expect_success 'a host that cannot be reached: its robots.txt is named' '
	test_expect_code 1 scio-fetch $Q "http://127.0.0.1:1/x.htm" >out 2>err &&
	grep -q "^scio-fetch: http://127.0.0.1:1/x.htm: robots.txt .http://127.0.0.1:1/robots.txt. unreachable (" err
'

test_expect_success 'a redirected robots.txt is followed' '
	mkdir -p "$SITE/elsewhere" &&
	printf "User-agent: *\nDisallow: /pressroom/2025-03/\n" >"$SITE/elsewhere/rules.txt" &&
	robots_status "301 /elsewhere/rules.txt" &&
	test_expect_code 1 scio-fetch $Q "$U$T2.html" >out 2>err &&
	grep -q "disallowed by robots.txt ('"'"'Disallow: /pressroom/2025-03/'"'"')" err
'

test_expect_success 'a redirect loop at robots.txt disallows the host' '
	robots_status "302 /robots.txt" &&
	test_expect_code 1 scio-fetch $Q --no-follow "$U$T1.htm" >out 2>err &&
	grep -q "robots.txt .$U/robots.txt. unreachable (more than 5 redirects)" err
'

# localhost is this server again under another host name: a host of its
# own for scio-fetch, with a robots.txt of its own to ask for.
test_expect_success 'a redirect to another host waits for that host'"'"'s robots.txt and obeys it' '
	robots "User-agent: *\nDisallow: /pressroom/2025-03/\n" &&
	L=http://localhost:$PORT &&
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q --no-follow "$U/fault/redirect?to=$L$T2.html" \
		"$U/fault/redirect?to=$L$T1.htm" >out 2>err &&
	test "$(jq -r .final_url out)" = "$L$T1.htm" &&
	echo "scio-fetch: $U/fault/redirect?to=$L$T2.html: disallowed by robots.txt ('"'"'Disallow: /pressroom/2025-03/'"'"') (redirected to '"'"'$L$T2.html'"'"')" >want &&
	sed -n 1p err >got &&
	test_cmp want got &&
	test "$(requests /robots.txt)" = 2 &&
	test "$(requests /pressroom/2025-03/)" = 0
'

test_expect_success 'a redirect within a host is checked against its rules too' '
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q --no-follow "$U/fault/redirect?to=$T2.html" >out 2>err &&
	test ! -s out &&
	grep -q "^scio-fetch: $U/fault/redirect?to=$T2.html: disallowed by robots.txt .* (redirected to .$U$T2.html.)$" err &&
	test "$(requests /robots.txt)" = 1 &&
	test "$(requests /pressroom/2025-03/)" = 0
'

# The redirect was asked for and answered: --warc keeps every exchange,
# the one before a refusal too.
test_expect_success 'a redirect to a disallowed URL is kept in the WARC' '
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q --no-follow --warc a.warc "$U/fault/redirect?to=$T2.html" >out 2>err &&
	test "$(requests /fault/redirect)" = 1 &&
	test "$(requests /pressroom/2025-03/)" = 0 &&
	/usr/bin/python3 "$SCIO_TOP/tests/warc-check.py" --list a.warc >list &&
	grep -q "^request $U/fault/redirect?to=$T2.html - -$" list &&
	grep -q "^response $U/fault/redirect?to=$T2.html 301 -$" list &&
	! grep -q " $U$T2.html " list
'

test_expect_success 'only the first 500 KiB of robots.txt are read' '
	rm -f "$SITE/robots.txt.status" &&
	{ printf "User-agent: *\nDisallow: /pressroom/2025-03/\n" &&
	  awk "BEGIN { for (i = 0; i < 9000; i++) printf \"# %070d\n\", i }" &&
	  printf "Disallow: /pressroom/2024-07/\n"; } >"$SITE/robots.txt" &&
	test "$(wc -c <"$SITE/robots.txt")" -gt 512000 &&
	test_expect_code 1 scio-fetch $Q "$U$T1.htm" "$U$T2.html" >out 2>err &&
	test "$(wc -l <out)" = 3 &&
	grep -q "^scio-fetch: $U$T2.html: disallowed by robots.txt" err
'

test_expect_success novalgrind 'Crawl-delay is a floor under --wait 0' '
	robots "User-agent: *\nCrawl-delay: 0.6\n" &&
	: >"$SRVLOG" &&
	scio-fetch $Q --per-host 2 "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 3 &&
	gaps / 0.45
'

test_expect_success 'the state keeps robots.txt and asks for it conditionally' '
	robots "User-agent: *\nDisallow: /pressroom/2025-03/\n" &&
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q --state s "$U$T1.htm" "$U$T2.html" >first 2>err &&
	jq -s -e "map(select(.url == \"$U/robots.txt\")) | .[0].robots | contains(\"Disallow: /pressroom/2025-03/\")" s >/dev/null &&
	test "$(jq -r "select(.url == \"$U$T2.html\") | .url" s)" = "" &&
	: >"$SRVLOG" &&
	test_expect_code 1 scio-fetch $Q --state s "$U$T1.htm" "$U$T2.html" >second 2>err &&
	test ! -s second &&
	grep -q "^scio-fetch: $U$T2.html: disallowed by robots.txt" err &&
	test "$(jq -r "select(.path == \"/robots.txt\") | .inm" "$SRVLOG")" != null &&
	test "$(requests /pressroom/2025-03/)" = 0
'

test_expect_success 'a changed robots.txt replaces the kept one' '
	robots "User-agent: *\nDisallow: /nothing-here/\n" &&
	scio-fetch $Q --state s "$U$T2.html" >third &&
	test "$(wc -l <third)" = 3 &&
	jq -s -e "map(select(.url == \"$U/robots.txt\")) | .[0].robots | contains(\"/nothing-here/\")" s >/dev/null
'

test_expect_success '--no-robots fetches what robots.txt disallows, and never asks for it' '
	robots "User-agent: *\nDisallow: /\n" &&
	: >"$SRVLOG" &&
	scio-fetch $Q --no-robots "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 3 &&
	test "$(requests /robots.txt)" = 0
'

test_expect_success 'From: and the User-Agent, as the server receives them' '
	rm -f "$SITE/robots.txt" &&
	: >"$SRVLOG" &&
	scio-fetch $Q --from data-desk@example.org --no-follow "$U$T1.htm" >out &&
	jq -r "select(.path == \"$T1.htm\") | .from, .ua" "$SRVLOG" >got &&
	printf "%s\n" data-desk@example.org "scio-fetch/0.1.0 (scio-tools; +mailto:data-desk@example.org)" >want &&
	test_cmp want got &&
	: >"$SRVLOG" &&
	scio-fetch $Q -A "tester/2" --from a@example.org --no-follow "$U$T1.htm" >out &&
	test "$(jq -r "select(.path == \"$T1.htm\") | .ua" "$SRVLOG")" = "tester/2 (+mailto:a@example.org)" &&
	: >"$SRVLOG" &&
	scio-fetch $Q --no-follow "$U$T1.htm" >out &&
	test "$(jq -r "select(.path == \"$T1.htm\") | .from" "$SRVLOG")" = null
'

test_expect_success 'an address of the wrong shape is a usage error' '
	for bad in nobody "a b@example.org" "me@localhost" "<me@example.org>"; do
		test_expect_code 2 scio-fetch $Q --from "$bad" "$U$T1.htm" >out 2>err &&
		grep -q "^scio-fetch: invalid --from address: " err &&
		test ! -s out || return 1
	done
'

test_expect_success novalgrind 'the default waits about a second between requests to a host' '
	rm -f "$SITE/robots.txt" &&
	: >"$SRVLOG" &&
	"$SCIO_BIN/scio-fetch" -q "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 3 &&
	gaps / 0.35
'

test_expect_success novalgrind '--wait with --no-random-wait waits exactly that' '
	: >"$SRVLOG" &&
	"$SCIO_BIN/scio-fetch" -q --wait 0.3 --no-random-wait "$U$T1.htm" >out &&
	test "$(wc -l <out)" = 3 &&
	gaps / 0.2
'

test_expect_success 'local files are read without robots.txt or waiting' '
	: >"$SRVLOG" &&
	"$SCIO_BIN/scio-fetch" -q "file://$SITE$T1.htm" >out &&
	test "$(wc -l <out)" = 3 &&
	test ! -s "$SRVLOG"
'
