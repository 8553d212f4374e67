#!/bin/sh
# t-stats.sh: scio-stats' counts on a generated corpus, each compared with
# the same count computed independently in Python (tests/stats-check.py),
# for every --by/--count combination scio-stats(1) shows; then the order of
# rows, --share, --top, --summary, bad input and memory.
. "$SCIO_TOP/tests/lib.sh"

if ! test_have python3; then
	test_skip 'scio-stats on a generated corpus' 'no python3'
	exit 0
fi
CORPUS=$SCIO_TOP/tests/out/stats-corpus.jsonl
CHECK=$SCIO_TOP/tests/stats-check.py
export CORPUS CHECK
# The generator's turns, with a title for each official (for agency).
"$SCIO_TOP/bench/gen-turns" -s 0.5 -r 7 | python3 -c '
import json, sys
titles = ["vice minister of the Ministry of Invented Affairs",
          "Director of the Bureau of Sample Statistics, and spokesperson",
          "Minister of Placeholders", "chief engineer",
          "spokesperson for the Office for Example Planning"]
for l in sys.stdin:
    t = json.loads(l)
    if t["role"] == "official":
        t["speaker_title"] = titles[sum(map(ord, t["speaker"])) % len(titles)]
    print(json.dumps(t, ensure_ascii=False, separators=(",", ":")))
' >"$CORPUS"

while IFS= read -r args; do
	test_expect_success "counts as Python counts them: $args" '
		scio-stats '"$args"' "$CORPUS" >out.tsv &&
		test "$(wc -l <out.tsv)" -gt 1 &&
		python3 "$CHECK" "$CORPUS" out.tsv '"$args"'
	'
done <<'EOF2'
--by outlet --count questions
--by outlet,year --count questions
--by speaker --count words
--by speaker --count exchanges
--by role --count turns
--by agency --count words
--by agency --count conferences
--by year --count conferences
--by month --count questions
--by weekday --count turns
--by doc --count exchanges
--by qa --count turns
-i -e security.governance --by month --per 10000
-e data --count hits --by year
-F -e Lin --count turns --by role
EOF2

test_expect_success 'no --by: one row, the total' '
	scio-stats --count questions "$CORPUS" >out &&
	python3 -c "
import json
n = len({(t[\"doc\"], t[\"qa\"]) for t in map(json.loads, open(\"$CORPUS\"))
         if t[\"role\"] == \"media\" and t[\"qa\"] > 0})
print(\"questions\"); print(n)" >want &&
	test_cmp want out
'

test_expect_success 'categories by count, highest first; time in its own order' '
	scio-stats --by outlet --count questions "$CORPUS" | tail -n +2 | cut -f 2 >n &&
	sort -rn n >sorted && test_cmp sorted n &&
	scio-stats --by month "$CORPUS" | tail -n +2 | cut -f 1 | grep . >m &&
	sort m >ms && test_cmp ms m &&
	scio-stats --by weekday "$CORPUS" | tail -n +2 | cut -f 1 | grep . >d &&
	grep -n . d | sed -n 1p | grep -q "1:Monday"
'

test_expect_success '--share adds up to one; --top keeps the highest' '
	scio-stats --by outlet --share "$CORPUS" >out &&
	awk -F "\t" "NR > 1 { s += \$3 } END { exit !(s > 0.999 && s < 1.001) }" out &&
	scio-stats --by outlet --top 3 "$CORPUS" >top &&
	scio-stats --by outlet "$CORPUS" | head -n 4 >want && test_cmp want top
'

test_expect_success '--summary: a row per conference, as Python counts them' '
	scio-stats --summary -f json "$CORPUS" >rows &&
	python3 - rows <<-\PY
	import json, os, sys
	confs = {}
	for t in map(json.loads, open(os.environ["CORPUS"], encoding="utf-8")):
	    c = confs.setdefault(t["doc"], {"q": set(), "o": [], "off": {}, "date": None})
	    c["date"] = c["date"] or t["date"]
	    if t["role"] == "media" and t["qa"] > 0:
	        c["q"].add(t["qa"])
	        if t["outlet"] and t["outlet"] not in c["o"]:
	            c["o"].append(t["outlet"])
	rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	assert len(rows) == len(confs), (len(rows), len(confs))
	dates = [r["date"] or "~" for r in rows]
	assert dates == sorted(dates)
	for r in rows:
	    c = confs[r["doc"]]
	    assert r["questions"] == len(c["q"]), r
	    assert r["outlets"] == "; ".join(c["o"]), r
	    assert r["date"] == c["date"]
	PY
'

test_expect_success 'a bad line: FILE:LINE, skipped, exit 2 at the end' '
	head -n 3 "$CORPUS" >in &&
	echo "{\"type\":\"turn\"," >>in &&
	tail -n 2 "$CORPUS" >>in &&
	test_expect_code 2 scio-stats --by role in >out 2>err &&
	grep -q "^scio-stats: in:4: bad JSON" err &&
	test "$(awk -F "\t" "NR > 1 { s += \$2 } END { print s }" out)" = 5
'

test_expect_success 'usage errors exit 2' '
	test_expect_code 2 scio-stats --by nosuch "$CORPUS" 2>err &&
	grep -q "unknown field" err &&
	test_expect_code 2 scio-stats --count hits "$CORPUS" 2>err &&
	test_expect_code 2 scio-stats --count lines "$CORPUS" 2>err &&
	test_expect_code 2 scio-stats -f pdf "$CORPUS" 2>err &&
	test_expect_code 2 scio-stats --summary --by year "$CORPUS" 2>err &&
	test_expect_code 2 scio-stats -e "(" "$CORPUS" 2>err
'

if [ -x /usr/bin/time ]; then
	test_expect_success 'memory does not grow with the input' '
		for i in 1 2 3 4 5 6 7 8; do cat "$CORPUS"; done >big &&
		/usr/bin/time -f %M -o small.kb scio-stats --by outlet --count words "$CORPUS" >/dev/null &&
		/usr/bin/time -f %M -o big.kb scio-stats --by outlet --count words big >/dev/null &&
		test "$(cat big.kb)" -lt "$(( $(cat small.kb) + 1024 ))"
	'
else
	test_skip 'memory does not grow with the input' 'no /usr/bin/time'
fi
