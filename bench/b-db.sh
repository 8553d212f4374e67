#!/bin/sh
# b-db.sh: scio-db against its peers on the generated corpus of turn
# records b-grep.sh uses (BENCH_GREP_MB, default 120 MB), in one run.
#
#   load:    scio-db load into a fresh database, with its FTS5 index
#            sqlite-utils insert --nl --pk doc --pk seq, then enable-fts text
#            floor: sqlite3's .import of the same rows as CSV into a plain
#            table, then one INSERT ... SELECT into an FTS5 table
#   reload:  scio-db load of the same records again (nothing changes)
#   search:  scio-db search '"PHRASE"' against scio-grep -F PHRASE, for
#            phrases with rare words (a place, a person, a project number
#            of rank 1,000 in bench/gen-turns' Zipf vocabularies, in a
#            handful of turns each) and for a rare combination of common
#            words; and, for the first, the instructions each executes
#            (callgrind), which the machine's load does not move
#
# Targets: load at least 2 times faster than sqlite-utils and within 1.5
# times the floor; reload at least 3 times faster than the first load;
# the rare phrase at least 10 times faster than scio-grep -F, the same
# turns selected; peak memory flat in the input size.
. "$SCIO_TOP/bench/lib.sh"

MB=${BENCH_GREP_MB:-120}
CORPUS=$(bench_corpus "$MB") || exit 1
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
# Phrases with rare words, as real text has them (bench/gen-turns --rare).
RARE=$("$SCIO_TOP/bench/gen-turns" --rare 1000)
PLACE=$(printf '%s\n' "$RARE" | sed -n 1p)
PERSON=$(printf '%s\n' "$RARE" | sed -n 2p)
PROJECT=$(printf '%s\n' "$RARE" | sed -n 3p)
# A phrase across two sentences of common words, so rare; never across a
# paragraph break, which FTS5 would match and -F not.
COMMON='digital infrastructure. As Lin'
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

# search_vs_grep NAME PHRASE: scio-db's phrase search and scio-grep -F,
# their selections compared; sets S_DB and S_GREP.
search_vs_grep() {
	bench_run "db-search-$1" scio-db -d "$DB" search "\"$2\""
	S_DB=$SECS
	bench_run "db-search-$1-grep" scio-grep -F -e "$2" "$CORPUS"
	S_GREP=$SECS
	sort "$BENCH_OUT/db-search-$1.out" >"$BENCH_OUT/db-search-$1.sorted"
	sort "$BENCH_OUT/db-search-$1-grep.out" >"$BENCH_OUT/db-search-$1-grep.sorted"
	if cmp -s "$BENCH_OUT/db-search-$1.sorted" "$BENCH_OUT/db-search-$1-grep.sorted"; then
		same=same
	else
		same=DIFFERENT
	fi
	bench_line "  \"$2\" ($(wc -l <"$BENCH_OUT/db-search-$1.out") selected, $same as scio-grep -F's)"
	bench_line "    scio-grep -F / scio-db:  $(bench_ratio "$S_GREP" "$S_DB")  ($3)"
}
search_vs_grep place "$PLACE" "target >= 10"
search_vs_grep person "said $PERSON" "target >= 10"
search_vs_grep project "$PROJECT" "target >= 10"
search_vs_grep common "$COMMON" "rare words none: FTS5 reads each word's positions"
if command -v valgrind >/dev/null 2>&1; then
	ir() {
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" \
			>/dev/null 2>"$BENCH_OUT/db-search-ir.err"
		sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$BENCH_OUT/db-search-ir.err"
	}
	i_db=$(ir scio-db -d "$DB" search "\"$PLACE\"")
	i_start=$(ir scio-db --version)
	i_grep=$(ir scio-grep -F -e "$PLACE" "$CORPUS")
	bench_line "  instructions (callgrind), \"$PLACE\": scio-db $i_db" \
		"(starting the process: $i_start), scio-grep -F $i_grep"
	bench_line "    scio-grep -F / scio-db:  $(bench_ratio "$i_grep" "$i_db")"
fi
