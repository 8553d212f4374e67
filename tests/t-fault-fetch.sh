#!/bin/sh
# The fault matrix for scio-fetch beyond what tests/t-fetch.sh (network
# faults) and tests/t-fetch-state.sh (SIGKILL, /dev/full, locking) show:
# odd input lines, SIGINT and SIGTERM mid-run, a reader that leaves early.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch fault tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start
# Anything relative goes to the loopback server, never to the real site.
FAST="$FAST -b $U"

T1=/pressroom/2024-07/22/content_11110001

# valid_state FILE: every line is a JSON object, the first the header.
valid_state() {
	head -n 1 "$1" | jq -e '.scio_fetch_state == 1' >/dev/null &&
	jq -e "type == \"object\"" "$1" >/dev/null &&
	test "$(tail -c 1 "$1" | od -An -c | tr -d " ")" = '\n'
}

# slow_urls N ID: N URLs the server answers after 0.15 s each.
slow_urls() {
	i=1
	while [ $i -le "$1" ]; do
		echo "$U/fault/hang?secs=0.15&id=$2$i"
		i=$((i + 1))
	done
}

# stop_mid_run SIGNAL ID: starts a run of 20 slow pages with --state s,
# sends SIGNAL after about 1 s and waits; status holds its exit status.
stop_mid_run() {
	slow_urls 20 "$2" >urls &&
	{ scio-fetch $FAST -j 1 --checkpoint 60 --state s -i urls >first 2>err &
	  pid=$!
	  # after a few pages are out (slower under valgrind)
	  if ! wait_until 30 "[ -f first ] && [ \$(wc -l <first) -ge 3 ]"; then
		kill $pid
		return 1
	  fi
	  kill -s "$1" $pid
	  wait $pid
	  echo $? >status; }
}

for sig in INT TERM; do
	test_expect_success "SIGINT/SIGTERM: SIG$sig mid-run saves the state of every page written" "
		stop_mid_run $sig x$sig &&
		case $sig in INT) want=130 ;; TERM) want=143 ;; esac &&
		test \$(cat status) = \$want &&
		echo 'scio-fetch: stopped by SIG$sig: pages not yet written are fetched by the next run' >wanterr &&
		test_cmp wanterr err &&
		valid_state s &&
		jq -c . first >/dev/null &&
		test \$(wc -l <first) -ge 1 &&
		test \$(wc -l <first) -lt 20 &&
		jq -r .url first | sort >written &&
		tail -n +2 s | jq -r .url | sort >saved &&
		test_cmp written saved &&
		test ! -e s.tmp &&
		scio-fetch $FAST --state s -i urls >second &&
		cat first second | jq -r .url | sort >all &&
		sort urls >want && test_cmp want all
	"
done

test_expect_success 'SIGTERM while reading URLs from a pipe: state intact, exit 143' '
	scio-fetch $FAST --state s "$U$T1.htm" >first &&
	cp s before &&
	{ { sleep 0.6; echo "$U/pressroom/2025-03/14/content_11120002.html"; sleep 3; } |
	  scio-fetch $FAST --state s >out 2>err &
	  sleep 0.3; kill -s TERM $!; wait $!; echo $? >status; } &&
	test "$(cat status)" = 143 &&
	test ! -s out &&
	valid_state s &&
	tail -n +2 before >want && tail -n +2 s >got &&
	test_cmp want got
'

# The reader of a pipe may drop what it was given: a closed pipe ends the
# run quietly, and the state holds at most the pages written before.
test_expect_success 'a closed pipe (| head -1): a quiet end, a whole state' '
	{ scio-fetch $FAST --state s "$U$T1.htm" "$U/pressroom/2025-03/14/content_11120002.html" 2>err; echo $? >status; } |
	head -n 1 >out &&
	test "$(wc -l <out)" = 1 &&
	test ! -s err &&
	jq -e .url out >/dev/null &&
	{ test ! -e s || valid_state s; } &&
	scio-fetch $FAST --state s "$U$T1.htm" >again &&
	{ test ! -e s || valid_state s; }
'

