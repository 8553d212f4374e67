/* http.c: the libcurl multi loop behind scio-fetch.  Jobs wait in one
 * heap per host, ordered by priority; a job starts when a transfer slot is
 * free, its host has a free slot and its host's delay has passed, the
 * first by priority among the hosts that may start one.  A job retried
 * later waits apart until its time.  Queueing a job costs O(log n), and
 * starting one O(hosts + log n), so a page that links to thousands of
 * pages costs no more than their number says. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/fetch/decode.h"
#include "scio/fetch/http.h"
#include "scio/base/strmap.h"
#include "scio/base/url.h"

struct job;

struct host {
	long active;
	double next_ok;		/* no request starts before this */
	double last_start;	/* when the last request started */
	int robots;		/* 0 not asked, 1 asked, 2 rules known */
	const struct scio_robots_rules *rules;	/* owned by o.robots */
	double crawl_delay;	/* the rules' Crawl-delay, or 0 */
	struct job **heap;	/* waiting jobs, by (prio, seq) */
	size_t n, cap;
	size_t at;		/* index in scio_http's queued hosts, if n > 0 */
};

/* A redirect libcurl followed: its request and response head, for the
 * WARC (libcurl does not keep the body of a redirect). */
struct hop {
	char *url, *ip, *req, *head;
	size_t reqlen, headlen;
};

struct job {
	char *url, *etag, *last_modified;
	unsigned long long prio, seq;
	void *data;
	struct host *host;
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
	struct hop *hops;	/* with a WARC: the redirects followed */
	size_t nhops;
	char *req_url;		/* what the request in req was sent for */
	char *req_ip;		/* and the address it went to */
	long long max_bytes;
	int too_big;
	char err[CURL_ERROR_SIZE];
	struct job *next;
};

struct done {
	struct scio_http_resp *r;
	struct done *next;
};

struct scio_http {
	struct scio_http_opts o;
	CURLM *multi;
	struct host **qhosts;		/* the hosts with jobs in their heap */
	size_t nqhosts, capqhosts;
	struct job *later;		/* retries waiting for their time */
	unsigned long nqueued;		/* jobs in heaps and in later */
	unsigned long robots_busy;	/* robots.txt jobs queued or running */
	int exhausted;			/* --max-total reached and all in */
	struct job *running;		/* transfers in flight */
	unsigned long active;
	unsigned long long seq;
	struct done *done, *done_tail;
	unsigned long pending;
	struct scio_strmap hosts;
	struct scio_http_stats st;
	double started;
};

static double
uniform(void)
{
	return (double)rand() / ((double)RAND_MAX + 1.0);
}

