/* pageid.h: the one grammar of SCIO page ids.  A URL of english.scio.gov.cn
 * or of a mirror names a page of a document (a transcript, a conference
 * page, a listing) by the digits in its last path segment:
 *
 *   .../pressroom/YYYY-MM/DD/content_NNN.htm       page 1 (desktop)
 *   .../m/pressroom/YYYY-MM/DD/content_NNN_K.html  page K (mobile)
 *   .../pressroom/node_NNN.htm, node_NNN_K.htm     a conference or listing
 *   www.china.org.cn/YYYY-MM/DD/content_NNN_K.shtml  a mirror's page K
 *   m.china.org.cn/doc_1_29302_NNN.html            a mobile mirror's doc
 *
 * scio-parse keys conferences by it and scio-fetch follows pagers and
 * knows one conference in two forms by it.  No library but base. */
#ifndef SCIO_PAGEID_H
#define SCIO_PAGEID_H

enum scio_pagekind {
	SCIO_PAGE_OTHER,	/* names no page id */
	SCIO_PAGE_CONTENT,	/* content_NNN[_K]: a transcript's page */
	SCIO_PAGE_NODE,		/* node_NNN[_K]: a conference page or listing */
	SCIO_PAGE_DOC,		/* doc_1_CCC_NNN: m.china.org.cn, one page */
};

enum scio_pagehost {
	SCIO_HOST_OTHER,	/* any other host (a copy, the test server) */
	SCIO_HOST_SCIO,		/* english.scio.gov.cn */
	SCIO_HOST_CHINA_ORG,	/* www.china.org.cn */
	SCIO_HOST_CHINA_ORG_M,	/* m.china.org.cn */
};

/* What a URL says about the page it names. */
struct scio_pageid {
	enum scio_pagekind kind;
	enum scio_pagehost site;
	int mobile;		/* under /m/, or on an m. host */
	char *host;		/* lower case, with any port; "" without one */
	char *dir;		/* the URL up to and including the last '/' */
	char *prefix;		/* "content_", "node_" or "doc_1_29302_" */
	char *id;		/* the digits NNN */
	long page;		/* K, or 1 without a suffix */
	char *ext;		/* "htm", "html", "shtml", or "" for none */
	char *tail;		/* "?query#fragment" as given, or "" */
};

/* Fills id from url.  Returns 0 when the last path segment is a page id
 * (content_NNN, node_NNN, doc_..._NNN, with an optional _K, K >= 2, for
 * content and node, and an optional .htm, .html or .shtml), else -1 with
 * id->kind SCIO_PAGE_OTHER.  Free with scio_pageid_free either way. */
int scio_pageid_parse(const char *url, struct scio_pageid *id);
void scio_pageid_free(struct scio_pageid *id);

/* Whether id is a page to follow a pager from: no query or fragment, an
 * extension, and a kind with pages (content or node). */
int scio_pageid_pager(const struct scio_pageid *id);

/* The URL of page K of the same document, in the same form (directory,
 * desktop or mobile, extension): a new string, or NULL for a doc_ page
 * (that form has no page K).  The query and fragment are not kept. */
char *scio_pageid_url(const struct scio_pageid *id, long page);

/* The document id as records spell it: "NNN", or "node_NNN" for a node
 * page.  A new string. */
char *scio_pageid_doc(const struct scio_pageid *id);

/* A key equal for the desktop and mobile forms, and the .htm and .html
 * forms, of the same page of the same document on the same host:
 * "HOST KIND NNN K".  A new string. */
char *scio_pageid_key(const struct scio_pageid *id);

#endif
