/* crawl.h: scio-fetch's work list: each URL given is one group (a
 * transcript with its continuation pages, a listing with its further
 * pages, or a single page); groups are delivered in the order given and
 * a group's pages in page order, with the state consulted and updated. */
#ifndef SCIO_CRAWL_H
#define SCIO_CRAWL_H

#include <jansson.h>

#include "scio/http.h"
#include "scio/state.h"

struct scio_crawl_opts {
	int follow;		/* fetch continuation pages */
	long listing_pages;	/* listing pages walked, 0 for all */
	int all;		/* deliver unchanged pages too, unconditionally */
	struct scio_state *state;	/* or NULL */
	double checkpoint;	/* seconds between state saves */
	long window;		/* groups worked on at once */
};

enum scio_outcome {
	SCIO_FETCH_NEW,		/* new or changed: to be written out */
	SCIO_FETCH_UNCHANGED,	/* 304 or the same content as last time */
	SCIO_FETCH_FAILED,	/* failed for good: resp->error says why */
};

struct scio_fetched {
	enum scio_outcome outcome;
	struct scio_http_resp *resp;
	char *charset;		/* as served or declared, or NULL */
	struct scio_buf html;	/* the body in UTF-8 (NEW pages) */
	char *hash;		/* of the body, or NULL */
	void *group;		/* internal */
	long page;
};

struct scio_crawl;

struct scio_crawl *scio_crawl_new(struct scio_http *h,
    const struct scio_crawl_opts *o);

/* Adds a URL given by the user (absolute); a repeat is ignored. */
void scio_crawl_add(struct scio_crawl *c, const char *url);

/* The next page in delivery order, or NULL when all are done or the
 * http options' stop flag was set. */
struct scio_fetched *scio_crawl_next(struct scio_crawl *c);

/* Records a delivered page in the state (call it only after its record
 * was written out without error) and frees the page. */
void scio_crawl_done(struct scio_crawl *c, struct scio_fetched *p);

/* Frees a page without recording it. */
void scio_fetched_free(struct scio_fetched *p);

/* The page record of a page: a new reference. */
json_t *scio_fetched_record(const struct scio_fetched *p);

void scio_crawl_free(struct scio_crawl *c);

#endif
