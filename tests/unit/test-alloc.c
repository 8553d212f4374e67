/* Unit tests for the growable buffer. */
#include <stdlib.h>

#include "scio/base/alloc.h"
#include "check.h"

int
main(void)
{
	struct scio_buf b = {0};

	CHECK_STR(scio_buf_str(&b), "", "an empty buffer reads as an empty string");
	scio_buf_adds(&b, "abc");
	scio_buf_addc(&b, 'd');
	CHECK_STR(b.s, "abcd", "appends strings and characters");
	for (int i = 0; i < 10000; i++)
		scio_buf_addc(&b, 'x');
	CHECK(b.len == 10004 && b.s[b.len] == '\0', "grows past its first size and stays terminated");
	scio_buf_reset(&b);
	scio_buf_printf(&b, "%s:%zu", "file", (size_t)42);
	CHECK_STR(b.s, "file:42", "formats into the buffer");
	char *s = scio_buf_take(&b);
	CHECK(b.s == NULL && b.len == 0, "take empties the buffer");
	CHECK_STR(s, "file:42", "take hands over the string");
	free(s);
	scio_buf_free(&b);
	return CHECK_DONE();
}
