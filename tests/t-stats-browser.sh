#!/bin/sh
# t-stats-browser.sh: scio-stats' SVG charts and HTML report are
# well-formed (xmllint) and drawn by a real browser: headless Chromium's
# DOM holds the bars or points in the number and order of the rows, the
# report's rows and links, and a screenshot at 600 and 1,200 pixels is not
# blank.  Without chromium the browser cases are skipped, never passed.
. "$SCIO_TOP/tests/lib.sh"

# A corpus of its own: the suite's jobs run side by side, so another
# script's file may not be there yet.
CORPUS=$SCIO_TOP/tests/out/stats-browser-corpus.jsonl
"$SCIO_TOP/bench/gen-turns" -s 0.5 -r 7 >"$CORPUS"
export CORPUS

# browse OUT ARGS...: runs Chromium headless in a fresh profile.
browse() {
	out=$1
	shift
	rm -rf profile && mkdir profile &&
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$PWD/profile" "$@" >"$out" 2>browser.log
}

# keys FILE CLASS: the data-key of each element of that class, in order.
keys() {
	python3 -c '
import html, re, sys
for k in re.findall(r"<[a-z]+ class=\"%s\"[^>]*data-key=\"([^\"]*)\"" % sys.argv[2],
                    open(sys.argv[1], encoding="utf-8").read()):
    print(html.unescape(k))' "$1" "$2"
}

test_expect_success 'the chart and the report are well-formed, self-contained' '
	scio-stats -f svg --by outlet --count questions "$CORPUS" >bars.svg &&
	scio-stats -f svg --by month -i -e data --per 10000 "$CORPUS" >line.svg &&
	scio-stats -f html --by year --count exchanges "$CORPUS" >report.html &&
	xmllint --noout bars.svg line.svg report.html &&
	! grep -i -e "<script" -e "src=" -e "@import" -e "url(" bars.svg line.svg report.html &&
	grep -q "<text class=\"title\"" bars.svg &&
	grep -q "class=\"axis-label\"" line.svg
'

if ! command -v chromium >/dev/null 2>&1; then
	echo "skipped: no chromium"
	test_skip 'charts and report in headless Chromium' 'skipped: no chromium'
	exit 0
fi

test_expect_success 'Chromium draws a bar per row, in the order of the rows' '
	scio-stats --by outlet --count questions "$CORPUS" | tail -n +2 | cut -f 1 >want &&
	scio-stats -f svg --by outlet --count questions "$CORPUS" >bars.svg &&
	browse dom --dump-dom "file://$PWD/bars.svg" &&
	keys dom bar >got &&
	test "$(wc -l <want)" -gt 3 &&
	test_cmp want got
'

test_expect_success 'Chromium draws a point per month of a trend, in time order' '
	scio-stats --by month -i -e data --per 10000 "$CORPUS" | tail -n +2 |
		cut -f 1 | grep . >want &&
	scio-stats -f svg --by month -i -e data --per 10000 "$CORPUS" >line.svg &&
	browse dom --dump-dom "file://$PWD/line.svg" &&
	keys dom point >got &&
	test_cmp want got &&
	grep -q "<polyline class=\"trend\"" dom
'

test_expect_success 'the report: chart, a table row per group, links to conferences' '
	scio-stats -f html --by year --count exchanges "$CORPUS" >report.html &&
	browse dom --dump-dom "file://$PWD/report.html" &&
	rows=$(scio-stats --no-header --by year --count exchanges "$CORPUS" | wc -l) &&
	test "$(grep -o "<tr class=\"row\"" dom | wc -l)" = "$rows" &&
	test "$(grep -o "<rect class=\"bar\"" dom | wc -l)" -eq 0 &&
	test "$(grep -o "<circle class=\"point\"" dom | wc -l)" -ge 1 &&
	grep -q "<a class=\"conf\" href=\"http://english.scio.gov.cn/" dom
'

if ! test_have python3; then
	test_skip 'screenshots are not blank' 'no python3'
	exit 0
fi
for w in 600 1200; do
	test_expect_success "a screenshot at $w pixels is not blank" '
		scio-stats -f svg --by outlet --count questions "$CORPUS" >bars.svg &&
		printf "<!DOCTYPE html><html><body style=\"margin:0;background:#fff\"><img src=\"bars.svg\" style=\"width:'$w'px\"></body></html>" >page.html &&
		browse log --window-size='$w',900 --screenshot="$PWD/shot.png" "file://$PWD/page.html" &&
		python3 "$SCIO_TOP/tests/png-ink.py" shot.png >ink &&
		read -r colours share <ink &&
		test "$colours" -gt 8 &&
		awk "BEGIN { exit !($share > 0.02) }"
	'
done
