#!/bin/sh
# tests/run.sh: runs the whole suite (make check calls it) and ends with
# one line "N passed, N failed" (", N skipped" when some were skipped).
#
# Three kinds of test:
#   C unit tests     build/*/tests/test-*: lines "ok - ..." / "not ok - ..."
#   golden cases     tests/golden/PROG/CASE/ (see tests/golden/README.md)
#   shell scripts    tests/t-*.sh, using tests/lib.sh
#
# The suite is cut into jobs (each unit test, each program's golden cases,
# each script) that run side by side, as many at once as make's -jN, or
# SCIO_JOBS, or else two per processor; each job prints one line
# when it ends, with what failed under it.  Name jobs to run only those:
#   sh tests/run.sh tests/t-fmt.sh golden/scio-grep
# (after make, with bin/ built; SCIO_UNITS and SCIO_REPLAYS come from make).
#
# SCIO_VERBOSE=1 lists every passing test too; SCIO_UPDATE=1 rewrites the
# expected files of the golden cases from what the programs now print
# (review the diff before committing it).
set -u
SCIO_TOP=$(cd "$(dirname "$0")/.." && pwd)
export SCIO_TOP
out=$SCIO_TOP/tests/out

# SCIO_VALGRIND=1 (make check VALGRIND=1): every program and unit test runs
# under valgrind's memcheck; its reports go to tests/out/valgrind/, and any
# error or definite leak there fails the run.
vg=
vgdir=$out/valgrind
if [ -n "${SCIO_VALGRIND:-}" ]; then
	vg="valgrind -q --error-exitcode=125 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --log-file=$vgdir/%p.log"
	# valgrind cannot follow PCRE2's JIT code (it reads ahead by design)
	SCIO_NO_JIT=1
	export SCIO_NO_JIT
fi

pass() { echo "pass $1" >>"$SCIO_RESULTS"; [ -n "${SCIO_VERBOSE:-}" ] && echo "ok - $1"; return 0; }
fail() { echo "fail $1" >>"$SCIO_RESULTS"; echo "not ok - $1"; }
skip() { echo "skip $1 ($2)" >>"$SCIO_RESULTS"; echo "skip - $1 ($2)"; }

# run_unit PATH: one C unit test binary.
run_unit() {
	name=${1##*/}
	uout=$($vg "$SCIO_TOP/$1" 2>&1)
	rc=$?
	printf '%s\n' "$uout" | while IFS= read -r line; do
		case $line in
		"ok - "*) pass "$name: ${line#ok - }" ;;
		"not ok - "*) fail "$name: ${line#not ok - }" ;;
		*) [ -n "$line" ] && echo "#   $line" ;;
		esac
	done
	[ "$rc" -eq 0 ] || fail "$name: exited with status $rc"
}

# run_golden DIR: one golden case.  The status is the program's, recorded
# before the optional filter rewrites what it printed.
run_golden() {
	dir=$1
	name=golden/${dir#"$SCIO_TOP"/tests/golden/}
	gout=$out/$name
	rm -rf "$gout"
	mkdir -p "$gout"
	if [ -f "$dir/needs" ]; then
		for need in $(cat "$dir/needs"); do
			if ! command -v "$need" >/dev/null 2>&1; then
				skip "$name" "skipped: no $need"
				return 0
			fi
		done
	fi
	stdin=/dev/null
	[ -f "$dir/stdin" ] && stdin=$dir/stdin
	(cd "$dir" && sh ./cmd) <"$stdin" >"$gout/stdout" 2>"$gout/stderr"
	echo $? >"$gout/status"
	if [ -f "$dir/filter" ]; then
		mv "$gout/stdout" "$gout/stdout.raw"
		if ! (cd "$dir" && sh ./filter) <"$gout/stdout.raw" >"$gout/stdout" 2>"$gout/filter.err"; then
			fail "$name"
			echo "# $name: the filter failed:"
			sed 's/^/#   /' "$gout/filter.err"
			return 0
		fi
	fi
	if [ -n "${SCIO_UPDATE:-}" ]; then
		for f in stdout stderr; do
			if [ -s "$gout/$f" ]; then cp "$gout/$f" "$dir/$f"; else rm -f "$dir/$f"; fi
		done
		if [ "$(cat "$gout/status")" = 0 ]; then rm -f "$dir/status"; else cp "$gout/status" "$dir/status"; fi
	fi
	ok=1
	for f in stdout stderr; do
		want=/dev/null
		[ -f "$dir/$f" ] && want=$dir/$f
		if ! cmp -s "$want" "$gout/$f"; then
			ok=0
			echo "# $name: $f differs:"
			diff -u "$want" "$gout/$f" | head -n 30 | sed 's/^/#   /'
		fi
	done
	wantst=0
	[ -f "$dir/status" ] && wantst=$(cat "$dir/status")
	if [ "$(cat "$gout/status")" != "$wantst" ]; then
		ok=0
		echo "# $name: exit status $(cat "$gout/status"), expected $wantst"
	fi
	if [ $ok = 1 ]; then pass "$name"; else fail "$name"; fi
}

# run_job JOB: one job, its results in results.d/, its report printed
# whole when it ends (so that parallel jobs do not interleave).
run_job() {
	job=$1
	id=$(printf '%s' "$job" | tr '/' '_')
	SCIO_RESULTS=$SCIO_RUN/results.d/$id
	export SCIO_RESULTS
	: >"$SCIO_RESULTS"
	start=$(date +%s)
	case $job in
	unit/*) run_unit "${job#unit/}" ;;
	golden/*)
		for dir in "$SCIO_TOP/tests/$job"/*/; do
			[ -f "$dir/cmd" ] && run_golden "${dir%/}"
		done ;;
	tests/t-*.sh) sh "$SCIO_TOP/$job" || fail "${job##*/}: script exited with status $?" ;;
	*) fail "$job: no such job" ;;
	esac >"$SCIO_RUN/log.d/$id" 2>&1
	echo "$(($(date +%s) - start)) $job" >"$out/times.d/$id"
	p=$(grep -c '^pass ' "$SCIO_RESULTS")
	f=$(grep -c '^fail ' "$SCIO_RESULTS")
	s=$(grep -c '^skip ' "$SCIO_RESULTS")
	name=${job#tests/}
	case $job in unit/*) name=unit/${job##*/} ;; esac
	line="$name: $p passed, $f failed"
	[ "$s" -gt 0 ] && line="$line, $s skipped"
	{ cat "$SCIO_RUN/log.d/$id"; echo "$line"; } | cat
}

