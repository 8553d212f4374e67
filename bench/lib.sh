# bench/lib.sh: what every bench/b-*.sh script sources.
#
#   bench_run NAME CMD...    runs CMD (its stdout to a file, never
#                            /dev/null) through bench/timeit.c: at least
#                            $BENCH_REPEAT times, more while the runs take
#                            under a second in all; sets SECS (the best
#                            wall time, to the microsecond) and PEAK_KB
#                            (peak RSS) for that best run, and says
#                            FAILED under its line if the command exited
#                            with a status over 1 (grep's "none")
#   bench_ratio A B          prints A/B with two decimals
#   bench_line TEXT          prints one line of the report
#   bench_corpus MB          the path of bench/gen-turns' corpus of MB
#                            megabytes, made when missing or older than
#                            bench/gen-turns
#
# Figures are only ever compared with peers measured in the same run.
: "${SCIO_TOP:?run benchmarks with make bench}"
BENCH_OUT=$SCIO_TOP/bench/out
BENCH_REPEAT=${BENCH_REPEAT:-3}
mkdir -p "$BENCH_OUT"
BENCH_TIMEIT=$BENCH_OUT/timeit
if [ ! -x "$BENCH_TIMEIT" ] || [ "$BENCH_TIMEIT" -ot "$SCIO_TOP/bench/timeit.c" ]; then
	${CC:-cc} -O2 -Wall -o "$BENCH_TIMEIT" "$SCIO_TOP/bench/timeit.c" || exit 2
fi

bench_run() {
	bench_name=$1
	shift
	"$BENCH_TIMEIT" -n "$BENCH_REPEAT" -o "$BENCH_OUT/$bench_name.out" \
		-e "$BENCH_OUT/$bench_name.err" -- "$@" >"$BENCH_OUT/$bench_name.time" ||
		return 2
	read -r SECS PEAK_KB bench_rc <"$BENCH_OUT/$bench_name.time"
	printf '  %-44s %8.3f s  %8d KB peak\n' "$bench_name" "$SECS" "$PEAK_KB"
	# 1 is grep's "nothing selected"; above it the figure is a failure's
	if [ "$bench_rc" -gt 1 ]; then
		printf '    FAILED with status %s: %s\n' "$bench_rc" \
			"$(head -n 1 "$BENCH_OUT/$bench_name.err")"
	fi
}

bench_ratio() {
	awk "BEGIN{ if ($2 > 0) printf \"%.2f\", $1 / $2; else printf \"inf\" }"
}

bench_line() {
	printf '%s\n' "$*"
}

bench_corpus() {
	bench_c=$BENCH_OUT/turns-$1.jsonl
	if [ ! -s "$bench_c" ] || [ "$bench_c" -ot "$SCIO_TOP/bench/gen-turns" ]; then
		"$SCIO_TOP/bench/gen-turns" -s "$1" >"$bench_c.tmp" && mv "$bench_c.tmp" "$bench_c" || return 1
	fi
	printf '%s\n' "$bench_c"
}
