/* fmt_md.c: -f md, Markdown that renders on GitHub and in pandoc: a
 * heading per conference, bold speaker names, questions blockquoted. */
#include <string.h>

#include "scio/fmt/fmt_impl.h"
#include "scio/base/jsonl.h"

enum { LAST_NONE, LAST_CONF, LAST_ITEM };

/* Escapes text for a Markdown paragraph: punctuation that could start
 * emphasis, code, links, tables or HTML is backslashed or made an entity;
 * newlines, tabs and control characters (C0, DEL and the C1 controls
 * U+0080 to U+009F, which a terminal may obey) become spaces. */
static void
esc_md(struct scio_buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '|': case '~': case '#':
			scio_buf_addc(out, '\\');
			scio_buf_addc(out, c);
			break;
		case '<':
			scio_buf_adds(out, "&lt;");
			break;
		case '>':
			scio_buf_adds(out, "&gt;");
			break;
		case '&':
			scio_buf_adds(out, "&amp;");
			break;
		default:
			if (c == 0xC2 && i + 1 < n &&
			    (unsigned char)s[i + 1] >= 0x80 &&
			    (unsigned char)s[i + 1] <= 0x9F) {
				scio_buf_addc(out, ' ');
				i++;
			} else if (c < 0x20 || c == 0x7F) {
				scio_buf_addc(out, ' ');
			} else {
				scio_buf_addc(out, c);
			}
		}
	}
}

/* A paragraph from s[start..end): what would open a list or a heading
 * underline at the start of a line is escaped too. */
static void
md_para(struct scio_buf *out, const char *s, size_t start, size_t end,
    const struct scio_marks *m)
{
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	if (start < end && (s[start] == '-' || s[start] == '+' ||
	    s[start] == '=')) {
		scio_buf_addc(out, '\\');
	} else {
		size_t k = start;

		while (k < end && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k > start && k < end && (s[k] == '.' || s[k] == ')')) {
			scio_marks_emit(out, s, start, k, m, esc_md, "<mark>",
			    "</mark>");
			scio_buf_addc(out, '\\');
			start = k;
		}
	}
	scio_marks_emit(out, s, start, end, m, esc_md, "<mark>", "</mark>");
}

static void
md_plain(struct scio_buf *out, const char *s, size_t n)
{
	md_para(out, s, 0, n, NULL);
}

/* Whether a URL can go between < and > as it is, and is one to follow. */
static int
url_ok(const struct scio_buf *u)
{
	const char *s = scio_buf_str(u);

	if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == '<' || *s == '>' ||
		    *s == 0x7F)
			return 0;
	return 1;
}

static void
md_url(struct scio_buf *out, const struct scio_buf *u)
{
	if (url_ok(u)) {
		scio_buf_addc(out, '<');
		scio_buf_add(out, u->s, u->len);
		scio_buf_addc(out, '>');
	} else {
		esc_md(out, scio_buf_str(u), u->len);
	}
}

static void
md_item(struct scio_fmt *f, const char *label, const struct scio_buf *v,
    int is_url)
{
	scio_buf_printf(&f->out, "- **%s:** ", label);
	if (is_url)
		md_url(&f->out, v);
	else
		md_plain(&f->out, v->s, v->len);
	scio_buf_addc(&f->out, '\n');
}

static void
md_people(struct scio_fmt *f, const char *label, const char *label1,
    json_t *people)
{
	size_t i, n = json_array_size(people);
	json_t *p;

	scio_buf_printf(&f->out, "- **%s:**", n == 1 ? label1 : label);
	json_array_foreach(people, i, p) {
		scio_buf_reset(&f->tmp);
		scio_fmt_person(p, &f->tmp);
		scio_buf_adds(&f->out, n == 1 ? " " : "\n  - ");
		md_plain(&f->out, f->tmp.s, f->tmp.len);
	}
	scio_buf_addc(&f->out, '\n');
}

static void
md_title(struct scio_fmt *f, const char *s, size_t n)
{
	scio_buf_adds(&f->out, "## ");
	md_plain(&f->out, s, n);
	scio_buf_adds(&f->out, "\n\n");
}

static const struct scio_fmt_header_ops md_header = {
	md_title, md_item, md_people,
};