struct scio_http *
scio_http_new(const struct scio_http_opts *o)
{
	struct scio_http *h = scio_calloc(1, sizeof(*h));

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		scio_die(SCIO_EXIT_ERROR, "cannot initialise libcurl");
	h->o = *o;
	h->multi = curl_multi_init();
	if (h->multi == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot initialise libcurl");
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	h->started = scio_now();
	return h;
}

static struct host *
host_of(struct scio_http *h, const char *url)
{
	char *origin = scio_url_origin(url);
	struct host *ho = scio_strmap_get(&h->hosts, origin);

	if (ho == NULL) {
		ho = scio_calloc(1, sizeof(*ho));
		scio_strmap_put(&h->hosts, origin, ho);
	}
	free(origin);
	return ho;
}

static int
before(const struct job *a, const struct job *b)
{
	/* a host's robots.txt goes before its pages, whatever they ask */
	if (a->robots != b->robots)
		return a->robots;
	return a->prio < b->prio || (a->prio == b->prio && a->seq < b->seq);
}

/* Puts j into its host's heap, and the host among the queued ones. */
static void
heap_push(struct scio_http *h, struct job *j)
{
	struct host *ho = j->host;
	size_t i;

	if (ho->n == 0) {
		if (h->nqhosts == h->capqhosts) {
			h->capqhosts = h->capqhosts ? h->capqhosts * 2 : 8;
			h->qhosts = scio_reallocarray(h->qhosts, h->capqhosts,
			    sizeof(*h->qhosts));
		}
		ho->at = h->nqhosts;
		h->qhosts[h->nqhosts++] = ho;
	}
	if (ho->n == ho->cap) {
		ho->cap = ho->cap ? ho->cap * 2 : 16;
		ho->heap = scio_reallocarray(ho->heap, ho->cap, sizeof(*ho->heap));
	}
	for (i = ho->n++; i > 0 && before(j, ho->heap[(i - 1) / 2]); i = (i - 1) / 2)
		ho->heap[i] = ho->heap[(i - 1) / 2];
	ho->heap[i] = j;
}

/* Takes the first job out of ho's heap. */
static struct job *
heap_pop(struct scio_http *h, struct host *ho)
{
	struct job *top = ho->heap[0], *last = ho->heap[--ho->n];
	size_t i = 0;

	for (;;) {
		size_t k = 2 * i + 1;

		if (k >= ho->n)
			break;
		if (k + 1 < ho->n && before(ho->heap[k + 1], ho->heap[k]))
			k++;
		if (!before(ho->heap[k], last))
			break;
		ho->heap[i] = ho->heap[k];
		i = k;
	}
	if (ho->n > 0)
		ho->heap[i] = last;
	if (ho->n == 0) {
		h->qhosts[ho->at] = h->qhosts[--h->nqhosts];
		h->qhosts[ho->at]->at = ho->at;
	}
	return top;
}

static void
enqueue(struct scio_http *h, struct job *j)
{
	h->nqueued++;
	if (j->not_before > 0) {
		j->next = h->later;
		h->later = j;
		return;
	}
	j->next = NULL;
	heap_push(h, j);
}

/* Queues the robots.txt of url's host ahead of its pages, which wait
 * for it (start_eligible); it is not one of the URLs added. */
static void
ask_robots(struct scio_http *h, struct host *ho, const char *url)
{
	struct job *j = scio_calloc(1, sizeof(*j));
	const char *etag, *lm;

	j->url = scio_robots_url(h->o.robots, url, &etag, &lm);
	j->etag = etag ? scio_strdup(etag) : NULL;
	j->last_modified = lm ? scio_strdup(lm) : NULL;
	j->robots = 1;
	j->seq = h->seq++;
	j->host = ho;
	ho->robots = 1;
	h->robots_busy++;
	enqueue(h, j);
}

void
scio_http_add(struct scio_http *h, const char *url, const char *etag,
    const char *last_modified, unsigned long long prio, void *data)
{
	struct job *j = scio_calloc(1, sizeof(*j));
	char *scheme = scio_url_scheme(url);

	j->url = scio_strdup(url);
	j->etag = etag ? scio_strdup(etag) : NULL;
	j->last_modified = last_modified ? scio_strdup(last_modified) : NULL;
	j->prio = prio;
	j->seq = h->seq++;
	j->data = data;
	j->host = host_of(h, url);
	j->is_file = scheme != NULL && strcmp(scheme, "file") == 0;
	free(scheme);
	if (h->o.robots != NULL && !j->is_file && j->host->robots == 0)
		ask_robots(h, j->host, url);
	enqueue(h, j);
	h->pending++;
}

unsigned long
scio_http_pending(const struct scio_http *h)
{
	return h->pending;
}

static char *header_value(CURL *e, const char *name);
static char *msg(const char *fmt, ...) SCIO_PRINTF(1, 2);

/* libcurl hands over the body as sent (its content decoding is off): an
 * encoded one is decoded here, and kept as sent too for the WARC. */
static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n, max = j->max_bytes > 0 ? (size_t)j->max_bytes : 0;
	int rc;

	if (!j->coding_seen) {
		char *coding = header_value(j->easy, "Content-Encoding");
		int known;

		j->coding_seen = 1;
		j->dec = scio_decode_new(coding, &known);
		if (!known)
			j->coding_error = msg("unknown Content-Encoding '%s'", coding);
		free(coding);
		if (!known)
			return 0;	/* libcurl stops: CURLE_WRITE_ERROR */
	}
	if (j->dec == NULL) {
		if (max > 0 && j->body.len + len > max) {
			/* a robots.txt is read up to the limit, the rest ignored */
			if (j->robots)
				scio_buf_add(&j->body, p, max - j->body.len);
			j->too_big = 1;
			return 0;
		}
		scio_buf_add(&j->body, p, len);
		return len;
	}
	if (max > 0 && j->raw.len + len > max) {
		j->too_big = 1;
		return 0;
	}
	if (j->keep_raw)
		scio_buf_add(&j->raw, p, len);
	rc = scio_decode_feed(j->dec, p, len, &j->body, max);
	if (rc == SCIO_DECODE_BIG)
		j->too_big = 1;
	else if (rc == SCIO_DECODE_BAD)
		j->coding_error = msg("bad compressed body: %s",
		    scio_decode_error(j->dec));
	return rc == SCIO_DECODE_OK ? len : 0;
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n;

	/* Each response (one per redirect) starts with its status line;
	 * only the last one's head is kept. */
	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0)
		scio_buf_reset(&j->head);
	scio_buf_add(&j->head, p, len);
	return len;
}

