/* http_queue.c: the jobs waiting to start.  Jobs wait in one heap per
 * host, ordered by priority; a job starts when a transfer slot is free,
 * its host has a free slot and its host's delay has passed, the first by
 * priority among the hosts that may start one.  A job retried later waits
 * apart until its time.  Queueing a job costs O(log n), and starting one
 * O(hosts + log n), so a page that links to thousands of pages costs no
 * more than their number says. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/clock.h"
#include "scio/base/url.h"
#include "scio/fetch/http_impl.h"

static struct scio_http_host *
host_of(struct scio_http *h, const char *url)
{
	char *origin = scio_url_origin(url);
	struct scio_http_host *ho = scio_strmap_get(&h->hosts, origin);

	if (ho == NULL) {
		ho = scio_calloc(1, sizeof(*ho));
		scio_strmap_put(&h->hosts, origin, ho);
	}
	free(origin);
	return ho;
}

static int
before(const struct scio_http_job *a, const struct scio_http_job *b)
{
	/* a host's robots.txt goes before its pages, whatever they ask */
	if (a->robots != b->robots)
		return a->robots;
	return a->prio < b->prio || (a->prio == b->prio && a->seq < b->seq);
}

/* Puts j into its host's heap, and the host among the queued ones. */
static void
heap_push(struct scio_http *h, struct scio_http_job *j)
{
	struct scio_http_host *ho = j->host;
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
static struct scio_http_job *
heap_pop(struct scio_http *h, struct scio_http_host *ho)
{
	struct scio_http_job *top = ho->heap[0], *last = ho->heap[--ho->n];
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

void
scio_http_enqueue(struct scio_http *h, struct scio_http_job *j)
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
 * for it (scio_http_start_eligible); it is not one of the URLs added. */
static void
ask_robots(struct scio_http *h, struct scio_http_host *ho, const char *url)
{
	struct scio_http_job *j = scio_calloc(1, sizeof(*j));
	const char *etag, *lm;

	j->url = scio_robots_url(h->o.robots, url, &etag, &lm);
	j->etag = etag ? scio_strdup(etag) : NULL;
	j->last_modified = lm ? scio_strdup(lm) : NULL;
	j->robots = 1;
	j->seq = h->seq++;
	j->host = ho;
	ho->robots = 1;
	h->robots_busy++;
	scio_http_enqueue(h, j);
}

void
scio_http_add(struct scio_http *h, const char *url, const char *etag,
    const char *last_modified, unsigned long long prio, void *data)
{
	struct scio_http_job *j = scio_calloc(1, sizeof(*j));
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
	scio_http_enqueue(h, j);
	h->pending++;
}

unsigned long
scio_http_pending(const struct scio_http *h)
{
	return h->pending;
}

double
scio_http_uniform(void)
{
	return (double)rand() / ((double)RAND_MAX + 1.0);
}

int
scio_http_stopped(const struct scio_http *h)
{
	return h->exhausted || (h->o.stop != NULL && *h->o.stop != 0);
}

/* The pause before the next request to a host: --wait (randomised when
 * asked), never less than its robots.txt's Crawl-delay; none for local
 * files. */
static double
host_delay(const struct scio_http *h, const struct scio_http_job *j)
{
	double d = 0;

	if (j->is_file)
		return 0;
	if (h->o.wait > 0)
		d = h->o.random_wait ? h->o.wait * (0.5 + scio_http_uniform()) :
		    h->o.wait;
	return d > j->host->crawl_delay ? d : j->host->crawl_delay;
}

/* Fails j without a request: its host's robots.txt refuses it. */
static int
refused(struct scio_http *h, struct scio_http_job *j)
{
	char *why = NULL;

	if (j->robots || j->host->robots != 2 ||
	    scio_robots_allows_url(j->host->rules, scio_http_job_url(j), &why))
		return 0;
	h->st.disallowed++;
	if (j->target != NULL) {
		char *w = scio_http_msg("%s (redirected to '%s')", why, j->target);

		free(why);
		why = w;
		/* the redirects were asked for and answered */
		scio_http_archive_hops(h, j);
	}
	scio_http_finish(h, j, why);
	return 1;
}

int
scio_http_budget_spent(const struct scio_http *h)
{
	return h->o.max_total > 0 && h->st.bytes >= (unsigned long long)h->o.max_total;
}

static void
sooner(double *wake, double until)
{
	if (*wake < 0 || until < *wake)
		*wake = until;
}

double
scio_http_start_eligible(struct scio_http *h)
{
	double t = scio_now(), wake = -1;
	struct scio_http_job **pp = &h->later;

	/* retries whose time has come join their host's heap */
	while (*pp != NULL) {
		struct scio_http_job *j = *pp;

		if (j->not_before > t) {
			sooner(&wake, j->not_before - t);
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		j->next = NULL;
		heap_push(h, j);
	}
	if (scio_http_budget_spent(h))
		return wake;
	while (h->active < (unsigned long)h->o.jobs && !scio_http_stopped(h)) {
		struct scio_http_host *best = NULL;
		struct scio_http_job *j;

		for (size_t i = 0; i < h->nqhosts; i++) {
			struct scio_http_host *ho = h->qhosts[i];

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
		scio_http_start(h, j);
	}
	return wake;
}


void
scio_http_redirect(struct scio_http *h, struct scio_http_job *j, char *target)
{
	free(j->target);
	j->target = target;
	j->host = host_of(h, target);
	if (h->o.robots != NULL && j->host->robots == 0)
		ask_robots(h, j->host, target);
	j->not_before = 0;
	scio_http_enqueue(h, j);
}

void
scio_http_queue_free(struct scio_http *h)
{
	while (h->later != NULL) {
		struct scio_http_job *j = h->later;

		h->later = j->next;
		scio_http_job_free(j);
	}
	for (size_t i = 0; i < h->hosts.cap; i++)
		if (h->hosts.keys[i] != NULL) {
			struct scio_http_host *ho = h->hosts.vals[i];

			for (size_t k = 0; k < ho->n; k++)
				scio_http_job_free(ho->heap[k]);
			free(ho->heap);
			free(ho);
		}
	free(h->qhosts);
	scio_strmap_free(&h->hosts);
}
