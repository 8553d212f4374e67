/* run.h: one run of scio-fetch, set up from its options: the state, the
 * output resumed after the state's last delivery, the WARC, robots.txt,
 * the progress line and the crawl; its pages delivered group by group;
 * and its end: the summary, the state saved, the exit status. */
#ifndef SCIO_FETCH_RUN_H
#define SCIO_FETCH_RUN_H

#include "scio/base/alloc.h"
#include "scio/fetch/crawl.h"
#include "scio/fetch/http.h"
#include "scio/fetch/progress.h"

struct scio_fetch_opts {
	struct scio_http_opts http;	/* robots, warc, stop and the
					 * callbacks are set by the run */
	struct scio_crawl_opts crawl;	/* state, window and quiet likewise */
	const char *state_path;	/* --state, or NULL */
	const char *save_dir;	/* --save, or NULL */
	const char *warc_path;	/* --warc, or NULL */
	const char *from;	/* --from, checked already, or NULL */
	const char *term;	/* $TERM, for the progress line, or NULL */
	int robots;		/* obey robots.txt */
	int quiet;
};

struct scio_fetch_run {
	struct scio_fetch_opts o;
	struct scio_http *http;
	struct scio_crawl *crawl;
	struct scio_progress *progress;
	volatile sig_atomic_t *stop;	/* the signal that stopped it, or 0 */
	struct scio_buf group;	/* the records of the group being delivered */
	char *user_agent;	/* made with --from, or NULL */
};

/* Sets up r from o: opens what o names (a failure ends the program),
 * catches SIGINT and SIGTERM (the run then stops at once, the record
 * being written is finished and the state saved) and makes the crawl
 * (r->crawl), to which the URLs given are then added. */
void scio_fetch_start(struct scio_fetch_run *r, const struct scio_fetch_opts *o);

/* Delivers a page scio_crawl_next returned: a failed one is a warning
 * and status 1, a new or changed one a record (and its body saved with
 * --save; one that cannot be is status 2).  A group goes out in one write
 * with its last page, and its pages count as delivered once it is out
 * (scio_crawl_commit).  Frees p. */
void scio_fetch_deliver(struct scio_fetch_run *r, struct scio_fetched *p);

/* Ends the run: the summary, a warning when a signal stopped it, the
 * state saved and closed, the output closed, everything freed.  Returns
 * the exit status, or ends the program by the signal that stopped it. */
int scio_fetch_end(struct scio_fetch_run *r);

#endif