if [ "${1:-}" = --job ]; then
	run_job "$2"
	exit 0
fi

PATH=$SCIO_TOP/bin:$PATH
# the programs under valgrind come first (this came after them, and
# VALGRIND=1 ran the programs bare: only the unit tests were checked)
if [ -n "${SCIO_VALGRIND:-}" ]; then
	rm -rf "$vgdir"
	mkdir -p "$vgdir/bin"
	for p in "$SCIO_TOP"/bin/scio-*; do
		printf '#!/bin/sh\nexec %s %s "$@"\n' "$vg" "$p" >"$vgdir/bin/${p##*/}"
		chmod +x "$vgdir/bin/${p##*/}"
	done
	PATH=$vgdir/bin:$PATH
fi
export PATH
LC_ALL=C.UTF-8
export LC_ALL
unset NO_COLOR
# This run's results and logs, apart from any other run's (two runs at once
# share only the job times).
SCIO_RUN=$out/run.$$
export SCIO_RUN
rm -rf "$SCIO_RUN"
mkdir -p "$SCIO_RUN/results.d" "$SCIO_RUN/log.d" "$out/times.d"
trap 'rm -rf "$SCIO_RUN"' EXIT

# How many jobs at once: SCIO_JOBS, make's -jN, or two per processor
# (most jobs spend much of their time waiting on servers, sleeps and
# pipes: on 2 cores one job took 216 s, two 127 s, four 72 s).
jobs=${SCIO_JOBS:-}
if [ -z "$jobs" ]; then
	for w in ${MAKEFLAGS:-}; do
		case $w in
		-j[0-9]*) jobs=${w#-j} ;;
		--jobs=[0-9]*) jobs=${w#--jobs=} ;;
		esac
	done
fi
[ -n "$jobs" ] || jobs=$((2 * $(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)))

# The jobs, the slowest of the last run first, so that the long ones do
# not start last.
if [ $# -gt 0 ]; then
	list=$(printf '%s\n' "$@")
else
	list=$(
		for t in ${SCIO_UNITS:-}; do echo "unit/$t"; done
		for d in "$SCIO_TOP"/tests/golden/*/; do
			d=${d%/}
			echo "golden/${d##*/}"
		done
		for t in "$SCIO_TOP"/tests/t-*.sh; do echo "tests/${t##*/}"; done)
fi
printf '%s\n' "$list" | while IFS= read -r j; do
	t=$(cat "$out/times.d/$(printf '%s' "$j" | tr '/' '_')" 2>/dev/null)
	echo "${t%% *}" "$j" | sed 's/^ /9999 /'
done | sort -k1,1nr | sed 's/^[^ ]* //' >"$SCIO_RUN/jobs"
xargs -P "$jobs" -n 1 sh "$0" --job <"$SCIO_RUN/jobs"

SCIO_RESULTS=$SCIO_RUN/results
export SCIO_RESULTS
cat "$SCIO_RUN"/results.d/* >"$SCIO_RESULTS" 2>/dev/null
if [ -n "${SCIO_VALGRIND:-}" ]; then
	for log in "$vgdir"/*.log; do
		[ -s "$log" ] || continue
		fail "valgrind: ${log##*/}"
		head -n 30 "$log" | sed 's/^/#   /'
	done
fi

cp "$SCIO_RESULTS" "$out/results"
passed=$(grep -c '^pass ' "$SCIO_RESULTS")
failed=$(grep -c '^fail ' "$SCIO_RESULTS")
skipped=$(grep -c '^skip ' "$SCIO_RESULTS")
if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
