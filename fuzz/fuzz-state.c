/* fuzz-state: scio-fetch's state-file reader (lib/fetch/state.c).  Any input is
 * read or refused with a reason; a state that was read is written back as
 * lines of valid JSON, and reading that gives the same state again. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "scio/base/alloc.h"
#include "scio/fetch/state.h"
#include "scio/base/text.h"
#include "fuzz.h"

/* Writes st to a new string. */
static char *
dump_state(struct scio_state *st, size_t *len)
{
	char *s = NULL;
	FILE *fp = open_memstream(&s, len);

	FUZZ_CHECK(fp != NULL, "open_memstream");
	FUZZ_CHECK(scio_state_write(st, fp) == 0, "a state cannot be written");
	fclose(fp);
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scio_state *st = scio_state_new("state"), *again;
	struct scio_buf why = {0};
	FILE *fp;
	char *input = NULL, *first, *second, *p;
	size_t n1, n2;

	if (size == 0 || size > 65536)
		goto out;
	/* fmemopen takes a writable buffer, even to read */
	input = scio_malloc(size);
	memcpy(input, data, size);
	fp = fmemopen(input, size, "rb");
	FUZZ_CHECK(fp != NULL, "fmemopen");
	if (scio_state_read(st, fp, &why) < 0) {
		fclose(fp);
		FUZZ_CHECK(why.len > 0 && strncmp(why.s, "state:", 6) == 0,
		    "a refused state without a reason naming the file");
		goto out;
	}
	fclose(fp);
	first = dump_state(st, &n1);
	for (p = first; p < first + n1;) {
		char *nl = memchr(p, '\n', (size_t)(first + n1 - p));
		json_t *v;

		FUZZ_CHECK(nl != NULL, "a state line without a newline");
		FUZZ_CHECK(scio_utf8_valid(p, (size_t)(nl - p)), "a state line is not UTF-8");
		v = json_loadb(p, (size_t)(nl - p), 0, NULL);
		FUZZ_CHECK(json_is_object(v), "a state line is not a JSON object");
		json_decref(v);
		p = nl + 1;
	}
	again = scio_state_new("state");
	fp = fmemopen(first, n1, "rb");
	FUZZ_CHECK(scio_state_read(again, fp, &why) == 0, "a written state is refused");
	fclose(fp);
	second = dump_state(again, &n2);
	FUZZ_CHECK(n1 == n2 && memcmp(first, second, n1) == 0,
	    "a state read back is not the same");
	free(first);
	free(second);
	scio_state_close(again);
out:
	free(input);
	scio_state_close(st);
	scio_buf_free(&why);
	return 0;
}
