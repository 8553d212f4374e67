/* conf.c: merging a conference's pages, cutting the text into turns, and
 * giving each turn its speaker, role, outlet and question number. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scio/alloc.h"
#include "scio/conf.h"
#include "scio/diag.h"
#include "scio/jwrite.h"
#include "scio/text.h"

/* A turn while it is being assembled. */
struct turn {
	int page;			/* where it starts */
	const char *url;		/* that page's URL (borrowed) */
	char *label;			/* as written, NULL for none */
	struct scio_buf text;
	const struct scio_person *who;	/* the participant it names */
	const char *role;
	int qa;
};

struct turns {
	struct turn *t;
	size_t n, cap;
};

/* What is known of the conference's people. */
struct cast {
	const struct scio_person **people;
	int *is_chair;
	size_t n;
	char **labels;			/* every label standing alone */
	size_t nlabels;
};

/* --- the set of conferences ------------------------------------------- */

static struct scio_conf *
find_conf(struct scio_confset *set, const char *doc, size_t *at)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->confs[i]->doc, doc) == 0) {
			*at = i;
			return set->confs[i];
		}
	return NULL;
}

static void
remove_at(struct scio_confset *set, size_t i)
{
	memmove(set->confs + i, set->confs + i + 1, (set->n - i - 1) * sizeof(*set->confs));
	set->n--;
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
	char *doc = pg->doc ? pg->doc : pg->url;

	c = find_conf(set, doc, &at);
	if (c == NULL) {
		c = scio_calloc(1, sizeof(*c));
		c->doc = scio_strdup(doc);
		c->arrival = set->arrivals++;
		if (set->n == set->cap) {
			set->cap = set->cap ? set->cap * 2 : 8;
			set->confs = scio_reallocarray(set->confs, set->cap, sizeof(*set->confs));
		}
		at = set->n;
		set->confs[set->n++] = c;
	}
	k = (size_t)(pg->pageno > 0 ? pg->pageno - 1 : 0);
	if (k >= c->npages) {
		c->pages = scio_reallocarray(c->pages, k + 1, sizeof(*c->pages));
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
		if (pg->npages > c->expected)
			c->expected = pg->npages;
		if (pg->pageno > c->expected && pg->npages == 0)
			c->expected = pg->pageno;
	}
	if (!complete(c))
		return NULL;
	remove_at(set, at);
	return c;
}

struct scio_conf *
scio_confset_pop(struct scio_confset *set)
{
	size_t best = 0;
	struct scio_conf *c;

	if (set->n == 0)
		return NULL;
	for (size_t i = 1; i < set->n; i++)
		if (set->confs[i]->arrival < set->confs[best]->arrival)
			best = i;
	c = set->confs[best];
	remove_at(set, best);
	return c;
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
	free(c);
}

/* --- people ----------------------------------------------------------- */

static void
cast_add(struct cast *cast, const struct scio_person *p, int chair)
{
	for (size_t i = 0; i < cast->n; i++)
		if (strcasecmp(cast->people[i]->name, p->name) == 0)
			return;
	cast->people = scio_reallocarray(cast->people, cast->n + 1, sizeof(*cast->people));
	cast->is_chair = scio_reallocarray(cast->is_chair, cast->n + 1, sizeof(*cast->is_chair));
	cast->people[cast->n] = p;
	cast->is_chair[cast->n] = chair;
	cast->n++;
}

static void
cast_free(struct cast *cast)
{
	free(cast->people);
	free(cast->is_chair);
	for (size_t i = 0; i < cast->nlabels; i++)
		free(cast->labels[i]);
	free(cast->labels);
}

/* The participant a label names: the full name, with or without an
 * honorific, or a surname alone ("Mr. Liu") when only one person has it. */
static long
cast_match(const struct cast *cast, const char *label, size_t n)
{
	size_t h = scio_honorific_len(label);
	long found = -1;

	if (h < n) {
		label += h;
		n -= h;
	}
	for (size_t i = 0; i < cast->n; i++) {
		const char *name = cast->people[i]->name;

		if (strlen(name) == n && strncasecmp(name, label, n) == 0)
			return (long)i;
	}
	for (size_t i = 0; i < cast->n; i++) {
		const char *name = cast->people[i]->name;
		size_t sl = strcspn(name, " ");

		if (sl == n && strncasecmp(name, label, n) == 0) {
			if (found >= 0)
				return -1;	/* two people share the surname */
			found = (long)i;
		}
	}
	return found;
}

static int
cast_has_label(const struct cast *cast, const char *s, size_t n)
{
	for (size_t i = 0; i < cast->nlabels; i++)
		if (strlen(cast->labels[i]) == n && strncmp(cast->labels[i], s, n) == 0)
			return 1;
	return 0;
}

