# tests/lib.sh: the harness each tests/t-*.sh script sources (git's
# test-lib idea in miniature).  Every case runs in a fresh directory of
# its own; the result of each goes to $SCIO_RESULTS as one line.
#
#   test_expect_success [PREREQ,...] 'what it shows' 'commands'
#                                      (skipped, and said so, when a
#                                      PREREQ is missing: see test_have)
#   test_cmp EXPECTED ACTUAL          (diff -u, fails when they differ)
#   test_expect_code N COMMAND...      (fails unless COMMAND exits with N)
#   test_have PREREQ                   (python3, jq, groff, unsanitized,
#                                      novalgrind, any command)
#   $TEST_SLOW                         (1, or 10 under valgrind: a factor
#                                      for waits on a program still running)
#   test_skip 'what it shows' 'why'    (counted and printed as a skip)
#   wait_until SECONDS 'condition'     (polls; fails when SECONDS pass)
#   run_examples <LIST                 (each line a command: it must exit 0,
#                                      print something and nothing on stderr;
#                                      EXAMPLE_SETUP, if set, runs first)

: "${SCIO_TOP:?run the tests with make check}"
: "${SCIO_RESULTS:?run the tests with make check}"
FIXTURES=$SCIO_TOP/tests/fixtures
export FIXTURES

# scio-fetch waits about a second between two requests to one host by
# default (--wait 1 --random-wait).  The suite's servers are on loopback
# and its cases are about what is fetched, not when, so every scio-fetch a
# test runs (itself, in sh -c, in scio-nightly, in the kill harness or an
# example of the docs) is given --wait 0 first, through this shim at the
# head of PATH; an option the test gives comes later and wins.  A test of
# the defaults runs "$SCIO_BIN/scio-fetch" instead.
SCIO_BIN=${SCIO_BIN:-$(command -v scio-fetch 2>/dev/null | sed 's|/scio-fetch$||')}
export SCIO_BIN
nowait=$SCIO_TOP/tests/out/nowait
if [ -n "$SCIO_BIN" ] && [ "$SCIO_BIN" != "$nowait" ]; then
	mkdir -p "$nowait"
	printf '#!/bin/sh\nexec "%s/scio-fetch" --wait 0 "$@"\n' "$SCIO_BIN" >"$nowait/scio-fetch.$$"
	chmod +x "$nowait/scio-fetch.$$"
	mv -f "$nowait/scio-fetch.$$" "$nowait/scio-fetch"
fi
case $PATH in "$nowait":*) ;; *) PATH=$nowait:$PATH ;; esac
export PATH
test_script=${0##*/}
test_count=0

test_expect_success() {
	test_count=$((test_count + 1))
	if [ $# -eq 3 ]; then
		for prereq in $(echo "$1" | tr ',' ' '); do
			if ! test_have "$prereq"; then
				case $prereq in
				unsanitized) test_skip "$2" "skipped: a sanitized build or valgrind" ;;
				novalgrind) test_skip "$2" "skipped: under valgrind" ;;
				*) test_skip "$2" "skipped: no $prereq" ;;
				esac
				return 0
			fi
		done
		shift
	fi
	test_dir=$SCIO_TOP/tests/out/${test_script%.sh}/$test_count
	rm -rf "$test_dir"
	mkdir -p "$test_dir"
	if (cd "$test_dir" && eval "$2") >"$test_dir/.log" 2>&1; then
		echo "pass $test_script: $1" >>"$SCIO_RESULTS"
		[ -n "${SCIO_VERBOSE:-}" ] && echo "ok - $test_script: $1"
	else
		echo "fail $test_script: $1" >>"$SCIO_RESULTS"
		echo "not ok - $test_script: $1"
		sed 's/^/#   /' "$test_dir/.log" | head -n 40
	fi
	return 0
}

test_skip() {
	echo "skip $test_script: $1 ($2)" >>"$SCIO_RESULTS"
	echo "skip - $test_script: $1 ($2)"
}

# wait_until SECONDS CONDITION: true as soon as CONDITION (a shell command)
# is, false with a message once SECONDS have passed without it.
wait_until() {
	wait_tenths=$(($1 * 10))
	while ! eval "$2"; do
		if [ "$wait_tenths" -le 0 ]; then
			echo "gave up after $1 s waiting for: $2" >&2
			return 1
		fi
		sleep 0.1
		wait_tenths=$((wait_tenths - 1))
	done
}

test_cmp() {
	diff -u "$1" "$2"
}

test_expect_code() {
	want=$1
	shift
	set +e
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "exit status $got, expected $want: $*" >&2
		return 1
	fi
	return 0
}

test_have() {
	case $1 in
	python3) [ -x /usr/bin/python3 ] ;;
	# neither built with SANITIZE=... nor run under VALGRIND=1: both
	# need more address space than ulimit -v leaves, and change what an
	# instruction count means
	unsanitized) [ -z "${SCIO_VALGRIND:-}" ] &&
		[ -z "$(cat "$SCIO_TOP/build/mode" 2>/dev/null)" ] ;;
	# the programs run as themselves, not under valgrind: there they run
	# tens of times slower and unevenly (gaps between requests mean
	# nothing), and valgrind's log takes the lowest free descriptor (a
	# closed standard one)
	novalgrind) [ -z "${SCIO_VALGRIND:-}" ] ;;
	*) command -v "$1" >/dev/null 2>&1 ;;
	esac
}

# How many times longer a program takes to start and run here: a case
# that needs a run to still be going multiplies its waits by it.
TEST_SLOW=1
[ -n "${SCIO_VALGRIND:-}" ] && TEST_SLOW=10

run_examples() {
	while IFS= read -r ex; do
		[ -n "$ex" ] || continue
		if [ -n "${EXAMPLE_SETUP:-}" ]; then eval "$EXAMPLE_SETUP" || return 1; fi
		sh -c "$ex" >out 2>err
		st=$?
		if [ "$st" -ne 0 ] || [ ! -s out ] || [ -s err ]; then
			echo "example failed (status $st): $ex"
			cat err
			return 1
		fi
	done
}
