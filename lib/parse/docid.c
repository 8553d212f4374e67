/* docid.c: the conference id and page number a URL names. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/parse/page.h"

/* Reads digits at *p; returns how many. */
static size_t
span_digits(const char *p)
{
	size_t n = 0;

	while (isdigit((unsigned char)p[n]))
		n++;
	return n;
}

static int
is_page_suffix(const char *p)
{
	return strncmp(p, ".htm", 4) == 0 || strncmp(p, ".shtml", 6) == 0 ||
	    *p == '\0' || *p == '?' || *p == '#';
}

char *
scio_url_doc(const char *url, int *pageno)
{
	const char *p, *best = NULL;
	int node = 0;

	*pageno = 1;
	if (url == NULL)
		return NULL;
	for (p = url; (p = strstr(p, "content_")) != NULL; p++)
		best = p + 8, node = 0;
	for (p = url; (p = strstr(p, "node_")) != NULL; p++)
		if (best == NULL || p + 5 > best)
			best = p + 5, node = 1;
	if (best == NULL) {
		/* m.china.org.cn/doc_1_29302_NNN.html */
		if ((p = strstr(url, "/doc_")) != NULL) {
			const char *last = strrchr(p, '_');
			size_t n = span_digits(last + 1);

			if (n > 0 && is_page_suffix(last + 1 + n))
				return scio_strndup(last + 1, n);
		}
		return NULL;
	}
	size_t n = span_digits(best);
	if (n == 0)
		return NULL;
	const char *after = best + n;
	if (*after == '_') {
		size_t k = span_digits(after + 1);

		if (k > 0 && k < 4 && is_page_suffix(after + 1 + k)) {
			*pageno = (int)strtol(after + 1, NULL, 10);
			after += 1 + k;
		}
	}
	if (!is_page_suffix(after))
		return NULL;
	if (node) {
		char *s = scio_malloc(n + 6);

		memcpy(s, "node_", 5);
		memcpy(s + 5, best, n);
		s[n + 5] = '\0';
		return s;
	}
	return scio_strndup(best, n);
}
