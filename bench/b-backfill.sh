#!/bin/sh
# b-backfill.sh: issue 14's scale test.  A generated archive of
# BENCH_BACKFILL_N conferences (default 5,000; 1 to 14 pages each, some
# 37,000 pages behind 250 listing pages) served on 127.0.0.1 by
# tests/archive-server.py, backfilled from nothing as the README shows
# (the listing walk with --pages 0, scio-parse, scio-fetch --state, all
# with -j 8 --per-host 8 --wait 0) by tests/backfill-run.py, which checks
# every conference whole, every page fetched once, a second run only
# conditional and silent, and three SIGKILLs then a resume giving the
# records of one run.  Against:
#
#   the server's own limit: curl -Z --parallel-max 8 fetching the same
#       URLs (target: the backfill within 1.3 times its time)
#   the same backfill of 1,000 conferences: peak RSS (target: flat)
#
# BENCH_BACKFILL_MOBILE=1 serves and walks the mobile listing too (each
# conference then listed twice, under two URLs).
. "$SCIO_TOP/bench/lib.sh"
N=${BENCH_BACKFILL_N:-5000}
SMALL=1000
mobile=
[ -n "${BENCH_BACKFILL_MOBILE:-}" ] && mobile=--mobile
dir=$BENCH_OUT/backfill
rm -rf "$dir"
mkdir -p "$dir"
run() {
	w=$dir/$1
	shift
	/usr/bin/python3 "$SCIO_TOP/tests/backfill-run.py" $mobile --work "$w" "$@"
}
# field REPORT PATTERN SED: a figure from a report of backfill-run.py
field() {
	sed -n "s/$2/\\1/p" "$1" | head -n 1
}

run small -n $SMALL --kills 0 >"$dir/small.report" 2>&1
run large -n "$N" --kills 3 --curl >"$dir/large.report" 2>&1
st=$?
r=$dir/large.report
pages=$(field "$r" '^archive: [0-9]* conferences, \([0-9]*\) pages.*')
bench_line "scio-fetch backfill: $N conferences, $pages pages, -j 8 --per-host 8 --wait 0"
if [ $st -ne 0 ]; then
	bench_line "  FAILED (the report follows)"
	sed 's/^/  | /' "$r"
	exit 1
fi
whole=$(field "$r" '^whole: \([0-9.]*\) s.*')
cpu=$(field "$r" '^whole: .* CPU \([0-9.]*\) s.*')
curl=$(field "$r" '^curl: \([0-9.]*\) s.*')
ccpu=$(field "$r" '^curl: .* CPU \([0-9.]*\) s.*')
again=$(field "$r" '^again: \([0-9.]*\) s.*')
scpu=$(field "$r" "^  the server's CPU: \\([0-9.]*\\) s.*")
sccpu=$(sed -n "s/^  the server's CPU: \\([0-9.]*\\) s.*/\\1/p" "$r" | tail -n 1)
rss=$(field "$r" '^whole: .* \([0-9]*\) KB conferences.*')
srss=$(field "$dir/small.report" '^whole: .* \([0-9]*\) KB conferences.*')
printf '  %-44s %8.2f s  (CPU %.2f s, the server %.2f s)\n' \
	"backfill (listing, scio-parse, scio-fetch)" "$whole" "$cpu" "$scpu"
printf '  %-44s %8.2f s  (CPU %.2f s, the server %.2f s)\n' \
	"curl -Z --parallel-max 8, the same URLs" "$curl" "$ccpu" "$sccpu"
printf '  %-44s %8.2f s\n' "second run (all conditional, nothing written)" "$again"
bench_line "  backfill / curl -Z:         $(bench_ratio "$whole" "$curl")  (target <= 1.3)"
# On a machine busier than its cores, the client's CPU is taken from the
# server's: the same ratio in CPU, the server's and the client's together.
bench_line "  the same in CPU, server and client: $(bench_ratio "$(awk "BEGIN{print $cpu + $scpu}")" \
	"$(awk "BEGIN{print $ccpu + $sccpu}")")"
bench_line "  peak RSS of scio-fetch, $SMALL / $N conferences: $srss KB / $rss KB  (flat but for the state)"
bench_line "  the state: $(field "$dir/small.report" '^  state: \(.*\)$') / $(field "$r" '^  state: \(.*\)$')"
bench_line "  $(grep -c '^kills: run' "$r") SIGKILLs at random points, then a resume:" \
	"$(sed -n 's/^kills: [0-9]* runs, [0-9]* killed; //p' "$r")"
bench_line "  every conference whole, every page fetched once, the second run only conditional: checked"
