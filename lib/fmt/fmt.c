/* fmt.c: scio-fmt's driver: hit spans, and the grouping of turns under
 * their conference. */
#include <stdlib.h>
#include <string.h>

#include "scio/base/alloc.h"
#include "scio/base/diag.h"
#include "scio/fmt/fmt_impl.h"
#include "scio/base/jsonl.h"
#include "scio/base/width.h"

static const struct {
	const char *name;
	enum scio_fmt_kind kind;
} kinds[] = {
	{"text", SCIO_FMT_TEXT}, {"md", SCIO_FMT_MD},
	{"markdown", SCIO_FMT_MD}, {"csv", SCIO_FMT_CSV},
	{"tsv", SCIO_FMT_TSV}, {"html", SCIO_FMT_HTML},
	{"json", SCIO_FMT_JSON},
};

int
scio_fmt_kind_from_name(const char *name)
{
	for (size_t i = 0; i < LEN(kinds); i++)
		if (strcmp(name, kinds[i].name) == 0)
			return (int)kinds[i].kind;
	return -1;
}

/* Hit spans. */

static int
span_cmp(const void *a, const void *b)
{
	const struct scio_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

void
scio_marks_free(struct scio_marks *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* Reads [start, end) pairs of code point offsets; 0 if any is malformed. */
static int
read_pairs(struct scio_marks *m, json_t *arr)
{
	size_t i;
	json_t *p;

	if (!json_is_array(arr))
		return 0;
	json_array_foreach(arr, i, p) {
		json_t *a = json_array_get(p, 0), *b = json_array_get(p, 1);
		json_int_t s, e;

		if (!json_is_array(p) || json_array_size(p) != 2 ||
		    !json_is_integer(a) || !json_is_integer(b))
			return 0;
		s = json_integer_value(a);
		e = json_integer_value(b);
		if (s < 0 || e < s)
			return 0;
		if (s == e)
			continue;
		SCIO_ALLOC_GROW(m->v, m->n + 1, m->cap);
		m->v[m->n].start = (size_t)s;
		m->v[m->n].end = (size_t)e;
		m->n++;
	}
	return 1;
}

/* Merges overlapping spans of the sorted array. */
static void
merge_spans(struct scio_marks *m)
{
	size_t k = 0;

	for (size_t i = 0; i < m->n; i++) {
		if (k > 0 && m->v[i].start <= m->v[k - 1].end) {
			if (m->v[i].end > m->v[k - 1].end)
				m->v[k - 1].end = m->v[i].end;
			continue;
		}
		m->v[k++] = m->v[i];
	}
	m->n = k;
}

/* Turns code point offsets into byte offsets in text, in one pass. */
static void
spans_to_bytes(struct scio_marks *m, const char *text, size_t len)
{
	size_t byte = 0, cp = 0, k = 0;
	uint32_t c;

	for (size_t i = 0; i < m->n; i++) {
		size_t *ends[2] = {&m->v[i].start, &m->v[i].end};

		for (int j = 0; j < 2; j++) {
			while (cp < *ends[j] && byte < len) {
				byte += scio_utf8_decode(text + byte, len - byte, &c);
				cp++;
			}
			*ends[j] = byte;
		}
		if (m->v[i].start < m->v[i].end)
			m->v[k++] = m->v[i];
	}
	m->n = k;
}

void
scio_marks_load(struct scio_marks *m, const struct scio_frec *r,
    const char *field, const char *text, size_t len)
{
	struct scio_frec own = *r;
	struct scio_buf which = {0};
	enum scio_ftype t;
	json_t *arr;

	m->n = 0;
	own.parent = NULL;
	t = scio_frec_get(&own, "matches_field", &which);
	if (t == SCIO_F_STRING ? strcmp(scio_buf_str(&which), field) != 0 :
	    strcmp(field, "text") != 0) {
		scio_buf_free(&which);
		return;
	}
	scio_buf_free(&which);
	arr = scio_frec_tree(&own, "matches");
	if (arr == NULL)
		return;
	if (!read_pairs(m, arr))
		m->n = 0;
	json_decref(arr);
	qsort(m->v, m->n, sizeof(*m->v), span_cmp);
	merge_spans(m);
	spans_to_bytes(m, text, len);
}

void
scio_marks_emit(struct scio_buf *out, const char *text, size_t start,
    size_t end, const struct scio_marks *m, scio_esc_fn *esc, const char *on,
    const char *off)
{
	size_t pos = start;

	for (size_t i = 0; m && on && i < m->n; i++) {
		size_t a = m->v[i].start, b = m->v[i].end;

		if (b <= start || a >= end)
			continue;
		if (a < start)
			a = start;
		if (b > end)
			b = end;
		esc(out, text + pos, a - pos);
		scio_buf_adds(out, on);
		esc(out, text + a, b - a);
		scio_buf_adds(out, off);
		pos = b;
	}
	esc(out, text + pos, end - pos);
}

/* Shared rendering helpers. */

void
scio_fmt_person(const json_t *p, struct scio_buf *out)
{
	const char *name = json_string_value(json_object_get(p, "name"));
	const char *title = json_string_value(json_object_get(p, "title"));

	if (json_is_string(p)) {
		scio_buf_adds(out, json_string_value(p));
		return;
	}
	scio_buf_adds(out, name && *name ? name : "(unnamed)");
	if (title && *title) {
		scio_buf_adds(out, ", ");
		scio_buf_adds(out, title);
	}
}

static void
header_field(struct scio_fmt *f, const struct scio_fmt_header_ops *ops,
    const char *label, const struct scio_buf *v, int is_url)
{
	if (v->len)
		ops->field(f, label, v, is_url);
}

static void
header_people(struct scio_fmt *f, const struct scio_fmt_header_ops *ops,
    const char *label, const char *label1, json_t *people)
{
	if (json_array_size(people))
		ops->people(f, label, label1, people);
}

/* The one description of a conference's header: a new line of it is a
 * line here, and every document format shows it. */
void
scio_fmt_header(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_header_ops *ops)
{
	if (c->title.len)
		ops->title(f, c->title.s, c->title.len);
	else
		ops->title(f, "(untitled)", 10);
	header_field(f, ops, "Date", &c->date, 0);
	header_field(f, ops, "Time", &c->time, 0);
	header_field(f, ops, "Place", &c->place, 0);
	header_people(f, ops, "Speakers", "Speaker", c->speakers);
	header_people(f, ops, "Chairpersons", "Chairperson", c->chair);
	header_field(f, ops, "Source", &c->url, 1);
	header_field(f, ops, "Chinese", &c->zh_url, 1);
}

int
scio_fmt_para_next(const char *s, size_t n, size_t *i, size_t *start)
{
	size_t k = *i;

	while (k < n) {
		while (k < n && (s[k] == '\n' || s[k] == '\r'))
			k++;
		*start = k;
		while (k < n && s[k] != '\n')
			k++;
		if (!scio_line_is_blank(s + *start, k - *start)) {
			*i = k;
			return 1;
		}
	}
	*i = k;
	return 0;
}

void
scio_fmt_flush(struct scio_fmt *f)
{
	if (f->o.kind == SCIO_FMT_HTML && !f->page_done) {
		scio_buf_add(&f->page, f->out.s, f->out.len);
		scio_buf_reset(&f->out);
		return;
	}
	scio_out_write(f->out.s, f->out.len);
	scio_buf_reset(&f->out);
}

/* The driver. */

struct scio_fmt *
scio_fmt_new(const struct scio_fmt_opts *opts)
{
	struct scio_fmt *f = scio_calloc(1, sizeof(*f));

	f->o = *opts;
	f->prev_qa = -1;
	switch (opts->kind) {
	case SCIO_FMT_TEXT:
		f->ops = &scio_fmt_text_ops;
		break;
	case SCIO_FMT_MD:
		f->ops = &scio_fmt_md_ops;
		break;
	case SCIO_FMT_HTML:
		f->ops = &scio_fmt_html_ops;
		break;
	case SCIO_FMT_TEMPLATE:
		f->tpl = scio_template_compile(opts->template, &f->tmp);
		if (f->tpl == NULL)
			scio_usage_error("%s", scio_buf_str(&f->tmp));
		scio_template_set_defang(f->tpl, opts->defang);
		break;
	case SCIO_FMT_CSV:
	case SCIO_FMT_TSV:
		if (opts->bom)
			scio_buf_adds(&f->out, "\xEF\xBB\xBF");
		if (opts->header)
			scio_fmt_csv_header(f);
		break;
	case SCIO_FMT_JSON:
		break;
	}
	if (f->ops && f->ops->begin)
		f->ops->begin(f);
	scio_fmt_flush(f);
	return f;
}

int
scio_fmt_wants_tree(const struct scio_fmt *f, const char *type, size_t typelen)
{
	if (f->o.kind == SCIO_FMT_JSON)
		return 1;
	return type != NULL && typelen == 3 && memcmp(type, "doc", 3) == 0;
}

static void
conf_reset(struct scio_fmt_conf *c)
{
	struct scio_buf *bufs[] = {&c->doc, &c->title, &c->date, &c->time,
	    &c->place, &c->url, &c->source, &c->published, &c->category,
	    &c->summary, &c->zh_url, &c->text};

	for (size_t i = 0; i < LEN(bufs); i++)
		scio_buf_reset(bufs[i]);
	json_decref(c->speakers);
	json_decref(c->chair);
	c->speakers = c->chair = NULL;
}

/* A field's value as text: a value of an unexpected type (an array, an
 * object, a boolean) is shown as compact JSON rather than dropped. */
static void
get_str(const struct scio_frec *r, const char *key, struct scio_buf *b)
{
	scio_buf_reset(b);
	scio_frec_get(r, key, b);
}

static void
conf_end(struct scio_fmt *f)
{
	if (!f->in_conf)
		return;
	f->ops->conf_end(f, &f->conf);
	f->in_conf = 0;
	conf_reset(&f->conf);
}

static void
conf_begin(struct scio_fmt *f, const struct scio_frec *r, int is_doc)
{
	struct scio_fmt_conf *c = &f->conf;

	conf_reset(c);
	get_str(r, "doc", &c->doc);
	get_str(r, "title", &c->title);
	get_str(r, "date", &c->date);
	get_str(r, "url", &c->url);
	if (is_doc) {
		get_str(r, "time", &c->time);
		get_str(r, "place", &c->place);
		get_str(r, "source", &c->source);
		get_str(r, "published", &c->published);
		get_str(r, "category", &c->category);
		get_str(r, "summary", &c->summary);
		get_str(r, "zh_url", &c->zh_url);
		get_str(r, "text", &c->text);
		c->speakers = scio_frec_tree(r, "speakers");
		c->chair = scio_frec_tree(r, "chair");
	}
	c->ordinal = ++f->nconf;
	f->in_conf = 1;
	f->prev_qa = -1;
	f->ops->conf_begin(f, c);
	f->turn.first = 1;
}

static void
one_turn(struct scio_fmt *f, const struct scio_frec *r)
{
	struct scio_fmt_turn *t = &f->turn;

	get_str(r, "speaker", &t->speaker);
	get_str(r, "role", &t->role);
	get_str(r, "outlet", &t->outlet);
	get_str(r, "text", &t->text);
	if (!scio_frec_int(r, "qa", &t->qa) || t->qa < 0)
		t->qa = -1;
	t->new_exchange = t->qa > 0 && t->qa != f->prev_qa;
	scio_marks_load(&t->marks, r, "text", scio_buf_str(&t->text),
	    t->text.len);
	f->ops->turn(f, &f->conf, t);
	f->prev_qa = t->qa;
	t->first = 0;
}

/* An exchange record in a document format: its question, the answers and
 * the chair's words, shown as three turns of its conference. */
static void
exchange_turns(struct scio_fmt *f, const struct scio_frec *r)
{
	static const char *const parts[][3] = {
		{"question", "asker", "media"},
		{"answer", "answered_by", "official"},
		{"chair_text", NULL, "chair"},
	};
	struct scio_frec sub = {0};
	long long qa = -1;

	scio_frec_int(r, "qa", &qa);
	for (size_t i = 0; i < LEN(parts); i++) {
		json_t *t = json_object();

		scio_buf_reset(&f->tmp2);
		if (scio_frec_get(r, parts[i][0], &f->tmp2) != SCIO_F_STRING &&
		    i != 1) {
			json_decref(t);
			continue;
		}
		json_object_set_new(t, "text", f->tmp2.len ?
		    json_stringn(f->tmp2.s, f->tmp2.len) : json_string("(no answer)"));
		scio_buf_reset(&f->tmp2);
		if (parts[i][1] == NULL)
			json_object_set_new(t, "speaker", json_string("Chair"));
		else if (scio_frec_get(r, parts[i][1], &f->tmp2) == SCIO_F_STRING)
			json_object_set_new(t, "speaker",
			    json_stringn(f->tmp2.s, f->tmp2.len));
		json_object_set_new(t, "role", json_string(parts[i][2]));
		scio_buf_reset(&f->tmp2);
		if (i == 0 && scio_frec_get(r, "outlet", &f->tmp2) == SCIO_F_STRING)
			json_object_set_new(t, "outlet",
			    json_stringn(f->tmp2.s, f->tmp2.len));
		json_object_set_new(t, "qa", json_integer(qa));
		sub.json = t;
		one_turn(f, &sub);
		json_decref(t);
	}
}

/* Whether the turn record r belongs to the conference being shown. */
static int
same_conf(struct scio_fmt *f, const struct scio_frec *r)
{
	int same;

	if (!f->in_conf)
		return 0;
	scio_buf_reset(&f->tmp2);
	scio_frec_get(r, "doc", &f->tmp2);
	same = f->tmp2.len == f->conf.doc.len &&
	    memcmp(scio_buf_str(&f->tmp2), scio_buf_str(&f->conf.doc),
	    f->tmp2.len) == 0;
	if (same && f->tmp2.len == 0) {
		/* No conference id on either: the title must match. */
		scio_buf_reset(&f->tmp2);
		scio_frec_get(r, "title", &f->tmp2);
		same = strcmp(scio_buf_str(&f->tmp2),
		    scio_buf_str(&f->conf.title)) == 0;
	}
	return same;
}

static void
doc_record(struct scio_fmt *f, const struct scio_frec *r)
{
	json_t *turns = scio_frec_tree(r, "turns");
	struct scio_frec sub = {0};
	size_t i;
	json_t *t;

	conf_end(f);
	conf_begin(f, r, 1);
	sub.parent = NULL;
	if (json_is_array(turns)) {
		json_array_foreach(turns, i, t) {
			if (!json_is_object(t))
				continue;
			sub.json = t;
			one_turn(f, &sub);
			scio_fmt_flush(f);
		}
	}
	json_decref(turns);
	conf_end(f);
}

/* Rows of csv, tsv and templates: a doc record gives one row per turn,
 * the conference's fields filling in what a turn lacks. */
static void
row(struct scio_fmt *f, const struct scio_frec *r)
{
	if (f->o.kind == SCIO_FMT_TEMPLATE) {
		scio_template_expand(f->tpl, r, &f->out, &f->tmp);
		scio_buf_addc(&f->out, '\n');
	} else {
		scio_fmt_csv_row(f, r);
	}
	scio_fmt_flush(f);
}

struct doc_rows {
	struct scio_fmt *f;
	size_t n;
};

static void
doc_row(void *arg, const struct scio_frec *turn, const json_t *people)
{
	struct doc_rows *d = arg;

	(void)people;
	row(d->f, turn);
	d->n++;
}

static void
doc_rows(struct scio_fmt *f, const struct scio_frec *r)
{
	struct doc_rows d = { f, 0 };

	scio_frec_each_turn(r, doc_row, &d);
	if (d.n == 0)
		row(f, r);
}

void
scio_fmt_record(struct scio_fmt *f, const struct scio_frec *r, const char *type)
{
	int is_turn = type && strcmp(type, "turn") == 0;
	int is_doc = type && strcmp(type, "doc") == 0;
	int is_exchange = type && strcmp(type, "exchange") == 0;

	if (f->o.kind == SCIO_FMT_JSON) {
		scio_fmt_json_record(f, r);
	} else if (f->ops == NULL) {
		if (is_doc)
			doc_rows(f, r);
		else
			row(f, r);
	} else if (is_turn || is_exchange) {
		if (!same_conf(f, r)) {
			conf_end(f);
			conf_begin(f, r, 0);
		}
		if (is_exchange)
			exchange_turns(f, r);
		else
			one_turn(f, r);
	} else if (is_doc) {
		doc_record(f, r);
	} else {
		conf_end(f);
		f->ops->other(f, r, type);
	}
	scio_fmt_flush(f);
}

void
scio_fmt_finish(struct scio_fmt *f)
{
	if (f->ops) {
		conf_end(f);
		if (f->ops->end)
			f->ops->end(f);
	}
	scio_fmt_flush(f);
	conf_reset(&f->conf);
	{
		struct scio_buf *bufs[] = {&f->conf.doc, &f->conf.title,
		    &f->conf.date, &f->conf.time, &f->conf.place, &f->conf.url,
		    &f->conf.source, &f->conf.published, &f->conf.category,
		    &f->conf.summary, &f->conf.zh_url, &f->conf.text, &f->turn.speaker,
		    &f->turn.role, &f->turn.outlet, &f->turn.text, &f->out,
		    &f->tmp, &f->tmp2, &f->toc, &f->body};

		for (size_t i = 0; i < LEN(bufs); i++)
			scio_buf_free(bufs[i]);
	}
	scio_marks_free(&f->turn.marks);
	scio_buf_free(&f->page);
	scio_buf_free(&f->first_title);
	scio_buf_free(&f->date_min);
	scio_buf_free(&f->date_max);
	if (f->tpl)
		scio_template_free(f->tpl);
	free(f);
}
