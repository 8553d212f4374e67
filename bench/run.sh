#!/bin/sh
# bench/run.sh: make bench.  Runs every bench/b-*.sh in turn; each measures
# one program against its named peers in the same run and prints ratios.
set -u
SCIO_TOP=$(cd "$(dirname "$0")/.." && pwd)
export SCIO_TOP
PATH=$SCIO_TOP/bin:$PATH
export PATH LC_ALL=C.UTF-8
echo "scio-tools benchmarks ($(nproc) cores, $(date -u +%Y-%m-%d))"
for b in "$SCIO_TOP"/bench/b-*.sh; do
	[ -f "$b" ] || continue
	echo
	sh "$b" || echo "${b##*/}: failed with status $?"
done
