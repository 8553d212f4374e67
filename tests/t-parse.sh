#!/bin/sh
# scio-parse: the invented fixture site against the TRUTH written with it,
# and behaviours that a golden file alone does not show.
. "$SCIO_TOP/tests/lib.sh"
MK=$SCIO_TOP/tests/mkpages
SITE=$FIXTURES/site

# Every transcript and conference page of the fixture site, as page records.
all_pages() {
	(cd "$SITE" && find . \( -name 'content_*' -o -name 'node_9*' \) ! -name '*.ctype' | sed 's|^\./||' | sort |
		xargs "$MK")
	"$MK" --root "$FIXTURES/mirror/www.china.org.cn" --base http://www.china.org.cn \
		china/2019-06/14/content_99000303.htm
}

test_expect_success 'every turn of the fixture site is the one TRUTH names' '
	all_pages >pages.jsonl &&
	scio-parse pages.jsonl 2>err | jq -c "select(.type == \"turn\")" | sort >got &&
	jq -c . "$SITE/TRUTH-turns.jsonl" | sort >want &&
	test_cmp want got &&
	test "$(wc -l <got)" -ge 80
'

test_expect_success 'a conference comes out the same whatever order its pages arrive in' '
	"$MK" pressroom/2024-07/22/content_90000101.htm pressroom/2024-07/22/content_90000101_2.htm \
		pressroom/2024-07/22/content_90000101_3.htm | scio-parse >in-order &&
	"$MK" pressroom/2024-07/22/content_90000101_3.htm pressroom/2024-07/22/content_90000101.htm \
		pressroom/2024-07/22/content_90000101_2.htm | scio-parse >shuffled &&
	test_cmp in-order shuffled &&
	test "$(jq -s "map(.seq) == [range(length)]" in-order)" = true
'

test_expect_success 'a turn running across a page break stays one turn' '
	"$MK" pressroom/2024-07/22/content_90000101.htm pressroom/2024-07/22/content_90000101_2.htm \
		pressroom/2024-07/22/content_90000101_3.htm | scio-parse >turns &&
	jq -r "select(.seq == 4) | [.page, .speaker] | @tsv" turns >got &&
	printf "1\tZhou Minghui\n" >want &&
	test_cmp want got &&
	test "$(jq -s "map(select(.seq == 4))[0].text | contains(\"\n\n\")" turns)" = true
'

test_expect_success 'no label, caption, pager, chrome or CMS tag reaches a turn text' '
	all_pages | scio-parse 2>/dev/null | jq -r "select(.type == \"turn\") | .text" >texts &&
	! grep -E "_ueditor_page_break_tag_|\\[Photo|MORE FROM|Adjust font size|Comment\\(s\\)|^1 2 |Read in Chinese" texts
'

test_expect_success 'a page missing from a conference is named on stderr, the rest still parsed' '
	"$MK" pressroom/2022-09/16/content_90000808_2.htm pressroom/2022-09/16/content_90000808_3.htm |
		scio-parse >turns 2>err &&
	grep -q "conference 90000808: page 1 of 3 missing" err &&
	test "$(wc -l <turns)" -eq 11 &&
	test "$(jq -r "select(.seq == 0) | .role" turns)" = media
'

test_expect_success 'more conferences waiting for pages than allowed are written as they are' '
	i=0 &&
	while [ $i -lt 34 ]; do
		printf "<html><head><title>SCIO briefing on topic %d - China.org.cn</title></head><body><h1>SCIO briefing on topic %d</h1><p>China.org.cn | May 8, 2025</p><p>Chairperson:</p><p>Ms. Tao Lihua, spokesperson</p><p>Date:</p><p>May 6, 2025</p><p>Tao Lihua:</p><p>Welcome, number %d.</p><div>1 2 3 &gt;</div></body></html>\n" $i $i $i >content_7700$i.htm
		i=$((i + 1))
	done &&
	scio-parse $(ls content_7700*.htm | sort -V) >turns 2>err &&
	test "$(wc -l <turns)" -eq 34 &&
	test "$(grep -c "pages 2-3 of 3 missing" err)" -eq 34 &&
	head -n 1 turns | jq -e ".doc == \"77000\"" >/dev/null
'

