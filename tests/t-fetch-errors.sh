#!/bin/sh
# scio-fetch's mistakes caught early: a local file given as an operand,
# and no retries for a refused connection unless asked.
. "$SCIO_TOP/tests/lib.sh"

test_expect_success 'a local file as an operand is refused with the -i hint' '
	echo "http://127.0.0.1:1/x.htm" >links.jsonl &&
	test_expect_code 2 scio-fetch -q links.jsonl >out 2>err &&
	grep -q "scio-fetch: .links.jsonl. is a local file, not a URL: to read the URLs in it, use -i links.jsonl or < links.jsonl" err &&
	test ! -s out
'

test_expect_success 'a refused connection fails at once, without retries' '
	test_expect_code 1 scio-fetch -q --retries 3 --retry-delay 0.05 "http://127.0.0.1:1/x.htm" >out 2>err &&
	grep -q "127.0.0.1:1/x.htm" err &&
	! grep -q "gave up after" err
'

test_expect_success '--retry-unreachable retries a refused connection' '
	test_expect_code 1 scio-fetch -q --retry-unreachable --retries 1 --retry-delay 0.05 "http://127.0.0.1:1/x.htm" >out 2>err &&
	grep -q "(gave up after 2 tries)" err
'
