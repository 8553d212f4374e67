/* url.c: conference ids from URLs, and resolving links against a page. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scio/alloc.h"
#include "scio/page.h"

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
			*pageno = atoi(after + 1);
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

/* Length of "scheme:" at the start of s, or 0. */
static size_t
scheme_len(const char *s)
{
	size_t i = 0;

	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return s[i] == ':' ? i + 1 : 0;
}

/* Removes "./" and "seg/../" from an absolute path in place. */
static void
normalise_path(char *path)
{
	char *out = path, *p = path;

	while (*p) {
		if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
			p += 2;
			continue;
		}
		if (p[0] == '/' && p[1] == '.' && p[2] == '.' &&
		    (p[3] == '/' || p[3] == '\0')) {
			p += 3;
			while (out > path && *--out != '/')
				;
			continue;
		}
		if (*p == '?' || *p == '#') {
			memmove(out, p, strlen(p) + 1);
			return;
		}
		*out++ = *p++;
	}
	*out = '\0';
}

char *
scio_url_resolve(const char *base, const char *href)
{
	struct scio_buf b = {0};
	size_t sl, hostend;
	const char *slash;

	while (*href == ' ')
		href++;
	if (scheme_len(href) > 0 || base == NULL || scheme_len(base) == 0)
		return scio_strdup(href);
	sl = scheme_len(base);
	if (href[0] == '/' && href[1] == '/') {
		scio_buf_add(&b, base, sl);
		scio_buf_adds(&b, href);
		return scio_buf_take(&b);
	}
	/* the end of scheme://host */
	hostend = sl;
	if (base[sl] == '/' && base[sl + 1] == '/') {
		const char *h = strchr(base + sl + 2, '/');

		hostend = h ? (size_t)(h - base) : strlen(base);
	}
	scio_buf_add(&b, base, hostend);
	if (href[0] == '/') {
		scio_buf_adds(&b, href);
	} else {
		const char *path = base + hostend;
		size_t plen = strcspn(path, "?#");

		slash = NULL;
		for (size_t i = 0; i < plen; i++)
			if (path[i] == '/')
				slash = path + i;
		if (slash)
			scio_buf_add(&b, path, (size_t)(slash - path) + 1);
		else
			scio_buf_addc(&b, '/');
		scio_buf_adds(&b, href);
	}
	normalise_path(b.s + hostend);
	return scio_buf_take(&b);
}
