/* lexicon.c: looking words up in the site's lists (lexicon.h). */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/parse/lexicon.h"
#include "scio/base/text.h"

/* The lists are looked up for every line of every page: the first byte
 * turns most entries away before any call. */
static int
first_differs(const char *e, const char *s)
{
	return tolower((unsigned char)*e) != tolower((unsigned char)*s);
}

int
scio_lex_is(const char *const *list, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (; *list; list++)
		if (!first_differs(*list, s) && strncasecmp(*list, s, n) == 0 &&
		    (*list)[n] == '\0')
			return 1;
	return 0;
}

size_t
scio_lex_prefix(const char *const *list, const char *s, int word)
{
	size_t best = 0;

	for (; *list; list++) {
		size_t n;
		unsigned char next;

		if (first_differs(*list, s))
			continue;
		n = strlen(*list);
		if (n <= best || strncasecmp(*list, s, n) != 0)
			continue;
		next = (unsigned char)s[n];	/* s is at least n long here */
		if (word && isalnum((unsigned char)(*list)[n - 1]) &&
		    (isalnum(next) || next == '_'))
			continue;
		best = n;
	}
	return best;
}

/* ASCII lower case of s[0..n) into b. */
static void
lower_into(struct scio_buf *b, const char *s, size_t n)
{
	scio_buf_reset(b);
	scio_buf_grow(b, n + 1);
	for (size_t i = 0; i < n; i++)
		b->s[i] = (char)tolower((unsigned char)s[i]);
	b->s[n] = '\0';
	b->len = n;
}

int
scio_lex_within(const char *const *list, const char *s)
{
	struct scio_buf hay = {0}, needle = {0};
	int found = 0;

	/* one pass to fold the text, then the C library's substring search
	 * for each entry: long turns are searched for many phrases */
	lower_into(&hay, s, strlen(s));
	for (; *list && !found; list++) {
		lower_into(&needle, *list, strlen(*list));
		found = strstr(hay.s, needle.s) != NULL;
	}
	scio_buf_free(&hay);
	scio_buf_free(&needle);
	return found;
}
