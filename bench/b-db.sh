#!/bin/sh
# b-db.sh: scio-db against its peers on the generated corpus of turn
# records b-grep.sh uses (BENCH_GREP_MB, default 120 MB), in one run.
#
#   load:    scio-db load into a fresh database, with its FTS5 index
#            sqlite-utils insert --nl --pk doc --pk seq, then enable-fts text
#            floor: sqlite3's .import of the same rows as CSV into a plain
#            table, then one INSERT ... SELECT into an FTS5 table
#   reload:  scio-db load of the same records again (nothing changes)
#   search:  scio-db search '"PHRASE"' against scio-grep -F PHRASE
#
# Targets: load at least 2 times faster than sqlite-utils and within 1.5
# times the floor; reload at least 3 times faster than the first load;
# the rare phrase at least 10 times faster than scio-grep -F, the same
# turns selected; peak memory flat in the input size.
. "$SCIO_TOP/bench/lib.sh"

MB=${BENCH_GREP_MB:-120}
CORPUS=$BENCH_OUT/turns-$MB.jsonl
if [ ! -s "$CORPUS" ]; then
	"$SCIO_TOP/bench/gen-turns" -s "$MB" >"$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS" || exit 1
fi
# The same rows as CSV for sqlite3's .import (not timed).
CSV=$BENCH_OUT/turns-$MB.csv
if [ ! -s "$CSV" ] || [ "$CSV" -ot "$CORPUS" ]; then
	jq -r '[.type, .doc, .url, .page, .seq, .title, .date, .speaker, .role, .outlet,
		.qa, .text] | @csv' "$CORPUS" >"$CSV.tmp" && mv "$CSV.tmp" "$CSV" || exit 1
fi
QUARTER=$BENCH_OUT/turns-$MB-quarter.jsonl
head -n $(($(wc -l <"$CORPUS") / 4)) "$CORPUS" >"$QUARTER"
DB=$BENCH_OUT/scio.db
export DB CORPUS CSV QUARTER BENCH_OUT
# A phrase across two sentences, so rare (13 turns in the default corpus);
# never across a paragraph break, which FTS5 would match and -F not.
PHRASE='digital infrastructure. As Lin'
size=$(wc -c <"$CORPUS")
lines=$(wc -l <"$CORPUS")
bench_line "scio-db: $((size / 1000000)) MB, $lines turn records"
cat "$CORPUS" "$CSV" >/dev/null

bench_run db-load-scio sh -c 'rm -f "$DB" "$DB-wal" "$DB-shm" && scio-db -d "$DB" load "$CORPUS"'
l_scio=$SECS; l_mem=$PEAK_KB
bench_run db-reload-scio scio-db -d "$DB" load "$CORPUS"
l_re=$SECS
bench_run db-load-sqlite-utils sh -c 'rm -f "$BENCH_OUT/su.db" &&
	sqlite-utils insert "$BENCH_OUT/su.db" turns "$CORPUS" --nl --pk doc --pk seq &&
	sqlite-utils enable-fts "$BENCH_OUT/su.db" turns text'
l_su=$SECS
bench_run db-load-floor sh -c 'rm -f "$BENCH_OUT/floor.db" &&
	sqlite3 "$BENCH_OUT/floor.db" "CREATE TABLE turns (type, doc, url, page, seq, title,
		date, speaker, role, outlet, qa, text)" ".import --csv $CSV turns" \
		"CREATE VIRTUAL TABLE fts USING fts5(text)" \
		"INSERT INTO fts (rowid, text) SELECT rowid, text FROM turns"'
l_floor=$SECS
bench_run db-load-scio-quarter sh -c 'rm -f "$DB.q" "$DB.q-wal" "$DB.q-shm" &&
	scio-db -d "$DB.q" load "$QUARTER"'
q_mem=$PEAK_KB
rm -f "$DB.q" "$DB.q-wal" "$DB.q-shm" "$BENCH_OUT/su.db" "$BENCH_OUT/floor.db"
n=$(scio-db -d "$DB" search -c)
bench_line "  load ($n turns stored)"
bench_line "    sqlite-utils / scio-db:  $(bench_ratio "$l_su" "$l_scio")  (target >= 2)"
bench_line "    scio-db / floor:         $(bench_ratio "$l_scio" "$l_floor")  (target <= 1.5)"
bench_line "    first load / reload:     $(bench_ratio "$l_scio" "$l_re")  (target >= 3)"
bench_line "    peak, all / a quarter:   $l_mem KB / $q_mem KB  (flat)"

bench_run db-search-scio scio-db -d "$DB" search "\"$PHRASE\""
s_db=$SECS
bench_run db-search-grep scio-grep -F -e "$PHRASE" "$CORPUS"
s_grep=$SECS
sort "$BENCH_OUT/db-search-scio.out" >"$BENCH_OUT/db-search-scio.sorted"
sort "$BENCH_OUT/db-search-grep.out" >"$BENCH_OUT/db-search-grep.sorted"
if cmp -s "$BENCH_OUT/db-search-scio.sorted" "$BENCH_OUT/db-search-grep.sorted"; then
	same=same
else
	same=DIFFERENT
fi
bench_line "  rare phrase ($(wc -l <"$BENCH_OUT/db-search-scio.out") selected, $same as scio-grep -F's)"
bench_line "    scio-grep -F / scio-db:  $(bench_ratio "$s_grep" "$s_db")  (target >= 10)"