static void
hops_free(struct job *j)
{
	for (size_t i = 0; i < j->nhops; i++) {
		free(j->hops[i].url);
		free(j->hops[i].ip);
		free(j->hops[i].req);
		free(j->hops[i].head);
	}
	free(j->hops);
	j->hops = NULL;
	j->nhops = 0;
	free(j->req_url);
	j->req_url = NULL;
	free(j->req_ip);
	j->req_ip = NULL;
}

/* A request going out after a response came in: that exchange was a
 * redirect, kept for the WARC. */
static int
on_debug(CURL *easy, curl_infotype type, char *p, size_t n, void *arg)
{
	struct job *j = arg;
	char *u = NULL;

	if (type != CURLINFO_HEADER_OUT)
		return 0;
	if (n >= 4 && memcmp(p, "GET ", 4) == 0) {
		if (j->head.len > 0 && j->req.len > 0) {
			struct hop *hp;

			j->hops = scio_reallocarray(j->hops, j->nhops + 1,
			    sizeof(*j->hops));
			hp = &j->hops[j->nhops++];
			hp->url = j->req_url ? j->req_url : scio_strdup(j->url);
			hp->ip = j->req_ip;
			j->req_ip = NULL;
			hp->reqlen = j->req.len;
			hp->req = scio_buf_take(&j->req);
			hp->headlen = j->head.len;
			hp->head = scio_buf_take(&j->head);
			j->req_url = NULL;
		}
		scio_buf_reset(&j->req);
		scio_buf_reset(&j->head);
		free(j->req_url);
		j->req_url = NULL;
		free(j->req_ip);
		j->req_ip = NULL;
		if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &u) == CURLE_OK && u)
			j->req_url = scio_strdup(u);
		u = NULL;
		if (curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &u) == CURLE_OK && u && *u)
			j->req_ip = scio_strdup(u);
	}
	scio_buf_add(&j->req, p, n);
	return 0;
}

static long
ms(double secs)
{
	return secs > 0 ? (long)(secs * 1000 + 0.999) : 0;
}

static void
start(struct scio_http *h, struct job *j)
{
	CURL *e = curl_easy_init();
	struct scio_buf hv = {0};

	if (e == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot initialise libcurl");
	j->easy = e;
	j->max_bytes = j->robots ? SCIO_ROBOTS_MAX_BYTES : h->o.max_bytes;
	j->too_big = 0;
	j->err[0] = '\0';
	scio_buf_reset(&j->body);
	scio_buf_reset(&j->head);
	scio_buf_reset(&j->req);
	scio_buf_reset(&j->raw);
	scio_decode_free(j->dec);
	j->dec = NULL;
	j->coding_seen = 0;
	free(j->coding_error);
	j->coding_error = NULL;
	j->keep_raw = h->o.warc != NULL;
	hops_free(j);
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->err);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	if (h->o.warc != NULL) {
		curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
		curl_easy_setopt(e, CURLOPT_DEBUGDATA, j);
		curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
	}
	/* file:// only for a URL the user gave; redirects only to the web. */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
	    j->is_file ? "file" : "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, j->robots ?
	    (long)SCIO_ROBOTS_MAX_REDIRS : h->o.max_redirs);
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->o.user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, ms(h->o.connect_timeout));
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, ms(h->o.timeout));
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, h->o.low_speed_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, h->o.low_speed_time);
	if (h->o.max_bytes > 0 && !j->robots)
		curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
		    (curl_off_t)h->o.max_bytes);
	curl_slist_free_all(j->hdrs);
	j->hdrs = NULL;
	if (h->o.from != NULL) {
		scio_buf_printf(&hv, "From: %s", h->o.from);
		j->hdrs = curl_slist_append(j->hdrs, hv.s);
		scio_buf_reset(&hv);
	}
	if (j->etag != NULL) {
		scio_buf_printf(&hv, "If-None-Match: %s", j->etag);
		j->hdrs = curl_slist_append(j->hdrs, hv.s);
		scio_buf_reset(&hv);
	}
	if (j->last_modified != NULL) {
		scio_buf_printf(&hv, "If-Modified-Since: %s", j->last_modified);
		j->hdrs = curl_slist_append(j->hdrs, hv.s);
	}
	scio_buf_free(&hv);
	if (j->hdrs != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->hdrs);
	if (curl_multi_add_handle(h->multi, e) != CURLM_OK)
		scio_die(SCIO_EXIT_ERROR, "cannot start a transfer");
	j->next = h->running;
	h->running = j;
	h->active++;
	j->host->active++;
}

