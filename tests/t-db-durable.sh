#!/bin/sh
# scio-db load as a durable step: a load killed at any moment leaves every
# conference whole (before or after), and the next run completes it; a
# reader during a load sees each conference old or new, never a mix; two
# loads at once are serialised; a full disk or a read-only database is an
# error with nothing half-loaded.
. "$SCIO_TOP/tests/lib.sh"

unset SCIO_DB XDG_DATA_HOME
CORPUS=$SCIO_TOP/tests/out/db-durable.jsonl
# under valgrind every program runs some 30 times slower: a smaller corpus
mb=4
[ -n "${SCIO_VALGRIND:-}" ] && mb=0.5
"$SCIO_TOP/bench/gen-turns" -s $mb -r 21 >"$CORPUS"
export CORPUS

# dump DB: every row but the load time, in a stable order.
dump() {
	scio-db -d "$1" sql "SELECT id, title, date, url, urls, pages, turns, record,
		turns_hash FROM docs ORDER BY id" &&
	scio-db -d "$1" sql 'SELECT doc, seq, page, url, date, speaker, role, outlet,
		qa, text FROM turns ORDER BY doc, seq' &&
	scio-db -d "$1" sql "SELECT count(*) FROM turns_fts WHERE turns_fts MATCH 'the'"
}

# whole DB: no conference has a turn count other than its rows, and the
# FTS index agrees with the turns table (SQLite's own checks).
whole() {
	test "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok || return 1
	# killed before the schema was committed: an empty file, as before
	test "$(sqlite3 "$1" 'SELECT count(*) FROM sqlite_schema')" != 0 || return 0
	sqlite3 "$1" "INSERT INTO turns_fts(turns_fts) VALUES ('integrity-check')" &&
	test "$(scio-db -d "$1" sql --tsv "SELECT count(*) FROM docs d
		WHERE turns != (SELECT count(*) FROM turns t WHERE t.doc = d.id)" | tail -n 1)" = 0
}

test_expect_success 'a load killed (SIGKILL) at random moments, 10 times, then rerun' '
	scio-db -d ref.db load "$CORPUS" &&
	dump ref.db >want &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		rm -f k.db k.db-wal k.db-shm
		scio-db -d k.db load "$CORPUS" &
		pid=$!
		sleep "0.$(od -An -N2 -tu2 /dev/urandom | tr -d " " | cut -c1-2)"
		kill -9 $pid 2>/dev/null
		wait $pid
		if [ -f k.db ]; then
			whole k.db || { echo "trial $i: not whole after the kill"; exit 1; }
		fi &&
		scio-db -d k.db load "$CORPUS" &&
		whole k.db &&
		dump k.db >got &&
		test_cmp want got || { echo "trial $i differs"; exit 1; }
	done
'

test_expect_success 'a reader during a load sees each conference old or new, never mixed' '
	scio-db -d r.db load "$CORPUS" &&
	jq -c ".text += \" (second edition)\"" "$CORPUS" >v2.jsonl || exit 1
	scio-db -d r.db load v2.jsonl &
	pid=$!
	: >seen &&
	while kill -0 $pid 2>/dev/null; do
		scio-db -d r.db sql --tsv "SELECT
			(SELECT count(*) FROM (SELECT doc FROM turns GROUP BY doc
				HAVING count(DISTINCT text LIKE '"'"'% (second edition)'"'"') > 1)) AS mixed,
			(SELECT count(*) FROM docs d WHERE turns !=
				(SELECT count(*) FROM turns t WHERE t.doc = d.id)) AS torn" >>seen || exit 1
	done &&
	wait $pid &&
	! grep -v -e "^0	0\$" -e "^mixed	torn\$" seen &&
	whole r.db &&
	test "$(scio-db -d r.db search -c "\"second edition\"")" = "$(wc -l <v2.jsonl)"
'

