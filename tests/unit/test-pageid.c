/* The page-id grammar, as a table: every URL form the project knows, what
 * it names, the URL of its page 3 and its key (the same for a page's
 * desktop and mobile, .htm and .html forms). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scio/record/pageid.h"
#include "check.h"

#define S "http://english.scio.gov.cn"

static const struct row {
	const char *url;
	enum scio_pagekind kind;	/* SCIO_PAGE_OTHER: not a page id */
	enum scio_pagehost site;
	int mobile;
	const char *doc;		/* as records spell it */
	long page;
	const char *ext;
	int pager;			/* a page to follow a pager from */
	const char *page3;		/* the URL of page 3, or NULL */
	const char *key;
} rows[] = {
	/* english.scio.gov.cn, desktop and mobile, .htm to mid-2024, .html after */
	{ S "/pressroom/2024-08/13/content_117364912.htm", SCIO_PAGE_CONTENT,
	  SCIO_HOST_SCIO, 0, "117364912", 1, "htm", 1,
	  S "/pressroom/2024-08/13/content_117364912_3.htm",
	  "english.scio.gov.cn content 117364912 1" },
	{ S "/pressroom/2024-08/13/content_117364912_3.htm", SCIO_PAGE_CONTENT,
	  SCIO_HOST_SCIO, 0, "117364912", 3, "htm", 1,
	  S "/pressroom/2024-08/13/content_117364912_3.htm",
	  "english.scio.gov.cn content 117364912 3" },
	{ S "/m/pressroom/2024-08/13/content_117364912_3.html", SCIO_PAGE_CONTENT,
	  SCIO_HOST_SCIO, 1, "117364912", 3, "html", 1,
	  S "/m/pressroom/2024-08/13/content_117364912_3.html",
	  "english.scio.gov.cn content 117364912 3" },
	{ "https://English.SCIO.gov.cn/m/pressroom/2025-05/08/content_11.html",
	  SCIO_PAGE_CONTENT, SCIO_HOST_SCIO, 1, "11", 1, "html", 1,
	  "https://English.SCIO.gov.cn/m/pressroom/2025-05/08/content_11_3.html",
	  "english.scio.gov.cn content 11 1" },
	/* conference pages and listings: node_NNN[_K] */
	{ S "/pressroom/node_9016674.html", SCIO_PAGE_NODE, SCIO_HOST_SCIO, 0,
	  "node_9016674", 1, "html", 1, S "/pressroom/node_9016674_3.html",
	  "english.scio.gov.cn node 9016674 1" },
	{ S "/pressroom/node_8021725_2.htm", SCIO_PAGE_NODE, SCIO_HOST_SCIO, 0,
	  "node_8021725", 2, "htm", 1, S "/pressroom/node_8021725_3.htm",
	  "english.scio.gov.cn node 8021725 2" },
	{ S "/m/pressroom/node_8021725.htm", SCIO_PAGE_NODE, SCIO_HOST_SCIO, 1,
	  "node_8021725", 1, "htm", 1, S "/m/pressroom/node_8021725_3.htm",
	  "english.scio.gov.cn node 8021725 1" },
	/* mirrors: china.org.cn, its .shtml pages, m.china.org.cn's doc_ */
	{ "http://www.china.org.cn/china/2024-07/22/content_117321101.htm",
	  SCIO_PAGE_CONTENT, SCIO_HOST_CHINA_ORG, 0, "117321101", 1, "htm", 1,
	  "http://www.china.org.cn/china/2024-07/22/content_117321101_3.htm",
	  "www.china.org.cn content 117321101 1" },
	{ "http://www.china.org.cn/2025-05/08/content_9_2.shtml",
	  SCIO_PAGE_CONTENT, SCIO_HOST_CHINA_ORG, 0, "9", 2, "shtml", 1,
	  "http://www.china.org.cn/2025-05/08/content_9_3.shtml",
	  "www.china.org.cn content 9 2" },
	{ "http://m.china.org.cn/doc_1_29302_12345678.html", SCIO_PAGE_DOC,
	  SCIO_HOST_CHINA_ORG_M, 1, "12345678", 1, "html", 0, NULL,
	  "m.china.org.cn doc 12345678 1" },
	/* other hosts: the grammar is the path's, the key keeps the host */
	{ "http://127.0.0.1:8080/pressroom/2024-07/22/content_5.htm",
	  SCIO_PAGE_CONTENT, SCIO_HOST_OTHER, 0, "5", 1, "htm", 1,
	  "http://127.0.0.1:8080/pressroom/2024-07/22/content_5_3.htm",
	  "127.0.0.1:8080 content 5 1" },
	{ "pages/content_42_2.html", SCIO_PAGE_CONTENT, SCIO_HOST_OTHER, 0,
	  "42", 2, "html", 1, "pages/content_42_3.html", " content 42 2" },
	/* a query or fragment: the page is named, but no pager followed */
	{ S "/pressroom/content_12.htm?gz=1", SCIO_PAGE_CONTENT, SCIO_HOST_SCIO,
	  0, "12", 1, "htm", 0, S "/pressroom/content_12_3.htm",
	  "english.scio.gov.cn content 12 1" },
	{ "content_12", SCIO_PAGE_CONTENT, SCIO_HOST_OTHER, 0, "12", 1, "", 0,
	  "content_12_3", " content 12 1" },
	/* not page ids */
	{ S "/pressroom/index.htm", SCIO_PAGE_OTHER, SCIO_HOST_SCIO, 0, NULL, 0,
	  NULL, 0, NULL, NULL },
	{ S "/", SCIO_PAGE_OTHER, SCIO_HOST_SCIO, 0, NULL, 0, NULL, 0, NULL, NULL },
	{ "http://h/content_12a.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/content_12_1.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/content_12_02.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/content_12.php", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/content_.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/content_12_3_4.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0,
	  NULL, 0, NULL, 0, NULL, NULL },
	{ "http://h/content_12_1234567890.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER,
	  0, NULL, 0, NULL, 0, NULL, NULL },
	{ "http://h/content_12.htm/", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "http://h/x?u=content_12.htm", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0,
	  NULL, 0, NULL, 0, NULL, NULL },
	{ "http://h/doc_1_x_5.html", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL,
	  0, NULL, 0, NULL, NULL },
	{ "", SCIO_PAGE_OTHER, SCIO_HOST_OTHER, 0, NULL, 0, NULL, 0, NULL, NULL },
};