test_expect_success 'an input line with a NUL byte is refused whole, by line' '
	printf "%s\000/../etc\n%s\n" "$U/fault/never" "$U$T1.htm" >urls &&
	test_expect_code 2 scio-fetch $FAST --no-follow -i urls >out 2>err &&
	echo "scio-fetch: urls:1: NUL byte in the line" >want &&
	test_cmp want err &&
	test "$(jq -r .url out)" = "$U$T1.htm" &&
	test "$(requests /fault/never)" = 0
'

test_expect_success 'an input line that is not UTF-8 is refused, by line' '
	printf "%s\377\n%s\n" "$U/fault/never2?x=" "$U$T1.htm" >urls &&
	test_expect_code 2 scio-fetch $FAST --no-follow -i urls >out 2>err &&
	echo "scio-fetch: urls:1: not valid UTF-8" >want &&
	test_cmp want err &&
	test "$(jq -r .url out)" = "$U$T1.htm" &&
	test "$(requests /fault/never2)" = 0
'

test_expect_success 'a URL argument that is not UTF-8 is refused, the others fetched' '
	test_expect_code 2 scio-fetch $FAST --no-follow "$(printf "%s\377" "$U/fault/never3?x=")" "$U$T1.htm" >out 2>err &&
	grep -q "^scio-fetch: not valid UTF-8: " err &&
	test "$(jq -r .url out)" = "$U$T1.htm" &&
	test "$(requests /fault/never3)" = 0
'

test_expect_success 'CRLF lines, a BOM and blank lines in a URL list are read as plain ones' '
	printf "\357\273\277%s\r\n\r\n  \r\n{\"url\":\"%s\"}\r\n" "$U$T1.htm" "$U/pressroom/2025-03/14/content_11120002.html" >urls &&
	scio-fetch $FAST --no-follow -i urls >out 2>err &&
	test ! -s err &&
	jq -r .url out >got &&
	printf "%s\n" "$U$T1.htm" "$U/pressroom/2025-03/14/content_11120002.html" >want &&
	test_cmp want got
'

test_expect_success 'bad records in a URL list: each named by line, the rest fetched' '
	{ echo "{\"url\":\"$U$T1.htm\"";
	  echo "{\"url\":7}";
	  echo "{\"title\":\"no url\"}";
	  printf "{\"url\":\"%s\377\"}\n" "$U/x";
	  echo "[\"$U/y\"]";
	  echo "{\"url\":\"$U/pressroom/2025-03/14/content_11120002.html\"}"; } >urls &&
	test_expect_code 2 scio-fetch $FAST --no-follow -i urls >out 2>err &&
	test "$(wc -l <err)" = 5 &&
	grep -q "^scio-fetch: urls:1: bad JSON" err &&
	grep -q "^scio-fetch: urls:2: record without a \"url\" string" err &&
	grep -q "^scio-fetch: urls:3: record without a \"url\" string" err &&
	grep -q "^scio-fetch: urls:4: bad JSON" err &&
	grep -q "^scio-fetch: urls:5: a JSON array, not a URL or a record\$" err &&
	test "$(jq -r .url out)" = "$U/pressroom/2025-03/14/content_11120002.html"
'

test_expect_success 'a directory or a missing file as -i is named, exit 2' '
	mkdir adir &&
	test_expect_code 2 scio-fetch $FAST -i adir -i nosuch >out 2>err &&
	printf "%s\n" "scio-fetch: adir: is a directory" "scio-fetch: nosuch: No such file or directory" >want &&
	test_cmp want err && test ! -s out
'

test_expect_success 'an empty URL list is no error and fetches nothing' '
	: >urls &&
	scio-fetch $FAST -i urls </dev/null >out 2>err &&
	test ! -s out && test ! -s err
'

# A link record comes from a page: it must not make scio-fetch read a
# local file (a file:// URL the user gives is read: tests/t-fetch.sh).
test_expect_success 'a file:// URL in a record is refused; as a plain line it is read' '
	echo "secret" >local.txt &&
	echo "{\"type\":\"link\",\"url\":\"file://$PWD/local.txt\"}" >urls &&
	test_expect_code 2 scio-fetch $FAST -i urls >out 2>err &&
	test ! -s out &&
	grep -q "^scio-fetch: urls:1: not an http or https URL in a record: " err &&
	echo "file://$PWD/local.txt" >plain &&
	scio-fetch $FAST -i plain >out &&
	test "$(jq -r .html out)" = secret
'