/* The pause before the next request to a host: --wait (randomised when
 * asked), never less than its robots.txt's Crawl-delay; none for local
 * files. */
static double
host_delay(const struct scio_http *h, const struct job *j)
{
	double d = 0;

	if (j->is_file)
		return 0;
	if (h->o.wait > 0)
		d = h->o.random_wait ? h->o.wait * (0.5 + uniform()) : h->o.wait;
	return d > j->host->crawl_delay ? d : j->host->crawl_delay;
}

/* Fails j without a request: its host's robots.txt refuses it. */
static void finish(struct scio_http *h, struct job *j, char *error);

static int
refused(struct scio_http *h, struct job *j)
{
	char *why = NULL;

	if (j->robots || j->host->robots != 2 ||
	    scio_robots_allows_url(j->host->rules, j->url, &why))
		return 0;
	h->st.disallowed++;
	finish(h, j, why);
	return 1;
}

static int
budget_spent(const struct scio_http *h)
{
	return h->o.max_total > 0 && h->st.bytes >= (unsigned long long)h->o.max_total;
}

static void
sooner(double *wake, double until)
{
	if (*wake < 0 || until < *wake)
		*wake = until;
}

/* Starts what may start now; returns the seconds until a waiting job may
 * become startable by time alone, or -1. */
static double
start_eligible(struct scio_http *h)
{
	double t = scio_now(), wake = -1;
	struct job **pp = &h->later;

	/* retries whose time has come join their host's heap */
	while (*pp != NULL) {
		struct job *j = *pp;

		if (j->not_before > t) {
			sooner(&wake, j->not_before - t);
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		j->next = NULL;
		heap_push(h, j);
	}
	if (budget_spent(h))
		return wake;
	while (h->active < (unsigned long)h->o.jobs && !scio_http_stopped(h)) {
		struct host *best = NULL;
		struct job *j;

		for (size_t i = 0; i < h->nqhosts; i++) {
			struct host *ho = h->qhosts[i];

			if (ho->active >= h->o.per_host)
				continue;
			/* a page waits for its host's robots.txt */
			if (ho->robots == 1 && !ho->heap[0]->robots)
				continue;
			if (ho->next_ok > t) {
				sooner(&wake, ho->next_ok - t);
				continue;
			}
			if (best == NULL || before(ho->heap[0], best->heap[0]))
				best = ho;
		}
		if (best == NULL)
			break;
		j = heap_pop(h, best);
		h->nqueued--;
		/* then obeys it: a page it refuses fails without a request */
		if (refused(h, j))
			continue;
		best->next_ok = t + host_delay(h, j);
		best->last_start = t;
		start(h, j);
	}
	return wake;
}

static char *
header_value(CURL *e, const char *name)
{
	struct curl_header *hd;

	if (curl_easy_header(e, name, 0, CURLH_HEADER, -1, &hd) != CURLHE_OK)
		return NULL;
	return scio_strdup(hd->value);
}

static void robots_known(struct scio_http *h, struct job *j, char *error);
static void job_free(struct job *j);

static void
finish(struct scio_http *h, struct job *j, char *error)
{
	struct scio_http_resp *r;
	struct done *d;
	char *s = NULL, stamp[SCIO_UTC_SIZE];
	long code = 0;

	if (j->robots) {
		robots_known(h, j, error);
		return;
	}
	r = scio_calloc(1, sizeof(*r));
	d = scio_calloc(1, sizeof(*d));
	r->url = j->url;
	j->url = NULL;
	r->data = j->data;
	if (j->easy != NULL) {
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
		if (curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &s) ==
		    CURLE_OK && s)
			r->final_url = scio_strdup(s);
		s = NULL;
		if (curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &s) ==
		    CURLE_OK && s)
			r->content_type = scio_strdup(s);
		r->etag = header_value(j->easy, "ETag");
		r->last_modified = header_value(j->easy, "Last-Modified");
	}
	r->status = code;
	scio_utc_now(stamp);
	r->fetched_at = scio_strdup(stamp);
	if (error != NULL) {
		r->failed = 1;
		r->error = error;
		h->st.failed++;
	} else {
		r->body = j->body;
		memset(&j->body, 0, sizeof(j->body));
		h->st.done++;
		if (code == 304)
			h->st.unchanged++;
	}
	d->r = r;
	if (h->done_tail)
		h->done_tail->next = d;
	else
		h->done = d;
	h->done_tail = d;
	job_free(j);
}

