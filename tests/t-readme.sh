#!/bin/sh
# Every command example in the README runs against the bundled sample
# site served on 127.0.0.1, prints something and complains of nothing.
. "$SCIO_TOP/tests/lib.sh"

. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

# The README's indented command lines (continuations joined), without
# synopsis lines, with the live site's address replaced by the sample's.
examples() {
	awk '/^    scio-/ { line = $0; while (line ~ /\\$/) { sub(/\\$/, "", line); getline more; line = line more }
		sub(/^    /, "", line); print line }' "$SCIO_TOP/README.md" |
		grep -v -e '\[' -e 'URL\.\.\.' |
		sed -e "s|http://english.scio.gov.cn|$SITE|g" -e 's|~/.local/state/scio/|./|g'
}

test_expect_success 'the README examples run on the sample site' '
	scio-fetch -q "$SITE/pressroom/2024-07/22/content_90000101.htm" >pages.jsonl &&
	scio-parse pages.jsonl >turns.jsonl &&
	examples >list &&
	test "$(wc -l <list)" -ge 4 &&
	while IFS= read -r ex; do
		sh -c "$ex" >out 2>err
		st=$?
		if [ "$st" -ne 0 ] || [ -s err ] || { [ ! -s out ] && ! grep -q ">" list; }; then
			echo "example failed (status $st): $ex"; cat err; exit 1
		fi
	done <list &&
	test -s hits.html && test -s turns.jsonl
'

# The worked example: the README's console block, its commands run one
# after another by tests/examples.py, each printing exactly the lines
# shown under it (with the server's address written as $SITE).
test_expect_success python3,jq 'the worked example prints what the README shows' '
	mkdir empty &&
	/usr/bin/python3 "$SCIO_TOP/tests/examples.py" --fixtures empty "$SCIO_TOP/README.md" >log &&
	cat log && test "$(grep -c "^ok" log)" -ge 5
'
