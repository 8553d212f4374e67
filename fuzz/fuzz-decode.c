/* fuzz-decode: the Content-Encoding decoder (lib/fetch/decode.c) on any
 * bytes, as a server may send them.  Input: a byte choosing the coding
 * (even: gzip, odd: deflate), a byte giving the size of the pieces the
 * body arrives in (1 to 256), a byte giving the limit (0: none, else
 * that times 64), then the body.  The decoded text never passes the
 * limit, and the body decodes alike whole and in pieces: both fail, or
 * both give the same text and the same verdict on its end. */
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/fetch/decode.h"
#include "fuzz.h"

static int
run(const char *coding, const uint8_t *p, size_t n, size_t step, size_t max,
    struct scio_buf *out)
{
	int known, rc = SCIO_DECODE_OK;
	struct scio_decode *d = scio_decode_new(coding, &known);

	FUZZ_CHECK(d != NULL && known, "gzip and deflate are known");
	for (size_t i = 0; i < n && rc == SCIO_DECODE_OK; i += step) {
		rc = scio_decode_feed(d, p + i, n - i < step ? n - i : step, out, max);
		FUZZ_CHECK(max == 0 || out->len <= max, "more text than the limit");
	}
	if (rc == SCIO_DECODE_OK)
		rc = scio_decode_end(d) == SCIO_DECODE_OK ? 1 : SCIO_DECODE_OK;
	scio_decode_free(d);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scio_buf whole = {0}, pieces = {0};
	const char *coding;
	size_t step, max;
	int a, b;

	if (size < 3 || size > 1 << 16)
		return 0;
	coding = data[0] % 2 ? "deflate" : "gzip";
	step = (size_t)data[1] + 1;
	max = (size_t)data[2] * 64;
	a = run(coding, data + 3, size - 3, size, max, &whole);
	b = run(coding, data + 3, size - 3, step, max, &pieces);
	FUZZ_CHECK((a < 0) == (b < 0), "whole and in pieces disagree on failing");
	if (a >= 0) {
		FUZZ_CHECK(a == b, "whole and in pieces disagree on the end");
		FUZZ_CHECK(whole.len == pieces.len &&
		    memcmp(scio_buf_str(&whole), scio_buf_str(&pieces), whole.len) == 0,
		    "whole and in pieces give different text");
	}
	scio_buf_free(&whole);
	scio_buf_free(&pieces);
	return 0;
}
