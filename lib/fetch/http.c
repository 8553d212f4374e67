/* http.c: the libcurl multi loop behind scio-fetch: transfers run until
 * one URL is finished, and each finished transfer is settled: delivered,
 * retried later with backoff, or failed for good.  The queue is
 * http_queue.c's, a transfer's set-up and callbacks http_job.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/diag.h"
#include "scio/base/url.h"
#include "scio/fetch/decode.h"
#include "scio/fetch/http.h"
#include "scio/fetch/http_impl.h"

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

/* libcurl's words for a failed transfer, lower case first letter. */
static char *
curl_words(const struct scio_http_job *j, CURLcode rc)
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

/* A page's redirect, followed here rather than by libcurl so that the
 * host it leads to is asked for its robots.txt first and keeps its own
 * delay: the exchange is kept for the WARC and j queued again for the
 * Location.  0 when the response is no redirect to follow. */
static int
follow(struct scio_http *h, struct scio_http_job *j)
{
	const char *loc = scio_http_location(j);
	char *scheme, *target;
	int web;

	if (loc == NULL)
		return 0;
	if (j->redirects >= h->o.max_redirs) {
		scio_http_finish(h, j, scio_http_msg("more than %ld redirects",
		    h->o.max_redirs));
		return 1;
	}
	scheme = scio_url_scheme(loc);
	web = scheme != NULL && (strcmp(scheme, "http") == 0 ||
	    strcmp(scheme, "https") == 0);
	free(scheme);
	if (!web) {
		scio_http_finish(h, j, scio_http_msg("redirect to '%s' refused: "
		    "only http and https are followed", loc));
		return 1;
	}
	scio_http_keep_hop(j);
	j->redirects++;
	target = scio_strdup(loc);
	curl_easy_cleanup(j->easy);
	j->easy = NULL;
	scio_http_redirect(h, j, target);
	return 1;
}

/* Decides what a finished transfer means: delivered, redirected,
 * retried later, or failed for good. */
