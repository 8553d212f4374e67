/* crawl.c: groups, page order and state marks for scio-fetch. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/charset.h"
#include "scio/fetch/crawl.h"
#include "scio/base/text.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/fetch/pager.h"
#include "scio/base/strmap.h"
#include "scio/record/pageid.h"

struct group;

/* One page of a group; the http job's data, so that its answer finds it
 * at once. */
struct slot {
	long page;
	char *url;
	struct scio_fetched *result;
	int cond;		/* asked conditionally */
	int again;		/* asked again unconditionally: all is written */
	struct group *group;
};

struct group {
	struct scio_pageid id;
	int paginated;		/* continuation pages are looked for */
	long limit;		/* highest page fetched, 0 for no limit */
	struct slot **slots;	/* by page number */
	size_t n, cap;
	size_t next_emit;
	size_t asked;		/* pages asked for and not yet answered */
	int told;		/* the --max-pages warning was given */
	int failed;		/* a page failed: none is delivered */
	unsigned long long idx;
	struct group *next;
};

struct scio_crawl {
	struct scio_crawl_opts o;
	struct scio_http *http;
	char **input;		/* URLs given, not yet made groups */
	size_t nin, capin, nextin;
	struct scio_strmap seen;	/* URLs asked for or given */
	struct scio_strmap forms;	/* page-id key: the URL given first */
	unsigned long queued;	/* pages asked for in this run */
	unsigned long dropped;	/* URLs given beyond --max-urls */
	int capped;		/* the --max-urls warning was given */
	int listing_told;	/* the --max-listing-pages warning was given */
	struct group *head, *tail;
	long ngroups;
	unsigned long long nextidx;
	struct scio_state_entry **pending;	/* done, not yet committed */
	size_t npending, cappending;
};

struct scio_crawl *
scio_crawl_new(struct scio_http *h, const struct scio_crawl_opts *o)
{
	struct scio_crawl *c = scio_calloc(1, sizeof(*c));

	c->o = *o;
	c->http = h;
	if (c->o.window < 1)
		c->o.window = 1;
	return c;
}

/* Whether url names a page given before in another form (desktop and
 * mobile, .htm and .html): then one notice (none with -q: it is no
 * error), and it is not fetched. */
static int
same_as_before(struct scio_crawl *c, const char *url)
{
	char *key = scio_state_page_key(url);
	const char *first;
	int dup = 0;

	if (key == NULL)
		return 0;
	if ((first = scio_strmap_get(&c->forms, key)) != NULL) {
		if (!c->o.quiet)
			scio_warn("'%s' is the same page as '%s', given "
			    "before: fetched once, in that form", url, first);
		dup = 1;
	} else {
		scio_strmap_put(&c->forms, key, scio_strdup(url));
	}
	free(key);
	return dup;
}

void
scio_crawl_add(struct scio_crawl *c, const char *url)
{
	if (scio_strmap_get(&c->seen, url) != NULL)
		return;
	scio_strmap_put(&c->seen, url, c);
	if (same_as_before(c, url))
		return;
	if (c->o.max_urls > 0 && c->nin >= c->o.max_urls) {
		c->dropped++;
		return;
	}
	SCIO_ALLOC_GROW(c->input, c->nin + 1, c->capin);
	c->input[c->nin++] = scio_strdup(url);
}

static void
submit(struct scio_crawl *c, struct group *g, struct slot *s)
{
	const struct scio_state_entry *e = NULL;
	const char *url = s->url;
	long page = s->page;

	if (c->o.state != NULL && !c->o.all && !s->again)
		e = scio_state_get(c->o.state, url);
	/* A page the state knows in another form (desktop or mobile, .htm
	 * or .html) is asked for in that form, whose validators these are:
	 * the same conference on a later night is not fetched again. */
	if (e != NULL && strcmp(e->url, url) != 0) {
		free(s->url);
		s->url = scio_strdup(e->url);
		url = s->url;
	}
	s->cond = e != NULL && (e->etag != NULL || e->last_modified != NULL);
	g->asked++;
	scio_http_add(c->http, url, e ? e->etag : NULL,
	    e ? e->last_modified : NULL, (g->idx << 20) | (unsigned long long)
	    (page & 0xFFFFF), s);
}

