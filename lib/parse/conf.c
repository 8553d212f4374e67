/* conf.c: merging a conference's pages, cutting the text into turns, and
 * giving each turn its speaker, role, outlet and question number. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/base/alloc.h"
#include "scio/record/record.h"
#include "scio/parse/conf.h"
#include "scio/base/diag.h"
#include "scio/base/jwrite.h"
#include "scio/base/text.h"
#include "scio/parse/turns.h"

/* --- the set of conferences ------------------------------------------- */

static struct scio_conf *
find_conf(struct scio_confset *set, const char *key, size_t *at)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->confs[i]->key, key) == 0) {
			*at = i;
			return set->confs[i];
		}
	return NULL;
}

/* "host id": the host in lower case ("" for a file with no URL). */
static char *
conf_key(const struct scio_page *pg)
{
	const char *u = pg->url, *h = strstr(u, "://"), *e;
	struct scio_buf b = {0};

	h = h ? h + 3 : u + strlen(u);
	e = h + strcspn(h, "/?#");
	for (const char *p = h; p < e; p++)
		scio_buf_addc(&b, tolower((unsigned char)*p));
	scio_buf_addc(&b, ' ');
	scio_buf_adds(&b, pg->doc ? pg->doc : pg->url);
	return scio_buf_take(&b);
}

static void
remove_at(struct scio_confset *set, size_t i)
{
	memmove(set->confs + i, set->confs + i + 1, (set->n - i - 1) * sizeof(*set->confs));
	set->n--;
}

/* The pages of a conference as given out: their hashes by page number,
 * 0 for a page that was missing. */
struct version {
	size_t n;
	unsigned long long h[];
};

/* Whether c holds a page other than the version of it given out. */
static int
differs(const struct scio_confset *set, const struct scio_conf *c)
{
	const struct version *v = scio_strmap_get(&set->written, c->key);

	if (v == NULL)
		return 1;
	for (size_t k = 0; k < c->npages; k++)
		if (c->pages[k] && (k >= v->n || v->h[k] != c->pages[k]->hash))
			return 1;
	return 0;
}

/* Remembers c as given out. */
static void
given_out(struct scio_confset *set, const struct scio_conf *c)
{
	struct version *v = scio_malloc(sizeof(*v) + c->npages * sizeof(v->h[0]));

	v->n = c->npages;
	for (size_t k = 0; k < c->npages; k++)
		v->h[k] = c->pages[k] ? c->pages[k]->hash : 0;
	free(scio_strmap_put(&set->written, c->key, v));
}

/* A repeat without a revision: the conference was given out already. */
static void
drop_repeat(struct scio_confset *set, struct scio_conf *c)
{
	const struct scio_page *pg = NULL;

	for (size_t k = 0; k < c->npages && pg == NULL; k++)
		pg = c->pages[k];
	if (scio_strset_add(&set->repeated, c->key, strlen(c->key)))
		scio_warn("%s: conference %s was written already; a page of it "
		    "came again and is not written twice", pg ? pg->url : c->doc,
		    c->doc);
	scio_conf_free(c);
}

/* c, out of the set: NULL when it is a repeat to drop, else c to give
 * out, marked revised when it is a new version of one given out. */
static struct scio_conf *
give_out(struct scio_confset *set, struct scio_conf *c)
{
	if (c->repeat) {
		if (!differs(set, c)) {
			drop_repeat(set, c);
			return NULL;
		}
		c->revised = 1;
	}
	given_out(set, c);
	return c;
}

static int
complete(const struct scio_conf *c)
{
	int want = c->expected > 0 ? c->expected : 1;

	if ((size_t)want > c->npages)
		return 0;
	for (int k = 0; k < want; k++)
		if (c->pages[k] == NULL)
			return 0;
	return 1;
}