static const char *
said(const struct row *r, const char *what)
{
	static char buf[600];

	snprintf(buf, sizeof(buf), "'%s'%s", r->url, what);
	return buf;
}

static void
check_row(const struct row *r)
{
	struct scio_pageid id;
	char *doc, *u, *key;
	int rc = scio_pageid_parse(r->url, &id);

	if (r->kind == SCIO_PAGE_OTHER) {
		CHECK(rc < 0 && id.kind == SCIO_PAGE_OTHER && !scio_pageid_pager(&id),
		    said(r, " is not a page id"));
		scio_pageid_free(&id);
		return;
	}
	doc = scio_pageid_doc(&id);
	u = scio_pageid_url(&id, 3);
	key = scio_pageid_key(&id);
	CHECK(rc == 0 && id.kind == r->kind && id.site == r->site &&
	    id.mobile == r->mobile && id.page == r->page &&
	    strcmp(id.ext, r->ext) == 0 && scio_pageid_pager(&id) == r->pager,
	    said(r, ": kind, site, form, page, extension"));
	CHECK_STR(doc, r->doc, said(r, ": doc id"));
	CHECK_STR(u, r->page3, said(r, ": page 3"));
	CHECK_STR(key, r->key, said(r, ": key"));
	free(doc);
	free(u);
	free(key);
	scio_pageid_free(&id);
}

/* The URL of page 1 carries no suffix; a page-1 URL gives back itself. */
static void
test_roundtrip(void)
{
	struct scio_pageid id;
	char *u;

	scio_pageid_parse(S "/m/pressroom/2024-07/22/content_123_4.html", &id);
	u = scio_pageid_url(&id, 1);
	CHECK_STR(u, S "/m/pressroom/2024-07/22/content_123.html", "page 1 has no suffix");
	free(u);
	scio_pageid_free(&id);
	scio_pageid_parse("http://m.china.org.cn/doc_1_29302_7.html", &id);
	u = scio_pageid_url(&id, 1);
	CHECK_STR(u, "http://m.china.org.cn/doc_1_29302_7.html", "a doc_ page's page 1 is itself");
	free(u);
	scio_pageid_free(&id);
}

int
main(void)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		check_row(&rows[i]);
	test_roundtrip();
	return CHECK_DONE();
}
