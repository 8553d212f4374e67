/* exchange.c: turns grouped into exchanges, one record per question from
 * the floor: the question, the officials who answered and their answers,
 * and the chair's words between them kept in a field of their own. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/fmt/exchange.h"
#include "scio/fmt/fmt_impl.h"

const char *const scio_exchange_fields[] = {
	"doc", "date", "qa", "outlet", "asker", "question", "answered_by",
	"answer", "chair_text", NULL,
};

struct scio_xgroup {
	scio_xemit_fn *emit;
	void *arg;
	int open;			/* an exchange is in progress */
	long long qa;
	struct scio_buf doc, date, title, url, outlet, asker;
	struct scio_buf question, answer, chair;
	int has_date, has_title, has_url, has_doc;
	int revised;			/* its conference's records say so */
	json_t *officials, *seqs;
	char *file;			/* where its first turn was read */
	size_t line;
	struct scio_buf tmp, name, role;
};

struct scio_xgroup *
scio_xgroup_new(scio_xemit_fn *emit, void *arg)
{
	struct scio_xgroup *g = scio_calloc(1, sizeof(*g));

	g->emit = emit;
	g->arg = arg;
	return g;
}

/* What b holds, or NULL when it is empty or was never set (!has). */
static const char *
text_of(const struct scio_buf *b, int has)
{
	return has && b->len ? scio_buf_str(b) : NULL;
}

static void
append_text(struct scio_buf *to, const struct scio_buf *text)
{
	if (text->len == 0)
		return;
	if (to->len > 0)
		scio_buf_add(to, "\n\n", 2);
	scio_buf_add(to, text->s, text->len);
}

/* An official's title: the turn's own speaker_title, else the one a doc's
 * speakers or chair list gives the name. New reference, or NULL. */
static json_t *
title_of(const struct scio_frec *r, const char *name, const json_t *people,
    struct scio_buf *tmp)
{
	size_t i;
	json_t *p;

	if (scio_frec_str(r, "speaker_title", tmp) && tmp->len)
		return json_stringn(tmp->s, tmp->len);
	if (!json_is_array(people))
		return NULL;
	json_array_foreach(people, i, p) {
		const char *n = json_string_value(json_object_get(p, "name"));
		json_t *t = json_object_get(p, "title");

		if (n && strcmp(n, name) == 0 && json_is_string(t) &&
		    json_string_length(t) > 0)
			return json_incref(t);
	}
	return NULL;
}