static void
settle(struct scio_http *h, struct scio_http_job *j, CURLcode rc)
{
	long code = 0;
	curl_off_t ra = -1;
	char *why = NULL, *target = NULL;
	int retry = 0;
	double delay;

	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(j->easy, CURLINFO_RETRY_AFTER, &ra);
	h->st.bytes += j->body.len;
	if (rc == CURLE_OK && follow(h, j))
		return;
	if (j->robots && j->too_big)
		rc = CURLE_OK;	/* read as far as RFC 9309 asks */
	/* A body that cannot be decoded is a transient failure, as libcurl's
	 * own decoding made it: a cut-off or garbled transfer. */
	if (rc == CURLE_OK && j->dec != NULL && scio_decode_end(j->dec) != 0) {
		free(j->coding_error);
		j->coding_error = scio_http_msg("bad compressed body: %s",
		    scio_decode_error(j->dec));
	}
	if (j->coding_error != NULL && !j->too_big) {
		snprintf(j->err, sizeof(j->err), "%s", j->coding_error);
		rc = CURLE_BAD_CONTENT_ENCODING;
	}
	if (rc == CURLE_OK)
		scio_http_archive(h, j);
	if (rc == CURLE_OK) {
		if ((code >= 200 && code < 300) || code == 304 ||
		    (code == 0 && j->is_file)) {
			scio_http_finish(h, j, NULL);
			return;
		}
		retry = code == 408 || code == 429 || code >= 500;
		/* a robots.txt that is not there allows everything */
		if (j->robots && code >= 400 && !retry) {
			scio_http_finish(h, j, NULL);
			return;
		}
		if (code >= 300 && code < 400)
			why = scio_http_msg("HTTP %ld without a usable Location",
			    code);
		else
			why = scio_http_msg("HTTP %ld", code);
	} else if (j->too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		why = scio_http_msg("body larger than --max-bytes (%lld bytes)",
		    h->o.max_bytes);
	} else if (rc == CURLE_TOO_MANY_REDIRECTS) {
		why = scio_http_msg("more than %ld redirects", j->robots ?
		    (long)SCIO_ROBOTS_MAX_REDIRS : h->o.max_redirs);
	} else if (rc == CURLE_UNSUPPORTED_PROTOCOL &&
	    curl_easy_getinfo(j->easy, CURLINFO_EFFECTIVE_URL, &target) == CURLE_OK &&
	    target != NULL && strcmp(target, j->url) != 0) {
		why = scio_http_msg("redirect to '%s' refused: only http and "
		    "https are followed", target);
	} else {
		why = curl_words(j, rc);
		retry = transient(h, rc);
	}
	if (!retry || j->attempt >= h->o.retries) {
		if (retry && j->attempt > 0) {
			char *w = scio_http_msg("%s (gave up after %ld %s)",
			    why, j->attempt + 1, "tries");
			free(why);
			why = w;
		}
		scio_http_finish(h, j, why);
		return;
	}
	if (ra > 0) {
		delay = (double)ra;
		if (delay > h->o.max_retry_delay) {
			char *w = scio_http_msg("%s and Retry-After %lld s is "
			    "more than --max-retry-delay", why, (long long)ra);
			free(why);
			scio_http_finish(h, j, w);
			return;
		}
	} else {
		delay = h->o.retry_delay;
		for (long i = 0; i < j->attempt && delay < h->o.max_retry_delay; i++)
			delay *= 2;
		if (delay > h->o.max_retry_delay)
			delay = h->o.max_retry_delay;
		delay *= 0.5 + 0.5 * scio_http_uniform();
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
	scio_http_enqueue(h, j);
}

static void
unlink_running(struct scio_http *h, struct scio_http_job *j)
{
	struct scio_http_job **pp = &h->running;

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
		struct scio_http_job *j = NULL;
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
	int fresh = 0;	/* what h->done holds came in during this call */

	for (;;) {
		double wake;
		int running;
		long tmo;

		if (h->done != NULL) {
			struct scio_http_done *d = h->done;
			struct scio_http_resp *r;

			/* The caller has worked on the response handed back
			 * last, and added what it asked for (a conference's
			 * next pages come before the next conference): refill
			 * the slots it freed now, and send those requests,
			 * before handing back the next, so that they do not
			 * stand empty while the caller works through all that
			 * came in at once.  Not before the first of them. */
			if (!fresh) {
				scio_http_start_eligible(h);
				curl_multi_perform(h->multi, &running);
				d = h->done;
			}
			r = d->r;
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
		if (scio_http_budget_spent(h) && h->active == 0) {
			scio_warn("%llu bytes fetched in this run (--max-total): "
			    "%lu pages not yet fetched are left for the next run",
			    h->st.bytes, h->nqueued);
			scio_set_status(SCIO_EXIT_NONE);
			h->exhausted = 1;
			return NULL;
		}
		scio_http_start_eligible(h);
		curl_multi_perform(h->multi, &running);
		reap(h);
		if (h->done != NULL) {
			fresh = 1;
			continue;
		}
		/* Retries queued by reap may be due soon: wake for them. */
		wake = scio_http_start_eligible(h);
		if (h->done != NULL)	/* refused by robots.txt just now */
			continue;
		tmo = wake < 0 ? 1000 : scio_http_ms(wake);
		if (tmo > 1000)
			tmo = 1000;
		if (h->o.on_tick != NULL)
			h->o.on_tick(h->o.notify_arg, h);
		curl_multi_poll(h->multi, NULL, 0, (int)tmo, NULL);
	}
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
		struct scio_http_done *d = h->done;

		h->done = d->next;
		scio_http_resp_free(d->r);
		free(d);
	}
	while (h->running != NULL) {
		struct scio_http_job *j = h->running;

		h->running = j->next;
		curl_multi_remove_handle(h->multi, j->easy);
		scio_http_job_free(j);
	}
	scio_http_queue_free(h);
	curl_multi_cleanup(h->multi);
	curl_global_cleanup();
	free(h);
}