static void
md_conf_begin(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	if (f->nout != LAST_NONE)
		scio_buf_addc(&f->out, '\n');
	scio_fmt_header(f, c, &md_header);
	for (int part = 0; part < 2; part++) {
		/* the summary, then an article's or notice's own text */
		const struct scio_buf *b = part ? &c->text : &c->summary;
		const char *s = scio_buf_str(b);
		size_t n = b->len, i = 0, start;
		struct scio_marks none = {0};

		while (scio_fmt_para_next(s, n, &i, &start)) {
			scio_buf_addc(&f->out, '\n');
			md_para(&f->out, s, start, i, &none);
			scio_buf_addc(&f->out, '\n');
		}
	}
	f->nout = LAST_CONF;
}

static void
md_turn(struct scio_fmt *f, const struct scio_fmt_conf *c,
    const struct scio_fmt_turn *t)
{
	const char *s = scio_buf_str(&t->text), *quote;
	size_t n = t->text.len, i = 0, start;
	int first = 1;

	(void)c;
	quote = strcmp(scio_buf_str(&t->role), "media") == 0 ? "> " : "";
	if (t->new_exchange && !t->first)
		scio_buf_adds(&f->out, "\n---\n");
	scio_buf_printf(&f->out, "\n%s**", quote);
	scio_buf_reset(&f->tmp);
	scio_fmt_turn_label(t, &f->tmp);
	esc_md(&f->out, f->tmp.s, f->tmp.len);
	scio_buf_adds(&f->out, ":**");
	while (scio_fmt_para_next(s, n, &i, &start)) {
		if (first)
			scio_buf_addc(&f->out, ' ');
		else
			scio_buf_printf(&f->out, "\n%s\n%s", *quote ? ">" : "",
			    quote);
		md_para(&f->out, s, start, i, &t->marks);
		first = 0;
	}
	scio_buf_addc(&f->out, '\n');
}

static void
md_conf_end(struct scio_fmt *f, const struct scio_fmt_conf *c)
{
	(void)f;
	(void)c;
}

static void
md_fence(struct scio_fmt *f, const struct scio_frec *r, const char *type)
{
	size_t run = 0, longest = 0, i;

	scio_buf_reset(&f->tmp);
	scio_frec_text(r, &f->tmp);
	for (i = 0; i < f->tmp.len; i++) {
		run = f->tmp.s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	scio_buf_adds(&f->out, "**");
	md_plain(&f->out, type ? type : "record", strlen(type ? type : "record"));
	scio_buf_adds(&f->out, "**\n\n");
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		scio_buf_addc(&f->out, '`');
	scio_buf_adds(&f->out, "json\n");
	scio_buf_add(&f->out, f->tmp.s, f->tmp.len);
	scio_buf_addc(&f->out, '\n');
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		scio_buf_addc(&f->out, '`');
	scio_buf_addc(&f->out, '\n');
}

static void
md_other(struct scio_fmt *f, const struct scio_frec *r, const char *type)
{
	struct scio_buf a = {0}, b = {0}, u = {0};
	int link = type && strcmp(type, "link") == 0;
	int page = type && strcmp(type, "page") == 0;

	if (!link && !page) {
		if (f->nout != LAST_NONE)
			scio_buf_addc(&f->out, '\n');
		md_fence(f, r, type);
		f->nout = LAST_CONF;
		return;
	}
	if (f->nout == LAST_CONF)
		scio_buf_addc(&f->out, '\n');
	scio_frec_get(r, link ? "title" : "status", &a);
	scio_frec_get(r, "date", &b);
	if (page)
		scio_frec_get(r, "final_url", &u);
	if (u.len == 0)
		scio_frec_get(r, "url", &u);
	scio_buf_adds(&f->out, page ? "- page " : "- ");
	if (page)
		scio_buf_printf(&f->out, "%s ", a.len ? a.s : "-");
	if (link)
		md_plain(&f->out, a.len ? a.s : "(untitled)",
		    a.len ? a.len : 10);
	if (link && b.len) {
		scio_buf_adds(&f->out, " (");
		md_plain(&f->out, b.s, b.len);
		scio_buf_addc(&f->out, ')');
	}
	if (link)
		scio_buf_adds(&f->out, ": ");
	md_url(&f->out, &u);
	scio_buf_addc(&f->out, '\n');
	scio_buf_free(&a);
	scio_buf_free(&b);
	scio_buf_free(&u);
	f->nout = LAST_ITEM;
}

const struct scio_doc_ops scio_fmt_md_ops = {
	NULL, md_conf_begin, md_turn, md_conf_end, md_other, NULL,
};
