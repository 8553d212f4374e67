#!/bin/sh
# bench/run.sh: make bench.  Runs every bench/b-*.sh in turn, or those
# named (sh bench/run.sh db grep, or make bench ONLY="db grep"); each
# measures one program against its named peers in the same run and
# prints ratios.
set -u
SCIO_TOP=$(cd "$(dirname "$0")/.." && pwd)
export SCIO_TOP
PATH=$SCIO_TOP/bin:$PATH
export PATH LC_ALL=C.UTF-8
if [ $# -eq 0 ]; then
	set -- "$SCIO_TOP"/bench/b-*.sh
else
	for n in "$@"; do
		n=${n#b-}
		n=${n%.sh}
		b=$SCIO_TOP/bench/b-$n.sh
		if [ ! -f "$b" ]; then
			echo "bench/run.sh: no benchmark '$n' (there are:" \
				"$(cd "$SCIO_TOP/bench" && ls b-*.sh | sed 's/^b-//; s/\.sh$//' | tr '\n' ' ' | sed 's/ $//'))" >&2
			exit 2
		fi
		shift
		set -- "$@" "$b"
	done
fi
echo "scio-tools benchmarks ($(nproc) cores, $(date -u +%Y-%m-%d))"
for b in "$@"; do
	echo
	sh "$b" || echo "${b##*/}: failed with status $?"
done
