/* fuzz-filter: scio-grep's conditions (lib/record/filter.c) judge a record the
 * same whether it comes scanned (a turn line) or as a jansson tree (a
 * turn inside a doc record).  Input: a flags byte, a pattern, a speaker
 * value and a date bound (NUL-separated), then the record's line. */
#include <string.h>

#include <jansson.h>

#include "scio/record/filter.h"
#include "scio/base/jscan.h"
#include "scio/record/match.h"
#include "scio/base/text.h"
#include "fuzz.h"

/* The next NUL-terminated field of data, or NULL. */
static const char *
next_field(const char **p, const char *end)
{
	const char *s = *p, *nul;

	if (s >= end || (nul = memchr(s, '\0', (size_t)(end - s))) == NULL)
		return NULL;
	*p = nul + 1;
	return s;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scio_jobj obj;
	struct scio_buf why = {0};
	struct scio_jerr err;
	struct scio_filter *f;
	struct scio_match *probe;
	const char *p, *end, *pat, *speaker, *bound, *line;
	char *copy;
	int flags, icase, mflags, a, b;
	json_t *tree;

	if (size < 2 || size > 8192)
		return 0;
	copy = scio_malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	flags = data[0];
	icase = flags & 1 ? SCIO_MATCH_ICASE : 0;
	mflags = (flags & 2 ? SCIO_MATCH_FIXED : 0) | (flags & 4 ? SCIO_MATCH_WORD : 0);
	p = copy + 1;
	end = copy + size;
	pat = next_field(&p, end);
	speaker = next_field(&p, end);
	bound = next_field(&p, end);
	line = p;
	if (pat == NULL || speaker == NULL || bound == NULL ||
	    !scio_utf8_valid(pat, strlen(pat)) ||
	    !scio_utf8_valid(speaker, strlen(speaker)))
		goto out;
	/* Patterns that do not compile end scio-grep before any record. */
	probe = scio_match_try(&pat, 1, mflags | icase, "-e", &why);
	if (probe == NULL)
		goto out;
	scio_match_free(probe);
	if (speaker[0] == '/' && strlen(speaker) > 1 &&
	    speaker[strlen(speaker) - 1] == '/') {
		char *re = scio_strndup(speaker + 1, strlen(speaker) - 2);

		probe = scio_match_try((const char *const *)&re, 1, icase, "--speaker", &why);
		free(re);
		if (probe == NULL)
			goto out;
		scio_match_free(probe);
	}
	f = scio_filter_new(icase);
	if (speaker[0] != '\0')
		scio_filter_equal(f, "speaker", speaker, "--speaker");
	if (scio_date_bound_ok(bound)) {
		if (flags & 8)
			scio_filter_since(f, "date", bound);
		else
			scio_filter_until(f, "date", bound);
	}
	if (pat[0] != '\0')
		scio_filter_text(f, &pat, 1, mflags, "text", flags & 16);
	else if (flags & 16)
		scio_filter_invert_all(f);
	if (scio_jscan(line, (size_t)(end - line), &obj, &err) == 0) {
		tree = json_loadb(line, (size_t)(end - line), 0, NULL);
		FUZZ_CHECK(tree != NULL, "jansson refuses a line the scanner accepts");
		a = scio_filter_scanned(f, &obj);
		b = scio_filter_json(f, tree, NULL);
		FUZZ_CHECK(a == b, "a scanned record and its tree are judged differently");
		if (scio_filter_has_text(f)) {
			json_t *text = json_object_get(tree, "text");

			if (json_is_string(text)) {
				json_t *marks = scio_filter_marks(f, json_string_value(text),
				    json_string_length(text));

				FUZZ_CHECK(json_is_array(marks), "marks are not an array");
				json_decref(marks);
			}
		}
		json_decref(tree);
	}
	scio_filter_free(f);
out:
	scio_buf_free(&why);
	free(copy);
	return 0;
}
