/* replay.c: runs a harness over the files named on the command line, one
 * input each, without libFuzzer; a failed check aborts. */
#include <stdio.h>
#include <stdlib.h>

#include "scio/base/alloc.h"
#include "fuzz.h"

int
main(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		struct scio_buf b = {0};
		char chunk[65536];
		size_t n;
		FILE *fp = fopen(argv[i], "rb");

		if (fp == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
			scio_buf_add(&b, chunk, n);
		fclose(fp);
		LLVMFuzzerTestOneInput((const uint8_t *)b.s, b.len);
		scio_buf_free(&b);
	}
	return 0;
}
