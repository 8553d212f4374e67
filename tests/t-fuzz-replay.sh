#!/bin/sh
# The fuzz harnesses (fuzz/fuzz-*.c) without libFuzzer: every input a
# fuzzer once failed on (fuzz/regress/NAME/) and the seeds made from the
# fixtures (fuzz/seed.sh) go through the harness's checks again.  A
# harness aborts on a failed check, so these fail if a fixed bug returns.
. "$SCIO_TOP/tests/lib.sh"

if [ -z "${SCIO_REPLAYS:-}" ]; then
	test_skip 'fuzz replays' 'skipped: no replay binaries (run through make check)'
	exit 0
fi
for r in $SCIO_REPLAYS; do
	name=${r##*/replay-}
	bin=$SCIO_TOP/$r
	test_expect_success "fuzz-$name: the seeds pass the harness checks" "
		mkdir seeds &&
		sh '$SCIO_TOP/fuzz/seed.sh' $name seeds &&
		test -n \"\$(ls seeds)\" &&
		'$bin' seeds/*
	"
	if [ -d "$SCIO_TOP/fuzz/regress/$name" ]; then
		for f in "$SCIO_TOP/fuzz/regress/$name"/*; do
			test_expect_success "fuzz-$name: regress/${f##*/} passes" "
				'$bin' '$f'
			"
		done
	fi
done
