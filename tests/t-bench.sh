#!/bin/sh
# bench/timeit.c, through which make bench times every command: the best of
# several runs to the microsecond, the peak memory of that run, the
# status, and as many runs as asked.  (No timing is asserted beyond what
# sleep guarantees: the machine may be busy.)
. "$SCIO_TOP/tests/lib.sh"
T=$SCIO_TOP/tests/out/timeit
${CC:-cc} -O2 -Wall -Werror -o "$T" "$SCIO_TOP/bench/timeit.c" || exit 1

test_expect_success 'it prints the best time with microseconds, the peak and the status' '
	"$T" -n 2 -N 2 -o out -e err -- sh -c "sleep 0.05; echo hi; echo oops >&2; exit 3" >line &&
	read -r secs kb rc <line &&
	case $secs in *.[0-9][0-9][0-9][0-9][0-9][0-9]) ;; *) false ;; esac &&
	awk "BEGIN{exit !($secs >= 0.05 && $secs < 30)}" &&
	test "$kb" -gt 0 && test "$rc" = 3 &&
	echo hi >expect && test_cmp expect out &&
	echo oops >expect && test_cmp expect err
'

test_expect_success 'it runs at least -n times, at most -N, longer while under -t' '
	: >runs &&
	"$T" -n 3 -N 5 -t 0 -o out -e err -- sh -c "echo x >>runs" >/dev/null &&
	test "$(wc -l <runs)" = 3 &&
	: >runs &&
	"$T" -n 1 -N 5 -t 60 -o out -e err -- sh -c "echo x >>runs" >/dev/null &&
	test "$(wc -l <runs)" = 5 &&
	: >runs &&
	"$T" -n 0 -N 0 -t 0 -o out -e err -- sh -c "echo x >>runs" >line &&
	test "$(wc -l <runs)" = 1 &&
	read -r secs kb rc <line && awk "BEGIN{exit !($secs > 0)}"
'

test_expect_success 'a command that cannot start is an error, exit 2' '
	test_expect_code 2 "$T" -o out -e err -- ./no-such-command 2>msg &&
	grep -q "^timeit: ./no-such-command: No such file" msg &&
	test_expect_code 2 "$T" -o out -- true 2>msg &&
	grep -q "^usage: timeit " msg &&
	test_expect_code 2 "$T" -n x -o out -e err -- true 2>msg &&
	grep -q "^timeit: -n: not a whole number: x" msg
'

test_expect_success 'the peak is the command'"'"'s own, not its parent'"'"'s' '
	"$T" -n 1 -N 1 -o out -e err -- true >line &&
	read -r secs kb rc <line &&
	test "$kb" -lt 8000 &&
	"$T" -n 1 -N 1 -o out -e err -- awk "BEGIN { s = \"x\"; while (length(s) < 40000000) s = s s; print length(s) }" >line &&
	read -r secs kb rc <line &&
	echo 67108864 >expect && test_cmp expect out &&
	test "$kb" -gt 65536
'

test_expect_success 'bench/run.sh names what it has when asked for what it has not' '
	test_expect_code 2 sh "$SCIO_TOP/bench/run.sh" no-such-bench 2>msg &&
	grep -q "^bench/run.sh: no benchmark .no-such-bench. (there are: .*db.*grep.*)$" msg
'
