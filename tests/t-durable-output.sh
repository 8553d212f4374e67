#!/bin/sh
# Every program's output in whole lines: each write(2) to standard output
# ends at a record boundary (a SIGKILL, or a reader that goes away, never
# leaves half a record), and a line too long for the memory available is
# an error with its line number, never a quiet end of the input.
. "$SCIO_TOP/tests/lib.sh"
if ! test_have python3; then
	test_skip 'whole-line output' 'python3 needed'
	exit 0
fi

# big_turns: turn records of many sizes, up to about 100 kB each.
big_turns() {
	/usr/bin/python3 -c '
import json
for i in range(40):
    print(json.dumps({"type": "turn", "doc": "1", "url": "http://h/content_1.htm",
                      "page": 1, "seq": i, "speaker": "A", "role": "official",
                      "text": ("word%d " % i) * (2000 * (i % 7 + 1))}))'
}

# writes_whole TRACE OUT: every write(1, ...) in the strace log ends
# where OUT has a newline.
writes_whole() {
	/usr/bin/python3 - "$1" "$2" <<'PY'
import re, sys
trace, out = sys.argv[1], open(sys.argv[2], "rb").read()
pos, n = 0, 0
for line in open(trace):
    m = re.match(r'write\(1, .*\) = (\d+)$', line.strip())
    if m:
        pos += int(m.group(1))
        n += 1
        if out[pos - 1:pos] != b"\n":
            sys.exit("write %d ends at byte %d, inside a record" % (n, pos))
if pos != len(out) or n < 1:
    sys.exit("%d writes, %d of %d bytes" % (n, pos, len(out)))
PY
}

for prog in "scio-grep -e word" "scio-fmt -f json" "scio-grep -C 2 -e word5"; do
	test_expect_success unsanitized,strace "$prog: every write ends at a record boundary" '
		big_turns >turns.jsonl &&
		strace -e trace=write -o trace '"$prog"' turns.jsonl >out &&
		writes_whole trace out
	'
done

test_expect_success unsanitized,strace 'scio-parse: every write ends at a record boundary' '
	/usr/bin/python3 -c "
import json
body = \"<html><head><title>T</title></head><body><div class=TRS_Editor>\" + \"\".join(
    \"<p><b>Speaker %d:</b></p><p>%s</p>\" % (i % 3, (\"Text %d. \" % i) * (300 * (i % 9 + 1))) for i in range(60)) + \"</div></body></html>\"
print(json.dumps({\"type\": \"page\", \"url\": \"http://h/p/content_5.htm\", \"status\": 200, \"html\": body}))" >pages.jsonl &&
	strace -e trace=write -o trace scio-parse pages.jsonl >out &&
	writes_whole trace out
'

# A line of 150 MB under a 120 MB address space limit.
# (scio-grep is given the empty pattern: its first operand is a pattern.)
for prog in scio-parse "scio-grep ''" scio-fmt; do
	test_expect_success unsanitized "${prog%% *}: a line too long for memory is an error with its number" '
		{ echo "{\"type\":\"turn\",\"text\":\"a\"}"; printf "{\"text\":\""; head -c 150000000 /dev/zero | tr "\\0" x; echo "\"}"; echo "{\"type\":\"turn\",\"text\":\"b\"}"; } >big.jsonl &&
		{ ulimit -v 120000; test_expect_code 2 '"$prog"' big.jsonl >out 2>err; } &&
		grep -q "big.jsonl:2: line too long for the memory available" err
	'
done

test_expect_success unsanitized 'scio-grep -B 1000000000 on three records: memory for what is held' '
	printf "%s\n" "{\"type\":\"turn\",\"doc\":\"1\",\"seq\":0,\"text\":\"a\"}" \
		"{\"type\":\"turn\",\"doc\":\"1\",\"seq\":1,\"text\":\"b\"}" \
		"{\"type\":\"turn\",\"doc\":\"1\",\"seq\":2,\"text\":\"c x\"}" >three.jsonl &&
	{ ulimit -v 120000; scio-grep -B 1000000000 -A 1000000000 -e x three.jsonl >out; } &&
	test_cmp three.jsonl out
'