struct scio_conf *
scio_confset_add(struct scio_confset *set, struct scio_page *pg)
{
	struct scio_conf *c;
	size_t at = 0, k;
	char *doc = pg->doc ? pg->doc : pg->url, *key = conf_key(pg);

	c = find_conf(set, key, &at);
	if (c == NULL) {
		c = scio_calloc(1, sizeof(*c));
		c->doc = scio_strdup(doc);
		c->repeat = scio_strmap_get(&set->written, key) != NULL;
		c->key = key;
		key = NULL;
		c->arrival = set->arrivals++;
		SCIO_ALLOC_GROW(set->confs, set->n + 1, set->cap);
		at = set->n;
		set->confs[set->n++] = c;
	}
	k = (size_t)(pg->pageno > 0 ? pg->pageno - 1 : 0);
	if (k >= c->npages) {
		SCIO_ALLOC_GROW(c->pages, k + 1, c->pagescap);
		for (size_t i = c->npages; i <= k; i++)
			c->pages[i] = NULL;
		c->npages = k + 1;
	}
	if (c->pages[k] != NULL) {
		scio_warn("%s: page %d of conference %s seen before; this copy ignored",
		    pg->url, pg->pageno, c->doc);
		scio_page_free(pg);
		free(pg);
	} else {
		c->pages[k] = pg;
		c->revised |= pg->revised;
		if (pg->npages > c->expected)
			c->expected = pg->npages;
		if (pg->pageno > c->expected && pg->npages == 0)
			c->expected = pg->pageno;
	}
	free(key);
	if (!complete(c))
		return NULL;
	remove_at(set, at);
	return give_out(set, c);
}

void
scio_confset_free(struct scio_confset *set)
{
	struct scio_conf *c;

	while ((c = scio_confset_pop(set)) != NULL)
		scio_conf_free(c);
	free(set->confs);
	for (size_t i = 0; i < set->written.cap; i++)
		if (set->written.keys && set->written.keys[i])
			free(set->written.vals[i]);
	scio_strmap_free(&set->written);
	scio_strset_free(&set->repeated);
	memset(set, 0, sizeof(*set));
}

struct scio_conf *
scio_confset_pop(struct scio_confset *set)
{
	for (;;) {
		size_t best = 0;
		struct scio_conf *c;

		if (set->n == 0)
			return NULL;
		for (size_t i = 1; i < set->n; i++)
			if (set->confs[i]->arrival < set->confs[best]->arrival)
				best = i;
		c = set->confs[best];
		remove_at(set, best);
		if ((c = give_out(set, c)) != NULL)
			return c;
	}
}

void
scio_conf_free(struct scio_conf *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->npages; i++)
		if (c->pages[i]) {
			scio_page_free(c->pages[i]);
			free(c->pages[i]);
		}
	free(c->pages);
	free(c->doc);
	free(c->key);
	free(c);
}

/* --- records ------------------------------------------------------------ */

static const struct scio_page *
first_page(const struct scio_conf *c)
{
	for (size_t k = 0; k < c->npages; k++)
		if (c->pages[k])
			return c->pages[k];
	return NULL;
}

/* The conference's header page: page 1 when it is there. */
static const struct scio_page *
head_page(const struct scio_conf *c)
{
	return c->npages > 0 && c->pages[0] ? c->pages[0] : NULL;
}

static const char *
conf_title(const struct scio_conf *c)
{
	for (size_t k = 0; k < c->npages; k++)
		if (c->pages[k] && c->pages[k]->title)
			return c->pages[k]->title;
	return NULL;
}

/* The day the conference was held: page 1 says it; without page 1, a
 * later page's summary may. */
static const char *
conf_date(const struct scio_conf *c)
{
	for (size_t k = 0; k < c->npages; k++)
		if (c->pages[k] && c->pages[k]->date)
			return c->pages[k]->date;
	return NULL;
}

static const char *
conf_doc(const struct scio_conf *c)
{
	const struct scio_page *pg = first_page(c);

	return pg ? pg->doc : NULL;
}

/* The members a turn has both alone and nested in a doc. */
static void
turn_members(struct scio_buf *b, const struct scio_turn *t, const struct scio_cast *cast)
{
	const char *role = scio_turn_role(t, cast);
	const struct scio_person *p = t->speaker >= 0 ? cast->person[t->speaker] : NULL;

	scio_jw_kstr(b, "speaker", p ? p->name : t->label);
	scio_jw_kstr(b, "speaker_title", p ? p->title : NULL);
	scio_jw_kstr(b, "role", role);
	scio_jw_kstr(b, "outlet", strcmp(role, SCIO_ROLE_MEDIA) == 0 ? t->label : NULL);
	scio_jw_kint(b, "qa", t->qa);
	scio_jw_key(b, "text", 0);
	scio_jw_strn_utf8(b, t->text.s ? t->text.s : "", t->text.len);
}

