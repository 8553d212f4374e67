#!/bin/sh
# scio-parse against the floor libxml2 sets (a bare tree parse walking all
# text) and against readability-lxml, on the same generated pages.
. "$SCIO_TOP/bench/lib.sh"
N=${BENCH_PAGES:-2000}
dir=$BENCH_OUT/pages
if [ ! -f "$dir/.n$N" ]; then
	rm -rf "$dir"
	/usr/bin/python3 "$SCIO_TOP/bench/gen-pages" "$dir" "$N" >/dev/null || exit 1
	touch "$dir/.n$N"
fi
${CC:-cc} -O2 -o "$BENCH_OUT/floor-libxml2" "$SCIO_TOP/bench/floor-libxml2.c" \
	$(pkg-config --cflags --libs libxml-2.0) || exit 1
files=$(find "$dir" -name '*.htm*' | sort)
pages=$(printf '%s\n' "$files" | wc -l)
mb=$(printf '%s\n' "$files" | xargs cat | wc -c | awk '{printf "%.1f", $1 / 1048576}')
echo "scio-parse: $pages pages, $mb MB of HTML"
# shellcheck disable=SC2086
bench_run scio-parse scio-parse $files
sp=$SECS
# shellcheck disable=SC2086
bench_run libxml2-tree-walk "$BENCH_OUT/floor-libxml2" $files
fl=$SECS
# shellcheck disable=SC2086
BENCH_REPEAT=1 bench_run readability-lxml /usr/bin/python3 "$SCIO_TOP/bench/readability-extract.py" $files
rd=$SECS
turns=$(wc -l <"$BENCH_OUT/scio-parse.out")
for name in scio-parse:$sp libxml2-tree-walk:$fl readability-lxml:$rd; do
	s=${name#*:}
	printf '  %-20s %8.0f pages/s %7.1f MB/s\n' "${name%%:*}" \
		"$(awk "BEGIN{print $pages / $s}")" "$(awk "BEGIN{print $mb / $s}")"
done
echo "  scio-parse emitted $turns turn records"
echo "  scio-parse / libxml2 tree walk throughput: $(bench_ratio "$fl" "$sp") (target >= 0.75)"
echo "  scio-parse / readability-lxml throughput:  $(bench_ratio "$rd" "$sp") (target >= 4)"

# Wall-clock time moves with the machine's load; instruction counts do not.
if command -v valgrind >/dev/null 2>&1; then
	some=$(printf '%s\n' "$files" | head -n 150)
	count() {
		# shellcheck disable=SC2086
		valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" $some 2>&1 >/dev/null |
			sed -n 's/.*Collected : *//p'
	}
	ip=$(count scio-parse)
	ifl=$(count "$BENCH_OUT/floor-libxml2")
	echo "  instructions on 150 pages (callgrind): scio-parse $ip, libxml2 tree walk $ifl"
	echo "  scio-parse / libxml2 tree walk by instructions: $(bench_ratio "$ifl" "$ip") (target >= 0.75)"
fi
