#!/bin/sh
# The whole pipeline against the sample site served on 127.0.0.1: what
# scio-fetch brings, scio-parse reads as TRUTH says, and scio-grep and
# scio-fmt pass it on.
. "$SCIO_TOP/tests/lib.sh"

. "$SCIO_TOP/tests/sample-site.sh"
sample_site_start

# TRUTH's turns of one conference, with the site's address swapped in.
truth() {
	jq -c --arg d "$1" --arg s "$SITE" 'select(.doc == $d) | .url |= sub("http://english.scio.gov.cn"; $s)' \
		"$FIXTURES/site/TRUTH-turns.jsonl"
}

test_expect_success 'scio-fetch URL | scio-parse yields the whole multi-page conference' '
	scio-fetch -q "$SITE/pressroom/2024-07/22/content_90000101.htm" | scio-parse >got &&
	truth 90000101 >want &&
	test_cmp want got
'

test_expect_success 'a mobile conference in .html pages, fetched and parsed' '
	scio-fetch -q "$SITE/m/pressroom/2025-05/08/content_90000202.html" | scio-parse >got &&
	truth 90000202 >want &&
	test_cmp want got
'

test_expect_success 'a GBK page, fetched, converted and parsed' '
	scio-fetch -q "$SITE/pressroom/2021-12/10/content_90000404.htm" >page &&
	test "$(jq -r .charset page)" = gb2312 &&
	scio-parse page >got &&
	truth 90000404 >want &&
	test_cmp want got
'

test_expect_success 'fetch, parse, grep and format: the exchange a question opened' '
	scio-fetch -q "$SITE/pressroom/2024-07/22/content_90000101.htm" | scio-parse |
		scio-grep --qa --outlet Reuters | scio-fmt -f tsv --fields qa,role,speaker >got &&
	printf "qa\trole\tspeaker\n3\tmedia\tReuters\n3\tofficial\tFan Deyong\n" >want &&
	test_cmp want got
'