static struct slot *
new_slot(struct scio_crawl *c, struct group *g, long page, char *url)
{
	struct slot *s = scio_calloc(1, sizeof(*s));

	s->page = page;
	s->url = url;
	s->group = g;
	c->queued++;
	return s;
}

/* Adds page K of g at url, unless seen or beyond the limit. */
static void
add_slot(struct scio_crawl *c, struct group *g, long page, const char *url)
{
	if (g->limit > 0 && page > g->limit) {
		if (g->id.kind == SCIO_PAGE_CONTENT && !g->told) {
			scio_warn("%s: links to page %ld; only the first %ld "
			    "pages of a transcript are followed (--max-pages)",
			    g->slots[0]->url, page, g->limit);
			g->told = 1;
		} else if (g->id.kind == SCIO_PAGE_NODE && c->o.listing_pages == 0 &&
		    !c->listing_told) {
			scio_warn("%s: links to listing page %ld; only the first "
			    "%ld pages of a listing are walked "
			    "(--max-listing-pages)", g->slots[0]->url, page,
			    g->limit);
			c->listing_told = 1;
		}
		return;
	}
	if (scio_strmap_get(&c->seen, url) != NULL)
		return;
	scio_strmap_put(&c->seen, url, c);
	SCIO_ALLOC_GROW(g->slots, g->n + 1, g->cap);
	/* in the order found: sorted by page once all are in (by_page) */
	g->slots[g->n] = new_slot(c, g, page, scio_strdup(url));
	submit(c, g, g->slots[g->n++]);
}

static int
by_page(const void *a, const void *b)
{
	const struct slot *x = *(struct slot *const *)a;
	const struct slot *y = *(struct slot *const *)b;

	return (x->page > y->page) - (x->page < y->page);
}

static void
new_group(struct scio_crawl *c, char *url)
{
	struct group *g = scio_calloc(1, sizeof(*g));

	g->idx = c->nextidx++;
	if (scio_pageid_parse(url, &g->id) == 0 && scio_pageid_pager(&g->id) &&
	    c->o.follow && g->id.page == 1) {
		g->paginated = 1;
		if (g->id.kind == SCIO_PAGE_NODE)
			g->limit = c->o.listing_pages > 0 ? c->o.listing_pages :
			    c->o.max_listing_pages;
		else
			g->limit = c->o.max_pages;
	}
	g->cap = 4;
	g->slots = scio_reallocarray(NULL, g->cap, sizeof(*g->slots));
	g->slots[0] = new_slot(c, g, g->id.page > 0 ? g->id.page : 1, url);
	g->n = 1;
	if (c->tail)
		c->tail->next = g;
	else
		c->head = g;
	c->tail = g;
	c->ngroups++;
	submit(c, g, g->slots[0]);
}

static void
free_group(struct group *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->slots[i]->url);
		scio_fetched_free(g->slots[i]->result);
		free(g->slots[i]);
	}
	free(g->slots);
	scio_pageid_free(&g->id);
	free(g);
}

static char *
dup_or_null(const char *s)
{
	return s ? scio_strdup(s) : NULL;
}

static char *
hash_of(const struct scio_buf *b)
{
	struct scio_buf s = {0};

	scio_buf_printf(&s, "fnv1a64:%016llx", scio_fnv1a64(scio_buf_str(b), b->len));
	return scio_buf_take(&s);
}

/* Whether a listing page read is past --since: it has dated items,
 * and the newest of them is older than the date. */
static int
past_since(const struct scio_crawl *c, const struct scio_pager *pg)
{
	return pg->dated > 0 && strcmp(pg->newest, c->o.since) < 0;
}

/* The URL a page was found at, to read its pager at: where it moved
 * to (its links are relative to that), without the query or fragment
 * a move may add (a page that has a pager has none: see
 * scio_pageid_pager), else the URL asked for.  A new string. */