static void
add_official(struct scio_xgroup *g, const struct scio_frec *r,
    const json_t *people)
{
	const char *name = scio_buf_str(&g->name);
	size_t i;
	json_t *o, *title;

	json_array_foreach(g->officials, i, o)
		if (strcmp(json_string_value(json_object_get(o, "name")), name) == 0)
			return;
	title = title_of(r, name, people, &g->tmp);
	o = json_pack("{s:s, s:o}", "name", name, "title",
	    title ? title : json_null());
	if (o == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot build an exchange record");
	json_array_append_new(g->officials, o);
}

/* Whether the field is JSON true. */
static int
is_true(const struct scio_frec *r, const char *key, struct scio_buf *b)
{
	scio_buf_reset(b);
	return scio_frec_get(r, key, b) == SCIO_F_OTHER && b->len == 4 &&
	    memcmp(b->s, "true", 4) == 0;
}

static void
begin(struct scio_xgroup *g, const struct scio_frec *r, long long qa,
    const char *file, size_t line)
{
	g->open = 1;
	g->qa = qa;
	g->has_doc = scio_frec_str(r, "doc", &g->doc);
	g->has_date = scio_frec_str(r, "date", &g->date);
	g->has_title = scio_frec_str(r, "title", &g->title);
	g->has_url = scio_frec_str(r, "url", &g->url);
	g->revised = is_true(r, "revised", &g->tmp);
	g->officials = json_array();
	g->seqs = json_array();
	free(g->file);
	g->file = scio_strdup(file);
	g->line = line;
}

static void
reset(struct scio_xgroup *g)
{
	struct scio_buf *bufs[] = {&g->doc, &g->date, &g->title, &g->url,
	    &g->outlet, &g->asker, &g->question, &g->answer, &g->chair};

	for (size_t i = 0; i < LEN(bufs); i++)
		scio_buf_reset(bufs[i]);
	json_decref(g->officials);
	json_decref(g->seqs);
	g->officials = g->seqs = NULL;
	g->open = 0;
}

/* "Name, title; Name" for a row's answered_by. */
static json_t *
answered_by(const json_t *officials, struct scio_buf *b)
{
	size_t i;
	json_t *o;

	scio_buf_reset(b);
	json_array_foreach(officials, i, o) {
		if (i > 0)
			scio_buf_adds(b, "; ");
		scio_fmt_person(o, b);
	}
	return b->len ? json_stringn(b->s, b->len) : json_null();
}

void
scio_xgroup_flush(struct scio_xgroup *g)
{
	json_t *x;
	const char *doc = g->doc.len ? g->doc.s : "(no id)";

	if (!g->open)
		return;
	if (g->question.len == 0)
		scio_warn("%s:%zu: exchange %lld of conference %s has no question",
		    g->file, g->line, g->qa, doc);
	if (g->answer.len == 0)
		scio_warn("%s:%zu: question %lld of conference %s has no answer",
		    g->file, g->line, g->qa, doc);
	x = json_object();
	json_object_set_new(x, "type", json_string("exchange"));
	json_object_set_new(x, "doc", scio_json_str_or_null(text_of(&g->doc, g->has_doc)));
	json_object_set_new(x, "date", scio_json_str_or_null(text_of(&g->date, g->has_date)));
	json_object_set_new(x, "title", scio_json_str_or_null(text_of(&g->title, g->has_title)));
	json_object_set_new(x, "qa", json_integer(g->qa));
	json_object_set_new(x, "url", scio_json_str_or_null(text_of(&g->url, g->has_url)));
	json_object_set_new(x, "outlet", scio_json_str_or_null(text_of(&g->outlet, 1)));
	json_object_set_new(x, "asker", scio_json_str_or_null(text_of(&g->asker, 1)));
	json_object_set_new(x, "question", scio_json_str_or_null(text_of(&g->question, 1)));
	json_object_set(x, "officials", g->officials);
	json_object_set_new(x, "answered_by", answered_by(g->officials, &g->tmp));
	json_object_set_new(x, "answer", scio_json_str_or_null(text_of(&g->answer, 1)));
	json_object_set_new(x, "chair_text", scio_json_str_or_null(text_of(&g->chair, 1)));
	json_object_set(x, "seqs", g->seqs);
	if (g->revised)
		json_object_set_new(x, "revised", json_true());
	g->emit(x, g->arg);
	json_decref(x);
	reset(g);
}

void
scio_xgroup_turn(struct scio_xgroup *g, const struct scio_frec *r,
    const json_t *people, const char *file, size_t line)
{
	long long qa, seq;
	struct scio_buf *text = &g->tmp;

	if (!scio_frec_int(r, "qa", &qa) || qa <= 0) {
		scio_xgroup_flush(g);
		return;
	}
	scio_frec_str(r, "doc", &g->name);
	if (g->open && (qa != g->qa || g->name.len != g->doc.len ||
	    memcmp(scio_buf_str(&g->name), scio_buf_str(&g->doc), g->doc.len) != 0))
		scio_xgroup_flush(g);
	if (!g->open)
		begin(g, r, qa, file, line);
	if (scio_frec_int(r, "seq", &seq))
		json_array_append_new(g->seqs, json_integer(seq));
	scio_frec_str(r, "role", &g->role);
	scio_frec_str(r, "speaker", &g->name);
	scio_frec_str(r, "text", text);
	if (strcmp(scio_buf_str(&g->role), "media") == 0) {
		append_text(&g->question, text);
		if (g->asker.len == 0)
			scio_frec_str(r, "speaker", &g->asker);
		if (g->outlet.len == 0)
			scio_frec_str(r, "outlet", &g->outlet);
	} else if (strcmp(scio_buf_str(&g->role), "chair") == 0) {
		append_text(&g->chair, text);
	} else {
		append_text(&g->answer, text);
		if (g->name.len && strcmp(scio_buf_str(&g->role), "official") == 0)
			add_official(g, r, people);
	}
}

/* Where a doc record's turns are sent, with the file and line it came
 * from. */
struct doc_visit {
	struct scio_xgroup *g;
	const char *file;
	size_t line;
};

static void
visit_turn(void *arg, const struct scio_frec *turn, const json_t *people)
{
	struct doc_visit *v = arg;

	scio_xgroup_turn(v->g, turn, people, v->file, v->line);
}

void
scio_xgroup_doc(struct scio_xgroup *g, const struct scio_frec *doc,
    const char *file, size_t line)
{
	struct doc_visit v = {g, file, line};

	scio_frec_each_turn(doc, visit_turn, &v);
	scio_xgroup_flush(g);
}

void
scio_xgroup_free(struct scio_xgroup *g)
{
	struct scio_buf *bufs[] = {&g->doc, &g->date, &g->title, &g->url,
	    &g->outlet, &g->asker, &g->question, &g->answer, &g->chair,
	    &g->tmp, &g->name, &g->role};

	scio_xgroup_flush(g);
	for (size_t i = 0; i < LEN(bufs); i++)
		scio_buf_free(bufs[i]);
	free(g->file);
	free(g);
}