size_t
scio_conf_turns(const struct scio_conf *c, struct scio_buf *out)
{
	struct scio_turns ts;
	struct scio_cast cast;
	struct scio_buf head = {0}, tail = {0}, url = {0};
	const char *last_url = NULL;
	size_t n;

	scio_turns_build(c, &ts, &cast);
	/* What every turn of the conference repeats is encoded once. */
	scio_buf_adds(&head, "{\"type\":\"turn\"");
	scio_jw_kstr(&head, "doc", conf_doc(c));
	scio_jw_kstr(&tail, "title", conf_title(c));
	scio_jw_kstr(&tail, "date", conf_date(c));
	for (size_t i = 0; i < ts.n; i++) {
		const struct scio_turn *t = &ts.t[i];

		if (t->url != last_url) {
			scio_buf_reset(&url);
			scio_jw_kstr(&url, "url", t->url);
			last_url = t->url;
		}
		scio_buf_add(out, head.s, head.len);
		scio_buf_add(out, url.s, url.len);
		scio_jw_kint(out, "page", t->page);
		scio_jw_kint(out, "seq", (long long)i);
		scio_buf_add(out, tail.s, tail.len);
		turn_members(out, t, &cast);
		scio_buf_adds(out, c->revised ? ",\"revised\":true}\n" : "}\n");
	}
	n = ts.n;
	scio_turns_free(&ts, &cast);
	scio_buf_free(&head);
	scio_buf_free(&tail);
	scio_buf_free(&url);
	return n;
}

static void
person(struct scio_buf *b, const struct scio_person *p)
{
	scio_buf_adds(b, "{\"name\":");
	scio_jw_str(b, p->name);
	scio_jw_kstr(b, "honorific", p->honorific);
	scio_jw_kstr(b, "title", p->title);
	scio_buf_addc(b, '}');
}

/* The header fields every doc record has, from page pg (or nulls, but
 * for the title and date, which later pages may give). */
static void
header_members(struct scio_buf *b, const struct scio_page *pg,
    const char *title, const char *date)
{
	scio_jw_kstr(b, "title", title);
	scio_jw_kstr(b, "category", pg ? pg->category : NULL);
	scio_jw_kstr(b, "summary", pg ? pg->summary : NULL);
	scio_jw_kstr(b, "source", pg ? pg->source : NULL);
	scio_jw_kstr(b, "published", pg ? pg->published : NULL);
	scio_jw_kstr(b, "date", date);
	scio_jw_kstr(b, "time", pg ? pg->time : NULL);
	scio_jw_kstr(b, "place", pg ? pg->place : NULL);
	scio_jw_kstr(b, "zh_url", pg ? pg->zh_url : NULL);
}

/* "speakers" or "chair": the page's people whose chair mark is want. A
 * chair found by speaking first (no heading said so) is among the
 * page's speakers, and the cast knows. */
static void
people_member(struct scio_buf *b, const char *key, const struct scio_page *pg,
    const struct scio_cast *cast, int want)
{
	int first = 1;

	scio_jw_key(b, key, 0);
	if (pg == NULL || !pg->has_participants) {
		scio_buf_add(b, "null", 4);	/* not known, not none */
		return;
	}
	scio_buf_addc(b, '[');
	for (int list = 0; list < 2; list++) {
		const struct scio_person *p = list ? pg->speakers : pg->chair;
		size_t n = list ? pg->nspeakers : pg->nchair;

		for (size_t i = 0; i < n; i++) {
			long w = cast ? scio_cast_participant(cast, p[i].name, strlen(p[i].name)) : -1;
			int chair = list == 0 || (w >= 0 && cast->sp[w].listed_chair);

			if (chair != want)
				continue;
			if (!first)
				scio_buf_addc(b, ',');
			first = 0;
			person(b, &p[i]);
		}
	}
	scio_buf_addc(b, ']');
}

