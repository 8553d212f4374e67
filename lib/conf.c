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
#include "scio/passes.h"
#include "scio/roles.h"
#include "scio/strmap.h"
#include "scio/text.h"

/* A turn while it is being assembled. */
struct turn {
	int page;			/* where it starts */
	const char *url;		/* that page's URL (borrowed) */
	char *label;			/* as written, NULL for none */
	struct scio_buf text;
	long speaker;			/* index into the cast's speakers, or -1 */
	int qa;
};

struct turns {
	struct turn *t;
	size_t n, cap;
};

/* What is known of the conference's people: the participants, and every
 * speaker the turns name, each once. */
struct cast {
	struct scio_speaker *sp;
	const struct scio_person **person;	/* the participant, or NULL */
	size_t n, cap;
	struct scio_strmap by_name;	/* lower-case name -> index + 1 */
	struct scio_strmap by_surname;	/* lower-case surname -> index + 1,
					 * or AMBIGUOUS */
	struct scio_strmap labels;	/* labels seen alone or marked up */
};

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
	scio_strset_add(&set->written, set->confs[i]->key, strlen(set->confs[i]->key));
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
	char *doc = pg->doc ? pg->doc : pg->url, *key = conf_key(pg);

	if (scio_strset_has(&set->written, key, strlen(key))) {
		if (scio_strset_add(&set->repeated, key, strlen(key)))
			scio_warn("%s: conference %s was written already; a page of it "
			    "came again and is not written twice", pg->url, doc);
		free(key);
		scio_page_free(pg);
		free(pg);
		return NULL;
	}
	c = find_conf(set, key, &at);
	if (c == NULL) {
		c = scio_calloc(1, sizeof(*c));
		c->doc = scio_strdup(doc);
		c->key = key;
		key = NULL;
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
	free(key);
	if (!complete(c))
		return NULL;
	remove_at(set, at);
	return c;
}

void
scio_confset_free(struct scio_confset *set)
{
	struct scio_conf *c;

	while ((c = scio_confset_pop(set)) != NULL)
		scio_conf_free(c);
	free(set->confs);
	scio_strset_free(&set->written);
	scio_strset_free(&set->repeated);
	memset(set, 0, sizeof(*set));
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
	free(c->key);
	free(c);
}

/* --- people ----------------------------------------------------------- */

#define AMBIGUOUS ((void *)-1)

