/* pager.h: what a fetched page's links say to scio-fetch: the pages that
 * continue it (a transcript's or a listing's pager), and on a listing,
 * the date of its newest dated item (for --since). */
#ifndef SCIO_PAGER_H
#define SCIO_PAGER_H

#include <stddef.h>

/* A continuation page found in a page's links. */
struct scio_pagelink {
	long page;
	char *url;
};

struct scio_pager {
	struct scio_pagelink *links;	/* sorted by page, no repeats */
	size_t n;
	size_t items;		/* links to other documents' first pages */
	size_t dated;		/* of them, with a date beside them */
	char newest[11];	/* the newest of those dates, or "" */
};

/* Parses html (UTF-8) with libxml2's HTML parser.  Collects the links
 * that continue the page at url (the same directory, kind and id, a page
 * above 1, by the grammar of scio/record/pageid.h) and, when url is a
 * node page, reads the items a listing links to: a link to page 1 of another document, dated by the
 * first date in the text of its list item, paragraph or cell (or, outside
 * one, in the text beside it up to the next link).  Free with
 * scio_pager_free. */
void scio_pager_read(const char *html, size_t len, const char *url,
    struct scio_pager *out);
void scio_pager_free(struct scio_pager *p);

#endif
