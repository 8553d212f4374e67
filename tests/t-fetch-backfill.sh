#!/bin/sh
# scio-fetch for a backfill: one conference in two forms fetched once,
# --since on a listing's pager, and the limits a page cannot talk it past
# (listing pages, URLs and bytes per run, a pager of thousands of pages).
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-fetch backfill tests' 'skipped: no python3 or no jq'
	exit 0
fi
. "$SCIO_TOP/tests/fetch-server.sh"
fetch_server_start
FAST="$FAST --wait 0"

T1=/pressroom/2024-07/22/content_11110001
T2=/pressroom/2025-03/14/content_11120002

# mobile copies of the fixture's first transcript, .htm and .html
mkdir -p "$SITE/m/pressroom/2024-07/22"
for k in "" _2 _3; do
	cp "$SITE$T1$k.htm" "$SITE/m$T1$k.htm"
	cp "$SITE$T1$k.htm" "$SITE/m$T1$k.html"
done

# make_listing FILE: pages node_77[_K].htm of $SITE/list/ from FILE's
# lines "K DATE DATE...", one item a date, each page with a pager to all.
make_listing() {
	mkdir -p "$SITE/list"
	n=0
	while read -r k rest; do n=$k; done <"$1"
	while read -r k rest; do
		name=node_77.htm
		[ "$k" -gt 1 ] && name=node_77_$k.htm
		{
			printf "<html><body><h1>Press Conference Transcripts</h1><ul>\n"
			i=0
			for d in $rest; do
				i=$((i + 1))
				printf "<li>&bull; <a href=\"/pressroom/c/content_77%02d%02d.htm\">Briefing %s %s</a> <span>%s</span></li>\n" "$k" $i "$k" $i "$d"
			done
			printf "</ul><div id=autopage>"
			j=1
			while [ $j -le "$n" ]; do
				if [ $j -eq 1 ]; then printf "<a href=\"node_77.htm\">1</a> "
				else printf "<a href=\"node_77_%d.htm\">%d</a> " $j $j; fi
				j=$((j + 1))
			done
			printf "</div><div class=more><a href=\"/pressroom/x/content_1.htm\">Related news on a sidebar</a></div></body></html>\n"
		} >"$SITE/list/$name"
	done <"$1"
}

PAGES=$SITE/../pages
cat >"$PAGES" <<'EOF'
1 2025-11-20 2025-11-12 2025-11-03
2 2025-10-28 2025-10-15 2025-10-02
3 2025-09-30 2025-09-21 2025-09-09
4 2025-08-30 2025-08-21 2025-08-09
5 2025-07-30 2025-07-21 2025-07-09
EOF
make_listing "$PAGES"
L=$U/list/node_77.htm

# the notice of a page given in two forms is silenced by -q
LOUD=$(printf '%s\n' "$FAST" | sed 's/ -q$//; s/ -q / /')

test_expect_success 'desktop and mobile forms of one conference: fetched once, from the first' '
	: >"$SRVLOG" &&
	scio-fetch $LOUD "$U$T1.htm" "$U/m$T1.html" "$U/m$T1.htm" "$U$T1.html" >out 2>err &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T1.htm" "$U${T1}_2.htm" "$U${T1}_3.htm" >want &&
	test_cmp want urls &&
	test "$(requests /m/)" = 0 &&
	test "$(wc -l <err)" = 3 &&
	grep -q "^scio-fetch: .$U/m$T1.html. is the same page as .$U$T1.htm., given before: fetched once, in that form$" err &&
	scio-fetch $LOUD "$U/m$T1.html" "$U$T1.htm" >out2 2>err2 &&
	test "$(jq -r .url out2 | head -n 1)" = "$U/m$T1.html" &&
	test "$(wc -l <out2)" = 3 &&
	grep -q "is the same page as .$U/m$T1.html." err2
'

test_expect_success '-q silences the notice of a page given in two forms' '
	scio-fetch $FAST "$U$T1.htm" "$U/m$T1.html" >out 2>err &&
	test "$(wc -l <out)" = 3 &&
	test ! -s err
'

test_expect_success 'one file name in two directories is two pages, fetched both' '
	for d in other/a other/b; do
		mkdir -p "$SITE/$d" &&
		printf "<html><body><p>page %s</p></body></html>\n" "$d" \
			>"$SITE/$d/content_5.htm" || exit 1
	done &&
	scio-fetch $LOUD "$U/other/a/content_5.htm" "$U/other/b/content_5.htm" \
		>out 2>err &&
	jq -r .url out >urls &&
	printf "%s\n" "$U/other/a/content_5.htm" "$U/other/b/content_5.htm" >want &&
	test_cmp want urls &&
	test ! -s err
