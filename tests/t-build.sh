#!/bin/sh
# The build's face: quiet compile lines unless V=1, make demo asking only
# for what the demo needs, and make serve-sample serving the sample.
. "$SCIO_TOP/tests/lib.sh"

# SANITIZE= : under make check SANITIZE=..., the variable comes down to
# these makes too, and the objects would be build/san's.
test_expect_success 'make prints "CC file" for a compile, V=1 the whole command' '
	make -s -n -B -C "$SCIO_TOP" SANITIZE= build/default/lib/base/suggest.o >quiet 2>&1 &&
	grep -q "printf .  CC      %s.n. .lib/base/suggest.c." quiet &&
	! grep -q "^cc .*-c -o build/default/lib/base/suggest.o" quiet &&
	make -s -n -B -C "$SCIO_TOP" SANITIZE= V=1 build/default/lib/base/suggest.o >loud 2>&1 &&
	! grep -q "printf" loud &&
	grep -q -- "-c -o build/default/lib/base/suggest.o lib/base/suggest.c" loud
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

# The layout is the architecture: lib/ in wings, each including only its
# own wing's headers and those of the wings below it (README, Layout).
test_expect_success 'no wing of lib/ includes a header of a wing above or beside it' '
	rank() { case $1 in base) echo 0;; record) echo 1;; parse|fetch|fmt) echo 2;;
		db|stats) echo 3;; *) echo "unknown wing $1" >&2; echo 9;; esac; }
	cd "$SCIO_TOP" &&
	for f in lib/*/*.c include/scio/*/*.h; do
		w=${f#lib/}; w=${w#include/scio/}; w=${w%%/*}
		for d in $(sed -n "s|^#include \"scio/\([a-z]*\)/.*|\1|p" "$f" | sort -u); do
			test "$d" = "$w" && continue
			test "$(rank "$d")" -lt "$(rank "$w")" ||
				echo "$f ($w) includes scio/$d/"
		done
	done >"$OLDPWD/upward" && cd "$OLDPWD" &&
	{ ! test -s upward || { cat upward; false; }; } &&
	! ls "$SCIO_TOP"/lib/*.c "$SCIO_TOP"/include/scio/*.h 2>/dev/null
'

# No cycle between the parts of a wing either: a file with its header (and
# its _impl.h) is one node, an include an edge, and tsort finds any loop.
test_expect_success 'the includes of lib/ form no cycle' '
	cd "$SCIO_TOP" &&
	for f in lib/*/*.c include/scio/*/*.h; do
		n=${f#lib/}; n=${n#include/scio/}; n=${n%.[ch]}; n=${n%_impl}
		sed -n "s|^#include \"scio/\(.*\)\.h\"|\1|p" "$f" | while read -r d; do
			d=${d%_impl}
			test "$d" = "$n" || echo "$n $d"
		done
	done >"$OLDPWD/edges" && cd "$OLDPWD" &&
	test -s edges &&
	{ tsort edges >/dev/null 2>loop || { cat loop; false; }; }
'

# The libraries read no environment: a program reads what it honours and
# passes it down (its man page's ENVIRONMENT names it).  Two exceptions,
# each the one place its variable is read: NO_COLOR, which every program
# honours alike, and the test suite's SCIO_TEST_WRITE_CHUNK.
test_expect_success 'lib/ reads no environment variable but NO_COLOR and the test hook' '
	cd "$SCIO_TOP" &&
	grep -n "getenv *(" lib/*/*.c include/scio/*/*.h >"$OLDPWD/env" ; cd "$OLDPWD" &&
	grep -v "^lib/base/cli.c:[0-9]*:.*getenv(\"NO_COLOR\")" env |
	grep -v "^lib/base/out.c:[0-9]*:.*getenv(\"SCIO_TEST_WRITE_CHUNK\")" >rest ;
	{ ! test -s rest || { cat rest; false; }; }
'
