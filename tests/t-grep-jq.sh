#!/bin/sh
# scio-grep selects exactly the records jq selects for the same condition,
# on a generated corpus of a few megabytes (bench/gen-turns).
. "$SCIO_TOP/tests/lib.sh"

if ! test_have python3 || ! test_have jq; then
	test_skip 'scio-grep agrees with jq' 'skipped: no python3 or no jq'
	exit 0
fi

CORPUS=$SCIO_TOP/tests/out/grep-corpus.jsonl
"$SCIO_TOP/bench/gen-turns" -s 3 -r 7 >"$CORPUS"
WHO=$("$SCIO_TOP/bench/gen-turns" --speaker)
export CORPUS WHO

# same 'what' 'scio-grep options' 'jq filter': the selected lines match.
same() {
	test_expect_success "$1" "
		scio-grep $2 \"\$CORPUS\" >got &&
		jq -c '$3' \"\$CORPUS\" >want &&
		test -s want &&
		test_cmp want got
	"
}

same 'a speaker, as jq selects it' \
	'--speaker "$WHO"' 'select(.speaker == env.WHO)'
same 'a phrase without case, as jq test(...; "i")' \
	'-i -e "security governance"' 'select(.text | test("security governance"; "i"))'
same 'a regular expression' \
	'-e "grew by [0-9]+\\.[0-9]%"' 'select(.text | test("grew by [0-9]+\\.[0-9]%"))'
same 'role and a date range' \
	'--role media --since 2021-03 --until 2023' \
	'select(.role == "media" and .date != null and .date >= "2021-03" and .date[0:4] <= "2023")'
same 'an inverted pattern among the chair'"'"'s turns' \
	'-v -e Thank --role chair' 'select(.role == "chair" and (.text | test("Thank") | not))'
same 'a number field with --where' \
	'--where qa=3 --outlet "Kestrel News"' 'select(.qa == 3 and .outlet == "Kestrel News")'
same 'fixed strings, several' \
	'-F -e "(新质生产力)" -e "50 trillion"' \
	'select(.text | (contains("(新质生产力)") or contains("50 trillion")))'
same 'a non-ASCII outlet without case' \
	'-i --outlet "CAFÉ ÉCONOMIE"' 'select(.outlet == "Café Économie")'
same 'a pattern in the title field' \
	'--field title -e "data property"' 'select(.title | test("data property"))'

test_expect_success 'whole exchanges, as jq groups them by doc and qa' '
	scio-grep --qa --outlet "Kestrel News" --since 2024 "$CORPUS" >got &&
	jq -c -s "(map(select(.outlet == \"Kestrel News\" and .date != null and .date >= \"2024\")
		| \"\(.doc)/\(.qa)\") | map({(.): true}) | add) as \$k
		| .[] | select(\$k[\"\(.doc)/\(.qa)\"])" "$CORPUS" >want &&
	test -s want &&
	test_cmp want got
'

test_expect_success 'counts and conference lists agree with jq' '
	scio-grep -c --speaker "$WHO" "$CORPUS" >got &&
	jq -c "select(.speaker == env.WHO)" "$CORPUS" | wc -l | tr -d " " >want &&
	test_cmp want got &&
	scio-grep -l --speaker "$WHO" "$CORPUS" >got &&
	jq -r "select(.speaker == env.WHO) | .doc" "$CORPUS" | awk "!seen[\$0]++" >want &&
	test_cmp want got
'

test_expect_success 'the name inside other turns does not select them' '
	grep -c -F "$WHO" "$CORPUS" >lines &&
	scio-grep -c --speaker "$WHO" "$CORPUS" >turns &&
	test "$(cat lines)" -gt "$(cat turns)"
'
