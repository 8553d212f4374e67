/* stats.c: scio-stats' counting: each turn falls in the group its --by
 * fields name, and adds to that group's count; memory grows with the
 * number of groups, never with the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/stats/stats.h"
#include "scio/base/strmap.h"
#include "scio/base/width.h"

#define MAX_LINKS 12		/* conferences a row links to in a report */
#define MISSING '\x1e'		/* a key part whose field is null or missing */
#define SEP '\x1f'		/* between the parts of a key */

struct group {
	char *key;
	double n, words;
	char *last_doc;		/* the exchange or conference counted last */
	long long last_qa;
	char *link_doc;		/* the conference linked last */
	struct scio_slink links[MAX_LINKS];
	size_t nlinks, more;
};

struct scio_stats {
	struct scio_stats_opts o;
	struct scio_strmap map;		/* key to index + 1 */
	struct group *g;
	size_t ng, cap;
	struct scio_ssum *sum;
	int need_text;
	struct scio_buf key, val, text, doc, role, speaker, tmp, why;
};

struct scio_stats *
scio_stats_new(const struct scio_stats_opts *o)
{
	struct scio_stats *s = scio_calloc(1, sizeof(*s));

	s->o = *o;
	if (o->summary)
		s->sum = scio_ssum_new();
	s->need_text = o->summary || o->per || o->count == SCIO_COUNT_WORDS;
	return s;
}

/* The speaker's title: the turn's speaker_title, else the doc's. */
static int
speaker_title(struct scio_stats *s, const struct scio_frec *r,
    const json_t *people, struct scio_buf *out)
{
	size_t i;
	json_t *p;

	if (scio_frec_str(r, "speaker_title", out) && out->len)
		return 1;
	if (!json_is_array(people) || !scio_frec_str(r, "speaker", &s->tmp))
		return 0;
	json_array_foreach(people, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		const char *t = json_string_value(json_object_get(p, "title"));

		if (n && t && *t && strcmp(n, scio_buf_str(&s->tmp)) == 0) {
			scio_buf_adds(out, t);
			return 1;
		}
	}
	return 0;
}

/* Appends the value of one --by field to key; 0 when it has none. */
static int
key_part(struct scio_stats *s, const struct scio_frec *r, const json_t *people,
    const char *field)
{
	struct scio_buf *v = &s->val;
	int wd;

	if (strcmp(field, "year") == 0 || strcmp(field, "month") == 0 ||
	    strcmp(field, "weekday") == 0) {
		if (!scio_frec_str(r, "date", v) || v->len != 10 || v->s[4] != '-')
			return 0;
		if (field[0] == 'w') {
			if ((wd = scio_weekday(v->s, v->len)) < 0)
				return 0;
			scio_buf_adds(&s->key, scio_weekday_names[wd]);
		} else {
			scio_buf_add(&s->key, v->s, field[0] == 'y' ? 4 : 7);
		}
		return 1;
	}
	if (strcmp(field, "agency") == 0) {
		scio_buf_reset(v);
		return speaker_title(s, r, people, v) &&
		    scio_agency(v->s, v->len, &s->key);
	}
	scio_buf_reset(v);
	switch (scio_frec_get(r, field, v)) {
	case SCIO_F_MISSING:
	case SCIO_F_NULL:
		return 0;
	default:
		scio_buf_add(&s->key, v->s, v->len);
		return 1;
	}
}

static struct group *
group_of(struct scio_stats *s, const struct scio_frec *r, const json_t *people)
{
	struct group *g;
	void *idx;

	scio_buf_reset(&s->key);
	for (size_t i = 0; i < s->o.nby; i++) {
		size_t before;

		if (i > 0)
			scio_buf_addc(&s->key, SEP);
		before = s->key.len;
		if (!key_part(s, r, people, s->o.by[i])) {
			s->key.len = before;
			scio_buf_addc(&s->key, MISSING);
			continue;
		}
		/* a value holding the separators would mix with another key */
		for (size_t k = before; k < s->key.len; k++)
			if (s->key.s[k] == SEP || s->key.s[k] == MISSING)
				s->key.s[k] = ' ';
	}
	scio_buf_addc(&s->key, '\0');
	idx = scio_strmap_get(&s->map, s->key.s);
	if (idx)
		return &s->g[(uintptr_t)idx - 1];
	SCIO_ALLOC_GROW(s->g, s->ng + 1, s->cap);
	g = &s->g[s->ng++];
	memset(g, 0, sizeof(*g));
	g->key = scio_strdup(s->key.s);
	scio_strmap_put(&s->map, g->key, (void *)(uintptr_t)s->ng);
	return g;
}

