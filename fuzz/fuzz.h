/* fuzz.h: what every harness shares.  Each fuzz/fuzz-NAME.c defines
 * LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a
 * libFuzzer target (make fuzz), and linked with fuzz/replay.c by any C
 * compiler it replays saved inputs (make check runs fuzz/regress/). */
#ifndef SCIO_FUZZ_H
#define SCIO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A property the harness checks failed: say which, and abort so that
 * libFuzzer keeps the input. */
#define FUZZ_CHECK(cond, what) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, what); \
		abort(); \
	} \
} while (0)

#endif
