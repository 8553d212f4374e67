#!/bin/sh
# b-stats.sh: scio-stats against Miller and jq counting turns per outlet,
# and against scio-grep -c with the same pattern, on the same generated
# turn records (BENCH_STATS_MB, default 139 MB), in one run.
#
#   scio-stats --by outlet --count questions
#       mlr --ijsonl count-distinct -f outlet then sort -nr count
#       jq -s 'group_by(.outlet) | map({outlet: .[0].outlet, n: length})'
#       (targets: at least 8 times faster than each)
#   scio-stats -i -e PHRASE --by month     scio-grep -c -i -e PHRASE
#       (target: at most 2 times its time)
# and peak memory on a small and the large corpus (target: flat).
. "$SCIO_TOP/bench/lib.sh"
MB=${BENCH_STATS_MB:-139}
corpus=$(bench_corpus $MB) || exit 1
small=$(bench_corpus 12) || exit 1
PHRASE='security governance'
bench_line "scio-stats: $(($(wc -c <"$corpus") / 1000000)) MB, $(wc -l <"$corpus") turn records"
cat "$corpus" >/dev/null

bench_run stats-outlet scio-stats --by outlet --count questions "$corpus"
s_stats=$SECS
s_kb=$PEAK_KB
bench_run mlr-outlet mlr --ijsonl --ojsonl count-distinct -f outlet then sort -nr count "$corpus"
s_mlr=$SECS
bench_run jq-outlet jq -s -c 'group_by(.outlet) | map({outlet: .[0].outlet, n: length})' "$corpus"
s_jq=$SECS
# The peers count turns; scio-stats counts the same with --count turns.
scio-stats --no-header --by outlet "$corpus" | sort >"$BENCH_OUT/stats-turns.tsv"
jq -r '.[] | [(.outlet // ""), .n] | @tsv' "$BENCH_OUT/jq-outlet.out" | sort >"$BENCH_OUT/jq-turns.tsv"
if cmp -s "$BENCH_OUT/stats-turns.tsv" "$BENCH_OUT/jq-turns.tsv"; then same=same; else same=DIFFERENT; fi
bench_line "  turns per outlet: scio-stats's counts $same as jq's"
bench_line "    mlr / scio-stats:    $(bench_ratio "$s_mlr" "$s_stats")  (target >= 8)"
bench_line "    jq / scio-stats:     $(bench_ratio "$s_jq" "$s_stats")  (target >= 8)"

bench_run stats-month scio-stats -i -e "$PHRASE" --by month "$corpus"
m_stats=$SECS
bench_run grep-c scio-grep -c -i -e "$PHRASE" "$corpus"
m_grep=$SECS
n_stats=$(awk -F '\t' 'NR > 1 { s += $2 } END { print s }' "$BENCH_OUT/stats-month.out")
bench_line "  -i -e '$PHRASE': $n_stats turns by month, scio-grep -c $(cat "$BENCH_OUT/grep-c.out")"
bench_line "    scio-stats / scio-grep -c: $(bench_ratio "$m_stats" "$m_grep")  (target <= 2)"

bench_run stats-outlet-small scio-stats --by outlet --count questions "$small"
bench_line "  peak memory: $PEAK_KB KB on $(($(wc -c <"$small") / 1000000)) MB," \
	"$s_kb KB on $(($(wc -c <"$corpus") / 1000000)) MB (target: flat)"
