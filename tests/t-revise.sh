#!/bin/sh
# A transcript revised on the site between two runs: scio-fetch marks the
# changed page "revised" with the fetch time of the version it replaces,
# scio-parse marks the conference's records, scio-grep and scio-fmt pass
# the mark on, scio-db replaces the conference, and scio-nightly keeps one
# version of it in the archive and the older one in DIR/revisions/.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3 || ! test_have jq || ! command -v flock >/dev/null 2>&1; then
	test_skip 'revised transcripts' 'skipped: no python3, jq or flock'
	exit 0
fi
. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

T=/pressroom/2024-07/22/content_90000101
P2=$SITEDIR${T}_2.htm
cp "$P2" "$SITEDIR/p2.orig"
NIGHTLY=$SCIO_TOP/examples/cron/scio-nightly
SCIO_FETCH_OPTIONS="--wait 0 --retries 0 --timeout 10"
export T P2 NIGHTLY SCIO_FETCH_OPTIONS

# revise: page 2 of the conference says something else; restore puts it back.
revise() {
	sed -i "s/cargo/freight/g" "$P2" && ! cmp -s "$P2" "$SITEDIR/p2.orig"
}
restore() {
	cp "$SITEDIR/p2.orig" "$P2"
}
fetch() {
	scio-fetch -q --wait 0 --state s "$SITE$T.htm"
}

test_expect_success 'a changed page says revised, and when the version it replaces was fetched' '
	fetch >first && test "$(wc -l <first)" = 3 &&
	! grep -q "\"revised\"" first &&
	revise && fetch >second; st=$?; restore; test $st = 0 &&
	test "$(wc -l <second)" = 3 &&
	jq -c "[(.url | sub(\".*/\"; \"\")), .revised, has(\"previous_fetched_at\")]" second >got &&
	printf "%s\n" "[\"content_90000101.htm\",null,false]" \
		"[\"content_90000101_2.htm\",true,true]" \
		"[\"content_90000101_3.htm\",null,false]" >want &&
	test_cmp want got &&
	jq -r "select(.url | endswith(\"_2.htm\")) | .fetched_at" first >was &&
	jq -r "select(.revised) | .previous_fetched_at" second >prev &&
	test_cmp was prev &&
	grep -q "freight" second
'

test_expect_success 'the previous fetch time is the delivered version'"'"'s, not the last check'"'"'s' '
	fetch >first && sleep 1 &&
	fetch >same && test ! -s same &&
	revise && fetch >second; st=$?; restore; test $st = 0 &&
	jq -r "select(.url | endswith(\"_2.htm\")) | .fetched_at" first >was &&
	jq -r "select(.revised) | .previous_fetched_at" second >prev &&
	test_cmp was prev &&
	fetch >back && test "$(jq -r "select(.revised) | .previous_fetched_at" back)" = \
		"$(jq -r "select(.revised) | .fetched_at" second)"
'

test_expect_success 'a run after the revision writes nothing; --all marks no unchanged page' '
	fetch >first && revise && fetch >second && fetch >third; st=$?; restore; test $st = 0 &&
	test ! -s third &&
	scio-fetch -q --wait 0 --state s --all "$SITE$T.htm" >all &&
	test "$(wc -l <all)" = 3 && test "$(jq -s "map(select(.revised)) | length" all)" = 1 &&
	scio-fetch -q --wait 0 --state s --all "$SITE$T.htm" >all2 &&
	! grep -q "\"revised\"" all2
'

test_expect_success 'a state entry without a hash cannot vouch: its page counts as revised' '
	fetch >first &&
	jq -c "if .url == \"$SITE${T}_3.htm\" then .hash = null | .etag = null | .last_modified = null else . end" s >s2 &&
	mv s2 s && fetch >second &&
	test "$(wc -l <second)" = 3 &&
	test "$(jq -r "select(.revised) | .url" second)" = "$SITE${T}_3.htm"
'

test_expect_success 'scio-parse marks every record of a revised conference, and no other' '
	fetch >first && revise && fetch >second; st=$?; restore; test $st = 0 &&
	scio-parse first >t1 && scio-parse second >t2 &&
	test "$(wc -l <t2)" = "$(wc -l <t1)" && test "$(wc -l <t2)" -gt 10 &&
	! grep -q "\"revised\"" t1 &&
	jq -e -s "all(.revised == true)" t2 >/dev/null &&
	scio-parse --docs second >d2 && test "$(jq -c "[.type, .revised]" d2)" = "[\"doc\",true]" &&
	scio-parse --docs first >d1 && test "$(jq -c "has(\"revised\")" d1)" = false &&
	jq -c "del(.revised)" t2 >plain && jq -c . t1 >t1c &&
	test "$(diff t1c plain | grep -c "^>")" -ge 1
