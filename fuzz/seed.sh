#!/bin/sh
# fuzz/seed.sh NAME DIR: puts seed inputs for harness NAME into DIR, made
# from the test fixtures (so the seeds follow the fixtures as they grow).
set -u
name=$1
dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
fx=$top/tests/fixtures
n=0
# seed TEXT: one input file holding TEXT as is
seed() {
	n=$((n + 1))
	printf '%s' "$1" >"$dir/seed-$n"
}
# seed_lines FILE...: one input per line
seed_lines() {
	for f in "$@"; do
		while IFS= read -r line; do seed "$line"; done <"$f"
	done
}
case $name in
stats)
	for f in "$fx"/fmt/turns.jsonl "$fx"/fmt/hazards.jsonl "$fx"/fmt/wide.jsonl \
		"$fx"/exchange/turns.jsonl; do
		seed "$(cat "$f")"
	done
	;;
jscan)
	seed_lines "$fx"/fmt/*.jsonl
	;;
parse)
	find "$fx/site" "$fx/mirror" "$fx/bad" -name '*.htm*' | sort | head -n 60 |
	while IFS= read -r f; do
		n=$((n + 1))
		{ printf '\000'; cat "$f"; } >"$dir/seed-$n"
	done
	;;
match|filter)
	for pat in 'data (property|rights)' 'rail' '\bport\b' '[[:alpha:]]+ing' '(?i)tidal'; do
		while IFS= read -r line; do
			n=$((n + 1))
			if [ "$name" = match ]; then
				printf '\002%s\000%s' "$pat" "$line" >"$dir/seed-$n"
			else
				printf '\001%s\000Mei Lanxi\0002031\000%s' "$pat" "$line" >"$dir/seed-$n"
			fi
		done <"$fx/fmt/turns.jsonl"
	done
	;;
template)
	for t in '{date} {speaker}: {text}' '{doc}\t{qa}\t{text:60}' '{+score} \{x\}' '{speaker:10}|{outlet}'; do
		while IFS= read -r line; do
			n=$((n + 1))
			printf '%s\000%s' "$t" "$line" >"$dir/seed-$n"
		done <"$fx/fmt/mixed.jsonl"
	done
	;;
state)
	seed '{"scio_fetch_state":1}
{"url":"http://english.scio.gov.cn/pressroom/2024-07/22/content_11110001.htm","etag":"\"4db0\"","last_modified":"Fri, 27 Nov 2026 07:53:07 GMT","hash":"fnv1a64:0123456789abcdef","fetched_at":"2026-11-27T07:53:17Z","pages":3}
{"url":"http://english.scio.gov.cn/pressroom/2024-07/22/content_11110001_2.htm","etag":null,"last_modified":null,"hash":null,"fetched_at":null}
'
	seed '{"scio_fetch_state":2}
'
	;;
robots)
	# a path, NUL, a robots.txt (a printf format: %% for a %)
	for p in / /pressroom/ /pressroom/2024-07/22/content_11110001_2.htm '/a?b=c' '/caf%C3%A9/x' '/~u/'; do
		for r in 'User-agent: *\nDisallow: /pressroom/\nAllow: /pressroom/2024*\n' \
			'User-agent: scio-fetch\nDisallow: /*_2.htm$\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n' \
			'user-agent: *\r\ndisallow: /%%7Eu/\r\nallow: /caf\303\251/\r\n' \
			'# nothing\nSitemap: http://h/s.xml\n' ''; do
			n=$((n + 1))
			printf "%s\000$r" "$p" >"$dir/seed-$n"
		done
	done
	;;
http)
	for f in $(find "$fx/fetch/site" -name '*.htm*' | sort | head -n 20); do
		for ct in 'text/html; charset=utf-8' 'text/html; charset="GBK"' 'text/html' 'text/html;charset=gb2312;q=1'; do
			n=$((n + 1))
			{ printf '%s\000"4db0-x"\000Fri, 27 Nov 2026 07:53:07 GMT\000' "$ct"; cat "$f"; } >"$dir/seed-$n"
		done
	done
	;;
db)
	for f in "$fx"/fmt/*.jsonl; do
		seed "$(cat "$f")"
	done
	"$top/bench/gen-turns" -s 0.02 -r 3 >"$dir/seed-gen"
	;;
decode)
	# the fixture pages gzip'ed and deflated, in pieces of 1, 7 and 256
	for f in $(find "$fx/fetch/site" -name '*.htm*' | sort | head -n 6); do
		for head in '\000\000\000' '\000\006\000' '\001\377\000' '\000\377\002'; do
			n=$((n + 1))
			{ printf "$head"; gzip -c <"$f"; } >"$dir/seed-$n"
			n=$((n + 1))
			{ printf "$head" | tr '\000' '\001'; /usr/bin/python3 -c \
			    "import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read()))" <"$f"; } \
			    >"$dir/seed-$n"
		done
	done
	;;
urlname)
	for u in 'http://english.scio.gov.cn/pressroom/2024-07/22/content_11110001.htm' \
	    'http://127.0.0.1:8080/fault/big?n=10&p=/../../x' 'https://h/a/../../b/./c/' \
	    'http://h/%2e%2e/%2F/x' 'file:///etc/passwd' 'http://h/.hidden/..../x?y=/z'; do
		seed "$u"
	done
	;;
esac
exit 0
