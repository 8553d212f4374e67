/* http_impl.h: what the lib/fetch/http*.c files share; not for programs.
 * http_queue.c holds the per-host job heaps and decides what starts when,
 * http_job.c sets up a transfer, takes in what it sends back and ends a
 * job with its outcome, and http.c drives libcurl's multi loop and
 * settles each finished transfer: delivered, retried later or failed for
 * good.  http.c calls the other two, http_queue.c calls http_job.c, and
 * http_job.c neither. */
#ifndef SCIO_HTTP_IMPL_H
#define SCIO_HTTP_IMPL_H

#include <curl/curl.h>

#include "scio/base/alloc.h"
#include "scio/base/strmap.h"
#include "scio/fetch/decode.h"
#include "scio/fetch/http.h"

struct scio_http_job;

/* A host (scheme, name and port): its slots, its delay, its robots.txt
 * and the jobs waiting for it. */
struct scio_http_host {
	long active;
	double next_ok;		/* no request starts before this */
	double last_start;	/* when the last request started */
	int robots;		/* 0 not asked, 1 asked, 2 rules known */
	const struct scio_robots_rules *rules;	/* owned by o.robots */
	double crawl_delay;	/* the rules' Crawl-delay, or 0 */
	struct scio_http_job **heap;	/* waiting jobs, by (prio, seq) */
	size_t n, cap;
	size_t at;		/* index in scio_http's queued hosts, if n > 0 */
};

/* A redirect followed (a page's by http.c, a robots.txt's by libcurl):
 * its request and response head, for the WARC (its body is dropped). */
struct scio_http_hop {
	char *url, *ip, *req, *head;
	size_t reqlen, headlen;
};

/* One URL, from its queueing to its outcome, retries included. */
struct scio_http_job {
	char *url, *etag, *last_modified;
	/* A page's redirects are followed here, one transfer each, so that
	 * each host's robots.txt and delay are kept: the URL asked for now
	 * (NULL: url) and how many were followed. */
	char *target;
	long redirects;
	int drop_body;		/* the response is a redirect to follow */
	unsigned long long prio, seq;
	void *data;
	struct scio_http_host *host;
	int is_file;
	int robots;		/* the host's robots.txt, not a page */
	long attempt;
	double not_before;
	CURL *easy;
	struct curl_slist *hdrs;
	struct scio_buf body, head, req;
	/* The body as sent, when it has a Content-Encoding and a WARC
	 * keeps it (body then holds it decoded). */
	struct scio_buf raw;
	struct scio_decode *dec;
	int keep_raw, coding_seen;
	char *coding_error;	/* why the body could not be decoded */
	/* with a WARC: the redirects followed, not yet written to it */
	struct scio_http_hop *hops;
	size_t nhops;
	char *req_url;		/* what the request in req was sent for */
	char *req_ip;		/* and the address it went to */
	long long max_bytes;
	int too_big;
	char err[CURL_ERROR_SIZE];
	struct scio_http_job *next;
};

/* An outcome waiting for scio_http_next. */
struct scio_http_done {
	struct scio_http_resp *r;
	struct scio_http_done *next;
};

struct scio_http {
	struct scio_http_opts o;
	CURLM *multi;
	/* the hosts with jobs in their heap */
	struct scio_http_host **qhosts;
	size_t nqhosts, capqhosts;
	struct scio_http_job *later;	/* retries waiting for their time */
	unsigned long nqueued;		/* jobs in heaps and in later */
	unsigned long robots_busy;	/* robots.txt jobs queued or running */
	int exhausted;			/* --max-total reached and all in */
	struct scio_http_job *running;	/* transfers in flight */
	unsigned long active;
	unsigned long long seq;
	struct scio_http_done *done, *done_tail;
	unsigned long pending;
	struct scio_strmap hosts;
	struct scio_http_stats st;
	double started;
};

/* http_queue.c */

/* Queues j: in its host's heap, or apart until j->not_before. */
void scio_http_enqueue(struct scio_http *h, struct scio_http_job *j);

/* Starts what may start now; returns the seconds until a waiting job may
 * become startable by time alone, or -1. */
double scio_http_start_eligible(struct scio_http *h);

/* Whether --max-total is spent. */
int scio_http_budget_spent(const struct scio_http *h);

/* Queues j again for target (a new string, taken over), the Location of
 * a redirect: with target's host, behind that host's robots.txt. */
void scio_http_redirect(struct scio_http *h, struct scio_http_job *j,
    char *target);

/* Frees the hosts and the jobs still waiting in their heaps or apart. */
void scio_http_queue_free(struct scio_http *h);

/* A number in [0, 1), for jitter. */
double scio_http_uniform(void);

/* http_job.c */

/* Sets up j's transfer and hands it to the multi handle. */
void scio_http_start(struct scio_http *h, struct scio_http_job *j);

/* The URL j asks for now: its target after a redirect, else its url. */
const char *scio_http_job_url(const struct scio_http_job *j);

/* Where the response j's transfer got sends a page (a 3xx but 304 with
 * a Location, resolved; valid until j's handle goes), or NULL. */
const char *scio_http_location(const struct scio_http_job *j);

/* Keeps the exchange j's transfer just made (a redirect) for the WARC,
 * when there is one, with the head alone (the body is dropped). */
void scio_http_keep_hop(struct scio_http_job *j);

/* Appends the exchanges of j's transfer (redirects first) to the WARC,
 * when there is one. */
void scio_http_archive(struct scio_http *h, struct scio_http_job *j);

/* Appends the redirects j followed, and not yet written, to the WARC,
 * when there is one: j ends without a transfer of its own. */
void scio_http_archive_hops(struct scio_http *h, struct scio_http_job *j);

/* Frees a job: one that never finished (a stopped run), or what is left
 * of one whose outcome took its URL and body. */
void scio_http_job_free(struct scio_http_job *j);

/* The value of the last response's header name, a new string, or NULL. */
char *scio_http_header(CURL *e, const char *name);

/* A new string, printf-formatted. */
char *scio_http_msg(const char *fmt, ...) SCIO_PRINTF(1, 2);

/* Seconds as whole milliseconds, rounded up; 0 for none. */
long scio_http_ms(double secs);

/* Ends j: its outcome goes to those waiting for scio_http_next (error, a
 * new string or NULL, says why it failed), or its host's robots.txt
 * rules are known; j is freed. */
void scio_http_finish(struct scio_http *h, struct scio_http_job *j,
    char *error);

#endif