void
scio_conf_doc(const struct scio_conf *c, struct scio_buf *out)
{
	const struct scio_page *head = head_page(c), *first = first_page(c);
	enum scio_kind kind = first ? first->kind : SCIO_KIND_TRANSCRIPT;
	struct scio_turns ts;
	struct scio_cast cast;
	int n = 0;

	if (kind != SCIO_KIND_CONFERENCE)
		kind = SCIO_KIND_TRANSCRIPT;
	scio_turns_build(c, &ts, &cast);
	scio_buf_adds(out, "{\"type\":\"doc\"");
	scio_jw_kstr(out, "doc", conf_doc(c));
	scio_jw_kstr(out, "kind", scio_kind_name(kind));
	scio_jw_kstr(out, "url", first ? first->url : NULL);
	scio_jw_key(out, "urls", 0);
	scio_buf_addc(out, '[');
	for (size_t k = 0; k < c->npages; k++)
		if (c->pages[k]) {
			if (n++)
				scio_buf_addc(out, ',');
			scio_jw_str(out, c->pages[k]->url);
		}
	scio_buf_addc(out, ']');
	/* how many pages the pagination bar announces: more than urls
	 * holds when some never came */
	scio_jw_key(out, "pages", 0);
	if (c->expected > 0)
		scio_buf_printf(out, "%d", c->expected > (int)c->npages ? c->expected : (int)c->npages);
	else
		scio_buf_printf(out, "%zu", c->npages);
	/* without page 1, a later page's header still names the title,
	 * source and dates; the participants stay unknown */
	header_members(out, head ? head : first, conf_title(c),
	    head ? head->date : conf_date(c));
	people_member(out, "speakers", head, &cast, 0);
	people_member(out, "chair", head, &cast, 1);
	scio_jw_key(out, "turns", 0);
	scio_buf_addc(out, '[');
	for (size_t i = 0; i < ts.n; i++) {
		if (i)
			scio_buf_addc(out, ',');
		scio_buf_adds(out, "{\"seq\":");
		scio_buf_printf(out, "%zu", i);
		scio_jw_kint(out, "page", ts.t[i].page);
		turn_members(out, &ts.t[i], &cast);
		scio_buf_addc(out, '}');
	}
	scio_buf_adds(out, c->revised ? "],\"revised\":true}\n" : "]}\n");
	scio_turns_free(&ts, &cast);
}

void
scio_page_doc(const struct scio_page *pg, struct scio_buf *out)
{
	scio_buf_adds(out, "{\"type\":\"doc\"");
	scio_jw_kstr(out, "doc", pg->doc);
	scio_jw_kstr(out, "kind", scio_kind_name(pg->kind));
	scio_jw_kstr(out, "url", pg->url);
	scio_jw_key(out, "urls", 0);
	scio_buf_addc(out, '[');
	scio_jw_str(out, pg->url);
	scio_buf_addc(out, ']');
	scio_buf_adds(out, ",\"pages\":1");
	header_members(out, pg, pg->title, pg->date);
	people_member(out, "speakers", pg, NULL, 0);
	people_member(out, "chair", pg, NULL, 1);
	scio_buf_adds(out, ",\"turns\":[]");
	scio_jw_key(out, "text", 0);
	{
		struct scio_buf text = {0};

		for (size_t i = 0; i < pg->nparas; i++) {
			if (text.len)
				scio_buf_add(&text, "\n\n", 2);
			scio_buf_adds(&text, pg->paras[i].text);
		}
		scio_jw_strn(out, scio_buf_str(&text), text.len);
		scio_buf_free(&text);
	}
	scio_buf_adds(out, pg->revised ? ",\"revised\":true}\n" : "}\n");
}

size_t
scio_page_links(const struct scio_page *pg, struct scio_buf *out)
{
	for (size_t i = 0; i < pg->nitems; i++) {
		scio_buf_adds(out, "{\"type\":\"link\"");
		scio_jw_kstr(out, "url", pg->items[i].url);
		scio_jw_kstr(out, "title", pg->items[i].title);
		scio_jw_kstr(out, "date", pg->items[i].date);
		scio_jw_kstr(out, "from", pg->url);
		scio_buf_add(out, "}\n", 2);
	}
	return pg->nitems;
}