'

test_expect_success 'a revised notice or article says so in its doc record' '
	"$SCIO_TOP/tests/mkpages" pressroom/2025-06/16/content_90000606.html \
		pressroom/2024-03/05/content_90001010.htm >pages &&
	sed "s/}\$/,\"revised\":true,\"previous_fetched_at\":null}/" pages >revised &&
	scio-parse pages >d1 && scio-parse revised >d2 &&
	test "$(jq -r .kind d2 | tr "\n" " ")" = "notice article " &&
	! grep -q "\"revised\"" d1 && jq -e -s "all(.revised == true)" d2 >/dev/null &&
	jq -c "del(.revised)" d2 >plain && jq -c . d1 >want && test_cmp want plain
'

test_expect_success 'scio-parse given both versions writes the newer again, revised; a repeat not at all' '
	fetch >first && revise && fetch >second; st=$?; restore; test $st = 0 &&
	scio-parse first >t1 && scio-parse second >t2 &&
	cat first second second >both &&
	scio-parse both >got 2>err &&
	cat t1 t2 >want && test_cmp want got &&
	test "$(grep -c "was written already" err)" = 1 &&
	jq -c "del(.revised)" second >unmarked && cat first unmarked >both2 &&
	scio-parse both2 >got2 2>err2 && test_cmp want got2 && test ! -s err2
'

test_expect_success 'scio-grep and scio-fmt pass the mark through, exchanges too; both know the fields' '
	fetch >first && revise && fetch >second; st=$?; restore; test $st = 0 &&
	scio-parse second >t2 &&
	scio-grep --where revised=true t2 >sel && test_cmp t2 sel &&
	scio-grep -l --where revised=true t2 >docs && echo 90000101 >want && test_cmp want docs &&
	scio-grep --role media t2 >media && test -s media &&
	jq -e -s "all(.revised == true)" media >/dev/null &&
	scio-fmt -f json t2 >j && jq -e -s "all(.revised == true)" j >/dev/null &&
	scio-fmt --by exchange -f json t2 >x && test "$(jq -s length x)" -ge 3 &&
	jq -e -s "all(.revised == true)" x >/dev/null &&
	scio-parse first | scio-fmt --by exchange -f json >x1 && ! grep -q "\"revised\"" x1 &&
	scio-fmt -f tsv --fields doc,revised t2 | sort -u >f &&
	printf "doc\trevised\n90000101\ttrue\n" | sort >want && test_cmp want f &&
	scio-fmt -f tsv --fields doc,seq,revised,previous_fetched_at t2 >pf &&
	test "$(cut -f 3 pf | sort -u | tr "\n" " ")" = "revised true " &&
	test "$(cut -f 4 pf | sort -u | tr "\n" " ")" = " previous_fetched_at "
'

test_expect_success 'scio-db load replaces a revised conference whole: the count stays' '
	fetch >first && revise && fetch >second; st=$?; restore; test $st = 0 &&
	scio-parse first >t1 && scio-parse second >t2 &&
	scio-db -d a.db load t1 && n1=$(scio-db -d a.db search -c) &&
	scio-db -d a.db load t2 && n2=$(scio-db -d a.db search -c) &&
	test "$n1" = "$(wc -l <t1)" && test "$n2" = "$n1" &&
	test "$(scio-db -d a.db sql --tsv "SELECT count(*) AS n FROM docs")" = "n
1" &&
	scio-db -d a.db search -c freight >fr && test "$(cat fr)" = "$(grep -c freight t2)" &&
	test "$(scio-db -d a.db search -c freight)" -ge 1 &&
	scio-db -d a.db search >back && jq -r .text back >texts && jq -r .text t2 >want &&
	test_cmp want texts
'

# older: renames today's archive file as if an earlier night had written it.
older() {
	for a in d/archive/turns-*.jsonl.gz; do mv "$a" d/archive/turns-2020-01-01.jsonl.gz; done
}

