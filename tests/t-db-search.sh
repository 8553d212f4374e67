#!/bin/sh
# scio-db search selects the same turns as scio-grep does for the same
# question, on a generated corpus (bench/gen-turns); and its own options.
. "$SCIO_TOP/tests/lib.sh"

CORPUS=$SCIO_TOP/tests/out/db-corpus.jsonl
DB=$SCIO_TOP/tests/out/db-corpus.db
rm -f "$DB" "$DB-wal" "$DB-shm"
mb=3
[ -n "${SCIO_VALGRIND:-}" ] && mb=0.5
"$SCIO_TOP/bench/gen-turns" -s $mb -r 11 >"$CORPUS"
scio-db -d "$DB" load "$CORPUS"
WHO=$("$SCIO_TOP/bench/gen-turns" --speaker)
export CORPUS DB WHO

# same 'what' 'scio-db search arguments' 'scio-grep arguments': the same
# records, in any order (scio-db writes them by date).
same() {
	test_expect_success "$1" "
		scio-grep $3 \"\$CORPUS\" >want.u &&
		scio-db -d \"\$DB\" search $2 >got.u &&
		sort want.u >want && sort got.u >got &&
		test -s want &&
		test_cmp want got
	"
}

# FTS5 folds case, and a phrase's words may be apart by any non-word
# characters: scio-grep -i with \W+ between the words says the same.
same 'a phrase' '"security governance"' '-i -e "\\bsecurity\\W+governance\\b"'
same 'a word' 'trillion' '-i -w -e trillion'
same 'either word (OR)' '"trillion OR billion"' '-i -w -e trillion -e billion'
same 'a prefix' "'secur*'" '-i -e "\\bsecur"'
same 'a word and a speaker' '--speaker "$WHO" infrastructure' \
	'--speaker "$WHO" -i -w -e infrastructure'
same 'a role and a date range' '--role media --since 2021-03 --until 2023 security' \
	'--role media --since 2021-03 --until 2023 -i -w -e security'
same 'an outlet' '--outlet "Kestrel News" first' \
	'--outlet "Kestrel News" -i -w -e first'
same 'an outlet as a /REGEX/' '--outlet "/^(Kestrel|Plateau)/" Thank' \
	'--outlet "/^(Kestrel|Plateau)/" -i -w -e Thank'
same 'a speaker in the text, not as speaker' '"\"$WHO\""' '-i -e "$WHO"'
same 'the speaker field' '--field speaker "\"$WHO\""' '--speaker "$WHO"'
same 'no query: the field filters alone' '--role other --since 2024' \
	'--role other --since 2024'
same 'a non-Latin phrase' '新质生产力' '-F -e 新质生产力'
same 'the whole exchange around each hit' '--qa "pilot basis"' \
	'--qa -i -e "\\bpilot\\W+basis\\b"'

# Rare words, as real text has them (bench/gen-turns --rare RANK): a
# place, a person and a project number, each in a few turns only; the
# phrase FTS5 reads from its index, scio-grep with \W+ between the words.
rank=15
[ -n "${SCIO_VALGRIND:-}" ] && rank=3
"$SCIO_TOP/bench/gen-turns" --rare $rank >"$SCIO_TOP/tests/out/db-rare"
PLACE=$(sed -n 1p "$SCIO_TOP/tests/out/db-rare")
PERSON=$(sed -n 2p "$SCIO_TOP/tests/out/db-rare")
PROJECT=$(sed -n 3p "$SCIO_TOP/tests/out/db-rare")
words_re() { printf '\\b%s\\b' "$(printf '%s' "$1" | sed 's/[^A-Za-z0-9][^A-Za-z0-9]*/\\W+/g')"; }
PLACE_RE=$(words_re "$PLACE")
PERSON_RE=$(words_re "said $PERSON")
PROJECT_RE=$(words_re "$PROJECT")
export PLACE PERSON PROJECT PLACE_RE PERSON_RE PROJECT_RE
same 'a rare place' '"\"$PLACE\""' '-i -e "$PLACE_RE"'
same 'a rare person, after a common word' '"\"said $PERSON\""' '-i -e "$PERSON_RE"'
same 'a rare project number' '"\"$PROJECT\""' '-i -e "$PROJECT_RE"'
same 'a rare place, by rank' '--rank "\"$PLACE\""' '-i -e "$PLACE_RE"'