test_expect_success 'two loads at once are serialised, and give what one after the other does' '
	jq -c "select((.doc | ltrimstr(\"node_\") | tonumber) % 2 == 0)" "$CORPUS" >even &&
	jq -c "select((.doc | ltrimstr(\"node_\") | tonumber) % 2 == 1)" "$CORPUS" >odd &&
	scio-db -d seq.db load even odd && dump seq.db >want || exit 1
	scio-db -d par.db load even &
	p1=$!
	scio-db -d par.db load odd &
	p2=$!
	wait $p1 && wait $p2 &&
	whole par.db && dump par.db >got && test_cmp want got
'

# Creating the database is the narrow part: both loads find no file and
# switch it to WAL mode at once (SQLite calls no busy handler for that).
test_expect_success 'two loads creating one database at once: neither finds it locked' '
	head -n 60 "$CORPUS" >few &&
	jq -c "select((.doc | ltrimstr(\"node_\") | tonumber) % 2 == 0)" few >even20 &&
	jq -c "select((.doc | ltrimstr(\"node_\") | tonumber) % 2 == 1)" few >odd20 &&
	for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
		rm -f new.db new.db-wal new.db-shm &&
		{ scio-db -d new.db load even20 2>err1 & p1=$!
		  scio-db -d new.db load odd20 2>err2 & p2=$!
		  wait $p1 && wait $p2; } || { cat err1 err2; exit 1; }
	done &&
	test "$(scio-db -d new.db search -c)" = "$(cat even20 odd20 | wc -l)"
'

test_expect_success 'a full disk: exit 2, the database whole, the conferences before it kept' '
	scio-db -d f.db load </dev/null &&
	size=$(($(stat -c %s "$CORPUS") / 1024 / 3)) &&
	(trap "" XFSZ; ulimit -f $size; scio-db -d f.db load "$CORPUS") 2>err
	test $? = 2 &&
	grep -q "^scio-db: f.db: .*(the conferences of this batch were not loaded)" err &&
	whole f.db &&
	scio-db -d f.db load "$CORPUS" && dump f.db >got &&
	scio-db -d ref.db load "$CORPUS" && dump ref.db >want && test_cmp want got
'

# Root writes any file: the load then runs as nobody (setpriv).
unprivileged=
if [ "$(id -u)" = 0 ] && [ -z "${SCIO_VALGRIND:-}" ] &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	unprivileged='setpriv --reuid=65534 --regid=65534 --clear-groups'
fi
export unprivileged
if [ "$(id -u)" = 0 ] && [ -z "$unprivileged" ]; then
	test_skip 'a read-only database: exit 2, nothing changed' 'root, and no setpriv to drop it'
else
	test_expect_success 'a read-only database: exit 2, nothing changed; search still reads it' '
		head -n 500 "$CORPUS" >part &&
		mkdir ro && scio-db -d ro/a.db load part &&
		chmod 777 ro && chmod 644 ro/a.db && cp ro/a.db keep.db &&
		test_expect_code 2 $unprivileged scio-db -d ro/a.db load "$CORPUS" 2>err &&
		grep -q "^scio-db: ro/a.db: .*read-only\|readonly" err &&
		cmp ro/a.db keep.db &&
		$unprivileged scio-db -d ro/a.db search -c >n &&
		test "$(cat n)" = 500
	'
fi

test_expect_success 'sql refuses what would write, and more than one statement' '
	scio-db -d ref.db load "$CORPUS" &&
	test_expect_code 2 scio-db -d ref.db sql "DELETE FROM turns" 2>err &&
	grep -q "^scio-db: sql: refused: the statement would change the database" err &&
	test_expect_code 2 scio-db -d ref.db sql "SELECT 1; DROP TABLE docs" 2>err &&
	grep -q "^scio-db: sql: one statement only" err &&
	test_expect_code 2 scio-db -d ref.db sql "PRAGMA user_version = 7" 2>err &&
	test_expect_code 2 scio-db -d ref.db sql "ATTACH '"'"'x.db'"'"' AS x" 2>err &&
	test ! -e x.db &&
	test_expect_code 2 scio-db -d ref.db sql "SELEC 1" 2>err &&
	grep -q "^scio-db: sql: near \"SELEC\": syntax error" err &&
	test "$(scio-db -d ref.db sql "PRAGMA user_version")" = "{\"user_version\":1}"
'
