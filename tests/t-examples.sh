#!/bin/sh
# The recipes in examples/: each run on the sample's turn records (the
# fixture site's TRUTH, plain and gzip-compressed, and the archive
# scio-nightly builds from the sample site on loopback), their output
# checked against jq or Python computing the same thing another way.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'examples' 'skipped: no python3 or no jq'
	exit 0
fi
EX=$SCIO_TOP/examples
TRUTH=$FIXTURES/site/TRUTH-turns.jsonl
export EX TRUTH

test_expect_success 'questions-per-outlet: the counts, as CSV, by year then most questions' '
	"$EX/questions-per-outlet" "$TRUTH" >got.csv &&
	head -n 1 got.csv | tr -d "\r" | grep -qx "year,outlet,questions" &&
	test "$(wc -l <got.csv)" -ge 15 &&
	tr -d "\r" <got.csv | grep -q "^2025,\"Lingnan Daily, Lingnan Plus\",1$" &&
	/usr/bin/python3 - "$TRUTH" got.csv <<-\EOF
	import collections, csv, json, sys
	want, seen = collections.Counter(), set()
	for line in open(sys.argv[1], encoding="utf-8"):
	    r = json.loads(line)
	    if r.get("role") == "media" and r["qa"] > 0 and (r["doc"], r["qa"]) not in seen:
	        seen.add((r["doc"], r["qa"]))
	        want[((r.get("date") or "")[:4], r.get("outlet") or "")] += 1
	rows = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
	got = collections.Counter({(y, o): int(n) for y, o, n in rows[1:]})
	assert got == want, (got, want)
	keys = [(y or "\uffff", -int(n), o or "\uffff") for y, o, n in rows[1:]]
	assert keys == sorted(keys), "not in order"
	EOF
'

test_expect_success 'questions-per-outlet: gzip input, stdin, and outlets CSV must quote' '
	gzip -c "$TRUTH" >turns.jsonl.gz &&
	"$EX/questions-per-outlet" turns.jsonl.gz >gz.csv &&
	"$EX/questions-per-outlet" <"$TRUTH" >stdin.csv &&
	"$EX/questions-per-outlet" "$TRUTH" >plain.csv &&
	test_cmp plain.csv gz.csv && test_cmp plain.csv stdin.csv &&
	printf "%s\n" "{\"type\":\"turn\",\"doc\":\"1\",\"qa\":1,\"date\":\"2020-01-02\",\"role\":\"media\",\"outlet\":\"The \\\"Quoted\\\"\\tTimes\",\"text\":\"Q?\"}" \
		"{\"type\":\"turn\",\"doc\":\"2\",\"qa\":1,\"date\":null,\"role\":\"media\",\"outlet\":null,\"text\":\"Q?\"}" \
		"{\"type\":\"turn\",\"doc\":\"3\",\"qa\":1,\"date\":\"2020-05-01\",\"role\":\"media\",\"outlet\":\"Two\\nLines\",\"text\":\"Q?\"}" >odd.jsonl &&
	"$EX/questions-per-outlet" odd.jsonl >odd.csv &&
	printf "year,outlet,questions\r\n2020,\"The \"\"Quoted\"\"\tTimes\",1\r\n2020,\"Two\nLines\",1\r\n,,1\r\n" >want &&
	test_cmp want odd.csv &&
	test_expect_code 2 "$EX/questions-per-outlet" no-such-file.jsonl
'

test_expect_success 'term-trend: a line chart of a term per month, the README picture rebuilt' '
	"$EX/term-trend" "lock|waterway" "$TRUTH" >trend.svg &&
	xmllint --noout trend.svg &&
	months=$(scio-stats --no-header --by month "$TRUTH" | cut -f 1 | grep -c .) &&
	test "$(grep -c "<circle class=\"point\"" trend.svg)" = "$months" &&
	"$SCIO_TOP/bench/gen-turns" -s 5 | gzip -c >corpus.jsonl.gz &&
	"$EX/term-trend" "security governance" corpus.jsonl.gz >readme.svg &&
	test_cmp "$EX/term-trend.svg" readme.svg &&
	test_expect_code 2 "$EX/term-trend" x no-such-file.jsonl 2>err &&
	test_expect_code 2 "$EX/term-trend" 2>err && grep -q "^usage:" err
