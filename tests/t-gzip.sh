#!/bin/sh
# Every reader of records reads gzip transparently (by its first bytes,
# not its name), from a file or standard input, concatenated members as
# one stream; damaged gzip is named once and the run exits 2.
. "$SCIO_TOP/tests/lib.sh"
G=$SCIO_TOP/tests/golden/scio-grep
export G

test_expect_success 'scio-grep and scio-fmt: a .gz file reads as the plain one' '
	gzip -c "$G/turns.jsonl" >t.jsonl.gz &&
	scio-grep -i governance "$G/turns.jsonl" >want &&
	scio-grep -i governance t.jsonl.gz >got && test_cmp want got &&
	scio-fmt -f md "$G/turns.jsonl" "$G/docs.jsonl" >want &&
	gzip -c "$G/docs.jsonl" >d.gz &&
	scio-fmt -f md t.jsonl.gz d.gz >got && test_cmp want got
'

test_expect_success 'gzip on standard input, and members one after another' '
	gzip -c "$G/turns.jsonl" >a.gz && cat a.gz a.gz >two.gz &&
	cat "$G/turns.jsonl" "$G/turns.jsonl" | scio-grep -c Wang >want &&
	scio-grep -c Wang <two.gz >got && test_cmp want got &&
	scio-grep -c Wang - <two.gz >got && test_cmp want got
'

test_expect_success 'by content, not name: gzip named .jsonl, plain named .gz' '
	gzip -c "$G/turns.jsonl" >z.jsonl && cp "$G/turns.jsonl" p.gz &&
	scio-grep -c Wang "$G/turns.jsonl" >want &&
	scio-grep -c Wang z.jsonl >got && test_cmp want got &&
	scio-grep -c Wang p.gz >got && test_cmp want got
'

test_expect_success 'scio-parse reads gzipped page records' '
	d=pressroom/2024-07/22 &&
	"$SCIO_TOP/tests/mkpages" $d/content_90000101.htm $d/content_90000101_2.htm \
		$d/content_90000101_3.htm >pages.jsonl &&
	scio-parse pages.jsonl >want 2>err && test -s want && test_cmp /dev/null err &&
	gzip -c pages.jsonl >pages.jsonl.gz &&
	scio-parse pages.jsonl.gz >got && test_cmp want got &&
	scio-parse <pages.jsonl.gz >got && test_cmp want got
'

test_expect_success 'a cut-short gzip file: named, what was whole kept, exit 2' '
	for i in 1 2 3 4 5 6 7 8; do cat "$G/turns.jsonl"; done | gzip -c >big.gz &&
	head -c 1500 big.gz >cut.gz &&
	test_expect_code 2 scio-grep -c -e "" cut.gz >n 2>err &&
	grep -q "^scio-grep: cut.gz: gzip data ends early" err &&
	test "$(cat n)" -gt 0
'

test_expect_success 'damaged gzip: named once, the next file still read, exit 2' '
	printf "\037\213\010\000\000\000\000\000\000\003\377\377\377garbage" >bad.gz &&
	test_expect_code 2 scio-fmt -f csv bad.gz "$G/turns.jsonl" >out 2>err &&
	test "$(wc -l <err)" = 1 &&
	grep -q "^scio-fmt: bad.gz: bad gzip data" err &&
	grep -q "Wang Fang" out
'

if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch reads gzipped link records' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start

test_expect_success 'scio-fetch reads its URLs and link records from gzip too' '
	echo "$U/pressroom/2024-07/22/content_11110001.htm" >urls &&
	scio-fetch $FAST -i urls >out && test -s out &&
	gzip -c urls >urls.gz &&
	scio-fetch $FAST -i urls.gz >out2 &&
	# the same pages, whatever second each fetch fell in
	sed "s/\"fetched_at\":\"[^\"]*\",//" out >want &&
	sed "s/\"fetched_at\":\"[^\"]*\",//" out2 >got && test_cmp want got &&
	printf "%s\n" "{\"type\":\"link\",\"url\":\"$U/pressroom/2024-07/22/content_11110001.htm\"}" | gzip -c >links.gz &&
	scio-fetch $FAST <links.gz >got2 && test "$(wc -l <got2)" = "$(wc -l <want)"
'
