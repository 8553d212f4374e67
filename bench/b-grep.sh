#!/bin/sh
# b-grep.sh: scio-grep against jq and grep on a generated corpus of turn
# records (BENCH_GREP_MB, default 120 MB), in one run.
#
#   speaker:  scio-grep --speaker X        jq select(.speaker=="X")   grep -F X / grep -cF X
#   phrase:   scio-grep -i -e PHRASE       jq test(PHRASE; "i")       grep -i / grep -ci
#
# Every output goes to a file (GNU grep stops at the first match when its
# output is /dev/null).  Targets: at least 10 times faster than jq, at most
# 3 times grep -c (the cost of reading the bytes), peak memory under 16 MB.
. "$SCIO_TOP/bench/lib.sh"

MB=${BENCH_GREP_MB:-120}
CORPUS=$(bench_corpus "$MB") || exit 1
WHO=$("$SCIO_TOP/bench/gen-turns" --speaker)
PHRASE='security governance'
size=$(wc -c <"$CORPUS")
lines=$(wc -l <"$CORPUS")
bench_line "scio-grep: $((size / 1000000)) MB, $lines turn records"

# Warm the page cache so the first contender does not pay for the disk.
cat "$CORPUS" >/dev/null

bench_run grep-speaker-scio scio-grep --speaker "$WHO" "$CORPUS"
s_scio=$SECS; s_mem=$PEAK_KB
bench_run grep-speaker-jq jq -c --arg who "$WHO" 'select(.speaker == $who)' "$CORPUS"
s_jq=$SECS
bench_run grep-speaker-grep grep -F "$WHO" "$CORPUS"
s_grep=$SECS
bench_run grep-speaker-grep-c grep -c -F "$WHO" "$CORPUS"
s_grepc=$SECS
if cmp -s "$BENCH_OUT/grep-speaker-scio.out" "$BENCH_OUT/grep-speaker-jq.out"; then same=same; else same=DIFFERENT; fi
bench_line "  speaker ($(wc -l <"$BENCH_OUT/grep-speaker-scio.out") selected, output $same as jq's;" \
	"grep -F finds $(cat "$BENCH_OUT/grep-speaker-grep-c.out") lines)"
bench_line "    jq / scio-grep:      $(bench_ratio "$s_jq" "$s_scio")  (target >= 10)"
bench_line "    scio-grep / grep -F: $(bench_ratio "$s_scio" "$s_grep")"
bench_line "    scio-grep / grep -c: $(bench_ratio "$s_scio" "$s_grepc")  (target <= 3)"
bench_line "    scio-grep peak:      $s_mem KB  (target < 16384)"

bench_run grep-phrase-scio scio-grep -i -e "$PHRASE" "$CORPUS"
p_scio=$SECS; p_mem=$PEAK_KB
bench_run grep-phrase-jq jq -c --arg re "$PHRASE" 'select(.text | test($re; "i"))' "$CORPUS"
p_jq=$SECS
bench_run grep-phrase-grep grep -i "$PHRASE" "$CORPUS"
p_grep=$SECS
bench_run grep-phrase-grep-c grep -c -i "$PHRASE" "$CORPUS"
p_grepc=$SECS
if cmp -s "$BENCH_OUT/grep-phrase-scio.out" "$BENCH_OUT/grep-phrase-jq.out"; then same=same; else same=DIFFERENT; fi
bench_line "  -i phrase ($(wc -l <"$BENCH_OUT/grep-phrase-scio.out") selected, output $same as jq's;" \
	"grep -i finds $(cat "$BENCH_OUT/grep-phrase-grep-c.out") lines)"
bench_line "    jq / scio-grep:      $(bench_ratio "$p_jq" "$p_scio")  (target >= 10)"
bench_line "    scio-grep / grep -i: $(bench_ratio "$p_scio" "$p_grep")"
bench_line "    scio-grep / grep -c: $(bench_ratio "$p_scio" "$p_grepc")  (target <= 3)"
bench_line "    scio-grep peak:      $p_mem KB  (target < 16384)"