/* Whether the turn's text matches -e, and how often (*hits). 0 also after
 * a pattern failed on it (reported: the turn is skipped, status 2). */
static int
text_matches(struct scio_stats *s, const struct scio_frec *r, int decoded,
    size_t *hits, const char *file, size_t line)
{
	size_t from = 0, so, eo;
	const struct scio_jmember *m;

	*hits = 0;
	if (!decoded && r->obj && (m = scio_jobj_get(r->obj, "text")) &&
	    m->type == SCIO_JSTRING &&
	    !scio_match_maybe(s->o.pat, m->val + 1, m->vallen - 2))
		return 0;
	if (!decoded && !scio_frec_str(r, "text", &s->text))
		return 0;
	if (s->o.count != SCIO_COUNT_HITS) {
		*hits = (size_t)scio_match_test(s->o.pat, s->text.s, s->text.len);
	} else {
		while (from <= s->text.len && scio_match_find(s->o.pat, s->text.s,
		    s->text.len, from, &so, &eo)) {
			(*hits)++;
			from = eo > so ? eo : so + 1;
			while (from < s->text.len &&
			    ((unsigned char)s->text.s[from] & 0xc0) == 0x80)
				from++;
		}
	}
	scio_buf_reset(&s->why);
	if (scio_match_error(s->o.pat, &s->why)) {
		scio_bad_input(file, line, "cannot test the pattern: %s",
		    scio_buf_str(&s->why));
		return -1;
	}
	return *hits > 0;
}

/* Whether the turn is one the count looks at (a question for questions,
 * a turn from the floor's part for exchanges). */
static int
eligible(struct scio_stats *s, long long qa)
{
	switch (s->o.count) {
	case SCIO_COUNT_QUESTIONS:
		return qa > 0 && strcmp(scio_buf_str(&s->role), "media") == 0;
	case SCIO_COUNT_EXCHANGES:
		return qa > 0;
	default:
		return 1;
	}
}

/* Counts once per exchange (qa >= 0) or conference (qa < 0) a group
 * sees, the turns of each coming one after another. */
static int
first_in(struct group *g, const struct scio_buf *doc, long long qa)
{
	if (g->last_doc && strcmp(g->last_doc, scio_buf_str(doc)) == 0 &&
	    g->last_qa == qa)
		return 0;
	free(g->last_doc);
	g->last_doc = scio_strdup(scio_buf_str(doc));
	g->last_qa = qa;
	return 1;
}

static void
add_link(struct scio_stats *s, struct group *g, const struct scio_frec *r)
{
	struct scio_slink *l;

	if (g->link_doc && strcmp(g->link_doc, scio_buf_str(&s->doc)) == 0)
		return;
	free(g->link_doc);
	g->link_doc = scio_strdup(scio_buf_str(&s->doc));
	if (g->nlinks == MAX_LINKS || !scio_frec_str(r, "url", &s->tmp)) {
		g->more++;
		return;
	}
	l = &g->links[g->nlinks++];
	scio_buf_reset(&s->val);
	scio_first_page(s->tmp.s, s->tmp.len, &s->val);
	l->url = scio_buf_take(&s->val);
	if (!scio_frec_str(r, "date", &s->tmp))
		scio_buf_adds(&s->tmp, s->doc.len ? s->doc.s : "conference");
	l->label = scio_buf_take(&s->tmp);
}