static char *
found_url(const struct scio_http_resp *r)
{
	const char *u = r->final_url != NULL ? r->final_url : r->url;

	return scio_strndup(u, strcspn(u, "?#"));
}

/* The pages the page p of g links to that continue it, read where it
 * was found (found_url).  With --since, a
 * listing's pager is followed one page at a time, and not beyond a page
 * whose items are all older than the date. */
static void
discover(struct scio_crawl *c, struct group *g, struct scio_fetched *p)
{
	struct scio_pager pg;
	int one = c->o.since != NULL && g->id.kind == SCIO_PAGE_NODE;
	char *base = found_url(p->resp);

	scio_pager_read(p->html.s, p->html.len, base, &pg);
	free(base);
	for (size_t i = 0; i < pg.n && !(one && past_since(c, &pg)) &&
	    !scio_http_stopped(c->http); i++) {
		if (one && pg.links[i].page <= p->page)
			continue;
		add_slot(c, g, pg.links[i].page, pg.links[i].url);
		if (one)
			break;
	}
	scio_pager_free(&pg);
}

/* Where page 1 of g was found (found_url) when that is page 1 of a
 * document, else the URL asked for.  Fills moved; free it. */
static const struct scio_pageid *
found_at(struct group *g, const struct scio_http_resp *r,
    struct scio_pageid *moved)
{
	char *u = found_url(r);
	int ok = scio_pageid_parse(u, moved) == 0 && scio_pageid_pager(moved) &&
	    moved->kind == g->id.kind && moved->page == 1;

	free(u);
	return ok ? moved : &g->id;
}

/* The pages 2..K a previous run delivered for an unchanged first page,
 * where that page is now.  The count is held to what the state shows
 * delivered: a page missing from it ends the count, with a warning. */
static void
discover_from_state(struct scio_crawl *c, struct group *g,
    const struct scio_http_resp *r)
{
	const char *url = r->url;
	const struct scio_state_entry *e = scio_state_get(c->o.state, url);
	long last = e != NULL ? e->pages : 0, end = last;
	struct scio_pageid moved;
	const struct scio_pageid *at = found_at(g, r, &moved);

	/* past the limit, one page more gives the limit's warning */
	if (g->limit > 0 && end > g->limit)
		end = g->limit + 1;
	for (long k = 2; k <= end && !scio_http_stopped(c->http); k++) {
		char *u = scio_pageid_url(at, k);

		if (scio_state_get(c->o.state, u) == NULL) {
			scio_warn("%s: the state counts %ld pages, but page %ld "
			    "was never delivered; pages from %ld on are not "
			    "asked for", url, last, k, k);
			free(u);
			break;
		}
		add_slot(c, g, k, u);
		free(u);
	}
	scio_pageid_free(&moved);
}

/* A page the state had delivered comes back with other content: a
 * revision, which its record says, with the fetch time of the version
 * it replaces.  A state entry without a hash (a state made by hand)
 * cannot vouch for the content, so a page delivered again from it counts
 * as revised, unless the server itself called it unchanged (a 304 asked
 * again to make its conference whole). */
static void
note_revision(struct scio_crawl *c, const struct slot *s, struct scio_fetched *p)
{
	const struct scio_state_entry *e;

	if (c->o.state == NULL ||
	    (e = scio_state_get(c->o.state, p->resp->url)) == NULL)
		return;
	if (e->hash != NULL ? strcmp(e->hash, p->hash) == 0 : s->again)
		return;
	p->revised = 1;
	p->previous_fetched_at = dup_or_null(e->fetched_at);
}

