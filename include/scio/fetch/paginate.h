/* paginate.h: which pages continue a transcript or a listing. */
#ifndef SCIO_PAGINATE_H
#define SCIO_PAGINATE_H

#include <stddef.h>

enum scio_pagekind {
	SCIO_PAGE_OTHER,
	SCIO_PAGE_CONTENT,	/* content_NNN[_K].htm(l): a transcript page */
	SCIO_PAGE_NODE,		/* node_NNN[_K].htm(l): a listing or conference */
};

/* What a URL's last path segment says about it. */
struct scio_pageid {
	enum scio_pagekind kind;
	char *dir;	/* the URL up to and including the last '/' */
	char *id;	/* the digits NNN */
	long page;	/* K, or 1 without a suffix */
	char *ext;	/* "htm" or "html" */
};

/* Fills id from url. Returns 0 for a content or node page, -1 otherwise
 * (a query string also makes it -1). Free with scio_pageid_free. */
int scio_pageid_parse(const char *url, struct scio_pageid *id);
void scio_pageid_free(struct scio_pageid *id);

/* The URL of page K of the same conference or listing: a new string. */
char *scio_pageid_url(const struct scio_pageid *id, long page);

/* A continuation page found in a page's links. */
struct scio_pagelink {
	long page;
	char *url;
};

/* Parses html (UTF-8) with libxml2's HTML parser and collects the links
 * that continue the page at url: same directory, kind and id, page > 1.
 * *out gets them sorted by page without repeats (free each url and the
 * array). Returns how many. */
size_t scio_paginate_find(const char *html, size_t len, const char *url,
    struct scio_pagelink **out);

#endif
