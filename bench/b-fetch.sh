#!/bin/sh
# b-fetch.sh: scio-fetch -j 8 --per-host 8 against the loopback test
# server answering each request after 50 ms, for 400 pages, beside the
# ideal (400 x 50 ms / 8) and curl fetching the same URLs one after another.
. "$SCIO_TOP/bench/lib.sh"
N=400
DELAY=0.05
JOBS=8
dir=$BENCH_OUT/fetch
rm -rf "$dir"
mkdir -p "$dir"
/usr/bin/python3 "$SCIO_TOP/tests/server.py" --root "$SCIO_TOP/tests/fixtures/fetch/site" \
	--delay $DELAY >"$dir/port" 2>"$dir/server.err" &
srv=$!
trap 'kill $srv 2>/dev/null' EXIT
i=0
while [ ! -s "$dir/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(cat "$dir/port")
i=1
while [ $i -le $N ]; do
	echo "http://127.0.0.1:$port/bench/content_$i.htm"
	i=$((i + 1))
done >"$dir/urls"

bench_line "scio-fetch: $N pages, server answering after $(awk "BEGIN{print $DELAY*1000}") ms each"
bench_run "scio-fetch -j $JOBS --per-host $JOBS" scio-fetch -q --wait 0 -j $JOBS --per-host $JOBS -i "$dir/urls"
fetch=$SECS
fetch_kb=$PEAK_KB
got=$(wc -l <"$BENCH_OUT/scio-fetch -j $JOBS --per-host $JOBS.out")
[ "$got" -eq $N ] || bench_line "  WARNING: scio-fetch wrote $got records, not $N"
body=$(jq ".html | utf8bytelength" "$BENCH_OUT/scio-fetch -j $JOBS --per-host $JOBS.out" | sort -n | tail -n 1)
BENCH_REPEAT=1 bench_run "curl, one URL after another" sh -c 'xargs curl -sS <"$1"' sh "$dir/urls"
curl=$SECS
ideal=$(awk "BEGIN{printf \"%.2f\", $N * $DELAY / $JOBS}")
bench_line "  ideal ($N x $DELAY s / $JOBS):                    $ideal s"
bench_line "  scio-fetch / ideal:           $(bench_ratio "$fetch" "$ideal")  (at most 1.30 wanted)"
bench_line "  curl sequential / scio-fetch: $(bench_ratio "$curl" "$fetch")  (at least 6 wanted)"
bench_line "  peak RSS $fetch_kb KB; $JOBS transfers x largest body $(awk "BEGIN{printf \"%.0f\", $JOBS * $body / 1024}") KB"
