#!/bin/sh
# The harness itself: a golden case records the program's status before
# its filter runs, a missing prerequisite is a skip that says so, a wait
# fails at its deadline, and the jobs' counts add up to the last line.
. "$SCIO_TOP/tests/lib.sh"

# minitree: a tree of its own with this run.sh and lib.sh, one program
# (bin/prog: prints two lines, exits with its first argument) and golden
# cases made by the caller under tests/golden/prog/.
minitree() {
	mkdir -p tree/tests/golden/prog tree/bin &&
	cp "$SCIO_TOP/tests/run.sh" "$SCIO_TOP/tests/lib.sh" tree/tests/ &&
	printf '#!/bin/sh\necho one\necho two\nexit "$1"\n' >tree/bin/prog &&
	chmod +x tree/bin/prog
}

# golden NAME CMD [FILTER]: a case expecting "two" and status 0.
golden() {
	mkdir tree/tests/golden/prog/$1 &&
	echo "$2" >tree/tests/golden/prog/$1/cmd &&
	echo two >tree/tests/golden/prog/$1/stdout &&
	if [ -n "${3:-}" ]; then echo "$3" >tree/tests/golden/prog/$1/filter; fi
}

test_expect_success 'a golden filter sees the output; the status stays the program'"'"'s' '
	minitree &&
	golden good "prog 0" "sed -n 2p" &&
	golden bad "prog 2" "sed -n 2p" &&
	test_expect_code 1 env -u SCIO_RESULTS -u SCIO_VALGRIND sh tree/tests/run.sh golden/prog >out &&
	grep -qx "not ok - golden/prog/bad" out &&
	grep -q "golden/prog/bad: exit status 2, expected 0" out &&
	! grep -q "not ok - golden/prog/good" out &&
	test "$(tail -n 1 out)" = "1 passed, 1 failed"
'

test_expect_success 'a golden case needing a missing command is a skip, named' '
	minitree &&
	golden good "prog 0" "sed -n 2p" &&
	golden needy "prog 0" "sed -n 2p" &&
	echo no-such-command-here >tree/tests/golden/prog/needy/needs &&
	env -u SCIO_RESULTS -u SCIO_VALGRIND sh tree/tests/run.sh golden/prog >out &&
	grep -qx "skip - golden/prog/needy (skipped: no no-such-command-here)" out &&
	test "$(tail -n 1 out)" = "1 passed, 0 failed, 1 skipped"
'

test_expect_success 'a script case with a missing prerequisite is a skip, named' '
	minitree &&
	cat >tree/tests/t-x.sh <<-\EOF &&
	. "$SCIO_TOP/tests/lib.sh"
	test_expect_success no-such-command-here "needs it" "true"
	test_expect_success "runs" "true"
	EOF
	env -u SCIO_RESULTS -u SCIO_VALGRIND sh tree/tests/run.sh tests/t-x.sh >out &&
	grep -qx "skip - t-x.sh: needs it (skipped: no no-such-command-here)" out &&
	grep -qx "t-x.sh: 1 passed, 0 failed, 1 skipped" out &&
	test "$(tail -n 1 out)" = "1 passed, 0 failed, 1 skipped"
'

test_expect_success 'jobs run side by side and each prints one line' '
	minitree &&
	cat >template <<-\EOF &&
	. "$SCIO_TOP/tests/lib.sh"
	test_expect_success NAME true
	EOF
	for i in 1 2 3 4; do sed "s/NAME/t$i/" template >tree/tests/t-$i.sh; done &&
	echo "test_expect_success broken false" >>tree/tests/t-3.sh &&
	test_expect_code 1 env -u SCIO_RESULTS -u SCIO_VALGRIND SCIO_JOBS=4 sh tree/tests/run.sh \
		tests/t-1.sh tests/t-2.sh tests/t-3.sh tests/t-4.sh >out &&
	grep -c "^t-[1-4].sh: " out >n && echo 4 >want && test_cmp want n &&
	grep -qx "t-3.sh: 1 passed, 1 failed" out &&
	test "$(tail -n 1 out)" = "4 passed, 1 failed"
'

test_expect_success 'wait_until is true when the condition comes, false at its deadline' '
	( sleep 0.3; : >there ) &
	wait_until 20 "[ -f there ]" &&
	! wait_until 1 "[ -f never ]" 2>err &&
	grep -q "gave up after 1 s waiting for: \[ -f never \]" err
'
