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
# after another, each printing exactly the lines shown under it (with the
# server's address written as $SITE).
test_expect_success 'the worked example prints what the README shows' '
	/usr/bin/python3 - "$SCIO_TOP/README.md" <<-\EOF
	import os, subprocess, sys
	site = os.environ["SITE"]
	lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
	blocks, cur = [], None
	for line in lines:
	    if line.startswith("```"):
	        if cur is None and line.strip() == "```console":
	            cur = []
	        elif cur is not None:
	            blocks.append(cur)
	            cur = None
	        continue
	    if cur is not None:
	        if line.startswith("$ "):
	            cur.append([line[2:], []])
	        else:
	            cur[-1][1].append(line)
	assert len(blocks) == 1, "expected one console block, found %d" % len(blocks)
	assert len(blocks[0]) >= 5
	for cmd, want in blocks[0]:
	    r = subprocess.run(["sh", "-c", cmd], capture_output=True, text=True)
	    got = r.stdout.replace(site, "$SITE").split("\n")
	    if got and got[-1] == "":
	        got.pop()
	    if r.returncode != 0 or r.stderr or got != want:
	        print("example differs (status %d): %s" % (r.returncode, cmd))
	        print(r.stderr)
	        import difflib
	        print("\n".join(difflib.unified_diff(want, got, "README", "actual", lineterm="")))
	        sys.exit(1)
	EOF
'
