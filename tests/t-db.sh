#!/bin/sh
# scio-db load: what the archive holds after a load, a reload, a changed
# conference, bad lines, and files that are not an archive; and what
# search, docs, stats and sql write back.
. "$SCIO_TOP/tests/lib.sh"

SITE_PAGES=$(find "$FIXTURES/site/pressroom" -name 'content_*.htm*' ! -name '*.ctype' | sort)
export SITE_PAGES
unset SCIO_DB XDG_DATA_HOME

# dump DB: every row of every table but the load time, in a stable order.
dump() {
	scio-db -d "$1" sql "SELECT id, kind, title, date, time, place, published, url, urls,
		pages, category, summary, source, zh_url, text, turns, has_participants,
		has_speaker_title, record, turns_hash, header_hash FROM docs ORDER BY id" &&
	scio-db -d "$1" sql 'SELECT * FROM participants ORDER BY doc, seq' &&
	scio-db -d "$1" sql 'SELECT doc, seq, page, url, date, speaker, speaker_title,
		role, outlet, qa, text FROM turns ORDER BY doc, seq'
}

test_expect_success 'search writes back the turn records loaded, byte for byte' '
	"$SCIO_TOP/bench/gen-turns" -s 0.5 -r 3 >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	scio-db -d a.db search >all &&
	sort c.jsonl >want && sort all >got && test_cmp want got
'

test_expect_success 'turns come back in date, conference and seq order' '
	"$SCIO_TOP/bench/gen-turns" -s 0.3 -r 4 >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	scio-db -d a.db search >got &&
	jq -r ".date // empty" got >dates && sort -c dates &&
	jq -r "[.doc, .seq] | @tsv" got >ds &&
	awk -F "\t" "\$1 == d && \$2 <= s { exit 1 } \$1 != d { if (\$1 in seen) exit 1; seen[\$1] = 1 } { d = \$1; s = \$2 }" ds
'

test_expect_success 'scio-parse output loads: turns back as parsed, other records as docs' '
	scio-parse $SITE_PAGES >parsed 2>/dev/null &&
	scio-db -d a.db load parsed 2>err &&
	scio-db -d a.db search >got &&
	grep "\"type\":\"turn\"" parsed | sort >want && sort got >got.s &&
	test_cmp want got.s &&
	grep -q "^scio-db: parsed:[0-9]*: conference .90000101. already holds 15 turns" err
'

test_expect_success 'doc records load and docs writes them back as scio-parse --docs did' '
	scio-parse --docs $SITE_PAGES >parsed 2>/dev/null &&
	grep -v "\"kind\":\"article\",\"url\":\"[^\"]*content_90000101_4" parsed >docs.jsonl &&
	scio-db -d a.db load docs.jsonl &&
	scio-db -d a.db docs >got &&
	sort docs.jsonl >want && sort got >got.s && test_cmp want got.s &&
	scio-db -d a.db search >turns &&
	scio-parse $SITE_PAGES 2>/dev/null | grep "\"type\":\"turn\"" | sort >want &&
	sort turns >got && test_cmp want got
'

test_expect_success 'docs --no-turns, --doc and a date range' '
	scio-parse --docs $SITE_PAGES 2>/dev/null >docs.jsonl &&
	scio-db -d a.db load docs.jsonl &&
	scio-db -d a.db docs --doc 90000303 >one &&
	test "$(jq -r .doc one)" = 90000303 &&
	scio-db -d a.db docs --no-turns --since 2024 --until 2024-12 >range &&
	test "$(jq -r "has(\"turns\")" range | sort -u)" = false &&
	test "$(jq -r .date range | cut -c1-4 | sort -u)" = 2024 &&
	test_expect_code 1 scio-db -d a.db docs --doc nosuch
'