void
scio_stats_turn(struct scio_stats *s, const struct scio_frec *r,
    const json_t *people, const char *file, size_t line)
{
	long long qa = -1;
	size_t hits = 1, words = 0;
	int decoded = 0, match = 1;
	struct group *g;

	if (s->need_text) {
		scio_frec_str(r, "text", &s->text);
		decoded = 1;
	}
	if (s->o.pat && (match = text_matches(s, r, decoded, &hits, file,
	    line)) < 0)
		return;
	scio_frec_str(r, "role", &s->role);
	if (s->sum) {
		scio_frec_str(r, "speaker", &s->speaker);
		if (match)
			scio_ssum_turn(s->sum, r, scio_buf_str(&s->speaker),
			    scio_buf_str(&s->role), s->text.s, s->text.len);
		return;
	}
	if (!scio_frec_int(r, "qa", &qa))
		qa = -1;
	if (!eligible(s, qa))
		return;
	g = group_of(s, r, people);
	scio_frec_str(r, "doc", &s->doc);
	if (decoded)
		words = scio_words(s->text.s, s->text.len);
	g->words += (double)words;
	if (!match)
		return;
	switch (s->o.count) {
	case SCIO_COUNT_TURNS: g->n += 1; break;
	case SCIO_COUNT_HITS: g->n += (double)hits; break;
	case SCIO_COUNT_WORDS: g->n += (double)words; break;
	case SCIO_COUNT_QUESTIONS:
	case SCIO_COUNT_EXCHANGES: g->n += first_in(g, &s->doc, qa); break;
	case SCIO_COUNT_CONFERENCES: g->n += first_in(g, &s->doc, -1); break;
	}
	add_link(s, g, r);
}

/* Where a doc record's turns are sent, with the file and line it came
 * from. */
struct doc_visit {
	struct scio_stats *s;
	const char *file;
	size_t line;
};

static void
visit_turn(void *arg, const struct scio_frec *turn, const json_t *people)
{
	struct doc_visit *v = arg;

	scio_stats_turn(v->s, turn, people, v->file, v->line);
}

void
scio_stats_doc(struct scio_stats *s, const struct scio_frec *doc,
    const char *file, size_t line)
{
	struct doc_visit v = {s, file, line};

	scio_frec_each_turn(doc, visit_turn, &v);
}

/* The table. */

static int
is_time_field(const char *f)
{
	return strcmp(f, "year") == 0 || strcmp(f, "month") == 0 ||
	    strcmp(f, "date") == 0 || strcmp(f, "published") == 0;
}

/* One part of a key compared with another: weekdays in the week's order,
 * a missing value last. */
