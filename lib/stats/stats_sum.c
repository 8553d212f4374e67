/* stats_sum.c: scio-stats --summary, one row per conference: its date,
 * id and title, how many questions it took, from which outlets, and how
 * many words each official spoke. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/stats/stats.h"
#include "scio/base/strmap.h"

struct official {
	char *name;
	double words;
};

struct conf {
	char *doc, *date, *title, *url;
	double questions, words;
	long long last_q;
	char **outlets;
	size_t noutlets, outletscap;
	struct official *off;
	size_t noff, offcap;
};

struct scio_ssum {
	struct scio_strmap map;		/* doc to index + 1 */
	struct conf *c;
	size_t n, cap;
	struct scio_buf tmp, doc;
};

struct scio_ssum *
scio_ssum_new(void)
{
	return scio_calloc(1, sizeof(struct scio_ssum));
}

static char *
string_or_null(const struct scio_frec *r, const char *key, struct scio_buf *b)
{
	if (!scio_frec_str(r, key, b) || b->len == 0)
		return NULL;
	return scio_strdup(b->s);
}

static struct conf *
conf_of(struct scio_ssum *m, const struct scio_frec *r)
{
	struct conf *c;
	void *idx;

	scio_frec_str(r, "doc", &m->doc);
	/* conferences without an id are told apart by their title */
	if (m->doc.len == 0) {
		scio_buf_addc(&m->doc, '\x1e');
		scio_frec_get(r, "title", &m->doc);
	}
	idx = scio_strmap_get(&m->map, m->doc.s);
	if (idx)
		return &m->c[(uintptr_t)idx - 1];
	SCIO_ALLOC_GROW(m->c, m->n + 1, m->cap);
	c = &m->c[m->n++];
	memset(c, 0, sizeof(*c));
	scio_strmap_put(&m->map, m->doc.s, (void *)(uintptr_t)m->n);
	c->doc = string_or_null(r, "doc", &m->tmp);
	c->title = string_or_null(r, "title", &m->tmp);
	c->last_q = -1;
	return c;
}

void
scio_ssum_turn(struct scio_ssum *m, const struct scio_frec *r,
    const char *speaker, const char *role, const char *text, size_t textlen)
{
	struct conf *c = conf_of(m, r);
	double words = (double)scio_words(text ? text : "", textlen);
	long long qa;
	char *s;

	if (c->date == NULL)
		c->date = string_or_null(r, "date", &m->tmp);
	if (c->url == NULL && (s = string_or_null(r, "url", &m->tmp))) {
		scio_buf_reset(&m->tmp);
		scio_first_page(s, strlen(s), &m->tmp);
		c->url = scio_buf_take(&m->tmp);
		free(s);
	}
	c->words += words;
	if (strcmp(role, "media") == 0) {
		if (scio_frec_int(r, "qa", &qa) && qa > 0 && qa != c->last_q) {
			c->questions++;
			c->last_q = qa;
		}
		if ((s = string_or_null(r, "outlet", &m->tmp)) == NULL)
			return;
		for (size_t i = 0; i < c->noutlets; i++)
			if (strcmp(c->outlets[i], s) == 0) {
				free(s);
				return;
			}
		SCIO_ALLOC_GROW(c->outlets, c->noutlets + 1, c->outletscap);
		c->outlets[c->noutlets++] = s;
		return;
	}
	if (strcmp(role, "official") != 0 || *speaker == '\0')
		return;
	for (size_t i = 0; i < c->noff; i++)
		if (strcmp(c->off[i].name, speaker) == 0) {
			c->off[i].words += words;
			return;
		}
	SCIO_ALLOC_GROW(c->off, c->noff + 1, c->offcap);
	c->off[c->noff].name = scio_strdup(speaker);
	c->off[c->noff++].words = words;
}

static int
nullcmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