static void
settle(struct scio_crawl *c, struct scio_http_resp *r)
{
	struct slot *s = r->data;
	struct group *g = s->group;
	struct scio_fetched *p = scio_calloc(1, sizeof(*p));

	if (s->result != NULL || strcmp(s->url, r->url) != 0)
		scio_die(SCIO_EXIT_ERROR, "internal error: a response for an "
		    "unknown page '%s'", r->url);
	g->asked--;
	s->result = p;
	p->resp = r;
	p->group = g;
	p->page = s->page;
	if (r->failed) {
		p->outcome = SCIO_FETCH_FAILED;
		return;
	}
	if (r->status == 304 && !s->cond) {
		/* An answer to a question not asked: the body is not
		 * here, and nothing says what it is. */
		p->outcome = SCIO_FETCH_FAILED;
		r->failed = 1;
		free(r->error);
		r->error = scio_strdup("HTTP 304 Not Modified to a request "
		    "that was not conditional");
		return;
	}
	if (r->status == 304) {
		p->outcome = SCIO_FETCH_UNCHANGED;
		/* with --since, an unchanged listing lists nothing new */
		if (g->paginated && c->o.state != NULL && s->page == 1 &&
		    !(c->o.since != NULL && g->id.kind == SCIO_PAGE_NODE))
			discover_from_state(c, g, r);
		return;
	}
	p->hash = hash_of(&r->body);
	p->outcome = SCIO_FETCH_NEW;
	note_revision(c, s, p);
	if (c->o.state != NULL && !c->o.all && !s->again) {
		const struct scio_state_entry *e = scio_state_get(c->o.state, r->url);

		if (e != NULL && e->hash != NULL && strcmp(e->hash, p->hash) == 0)
			p->outcome = SCIO_FETCH_UNCHANGED;
	}
	scio_charset_to_utf8(r->body.s ? r->body.s : "", r->body.len,
	    r->content_type, &p->html, &p->charset);
	if (g->paginated)
		discover(c, g, p);
}

/* Once every page of g is in: a group with a failed page is withheld
 * whole; a group with a new or changed page is delivered whole, so the
 * pages that came back 304 are asked again, unconditionally.  Returns 1
 * when g can be emitted, 0 when pages were asked again. */
static int
prepare(struct scio_crawl *c, struct group *g)
{
	int fresh = 0, again = 0;

	for (size_t i = 0; i < g->n; i++) {
		struct scio_fetched *p = g->slots[i]->result;

		if (p->outcome == SCIO_FETCH_FAILED)
			g->failed = 1;
		else if (p->outcome == SCIO_FETCH_NEW)
			fresh = 1;
	}
	for (size_t i = 0; i < g->n; i++) {
		struct slot *s = g->slots[i];
		struct scio_fetched *p = s->result;

		if (g->failed) {
			if (p->outcome != SCIO_FETCH_FAILED)
				p->outcome = SCIO_FETCH_WITHHELD;
		} else if (fresh && p->outcome == SCIO_FETCH_UNCHANGED) {
			if (p->resp->status == 304) {
				scio_fetched_free(p);
				s->result = NULL;
				s->again = 1;
				submit(c, g, s);
				again = 1;
			} else {
				p->outcome = SCIO_FETCH_NEW;
			}
		} else if (p->outcome == SCIO_FETCH_UNCHANGED) {
			scio_buf_free(&p->html);
		}
	}
	return !again;
}

/* Whether every page of g not yet emitted is in. */
static int
complete(const struct group *g)
{
	return g->asked == 0;
}

/* Whether --max-urls pages were asked for: no group starts then. */
static int
over_max_urls(struct scio_crawl *c)
{
	if (c->o.max_urls == 0 || c->queued < c->o.max_urls)
		return 0;
	if (!c->capped) {
		scio_warn("%lu pages asked for in this run (--max-urls): URLs "
		    "given after them are left for the next run (%lu)",
		    c->queued, (unsigned long)(c->nin - c->nextin) + c->dropped);
		scio_set_status(SCIO_EXIT_NONE);
		c->capped = 1;
	}
	return 1;
}