test_expect_success 'scio-nightly keeps one version of a revised conference, the older apart' '
	"$NIGHTLY" -b "$SITE" -d d -D "$PWD/d/scio.db" && older &&
	zcat d/archive/*.gz | sort >before &&
	n=$(scio-db -d d/scio.db search -c) && test "$n" = "$(wc -l <before)" &&
	revise && "$NIGHTLY" -b "$SITE" -d d -D "$PWD/d/scio.db" >out 2>err; st=$?; restore;
	test $st = 0 && test ! -s out && test ! -s err &&
	zcat d/archive/*.gz >after &&
	test "$(wc -l <after)" = "$(wc -l <before)" &&
	test -z "$(jq -r "[.doc, .seq] | @tsv" after | sort | uniq -d)" &&
	test "$(jq -r "select(.doc == \"90000101\") | .revised" after | sort -u)" = true &&
	grep -q freight after &&
	zcat d/revisions/*.gz >gone &&
	test "$(wc -l <gone)" = "$(grep -c "\"doc\":\"90000101\"" before)" &&
	! grep -q "\"revised\"" gone &&
	grep "\"doc\":\"90000101\"" before >want && sort gone >got && test_cmp want got &&
	test "$(scio-db -d d/scio.db search -c)" = "$n" &&
	test "$(scio-db -d d/scio.db search -c freight)" = "$(grep -c freight after)" &&
	tail -n 1 d/scio-nightly.log | grep -q "ok: 4 listed, 3 pages new, [0-9]* turns to turns-.*, 1 revised (older versions to revisions/)" &&
	"$NIGHTLY" -b "$SITE" -d d -D "$PWD/d/scio.db" && zcat d/archive/*.gz | sort >again &&
	test "$(zcat d/revisions/*.gz | wc -l)" = "$(( $(wc -l <gone) * 2 ))" &&
	grep -v "\"doc\":\"90000101\"" before >others &&
	grep -v "\"doc\":\"90000101\"" again >others2 && test_cmp others others2 &&
	jq -c "select(.doc == \"90000101\") | del(.revised)" again >back &&
	jq -c . want | sort >want2 && sort back >back2 && test_cmp want2 back2 &&
	test "$(scio-db -d d/scio.db search -c)" = "$n"
'

test_expect_success 'scio-nightly: versions in one spool file archive the last once, the others apart' '
	"$NIGHTLY" -b "$SITE" -d d && zcat d/archive/*.gz | sort >before &&
	revise && scio-fetch -q --wait 0 "$SITE$T.htm" >new; st=$?; restore; test $st = 0 &&
	jq -c ".revised = true" new >d/spool/pages.jsonl &&
	scio-fetch -q --wait 0 "$SITE$T.htm" >>d/spool/pages.jsonl &&
	jq -c ".revised = true" new >>d/spool/pages.jsonl &&
	"$NIGHTLY" -b "$SITE" -d d >out 2>err && test ! -s out &&
	zcat d/archive/*.gz >after &&
	test "$(wc -l <after)" = "$(wc -l <before)" &&
	test -z "$(jq -r "[.doc, .seq] | @tsv" after | sort | uniq -d)" &&
	grep -q freight after &&
	test "$(zcat d/revisions/*.gz | wc -l)" = "$(( $(grep -c "\"doc\":\"90000101\"" before) * 3 ))"
'

# killed_at STAGE: leaves d as a run killed in the archive step leaves it,
# with the revised conference in the spool: "made" when the new archive
# files are written (ARCHIVE.tmp) but the spool file is not yet marked
# done, "done" once it is (the renames not yet made).
killed_at() {
	"$NIGHTLY" -b "$SITE" -d d && older && zcat d/archive/*.gz | sort >before &&
	revise && scio-fetch -q --wait 0 --state d/state "$SITE$T.htm" >d/spool/pages.jsonl; st=$?; restore
	test $st = 0 && scio-parse d/spool/pages.jsonl >part &&
	zcat d/archive/turns-2020-01-01.jsonl.gz | grep -v "\"doc\":\"90000101\"" |
		gzip >d/archive/turns-2020-01-01.jsonl.gz.tmp &&
	gzip -c part >"d/archive/turns-$(date -u +%Y-%m-%d).jsonl.gz.tmp" || return 1
	[ "$1" = made ] || mv d/spool/pages.jsonl d/spool/pages.jsonl.done
}

for stage in made done; do
	test_expect_success "scio-nightly: a kill in the archive step ($stage) leaves one version after the next run" '
		killed_at '$stage' &&
		"$NIGHTLY" -b "$SITE" -d d && test ! -e d/spool/pages.jsonl.done &&
		test -z "$(ls d/spool)" && ! ls d/archive/*.tmp 2>/dev/null &&
		zcat d/archive/*.gz >after &&
		test "$(wc -l <after)" = "$(wc -l <before)" &&
		test -z "$(jq -r "[.doc, .seq] | @tsv" after | sort | uniq -d)" &&
		grep -q freight after
	'
done
