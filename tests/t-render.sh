#!/bin/sh
# scio-parse against the rendered transcripts (tests/render/README): every
# transcript of tests/render/data/ in five markups and two charsets, as it
# is and under each metamorphic transformation, must give the one truth.
# One test result per markup and kind of transformation; the first
# difference of a failing one is shown, the whole report is kept in
# tests/out/t-render/report.txt.
. "$SCIO_TOP/tests/lib.sh"
R=$SCIO_TOP/tests/render
OUT=$SCIO_TOP/tests/out/t-render
PY=/usr/bin/python3

if ! test_have python3; then
	test_skip 'rendered transcripts' 'no /usr/bin/python3'
	exit 0
fi
rm -rf "$OUT/work"
mkdir -p "$OUT/work"

test_expect_success 'the renderer writes every transcript in every markup and charset' '
	"$PY" "$R/render.py" "$OUT/work" 2>err &&
	grep -q "^render.py: [0-9]* renderings" err &&
	test "$(jq -r .markup "$OUT/work/manifest.jsonl" | sort -u | wc -l)" -eq 5 &&
	test "$(jq -r .charset "$OUT/work/manifest.jsonl" | sort -u | wc -l)" -eq 2 &&
	test "$(jq -r .kind "$OUT/work/manifest.jsonl" | sort -u | grep -vc "^none$")" -ge 12
'

test_expect_success 'each rendering shows its truth: every label and paragraph, in order' '
	"$PY" "$R/check.py" --self "$OUT/work" >out &&
	tail -n 1 out | grep -q ", 0 problems$"
'

# The comparison: one result per (markup, kind).
"$PY" "$R/check.py" -v --results "$OUT/results.tsv" "$OUT/work" >"$OUT/report.txt" 2>"$OUT/check.err"
st=$?
if [ "$st" -gt 1 ] || [ ! -s "$OUT/results.tsv" ]; then
	echo "fail $test_script: check.py ran (status $st)" >>"$SCIO_RESULTS"
	echo "not ok - $test_script: check.py ran (status $st)"
	sed 's/^/#   /' "$OUT/check.err" | head -n 20
	exit 0
fi
tab=$(printf '\t')
while IFS=$tab read -r verdict name first; do
	if [ "$verdict" = pass ]; then
		echo "pass $test_script: $name invariant" >>"$SCIO_RESULTS"
		[ -n "${SCIO_VERBOSE:-}" ] && echo "ok - $test_script: $name invariant"
	else
		echo "fail $test_script: $name invariant" >>"$SCIO_RESULTS"
		echo "not ok - $test_script: $name invariant"
		echo "#   $first"
	fi
done <"$OUT/results.tsv"
if grep -q '^FAIL ' "$OUT/report.txt"; then
	grep -v '^FAIL ' "$OUT/report.txt" | sed 's/^/# /'
	echo "#   all failing renderings: tests/out/t-render/report.txt"
fi
exit 0