/* Frees a job: one that never finished (a stopped run), or what is
 * left of one whose outcome took its URL and body. */
static void
job_free(struct job *j)
{
	if (j->easy != NULL)
		curl_easy_cleanup(j->easy);
	curl_slist_free_all(j->hdrs);
	free(j->url);
	free(j->etag);
	free(j->last_modified);
	scio_buf_free(&j->body);
	scio_buf_free(&j->head);
	scio_buf_free(&j->req);
	scio_buf_free(&j->raw);
	scio_decode_free(j->dec);
	free(j->coding_error);
	hops_free(j);
	free(j);
}

/* A host's robots.txt is in (or failed for good): its rules from now
 * on, its Crawl-delay counted from the robots.txt request itself. */
static void
robots_known(struct scio_http *h, struct job *j, char *error)
{
	struct host *ho = j->host;
	char *etag = NULL, *lm = NULL, stamp[SCIO_UTC_SIZE];
	long code = 0;

	h->robots_busy--;
	if (j->easy != NULL) {
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
		etag = header_value(j->easy, "ETag");
		lm = header_value(j->easy, "Last-Modified");
	}
	scio_utc_now(stamp);
	/* a server error is said by its status, not the retry count */
	ho->rules = scio_robots_settle(h->o.robots, j->url, code,
	    code >= 500 ? NULL : error, scio_buf_str(&j->body), j->body.len,
	    etag, lm, stamp);
	ho->robots = 2;
	ho->crawl_delay = scio_robots_crawl_delay(ho->rules);
	if (ho->next_ok < ho->last_start + ho->crawl_delay)
		ho->next_ok = ho->last_start + ho->crawl_delay;
	free(etag);
	free(lm);
	free(error);
	job_free(j);
}

/* Whether a failure may pass: a host that does not resolve or refuses
 * the connection will most likely do so again a second later, so those
 * are retried only when asked (--retry-unreachable). */
static int
transient(const struct scio_http *h, CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
		return h->o.retry_unreachable;
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
	case CURLE_GOT_NOTHING:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_BAD_CONTENT_ENCODING:
		return 1;
	default:
		return 0;
	}
}

static char *
msg(const char *fmt, ...)
{
	struct scio_buf b = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	scio_buf_grow(&b, n > 0 ? (size_t)n : 0);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return scio_buf_take(&b);
}

/* libcurl's words for a failed transfer, lower case first letter. */
static char *
curl_words(const struct job *j, CURLcode rc)
{
	const char *w = j->err[0] ? j->err : curl_easy_strerror(rc);
	char *s = scio_strdup(w);
	size_t n = strlen(s);

	if (n > 0 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
		s[0] = (char)(s[0] - 'A' + 'a');
	if (n > 0 && s[n - 1] == '.')
		s[n - 1] = '\0';
	return s;
}

static void
archive(struct scio_http *h, struct job *j)
{
	char stamp[SCIO_UTC_SIZE], *u = NULL, *ip = NULL;

	if (h->o.warc == NULL || j->head.len == 0)
		return;
	scio_utc_now(stamp);
	for (size_t i = 0; i < j->nhops; i++)
		scio_warc_exchange(h->o.warc, j->hops[i].url, j->hops[i].ip,
		    stamp, j->hops[i].req, j->hops[i].reqlen, j->hops[i].head,
		    j->hops[i].headlen, "", 0);
	curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &u);
	curl_easy_getinfo(j->easy, CURLINFO_PRIMARY_IP, &ip);
	/* The body as sent: raw when it was decoded here. */
	scio_warc_exchange(h->o.warc, u ? u : j->url, ip && *ip ? ip : NULL,
	    stamp, j->req.s, j->req.len, j->head.s, j->head.len,
	    j->dec ? scio_buf_str(&j->raw) : scio_buf_str(&j->body),
	    j->dec ? j->raw.len : j->body.len);
}

