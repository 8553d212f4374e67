/* fuzz-match: scio-grep's pattern compiler and matcher (lib/record/match.c).
 * Input: a flags byte, then up to four patterns and a subject, separated
 * by NUL bytes.  A pattern that does not compile must be refused with a
 * message, never a crash; the literal pre-filter must never rule out a
 * value that matches, whatever escapes its JSON text uses; the offsets
 * scio_match_find gives must lie on character boundaries. */
#include <string.h>

#include <jansson.h>

#include "scio/record/match.h"
#include "scio/base/text.h"
#include "fuzz.h"

/* The JSON text of s between its quotes, escaped as jansson writes it
 * with the given flags. */
static char *
json_text(const char *s, size_t n, size_t flags)
{
	json_t *v = json_stringn(s, n);
	char *t = json_dumps(v, JSON_ENCODE_ANY | flags);
	size_t len = strlen(t);

	json_decref(v);
	memmove(t, t + 1, len - 2);
	t[len - 2] = '\0';
	return t;
}

static int
on_boundary(const char *s, size_t n, size_t off)
{
	return off == n || off == 0 || ((unsigned char)s[off] & 0xC0) != 0x80;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *pats[4], *subject;
	char *copy;
	size_t npats = 0, slen, pos = 1;
	int flags;
	struct scio_buf why = {0};
	struct scio_match *m;

	if (size < 2 || size > 4096)
		return 0;
	flags = data[0] & (SCIO_MATCH_FIXED | SCIO_MATCH_ICASE | SCIO_MATCH_WORD |
	    SCIO_MATCH_WHOLE);
	copy = scio_malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	/* patterns up to the last NUL; the subject after it */
	subject = memchr(copy + 1, '\0', size - 1) ? NULL : copy + 1;
	while (subject == NULL && npats < 4) {
		char *nul = memchr(copy + pos, '\0', size - pos);

		if (nul == NULL)
			break;
		pats[npats++] = copy + pos;
		pos = (size_t)(nul - copy) + 1;
		if (memchr(copy + pos, '\0', size - pos) == NULL)
			subject = copy + pos;
	}
	if (npats == 0 || subject == NULL)
		goto out;
	for (size_t i = 0; i < npats; i++)
		if (!scio_utf8_valid(pats[i], strlen(pats[i])))
			goto out;
	slen = size - (size_t)(subject - copy);
	if (!scio_utf8_valid(subject, slen))
		goto out;
	m = scio_match_try(pats, npats, flags, "-e", &why);
	if (m == NULL) {
		FUZZ_CHECK(why.len > 0, "a refused pattern without a message");
		goto out;
	}
	if (scio_match_test(m, subject, slen)) {
		static const size_t styles[] = { 0, JSON_ENSURE_ASCII, JSON_ESCAPE_SLASH };
		size_t from = 0, so, eo;
		int guard = 0;

		for (size_t k = 0; k < 3; k++) {
			char *raw = json_text(subject, slen, styles[k]);

			FUZZ_CHECK(scio_match_maybe(m, raw, strlen(raw)),
			    "the pre-filter ruled out a value that matches");
			free(raw);
		}
		while (from <= slen && guard++ < 64 &&
		    scio_match_find(m, subject, slen, from, &so, &eo)) {
			FUZZ_CHECK(so <= eo && eo <= slen && so >= from, "match span out of range");
			FUZZ_CHECK(on_boundary(subject, slen, so) &&
			    on_boundary(subject, slen, eo), "match splits a character");
			from = eo > so ? eo : eo + 1;
			while (from < slen && !on_boundary(subject, slen, from))
				from++;
		}
	}
	scio_match_free(m);
out:
	scio_buf_free(&why);
	free(copy);
	return 0;
}
