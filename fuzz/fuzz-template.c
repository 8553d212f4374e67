/* fuzz-template: scio-fmt's -t template parser (lib/fmt/template.c) and its
 * expansion over a record.  Input: the template, a NUL, the record line.
 * A template is compiled or refused with a reason; what it expands to is
 * valid UTF-8 whenever the record is. */
#include <string.h>

#include <jansson.h>

#include "scio/fmt/fmt.h"
#include "scio/base/jscan.h"
#include "scio/fmt/template.h"
#include "scio/base/text.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scio_jobj obj;
	struct scio_buf err = {0}, out = {0}, tmp = {0};
	struct scio_template *t;
	struct scio_jerr jerr;
	const char *nul, *line;
	char *src;
	size_t len;

	if (size > 16384)
		return 0;
	nul = memchr(data, '\0', size);
	src = scio_strndup((const char *)data, nul ? (size_t)(nul - (const char *)data) : size);
	t = scio_template_compile(src, &err);
	if (t == NULL) {
		FUZZ_CHECK(err.len > 0, "a refused template without a reason");
		goto out;
	}
	if (nul == NULL)
		goto done;
	line = nul + 1;
	len = size - (size_t)(line - (const char *)data);
	if (scio_jscan(line, len, &obj, &jerr) == 0) {
		struct scio_frec r = {0};
		json_t *tree = json_loadb(line, len, 0, NULL);

		r.obj = &obj;
		r.line = line;
		r.len = len;
		scio_template_expand(t, &r, &out, &tmp);
		FUZZ_CHECK(scio_utf8_valid(scio_buf_str(&out), out.len) ||
		    memchr(scio_buf_str(&out), '\0', out.len) != NULL,
		    "a scanned record expands to invalid UTF-8");
		/* The same record as a tree (a doc's turn) expands the same. */
		memset(&r, 0, sizeof(r));
		r.json = tree;
		scio_buf_reset(&tmp);
		{
			struct scio_buf out2 = {0};

			scio_template_expand(t, &r, &out2, &tmp);
			FUZZ_CHECK(out2.len == out.len && memcmp(scio_buf_str(&out2),
			    scio_buf_str(&out), out.len) == 0,
			    "a record expands differently scanned and as a tree");
			scio_buf_free(&out2);
		}
		json_decref(tree);
	}
done:
	scio_template_free(t);
out:
	free(src);
	scio_buf_free(&err);
	scio_buf_free(&out);
	scio_buf_free(&tmp);
	return 0;
}