test_expect_success 'a page in a markup style no fixture uses still parses' '
	cat >content_88000001.htm <<-\EOF &&
	<!DOCTYPE html><html><head><meta charset="utf-8"><title>SCIO press conference on lake fisheries</title></head>
	<body><main><article><header><div class="headline">SCIO press conference on lake fisheries</div>
	<span>China SCIO | 2024-10-09</span></header>
	<ul class="people"><li>Speakers:</li><li>Mr. Ren Jiawei, director of the Lake Fisheries Office</li>
	<li>Chairperson:</li><li>Ms. Ou Meiling, spokesperson of the SCIO</li><li>Date: Oct. 8, 2024</li></ul>
	<div class="para"><span style="font-weight:700">Ou Meiling</span>:</div><div class="para">Good morning, everyone.</div>
	<div class="para"><em>Ren Jiawei</em>:</div><div class="para">Catches rose by 4%.</div>
	<div class="para">Lakeside Weekly:</div><div class="para">What about the fishing ban? Thank you.</div>
	<div class="para">Ren Jiawei:</div><div class="para">Thank you for your question. It is working.</div>
	</article></main></body></html>
	EOF
	scio-parse content_88000001.htm | jq -r "[.seq, .speaker, .role, (.outlet // \"-\"), .qa, .date] | @tsv" >got &&
	printf "0\tOu Meiling\tchair\t-\t0\t2024-10-08\n1\tRen Jiawei\tofficial\t-\t0\t2024-10-08\n2\tLakeside Weekly\tmedia\tLakeside Weekly\t1\t2024-10-08\n3\tRen Jiawei\tofficial\t-\t1\t2024-10-08\n" >want &&
	test_cmp want got
'

test_expect_success 'an HTML file without a charset is read as UTF-8, and as its bytes suggest when it is not' '
	printf "<html><head><title>SCIO briefing on tea - China.org.cn</title></head><body><h1>SCIO briefing on tea</h1><p>China.org.cn | May 8, 2025</p><p>Chairperson:</p><p>Ms. Tao Lihua, spokesperson</p><p>Date:</p><p>May 6, 2025</p><p>Tao Lihua:</p><p>\\344\\270\\255\\346\\226\\207 and caf\\303\\251.</p></body></html>" >content_1.htm &&
	scio-parse content_1.htm | jq -r .text >utf8 &&
	printf "中文 and café.\n" >want && test_cmp want utf8 &&
	printf "<html><head><title>SCIO briefing on tea - China.org.cn</title></head><body><h1>SCIO briefing on tea</h1><p>China.org.cn | May 8, 2025</p><p>Chairperson:</p><p>Ms. Tao Lihua, spokesperson</p><p>Date:</p><p>May 6, 2025</p><p>Tao Lihua:</p><p>A caf\\351 in Beijing.</p></body></html>" >content_2.htm &&
	scio-parse content_2.htm | jq -r .text >latin &&
	printf "A café in Beijing.\n" >want && test_cmp want latin &&
	scio-parse --charset GB18030 content_2.htm | jq -e ".text | test(\"caf\")" >/dev/null
'

test_expect_success 'GBK bytes read from disk come out as the right characters' '
	scio-parse "$SITE/pressroom/2021-12/10/content_90000404.htm" | jq -r .text >texts &&
	grep -q "中文\|非遗\|[^ -~]" texts &&
	"$MK" pressroom/2021-12/10/content_90000404.htm | scio-parse >from-records &&
	test "$(jq -r .text from-records | md5sum)" = "$(md5sum <texts)"
'

test_expect_success 'every output line is one JSON object of valid UTF-8' '
	all_pages | scio-parse --docs >docs 2>/dev/null &&
	all_pages | scio-parse >turns 2>/dev/null &&
	cat docs turns | jq -c . >reparsed &&
	cat docs turns | cmp - reparsed &&
	iconv -f UTF-8 -t UTF-8 docs >/dev/null
'

test_expect_success 'docs and turns agree' '
	all_pages | scio-parse --docs 2>/dev/null | jq -c ".doc as \$d | .title as \$t | .turns[] | {doc: \$d, seq, speaker, role, outlet, qa, text}" | sort >from-docs &&
	all_pages | scio-parse 2>/dev/null | jq -c "select(.type == \"turn\") | {doc, seq, speaker, role, outlet, qa, text}" | sort >from-turns &&
	test_cmp from-docs from-turns
'

test_expect_success 'a full disk is an error, exit 2' '
	test_expect_code 2 scio-parse "$SITE/pressroom/2021-12/10/content_90000404.htm" >/dev/full 2>err &&
	grep -q "write error" err
'

test_expect_success 'a closed pipe ends scio-parse quietly' '
	all_pages >pages.jsonl &&
	scio-parse pages.jsonl 2>err | head -n 1 >/dev/null &&
	! grep -v "missing" err
'

test_expect_success 'a directory and a missing file are reported, the other files still parsed' '
	mkdir adir &&
	test_expect_code 2 scio-parse adir nosuch.htm "$SITE/pressroom/2021-12/10/content_90000404.htm" >turns 2>err &&
	grep -q "scio-parse: adir: is a directory" err &&
	grep -q "scio-parse: nosuch.htm: No such file or directory" err &&
	test "$(wc -l <turns)" -gt 5
