#!/bin/sh
# t-exchange.sh: scio-fmt --by exchange on a generated corpus, checked by an
# independent computation in Python: every turn of a conference lands in
# exactly one exchange row or in the opening part, and the rows round-trip
# through Python's csv module with the texts joined as the turns give them.
. "$SCIO_TOP/tests/lib.sh"

if ! test_have python3; then
	test_skip 'exchanges of a generated corpus' 'no python3'
	exit 0
fi
"$SCIO_TOP/bench/gen-turns" -s 0.4 -r 16 >"$SCIO_TOP/tests/out/exchange-corpus.jsonl"
CORPUS=$SCIO_TOP/tests/out/exchange-corpus.jsonl
export CORPUS

test_expect_success 'every turn in exactly one exchange or the opening' '
	scio-fmt --by exchange -f csv --fields doc,qa,seqs "$CORPUS" >rows.csv 2>err &&
	python3 - rows.csv <<-\PY
	import csv, json, os, sys
	turns = [json.loads(l) for l in open(os.environ["CORPUS"], encoding="utf-8")]
	seen = {}
	with open(sys.argv[1], newline="", encoding="utf-8") as f:
	    for row in csv.DictReader(f):
	        for s in json.loads(row["seqs"]):
	            k = (row["doc"], s)
	            assert k not in seen, "turn %r in two exchanges" % (k,)
	            seen[k] = int(row["qa"])
	for t in turns:
	    k = (t["doc"], t["seq"])
	    if t["qa"] == 0:
	        assert k not in seen, "opening turn %r in an exchange" % (k,)
	    else:
	        assert seen.get(k) == t["qa"], "turn %r in no exchange" % (k,)
	assert len(seen) == sum(1 for t in turns if t["qa"] > 0)
	PY
'

test_expect_success 'rows round-trip through csv with the texts of their turns' '
	scio-fmt --by exchange -f csv "$CORPUS" >rows.csv 2>err &&
	python3 - rows.csv <<-\PY
	import csv, json, os, sys
	want, key = [], None
	for l in open(os.environ["CORPUS"], encoding="utf-8"):
	    t = json.loads(l)
	    if t["qa"] == 0:
	        key = None
	        continue
	    if (t["doc"], t["qa"]) != key:
	        key = (t["doc"], t["qa"])
	        want.append({"doc": t["doc"], "date": t["date"] or "", "qa": str(t["qa"]),
	                     "q": [], "a": [], "c": [], "outlet": "", "who": []})
	    x = want[-1]
	    part = {"media": "q", "chair": "c"}.get(t["role"], "a")
	    x[part].append(t["text"])
	    if t["role"] == "media" and not x["outlet"]:
	        x["outlet"] = t["outlet"] or ""
	    if t["role"] == "official" and t["speaker"] not in x["who"]:
	        x["who"].append(t["speaker"])
	with open(sys.argv[1], newline="", encoding="utf-8") as f:
	    rows = list(csv.DictReader(f))
	assert len(rows) == len(want), (len(rows), len(want))
	for r, x in zip(rows, want):
	    assert r["doc"] == x["doc"] and r["qa"] == x["qa"] and r["date"] == x["date"]
	    assert r["outlet"] == x["outlet"]
	    assert r["question"] == "\n\n".join(x["q"])
	    assert r["answer"] == "\n\n".join(x["a"])
	    assert r["chair_text"] == "\n\n".join(x["c"])
	    assert r["answered_by"] == "; ".join(x["who"])
	PY
'

test_expect_success 'a question with no answer is a row, its answer null, said on stderr' '
	scio-fmt --by exchange -t "{qa}|{answer}|{answered_by}" \
		"$FIXTURES/exchange/turns.jsonl" >out 2>err &&
	tail -n 1 out >last &&
	echo "3||" >want &&
	test_cmp want last &&
	grep -q "turns.jsonl:10: question 3 of conference 40000021 has no answer" err
'

test_expect_success 'a doc record gives the same exchanges as its turns' '
	scio-fmt --by exchange -f tsv --fields doc,qa,outlet,question,answer \
		"$FIXTURES/fmt/docs.jsonl" >from-doc &&
	test -s from-doc &&
	scio-fmt --by exchange -f json "$FIXTURES/fmt/docs.jsonl" >pretty &&
	grep -q "\"title\": \"chief engineer of the Mountain Rail Office\"" pretty
'

test_expect_success 'records that are not turns pass through --by exchange' '
	scio-fmt --by exchange -f csv --fields type "$FIXTURES/fmt/mixed.jsonl" \
		>out 2>err;
	grep -q "^link" out
'
