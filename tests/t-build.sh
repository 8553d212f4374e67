#!/bin/sh
# The build's face: quiet compile lines unless V=1, make demo asking only
# for what the demo needs, and make serve-sample serving the sample.
. "$SCIO_TOP/tests/lib.sh"

# SANITIZE= : under make check SANITIZE=..., the variable comes down to
# these makes too, and the objects would be build/san's.
test_expect_success 'make prints "CC file" for a compile, V=1 the whole command' '
	make -s -n -B -C "$SCIO_TOP" SANITIZE= build/default/lib/suggest.o >quiet 2>&1 &&
	grep -q "printf .  CC      %s.n. .lib/suggest.c." quiet &&
	! grep -q "^cc .*-c -o build/default/lib/suggest.o" quiet &&
	make -s -n -B -C "$SCIO_TOP" SANITIZE= V=1 build/default/lib/suggest.o >loud 2>&1 &&
	! grep -q "printf" loud &&
	grep -q -- "-c -o build/default/lib/suggest.o lib/suggest.c" loud
'

test_expect_success 'make demo asks for the demo'"'"'s packages, not the test suite'"'"'s' '
	make -s -n -C "$SCIO_TOP" demo >cmds 2>&1 &&
	grep -q "scripts/deps demo" cmds &&
	! grep -q "scripts/deps check" cmds &&
	sh "$SCIO_TOP/scripts/deps" nonsense 2>err; test $? = 2 &&
	grep -q "build|demo|check" err
'

test_expect_success python3 'scripts/sample-site prints export SITE=..., serves the sample, stops on TERM' '
	sh "$SCIO_TOP/scripts/sample-site" -d served >out 2>err &
	pid=$! &&
	wait_until 10 "grep -q \"^export SITE=http://127.0.0.1:[0-9]*\$\" out" &&
	eval "$(cat out)" &&
	scio-fetch -q "$SITE/pressroom/node_8021725.htm" | scio-parse >links.jsonl &&
	test "$(grep -c "\"type\":\"link\"" links.jsonl)" -ge 3 &&
	! grep -q "english.scio.gov.cn" links.jsonl &&
	{ kill $pid; wait $pid; true; } &&
	! scio-fetch -q --retries 0 "$SITE/pressroom/node_8021725.htm" >/dev/null 2>&1
'