'

test_expect_success '--help and --version' '
	scio-parse --help >help && grep -q "^Usage: scio-parse" help &&
	for o in --docs --url --charset --lines --help --version; do grep -q -- "$o" help || return 1; done &&
	scio-parse --version | grep -q "^scio-parse (scio-tools) "
'

test_expect_success 'every option in --help is in the man page' '
	for o in $(scio-parse --help | grep -o -- "--[a-z-]*" | sort -u); do
		grep -q -- "$(echo "$o" | sed "s/-/\\\\\\\\-/g")" "$SCIO_TOP/cmd/scio-parse.1" || { echo "missing $o"; return 1; }
	done
'

test_expect_success '--lines shows the text as scio-parse reads it' '
	scio-parse --lines "$SITE/pressroom/2023-11/11/content_90000909.htm" >lines &&
	test "$(jq -s "map(select(.text == \"Yuan Chengzhi:\"))[0].flags" -c lines)" = "[\"bold\"]"
'

test_expect_success '--explain names the pass that claimed each line and why' '
	scio-parse --explain "$SITE/pressroom/2024-07/22/content_90000101.htm" >lines &&
	jq -e -s "map(select(.pass == \"header\" and .why == \"the title\")) | length == 1" lines >/dev/null &&
	jq -e -s "map(select(.text == \"Shen Yuting:\"))[0].pass == \"label\"" lines >/dev/null &&
	jq -e -s "map(select(.pass == \"pager\")) | length >= 1" lines >/dev/null &&
	jq -e -s "all(.[]; .pass != \"unread\")" lines >/dev/null
'

# A transcript page whose text the parser could not cut into turns is
# named on stderr: silent loss is a bug.
test_expect_success 'a transcript page with no speaker label is named on stderr, status 0' '
	printf "<html><head><title>SCIO briefing on kites</title></head><body><h1>SCIO briefing on kites</h1><p>China.org.cn | May 8, 2031</p><p>This paragraph goes on from an answer begun on the page before.</p><p>And so does this one, at some length.</p></body></html>\n" >content_55500001_2.htm &&
	scio-parse content_55500001_2.htm >out 2>err &&
	grep -q "content_55500001_2.htm: no speaker label found on this page" err &&
	test "$(jq -r .role out)" = other
'

test_expect_success 'pages of one id on two hosts are two conferences' '
	printf "<html><head><title>SCIO briefing on kites</title></head><body><h1>SCIO briefing on kites</h1><p>Kite News:</p><p>How high do they fly?</p><p>Lin Bo:</p><p>Kites fly high.</p></body></html>\n" >kite.htm &&
	for u in http://english.scio.gov.cn/pressroom/2031-05/04/content_55500002.htm \
	    http://www.china.org.cn/china/2031-05/04/content_55500002.htm; do
		jq -Rsc --arg u "$u" "{type: \"page\", url: \$u, html: .}" kite.htm || return 1
	done >pages &&
	scio-parse pages >turns 2>err &&
	test "$(wc -l <turns)" -eq 4 &&
	test "$(jq -r "select(.seq == 0) | .url" turns | sort -u | wc -l)" -eq 2 &&
	! grep -q "seen before" err
'

test_expect_success 'a page of a conference already written is named once and not written twice' '
	"$MK" pressroom/2024-07/22/content_90000101.htm pressroom/2024-07/22/content_90000101_2.htm \
		pressroom/2024-07/22/content_90000101_3.htm >once &&
	cat once once >twice &&
	scio-parse once >want 2>/dev/null &&
	scio-parse twice >got 2>err &&
	test_cmp want got &&
	test "$(grep -c "was written already" err)" -eq 1
'

# Every pass is linear in the page: a hostile page of many short turns
# with no participants, doubled, costs about twice the instructions
# (counted by callgrind, which the machine's load does not move; valgrind
# cannot run what ASan built).
test_expect_success unsanitized,valgrind 'parsing a hostile page of short turns is linear in its size' '
	for n in 2000 4000; do
		{ printf "<html><body>"; i=0; while [ $i -lt $n ]; do printf "<p>Speaker%d Word:</p><p>Why %d?</p>" $i $i; i=$((i + 1)); done; printf "</body></html>"; } >h$n.htm &&
		valgrind --tool=callgrind --callgrind-out-file=cg$n "$SCIO_TOP/bin/scio-parse" --url http://h/content_1.htm h$n.htm >/dev/null 2>vg$n || return 1
		sed -n "s/^summary: //p" cg$n >ir$n
	done &&
	test "$(cat ir4000)" -lt "$(( $(cat ir2000) * 5 / 2 ))"
'
