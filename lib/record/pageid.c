/* pageid.c: the one grammar of SCIO page ids (see pageid.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/record/pageid.h"

/* Longest id and page number read: beyond them a "number" is no id. */
#define ID_DIGITS	18
#define PAGE_DIGITS	9

static size_t
span_digits(const char *p, const char *end)
{
	size_t n = 0;

	while (p + n < end && isdigit((unsigned char)p[n]))
		n++;
	return n;
}

static enum scio_pagehost
site_of(const char *host)
{
	static const struct {
		const char *name;
		enum scio_pagehost site;
	} sites[] = {
		{"english.scio.gov.cn", SCIO_HOST_SCIO},
		{"www.china.org.cn", SCIO_HOST_CHINA_ORG},
		{"china.org.cn", SCIO_HOST_CHINA_ORG},
		{"m.china.org.cn", SCIO_HOST_CHINA_ORG_M},
	};
	size_t n = strcspn(host, ":");

	for (size_t i = 0; i < sizeof(sites) / sizeof(sites[0]); i++)
		if (strlen(sites[i].name) == n && strncmp(host, sites[i].name, n) == 0)
			return sites[i].site;
	return SCIO_HOST_OTHER;
}

/* The host of url in lower case ("" without "//"), and where its path
 * starts. */
static char *
host_of(const char *url, const char *end, const char **path)
{
	const char *h = strstr(url, "://"), *e;
	char *s;

	if (h == NULL || h >= end) {
		*path = url;
		return scio_strdup("");
	}
	h += 3;
	e = h + strcspn(h, "/?#");
	if (e > end)
		e = end;
	s = scio_strndup(h, (size_t)(e - h));
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	*path = e;
	return s;
}

/* Reads "NNN[_K]" at p up to the extension; 0 on success. */
static int
read_number(struct scio_pageid *id, const char *p, const char *dot, int paged)
{
	size_t n = span_digits(p, dot), k;

	if (n == 0 || n > ID_DIGITS)
		return -1;
	id->id = scio_strndup(p, n);
	id->page = 1;
	p += n;
	if (p == dot)
		return 0;
	if (!paged || *p != '_')
		return -1;
	k = span_digits(p + 1, dot);
	if (k == 0 || k > PAGE_DIGITS || p + 1 + k != dot || p[1] == '0')
		return -1;
	id->page = strtol(p + 1, NULL, 10);
	return id->page >= 2 ? 0 : -1;
}

/* doc_A_B_..._NNN: the last number is the id; every part is digits. */
static int
read_doc(struct scio_pageid *id, const char *seg, const char *dot)
{
	const char *p = seg + 4, *last = NULL;

	for (;;) {
		size_t n = span_digits(p, dot);

		if (n == 0)
			return -1;
		last = p;
		p += n;
		if (p == dot)
			break;
		if (*p != '_')
			return -1;
		p++;
	}
	id->prefix = scio_strndup(seg, (size_t)(last - seg));
	return read_number(id, last, dot, 0);
}

int
scio_pageid_parse(const char *url, struct scio_pageid *id)
{
	const char *end, *path, *seg, *dot;
	int rc = -1;

	memset(id, 0, sizeof(*id));
	if (url == NULL)
		url = "";
	end = url + strcspn(url, "?#");
	id->tail = scio_strdup(end);
	id->host = host_of(url, end, &path);
	id->site = site_of(id->host);
	id->mobile = strncmp(path, "/m/", 3) == 0 ||
	    strncmp(id->host, "m.", 2) == 0;
	seg = end;
	while (seg > path && seg[-1] != '/')
		seg--;
	id->dir = scio_strndup(url, (size_t)(seg - url));
	/* the extension: the last dot of the segment, when one known */
	dot = end;
	for (const char *p = end; p > seg; p--)
		if (p[-1] == '.') {
			dot = p - 1;
			break;
		}
	if (dot < end) {
		size_t n = (size_t)(end - dot - 1);

		if (!((n == 3 && strncmp(dot + 1, "htm", 3) == 0) ||
		    (n == 4 && strncmp(dot + 1, "html", 4) == 0) ||
		    (n == 5 && strncmp(dot + 1, "shtml", 5) == 0)))
			goto out;
	}
	id->ext = scio_strndup(dot < end ? dot + 1 : end, dot < end ?
	    (size_t)(end - dot - 1) : 0);
	if (strncmp(seg, "content_", 8) == 0) {
		id->kind = SCIO_PAGE_CONTENT;
		id->prefix = scio_strdup("content_");
		rc = read_number(id, seg + 8, dot, 1);
	} else if (strncmp(seg, "node_", 5) == 0) {
		id->kind = SCIO_PAGE_NODE;
		id->prefix = scio_strdup("node_");
		rc = read_number(id, seg + 5, dot, 1);
	} else if (strncmp(seg, "doc_", 4) == 0) {
		id->kind = SCIO_PAGE_DOC;
		rc = read_doc(id, seg, dot);
	}
out:
	if (rc < 0) {
		id->kind = SCIO_PAGE_OTHER;
		id->page = 0;
	}
	return rc;
}

void
scio_pageid_free(struct scio_pageid *id)
{
	free(id->host);
	free(id->dir);
	free(id->prefix);
	free(id->id);
	free(id->ext);
	free(id->tail);
	memset(id, 0, sizeof(*id));
}

int
scio_pageid_pager(const struct scio_pageid *id)
{
	return (id->kind == SCIO_PAGE_CONTENT || id->kind == SCIO_PAGE_NODE) &&
	    id->tail != NULL && id->tail[0] == '\0' && id->ext[0] != '\0';
}

char *
scio_pageid_url(const struct scio_pageid *id, long page)
{
	struct scio_buf b = {0};

	if (id->kind == SCIO_PAGE_OTHER || (id->kind == SCIO_PAGE_DOC && page != 1))
		return NULL;
	scio_buf_printf(&b, "%s%s%s", id->dir, id->prefix, id->id);
	if (page > 1)
		scio_buf_printf(&b, "_%ld", page);
	if (id->ext[0] != '\0')
		scio_buf_printf(&b, ".%s", id->ext);
	return scio_buf_take(&b);
}

char *
scio_pageid_doc(const struct scio_pageid *id)
{
	struct scio_buf b = {0};

	if (id->kind == SCIO_PAGE_OTHER)
		return NULL;
	scio_buf_printf(&b, "%s%s", id->kind == SCIO_PAGE_NODE ? "node_" : "",
	    id->id);
	return scio_buf_take(&b);
}

char *
scio_pageid_key(const struct scio_pageid *id)
{
	static const char *const kinds[] = { "other", "content", "node", "doc" };
	struct scio_buf b = {0};

	if (id->kind == SCIO_PAGE_OTHER)
		return NULL;
	scio_buf_printf(&b, "%s %s %s %ld", id->host, kinds[id->kind], id->id,
	    id->page);
	return scio_buf_take(&b);
}
