#!/bin/sh
# tests/run.sh: runs the whole suite (make check calls it) and ends with
# one line "N passed, N failed".
#
# Three kinds of test:
#   C unit tests     build/*/tests/test-*: lines "ok - ..." / "not ok - ..."
#   golden cases     tests/golden/PROG/CASE/: cmd, and optionally stdin,
#                    stdout, stderr, status (see tests/golden/README)
#   shell scripts    tests/t-*.sh, using tests/lib.sh
#
# SCIO_VERBOSE=1 lists every passing test too; SCIO_UPDATE=1 rewrites the
# expected files of the golden cases from what the programs now print
# (review the diff before committing it).
set -u
SCIO_TOP=$(cd "$(dirname "$0")/.." && pwd)
export SCIO_TOP
PATH=$SCIO_TOP/bin:$PATH
# SCIO_VALGRIND=1 (make check VALGRIND=1): every program and unit test runs
# under valgrind's memcheck; its reports go to tests/out/valgrind/, and any
# error or definite leak there fails the run.
vg=
if [ -n "${SCIO_VALGRIND:-}" ]; then
	vgdir=$SCIO_TOP/tests/out/valgrind
	rm -rf "$vgdir"
	mkdir -p "$vgdir/bin"
	vg="valgrind -q --error-exitcode=125 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --log-file=$vgdir/%p.log"
	for p in "$SCIO_TOP"/bin/scio-*; do
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$p" >"$vgdir/bin/${p##*/}"
		chmod +x "$vgdir/bin/${p##*/}"
	done
	PATH=$vgdir/bin:$PATH
	# valgrind cannot follow PCRE2's JIT code (it reads ahead by design)
	SCIO_NO_JIT=1
	export SCIO_NO_JIT
fi
export PATH
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR
mkdir -p "$SCIO_TOP/tests/out"
SCIO_RESULTS=$SCIO_TOP/tests/out/results
export SCIO_RESULTS
: >"$SCIO_RESULTS"

pass() { echo "pass $1" >>"$SCIO_RESULTS"; [ -n "${SCIO_VERBOSE:-}" ] && echo "ok - $1"; return 0; }
fail() { echo "fail $1" >>"$SCIO_RESULTS"; echo "not ok - $1"; }

# C unit tests.
for t in ${SCIO_UNITS:-}; do
	name=${t##*/}
	out=$($vg "$SCIO_TOP/$t" 2>&1)
	rc=$?
	printf '%s\n' "$out" | while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$name: ${line#ok - }" ;;
		"not ok - "*) fail "$name: ${line#not ok - }" ;;
		*) [ -n "$line" ] && echo "#   $line" ;;
		esac
	done
	[ "$rc" -eq 0 ] || fail "$name: exited with status $rc"
done

# Golden cases.
for dir in "$SCIO_TOP"/tests/golden/*/*/; do
	[ -f "$dir/cmd" ] || continue
	dir=${dir%/}
	name=golden/${dir#"$SCIO_TOP"/tests/golden/}
	out=$SCIO_TOP/tests/out/$name
	rm -rf "$out"
	mkdir -p "$out"
	stdin=/dev/null
	[ -f "$dir/stdin" ] && stdin=$dir/stdin
	(cd "$dir" && sh ./cmd) <"$stdin" >"$out/stdout" 2>"$out/stderr"
	echo $? >"$out/status"
	if [ -n "${SCIO_UPDATE:-}" ]; then
		for f in stdout stderr; do
			if [ -s "$out/$f" ]; then cp "$out/$f" "$dir/$f"; else rm -f "$dir/$f"; fi
		done
		if [ "$(cat "$out/status")" = 0 ]; then rm -f "$dir/status"; else cp "$out/status" "$dir/status"; fi
	fi
	ok=1
	for f in stdout stderr; do
		want=/dev/null
		[ -f "$dir/$f" ] && want=$dir/$f
		if ! cmp -s "$want" "$out/$f"; then
			ok=0
			echo "# $name: $f differs:"
			diff -u "$want" "$out/$f" | head -n 30 | sed 's/^/#   /'
		fi
	done
	wantst=0
	[ -f "$dir/status" ] && wantst=$(cat "$dir/status")
	if [ "$(cat "$out/status")" != "$wantst" ]; then
		ok=0
		echo "# $name: exit status $(cat "$out/status"), expected $wantst"
	fi
	if [ $ok = 1 ]; then pass "$name"; else fail "$name"; fi
done

# Shell scripts.
for t in "$SCIO_TOP"/tests/t-*.sh; do
	[ -f "$t" ] || continue
	sh "$t" || fail "${t##*/}: script exited with status $?"
done

if [ -n "${SCIO_VALGRIND:-}" ]; then
	for log in "$vgdir"/*.log; do
		[ -s "$log" ] || continue
		fail "valgrind: ${log##*/}"
		head -n 30 "$log" | sed 's/^/#   /'
	done
fi

passed=$(grep -c '^pass ' "$SCIO_RESULTS")
failed=$(grep -c '^fail ' "$SCIO_RESULTS")
skipped=$(grep -c '^skip ' "$SCIO_RESULTS")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
