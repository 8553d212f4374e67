/* fmt_text.c: -f text, a transcript to read in a terminal or a pager:
 * a header per conference, each turn's speaker then its paragraphs,
 * wrapped by display width, with a rule between exchanges. */
#include <stdio.h>
#include <string.h>

#include "scio/fmt/fmt_impl.h"
#include "scio/base/jsonl.h"
#include "scio/base/width.h"
#include "scio/base/wrap.h"

#define INDENT 4
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define HIT "\033[1;31m"
#define OFF "\033[0m"

enum { LAST_NONE, LAST_CONF, LAST_LINE };

/* Copies text, showing control characters as U+FFFD and tabs and
 * newlines as spaces, so no record can drive the terminal. */
static void
esc_text(struct scio_buf *out, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ctl = c < 0x20 || c == 0x7F;
		int c1 = c == 0xC2 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xA0;

		if (!ctl && !c1)
			continue;
		scio_buf_add(out, s + run, i - run);
		if (c == '\t' || c == '\n' || c == '\r')
			scio_buf_addc(out, ' ');
		else
			scio_buf_adds(out, "\xEF\xBF\xBD");
		if (c1)
			i++;
		run = i + 1;
	}
	scio_buf_add(out, s + run, n - run);
}

struct wrap_ctx {
	struct scio_fmt *f;
	const struct scio_marks *marks;
	size_t indent;
	const char *on;		/* before every line (bold titles), OFF after */
};

static void
put_line(const char *s, size_t start, size_t end, void *arg)
{
	struct wrap_ctx *w = arg;
	struct scio_buf *out = &w->f->out;

	for (size_t i = 0; i < w->indent; i++)
		scio_buf_addc(out, ' ');
	if (w->on)
		scio_buf_adds(out, w->on);
	scio_marks_emit(out, s, start, end, w->marks, esc_text,
	    w->f->o.colour ? HIT : NULL, w->on ? w->on : OFF);
	if (w->on)
		scio_buf_adds(out, OFF);
	scio_buf_addc(out, '\n');
}

static size_t
body_width(const struct scio_fmt *f, size_t indent)
{
	if (f->o.width == 0)
		return 0;
	return f->o.width > indent + 10 ? f->o.width - indent : 10;
}

/* Writes s[0..n) wrapped, each line indented, every line wrapped in on/off
 * when colour is on. */
static void
put_wrapped(struct scio_fmt *f, const char *s, size_t n, size_t indent,
    const char *on)
{
	struct wrap_ctx w = {f, NULL, indent, f->o.colour ? on : NULL};

	scio_wrap(s, 0, n, body_width(f, indent), put_line, &w);
}

static void
put_rule(struct scio_fmt *f, int c, const char *label)
{
	size_t width = f->o.width ? f->o.width : 72, used = 0;

	if (f->o.colour)
		scio_buf_adds(&f->out, DIM);
	if (label) {
		scio_buf_printf(&f->out, "%c%c%c %s ", c, c, c, label);
		used = 5 + strlen(label);
	}
	for (; used < width; used++)
		scio_buf_addc(&f->out, c);
	if (f->o.colour)
		scio_buf_adds(&f->out, OFF);
	scio_buf_addc(&f->out, '\n');
}

/* A header line; a URL is never broken, so that it can be copied. */
static void
put_field(struct scio_fmt *f, const char *label, const struct scio_buf *v,
    int is_url)
{
	struct scio_buf line = {0};

	scio_buf_printf(&line, "%s: ", label);
	if (is_url) {
		scio_buf_adds(&f->out, line.s);
		esc_text(&f->out, v->s, v->len);
		scio_buf_addc(&f->out, '\n');
	} else {
		scio_buf_add(&line, v->s, v->len);
		put_wrapped(f, line.s, line.len, 0, NULL);
	}
	scio_buf_free(&line);
}

static void
put_people(struct scio_fmt *f, const char *label, const char *label1,
    json_t *people)
{
	size_t i;
	json_t *p;

	scio_buf_adds(&f->out, json_array_size(people) == 1 ? label1 : label);
	scio_buf_adds(&f->out, ":\n");
	json_array_foreach(people, i, p) {
		scio_buf_reset(&f->tmp);
		scio_fmt_person(p, &f->tmp);
		put_wrapped(f, f->tmp.s, f->tmp.len, 2, NULL);
	}
}

static void
put_title(struct scio_fmt *f, const char *s, size_t n)
{
	put_wrapped(f, s, n, 0, BOLD);
}

static const struct scio_fmt_header_ops text_header = {
	put_title, put_field, put_people,
};

static void put_paragraphs(struct scio_fmt *f, const struct scio_fmt_turn *t,
    size_t indent);