static int
by_date(const void *p, const void *q)
{
	const struct conf *a = p, *b = q;
	int c = nullcmp(a->date, b->date);

	return c ? c : nullcmp(a->doc, b->doc);
}

static int
by_questions(const void *p, const void *q)
{
	const struct conf *a = p, *b = q;

	if (a->questions != b->questions)
		return a->questions > b->questions ? -1 : 1;
	return by_date(p, q);
}

static const char *const columns[] = {
	"date", "doc", "title", "questions", "outlets", "words",
	"words_by_official",
};
static const enum scio_scol kinds[] = {
	SCIO_SC_TEXT, SCIO_SC_TEXT, SCIO_SC_TEXT, SCIO_SC_INT, SCIO_SC_TEXT,
	SCIO_SC_INT, SCIO_SC_TEXT,
};

static void
add_row(struct scio_stab *t, struct conf *c)
{
	struct scio_srow *row;
	struct scio_buf b = {0};

	SCIO_ALLOC_GROW(t->rows, t->nrows + 1, t->cap);
	row = &t->rows[t->nrows++];
	memset(row, 0, sizeof(*row));
	row->text = scio_calloc(t->ncol, sizeof(*row->text));
	row->num = scio_calloc(t->ncol, sizeof(*row->num));
	row->text[0] = c->date;
	row->text[1] = c->doc;
	row->text[2] = c->title;
	c->date = c->doc = c->title = NULL;
	row->num[3] = c->questions;
	for (size_t i = 0; i < c->noutlets; i++)
		scio_buf_printf(&b, "%s%s", i ? "; " : "", c->outlets[i]);
	row->text[4] = b.len ? scio_buf_take(&b) : NULL;
	row->num[5] = c->words;
	for (size_t i = 0; i < c->noff; i++)
		scio_buf_printf(&b, "%s%s %.0f", i ? "; " : "", c->off[i].name,
		    c->off[i].words);
	row->text[6] = b.len ? scio_buf_take(&b) : NULL;
	row->links = scio_calloc(1, sizeof(*row->links));
	if (c->url) {
		row->links[0].url = c->url;
		row->links[0].label = scio_strdup(row->text[0] ? row->text[0] :
		    row->text[1] ? row->text[1] : "conference");
		row->nlinks = 1;
		c->url = NULL;
	}
	scio_buf_free(&b);
}

struct scio_stab *
scio_ssum_table(struct scio_ssum *m, long top)
{
	struct scio_stab *t = scio_calloc(1, sizeof(*t));
	size_t n = m->n;

	t->title = scio_strdup("questions by conference");
	t->ncol = LEN(columns);
	t->names = scio_calloc(t->ncol, sizeof(*t->names));
	t->kind = scio_calloc(t->ncol, sizeof(*t->kind));
	for (size_t i = 0; i < t->ncol; i++) {
		t->names[i] = scio_strdup(columns[i]);
		t->kind[i] = kinds[i];
	}
	t->nkey = 2;
	t->bar = 3;
	if (m->n > 1)
		qsort(m->c, m->n, sizeof(*m->c), top > 0 ? by_questions : by_date);
	if (top > 0 && (size_t)top < n)
		n = (size_t)top;
	for (size_t i = 0; i < n; i++)
		add_row(t, &m->c[i]);
	return t;
}

void
scio_ssum_free(struct scio_ssum *m)
{
	for (size_t i = 0; i < m->n; i++) {
		struct conf *c = &m->c[i];

		free(c->doc);
		free(c->date);
		free(c->title);
		free(c->url);
		for (size_t k = 0; k < c->noutlets; k++)
			free(c->outlets[k]);
		free(c->outlets);
		for (size_t k = 0; k < c->noff; k++)
			free(c->off[k].name);
		free(c->off);
	}
	free(m->c);
	scio_strmap_free(&m->map);
	scio_buf_free(&m->tmp);
	scio_buf_free(&m->doc);
	free(m);
}
