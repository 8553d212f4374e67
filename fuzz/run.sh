#!/bin/sh
# fuzz/run.sh SECONDS FUZZER...: runs each libFuzzer target for SECONDS
# over a working corpus in build/fuzz/corpus/NAME, seeded from the test
# fixtures (fuzz/seed.sh) and fuzz/regress/NAME.  A crash, leak, timeout
# or failed check leaves its input as build/fuzz/crash-NAME-* and makes
# the run fail.  Ends with one line per target: runs, corpus, result.
set -u
secs=${1:?usage: fuzz/run.sh SECONDS FUZZER...}
shift
top=$(cd "$(dirname "$0")/.." && pwd)
status=0
summary=
for f in "$@"; do
	name=${f##*/fuzz-}
	corpus=$top/build/fuzz/corpus/$name
	mkdir -p "$corpus"
	sh "$top/fuzz/seed.sh" "$name" "$corpus"
	[ -d "$top/fuzz/regress/$name" ] && cp "$top/fuzz/regress/$name"/* "$corpus"/ 2>/dev/null
	dict=
	[ -f "$top/fuzz/$name.dict" ] && dict=-dict=$top/fuzz/$name.dict
	log=$top/build/fuzz/$name.log
	echo "fuzz-$name: $secs s" >&2
	# shellcheck disable=SC2086
	"$f" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 \
		-max_len=65536 -print_final_stats=1 $dict \
		-artifact_prefix="$top/build/fuzz/crash-$name-" "$corpus" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	n=$(find "$corpus" -type f | wc -l)
	if [ $rc -eq 0 ]; then
		res=ok
	else
		res="FAILED (status $rc, see build/fuzz/$name.log)"
		status=1
	fi
	summary="$summary
fuzz-$name: ${runs:-0} runs in $secs s, corpus $n inputs: $res"
done
echo "${summary#?}"
exit $status
