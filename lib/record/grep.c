/* grep.c: scio-grep's selection: each record of an input tested (a doc
 * record turn by turn), and what is written for it: the record, its
 * context, its hits (-o), its conference id (-l), or nothing (-c, -q). */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/base/jsonl.h"
#include "scio/base/strset.h"
#include "scio/record/context.h"
#include "scio/record/grep.h"
#include "scio/record/record.h"

struct scio_grep {
	struct scio_grep_opts o;
	struct scio_filter *f;
	struct scio_context *ctx;
	struct scio_jobj obj;
	struct scio_buf out, doc, qa, why;
	struct scio_strset seen;
	unsigned long long nsel;
	int stopping;
};

struct scio_grep *
scio_grep_new(const struct scio_grep_opts *o, struct scio_filter *f)
{
	struct scio_grep *g = scio_calloc(1, sizeof(*g));

	g->o = *o;
	g->f = f;
	if (o->qa || o->before > 0 || o->after > 0)
		g->ctx = scio_context_new(o->qa, o->before, o->after);
	return g;
}

unsigned long long
scio_grep_selected(const struct scio_grep *g)
{
	return g->nsel;
}

void
scio_grep_free(struct scio_grep *g)
{
	if (g == NULL)
		return;
	scio_context_free(g->ctx);
	scio_jobj_free(&g->obj);
	scio_buf_free(&g->out);
	scio_buf_free(&g->doc);
	scio_buf_free(&g->qa);
	scio_buf_free(&g->why);
	scio_strset_free(&g->seen);
	free(g);
}

/* A bad line: jansson words the message, as the other programs print it. */
static void
report_bad(const struct scio_input *in, const struct scio_jerr *err)
{
	json_t *v = scio_record_load(in);

	if (v != NULL) {
		scio_input_bad(in, "bad JSON at column %zu: %s", err->column, err->text);
		json_decref(v);
	}
}

static json_t *
load_valid(const struct scio_input *in)
{
	json_t *v = json_loadb(in->line, in->len, 0, NULL);

	if (v == NULL)
		scio_die(SCIO_EXIT_ERROR, "%s:%zu: cannot load a record the scanner accepted",
		    in->name, in->lineno);
	return v;
}

/* Adds "matches" (and "matches_field" unless it is text) to obj. */
static void
add_marks(struct scio_grep *g, json_t *obj, const json_t *outer)
{
	json_t *v = json_object_get(obj, g->o.field);

	if (v == NULL && outer != NULL)
		v = json_object_get(outer, g->o.field);
	if (json_is_string(v)) {
		json_object_set_new(obj, "matches",
		    scio_filter_marks(g->f, json_string_value(v), json_string_length(v)));
		scio_filter_error(g->f, NULL);	/* the marks found so far stand */
	} else
		json_object_set_new(obj, "matches", json_array());
	if (strcmp(g->o.field, "text") != 0)
		json_object_set_new(obj, "matches_field", json_string(g->o.field));
}

static void
dump_to(struct scio_buf *b, json_t *rec)
{
	char *s = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);

	if (s == NULL)
		scio_die(SCIO_EXIT_ERROR, "cannot encode a record as JSON");
	scio_buf_reset(b);
	scio_buf_adds(b, s);
	scio_buf_addc(b, '\n');
	free(s);
}

/* A pattern PCRE2 could not test on this record (a JIT stack or match
 * limit): neither selected nor inverted in, but named and skipped. */
static int
could_not_test(struct scio_grep *g, const struct scio_input *in)
{
	if (!scio_filter_error(g->f, &g->why))
		return 0;
	scio_bad_input(in->name, in->lineno, "%s; record skipped",
	    scio_buf_str(&g->why));
	scio_buf_reset(&g->why);
	return 1;
}

static void
selected(struct scio_grep *g)
{
	if (g->o.quiet)
		exit(SCIO_EXIT_OK);
	g->nsel++;
	if (g->o.max > 0 && g->nsel >= g->o.max)
		g->stopping = 1;
}

static void
list_doc(struct scio_grep *g, const char *doc, size_t n)
{
	if (scio_strset_add(&g->seen, doc, n)) {
		scio_out_write(doc, n);
		scio_out_write("\n", 1);
	}
}

/* -o: each hit of the text condition in s[0..n), one a line, a line
 * break inside a hit written as a space. */
static void
write_hits(struct scio_grep *g, const char *s, size_t n)
{
	size_t from = 0, so, eo;

	while (scio_filter_next_hit(g->f, s, n, &from, &so, &eo)) {
		scio_buf_reset(&g->out);
		for (size_t i = so; i < eo; i++)
			scio_buf_addc(&g->out, s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
		scio_buf_addc(&g->out, '\n');
		scio_out_write(g->out.s, g->out.len);
	}
	scio_filter_error(g->f, NULL);	/* the hits found so far stand */
}

/* -o on a jansson object (a turn, with its doc as outer). */
static void
write_hits_json(struct scio_grep *g, const json_t *obj, const json_t *outer)
{
	json_t *v = json_object_get(obj, g->o.field);

	if (v == NULL && outer != NULL)
		v = json_object_get(outer, g->o.field);
	if (json_is_string(v))
		write_hits(g, json_string_value(v), json_string_length(v));
}

/* Which turns of a doc record to keep with --turns: the selected ones and
 * their context. */
static void
keep_context(struct scio_grep *g, json_t *turns, const char *sel, char *keep, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!sel[i])
			continue;
		keep[i] = 1;
		if (g->o.qa) {
			json_t *qa = json_object_get(json_array_get(turns, i), "qa");

			for (size_t k = 0; k < n; k++)
				if (qa != NULL && json_equal(qa,
				    json_object_get(json_array_get(turns, k), "qa")))
					keep[k] = 1;
			continue;
		}
		for (size_t k = i >= g->o.before ? i - g->o.before : 0; k < i; k++)
			keep[k] = 1;
		for (size_t k = i + 1; k < n && k <= i + g->o.after; k++)
			keep[k] = 1;
	}
}

