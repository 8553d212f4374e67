/* crawl.h: scio-fetch's work list: each URL given is one group (a
 * transcript with its continuation pages, a listing with its further
 * pages, or a single page); groups are delivered in the order given and
 * a group's pages in page order, with the state consulted and updated. */
#ifndef SCIO_CRAWL_H
#define SCIO_CRAWL_H

#include <jansson.h>

#include "scio/fetch/http.h"
#include "scio/fetch/state.h"

struct scio_crawl_opts {
	int follow;		/* fetch continuation pages */
	long listing_pages;	/* listing pages walked, 0 for all ... */
	long max_listing_pages;	/* ... up to this many, 0 for no limit */
	long max_pages;		/* pages of a transcript followed, 0 for all */
	unsigned long max_urls;	/* pages asked for in a run, 0 for no limit */
	const char *since;	/* YYYY-MM-DD: a listing's pager is not followed
				 * past a page whose items are all older */
	int all;		/* deliver unchanged pages too, unconditionally */
	struct scio_state *state;	/* or NULL */
	double checkpoint;	/* seconds between state saves */
	long window;		/* groups worked on at once */
	int quiet;		/* no notice of a page given in two forms */
};

enum scio_outcome {
	SCIO_FETCH_NEW,		/* new or changed: to be written out */
	SCIO_FETCH_UNCHANGED,	/* 304 or the same content as last time */
	SCIO_FETCH_FAILED,	/* failed for good: resp->error says why */
	SCIO_FETCH_WITHHELD,	/* fetched, but another page of its group failed */
};

struct scio_fetched {
	enum scio_outcome outcome;
	struct scio_http_resp *resp;
	char *charset;		/* as served or declared, or NULL */
	struct scio_buf html;	/* the body in UTF-8 (NEW pages) */
	char *hash;		/* of the body, or NULL */
	int revised;		/* delivered before with other content */
	char *previous_fetched_at;	/* then, when revised (or NULL) */
	void *group;		/* internal */
	long page;
	int last;		/* the last page of its group */
};

struct scio_crawl;

struct scio_crawl *scio_crawl_new(struct scio_http *h,
    const struct scio_crawl_opts *o);

/* Adds a URL given by the user (absolute); a repeat is ignored, and so
 * is another form of a page given before (desktop or mobile, .htm or
 * .html: one line on stderr says so, unless quiet).  Beyond --max-urls URLs given, the
 * rest are counted and left for the next run. */
void scio_crawl_add(struct scio_crawl *c, const char *url);

/* The next page in delivery order, or NULL when all are done or the
 * http options' stop flag was set.  A group's pages come only once all
 * of them are in, and whole: when one failed, the others are WITHHELD;
 * when one is new or changed, all are NEW (pages that came back 304 are
 * fetched again unconditionally first).  The last has ->last set. */
struct scio_fetched *scio_crawl_next(struct scio_crawl *c);

/* Notes a page of the group being delivered for the state, and frees
 * the page; the notes go into the state at scio_crawl_commit. */
void scio_crawl_done(struct scio_crawl *c, struct scio_fetched *p);

/* Records the pages noted since the last call in the state (call it once
 * the whole group's records, --save files and WARC records are out) and
 * saves the state when a checkpoint is due. */
void scio_crawl_commit(struct scio_crawl *c);

/* URLs given that no page has been asked for yet. */
unsigned long scio_crawl_waiting(const struct scio_crawl *c);

/* Frees a page without recording it. */
void scio_fetched_free(struct scio_fetched *p);

/* Appends the page record of p to b, one line of JSON (written straight,
 * not through a jansson tree: on a backfill, encoding the records was a
 * fifth of scio-fetch's work). */
void scio_fetched_record(struct scio_buf *b, const struct scio_fetched *p);

void scio_crawl_free(struct scio_crawl *c);

#endif