static int
part_cmp(const char *field, const char *a, size_t an, const char *b, size_t bn)
{
	int c;

	if ((an == 1 && *a == MISSING) || (bn == 1 && *b == MISSING))
		return (an == 1 && *a == MISSING) - (bn == 1 && *b == MISSING);
	if (strcmp(field, "weekday") == 0) {
		for (int i = 0; i < 7; i++) {
			const char *w = scio_weekday_names[i];
			int ha = strlen(w) == an && memcmp(w, a, an) == 0;
			int hb = strlen(w) == bn && memcmp(w, b, bn) == 0;

			if (ha || hb)
				return hb - ha;
		}
	}
	c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static const struct scio_stats *sort_stats;	/* for qsort's comparators */

/* Compares the keys' parts from the first: all of them (upto = nby), or
 * only the leading ones in time (upto = 0), weekday being one. */
static int
key_cmp_upto(const struct group *x, const struct group *y, int all)
{
	const char *a = x->key, *b = y->key;

	for (size_t i = 0; i < sort_stats->o.nby; i++) {
		const char *f = sort_stats->o.by[i];
		size_t an = strcspn(a, "\x1f"), bn = strcspn(b, "\x1f");
		int c;

		if (!all && !is_time_field(f) && strcmp(f, "weekday") != 0)
			return 0;
		if ((c = part_cmp(f, a, an, b, bn)) != 0)
			return c;
		a += an + (a[an] != '\0');
		b += bn + (b[bn] != '\0');
	}
	return 0;
}

static int
key_cmp(const struct group *x, const struct group *y)
{
	return key_cmp_upto(x, y, 1);
}

static double
bar_value(const struct group *g)
{
	if (sort_stats->o.per)
		return g->words > 0 ? g->n / g->words * (double)sort_stats->o.per : 0;
	return g->n;
}

/* Leading time fields in time order, then the highest value first. */
static int
by_time_value(const void *p, const void *q)
{
	int c = key_cmp_upto(p, q, 0);
	double a = bar_value(p), b = bar_value(q);

	if (c)
		return c;
	if (a != b)
		return a > b ? -1 : 1;
	return key_cmp(p, q);
}

static int
by_value(const void *p, const void *q)
{
	double a = bar_value(p), b = bar_value(q);

	if (a != b)
		return a > b ? -1 : 1;
	return key_cmp(p, q);
}

static char *
title_of_table(const struct scio_stats *s)
{
	struct scio_buf t = {0};

	scio_buf_adds(&t, scio_stats_count_name(s->o.count));
	if (s->o.pattern)
		scio_buf_printf(&t, " matching \u201c%s\u201d", s->o.pattern);
	if (s->o.per)
		scio_buf_printf(&t, " per %ld words", s->o.per);
	for (size_t i = 0; i < s->o.nby; i++)
		scio_buf_printf(&t, "%s%s", i ? " and " : " by ", s->o.by[i]);
	return scio_buf_take(&t);
}

static void
set_columns(struct scio_stab *t, const struct scio_stats *s)
{
	size_t k = 0;

	t->ncol = s->o.nby + 1 + !!s->o.share + !!s->o.per;
	t->names = scio_calloc(t->ncol, sizeof(*t->names));
	t->kind = scio_calloc(t->ncol, sizeof(*t->kind));
	for (; k < s->o.nby; k++)
		t->names[k] = scio_strdup(s->o.by[k]);
	t->nkey = k;
	t->names[k] = scio_strdup(scio_stats_count_name(s->o.count));
	t->kind[k] = SCIO_SC_INT;
	t->bar = k++;
	if (s->o.share) {
		t->names[k] = scio_strdup("share");
		t->kind[k++] = SCIO_SC_SHARE;
	}
	if (s->o.per) {
		struct scio_buf b = {0};

		scio_buf_printf(&b, "per_%ld", s->o.per);
		t->names[k] = scio_buf_take(&b);
		t->kind[k] = SCIO_SC_REAL;
		t->bar = k;
	}
}

static void
add_group_row(struct scio_stab *t, const struct scio_stats *s,
    struct group *g, double total)
{
	struct scio_srow *row;
	const char *p = g->key;
	size_t k;

	SCIO_ALLOC_GROW(t->rows, t->nrows + 1, t->cap);
	row = &t->rows[t->nrows++];
	memset(row, 0, sizeof(*row));
	row->text = scio_calloc(t->ncol, sizeof(*row->text));
	row->num = scio_calloc(t->ncol, sizeof(*row->num));
	for (k = 0; k < s->o.nby; k++) {
		size_t n = strcspn(p, "\x1f");

		if (!(n == 1 && *p == MISSING))
			row->text[k] = scio_strndup(p, n);
		p += n + (p[n] != '\0');
	}
	row->num[k++] = g->n;
	if (s->o.share)
		row->num[k++] = total > 0 ? g->n / total : 0;
	if (s->o.per)
		row->num[k] = g->words > 0 ? g->n / g->words * (double)s->o.per : 0;
	row->links = scio_calloc(g->nlinks ? g->nlinks : 1, sizeof(*row->links));
	memcpy(row->links, g->links, g->nlinks * sizeof(*g->links));
	row->nlinks = g->nlinks;
	row->more = g->more;
	g->nlinks = 0;		/* the row owns the strings now */
}

struct scio_stab *
scio_stats_table(struct scio_stats *s)
{
	struct scio_stab *t;
	double total = 0;
	size_t n;

	if (s->sum)
		return scio_ssum_table(s->sum, s->o.top);
	t = scio_calloc(1, sizeof(*t));
	t->title = title_of_table(s);
	set_columns(t, s);
	t->series = s->o.nby == 1 && is_time_field(s->o.by[0]) && !s->o.top;
	sort_stats = s;
	for (size_t i = 0; i < s->ng; i++)
		total += s->g[i].n;
	if (s->ng > 1)
		qsort(s->g, s->ng, sizeof(*s->g), s->o.top ? by_value :
		    by_time_value);
	n = s->o.top && (size_t)s->o.top < s->ng ? (size_t)s->o.top : s->ng;
	for (size_t i = 0; i < n; i++)
		add_group_row(t, s, &s->g[i], total);
	return t;
}

void
scio_stats_free(struct scio_stats *s)
{
	for (size_t i = 0; i < s->ng; i++) {
		struct group *g = &s->g[i];

		for (size_t k = 0; k < g->nlinks; k++) {
			free(g->links[k].url);
			free(g->links[k].label);
		}
		free(g->key);
		free(g->last_doc);
		free(g->link_doc);
	}
	free(s->g);
	scio_strmap_free(&s->map);
	if (s->sum)
		scio_ssum_free(s->sum);
	struct scio_buf *bufs[] = {&s->key, &s->val, &s->text, &s->doc,
	    &s->role, &s->speaker, &s->tmp, &s->why};
	for (size_t i = 0; i < LEN(bufs); i++)
		scio_buf_free(bufs[i]);
	free(s);
}