'

test_expect_success 'the same page through link records and arguments is one too' '
	printf "{\"type\":\"link\",\"url\":\"%s\"}\n" "$U/m$T1.htm" "$U$T2.html" "$U$T1.htm" >links &&
	scio-fetch $LOUD -i links >out 2>err &&
	test "$(jq -r .url out | grep -c content_11110001)" = 3 &&
	test "$(jq -r .url out | grep -c /m/)" = 3 &&
	test "$(wc -l <err)" = 1
'

# asked: the paths of the server's log but robots.txt, "PATH INM" a line
asked() {
	jq -r "select(.path != \"/robots.txt\") | \"\\(.path) \\(.inm)\"" "$SRVLOG"
}

# two_nights FIRST SECOND: night 1 fetches the conference at FIRST with a
# state, night 2 is given it at SECOND: nothing written, and only the
# three conditional requests (their If-None-Match set) are sent.
two_nights() {
	rm -f s &&
	scio-fetch $FAST --state s "$1" >night1 &&
	test "$(wc -l <night1)" = 3 &&
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$2" >night2 &&
	test ! -s night2 &&
	asked >log &&
	test "$(wc -l <log)" = 3 &&
	! grep " null$" log
}

test_expect_success 'the state knows a conference in any form: night 2 mobile fetches nothing' '
	two_nights "$U$T1.htm" "$U/m$T1.html" &&
	test "$(requests /m/)" = 0 &&
	test "$(tail -n +2 s | wc -l)" = 3 &&
	test "$(tail -n +2 s | jq -r .url | grep -c /m/)" = 0
'

test_expect_success 'and night 1 mobile, night 2 desktop .html: the same' '
	two_nights "$U/m$T1.htm" "$U$T1.html" &&
	test "$(grep -c "^/m$T1" log)" = 3
'

test_expect_success 'a state with both forms (an older scio-fetch) still serves either' '
	rm -f s &&
	scio-fetch $FAST --state s "$U$T1.htm" >night1 &&
	sed "s|\"url\":\"$U/|\"url\":\"$U/m/|" s | tail -n +2 >mobile &&
	cat mobile >>s &&
	test "$(tail -n +2 s | wc -l)" = 6 &&
	: >"$SRVLOG" &&
	scio-fetch $FAST --state s "$U$T1.htm" >desktop &&
	scio-fetch $FAST --state s "$U/m$T1.htm" >mobile &&
	test ! -s desktop &&
	test ! -s mobile &&
	asked >log &&
	test "$(wc -l <log)" = 6 &&
	! grep " null$" log
'

test_expect_success '--since: the pager is walked to the first page all older than the date' '
	: >"$SRVLOG" &&
	scio-fetch $FAST --pages 0 --since 2025-10-20 "$L" >out &&
	jq -r .url out >urls &&
	printf "%s\n" "$L" "$U/list/node_77_2.htm" "$U/list/node_77_3.htm" >want &&
	test_cmp want urls &&
	test "$(requests /list/)" = 3 &&
	scio-fetch $FAST --pages 0 --since 2025-11-01 "$L" >one &&
	test "$(wc -l <one)" = 2 &&
	scio-fetch $FAST --pages 0 --since 2025-12-01 "$L" >none &&
	test "$(wc -l <none)" = 1 &&
	scio-fetch $FAST --pages 0 --since 2025-07 "$L" >month &&
	test "$(wc -l <month)" = 5 &&
	scio-fetch $FAST --pages 2 --since 2020-01-01 "$L" >capped &&
	test "$(wc -l <capped)" = 2
'

test_expect_success '--since: a page without dated items does not end the walk' '
	sed "s/<span>[0-9-]*<\/span>//" "$SITE/list/node_77_2.htm" >p2 &&
	cp p2 "$SITE/list/node_77_2.htm" &&
	scio-fetch $FAST --pages 0 --since 2025-11-01 "$L" >out &&
	make_listing "$PAGES" &&
	test "$(wc -l <out)" = 3
'

test_expect_success '--since: a bad date is a usage error' '
	test_expect_code 2 scio-fetch --since 2025-02-30 "$L" >out 2>err &&
	grep -q "^scio-fetch: --since: no such day: .2025-02-30.$" err &&
	test_expect_code 2 scio-fetch --since yesterday "$L" 2>err &&
	grep -q "not YYYY, YYYY-MM or YYYY-MM-DD" err &&
	test ! -s out
