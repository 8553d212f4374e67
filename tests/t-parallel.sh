#!/bin/sh
# docs/scale-out.md: every "$ " command runs, in order, on a generated
# corpus; its cmp lines show that the split runs (GNU parallel, xargs)
# write the same records as one process.  Run as written (10 MB blocks:
# one piece of this corpus) and again with blocks small enough to make many
# pieces.  Skipped when GNU parallel is not installed.
. "$SCIO_TOP/tests/lib.sh"
if ! parallel --version 2>/dev/null | grep -q "GNU parallel"; then
	test_skip 'scale-out with GNU parallel' 'skipped: no GNU parallel'
	exit 0
fi
if ! test_have python3; then
	test_skip 'scale-out with GNU parallel' 'skipped: no python3 (it makes the corpus)'
	exit 0
fi
PARALLEL=--will-cite
export PARALLEL
DOC=$SCIO_TOP/docs/scale-out.md

# The corpus, made once: 3 MB of turns (about 200 conferences), page
# records of 80 generated pages, and the turns as four gzip files.
corpus=$SCIO_TOP/tests/out/t-parallel-corpus
rm -rf "$corpus"
mkdir -p "$corpus/archive"
/usr/bin/python3 "$SCIO_TOP/bench/gen-turns" -s 3 >"$corpus/turns.jsonl"
/usr/bin/python3 "$SCIO_TOP/bench/gen-pages" "$corpus/gen" 80 >/dev/null 2>&1
mv "$corpus/gen/pages.jsonl" "$corpus/pages.jsonl"
rm -rf "$corpus/gen"
(cd "$corpus/archive" && split -n l/4 -d --additional-suffix=.jsonl ../turns.jsonl part- && gzip part-*.jsonl)
CORPUS=$corpus
export CORPUS DOC

setup() {
	cp "$CORPUS/turns.jsonl" "$CORPUS/pages.jsonl" . && cp -R "$CORPUS/archive" archive
}

# run_doc [SED-SCRIPT]: the doc's commands, each changed by the sed
# script, one after another; the first to fail fails the test.
run_doc() {
	sed -n 's/^    \$ //p' "$DOC" | sed -e "${1:-}" >commands &&
	test "$(wc -l <commands)" -ge 12 &&
	while IFS= read -r c; do
		sh -c "$c" >out 2>err || { echo "failed: $c"; cat err; return 1; }
		if [ -s err ]; then echo "complained: $c"; cat err; return 1; fi
		case $c in
		*"awk "*) test "$(cat out)" = "$(scio-grep -c --speaker "Lin Haoyu" turns.jsonl)" ||
			{ echo "counts differ: $c"; return 1; } ;;
		esac
	done <commands
}

test_expect_success 'the corpus is big enough to cut, and the selections select' '
	setup &&
	test "$(parallel --pipe --block 100k wc -l <turns.jsonl | wc -l)" -ge 10 &&
	test "$(parallel --pipe --block 1M wc -l <pages.jsonl | wc -l)" -ge 3 &&
	test "$(scio-grep -c --qa --speaker "Lin Haoyu" turns.jsonl)" -ge 100 &&
	test "$(scio-parse pages.jsonl | wc -l)" -ge 500 &&
	test "$(zcat archive/*.gz | scio-grep -c --outlet "Lakeside Weekly")" -ge 10
'

test_expect_success 'the scale-out examples run as written and equal one process' '
	setup && run_doc ""
'

test_expect_success 'cut into many pieces, the sorted outputs still equal one process' '
	setup &&
	run_doc "/scio-parse/s/--block 10M/--block 1M/; s/--block 10M/--block 100k/; s/-P 4/-P 3/"
'

test_expect_success 'without --group-by, pieces cut inside conferences: scio-parse differs' '
	setup &&
	scio-parse pages.jsonl | sort >one.jsonl &&
	parallel --pipe --block 300k scio-parse <pages.jsonl 2>err | sort >many.jsonl &&
	! cmp -s one.jsonl many.jsonl && grep -q "missing" err
'

test_expect_success 'without --group-by, --qa loses context at the cuts' '
	setup &&
	scio-grep --qa --speaker "Lin Haoyu" turns.jsonl | sort >one.jsonl &&
	parallel --pipe --block 30k "scio-grep --qa --speaker \"Lin Haoyu\"; test \$? -le 1" <turns.jsonl | sort >many.jsonl &&
	! cmp -s one.jsonl many.jsonl
'
