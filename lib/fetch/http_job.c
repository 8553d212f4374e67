/* http_job.c: one transfer of a job: its libcurl handle set up (limits,
 * conditional and contact headers, protocols), and what comes back taken
 * in: the body (decoded here, kept as sent for the WARC), the last
 * response's head and, with a WARC, the redirects followed on the way;
 * and the job's end, its outcome handed on. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/fetch/decode.h"
#include "scio/fetch/http_impl.h"

/* libcurl hands over the body as sent (its content decoding is off): an
 * encoded one is decoded here, and kept as sent too for the WARC. */
static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct scio_http_job *j = arg;
	size_t len = size * n, max = j->max_bytes > 0 ? (size_t)j->max_bytes : 0;
	int rc;

	if (j->drop_body)
		return len;

	if (!j->coding_seen) {
		char *coding;
		int known;

		j->coding_seen = 1;
		/* a redirect's body is dropped, as libcurl would */
		j->drop_body = scio_http_location(j) != NULL;
		if (j->drop_body)
			return len;
		coding = scio_http_header(j->easy, "Content-Encoding");
		j->dec = scio_decode_new(coding, &known);
		if (!known)
			j->coding_error = scio_http_msg("unknown "
			    "Content-Encoding '%s'", coding);
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
		j->coding_error = scio_http_msg("bad compressed body: %s",
		    scio_decode_error(j->dec));
	return rc == SCIO_DECODE_OK ? len : 0;
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct scio_http_job *j = arg;
	size_t len = size * n;

	/* Each response (one per redirect) starts with its status line;
	 * only the last one's head is kept. */
	if (len >= 5 && memcmp(p, "HTTP/", 5) == 0)
		scio_buf_reset(&j->head);
	scio_buf_add(&j->head, p, len);
	return len;
}

/* Drops the redirects kept for the WARC. */
static void
hops_drop(struct scio_http_job *j)
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
}

static void
hops_free(struct scio_http_job *j)
{
	hops_drop(j);
	free(j->req_url);
	j->req_url = NULL;
	free(j->req_ip);
	j->req_ip = NULL;
}

void
scio_http_keep_hop(struct scio_http_job *j)
{
	struct scio_http_hop *hp;

	if (j->head.len == 0 || j->req.len == 0)
		return;
	j->hops = scio_reallocarray(j->hops, j->nhops + 1, sizeof(*j->hops));
	hp = &j->hops[j->nhops++];
	hp->url = j->req_url ? j->req_url : scio_strdup(scio_http_job_url(j));
	hp->ip = j->req_ip;
	j->req_ip = NULL;
	hp->reqlen = j->req.len;
	hp->req = scio_buf_take(&j->req);
	hp->headlen = j->head.len;
	hp->head = scio_buf_take(&j->head);
	j->req_url = NULL;
}

/* A request going out after a response came in: that exchange was a
 * redirect (libcurl follows those of a robots.txt), kept for the WARC. */
static int
on_debug(CURL *easy, curl_infotype type, char *p, size_t n, void *arg)
{
	struct scio_http_job *j = arg;
	char *u = NULL;

	if (type != CURLINFO_HEADER_OUT)
		return 0;
	if (n >= 4 && memcmp(p, "GET ", 4) == 0) {
		scio_http_keep_hop(j);
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

long
scio_http_ms(double secs)
{
	return secs > 0 ? (long)(secs * 1000 + 0.999) : 0;
}

void
scio_http_start(struct scio_http *h, struct scio_http_job *j)
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
	j->drop_body = 0;
	free(j->coding_error);
	j->coding_error = NULL;
	j->keep_raw = h->o.warc != NULL;
	/* the redirects followed so far stay, for the WARC */
	if (j->redirects == 0)
		hops_free(j);
	curl_easy_setopt(e, CURLOPT_URL, scio_http_job_url(j));
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
	/* file:// only for a URL the user gave; redirects only to the web,
	 * a page's followed by http.c (a robots.txt's by libcurl). */
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR,
	    j->is_file ? "file" : "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, j->robots ? 1L : 0L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, j->robots ?
	    (long)SCIO_ROBOTS_MAX_REDIRS : h->o.max_redirs);
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->o.user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    scio_http_ms(h->o.connect_timeout));
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, scio_http_ms(h->o.timeout));
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