test_expect_success 'loading the same records again changes nothing' '
	"$SCIO_TOP/bench/gen-turns" -s 0.5 -r 5 >c.jsonl &&
	scio-parse --docs $SITE_PAGES 2>/dev/null | grep -v content_90000101_4 >d.jsonl &&
	scio-db -d a.db load c.jsonl d.jsonl &&
	dump a.db >before &&
	scio-db -d a.db load c.jsonl d.jsonl &&
	scio-db -d a.db load d.jsonl c.jsonl &&
	dump a.db >after &&
	test_cmp before after
'

test_expect_success 'a changed conference is replaced whole, the others kept' '
	"$SCIO_TOP/bench/gen-turns" -s 0.5 -r 6 >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	doc=$(jq -r .doc c.jsonl | sed -n 100p) &&
	jq -c "if .doc == \"$doc\" then .text += \" (revised)\" else . end" c.jsonl |
		jq -c "select(.doc != \"$doc\" or .seq != 1)" >c2.jsonl &&
	scio-db -d a.db load c2.jsonl &&
	scio-db -d a.db search >got &&
	sort c2.jsonl >want && sort got >got.s && test_cmp want got.s &&
	scio-db -d b.db load c2.jsonl && dump a.db >da && dump b.db >db &&
	test_cmp db da
'

test_expect_success 'bad lines, other records and wrong field types: named, skipped, exit 2' '
	"$SCIO_TOP/bench/gen-turns" -s 0.05 -r 8 >c.jsonl &&
	sed -n 1,3p c.jsonl >in &&
	echo "{not json" >>in &&
	echo "{\"type\":\"page\",\"url\":\"x\"}" >>in &&
	echo "[1]" >>in &&
	sed -n 4p c.jsonl | sed "s/\"seq\":3/\"seq\":\"3\"/" >>in &&
	sed -n 5p c.jsonl | sed "s/\"speaker\":\"[^\"]*\"/\"speaker\":7/" >>in &&
	echo "{\"type\":\"doc\",\"doc\":\"9\",\"pages\":\"two\"}" >>in &&
	sed -n "6,\$p" c.jsonl >>in &&
	test_expect_code 2 scio-db -d a.db load in 2>err &&
	cat >want-err <<-EOF &&
	scio-db: in:4: bad JSON at column 4: string or '"'"'}'"'"' expected near '"'"'not'"'"'
	scio-db: in:5: a page record, not a turn or doc; skipped
	scio-db: in:6: not a JSON object
	scio-db: in:7: turn record: field '"'"'seq'"'"' is not a number from 0; skipped
	scio-db: in:8: turn record: field '"'"'speaker'"'"' is not a string or null; skipped
	scio-db: in:9: doc record: field '"'"'pages'"'"' is not of its type (see scio-parse(1)); skipped
	EOF
	test_cmp want-err err &&
	sed "4,5d" c.jsonl | sort >want &&
	scio-db -d a.db search >got && sort got >got.s && test_cmp want got.s
'

test_expect_success 'a file that is not an archive is refused and left alone' '
	echo "just some text, long enough to be a header of sorts......" >notdb &&
	cp notdb keep &&
	test_expect_code 2 scio-db -d notdb load </dev/null 2>err &&
	grep -q "^scio-db: notdb: .*not a database" err &&
	cmp notdb keep &&
	sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);" &&
	test_expect_code 2 scio-db -d other.db load </dev/null 2>err &&
	grep -q "^scio-db: other.db: not a scio archive" err &&
	test_expect_code 2 scio-db -d other.db search x 2>err &&
	grep -q "not a scio archive" err &&
	test "$(sqlite3 other.db "SELECT count(*) FROM sqlite_schema")" = 1 &&
	test "$(sqlite3 other.db "PRAGMA journal_mode")" = delete
'

test_expect_success 'an archive from a newer scio-db is refused, not rewritten' '
	"$SCIO_TOP/bench/gen-turns" -s 0.05 -r 8 >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	sqlite3 a.db "PRAGMA user_version = 99" &&
	cp a.db keep.db &&
	test_expect_code 2 scio-db -d a.db load c.jsonl 2>err &&
	grep -q "^scio-db: a.db: made by a newer scio-db (schema version 99" err &&
	test_expect_code 2 scio-db -d a.db search 2>err &&
	cmp a.db keep.db