struct scio_fetched *
scio_crawl_next(struct scio_crawl *c)
{
	for (;;) {
		struct group *g;
		struct scio_http_resp *r;

		if (scio_http_stopped(c->http))
			return NULL;
		while (c->ngroups < c->o.window && c->nextin < c->nin &&
		    !over_max_urls(c)) {
			new_group(c, c->input[c->nextin]);
			c->input[c->nextin++] = NULL;
		}
		if (c->dropped > 0 && c->nextin == c->nin)
			(void)over_max_urls(c);	/* says so, once */
		g = c->head;
		if (g == NULL)
			return NULL;
		/* All pages in, none out: into page order, then ready. */
		if (g->next_emit == 0 && complete(g)) {
			qsort(g->slots, g->n, sizeof(*g->slots), by_page);
			if (!prepare(c, g))
				continue;
		}
		if (g->next_emit < g->n && complete(g)) {
			struct scio_fetched *p = g->slots[g->next_emit]->result;

			g->slots[g->next_emit]->result = NULL;
			g->next_emit++;
			p->last = g->next_emit == g->n;
			return p;
		}
		if (g->next_emit == g->n) {
			c->head = g->next;
			if (c->head == NULL)
				c->tail = NULL;
			c->ngroups--;
			free_group(g);
			continue;
		}
		r = scio_http_next(c->http);
		if (r == NULL && scio_http_stopped(c->http))
			return NULL;
		if (r == NULL)
			scio_die(SCIO_EXIT_ERROR, "internal error: a page was "
			    "never fetched");
		settle(c, r);
	}
}

static const char *
or_else(const char *a, const char *b)
{
	return a ? a : b;
}

void
scio_crawl_done(struct scio_crawl *c, struct scio_fetched *p)
{
	struct group *g = p->group;
	const struct scio_state_entry *old;
	struct scio_state_entry e = {0};

	if (c->o.state == NULL || p->outcome == SCIO_FETCH_FAILED ||
	    p->outcome == SCIO_FETCH_WITHHELD) {
		scio_fetched_free(p);
		return;
	}
	old = scio_state_get(c->o.state, p->resp->url);
	e.url = p->resp->url;
	e.etag = or_else(p->resp->etag, old ? old->etag : NULL);
	e.last_modified = or_else(p->resp->last_modified,
	    old ? old->last_modified : NULL);
	e.hash = or_else(p->hash, old ? old->hash : NULL);
	/* the time of the version last delivered: a page found unchanged
	 * keeps it, so that a revision names the record it replaces */
	e.fetched_at = p->outcome == SCIO_FETCH_UNCHANGED &&
	    old && old->fetched_at ? old->fetched_at : p->resp->fetched_at;
	e.pages = old ? old->pages : 0;
	/* page 1 remembers how many pages its conference had, as written */
	if (g->paginated && p->page == 1)
		e.pages = g->n > 0 && g->slots[g->n - 1]->page > 1 ?
		    g->slots[g->n - 1]->page : 0;
	SCIO_ALLOC_GROW(c->pending, c->npending + 1, c->cappending);
	c->pending[c->npending++] = scio_state_entry_dup(&e);
	scio_fetched_free(p);
}

void
scio_crawl_commit(struct scio_crawl *c)
{
	for (size_t i = 0; i < c->npending; i++) {
		scio_state_put(c->o.state, c->pending[i]);
		free(c->pending[i]);
	}
	c->npending = 0;
	if (c->o.state != NULL)
		scio_state_checkpoint(c->o.state, c->o.checkpoint);
}

unsigned long
scio_crawl_waiting(const struct scio_crawl *c)
{
	return (unsigned long)(c->nin - c->nextin);
}

void
scio_crawl_free(struct scio_crawl *c)
{
	while (c->head != NULL) {
		struct group *g = c->head;

		c->head = g->next;
		free_group(g);
	}
	for (size_t i = c->nextin; i < c->nin; i++)
		free(c->input[i]);
	for (size_t i = 0; i < c->npending; i++)
		free(c->pending[i]);
	free(c->pending);
	free(c->input);
	scio_strmap_free(&c->seen);
	for (size_t i = 0; i < c->forms.cap; i++)
		if (c->forms.keys[i] != NULL)
			free(c->forms.vals[i]);
	scio_strmap_free(&c->forms);
	free(c);
}