/* Decides what a finished transfer means: delivered, retried later, or
 * failed for good. */
static void
settle(struct scio_http *h, struct job *j, CURLcode rc)
{
	long code = 0;
	curl_off_t ra = -1;
	char *why = NULL, *target = NULL;
	int retry = 0;
	double delay;

	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(j->easy, CURLINFO_RETRY_AFTER, &ra);
	h->st.bytes += j->body.len;
	if (j->robots && j->too_big)
		rc = CURLE_OK;	/* read as far as RFC 9309 asks */
	/* A body that cannot be decoded is a transient failure, as libcurl's
	 * own decoding made it: a cut-off or garbled transfer. */
	if (rc == CURLE_OK && j->dec != NULL && scio_decode_end(j->dec) != 0) {
		free(j->coding_error);
		j->coding_error = msg("bad compressed body: %s",
		    scio_decode_error(j->dec));
	}
	if (j->coding_error != NULL && !j->too_big) {
		snprintf(j->err, sizeof(j->err), "%s", j->coding_error);
		rc = CURLE_BAD_CONTENT_ENCODING;
	}
	if (rc == CURLE_OK)
		archive(h, j);
	if (rc == CURLE_OK) {
		if ((code >= 200 && code < 300) || code == 304 ||
		    (code == 0 && j->is_file)) {
			finish(h, j, NULL);
			return;
		}
		retry = code == 408 || code == 429 || code >= 500;
		/* a robots.txt that is not there allows everything */
		if (j->robots && code >= 400 && !retry) {
			finish(h, j, NULL);
			return;
		}
		if (code >= 300 && code < 400)
			why = msg("HTTP %ld without a usable Location", code);
		else
			why = msg("HTTP %ld", code);
	} else if (j->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		why = msg("body larger than --max-bytes (%lld bytes)",
		    h->o.max_bytes);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		why = msg("more than %ld redirects", j->robots ?
		    (long)SCIO_ROBOTS_MAX_REDIRS : h->o.max_redirs);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL &&
	    curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &target) == CURLE_OK &&
	    target != NULL && strcmp(target, j->url) != 0) {
		why = msg("redirect to '%s' refused: only http and https are "
		    "followed", target);
	} else {
		why = curl_words(j, rc);
		retry = transient(h, rc);
	}
	if (!retry || j->attempt >= h->o.retries) {
		if (retry && j->attempt > 0) {
			char *w = msg("%s (gave up after %ld %s)", why, j->attempt + 1,
			    "tries");
			free(why);
			why = w;
		}
		finish(h, j, why);
		return;
	}
	if (ra > 0) {
		delay = (double)ra;
		if (delay > h->o.max_retry_delay) {
			char *w = msg("%s and Retry-After %lld s is more than "
			    "--max-retry-delay", why, (long long)ra);
			free(why);
			finish(h, j, w);
			return;
		}
	} else {
		delay = h->o.retry_delay;
		for (long i = 0; i < j->attempt && delay < h->o.max_retry_delay; i++)
			delay *= 2;
		if (delay > h->o.max_retry_delay)
			delay = h->o.max_retry_delay;
		delay *= 0.5 + 0.5 * uniform();
	}
	free(why);
	j->attempt++;
	h->st.retried++;
	j->not_before = scio_now() + delay;
	if (h->o.on_retry != NULL)
		h->o.on_retry(h->o.notify_arg, j->url, delay,
		    h->o.retries - j->attempt);
	/* A 429 is about the client, not the page: the whole host waits. */
	if (code == 429 && j->host->next_ok < j->not_before)
		j->host->next_ok = j->not_before;
	curl_easy_cleanup(j->easy);
	j->easy = NULL;
	enqueue(h, j);
}