static void
cast_add_label(struct cast *cast, const char *s, size_t n)
{
	if (cast_has_label(cast, s, n))
		return;
	cast->labels = scio_reallocarray(cast->labels, cast->nlabels + 1, sizeof(*cast->labels));
	cast->labels[cast->nlabels++] = scio_strndup(s, n);
}

/* Whether "Name: text" at the start of a paragraph is a label. */
static int
inline_label_ok(const struct cast *cast, const char *s, size_t n, const char *rest)
{
	unsigned char r = (unsigned char)*rest;

	if (!(isupper(r) || isdigit(r) || r == '"' || r >= 0x80))
		return 0;
	if (cast_match(cast, s, n) >= 0 || cast_has_label(cast, s, n))
		return 1;
	if (strchr(s, ' ') && memchr(s, ' ', n) && scio_outlet_like(s, n) &&
	    !scio_name_like(s, n))
		return 1;
	if (cast->nlabels == 0 && scio_name_like(s, n))
		return 1;
	/* one word: an acronym such as CNR */
	if (memchr(s, ' ', n) == NULL && n >= 2) {
		for (size_t i = 0; i < n; i++)
			if (!isupper((unsigned char)s[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* --- cutting the text into turns --------------------------------------- */

static struct turn *
new_turn(struct turns *ts, const struct scio_page *pg, const char *label, size_t n)
{
	struct turn *t;

	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? ts->cap * 2 : 32;
		ts->t = scio_reallocarray(ts->t, ts->cap, sizeof(*ts->t));
	}
	t = &ts->t[ts->n++];
	memset(t, 0, sizeof(*t));
	t->page = pg->pageno;
	t->url = pg->url;
	t->label = label ? scio_strndup(label, n) : NULL;
	return t;
}

static void
add_text(struct turn *t, const char *s)
{
	if (*s == '\0')
		return;
	if (t->text.len > 0)
		scio_buf_add(&t->text, "\n\n", 2);
	scio_buf_adds(&t->text, s);
}

static void
cut_turns(const struct scio_conf *c, struct cast *cast, struct turns *ts)
{
	struct turn *cur = NULL;

	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		if (pg == NULL) {
			cur = NULL;	/* a missing page: nothing runs across it */
			continue;
		}
		for (size_t i = 0; i < pg->nparas; i++) {
			const char *s = pg->paras[i], *rest;
			size_t len = strlen(s), n;

			if ((n = scio_label_alone(s, len)) != 0) {
				cur = new_turn(ts, pg, s, n);
				continue;
			}
			n = scio_label_inline(s, len, &rest);
			if (n != 0 && inline_label_ok(cast, s, n, rest)) {
				cur = new_turn(ts, pg, s, n);
				add_text(cur, rest);
				continue;
			}
			if (cur == NULL)
				cur = new_turn(ts, pg, NULL, 0);
			add_text(cur, s);
		}
	}
}

static size_t
words(const char *s)
{
	size_t w = 0;
	int in = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\n')
			in = 0;
		else if (!in)
			in = 1, w++;
	}
	return w;
}

/* A label no participant answers to, in a conference whose participants
 * are unknown: the chair if its turns give the floor and are short. */
static int
unknown_label_chairs(const struct turns *ts, const char *label)
{
	size_t total = 0, count = 0;
	int chairs = 0;

	for (size_t i = 0; i < ts->n; i++) {
		const struct turn *t = &ts->t[i];

		if (t->label == NULL || strcmp(t->label, label) != 0)
			continue;
		count++;
		total += words(scio_buf_str(&t->text));
		if (scio_text_chairs(scio_buf_str(&t->text)))
			chairs = 1;
	}
	return chairs && count > 0 && total / count < 90;
}

static void
assign_roles(struct turns *ts, const struct cast *cast, int known)
{
	int qa = 0;
	const struct turn *prev = NULL;

	for (size_t i = 0; i < ts->n; i++) {
		struct turn *t = &ts->t[i];
		const char *text = scio_buf_str(&t->text);
		long who = -1;

		if (t->label)
			who = cast_match(cast, t->label, strlen(t->label));
		if (who >= 0) {
			t->who = cast->people[who];
			t->role = cast->is_chair[who] ? "chair" : "official";
		} else if (t->label == NULL) {
			t->role = scio_text_asks(text) ? "media" : "other";
		} else if (scio_outlet_like(t->label, strlen(t->label)) &&
		    !scio_name_like(t->label, strlen(t->label))) {
			t->role = "media";
		} else if (scio_text_asks(text) && !scio_text_chairs(text)) {
			t->role = "media";
		} else if (known) {
			t->role = "other";
		} else if (unknown_label_chairs(ts, t->label)) {
			t->role = "chair";
		} else {
			t->role = "official";
		}
		if (strcmp(t->role, "media") == 0) {
			int same = prev && strcmp(prev->role, "media") == 0 &&
			    prev->label && t->label && strcmp(prev->label, t->label) == 0;

			if (!same)
				qa++;
		}
		t->qa = qa;
		prev = t;
	}
}

static int
has_chair(const struct cast *cast)
{
	for (size_t i = 0; i < cast->n; i++)
		if (cast->is_chair[i])
			return 1;
	return 0;
}

/* Builds the turns of a conference. */
static void
conference_turns(const struct scio_conf *c, struct turns *ts, struct cast *cast)
{
	int known = 0;

	memset(ts, 0, sizeof(*ts));
	memset(cast, 0, sizeof(*cast));
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		if (pg == NULL)
			continue;
		for (size_t i = 0; i < pg->nchair; i++)
			cast_add(cast, &pg->chair[i], 1);
		for (size_t i = 0; i < pg->nparas; i++) {
			size_t n = scio_label_alone(pg->paras[i], strlen(pg->paras[i]));

			if (n)
				cast_add_label(cast, pg->paras[i], n);
		}
		known |= pg->has_participants;
	}
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		for (size_t i = 0; pg && i < pg->nspeakers; i++)
			cast_add(cast, &pg->speakers[i], 0);
	}
	cut_turns(c, cast, ts);
	/* Without a "Chairperson:" heading, the chair is the participant
	 * who speaks first. */
	if (known && !has_chair(cast)) {
		for (size_t i = 0; i < ts->n; i++) {
			long who;

			if (ts->t[i].label == NULL)
				continue;
			who = cast_match(cast, ts->t[i].label, strlen(ts->t[i].label));
			if (who >= 0)
				cast->is_chair[who] = 1;	/* NOLINT(clang-analyzer-core.NullDereference): who >= 0 means the cast has entries */
			break;
		}
	}
	assign_roles(ts, cast, known);
}

