/* conf.h: the pages of one conference merged into its turns and records. */
#ifndef SCIO_CONF_H
#define SCIO_CONF_H

#include <stddef.h>
#include "scio/alloc.h"

#include "scio/page.h"

/* One conference: the pages of one id seen so far, by page number. */
struct scio_conf {
	char *doc;
	struct scio_page **pages;	/* pages[k] is page k+1, or NULL */
	size_t npages;			/* length of pages */
	int expected;			/* page count the pages announce */
	size_t arrival;			/* order of its first page in the input */
};

/* Conferences waiting for their pages. */
struct scio_confset {
	struct scio_conf **confs;
	size_t n, cap;
	size_t arrivals;
};

/* Adds a page (taking ownership). Returns the conference it completes,
 * now removed from the set (the caller frees it with scio_conf_free), or
 * NULL while pages are still missing. A page seen twice is dropped with a
 * note on stderr. */
struct scio_conf *scio_confset_add(struct scio_confset *set, struct scio_page *pg);

/* Removes and returns the conference that arrived first, or NULL: for the
 * end of input, when missing pages will not come. */
struct scio_conf *scio_confset_pop(struct scio_confset *set);

void scio_conf_free(struct scio_conf *c);

/* Appends the conference's turn records to out, one JSON line per
 * speaker turn, in order; returns how many. */
size_t scio_conf_turns(const struct scio_conf *c, struct scio_buf *out);

/* Appends the conference as one doc record, its turns nested. */
void scio_conf_doc(const struct scio_conf *c, struct scio_buf *out);

/* Appends a page of a kind that stands alone (article, notice) as a doc
 * record. */
void scio_page_doc(const struct scio_page *pg, struct scio_buf *out);

/* Appends a listing page's items as link records; returns how many. */
size_t scio_page_links(const struct scio_page *pg, struct scio_buf *out);

#endif