test_expect_success 'a rare place and a common word (AND) select as two greps do' '
	scio-grep -i -e "$PLACE_RE" "$CORPUS" | scio-grep -i -w -e households >want.u &&
	scio-db -d "$DB" search "\"$PLACE\" households" >got.u &&
	sort want.u >want && sort got.u >got && test -s want && test_cmp want got
'

test_expect_success 'AND and NOT select as two greps do' '
	scio-grep -i -w -e security "$CORPUS" | scio-grep -v -i -w -e governance >want.u &&
	scio-db -d "$DB" search "security NOT governance" >got.u &&
	sort want.u >want && sort got.u >got && test -s want && test_cmp want got
'

test_expect_success '-c counts as scio-grep -c does' '
	scio-grep -c -i -w -e trillion "$CORPUS" >want &&
	scio-db -d "$DB" search -c trillion >got &&
	test_cmp want got
'

test_expect_success '-m stops after N, the first by date' '
	scio-db -d "$DB" search trillion >all &&
	scio-db -d "$DB" search -m 3 trillion >got &&
	head -n 3 all >want && test_cmp want got
'

test_expect_success '--rank puts the best match first' '
	scio-db -d "$DB" search --rank "security governance" >got &&
	scio-db -d "$DB" search "security governance" >plain &&
	sort got >a && sort plain >b && test_cmp a b &&
	! cmp -s got plain
'

test_expect_success 'no hit: exit 1, nothing written' '
	test_expect_code 1 scio-db -d "$DB" search zyzzyvaqq >out &&
	test ! -s out
'

test_expect_success 'a query FTS5 cannot parse: the problem named, exit 2' '
	test_expect_code 2 scio-db -d "$DB" search "\"open phrase" >out 2>err &&
	test ! -s out &&
	echo "scio-db: bad query '"'"'\"open phrase'"'"': unterminated string" >want &&
	test_cmp want err &&
	test_expect_code 2 scio-db -d "$DB" search "AND" 2>err &&
	grep -q "^scio-db: bad query .AND.: syntax error near \"AND\"" err &&
	test_expect_code 2 scio-db -d "$DB" search "nosuchcol: x" 2>err &&
	grep -q "^scio-db: bad query .*no such column: nosuchcol" err
'

test_expect_success 'bad options: usage errors, exit 2' '
	test_expect_code 2 scio-db -d "$DB" search --role boss x 2>err &&
	grep -q "^scio-db: --role: not chair, official, media or other" err &&
	test_expect_code 2 scio-db -d "$DB" search --since 2021-3 x 2>err &&
	grep -q "^scio-db: --since: not YYYY, YYYY-MM or YYYY-MM-DD: .2021-3.$" err &&
	test_expect_code 2 scio-db -d "$DB" docs --until 2021-02-30 2>err &&
	grep -q "^scio-db: --until: no such day: .2021-02-30.$" err &&
	test_expect_code 2 scio-db -d "$DB" search --field body x 2>err &&
	test_expect_code 2 scio-db -d "$DB" search -m 0 x 2>err &&
	test_expect_code 2 scio-db -d "$DB" search --csv x 2>err &&
	grep -q "not an option of .search." err &&
	test_expect_code 2 scio-db -d "$DB" search a b 2>err &&
	test_expect_code 2 scio-db -d "$DB" frobnicate 2>err &&
	test_expect_code 2 scio-db 2>err
'

test_expect_success 'search output formats with scio-fmt and filters with scio-grep' '
	scio-db -d "$DB" search --doc "$(jq -r .doc "$CORPUS" | head -n 1)" >conf &&
	scio-fmt conf >text && test -s text &&
	scio-grep --role chair conf >chair && test -s chair
'

test_expect_success 'a full output is an error, exit 2' '
	test_expect_code 2 scio-db -d "$DB" search trillion >/dev/full 2>err &&
	grep -q "^scio-db: write error: No space left on device" err &&
	test_expect_code 2 scio-db -d "$DB" docs >/dev/full 2>err &&
	test_expect_code 2 scio-db -d "$DB" sql "SELECT * FROM turns" >/dev/full 2>err
'