static void
turns_free(struct turns *ts)
{
	for (size_t i = 0; i < ts->n; i++) {
		free(ts->t[i].label);
		scio_buf_free(&ts->t[i].text);
	}
	free(ts->t);
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

static const char *
turn_speaker(const struct turn *t)
{
	if (t->who)
		return t->who->name;
	return t->label;
}

/* The members a turn has both alone and nested in a doc. */
static void
turn_members(struct scio_buf *b, const struct turn *t)
{
	int media = strcmp(t->role, "media") == 0;

	scio_jw_kstr(b, "speaker", turn_speaker(t));
	scio_jw_kstr(b, "role", t->role);
	scio_jw_kstr(b, "outlet", media ? t->label : NULL);
	scio_jw_kint(b, "qa", t->qa);
	scio_jw_key(b, "text", 0);
	scio_jw_strn_utf8(b, t->text.s ? t->text.s : "", t->text.len);
}

size_t
scio_conf_turns(const struct scio_conf *c, struct scio_buf *out)
{
	struct turns ts;
	struct cast cast;
	const char *title = conf_title(c), *date = conf_date(c), *doc = conf_doc(c);
	size_t n;

	conference_turns(c, &ts, &cast);
	for (size_t i = 0; i < ts.n; i++) {
		const struct turn *t = &ts.t[i];

		scio_buf_adds(out, "{\"type\":\"turn\"");
		scio_jw_kstr(out, "doc", doc);
		scio_jw_kstr(out, "url", t->url);
		scio_jw_kint(out, "page", t->page);
		scio_jw_kint(out, "seq", (long long)i);
		scio_jw_kstr(out, "title", title);
		scio_jw_kstr(out, "date", date);
		turn_members(out, t);
		scio_buf_add(out, "}\n", 2);
	}
	n = ts.n;
	turns_free(&ts);
	cast_free(&cast);
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
    const struct cast *cast, int want)
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
			long w = cast ? cast_match(cast, p[i].name, strlen(p[i].name)) : -1;
			int chair = list == 0 || (w >= 0 && cast->is_chair[w]);

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
	struct turns ts;
	struct cast cast;
	int n = 0;

	if (kind != SCIO_KIND_CONFERENCE)
		kind = SCIO_KIND_TRANSCRIPT;
	conference_turns(c, &ts, &cast);
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
		turn_members(out, &ts.t[i]);
		scio_buf_addc(out, '}');
	}
	scio_buf_add(out, "]}\n", 3);
	turns_free(&ts);
	cast_free(&cast);
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
			scio_buf_adds(&text, pg->paras[i]);
		}
		scio_jw_strn(out, scio_buf_str(&text), text.len);
		scio_buf_free(&text);
	}
	scio_buf_add(out, "}\n", 2);
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