/* A doc record: its turns are tested one by one (a field a turn lacks is
 * taken from the doc), and the doc is selected if any turn is. */
static void
grep_doc(struct scio_grep *g, const struct scio_input *in)
{
	json_t *doc = load_valid(in);
	json_t *turns = json_object_get(doc, "turns");
	size_t n = json_array_size(turns);
	char *sel = scio_calloc(n + 1, 1), *keep = scio_calloc(n + 1, 1);
	int any = 0;

	if (n == 0)
		any = !g->stopping && scio_filter_json(g->f, doc, NULL);
	for (size_t i = 0; i < n && !g->stopping; i++) {
		sel[i] = (char)scio_filter_json(g->f, json_array_get(turns, i), doc);
		any |= sel[i];
	}
	if (could_not_test(g, in) || !any)
		goto done;
	selected(g);
	if (g->o.count)
		goto done;
	if (g->o.list) {
		json_t *id = json_object_get(doc, "doc");

		if (json_is_string(id))
			list_doc(g, json_string_value(id), json_string_length(id));
		goto done;
	}
	if (g->o.only) {
		for (size_t i = 0; i < n; i++)
			if (sel[i])
				write_hits_json(g, json_array_get(turns, i), doc);
		if (n == 0)
			write_hits_json(g, doc, NULL);
		goto done;
	}
	if (!g->o.turns && !g->o.mark) {
		scio_out_write(in->line, in->len);
		scio_out_write("\n", 1);
		goto done;
	}
	if (g->o.mark && scio_filter_has_text(g->f))
		for (size_t i = 0; i < n; i++)
			if (sel[i])
				add_marks(g, json_array_get(turns, i), doc);
	if (g->o.turns && n > 0) {
		json_t *kept = json_array();

		keep_context(g, turns, sel, keep, n);
		for (size_t i = 0; i < n; i++)
			if (keep[i])
				json_array_append(kept, json_array_get(turns, i));
		json_object_set_new(doc, "turns", kept);
	}
	scio_record_write(doc);
done:
	free(sel);
	free(keep);
	json_decref(doc);
}

/* A turn, or any other record: tested on the scanned line. */
static void
grep_scanned(struct scio_grep *g, const struct scio_input *in)
{
	int sel = !g->stopping && scio_filter_scanned(g->f, &g->obj);
	struct scio_frec rec = {0};
	int have_doc, have_qa;

	if (could_not_test(g, in))
		sel = 0;
	if (sel)
		selected(g);
	if (g->o.count)
		return;
	if (g->o.list) {
		if (sel && scio_jobj_str(&g->obj, "doc", &g->doc))
			list_doc(g, g->doc.s, g->doc.len);
		return;
	}
	if (g->o.only) {
		if (sel && scio_jobj_str(&g->obj, g->o.field, &g->doc))
			write_hits(g, g->doc.s, g->doc.len);
		return;
	}
	if (g->ctx == NULL && !(sel && g->o.mark)) {
		if (sel) {
			scio_out_write(in->line, in->len);
			scio_out_write("\n", 1);
		}
		return;
	}
	if (sel && g->o.mark && scio_filter_has_text(g->f)) {
		json_t *tree = load_valid(in);

		add_marks(g, tree, NULL);
		dump_to(&g->out, tree);
		json_decref(tree);
	} else {
		scio_buf_reset(&g->out);
		scio_buf_add(&g->out, in->line, in->len);
		scio_buf_addc(&g->out, '\n');
	}
	if (g->ctx == NULL) {
		scio_out_write(g->out.s, g->out.len);
		return;
	}
	rec.obj = &g->obj;
	have_doc = scio_frec_str(&rec, "doc", &g->doc);
	scio_buf_reset(&g->qa);
	have_qa = scio_frec_raw(&rec, "qa", &g->qa);
	scio_context_add(g->ctx, g->out.s, g->out.len, have_doc ? g->doc.s : NULL,
	    have_qa ? scio_buf_str(&g->qa) : NULL, sel);
}

int
scio_grep_input(struct scio_grep *g, struct scio_input *in)
{
	struct scio_jerr err;

	scio_input_want_records(in);
	while (scio_input_next(in) > 0) {
		if (g->stopping && (g->ctx == NULL || !scio_context_pending(g->ctx)))
			return 0;
		if (scio_line_is_blank(in->line, in->len))
			continue;
		if (scio_jscan(in->line, in->len, &g->obj, &err) < 0) {
			report_bad(in, &err);
			continue;
		}
		scio_input_note(in, &g->obj);
		if (scio_jobj_is_doc(&g->obj, &g->out))
			grep_doc(g, in);
		else
			grep_scanned(g, in);
	}
	return !(g->stopping && (g->ctx == NULL || !scio_context_pending(g->ctx)));
}

