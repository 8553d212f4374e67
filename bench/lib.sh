# bench/lib.sh: what every bench/b-*.sh script sources.
#
#   bench_run NAME CMD...    runs CMD (its stdout to a file, never
#                            /dev/null), best of $BENCH_REPEAT runs; sets
#                            SECS and PEAK_KB (peak RSS) for that best run
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

bench_run() {
	bench_name=$1
	shift
	SECS=
	PEAK_KB=
	i=0
	while [ $i -lt "$BENCH_REPEAT" ]; do
		/usr/bin/time -f '%e %M' -o "$BENCH_OUT/$bench_name.time" \
			"$@" >"$BENCH_OUT/$bench_name.out" 2>"$BENCH_OUT/$bench_name.err"
		read -r s kb <"$BENCH_OUT/$bench_name.time"
		if [ -z "$SECS" ] || awk "BEGIN{exit !($s < $SECS)}"; then
			SECS=$s
			PEAK_KB=$kb
		fi
		i=$((i + 1))
	done
	printf '  %-44s %8.2f s  %8d KB peak\n' "$bench_name" "$SECS" "$PEAK_KB"
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