'

test_expect_success 'no database yet: search says so, exit 2' '
	test_expect_code 2 scio-db -d none.db search x 2>err &&
	grep -q "^scio-db: none.db: no database (load some records first)" err &&
	test ! -e none.db
'

test_expect_success 'the default database is under XDG_DATA_HOME, its directory 0700' '
	"$SCIO_TOP/bench/gen-turns" -s 0.05 -r 8 >c.jsonl &&
	XDG_DATA_HOME=$PWD/xdg scio-db load c.jsonl &&
	test -f xdg/scio/scio.db &&
	test "$(stat -c %a xdg/scio)" = 700 &&
	SCIO_DB=$PWD/xdg/scio/scio.db scio-db search -c >n &&
	test "$(cat n)" = "$(wc -l <c.jsonl)"
'

test_expect_success 'speaker_title: kept when the records have it, in scio-parse order' '
	"$SCIO_TOP/bench/gen-turns" -s 0.1 -r 9 |
		jq -c "{type, doc, url, page, seq, title, date, speaker,
			speaker_title: (if .role == \"official\" then \"minister of \" + .speaker else null end),
			role, outlet, qa, text}" >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	scio-db -d a.db search >got && sort c.jsonl >want && sort got >got.s &&
	test_cmp want got.s &&
	scio-db -d a.db docs >docs &&
	jq -c ".turns[0] | keys_unsorted" docs | sort -u >keys &&
	echo "[\"seq\",\"page\",\"speaker\",\"speaker_title\",\"role\",\"outlet\",\"qa\",\"text\"]" >want &&
	test_cmp want keys
'

test_expect_success 'stats counts what was loaded, as a table and as JSON' '
	"$SCIO_TOP/bench/gen-turns" -s 0.3 -r 12 >c.jsonl &&
	scio-db -d a.db load c.jsonl &&
	scio-db -d a.db stats --json >s &&
	test "$(jq .turns s)" = "$(wc -l <c.jsonl)" &&
	test "$(jq .conferences s)" = "$(jq -r .doc c.jsonl | sort -u | wc -l)" &&
	test "$(jq -r .first s)" = "$(jq -r ".date // empty" c.jsonl | sort | head -n 1)" &&
	test "$(jq "[.years[].turns] | add" s)" = "$(wc -l <c.jsonl)" &&
	scio-db -d a.db stats >t &&
	grep -q "^turns  *$(wc -l <c.jsonl)\$" t &&
	grep -q "^year  *conferences  *turns\$" t
'

test_expect_success 'sql writes rows as JSON Lines, CSV and TSV' '
	cat >c.jsonl <<-\EOF &&
	{"type":"turn","doc":"7","url":null,"page":1,"seq":0,"title":"T","date":"2030-01-02","speaker":"A, \"B\"","role":"chair","outlet":null,"qa":0,"text":"x\ty\nz"}
	EOF
	scio-db -d a.db load c.jsonl &&
	scio-db -d a.db sql "SELECT seq, speaker, text, outlet, 1.5 AS r FROM turns" >json &&
	cat >want <<-\EOF &&
	{"seq":0,"speaker":"A, \"B\"","text":"x\ty\nz","outlet":null,"r":1.5}
	EOF
	test_cmp want json &&
	scio-db -d a.db sql --csv "SELECT seq, speaker, text FROM turns" >csv &&
	printf "seq,speaker,text\r\n0,\"A, \"\"B\"\"\",\"x\ty\nz\"\r\n" >want &&
	test_cmp want csv &&
	scio-db -d a.db sql --tsv "SELECT seq, speaker, text FROM turns" >tsv &&
	cat >want <<-\EOF &&
	seq	speaker	text
	0	A, "B"	x\ty\nz
	EOF
	test_cmp want tsv
'