static char *
lower(const char *s, size_t n)
{
	char *k = scio_strndup(s, n);

	for (char *p = k; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

static void
index_put(struct scio_strmap *m, const char *s, size_t n, size_t i)
{
	char *k = lower(s, n);
	void *old = scio_strmap_get(m, k);

	if (old == NULL)
		scio_strmap_put(m, k, (void *)(i + 1));
	else if (old != (void *)(i + 1))
		scio_strmap_put(m, k, AMBIGUOUS);
	free(k);
}

static long
index_get(const struct scio_strmap *m, const char *s, size_t n)
{
	char *k = lower(s, n);
	void *v = scio_strmap_get(m, k);

	free(k);
	return v == NULL || v == AMBIGUOUS ? -1 : (long)((size_t)v - 1);
}

/* Adds a speaker (a participant when p is set); returns its index. */
static size_t
cast_add(struct cast *cast, const char *name, size_t n,
    const struct scio_person *p, int chair)
{
	long have = index_get(&cast->by_name, name, n);
	size_t i;

	if (have >= 0)
		return (size_t)have;
	if (cast->n == cast->cap) {
		cast->cap = cast->cap ? cast->cap * 2 : 16;
		cast->sp = scio_reallocarray(cast->sp, cast->cap, sizeof(*cast->sp));
		cast->person = scio_reallocarray(cast->person, cast->cap, sizeof(*cast->person));
	}
	i = cast->n++;
	memset(&cast->sp[i], 0, sizeof(cast->sp[i]));
	cast->sp[i].name = p ? p->name : NULL;	/* a label's is set by the caller */
	cast->sp[i].listed = p != NULL;
	cast->sp[i].listed_chair = p != NULL && chair;
	cast->person[i] = p;
	index_put(&cast->by_name, name, n, i);
	if (p)
		index_put(&cast->by_surname, name, strcspn(name, " "), i);
	return i;
}

static void
cast_free(struct cast *cast)
{
	free(cast->sp);
	free(cast->person);
	scio_strmap_free(&cast->by_name);
	scio_strmap_free(&cast->by_surname);
	scio_strmap_free(&cast->labels);
}

/* The participant a label names: the full name, with or without an
 * honorific, or a surname alone ("Mr. Liu") when only one person has it. */
static long
cast_participant(const struct cast *cast, const char *label, size_t n)
{
	size_t h = scio_honorific_len(label);
	long i;

	if (h < n) {
		label += h;
		n -= h;
	}
	i = index_get(&cast->by_name, label, n);
	if (i >= 0 && cast->person[i])
		return i;
	i = index_get(&cast->by_surname, label, n);
	return i >= 0 && cast->person[i] ? i : -1;
}

static int
cast_has_label(const struct cast *cast, const char *s, size_t n)
{
	char *k = scio_strndup(s, n);
	int has = scio_strmap_get(&cast->labels, k) != NULL;

	free(k);
	return has;
}

static void
cast_add_label(struct cast *cast, const char *s, size_t n)
{
	char *k = scio_strndup(s, n);

	scio_strmap_put(&cast->labels, k, (void *)1);
	free(k);
}

/* Whether a paragraph opening "Name: text" gives its turn a label. The
 * same evidence as a label alone: markup, the participants, the label
 * seen elsewhere in the conference, the page's way of labelling (inline
 * everywhere), and the shape of a name or an outlet's name. */
static int
inline_label_ok(const struct cast *cast, const struct scio_para *para, size_t n,
    const char *rest, int inline_style)
{
	const char *s = para->text;
	unsigned char r = (unsigned char)*rest;

	if (para->lead >= n)
		return 1;
	if (!(isupper(r) || isdigit(r) || r == '"' || r >= 0x80))
		return 0;
	if (cast_participant(cast, s, n) >= 0 || cast_has_label(cast, s, n))
		return 1;
	if (memchr(s, ' ', n) && scio_outlet_like(s, n) && !scio_name_like(s, n))
		return 1;
	if (inline_style && (scio_name_like(s, n) || scio_outlet_like(s, n)))
		return 1;
	if (cast->labels.n == 0 && scio_name_like(s, n))
		return 1;
	/* one word in capitals: an acronym such as CNR */
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
	t->speaker = -1;
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

/* Whether the conference's pages label turns inline: more paragraphs open
 * with a marked-up or name-shaped "Name:" than labels stand alone. */
static int
labels_inline(const struct scio_conf *c)
{
	size_t alone = 0, inl = 0;

	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		for (size_t i = 0; pg && i < pg->nparas; i++) {
			const char *s = pg->paras[i].text, *rest;
			size_t len = strlen(s), n;

			if (scio_label_alone(s, len))
				alone++;
			else if ((n = scio_label_inline(s, len, &rest)) != 0 &&
			    (pg->paras[i].lead >= n || scio_name_like(s, n)))
				inl++;
		}
	}
	return inl >= 2 && inl > alone;
}

static void
cut_turns(const struct scio_conf *c, struct cast *cast, struct turns *ts)
{
	struct turn *cur = NULL;
	int inline_style = labels_inline(c);

	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		if (pg == NULL) {
			cur = NULL;	/* a missing page: nothing runs across it */
			continue;
		}
		for (size_t i = 0; i < pg->nparas; i++) {
			const struct scio_para *para = &pg->paras[i];
			const char *s = para->text, *rest;
			size_t len = strlen(s), n;

			if ((n = scio_label_alone(s, len)) != 0) {
				cur = new_turn(ts, pg, s, n);
				continue;
			}
			n = scio_label_inline(s, len, &rest);
			if (n != 0 && inline_label_ok(cast, para, n, rest, inline_style)) {
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

/* Gives each labelled turn its speaker: a participant the label names, or
 * a speaker of its own, one per distinct label. */
static void
find_speakers(struct turns *ts, struct cast *cast)
{
	for (size_t i = 0; i < ts->n; i++) {
		struct turn *t = &ts->t[i];
		size_t n;

		if (t->label == NULL)
			continue;
		n = strlen(t->label);
		t->speaker = cast_participant(cast, t->label, n);
		if (t->speaker < 0) {
			t->speaker = (long)cast_add(cast, t->label, n, NULL, 0);
			if (cast->sp[t->speaker].name == NULL)
				cast->sp[t->speaker].name = t->label;
		}
	}
}

/* Without a chair in the participants block (old pages list people with
 * no headings), the chair is the listed person who speaks first. */
static void
first_listed_chairs(const struct turns *ts, struct cast *cast)
{
	for (size_t i = 0; i < cast->n; i++)
		if (cast->sp[i].listed_chair)
			return;
	for (size_t i = 0; i < ts->n; i++) {
		long w = ts->t[i].speaker;

		if (w < 0)
			continue;
		if (cast->person[w])
			cast->sp[w].listed_chair = 1;
		return;
	}
}

static void
number_questions(struct turns *ts, const struct cast *cast)
{
	int qa = 0;
	long prev = -2;

	for (size_t i = 0; i < ts->n; i++) {
		struct turn *t = &ts->t[i];
		int media = t->speaker >= 0 ?
		    strcmp(cast->sp[t->speaker].role, "media") == 0 :
		    scio_text_asks(scio_buf_str(&t->text));

		/* a question that runs on under the same label is one */
		if (media && !(t->speaker >= 0 && t->speaker == prev))
			qa++;
		t->qa = qa;
		prev = media ? t->speaker : -2;
	}
}

/* The role of a turn as records spell it. */
static const char *
turn_role(const struct turn *t, const struct cast *cast)
{
	if (t->speaker >= 0)
		return cast->sp[t->speaker].role;
	return scio_text_asks(scio_buf_str(&t->text)) ? "media" : "other";
}

/* Whether a turn holds only what a header or a menu holds: short lines
 * none of which is a sentence. */
static int
header_like(const struct turn *t)
{
	const char *p = scio_buf_str(&t->text);

	while (*p) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *para = scio_strndup(p, n);
		int sentence = scio_sentence_like(para);

		free(para);
		if (sentence)
			return 0;
		p += n + (e ? 2 : 0);
	}
	return 1;
}

/* Silent loss is a bug: a page of a transcript that gave no labelled
 * turn, or a conference whose first turn is only header-like lines, is
 * said on stderr (the page was read: the exit status stays 0). */
static void
warn_unread(const struct scio_conf *c, const struct turns *ts)
{
	if (c->warned)
		return;
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];
		int labelled = 0;

		if (pg == NULL || pg->kind != SCIO_KIND_TRANSCRIPT)
			continue;
		for (size_t i = 0; i < ts->n && !labelled; i++)
			labelled = ts->t[i].page == pg->pageno && ts->t[i].label != NULL;
		if (!labelled)
			scio_warn("%s: no speaker label found on this page%s; "
			    "see scio-parse --explain", pg->url,
			    pg->nparas ? " (its text is kept in the turn before)" : " and no text");
	}
	if (ts->n > 0 && ts->t[0].label == NULL && header_like(&ts->t[0]))
		scio_warn("%s: the first turn holds only short lines a header or menu "
		    "would; see scio-parse --explain", ts->t[0].url);
}

/* Builds the turns of a conference. */
static void
conference_turns(const struct scio_conf *c, struct turns *ts, struct cast *cast)
{
	struct scio_role_turn *rt;
	int known = 0;

	memset(ts, 0, sizeof(*ts));
	memset(cast, 0, sizeof(*cast));
	for (int chair = 1; chair >= 0; chair--)
		for (size_t k = 0; k < c->npages; k++) {
			const struct scio_page *pg = c->pages[k];
			const struct scio_person *p = pg ? (chair ? pg->chair : pg->speakers) : NULL;
			size_t np = pg ? (chair ? pg->nchair : pg->nspeakers) : 0;

			for (size_t i = 0; i < np; i++)
				cast_add(cast, p[i].name, strlen(p[i].name), &p[i], chair);
		}
	for (size_t k = 0; k < c->npages; k++) {
		const struct scio_page *pg = c->pages[k];

		for (size_t i = 0; pg && i < pg->nparas; i++) {
			const char *s = pg->paras[i].text, *rest;
			size_t len = strlen(s), n = scio_label_alone(s, len);

			if (n == 0 && (n = scio_label_inline(s, len, &rest)) != 0 &&
			    pg->paras[i].lead < n)
				n = 0;
			if (n)
				cast_add_label(cast, s, n);
		}
		known |= pg ? pg->has_participants : 0;
	}
	cut_turns(c, cast, ts);
	find_speakers(ts, cast);
	if (known)
		first_listed_chairs(ts, cast);
	rt = scio_reallocarray(NULL, ts->n ? ts->n : 1, sizeof(*rt));
	for (size_t i = 0; i < ts->n; i++) {
		rt[i].speaker = ts->t[i].speaker;
		rt[i].text = scio_buf_str(&ts->t[i].text);
	}
	scio_roles_decide(cast->sp, cast->n, rt, ts->n);
	free(rt);
	number_questions(ts, cast);
	warn_unread(c, ts);
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

/* The members a turn has both alone and nested in a doc. */
static void
turn_members(struct scio_buf *b, const struct turn *t, const struct cast *cast)
{
	const char *role = turn_role(t, cast);
	const struct scio_person *p = t->speaker >= 0 ? cast->person[t->speaker] : NULL;

	scio_jw_kstr(b, "speaker", p ? p->name : t->label);
	scio_jw_kstr(b, "speaker_title", p ? p->title : NULL);
	scio_jw_kstr(b, "role", role);
	scio_jw_kstr(b, "outlet", strcmp(role, "media") == 0 ? t->label : NULL);
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
		turn_members(out, t, &cast);
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
			long w = cast ? cast_participant(cast, p[i].name, strlen(p[i].name)) : -1;
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
		turn_members(out, &ts.t[i], &cast);
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
			scio_buf_adds(&text, pg->paras[i].text);
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