static void
unlink_running(struct scio_http *h, struct job *j)
{
	struct job **pp = &h->running;

	while (*pp != NULL && *pp != j)
		pp = &(*pp)->next;
	/* every easy handle has its job: j is never NULL */
	if (*pp == j)
		*pp = j->next;	/* NOLINT(clang-analyzer-core.NullDereference) */
	j->next = NULL;
}

static void
reap(struct scio_http *h)
{
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
		struct job *j = NULL;
		CURLcode rc;

		if (m->msg != CURLMSG_DONE)
			continue;
		rc = m->data.result;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&j);
		curl_multi_remove_handle(h->multi, m->easy_handle);
		unlink_running(h, j);
		h->active--;
		j->host->active--;
		settle(h, j, rc);
	}
}

struct scio_http_resp *
scio_http_next(struct scio_http *h)
{
	for (;;) {
		double wake;
		int running;
		long tmo;

		if (h->done != NULL) {
			struct done *d = h->done;
			struct scio_http_resp *r = d->r;

			h->done = d->next;
			if (h->done == NULL)
				h->done_tail = NULL;
			free(d);
			h->pending--;
			return r;
		}
		if (h->nqueued == 0 && h->active == 0)
			return NULL;
		if (scio_http_stopped(h))
			return NULL;
		if (budget_spent(h) && h->active == 0) {
			scio_warn("%llu bytes fetched in this run (--max-total): "
			    "%lu pages not yet fetched are left for the next run",
			    h->st.bytes, h->nqueued);
			scio_set_status(SCIO_EXIT_NONE);
			h->exhausted = 1;
			return NULL;
		}
		start_eligible(h);
		curl_multi_perform(h->multi, &running);
		reap(h);
		if (h->done != NULL)
			continue;
		/* Retries queued by reap may be due soon: wake for them. */
		wake = start_eligible(h);
		if (h->done != NULL)	/* refused by robots.txt just now */
			continue;
		tmo = wake < 0 ? 1000 : ms(wake);
		if (tmo > 1000)
			tmo = 1000;
		if (h->o.on_tick != NULL)
			h->o.on_tick(h->o.notify_arg, h);
		curl_multi_poll(h->multi, NULL, 0, (int)tmo, NULL);
	}
}

int
scio_http_stopped(const struct scio_http *h)
{
	return h->exhausted || (h->o.stop != NULL && *h->o.stop != 0);
}

void
scio_http_resp_free(struct scio_http_resp *r)
{
	if (r == NULL)
		return;
	free(r->url);
	free(r->final_url);
	free(r->error);
	free(r->content_type);
	free(r->etag);
	free(r->last_modified);
	free(r->fetched_at);
	scio_buf_free(&r->body);
	free(r);
}

void
scio_http_stats(const struct scio_http *h, struct scio_http_stats *s)
{
	*s = h->st;
	s->elapsed = scio_now() - h->started;
	s->waiting = h->active + h->nqueued - h->robots_busy;
	s->url = h->running != NULL ? h->running->url : NULL;
}

void
scio_http_free(struct scio_http *h)
{
	if (h == NULL)
		return;
	/* What a stopped run leaves: finished, in flight and waiting. */
	while (h->done != NULL) {
		struct done *d = h->done;

		h->done = d->next;
		scio_http_resp_free(d->r);
		free(d);
	}
	while (h->running != NULL) {
		struct job *j = h->running;

		h->running = j->next;
		curl_multi_remove_handle(h->multi, j->easy);
		job_free(j);
	}
	while (h->later != NULL) {
		struct job *j = h->later;

		h->later = j->next;
		job_free(j);
	}
	for (size_t i = 0; i < h->hosts.cap; i++)
		if (h->hosts.keys[i] != NULL) {
			struct host *ho = h->hosts.vals[i];

			for (size_t k = 0; k < ho->n; k++)
				job_free(ho->heap[k]);
			free(ho->heap);
			free(ho);
		}
	free(h->qhosts);
	scio_strmap_free(&h->hosts);
	curl_multi_cleanup(h->multi);
	curl_global_cleanup();
	free(h);
}