const char *
scio_http_job_url(const struct scio_http_job *j)
{
	return j->target != NULL ? j->target : j->url;
}

const char *
scio_http_location(const struct scio_http_job *j)
{
	long code = 0;
	char *loc = NULL;

	if (j->robots || j->easy == NULL)
		return NULL;
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	if (code < 300 || code >= 400 || code == 304)
		return NULL;
	if (curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &loc) != CURLE_OK)
		return NULL;
	return loc;
}

char *
scio_http_header(CURL *e, const char *name)
{
	struct curl_header *hd;

	if (curl_easy_header(e, name, 0, CURLH_HEADER, -1, &hd) != CURLHE_OK)
		return NULL;
	return scio_strdup(hd->value);
}

/* Frees a job: one that never finished (a stopped run), or what is
 * left of one whose outcome took its URL and body. */
void
scio_http_job_free(struct scio_http_job *j)
{
	if (j->easy != NULL)
		curl_easy_cleanup(j->easy);
	curl_slist_free_all(j->hdrs);
	free(j->url);
	free(j->target);
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

char *
scio_http_msg(const char *fmt, ...)
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

/* Writes the redirects kept to the WARC and drops them: a retry of the
 * last request (its target) must not write them again. */
static void
archive_hops(struct scio_http *h, struct scio_http_job *j, const char *stamp)
{
	for (size_t i = 0; i < j->nhops; i++)
		scio_warc_exchange(h->o.warc, j->hops[i].url, j->hops[i].ip,
		    stamp, j->hops[i].req, j->hops[i].reqlen, j->hops[i].head,
		    j->hops[i].headlen, "", 0);
	hops_drop(j);
}

void
scio_http_archive_hops(struct scio_http *h, struct scio_http_job *j)
{
	char stamp[SCIO_UTC_SIZE];

	if (h->o.warc == NULL || j->nhops == 0)
		return;
	scio_utc_now(stamp);
	archive_hops(h, j, stamp);
}

void
scio_http_archive(struct scio_http *h, struct scio_http_job *j)
{
	char stamp[SCIO_UTC_SIZE], *u = NULL, *ip = NULL;

	if (h->o.warc == NULL || j->head.len == 0)
		return;
	scio_utc_now(stamp);
	archive_hops(h, j, stamp);
	curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &u);
	curl_easy_getinfo(j->easy, CURLINFO_PRIMARY_IP, &ip);
	/* The body as sent: raw when it was decoded here. */
	scio_warc_exchange(h->o.warc, u ? u : j->url, ip && *ip ? ip : NULL,
	    stamp, j->req.s, j->req.len, j->head.s, j->head.len,
	    j->dec ? scio_buf_str(&j->raw) : scio_buf_str(&j->body),
	    j->dec ? j->raw.len : j->body.len);
}

/* A host's robots.txt is in (or failed for good): its rules from now
 * on, its Crawl-delay counted from the robots.txt request itself. */
static void
robots_known(struct scio_http *h, struct scio_http_job *j, char *error)
{
	struct scio_http_host *ho = j->host;
	char *etag = NULL, *lm = NULL, stamp[SCIO_UTC_SIZE];
	long code = 0;

	h->robots_busy--;
	if (j->easy != NULL) {
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
		etag = scio_http_header(j->easy, "ETag");
		lm = scio_http_header(j->easy, "Last-Modified");
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
	scio_http_job_free(j);
}

void
scio_http_finish(struct scio_http *h, struct scio_http_job *j, char *error)
{
	struct scio_http_resp *r;
	struct scio_http_done *d;
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
		r->etag = scio_http_header(j->easy, "ETag");
		r->last_modified = scio_http_header(j->easy, "Last-Modified");
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
	scio_http_job_free(j);
}