'

test_expect_success 'official-on-topic: every answer on the topic, with its question, in Markdown' '
	"$EX/official-on-topic" "Zhou Minghui" "LOCK" "$TRUTH" >zhou.md &&
	head -n 1 zhou.md | grep -q "^## SCIO briefing on promoting high-quality development" &&
	jq -r "select(.speaker == \"Zhou Minghui\" and (.text | test(\"lock\"; \"i\"))) | .text | split(\"\\n\\n\")[0]" \
		"$TRUTH" >answers &&
	test "$(wc -l <answers)" -ge 2 &&
	while IFS= read -r a; do grep -qF -- "$a" zhou.md || { echo "missing: $a"; exit 1; }; done <answers &&
	jq -r "select(.speaker == \"Zhou Minghui\" and (.text | test(\"lock\"; \"i\"))) | .qa" "$TRUTH" | sort -u >qas &&
	jq -r "select(.doc == \"90000101\" and .role == \"media\") | [.qa, .outlet] | @tsv" "$TRUTH" >questions &&
	while IFS="	" read -r qa outlet; do
		if grep -qx "$qa" qas; then grep -q "^> \*\*$outlet:\*\*" zhou.md || { echo "question $qa missing"; exit 1; }
		else ! grep -q "^> \*\*$outlet:\*\*" zhou.md || { echo "question $qa should not be there"; exit 1; }
		fi
	done <questions &&
	! grep -q "Ma Guoqiang" zhou.md
'

test_expect_success 'official-on-topic: status 1 when the official never said it, 2 on a usage error' '
	test_expect_code 1 "$EX/official-on-topic" "Zhou Minghui" "ice hockey" "$TRUTH" >out &&
	test_cmp /dev/null out &&
	test_expect_code 2 "$EX/official-on-topic" "Zhou Minghui" 2>err && grep -q "^usage:" err
'

test_expect_success 'conference-html: one conference from records, a well-formed page with every turn' '
	gzip -c "$TRUTH" >turns.jsonl.gz &&
	"$EX/conference-html" 90000404 turns.jsonl.gz >conf.html &&
	sh "$SCIO_TOP/tests/fmt-html-check.sh" conf.html &&
	test "$(grep -c "<article class=\"conf\"" conf.html)" = 1 &&
	test "$(grep -c "<div class=\"turn " conf.html)" = "$(jq -c "select(.doc == \"90000404\")" "$TRUTH" | wc -l)" &&
	grep -q "folk cultural heritage" conf.html &&
	test_expect_code 1 "$EX/conference-html" 12345 "$TRUTH" 2>err &&
	grep -q "no conference .12345." err
'

if ! command -v flock >/dev/null 2>&1; then
	test_skip 'examples on the nightly archive' 'skipped: no flock'
	exit 0
fi
. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

test_expect_success 'conference-html URL: fetches the conference and all its pages' '
	"$EX/conference-html" "$SITE/pressroom/2024-07/22/content_90000101.htm" >conf.html &&
	sh "$SCIO_TOP/tests/fmt-html-check.sh" conf.html &&
	test "$(grep -c "<div class=\"turn " conf.html)" = "$(jq -c "select(.doc == \"90000101\")" "$TRUTH" | wc -l)" &&
	grep -q "Sunrise Radio" conf.html
'

test_expect_success 'the recipes read the archive scio-nightly writes' '
	SCIO_FETCH_OPTIONS="--retries 0" "$SCIO_TOP/examples/cron/scio-nightly" -b "$SITE" -d d &&
	"$EX/conference-html" 90000909 d/archive/*.jsonl.gz >conf.html &&
	grep -q "digital transformation" conf.html &&
	"$EX/questions-per-outlet" d/archive/*.jsonl.gz >q.csv &&
	tr -d "\r" <q.csv | grep -qx "2023,Xinhua,1" &&
	"$EX/official-on-topic" "Tang Weiming" "heritage" d/archive/*.jsonl.gz >tang.md &&
	grep -q "^\*\*Tang Weiming:\*\*" tang.md
'
