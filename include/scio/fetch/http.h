/* http.h: polite concurrent HTTP GETs (libcurl's multi interface):
 * overall and per-host limits, a delay between requests to one host,
 * retries with backoff and jitter, Retry-After, timeouts and size limits.
 * No libcurl object leaves lib/fetch/http*.c. */
#ifndef SCIO_HTTP_H
#define SCIO_HTTP_H

#include <signal.h>

#include "scio/base/alloc.h"
#include "scio/fetch/robots.h"
#include "scio/fetch/warc.h"

struct scio_http;

struct scio_http_opts {
	long jobs;		/* transfers at once overall */
	long per_host;		/* transfers at once to one host */
	double wait;		/* seconds between request starts to one host */
	int random_wait;	/* wait 0.5..1.5 times wait */
	long retries;		/* further tries after a transient failure */
	int retry_unreachable;	/* DNS failures and refused connections too */
	double retry_delay;	/* first backoff, doubled each retry */
	double max_retry_delay;	/* longest backoff; a longer Retry-After fails */
	double connect_timeout;
	double timeout;		/* whole transfer */
	long low_speed_limit;	/* bytes per second ... */
	long low_speed_time;	/* ... below which for this long is a failure */
	long long max_bytes;	/* body size after decompression */
	long long max_total;	/* bytes of bodies in a run, 0 for no limit:
				 * past it no transfer starts, and the run
				 * stops as when stop is set */
	long max_redirs;
	const char *user_agent;
	const char *from;	/* sent as From:, or NULL */
	/* robots.txt asked for once per host before its first page, its
	 * rules obeyed and its Crawl-delay a floor under wait; or NULL */
	struct scio_robots *robots;
	struct scio_warc *warc;	/* or NULL */
	volatile sig_atomic_t *stop;	/* or NULL; nonzero: stop at once */
	/* Called, when set, as a URL is queued again after a failure
	 * (delay seconds from now, left tries after that one) ... */
	void (*on_retry)(void *arg, const char *url, double delay, long left);
	/* ... and at least once a second while transfers run. */
	void (*on_tick)(void *arg, const struct scio_http *h);
	void *notify_arg;
};

/* The outcome of one URL, after any retries. */
struct scio_http_resp {
	char *url;		/* as added */
	char *final_url;	/* after redirects */
	long status;		/* HTTP status, 0 for file:// or no response */
	int failed;		/* 1: failed for good; error says why */
	char *error;
	char *content_type, *etag, *last_modified;	/* or NULL */
	char *fetched_at;	/* RFC 3339 UTC */
	struct scio_buf body;	/* decompressed, as served otherwise */
	void *data;		/* as given to scio_http_add */
};

struct scio_http_stats {
	unsigned long done, failed, retried;
	unsigned long unchanged;	/* of done: 304 Not Modified */
	unsigned long disallowed;	/* of failed: refused by robots.txt */
	unsigned long waiting;		/* queued or in flight */
	unsigned long long bytes;
	double elapsed;
	const char *url;	/* in flight, or NULL; valid until the next call */
};

struct scio_http *scio_http_new(const struct scio_http_opts *o);

/* Queues a GET of url. etag and last_modified (may be NULL) make it
 * conditional. Lower prio values start first among those allowed to. */
void scio_http_add(struct scio_http *h, const char *url, const char *etag,
    const char *last_modified, unsigned long long prio, void *data);

/* URLs added and not yet returned by scio_http_next. */
unsigned long scio_http_pending(const struct scio_http *h);

/* Runs transfers until one URL is finished (delivered or failed for good)
 * and returns it (the caller frees it), or NULL when nothing is pending or
 * when *o->stop became nonzero (a signal: transfers in flight are left). */
struct scio_http_resp *scio_http_next(struct scio_http *h);

/* Whether *o->stop was set, or --max-total was spent (one line on
 * stderr said so then, and the status is 1). */
int scio_http_stopped(const struct scio_http *h);

void scio_http_resp_free(struct scio_http_resp *r);

void scio_http_stats(const struct scio_http *h, struct scio_http_stats *s);

void scio_http_free(struct scio_http *h);

#endif
