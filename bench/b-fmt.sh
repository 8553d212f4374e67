#!/bin/sh
# b-fmt.sh: scio-fmt against jq (TSV) and Miller (CSV) on the same turn
# records, in one run; prints the ratios (targets: 5x each) and the peak
# memory on a small and a large corpus (target: the same, constant).
. "$SCIO_TOP/bench/lib.sh"
MB=${BENCH_FMT_MB:-120}
corpus=$(bench_corpus $MB) || exit 1
small=$(bench_corpus 12) || exit 1
bytes=$(wc -c <"$corpus")
bench_line "scio-fmt: $((bytes / 1000000)) MB, $(wc -l <"$corpus") turn records"

bench_run fmt-tsv scio-fmt -f tsv --no-header --fields speaker,text "$corpus"
fmt_tsv=$SECS
fmt_tsv_kb=$PEAK_KB
bench_run jq-tsv jq -r '[.speaker,.text]|@tsv' "$corpus"
jq_tsv=$SECS
if cmp -s "$BENCH_OUT/fmt-tsv.out" "$BENCH_OUT/jq-tsv.out"; then
	bench_line "  (scio-fmt's TSV is byte for byte jq's)"
else
	bench_line "  WARNING: scio-fmt's TSV differs from jq's"
fi

bench_run fmt-csv scio-fmt -f csv "$corpus"
fmt_csv=$SECS
bench_run mlr-csv mlr --ijsonl --ocsv cat "$corpus"
mlr_csv=$SECS

bench_run fmt-tsv-small scio-fmt -f tsv --no-header --fields speaker,text "$small"
small_kb=$PEAK_KB
bench_run fmt-text scio-fmt -w 80 "$corpus"
bench_run fmt-html scio-fmt -f html "$corpus"

bench_line "  tsv: scio-fmt is $(bench_ratio "$jq_tsv" "$fmt_tsv")x faster than jq (target 5x)"
bench_line "  csv: scio-fmt is $(bench_ratio "$mlr_csv" "$fmt_csv")x faster than Miller (target 5x)"
bench_line "  memory: ${small_kb} KB peak on 12 MB, ${fmt_tsv_kb} KB on $MB MB"