'

test_expect_success '--pages 0 stops at --max-listing-pages, with one line' '
	scio-fetch $FAST --pages 0 --max-listing-pages 2 "$L" >out 2>err &&
	test "$(wc -l <out)" = 2 &&
	test "$(wc -l <err)" = 1 &&
	grep -q "links to listing page 3; only the first 2 pages of a listing are walked (--max-listing-pages)" err &&
	scio-fetch $FAST --pages 4 --max-listing-pages 2 "$L" >out 2>err &&
	test "$(wc -l <out)" = 4 &&
	test ! -s err
'

test_expect_success '--max-urls: the URLs past it are left, one line, exit 1' '
	test_expect_code 1 scio-fetch $FAST -j 1 --max-urls 2 "$U$T1.htm" "$U$T2.html" "$U/list/node_77_5.htm" >out 2>err &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T1.htm" "$U${T1}_2.htm" "$U${T1}_3.htm" "$U$T2.html" "$U${T2}_2.html" "$U${T2}_3.html" >want &&
	test_cmp want urls &&
	test "$(wc -l <err)" = 1 &&
	grep -q "^scio-fetch: 2 pages asked for in this run (--max-urls): URLs given after them are left for the next run (1)$" err
'

test_expect_success '--max-total: no transfer starts past it; one line, exit 1, state whole' '
	test_expect_code 1 scio-fetch $FAST -j 1 --max-total 1 --state s "$U$T1.htm" "$U$T2.html" >out 2>err &&
	test ! -s out &&
	test "$(wc -l <err)" = 1 &&
	grep -q "bytes fetched in this run (--max-total): .* pages not yet fetched are left for the next run" err &&
	scio-fetch $FAST --state s "$U$T1.htm" "$U$T2.html" >again &&
	test "$(wc -l <again)" = 6 &&
	test_expect_code 2 scio-fetch --max-total lots x 2>err &&
	grep -q "invalid size for --max-total" err
'

# A conference's pages 2..K come before the next conference's first page:
# a run cut short by --max-total then leaves whole conferences behind it.
test_expect_success '-j 1: a conference is fetched whole before the next one starts' '
	: >"$SRVLOG" &&
	scio-fetch $FAST -j 1 "$U$T1.htm" "$U$T2.html" >out &&
	jq -r "select(.path != \"/robots.txt\") | .path" "$SRVLOG" >asked &&
	printf "%s\n" "$T1.htm" "${T1}_2.htm" "${T1}_3.htm" \
		"$T2.html" "${T2}_2.html" "${T2}_3.html" >want &&
	test_cmp want asked &&
	budget=$(cat "$SITE$T1.htm" "$SITE${T1}_2.htm" "$SITE${T1}_3.htm" | wc -c) &&
	test_expect_code 1 scio-fetch $FAST -j 1 --max-total $budget \
		"$U$T1.htm" "$U$T2.html" >out 2>err &&
	jq -r .url out >urls &&
	printf "%s\n" "$U$T1.htm" "$U${T1}_2.htm" "$U${T1}_3.htm" >want &&
	test_cmp want urls
'

# A page that links to thousands of continuation pages: the queue and the
# group cost what their number says.  Instructions counted by callgrind
# (the machine's load does not move them): twice the pages, at most about
# twice the instructions (the quadratic insert took 2.4 times).
test_expect_success unsanitized,valgrind 'a pager of thousands of pages costs linear instructions' '
	for n in 1000 2000; do
		mkdir s$n &&
		{ printf "<html><body><p>One</p>"; i=2; while [ $i -le $n ]; do printf "<a href=\"content_7_%d.htm\">%d</a>" $i $i; i=$((i + 1)); done; printf "</body></html>\n"; } >s$n/content_7.htm &&
		i=2 && while [ $i -le $n ]; do echo "<p>$i</p>" >s$n/content_7_$i.htm; i=$((i + 1)); done &&
		valgrind --tool=callgrind --callgrind-out-file=cg$n "$SCIO_TOP/bin/scio-fetch" -q --wait 0 \
			--max-pages 100000 "file://$PWD/s$n/content_7.htm" >out$n 2>vg$n || return 1
		test "$(wc -l <out$n)" = $n || return 1
		sed -n "s/^summary: //p" cg$n >ir$n
	done &&
	test "$(cat ir2000)" -lt "$(( $(cat ir1000) * 11 / 5 ))"
'