static void
text_conf_begin(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	if (f->nout != LAST_NONE)
		scio_buf_addc(&f->out, '\n');
	scio_fmt_header(f, c, &text_header);
	put_rule(f, '=', NULL);
	if (c->summary.len || c->text.len) {
		/* the summary, and an article's or notice's own text */
		struct scio_fmt_turn body = {0};

		body.text = c->summary;
		if (c->summary.len) {
			scio_buf_addc(&f->out, '\n');
			put_paragraphs(f, &body, 0);
		}
		body.text = c->text;
		if (c->text.len) {
			scio_buf_addc(&f->out, '\n');
			put_paragraphs(f, &body, 0);
		}
	}
	f->nout = LAST_CONF;
}

static const char *
role_colour(const struct scio_buf *role)
{
	const char *r = scio_buf_str(role);

	if (strcmp(r, "chair") == 0)
		return "\033[1;36m";
	if (strcmp(r, "official") == 0)
		return "\033[1;32m";
	if (strcmp(r, "media") == 0)
		return "\033[1;33m";
	return BOLD;
}

void
scio_fmt_turn_label(const struct scio_fmt_turn *t, struct scio_buf *out)
{
	int media = strcmp(scio_buf_str(&t->role), "media") == 0;

	if (t->speaker.len)
		scio_buf_add(out, t->speaker.s, t->speaker.len);
	if (media && t->outlet.len && (t->speaker.len == 0 ||
	    strcmp(t->speaker.s, t->outlet.s) != 0)) {
		if (t->speaker.len)
			scio_buf_adds(out, ", ");
		scio_buf_add(out, t->outlet.s, t->outlet.len);
	}
	if (out->len == 0)
		scio_buf_adds(out, media ? "Question" : "Unknown speaker");
}

static void
put_paragraphs(struct scio_fmt *f, const struct scio_fmt_turn *t, size_t indent)
{
	struct wrap_ctx w = {f, &t->marks, indent, NULL};
	const char *s = scio_buf_str(&t->text);
	size_t n = t->text.len, i = 0, start;
	int first = 1;

	while (scio_fmt_para_next(s, n, &i, &start)) {
		if (!first)
			scio_buf_addc(&f->out, '\n');
		scio_wrap(s, start, i, body_width(f, indent), put_line, &w);
		first = 0;
	}
}

static void
text_turn(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_turn *t)
{
	(void)c;
	if (t->new_exchange) {
		char label[40];

		snprintf(label, sizeof(label), "Question %lld", t->qa);
		scio_buf_addc(&f->out, '\n');
		put_rule(f, '-', label);
	}
	scio_buf_addc(&f->out, '\n');
	scio_buf_reset(&f->tmp);
	scio_fmt_turn_label(t, &f->tmp);
	scio_buf_addc(&f->tmp, ':');
	put_wrapped(f, f->tmp.s, f->tmp.len, 0, role_colour(&t->role));
	put_paragraphs(f, t, INDENT);
}

static void
text_conf_end(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	(void)f;
	(void)c;
}

static void
text_other(struct scio_fmt *f, const struct scio_frec *r, const char *type)
{
	struct scio_buf a = {0}, b = {0}, line = {0};

	if (f->nout == LAST_CONF)
		scio_buf_addc(&f->out, '\n');
	if (type && strcmp(type, "link") == 0) {
		scio_frec_get(r, "date", &a);
		scio_frec_get(r, "title", &b);
		scio_buf_printf(&line, "[link] %s%s%s <", scio_buf_str(&a),
		    a.len ? "  " : "", b.len ? b.s : "(untitled)");
		scio_buf_reset(&a);
		scio_frec_get(r, "url", &a);
		scio_buf_printf(&line, "%s>", scio_buf_str(&a));
	} else if (type && strcmp(type, "page") == 0) {
		scio_frec_get(r, "status", &a);
		scio_frec_get(r, "final_url", &b);
		if (b.len == 0)
			scio_frec_get(r, "url", &b);
		scio_buf_printf(&line, "[page] %s %s", a.len ? a.s : "-",
		    scio_buf_str(&b));
		scio_buf_reset(&a);
		scio_buf_reset(&b);
		scio_frec_get(r, "content_type", &a);
		scio_frec_get(r, "html", &b);
		scio_buf_printf(&line, " (%s%s%zu bytes)", scio_buf_str(&a),
		    a.len ? ", " : "", b.len);
	} else {
		scio_buf_printf(&line, "[%s] ", type ? type : "record");
		scio_frec_text(r, &line);
	}
	esc_text(&f->out, line.s, line.len);
	scio_buf_addc(&f->out, '\n');
	scio_buf_free(&a);
	scio_buf_free(&b);
	scio_buf_free(&line);
	f->nout = LAST_LINE;
}

const struct scio_doc_ops scio_fmt_text_ops = {
	NULL, text_conf_begin, text_turn, text_conf_end, text_other, NULL,
};
